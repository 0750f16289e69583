// `newsgraph tag`: parts of speech and named entities of an article (text or JSON), or of a CoNLL
// file (each line with the predicted entity tag appended, as conll_score.py reads it).
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

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
#include "newsgraph/read/read.hpp"
#include "newsgraph/tag/entities.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/tag/tagger.hpp"
#include "newsgraph/text/segment.hpp"
#include "newsgraph/time/expressions.hpp"

namespace newsgraph::command {
namespace {

struct TagOptions {
  std::string date;  // anchors relative time expressions
  std::string input = "-";
  std::string format = "text";
  std::string model;
};

void write_output(const std::string& bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), stdout) != bytes.size() || std::fflush(stdout) != 0)
    throw Error("cannot write the output");
}

// The first whitespace-separated field of a CoNLL line.
std::string_view first_field(std::string_view line) {
  const std::size_t begin = line.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  const std::size_t end = line.find_first_of(" \t\r", begin);
  return line.substr(begin, end == std::string_view::npos ? line.npos : end - begin);
}

// Every line as read, sentence lines with " TAG" appended; blank and -DOCSTART- lines unchanged.
// The sentences between two -DOCSTART- lines are tagged together as one document.
std::string tag_conll(const tag::Tagger& tagger, std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  // The lines of the document so far; sentence k's words are sentences[k], its lines are the
  // sentence lines in order.
  std::vector<std::string_view> lines;
  std::vector<std::vector<std::string_view>> sentences(1);
  auto flush_document = [&] {
    if (sentences.back().empty()) sentences.pop_back();
    const std::vector<std::vector<tag::WordTags>> tags = tagger.tag_document(sentences);
    std::size_t k = 0, i = 0;
    for (std::string_view line : lines) {
      if (line.ends_with('\r')) line.remove_suffix(1);
      if (first_field(line).empty() || first_field(line) == "-DOCSTART-") {
        out.append(line).append("\n");
        if (i > 0) ++k, i = 0;
        continue;
      }
      out.append(line).append(" ").append(tags[k][i].ner).append("\n");
      ++i;
    }
    lines.clear();
    sentences.assign(1, {});
  };
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    const std::string_view word = first_field(line);
    if (word == "-DOCSTART-") flush_document();
    lines.push_back(line);
    if (word.empty() || word == "-DOCSTART-") {
      if (!sentences.back().empty()) sentences.emplace_back();
      continue;
    }
    sentences.back().push_back(word);
  }
  flush_document();
  return out;
}

struct TaggedSentence {
  const text::Sentence* sentence;
  std::vector<std::string_view> words;
  std::vector<tag::WordTags> tags;
  std::vector<tag::EntityChunk> entities;
};

std::vector<TaggedSentence> tag_article(const tag::Tagger& tagger, const Document& document,
                                        const text::Segments& segments) {
  std::vector<TaggedSentence> sentences;
  std::vector<std::vector<std::string_view>> words;
  for (const text::Sentence& sentence : segments.sentences) {
    TaggedSentence tagged{&sentence, {}, {}, {}};
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
      tagged.words.push_back(slice(document.text, segments.tokens[t].span));
    words.push_back(tagged.words);
    sentences.push_back(std::move(tagged));
  }
  std::vector<std::vector<tag::WordTags>> tags = tagger.tag_document(words);
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    sentences[s].tags = std::move(tags[s]);
    std::vector<std::string_view> ner;
    for (const tag::WordTags& word : sentences[s].tags) ner.push_back(word.ner);
    sentences[s].entities = tag::entity_chunks(ner);
  }
  return sentences;
}

Span entity_span(const text::Segments& segments, const TaggedSentence& sentence,
                 const tag::EntityChunk& entity) {
  const std::size_t first = sentence.sentence->first_token;
  return {segments.tokens[first + entity.begin].span.begin, segments.tokens[first + entity.end - 1].span.end};
}

// For people: each sentence as word/POS/NER, then the tagger's entities, the names the graph reads
// from them (after the rules of tag/mentions.hpp) and the time expressions, with their byte spans.
std::string format_text(const Document& document, const text::Segments& segments,
                        const std::vector<TaggedSentence>& sentences, const std::vector<tag::Mention>& names,
                        const std::vector<time::TimeExpression>& times) {
  std::string out;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const TaggedSentence& sentence = sentences[s];
    out += "sentence " + std::to_string(s + 1) + " [" + std::to_string(sentence.sentence->span.begin) + ", " +
           std::to_string(sentence.sentence->span.end) + "):";
    for (std::size_t i = 0; i < sentence.words.size(); ++i)
      out.append(" ")
          .append(sentence.words[i])
          .append("/")
          .append(sentence.tags[i].pos)
          .append("/")
          .append(sentence.tags[i].ner);
    out += "\n";
    for (const tag::EntityChunk& entity : sentence.entities) {
      const Span span = entity_span(segments, sentence, entity);
      out.append("  ").append(entity.type).append(" \"").append(slice(document.text, span));
      out += "\" [" + std::to_string(span.begin) + ", " + std::to_string(span.end) + ")\n";
    }
    for (const tag::Mention& name : names) {
      if (name.sentence != s) continue;
      out.append("  name ")
          .append(tag::to_string(name.type))
          .append(" \"")
          .append(slice(document.text, name.span));
      out += "\" [" + std::to_string(name.span.begin) + ", " + std::to_string(name.span.end) + ")\n";
    }
    for (const time::TimeExpression& expression : times) {
      if (expression.sentence != s) continue;
      out.append("  TIME \"").append(slice(document.text, expression.span)).append("\" = ");
      out += expression.value.value_or("(not pinned down)") + " [" + std::to_string(expression.span.begin) +
             ", " + std::to_string(expression.span.end) + ")\n";
    }
  }
  return out;
}

std::string format_json(const Document& document, const text::Segments& segments,
                        const std::vector<TaggedSentence>& sentences, const std::vector<tag::Mention>& names,
                        const std::vector<time::TimeExpression>& times) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> json(buffer);
  auto string = [&](std::string_view text) {
    json.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  };
  auto span = [&](Span s) {
    json.StartArray();
    json.Uint64(s.begin);
    json.Uint64(s.end);
    json.EndArray();
  };
  json.StartObject();
  json.Key("id");
  string(document.id);
  json.Key("sentences");
  json.StartArray();
  for (const TaggedSentence& sentence : sentences) {
    json.StartObject();
    json.Key("span");
    span(sentence.sentence->span);
    json.Key("tokens");
    json.StartArray();
    for (std::size_t i = 0; i < sentence.words.size(); ++i) {
      json.StartObject();
      json.Key("text");
      string(sentence.words[i]);
      json.Key("span");
      span(segments.tokens[sentence.sentence->first_token + i].span);
      json.Key("pos");
      string(sentence.tags[i].pos);
      json.Key("ner");
      string(sentence.tags[i].ner);
      json.EndObject();
    }
    json.EndArray();
    json.Key("entities");
    json.StartArray();
    for (const tag::EntityChunk& entity : sentence.entities) {
      const Span entity_bytes = entity_span(segments, sentence, entity);
      json.StartObject();
      json.Key("type");
      string(entity.type);
      json.Key("text");
      string(slice(document.text, entity_bytes));
      json.Key("span");
      span(entity_bytes);
      json.Key("tokens");
      span({sentence.sentence->first_token + entity.begin, sentence.sentence->first_token + entity.end});
      json.EndObject();
    }
    json.EndArray();
    json.EndObject();
  }
  json.EndArray();
  json.Key("names");
  json.StartArray();
  for (const tag::Mention& name : names) {
    json.StartObject();
    json.Key("type");
    string(tag::to_string(name.type));
    json.Key("text");
    string(slice(document.text, name.span));
    json.Key("span");
    span(name.span);
    json.Key("tokens");
    span({name.first_token, name.end_token});
    json.EndObject();
  }
  json.EndArray();
  json.Key("times");
  json.StartArray();
  for (const time::TimeExpression& expression : times) {
    json.StartObject();
    json.Key("text");
    string(slice(document.text, expression.span));
    json.Key("span");
    span(expression.span);
    json.Key("value");
    if (expression.value)
      string(*expression.value);
    else
      json.Null();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

int run_tag(const TagOptions& options) {
  std::optional<tag::Tagger> from_file;
  if (!options.model.empty()) from_file.emplace(tag::Tagger::load_file(options.model));
  const tag::Tagger& tagger = from_file ? *from_file : tag::Tagger::embedded();
  if (options.format == "conll") {
    write_output(tag_conll(tagger, read_input(options.input)));
    return 0;
  }
  read::ReadOptions read_options;
  if (!options.date.empty()) read_options.date = options.date;
  const Articles articles = read_articles_of(options.input, read_options);
  for (const Document& document : articles.documents) {
    if (articles.documents.size() > 1 && options.format == "text")
      write_output("article " + document.id + "\n");
    const text::Segments segments = text::segment(document);
    const std::vector<TaggedSentence> sentences = tag_article(tagger, document, segments);
    const tag::Tagging names = tag::tag_document(document, segments, tagger, nullptr);
    const std::vector<time::TimeExpression> times = time::find_time_expressions(document, segments);
    write_output(options.format == "json"
                     ? format_json(document, segments, sentences, names.mentions, times)
                     : format_text(document, segments, sentences, names.mentions, times));
  }
  return articles.had_problems ? 1 : 0;
}

}  // namespace

void add_tag_command(CLI::App& app, CommandResult& result) {
  auto options = std::make_shared<TagOptions>();
  CLI::App* command =
      app.add_subcommand("tag", "Tags the words of an article with parts of speech and named entities");
  command
      ->add_option("input", options->input,
                   "an article (.txt), articles (.jsonl, a directory), a CoNLL file, or - for standard input")
      ->capture_default_str();
  command
      ->add_option("--date", options->date,
                   "YYYY-MM-DD: the article's date, against which time expressions are resolved "
                   "(default: the date its dateline gives)")
      ->check(iso_date_problem);
  command->add_option("--format", options->format, "text, json, or conll (a CoNLL file in, tags appended)")
      ->check(CLI::IsMember({"text", "json", "conll"}))
      ->capture_default_str();
  command->add_option("--model", options->model, "a tagger model file instead of the built-in one");
  command->callback([options, &result] { result.exit_status = run_tag(*options); });
}

}  // namespace newsgraph::command
