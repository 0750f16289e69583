#include "newsgraph/tag/features.hpp"

#include "newsgraph/learn/feature_hash.hpp"

namespace newsgraph::tag {
namespace {

using learn::FeatureHash;
using learn::hash_combine;
using learn::hash_string;

// Feature templates. The numbers are part of the model format: renumbering needs a new version.
enum Template : std::uint64_t {
  kWordForm = 1,
  kLowercase,
  kShape,
  kShortShape,
  kPrefix,
  kSuffix,
  kWordClass,
  kBias,
  kPreviousTag,
  kPreviousTwoTags,
  kPreviousTagWord,
  kPreviousTagShape,
  kPartOfSpeech,
  kPartOfSpeechPair,
  kWordPair,
  kGazetteer,
  kGazetteerShape,
};

char shape_of(char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (static_cast<unsigned char>(c) >= 0x80) return 'u';
  return c;
}

std::string short_shape(std::string_view word) {
  std::string shape;
  for (const char c : word) {
    const char s = shape_of(c);
    if (shape.empty() || shape.back() != s) shape.push_back(s);
  }
  return shape;
}

FeatureHash feature(Template name, std::uint64_t value) {
  return hash_combine(name, value);
}

FeatureHash feature(Template name, std::uint64_t first, std::uint64_t second) {
  return hash_combine(hash_combine(name, first), second);
}

}  // namespace

std::string word_shape(std::string_view word) {
  std::string shape;
  int run = 0;
  for (const char c : word) {
    const char s = shape_of(c);
    run = !shape.empty() && shape.back() == s ? run + 1 : 1;
    if (run <= 4) shape.push_back(s);
  }
  return shape;
}

WordKeys word_keys(std::string_view word) {
  return {lower_word_hash(word), hash_string(short_shape(word))};
}

void add_word_features(std::string_view word, int offset, const WordClusters& clusters,
                       std::vector<FeatureHash>& features) {
  const std::uint64_t where = static_cast<std::uint64_t>(offset + kWindow);
  auto add = [&](Template name, std::uint64_t value) { features.push_back(feature(name, where, value)); };
  const std::string lower = ascii_lower(word);
  const WordClusters::Classes classes = clusters.find(word);
  add(kLowercase, hash_string(lower));
  add(kShortShape, hash_string(short_shape(word)));
  if (offset == 0) {
    add(kWordForm, hash_string(word));
    add(kShape, hash_string(word_shape(word)));
    for (std::size_t length = 1; length <= 3 && length < word.size(); ++length)
      add(kPrefix, hash_string(word.substr(0, length), length));
    for (std::size_t length = 1; length <= 4 && length < word.size(); ++length)
      add(kSuffix, hash_string(std::string_view(lower).substr(lower.size() - length), length));
  } else if (offset == 1 || offset == -1) {
    if (lower.size() > 3) add(kSuffix, hash_string(std::string_view(lower).substr(lower.size() - 3)));
  }
  const std::size_t levels = offset == 0 || offset == 1 || offset == -1 ? WordClusters::kLevels : 1;
  for (std::size_t level = 0; level < levels; ++level)
    if (classes[level] != 0) add(kWordClass, hash_combine(level, classes[level]));
}

std::vector<std::uint8_t> iob2_transitions(const std::vector<std::string>& tags) {
  const std::size_t n = tags.size();
  std::vector<std::uint8_t> allowed((n + 1) * n, 1);
  for (std::size_t previous = 0; previous <= n; ++previous) {
    for (std::size_t next = 0; next < n; ++next) {
      const std::string_view tag = tags[next];
      if (!tag.starts_with("I-")) continue;
      // "B-PER" and "I-PER" both continue into "I-PER": compare what follows the prefix.
      allowed[previous * n + next] =
          previous < n && tags[previous].size() > 2 && tags[previous].substr(2) == tag.substr(2);
    }
  }
  return allowed;
}

void add_pos_context_features(const SentenceContext& sentence, std::size_t i, std::uint32_t previous,
                              std::uint32_t before_previous, std::vector<FeatureHash>& features) {
  const WordKeys& word = sentence.keys[i];
  features.push_back(feature(kBias, 0));
  features.push_back(feature(kPreviousTag, previous));
  features.push_back(feature(kPreviousTwoTags, previous, before_previous));
  features.push_back(feature(kPreviousTagWord, previous, word.lower));
  if (i > 0) features.push_back(feature(kWordPair, sentence.keys[i - 1].lower, word.lower));
}

void add_ner_context_features(const SentenceContext& sentence, std::size_t i, std::uint32_t previous,
                              std::uint32_t before_previous, std::vector<FeatureHash>& features) {
  const std::size_t n = sentence.keys.size();
  const WordKeys& word = sentence.keys[i];
  const std::uint32_t pos_before = i > 0 ? sentence.pos[i - 1] : kNoClass;
  const std::uint32_t pos_here = sentence.pos[i];
  const std::uint32_t pos_after = i + 1 < n ? sentence.pos[i + 1] : kNoClass;
  features.push_back(feature(kBias, 0));
  features.push_back(feature(kPreviousTag, previous));
  features.push_back(feature(kPreviousTwoTags, previous, before_previous));
  features.push_back(feature(kPreviousTagWord, previous, word.lower));
  features.push_back(feature(kPreviousTagShape, previous, word.short_shape));
  features.push_back(feature(kPartOfSpeech, 0, pos_before));
  features.push_back(feature(kPartOfSpeech, 1, pos_here));
  features.push_back(feature(kPartOfSpeech, 2, pos_after));
  features.push_back(feature(kPartOfSpeechPair, 0, hash_combine(pos_before, pos_here)));
  features.push_back(feature(kPartOfSpeechPair, 1, hash_combine(pos_here, pos_after)));
  if (i > 0) features.push_back(feature(kWordPair, 0, hash_combine(sentence.keys[i - 1].lower, word.lower)));
  if (i + 1 < n)
    features.push_back(feature(kWordPair, 1, hash_combine(word.lower, sentence.keys[i + 1].lower)));
  const std::uint16_t marks = sentence.gazetteer_marks[i];
  for (std::uint64_t bit = 0; bit < 2 * kNameKinds; ++bit) {
    if (!(marks & (1u << bit))) continue;
    features.push_back(feature(kGazetteer, bit));
    features.push_back(feature(kGazetteerShape, bit, word.short_shape));
  }
}

}  // namespace newsgraph::tag
