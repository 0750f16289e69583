// UposTagger: gives each word of a sentence its Universal Dependencies part of speech ("NOUN",
// "PROPN", "AUX", ...), for the Parser, which reads them as features. A greedy averaged perceptron
// from left to right over the same features as the newsgraph tagger's part-of-speech model
// (tag/features.hpp: the word, its affixes and shape, its word classes, the words around it, the
// two tags before it), the next word, and the tags the next two words were seen with in training
// (TagDictionary), which it has not chosen yet. The word classes are the newsgraph tagger's
// (tag/lexicon.hpp), copied into the parser's model so that the two models can change apart.
// Where it hesitates between two tags it tells the parser both (UposTags).
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
  tag::WordKeys keys;                    // keys.lower is the parser's word feature
  tag::WordClusters::Classes classes{};  // all 0 when unknown
};

std::vector<UposWord> upos_words(std::span<const std::string_view> words, const tag::WordClusters& clusters);

// The features of word i that depend on the words around it only, not on earlier tags.
void add_upos_window_features(std::span<const UposWord> words, std::size_t i,
                              const tag::WordClusters& clusters, std::vector<std::uint64_t>& features);

// The parts of speech each frequent training word was seen with: a set of tag ids as bits (tag id t
// is bit t, so at most 32 tags), found by the hash of the lowercased word (UposWord::keys.lower).
class TagDictionary {
 public:
  static constexpr std::size_t kMaxTags = 32;

  TagDictionary() = default;
  // entries: (word hash, tag bits); each word once, in any order.
  explicit TagDictionary(std::vector<std::pair<std::uint64_t, std::uint32_t>> entries);

  // The tags of a word, 0 when it is not in the dictionary.
  std::uint32_t find(std::uint64_t word) const;
  // find() for each word.
  std::vector<std::uint32_t> tag_sets(std::span<const UposWord> words) const;
  std::size_t size() const { return words_.size(); }

  void save(learn::ByteWriter& writer) const;
  // Throws ModelError when the bytes do not hold a dictionary.
  static TagDictionary load(learn::ByteReader& reader);

 private:
  std::vector<std::uint64_t> words_;  // sorted
  std::vector<std::uint32_t> tags_;   // tags_[k]: the tag bits of words_[k]
};

// The features of word i that depend on the tags given to the two words before it (tag ids, or
// kNoTag at the start of the sentence), on the words next to it and on the dictionary's tag sets
// of the word and the next two (tag_sets: one per word, see TagDictionary::tag_sets).
inline constexpr std::uint32_t kNoTag = tag::kNoClass;
void add_upos_context_features(std::span<const UposWord> words, std::span<const std::uint32_t> tag_sets,
                               std::size_t i, std::uint32_t previous, std::uint32_t before_previous,
                               std::vector<std::uint64_t>& features);

// A sentence's tags, and where the tagger hesitated the tag it nearly chose: the parser reads both,
// so that it can take a word the tagger called a NOUN but nearly a VERB for a verb.
struct UposTags {
  std::vector<std::uint32_t> tags;
  // Per word the second-best tag when its score came within UposTagger::kDoubtMargin of the best,
  // else the tag itself.
  std::vector<std::uint32_t> runners_up;
};

class UposTagger {
 public:
  // In the perceptron's score units. On EWT dev about one word in sixteen falls within it, and for
  // two in five of all the tagger's mistakes the runner-up of such a word is the right tag.
  static constexpr float kDoubtMargin = 20.0f;

  UposTagger() = default;
  // Throws ModelError when the perceptron's classes are not the tags, or there are more tags than
  // the dictionary can hold.
  UposTagger(std::vector<std::string> tags, learn::CompactPerceptron model, tag::WordClusters clusters,
             TagDictionary dictionary);

  const std::vector<std::string>& tags() const { return tags_; }
  const learn::CompactPerceptron& model() const { return model_; }
  const tag::WordClusters& clusters() const { return clusters_; }
  const TagDictionary& dictionary() const { return dictionary_; }

  // One tag id (an index in tags()) per word.
  std::vector<std::uint32_t> tag(std::span<const std::string_view> words) const;
  // The same for words already described by upos_words.
  std::vector<std::uint32_t> tag(std::span<const UposWord> words) const;
  // The tags and their runners-up.
  UposTags tag_with_runners_up(std::span<const UposWord> words) const;

 private:
  std::vector<std::string> tags_;
  learn::CompactPerceptron model_;
  RowTable table_;
  tag::WordClusters clusters_;
  TagDictionary dictionary_;
};

}  // namespace newsgraph::parse
