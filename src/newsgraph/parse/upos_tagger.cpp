#include "newsgraph/parse/upos_tagger.hpp"

#include <algorithm>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/feature_hash.hpp"

namespace newsgraph::parse {
namespace {

// Feature templates beyond the tagger's (tag/features.cpp), numbered apart from them.
constexpr std::uint64_t kWordNextWord = 0x75706f7301;
constexpr std::uint64_t kPreviousTagNextWord = 0x75706f7302;
constexpr std::uint64_t kAfterSentenceKey = learn::hash_string(tag::kAfterSentence);

}  // namespace

std::vector<UposWord> upos_words(std::span<const std::string_view> words, const tag::WordClusters& clusters) {
  std::vector<UposWord> out;
  out.reserve(words.size());
  for (const std::string_view word : words)
    out.push_back({word, tag::word_keys(word), clusters.size() > 0 ? clusters.find(word) : tag::WordClusters::Classes{}});
  return out;
}

void add_upos_window_features(std::span<const UposWord> words, std::size_t i, const tag::WordClusters& clusters,
                              std::vector<std::uint64_t>& features) {
  const auto n = static_cast<std::ptrdiff_t>(words.size());
  for (int offset = -tag::kWindow; offset <= tag::kWindow; ++offset) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
    const std::string_view word = j < 0    ? tag::kBeforeSentence
                                  : j >= n ? tag::kAfterSentence
                                           : words[static_cast<std::size_t>(j)].word;
    tag::add_word_features(word, offset, clusters, features);
  }
}

void add_upos_context_features(std::span<const UposWord> words, std::size_t i, std::uint32_t previous,
                               std::uint32_t before_previous, std::vector<std::uint64_t>& features) {
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
}

UposTagger::UposTagger(std::vector<std::string> tags, learn::CompactPerceptron model,
                       tag::WordClusters clusters)
    : tags_(std::move(tags)), model_(std::move(model)), table_(model_), clusters_(std::move(clusters)) {
  if (tags_.empty() || model_.class_count() != tags_.size())
    throw ModelError("part-of-speech model: the perceptron's classes do not match the tag list");
}

std::vector<std::uint32_t> UposTagger::tag(std::span<const std::string_view> words) const {
  return tag(upos_words(words, clusters_));
}

std::vector<std::uint32_t> UposTagger::tag(std::span<const UposWord> words) const {
  std::vector<std::uint32_t> tags(words.size());
  thread_local std::vector<std::uint64_t> features;
  thread_local std::vector<std::int32_t> units;
  std::uint32_t previous = kNoTag;
  std::uint32_t before_previous = kNoTag;
  for (std::size_t i = 0; i < words.size(); ++i) {
    features.clear();
    add_upos_window_features(words, i, clusters_, features);
    add_upos_context_features(words, i, previous, before_previous, features);
    units.assign(tags_.size(), 0);
    table_.add_units(features, units.data());
    tags[i] = static_cast<std::uint32_t>(std::max_element(units.begin(), units.end()) - units.begin());
    before_previous = previous;
    previous = tags[i];
  }
  return tags;
}

}  // namespace newsgraph::parse
