// `newsgraph parse`: the dependency trees of an article's sentences, for people (aligned columns:
// word, part of speech, relation, head), or of the sentences of a CoNLL-U file, printed back line
// for line with the parser's UPOS, HEAD and DEPREL in columns 4, 7 and 8, as conllu_score.py reads
// them. Comments, multiword-token lines ("3-4") and empty nodes ("8.1") are printed unchanged.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/parse/conllu.hpp"
#include "newsgraph/parse/parser.hpp"
#include "newsgraph/read/read.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::command {
namespace {

struct ParseOptions {
  std::string input = "-";
  std::string format = "text";
  std::string model;
};

// Collects output and writes it to stdout in large blocks.
class Output {
 public:
  std::string& buffer() { return buffer_; }
  void maybe_flush() {
    if (buffer_.size() >= kBlock) flush();
  }
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), stdout) != buffer_.size() || std::fflush(stdout) != 0)
      throw Error("cannot write the output");
    buffer_.clear();
  }

 private:
  static constexpr std::size_t kBlock = 1 << 16;
  std::string buffer_;
};

// Every line of a CoNLL-U text, the word lines with the parser's columns 4, 7 and 8.
void parse_conllu(const parse::Parser& parser, std::string_view text, Output& output) {
  constexpr std::size_t kUpos = 3, kHead = 6, kRelation = 7;
  struct Line {
    std::string_view text;
    bool word;
  };
  std::vector<Line> lines;  // of the sentence being read
  std::vector<parse::ConlluFields> fields;
  std::vector<std::string_view> words;
  auto flush_sentence = [&] {
    if (lines.empty()) return;
    const parse::DependencyTree tree = parser.parse(words);
    std::string& out = output.buffer();
    std::size_t w = 0;
    for (const Line& line : lines) {
      if (!line.word) {
        out.append(line.text).append("\n");
        continue;
      }
      const parse::ConlluFields& columns = fields[w];
      const parse::ParsedWord& parsed = tree.words()[w++];
      for (std::size_t c = 0; c < parse::kConlluColumns; ++c) {
        if (c > 0) out += '\t';
        if (c == kUpos) {
          out.append(parsed.upos);
        } else if (c == kHead) {
          out.append(std::to_string(parsed.head));
        } else if (c == kRelation) {
          out.append(parsed.relation);
        } else {
          out.append(columns[c]);
        }
      }
      out += '\n';
    }
    lines.clear();
    fields.clear();
    words.clear();
    output.maybe_flush();
  };

  parse::ConlluFields columns;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (line.ends_with('\r')) line.remove_suffix(1);
    const parse::ConlluLine kind = parse::classify_conllu_line(line, columns);
    if (kind == parse::ConlluLine::kBlank) {
      flush_sentence();
      output.buffer().append(line).append("\n");
      continue;
    }
    lines.push_back({line, kind == parse::ConlluLine::kWord});
    if (kind != parse::ConlluLine::kWord) continue;
    fields.push_back(columns);
    words.push_back(columns[1]);
  }
  flush_sentence();
}

// Each sentence as a table for people: position, word, part of speech, relation, head.
void parse_article(const parse::Parser& parser, const Document& document, Output& output) {
  const text::Segments segments = text::segment(document);
  std::vector<std::string_view> words;
  for (std::size_t s = 0; s < segments.sentences.size(); ++s) {
    const text::Sentence& sentence = segments.sentences[s];
    words.clear();
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
      words.push_back(slice(document.text, segments.tokens[t].span));
    const parse::DependencyTree tree = parser.parse(words);
    std::size_t word_width = 4, relation_width = 8;
    for (std::size_t w = 0; w < words.size(); ++w) {
      word_width = std::max(word_width, words[w].size());
      relation_width = std::max(relation_width, tree.relation(w).size());
    }
    std::string& out = output.buffer();
    out += "sentence " + std::to_string(s + 1) + " [" + std::to_string(sentence.span.begin) + ", " +
           std::to_string(sentence.span.end) + "): " + std::string(slice(document.text, sentence.span)) +
           "\n";
    auto pad = [](std::string_view text, std::size_t width) {
      return std::string(text) + std::string(width > text.size() ? width - text.size() : 0, ' ');
    };
    for (std::size_t w = 0; w < words.size(); ++w) {
      const std::optional<std::size_t> head = tree.head(w);
      out += pad(std::to_string(w + 1), 4) + pad(words[w], word_width + 2) + pad(tree.upos(w), 7) +
             pad(tree.relation(w), relation_width + 2);
      out += head ? std::to_string(*head + 1) + " " + std::string(words[*head]) : std::string("0 (root)");
      out += "\n";
    }
    out += "\n";
    output.maybe_flush();
  }
}

int run_parse(const ParseOptions& options) {
  std::optional<parse::Parser> from_file;
  if (!options.model.empty()) from_file.emplace(parse::Parser::load_file(options.model));
  const parse::Parser& parser = from_file ? *from_file : parse::Parser::embedded();
  Output output;
  if (options.format == "conllu") {
    parse_conllu(parser, read_input(options.input), output);
    output.flush();
    return 0;
  }
  const Articles articles = read_articles_of(options.input, {});
  for (const Document& document : articles.documents) {
    if (articles.documents.size() > 1) output.buffer() += "article " + document.id + "\n\n";
    parse_article(parser, document, output);
  }
  output.flush();
  return articles.had_problems ? 1 : 0;
}

}  // namespace

void add_parse_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* command = app.add_subcommand("parse", "Parses the sentences of an article into dependency trees");
  command
      ->add_option(
          "input", options->input,
          "an article (.txt), articles (.jsonl, a directory), a CoNLL-U file, or - for standard input")
      ->capture_default_str();
  command->add_option("--format", options->format, "text, or conllu (a CoNLL-U file in and out)")
      ->check(CLI::IsMember({"text", "conllu"}))
      ->capture_default_str();
  command->add_option("--model", options->model, "a parser model file instead of the built-in one");
  command->callback([options, &result] { result.exit_status = run_parse(*options); });
}

}  // namespace newsgraph::command
