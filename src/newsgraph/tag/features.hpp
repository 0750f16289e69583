// The features the tagger's two perceptrons (part of speech, then named entities) look at, shared
// by training and tagging so that both see exactly the same thing.
//  - Word features depend on one word only (its form, lowercase, shape, affixes, word classes) and
//    on its offset from the word being tagged (-2..+2). Because they depend on nothing else, the
//    Tagger adds up their weights once per word type and offset, and tags by adding five vectors.
//  - Context features depend on the tags already given to the words on the left, on the predicted
//    parts of speech, on neighbouring word pairs and on gazetteer matches.
// Pure functions of their arguments: safe to use from several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/learn/perceptron.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::tag {

inline constexpr int kWindow = 2;                           // words looked at on each side
inline constexpr int kOffsets = 2 * kWindow + 1;            // offsets -kWindow..+kWindow
inline constexpr std::string_view kBeforeSentence = "<s>";  // the word "before" the first
inline constexpr std::string_view kAfterSentence = "</s>";  // the word "after" the last
inline constexpr std::uint32_t kNoClass = 0xffffffffu;      // no tag (outside the sentence)

// Appends the word features of word seen at offset from the word being tagged.
void add_word_features(std::string_view word, int offset, const WordClusters& clusters,
                       std::vector<learn::FeatureHash>& features);

// What the context features need to know of one word, computed once per word type.
struct WordKeys {
  std::uint64_t lower = 0;        // hash of the lowercased word
  std::uint64_t short_shape = 0;  // hash of its shape with runs collapsed ("Xx", "d-d")
};
WordKeys word_keys(std::string_view word);

// One sentence as the context features see it; spans have one element per word.
struct SentenceContext {
  std::span<const WordKeys> keys;
  std::span<const std::uint32_t> pos;              // predicted part-of-speech ids (NER only)
  std::span<const std::uint16_t> gazetteer_marks;  // see Gazetteer::match (NER only)
};

// Context features of word i for the part-of-speech model, given the two tags to its left.
void add_pos_context_features(const SentenceContext& sentence, std::size_t i, std::uint32_t previous,
                              std::uint32_t before_previous, std::vector<learn::FeatureHash>& features);

// Context features of word i for the named-entity model, given the two tags to its left.
void add_ner_context_features(const SentenceContext& sentence, std::size_t i, std::uint32_t previous,
                              std::uint32_t before_previous, std::vector<learn::FeatureHash>& features);

// Which entity tag may follow which under IOB2 (I-X only after B-X or I-X): element
// previous * n + next, for n tags; previous n stands for the start of the sentence.
std::vector<std::uint8_t> iob2_transitions(const std::vector<std::string>& tags);

// "Xxxx" for "Paris", "dd-dd" for "12-14": letters and digits by kind, runs longer than four cut.
std::string word_shape(std::string_view word);

}  // namespace newsgraph::tag
