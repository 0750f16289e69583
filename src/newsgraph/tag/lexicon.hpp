// The word knowledge a Tagger carries inside its model file besides its weights:
//  - WordClusters: distributional word classes computed from unlabelled news text, each word with
//    one class id at each of a few granularities (coarse to fine); words that share a class tend to
//    be used alike, which lets the tagger generalise to words it never saw with a tag;
//  - Gazetteer: lists of place, organisation and person names, matched against the lowercased
//    words of a sentence.
// Words are byte strings as the tokenizer gives them. Both are immutable once built and safe to
// share between threads.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "newsgraph/learn/binary_io.hpp"
#include "newsgraph/learn/perceptron.hpp"
#include "newsgraph/text/words.hpp"

namespace newsgraph::tag {

class WordClusters {
 public:
  static constexpr std::size_t kLevels = 3;
  using Classes = std::array<std::uint32_t, kLevels>;  // one class id per level; 0 = unknown

  WordClusters() = default;
  // entries: (word, classes), each word once.
  explicit WordClusters(std::vector<std::pair<std::string, Classes>> entries);

  // The classes of the word, or of its lowercase form when the word itself was not clustered.
  Classes find(std::string_view word) const;
  // The classes of the word, else of the first of its capitalised form ("Paris" for "PARIS") and its
  // lowercase form that was clustered.
  Classes find_any_case(std::string_view word) const;
  std::size_t size() const { return entries_.size(); }

  void save(learn::ByteWriter& writer) const;
  static WordClusters load(learn::ByteReader& reader);

 private:
  std::vector<std::pair<std::string, Classes>> entries_;  // sorted by word
  learn::FeatureTable index_;                             // hash of word -> entry
};

// The kinds of names a gazetteer knows; a phrase may be of several kinds.
// kDemonym covers nationalities and languages ("French", "Russians").
enum class NameKind : std::uint8_t { kCountry, kPlace, kOrganisation, kPerson, kFirstName, kDemonym };
inline constexpr std::size_t kNameKinds = 6;

class Gazetteer {
 public:
  static constexpr std::size_t kLongestPhrase = 6;  // in words

  Gazetteer() = default;
  // entries: (phrase of lowercase words separated by single spaces, bit set of NameKinds).
  explicit Gazetteer(std::vector<std::pair<std::string, std::uint8_t>> entries);

  // For each word of a sentence (given as hashes of lowercased words, see lower_word_hash), a bit
  // set: bit 2k when a phrase of kind k starts at the word, bit 2k+1 when it covers the word but
  // starts earlier.
  void match(std::span<const std::uint64_t> lower_hashes, std::span<std::uint16_t> marks) const;
  // Like match, with the word's place in each phrase of kind k that covers it: bit 4k when the
  // phrase begins at the word, 4k+1 inside it, 4k+2 when it ends at the word, 4k+3 when the phrase
  // is the word alone.
  void match_positions(std::span<const std::uint64_t> lower_hashes, std::span<std::uint32_t> marks) const;
  std::size_t size() const { return entries_.size(); }

  void save(learn::ByteWriter& writer) const;
  static Gazetteer load(learn::ByteReader& reader);

 private:
  void index();
  // Calls found(start, length, kind) for every phrase of the gazetteer in the words, per kind.
  template <typename Found>
  void for_each_phrase(std::span<const std::uint64_t> lower_hashes, Found found) const;

  std::vector<std::pair<std::string, std::uint8_t>> entries_;  // sorted by phrase
  learn::FeatureTable table_;        // hash of a phrase or of a phrase's first words -> kinds_ row
  std::vector<std::uint8_t> kinds_;  // 0 for a proper beginning of a phrase that is not one itself
};

using text::ascii_lower;
// The first byte ASCII uppercase, the rest ASCII lowercase ("PARIS" -> "Paris").
std::string ascii_capitalised(std::string_view word);
// The hash of the lowercased word, as Gazetteer::match wants it.
std::uint64_t lower_word_hash(std::string_view word);

}  // namespace newsgraph::tag
