// UposTagger: gives each word of a sentence its Universal Dependencies part of speech ("NOUN",
// "PROPN", "AUX", ...), for the Parser, which reads them as features. A greedy averaged perceptron
// from left to right over the same features as the newsgraph tagger's part-of-speech model
// (tag/features.hpp: the word, its affixes and shape, its word classes, the words around it, the
// two tags before it) and the next word. The word classes are the newsgraph tagger's
// (tag/lexicon.hpp), copied into the parser's model so that the two models can change apart.
// Words are PTB-like tokens (see text/segment.hpp).
// Immutable after construction: tag() is safe to call from several threads at once.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/learn/compact_perceptron.hpp"
#include "newsgraph/parse/row_table.hpp"
#include "newsgraph/tag/features.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::parse {

// What the parser's and the tagger's features know of one word, computed once per sentence.
struct UposWord {
  std::string_view word;
  tag::WordKeys keys;  // keys.lower is the parser's word feature
  tag::WordClusters::Classes classes{};  // all 0 when unknown
};

std::vector<UposWord> upos_words(std::span<const std::string_view> words, const tag::WordClusters& clusters);

// The features of word i that depend on the words around it only, not on earlier tags.
void add_upos_window_features(std::span<const UposWord> words, std::size_t i, const tag::WordClusters& clusters,
                              std::vector<std::uint64_t>& features);

// The features of word i that depend on the tags given to the two words before it (tag ids, or
// kNoTag at the start of the sentence) and on the words next to it.
inline constexpr std::uint32_t kNoTag = tag::kNoClass;
void add_upos_context_features(std::span<const UposWord> words, std::size_t i, std::uint32_t previous,
                               std::uint32_t before_previous, std::vector<std::uint64_t>& features);

class UposTagger {
 public:
  UposTagger() = default;
  // Throws ModelError when the perceptron's classes are not the tags.
  UposTagger(std::vector<std::string> tags, learn::CompactPerceptron model, tag::WordClusters clusters);

  const std::vector<std::string>& tags() const { return tags_; }
  const learn::CompactPerceptron& model() const { return model_; }
  const tag::WordClusters& clusters() const { return clusters_; }

  // One tag id (an index in tags()) per word.
  std::vector<std::uint32_t> tag(std::span<const std::string_view> words) const;
  // The same for words already described by upos_words.
  std::vector<std::uint32_t> tag(std::span<const UposWord> words) const;

 private:
  std::vector<std::string> tags_;
  learn::CompactPerceptron model_;
  RowTable table_;
  tag::WordClusters clusters_;
};

}  // namespace newsgraph::parse
