// The features of the parser's two perceptrons, shared by training and parsing so that both see
// exactly the same thing:
//  - move features describe a configuration (the words and parts of speech at the top of the
//    stack and the front of the buffer, their leftmost and rightmost dependents and the relations
//    of those, valencies, distances: the rich non-local features of Zhang and Nivre 2011, adapted
//    to arc-hybrid; and the words' classes, last letters, possible tags and the tagger's runner-up
//    tags) and choose SHIFT, LEFT or RIGHT;
//  - relation features describe the arc a LEFT or RIGHT move is about to make (its head and
//    dependent, the dependent's finished subtree, the head's dependents so far, its sibling on that
//    side) and choose its label.
// Pure functions of their arguments: safe to use from several threads.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "newsgraph/learn/perceptron.hpp"
#include "newsgraph/parse/transition.hpp"
#include "newsgraph/parse/upos_tagger.hpp"

namespace newsgraph::parse {

// One position of a sentence as the features see it.
struct ParserToken {
  std::uint64_t form = 0;          // hash of the lowercased word
  std::uint32_t tag = 0;           // part-of-speech id
  std::uint32_t runner_up = 0;     // the tagger's runner-up where it hesitated, else tag (UposTags)
  std::uint32_t cluster = 0;       // middle-level word class (tag::WordClusters), 0 if unknown
  std::uint32_t fine_cluster = 0;  // finest-level word class, 0 if unknown
  std::uint32_t tag_set = 0;       // the tags the word can have (TagDictionary), 0 if unknown
  std::uint64_t suffix = 0;        // hash of the last three letters, lowercased; 0 for shorter words
};

// The tokens of a sentence of n words with their part-of-speech ids and runners-up (empty: none;
// word classes and tag sets are the tagger's): the n words, then the root, then one token that
// stands for every missing position (kNoWord). The root and the missing token get their own form,
// tag, classes and tag set.
std::vector<ParserToken> sentence_tokens(std::span<const UposWord> words, std::span<const std::uint32_t> tags,
                                         std::span<const std::uint32_t> runners_up, const UposTagger& tagger);

void add_move_features(const Configuration& configuration, std::span<const ParserToken> tokens,
                       std::vector<learn::FeatureHash>& features);

// move must be kLeft or kRight and legal in configuration.
void add_relation_features(const Configuration& configuration, std::span<const ParserToken> tokens, Move move,
                           std::vector<learn::FeatureHash>& features);

}  // namespace newsgraph::parse
