#include "newsgraph/parse/upos_tagger.hpp"

#include <algorithm>
#include <functional>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/feature_hash.hpp"

namespace newsgraph::parse {
namespace {

// Feature templates beyond the tagger's (tag/features.cpp), numbered apart from them.
constexpr std::uint64_t kWordNextWord = 0x75706f7301;
constexpr std::uint64_t kPreviousTagNextWord = 0x75706f7302;
constexpr std::uint64_t kNextTagSet = 0x75706f7303;
constexpr std::uint64_t kNextTwoTagSets = 0x75706f7304;
constexpr std::uint64_t kPreviousTagNextTagSet = 0x75706f7305;
constexpr std::uint64_t kTagSetNextTagSet = 0x75706f7306;
constexpr std::uint64_t kWordNextTagSet = 0x75706f7307;
constexpr std::uint64_t kPreviousTagTagSet = 0x75706f7308;
// The tag set of a position past the end of the sentence; no dictionary word has all 32 tags.
constexpr std::uint32_t kAfterSentenceTags = 0xffffffffu;
constexpr std::uint64_t kAfterSentenceKey = learn::hash_string(tag::kAfterSentence);

}  // namespace

std::vector<UposWord> upos_words(std::span<const std::string_view> words, const tag::WordClusters& clusters) {
  std::vector<UposWord> out;
  out.reserve(words.size());
  for (const std::string_view word : words)
    out.push_back({word, tag::word_keys(word),
                   clusters.size() > 0 ? clusters.find(word) : tag::WordClusters::Classes{}});
  return out;
}

void add_upos_window_features(std::span<const UposWord> words, std::size_t i,
                              const tag::WordClusters& clusters, std::vector<std::uint64_t>& features) {
  const auto n = static_cast<std::ptrdiff_t>(words.size());
  for (int offset = -tag::kWindow; offset <= tag::kWindow; ++offset) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
    const std::string_view word = j < 0    ? tag::kBeforeSentence
                                  : j >= n ? tag::kAfterSentence
                                           : words[static_cast<std::size_t>(j)].word;
    tag::add_word_features(word, offset, clusters, features);
  }
}

TagDictionary::TagDictionary(std::vector<std::pair<std::uint64_t, std::uint32_t>> entries) {
  std::sort(entries.begin(), entries.end());
  for (const auto& [word, tags] : entries) {
    words_.push_back(word);
    tags_.push_back(tags);
  }
}

std::uint32_t TagDictionary::find(std::uint64_t word) const {
  const auto found = std::lower_bound(words_.begin(), words_.end(), word);
  return found != words_.end() && *found == word ? tags_[static_cast<std::size_t>(found - words_.begin())]
                                                 : 0;
}

std::vector<std::uint32_t> TagDictionary::tag_sets(std::span<const UposWord> words) const {
  std::vector<std::uint32_t> sets(words.size());
  for (std::size_t i = 0; i < words.size(); ++i) sets[i] = find(words[i].keys.lower);
  return sets;
}

void TagDictionary::save(learn::ByteWriter& writer) const {
  writer.write_array(words_);
  writer.write_array(tags_);
}

TagDictionary TagDictionary::load(learn::ByteReader& reader) {
  TagDictionary dictionary;
  dictionary.words_ = reader.read_array<std::uint64_t>();
  dictionary.tags_ = reader.read_array<std::uint32_t>();
  if (dictionary.words_.size() != dictionary.tags_.size() ||
      std::adjacent_find(dictionary.words_.begin(), dictionary.words_.end(), std::greater_equal<>()) !=
          dictionary.words_.end())
    reader.fail("the tag dictionary is damaged");
  return dictionary;
}

void add_upos_context_features(std::span<const UposWord> words, std::span<const std::uint32_t> tag_sets,
                               std::size_t i, std::uint32_t previous, std::uint32_t before_previous,
                               std::vector<std::uint64_t>& features) {
  thread_local std::vector<tag::WordKeys> keys;
  keys.clear();
  if (i > 0) keys.push_back(words[i - 1].keys);
  keys.push_back(words[i].keys);
  tag::add_pos_context_features({keys, {}, {}}, i > 0 ? 1 : 0, previous, before_previous, features);
  // The next word tells auxiliaries from verbs ("has been", "has a") and prepositions from
  // particles; the tagger's own features look only to the left for pairs.
  const std::uint64_t next = i + 1 < words.size() ? words[i + 1].keys.lower : kAfterSentenceKey;
  features.push_back(learn::hash_combine(learn::hash_combine(kWordNextWord, words[i].keys.lower), next));
  features.push_back(learn::hash_combine(learn::hash_combine(kPreviousTagNextWord, previous), next));
  // The next words' tags are not chosen yet; the tags they can have stand in for them.
  auto tags_at = [&](std::size_t j) { return j < tag_sets.size() ? tag_sets[j] : kAfterSentenceTags; };
  const std::uint64_t here = tag_sets[i], next_tags = tags_at(i + 1);
  auto add = [&](std::uint64_t name, std::uint64_t first, std::uint64_t second) {
    features.push_back(learn::hash_combine(learn::hash_combine(name, first), second));
  };
  add(kNextTagSet, next_tags, 0);
  add(kNextTwoTagSets, next_tags, tags_at(i + 2));
  add(kPreviousTagNextTagSet, previous, next_tags);
  add(kTagSetNextTagSet, here, next_tags);
  add(kWordNextTagSet, words[i].keys.lower, next_tags);
  add(kPreviousTagTagSet, previous, here);
}

UposTagger::UposTagger(std::vector<std::string> tags, learn::CompactPerceptron model,
                       tag::WordClusters clusters, TagDictionary dictionary)
    : tags_(std::move(tags)),
      model_(std::move(model)),
      table_(model_),
      clusters_(std::move(clusters)),
      dictionary_(std::move(dictionary)) {
  if (tags_.empty() || model_.class_count() != tags_.size())
    throw ModelError("part-of-speech model: the perceptron's classes do not match the tag list");
  if (tags_.size() > TagDictionary::kMaxTags)
    throw ModelError("part-of-speech model: more than " + std::to_string(TagDictionary::kMaxTags) + " tags");
}

std::vector<std::uint32_t> UposTagger::tag(std::span<const std::string_view> words) const {
  return tag(upos_words(words, clusters_));
}

std::vector<std::uint32_t> UposTagger::tag(std::span<const UposWord> words) const {
  return tag_with_runners_up(words).tags;
}

UposTags UposTagger::tag_with_runners_up(std::span<const UposWord> words) const {
  UposTags out{std::vector<std::uint32_t>(words.size()), std::vector<std::uint32_t>(words.size())};
  thread_local std::vector<std::uint64_t> features;
  thread_local std::vector<std::int32_t> units;
  const std::vector<std::uint32_t> tag_sets = dictionary_.tag_sets(words);
  const auto doubt_units = static_cast<std::int64_t>(kDoubtMargin / table_.scale());
  std::uint32_t previous = kNoTag;
  std::uint32_t before_previous = kNoTag;
  for (std::size_t i = 0; i < words.size(); ++i) {
    features.clear();
    add_upos_window_features(words, i, clusters_, features);
    add_upos_context_features(words, tag_sets, i, previous, before_previous, features);
    units.assign(tags_.size(), 0);
    table_.add_units(features, units.data());
    std::uint32_t best = 0, second = 0;
    for (std::uint32_t t = 1; t < units.size(); ++t) {
      if (units[t] > units[best]) {
        second = best;
        best = t;
      } else if (second == best || units[t] > units[second]) {
        second = t;
      }
    }
    out.tags[i] = best;
    out.runners_up[i] = second != best && units[best] - units[second] < doubt_units ? second : best;
    before_previous = previous;
    previous = best;
  }
  return out;
}

}  // namespace newsgraph::parse
