// Parser: the Universal Dependencies analysis of a sentence. It tags the words with universal parts
// of speech (UposTagger), then walks the arc-hybrid transition system (transition.hpp) greedily:
// one averaged perceptron chooses each move, a second one labels each arc as it is made. The result
// is always a tree: one root word, every word with a head, no cycles (projective, too).
//
// A Parser is made from a model file (format "newsgraph-parser", see learn/model_file.hpp, holding
// the tagger's and both parser perceptrons) or by train_parser (parse/train.hpp). Words are PTB-like
// tokens (see text/segment.hpp) passed as views. A Parser is immutable after construction: parse()
// is const and safe to call from several threads at once. The relation and part-of-speech views in
// a DependencyTree it returns live as long as the Parser.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/learn/compact_perceptron.hpp"
#include "newsgraph/parse/row_table.hpp"
#include "newsgraph/parse/tree.hpp"
#include "newsgraph/parse/upos_tagger.hpp"

namespace newsgraph::parse {

// Everything a parser model file holds.
struct ParserModel {
  UposTagger tagger;
  std::vector<std::string> relations;        // class id -> relation, for the relation perceptron
  learn::CompactPerceptron moves;            // classes: Move
  learn::CompactPerceptron relation_labels;  // classes: relations
  std::string settings;                      // how the model was trained, for people
};

class Parser {
 public:
  static constexpr std::string_view kFormat = "newsgraph-parser";
  static constexpr std::uint32_t kVersion = 3;

  // Throws ModelError when the parts do not fit together.
  explicit Parser(ParserModel model);

  // The model embedded in the program (parse/parser.model), loaded on first use; thread-safe.
  static const Parser& embedded();
  // Throws ModelError when the file cannot be read or is not a parser model of this version.
  static Parser load_file(const std::string& path);
  // origin names the bytes in error messages, e.g. "parser.model".
  static Parser from_bytes(std::string_view bytes, std::string_view origin);

  // The model file.
  std::string to_bytes() const;

  DependencyTree parse(const std::vector<std::string_view>& words) const;
  // With the parts of speech given (ids in model().tagger.tags()) instead of tagged.
  DependencyTree parse_tagged(std::span<const std::string_view> words,
                              std::span<const std::uint32_t> tags) const;

  const ParserModel& model() const { return model_; }

 private:
  // runners_up: see UposTags; empty when the tags were given.
  DependencyTree parse_words(std::span<const UposWord> words, std::span<const std::uint32_t> tags,
                             std::span<const std::uint32_t> runners_up) const;

  ParserModel model_;
  RowTable moves_;   // model_.moves, laid out for scoring
  RowTable labels_;  // model_.relation_labels
};

}  // namespace newsgraph::parse
