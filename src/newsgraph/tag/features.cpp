#include "newsgraph/tag/features.hpp"

#include <algorithm>
#include <array>
#include <numeric>

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
  // Model format 2.
  kGazetteerPosition,
  kGazetteerPositionShape,
  kHeadline,
  kHeadlineShape,
  kCasing,
  kCasingShape,
  kFirstStage,
  kFirstStagePair,
  kDocumentType,
  kDocumentMajority,
  kDocumentAgreement,
  kPartOfSpeechWord,
  kDocumentFirst,
  kFirstStageOuter,
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

namespace {

// What the window features need of a word, found once however many window positions it fills.
struct DescribedWord {
  std::string_view word;
  std::string lower;
  WordClusters::Classes classes;
  std::uint64_t lower_hash = 0, short_shape_hash = 0;
  std::uint64_t suffix3_hash = 0;  // of the last three letters in lower case, for words longer than 3
};

DescribedWord describe(std::string_view word, const WordClusters& clusters, bool any_case) {
  DescribedWord described{word, ascii_lower(word),
                          any_case ? clusters.find_any_case(word) : clusters.find(word)};
  described.lower_hash = hash_string(described.lower);
  described.short_shape_hash = hash_string(short_shape(word));
  if (described.lower.size() > 3)
    described.suffix3_hash =
        hash_string(std::string_view(described.lower).substr(described.lower.size() - 3));
  return described;
}

// The features of a word seen at `offset` from the word being tagged.
void add_described_word(const DescribedWord& described, int offset, std::vector<FeatureHash>& features) {
  const std::uint64_t where = static_cast<std::uint64_t>(offset + kWindow);
  auto add = [&](Template name, std::uint64_t value) { features.push_back(feature(name, where, value)); };
  const std::string_view word = described.word;
  const std::string_view lower = described.lower;
  add(kLowercase, described.lower_hash);
  add(kShortShape, described.short_shape_hash);
  if (offset == 0) {
    add(kWordForm, hash_string(word));
    add(kShape, hash_string(word_shape(word)));
    for (std::size_t length = 1; length <= 3 && length < word.size(); ++length)
      add(kPrefix, hash_string(word.substr(0, length), length));
    for (std::size_t length = 1; length <= 4 && length < word.size(); ++length)
      add(kSuffix, hash_string(lower.substr(lower.size() - length), length));
  } else if (offset == 1 || offset == -1) {
    if (lower.size() > 3) add(kSuffix, described.suffix3_hash);
  }
  const std::size_t levels = offset == 0 || offset == 1 || offset == -1 ? WordClusters::kLevels : 1;
  for (std::size_t level = 0; level < levels; ++level)
    if (described.classes[level] != 0) add(kWordClass, hash_combine(level, described.classes[level]));
}

}  // namespace

void add_word_features(std::string_view word, int offset, const WordClusters& clusters,
                       std::vector<FeatureHash>& features) {
  add_described_word(describe(word, clusters, false), offset, features);
}

void add_tagger_word_features(std::string_view word, int offset, const WordClusters& clusters,
                              std::vector<FeatureHash>& features) {
  add_described_word(describe(word, clusters, true), offset, features);
}

void tagger_word_features(std::string_view word, const WordClusters& clusters,
                          std::array<std::vector<FeatureHash>, kOffsets>& features) {
  // As add_tagger_word_features at each offset, with the word described once.
  const DescribedWord described = describe(word, clusters, true);
  for (int offset = -kWindow; offset <= kWindow; ++offset) {
    std::vector<FeatureHash>& out = features[static_cast<std::size_t>(offset + kWindow)];
    out.clear();
    add_described_word(described, offset, out);
  }
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

std::vector<std::uint8_t> bilou_transitions(const std::vector<std::string>& tags) {
  const std::size_t n = tags.size();
  std::vector<std::uint8_t> allowed((n + 1) * n, 0);
  for (std::size_t previous = 0; previous <= n; ++previous) {
    const std::string_view before = previous < n ? std::string_view(tags[previous]) : "O";
    // After B-X or I-X a mention is open: only I-X or L-X go on; otherwise none is.
    const bool open = before.size() > 2 && (before[0] == 'B' || before[0] == 'I');
    for (std::size_t next = 0; next < n; ++next) {
      const std::string_view tag = tags[next];
      const bool continues = tag.size() > 2 && (tag[0] == 'I' || tag[0] == 'L');
      allowed[previous * n + next] = open ? continues && tag.substr(2) == before.substr(2) : !continues;
    }
  }
  return allowed;
}

std::vector<std::uint8_t> entity_type_ids(const std::vector<std::string>& tags) {
  std::vector<std::string> types;
  for (const std::string& tag : tags)
    if (tag.size() > 2 && tag[1] == '-') types.push_back(tag.substr(2));
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  std::vector<std::uint8_t> ids;
  for (const std::string& tag : tags) {
    const bool entity = tag.size() > 2 && tag[1] == '-';
    ids.push_back(entity
                      ? static_cast<std::uint8_t>(
                            1 + (std::lower_bound(types.begin(), types.end(), tag.substr(2)) - types.begin()))
                      : 0);
  }
  return ids;
}

namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}

bool has_lowercase(std::string_view word) {
  return std::any_of(word.begin(), word.end(), is_lower);
}
bool has_uppercase(std::string_view word) {
  return std::any_of(word.begin(), word.end(), is_upper);
}

}  // namespace

bool is_headline(std::span<const std::string_view> words) {
  std::size_t letters = 0;
  for (const std::string_view word : words) {
    if (has_lowercase(word)) return false;
    letters += static_cast<std::size_t>(std::count_if(word.begin(), word.end(), is_upper));
  }
  return letters >= 3;
}

std::vector<std::vector<std::string>> headline_forms(std::span<const std::vector<std::string_view>> sentences,
                                                     std::span<const std::uint8_t> headline, FormRank rank,
                                                     const void* rank_context) {
  std::vector<std::vector<std::string>> forms(sentences.size());
  if (std::none_of(headline.begin(), headline.end(), [](std::uint8_t h) { return h != 0; })) return forms;
  // (lowercase, form) of every word outside headlines with an uppercase letter, sorted: the most
  // frequent form of each lowercase word, the first in sorted order among equals.
  std::vector<std::pair<std::string, std::string_view>> written;
  for (std::size_t s = 0; s < sentences.size(); ++s)
    if (!headline[s])
      for (const std::string_view word : sentences[s])
        if (has_uppercase(word)) written.emplace_back(ascii_lower(word), word);
  std::sort(written.begin(), written.end());
  std::vector<std::pair<std::string, std::string_view>> best;  // sorted by lowercase
  for (std::size_t i = 0; i < written.size();) {
    std::size_t best_count = 0;
    std::string_view best_form;
    std::size_t j = i;
    while (j < written.size() && written[j].first == written[i].first) {
      std::size_t k = j;
      while (k < written.size() && written[k] == written[j]) ++k;
      if (k - j > best_count) best_count = k - j, best_form = written[j].second;
      j = k;
    }
    best.emplace_back(written[i].first, best_form);
    i = j;
  }
  // Lowercase words outside headlines count too: a word seen only in lowercase is a common word.
  std::vector<std::string> lowercase_seen;
  for (std::size_t s = 0; s < sentences.size(); ++s)
    if (!headline[s])
      for (const std::string_view word : sentences[s])
        if (has_lowercase(word) && !has_uppercase(word)) lowercase_seen.emplace_back(word);
  std::sort(lowercase_seen.begin(), lowercase_seen.end());

  for (std::size_t s = 0; s < sentences.size(); ++s) {
    if (!headline[s]) continue;
    for (const std::string_view word : sentences[s]) {
      std::string& form = forms[s].emplace_back(word);
      if (!has_uppercase(word)) continue;
      const std::string lower = ascii_lower(word);
      const auto found =
          std::lower_bound(best.begin(), best.end(), lower,
                           [](const auto& entry, const std::string& key) { return entry.first < key; });
      if (found != best.end() && found->first == lower) {
        form = found->second;
        continue;
      }
      if (std::binary_search(lowercase_seen.begin(), lowercase_seen.end(), lower)) {
        form = lower;
        continue;
      }
      std::string capitalised = ascii_capitalised(word);
      std::uint32_t best_rank = kNoClass;
      form = capitalised;
      for (const std::string_view candidate :
           {std::string_view(lower), std::string_view(capitalised), word}) {
        const std::uint32_t r = rank(rank_context, candidate);
        if (r < best_rank) best_rank = r, form = candidate;
      }
    }
  }
  return forms;
}

DocumentWord document_word(std::string_view word, bool sentence_start, bool headline) {
  return document_word(word, sentence_start, headline, lower_word_hash(word));
}

DocumentWord document_word(std::string_view word, bool sentence_start, bool headline, std::uint64_t lower) {
  DocumentWord out;
  out.lower = lower;
  out.capitalised = !word.empty() && is_upper(word[0]);
  out.lowercase = has_lowercase(word) && !has_uppercase(word);
  out.sentence_start = sentence_start;
  out.headline = headline;
  return out;
}

namespace {

// The words of a document in groups of the same lowercase word: indices sorted by (lower, index).
std::vector<std::uint32_t> grouped(std::span<const DocumentWord> words) {
  std::vector<std::uint32_t> order(words.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return words[a].lower != words[b].lower ? words[a].lower < words[b].lower : a < b;
  });
  return order;
}

}  // namespace

void document_casing(std::span<const DocumentWord> words, std::span<std::uint8_t> casing) {
  std::fill(casing.begin(), casing.end(), 0);
  const std::vector<std::uint32_t> order = grouped(words);
  for (std::size_t g = 0; g < order.size();) {
    std::size_t end = g;
    std::size_t lowercase = 0, capitalised_inside = 0;
    for (; end < order.size() && words[order[end]].lower == words[order[g]].lower; ++end) {
      const DocumentWord& w = words[order[end]];
      if (w.headline) continue;
      lowercase += w.lowercase;
      capitalised_inside += w.capitalised && !w.sentence_start;
    }
    for (std::size_t k = g; k < end; ++k) {
      const DocumentWord& w = words[order[k]];
      if (!w.capitalised) continue;
      const bool counted = !w.headline && w.capitalised && !w.sentence_start;
      std::uint8_t flags = 0;
      if (lowercase > 0) flags |= 1;
      if (capitalised_inside > (counted ? 1u : 0u)) flags |= 2;
      if (w.sentence_start || w.headline) flags |= 4;
      casing[order[k]] = static_cast<std::uint8_t>(flags | 8);
    }
    g = end;
  }
}

void add_entity_context_features(const EntityContext& sentence, std::size_t i, std::uint32_t previous,
                                 std::uint32_t before_previous, std::vector<FeatureHash>& features) {
  add_entity_word_features(sentence, i, features);
  add_entity_history_features(sentence, i, previous, before_previous, features);
}

void add_entity_history_features(const EntityContext& sentence, std::size_t i, std::uint32_t previous,
                                 std::uint32_t before_previous, std::vector<FeatureHash>& features) {
  const WordKeys& word = sentence.keys[i];
  features.push_back(feature(kPreviousTag, previous));
  features.push_back(feature(kPreviousTwoTags, previous, before_previous));
  features.push_back(feature(kPreviousTagWord, previous, word.lower));
  features.push_back(feature(kPreviousTagShape, previous, word.short_shape));
  if (sentence.headline) features.push_back(feature(kHeadline, previous));
}

void add_entity_word_features(const EntityContext& sentence, std::size_t i,
                              std::vector<FeatureHash>& features) {
  const std::size_t n = sentence.keys.size();
  const WordKeys& word = sentence.keys[i];
  const std::uint32_t pos_before = i > 0 ? sentence.pos[i - 1] : kNoClass;
  const std::uint32_t pos_here = sentence.pos[i];
  const std::uint32_t pos_after = i + 1 < n ? sentence.pos[i + 1] : kNoClass;
  features.push_back(feature(kBias, 0));
  features.push_back(feature(kPartOfSpeech, 0, pos_before));
  features.push_back(feature(kPartOfSpeech, 1, pos_here));
  features.push_back(feature(kPartOfSpeech, 2, pos_after));
  features.push_back(feature(kPartOfSpeechPair, 0, hash_combine(pos_before, pos_here)));
  features.push_back(feature(kPartOfSpeechPair, 1, hash_combine(pos_here, pos_after)));
  features.push_back(feature(kPartOfSpeechWord, pos_here, word.lower));
  if (i > 0) features.push_back(feature(kWordPair, 0, hash_combine(sentence.keys[i - 1].lower, word.lower)));
  if (i + 1 < n)
    features.push_back(feature(kWordPair, 1, hash_combine(word.lower, sentence.keys[i + 1].lower)));
  const std::uint32_t marks = sentence.gazetteer[i];
  for (std::uint64_t bit = 0; bit < 4 * kNameKinds; ++bit) {
    if (!(marks & (1u << bit))) continue;
    features.push_back(feature(kGazetteerPosition, bit));
    features.push_back(feature(kGazetteerPositionShape, bit, word.short_shape));
  }
  if (sentence.headline) features.push_back(feature(kHeadlineShape, word.short_shape));
  if (const std::uint8_t casing = sentence.casing[i]) {
    features.push_back(feature(kCasing, casing));
    features.push_back(feature(kCasingShape, casing, word.short_shape));
  }
}

void document_features(std::span<const DocumentWord> words, std::span<const std::uint32_t> first_stage,
                       std::span<const std::uint8_t> types, DocumentFeatures& out) {
  const std::size_t n = words.size();
  constexpr std::size_t kTypes = 8;
  // What the other capitalised occurrences of each word say, gathered group by group.
  struct Evidence {
    std::uint32_t total = 0;
    std::uint8_t majority = 0;
    std::uint8_t seen = 0;      // bit t: type t seen
    std::uint8_t most = 0;      // bit t: type t given at least half the time
    std::uint8_t first = 0xff;  // the type given to the first other occurrence
  };
  std::vector<Evidence> evidence(n);
  const std::vector<std::uint32_t> order = grouped(words);
  auto counts_as_evidence = [&](std::uint32_t w) { return words[w].capitalised && !words[w].headline; };
  auto type_of = [&](std::uint32_t w) { return std::min<std::size_t>(types[first_stage[w]], kTypes - 1); };
  for (std::size_t g = 0; g < order.size();) {
    std::size_t end = g;
    std::array<std::uint32_t, kTypes> counts{};
    for (; end < order.size() && words[order[end]].lower == words[order[g]].lower; ++end)
      if (counts_as_evidence(order[end])) ++counts[type_of(order[end])];
    for (std::size_t k = g; k < end && end - g > 1; ++k) {
      const std::uint32_t w = order[k];
      if (!words[w].capitalised) continue;
      std::array<std::uint32_t, kTypes> others = counts;
      if (counts_as_evidence(w)) --others[type_of(w)];
      Evidence& e = evidence[w];
      for (std::size_t j = g; j < end; ++j)
        if (order[j] != w && counts_as_evidence(order[j])) {
          e.first = static_cast<std::uint8_t>(type_of(order[j]));
          break;
        }
      for (std::size_t t = 0; t < kTypes; ++t) {
        e.total += others[t];
        if (others[t] > others[e.majority]) e.majority = static_cast<std::uint8_t>(t);
      }
      for (std::size_t t = 0; t < kTypes; ++t) {
        if (others[t] > 0) e.seen |= static_cast<std::uint8_t>(1u << t);
        if (others[t] > 0 && 2 * others[t] >= e.total) e.most |= static_cast<std::uint8_t>(1u << t);
      }
    }
    g = end;
  }
  out.starts.assign(1, 0);
  out.features.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t before = i > 0 && !words[i].sentence_start ? first_stage[i - 1] : kNoClass;
    const std::uint32_t after = i + 1 < n && !words[i + 1].sentence_start ? first_stage[i + 1] : kNoClass;
    out.features.push_back(feature(kFirstStage, 0, before));
    out.features.push_back(feature(kFirstStage, 1, first_stage[i]));
    out.features.push_back(feature(kFirstStage, 2, after));
    out.features.push_back(feature(kFirstStagePair, before, first_stage[i]));
    const bool has_before2 = i > 1 && !words[i].sentence_start && !words[i - 1].sentence_start;
    const bool has_after2 = i + 2 < n && !words[i + 1].sentence_start && !words[i + 2].sentence_start;
    out.features.push_back(feature(kFirstStageOuter, has_before2 ? types[first_stage[i - 2]] : 0xff,
                                   has_after2 ? types[first_stage[i + 2]] : 0xff));
    const Evidence& e = evidence[i];
    if (e.total > 0) {
      for (std::size_t t = 0; t < kTypes; ++t)
        if (e.seen & (1u << t)) out.features.push_back(feature(kDocumentType, t, (e.most >> t) & 1u));
      out.features.push_back(feature(kDocumentMajority, e.majority, std::min<std::uint32_t>(e.total, 3)));
      out.features.push_back(feature(kDocumentAgreement, e.majority, types[first_stage[i]]));
      out.features.push_back(feature(kDocumentFirst, e.first));
    }
    out.starts.push_back(static_cast<std::uint32_t>(out.features.size()));
  }
}

}  // namespace newsgraph::tag
