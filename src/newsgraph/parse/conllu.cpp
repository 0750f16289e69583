#include "newsgraph/parse/conllu.hpp"

#include <charconv>

#include "newsgraph/error.hpp"

namespace newsgraph::parse {
namespace {

constexpr std::size_t kForm = 1;
constexpr std::size_t kUpos = 3;
constexpr std::size_t kHead = 6;
constexpr std::size_t kRelation = 7;

bool split_columns(std::string_view line, ConlluFields& fields) {
  std::size_t column = 0;
  while (true) {
    const std::size_t tab = line.find('\t');
    if (column == kConlluColumns - 1) {
      fields[column] = line;
      return tab == std::string_view::npos;
    }
    if (tab == std::string_view::npos) return false;
    fields[column++] = line.substr(0, tab);
    line.remove_prefix(tab + 1);
  }
}

bool parse_number(std::string_view text, std::size_t& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

ConlluLine classify_conllu_line(std::string_view line, ConlluFields& fields) {
  if (line.ends_with('\r')) line.remove_suffix(1);
  if (line.find_first_not_of(" \t") == std::string_view::npos) return ConlluLine::kBlank;
  if (line.starts_with('#')) return ConlluLine::kComment;
  if (!split_columns(line, fields)) {
    fields = {};
    return ConlluLine::kOtherNode;
  }
  const std::string_view id = fields[0];
  return id.find_first_of("-.") == std::string_view::npos ? ConlluLine::kWord : ConlluLine::kOtherNode;
}

std::vector<TreebankSentence> read_conllu(std::string_view text, std::string_view origin) {
  std::vector<TreebankSentence> sentences(1);
  std::vector<std::size_t> word_lines;  // of the sentence being read, for messages
  auto fail = [&](std::size_t line_number, const std::string& what) {
    throw InputError(std::string(origin) + ":" + std::to_string(line_number) + ": " + what);
  };
  auto finish_sentence = [&] {
    TreebankSentence& sentence = sentences.back();
    if (sentence.words.empty()) return;
    for (std::size_t i = 0; i < sentence.words.size(); ++i)
      if (sentence.words[i].head > sentence.words.size())
        fail(word_lines[i], "the head " + std::to_string(sentence.words[i].head) +
                                " is outside the sentence of " + std::to_string(sentence.words.size()) +
                                " words");
    sentences.emplace_back();
    word_lines.clear();
  };

  ConlluFields fields;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    switch (classify_conllu_line(line, fields)) {
      case ConlluLine::kBlank: finish_sentence(); break;
      case ConlluLine::kComment: break;
      case ConlluLine::kOtherNode:
        if (fields[0].empty()) fail(line_number, "expected ten tab-separated columns");
        break;
      case ConlluLine::kWord: {
        TreebankWord word{std::string(fields[kForm]), std::string(fields[kUpos]), 0,
                          std::string(fields[kRelation])};
        if (!parse_number(fields[kHead], word.head))
          fail(line_number, "the head \"" + std::string(fields[kHead]) + "\" is not a number");
        sentences.back().words.push_back(std::move(word));
        word_lines.push_back(line_number);
        break;
      }
    }
  }
  finish_sentence();
  sentences.pop_back();
  return sentences;
}

}  // namespace newsgraph::parse
