#include "newsgraph/tag/tagger.hpp"

#include <algorithm>
#include <limits>

#include "newsgraph/embedded.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/learn/feature_hash.hpp"
#include "newsgraph/learn/model_file.hpp"

namespace newsgraph::tag {
namespace {

// Cache rows 0 and 1 hold the words before the first and after the last word of a sentence.
constexpr std::uint32_t kBeforeRow = 0;
constexpr std::uint32_t kAfterRow = 1;
constexpr std::uint32_t kFirstWordRow = 2;

void save_strings(learn::ByteWriter& writer, const std::vector<std::string>& strings) {
  writer.write<std::uint64_t>(strings.size());
  for (const std::string& s : strings) writer.write_string(s);
}

std::vector<std::string> load_strings(learn::ByteReader& reader) {
  const auto count = reader.read<std::uint64_t>();
  std::vector<std::string> strings;
  for (std::uint64_t i = 0; i < count; ++i) strings.emplace_back(reader.read_string());
  return strings;
}

std::uint32_t best_class(std::span<const float> scores) {
  return static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// Where tag() keeps its per-sentence work, reused between calls on the same thread.
struct Scratch {
  std::vector<const float*> pos_sums;
  std::vector<const float*> ner_sums;
  std::vector<WordKeys> keys;
  std::vector<float> unknown_pos_sums;
  std::vector<float> unknown_ner_sums;
  std::vector<std::uint32_t> unknown_words;
  std::vector<std::uint64_t> lower_hashes;
  std::vector<std::uint16_t> gazetteer_marks;
  std::vector<std::uint32_t> pos;
  std::vector<learn::FeatureHash> features;
  std::vector<float> scores;
};

}  // namespace

Tagger::Tagger(TaggerModel model) : model_(std::move(model)) {
  const std::size_t pos_classes = model_.pos_tags.size();
  const std::size_t ner_classes = model_.ner_tags.size();
  if (pos_classes == 0 || ner_classes == 0 || model_.pos.class_count() != pos_classes ||
      model_.ner.class_count() != ner_classes)
    throw ModelError("tagger model: the perceptrons' classes do not match the tag lists");

  may_follow_ = iob2_transitions(model_.ner_tags);

  const std::size_t rows = kFirstWordRow + model_.frequent_words.size();
  word_rows_ = learn::FeatureTable(model_.frequent_words.size());
  word_keys_.resize(rows);
  pos_sums_.assign(rows * kOffsets * pos_classes, 0.0f);
  ner_sums_.assign(rows * kOffsets * ner_classes, 0.0f);
  auto fill_row = [&](std::size_t row, std::string_view word) {
    word_keys_[row] = word_keys(word);
    sum_word_weights(word, &pos_sums_[row * kOffsets * pos_classes],
                     &ner_sums_[row * kOffsets * ner_classes]);
  };
  fill_row(kBeforeRow, kBeforeSentence);
  fill_row(kAfterRow, kAfterSentence);
  for (std::size_t i = 0; i < model_.frequent_words.size(); ++i) {
    const std::string& word = model_.frequent_words[i];
    if (word_rows_.find_or_add(learn::hash_string(word)) != i)
      throw ModelError("tagger model: the word \"" + word + "\" is listed twice");
    fill_row(kFirstWordRow + i, word);
  }
}

void Tagger::sum_word_weights(std::string_view word, float* pos_sums, float* ner_sums) const {
  const std::size_t pos_classes = model_.pos_tags.size();
  const std::size_t ner_classes = model_.ner_tags.size();
  std::vector<learn::FeatureHash> features;
  for (int offset = -kWindow; offset <= kWindow; ++offset) {
    features.clear();
    add_word_features(word, offset, model_.clusters, features);
    const std::size_t slot = static_cast<std::size_t>(offset + kWindow);
    model_.pos.add_scores(features, {pos_sums + slot * pos_classes, pos_classes});
    model_.ner.add_scores(features, {ner_sums + slot * ner_classes, ner_classes});
  }
}

const Tagger& Tagger::embedded() {
  static const Tagger tagger = [] {
    const auto bytes = embedded_file("tag/tagger.model");
    if (!bytes) throw ModelError("tag/tagger.model: the program was built without a tagger model");
    return from_bytes(*bytes, "tag/tagger.model");
  }();
  return tagger;
}

Tagger Tagger::load_file(const std::string& path) {
  return from_bytes(learn::read_model_bytes(path), path);
}

Tagger Tagger::from_bytes(std::string_view bytes, std::string_view origin) {
  const learn::ModelView file = learn::decode_model_file(bytes, origin, kFormat, kVersion);
  learn::ByteReader reader(file.payload, origin);
  TaggerModel model;
  model.settings = std::string(file.settings);
  model.pos_tags = load_strings(reader);
  model.ner_tags = load_strings(reader);
  model.pos = learn::Perceptron::load(reader);
  model.ner = learn::Perceptron::load(reader);
  model.clusters = WordClusters::load(reader);
  model.gazetteer = Gazetteer::load(reader);
  model.frequent_words = load_strings(reader);
  if (!reader.at_end()) reader.fail("unexpected bytes after the tagger model: the file is damaged");
  try {
    return Tagger(std::move(model));
  } catch (const ModelError& e) {
    reader.fail(e.what());
  }
}

std::string Tagger::to_bytes() const {
  learn::ByteWriter writer;
  save_strings(writer, model_.pos_tags);
  save_strings(writer, model_.ner_tags);
  model_.pos.save(writer);
  model_.ner.save(writer);
  model_.clusters.save(writer);
  model_.gazetteer.save(writer);
  save_strings(writer, model_.frequent_words);
  return learn::encode_model_file({std::string(kFormat), kVersion, model_.settings}, writer.bytes());
}

std::vector<WordTags> Tagger::tag(const std::vector<std::string_view>& words) const {
  const std::size_t n = words.size();
  std::vector<WordTags> tags(n);
  if (n == 0) return tags;
  const std::size_t pos_classes = model_.pos_tags.size();
  const std::size_t ner_classes = model_.ner_tags.size();
  const std::size_t pos_row = kOffsets * pos_classes;
  const std::size_t ner_row = kOffsets * ner_classes;

  thread_local Scratch s;
  s.pos_sums.resize(n);
  s.ner_sums.resize(n);
  s.keys.resize(n);
  s.unknown_words.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t row = word_rows_.find(learn::hash_string(words[i]));
    if (row == learn::FeatureTable::kAbsent) {
      s.unknown_words.push_back(static_cast<std::uint32_t>(i));
      continue;
    }
    const std::size_t cache_row = kFirstWordRow + row;
    s.pos_sums[i] = &pos_sums_[cache_row * pos_row];
    s.ner_sums[i] = &ner_sums_[cache_row * ner_row];
    s.keys[i] = word_keys_[cache_row];
  }
  s.unknown_pos_sums.assign(s.unknown_words.size() * pos_row, 0.0f);
  s.unknown_ner_sums.assign(s.unknown_words.size() * ner_row, 0.0f);
  for (std::size_t u = 0; u < s.unknown_words.size(); ++u) {
    const std::size_t i = s.unknown_words[u];
    float* pos_sums = &s.unknown_pos_sums[u * pos_row];
    float* ner_sums = &s.unknown_ner_sums[u * ner_row];
    sum_word_weights(words[i], pos_sums, ner_sums);
    s.pos_sums[i] = pos_sums;
    s.ner_sums[i] = ner_sums;
    s.keys[i] = word_keys(words[i]);
  }

  // Adds the word-feature sums of the words around i to scores.
  auto add_window = [&](const std::vector<const float*>& sums, std::size_t classes,
                        const std::vector<float>& cache, std::size_t i) {
    for (int offset = -kWindow; offset <= kWindow; ++offset) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
      const float* row = j < 0                                 ? &cache[kBeforeRow * kOffsets * classes]
                         : j >= static_cast<std::ptrdiff_t>(n) ? &cache[kAfterRow * kOffsets * classes]
                                                               : sums[static_cast<std::size_t>(j)];
      row += static_cast<std::size_t>(offset + kWindow) * classes;
      for (std::size_t c = 0; c < classes; ++c) s.scores[c] += row[c];
    }
  };

  SentenceContext context{s.keys, {}, {}};
  s.pos.resize(n);
  std::uint32_t previous = kNoClass;
  std::uint32_t before_previous = kNoClass;
  for (std::size_t i = 0; i < n; ++i) {
    s.scores.assign(pos_classes, 0.0f);
    add_window(s.pos_sums, pos_classes, pos_sums_, i);
    s.features.clear();
    add_pos_context_features(context, i, previous, before_previous, s.features);
    model_.pos.add_scores(s.features, s.scores);
    const std::uint32_t best = best_class(s.scores);
    s.pos[i] = best;
    tags[i].pos = model_.pos_tags[best];
    before_previous = previous;
    previous = best;
  }

  s.lower_hashes.resize(n);
  for (std::size_t i = 0; i < n; ++i) s.lower_hashes[i] = s.keys[i].lower;
  s.gazetteer_marks.resize(n);
  model_.gazetteer.match(s.lower_hashes, s.gazetteer_marks);
  context.pos = s.pos;
  context.gazetteer_marks = s.gazetteer_marks;
  previous = kNoClass;
  before_previous = kNoClass;
  for (std::size_t i = 0; i < n; ++i) {
    s.scores.assign(ner_classes, 0.0f);
    add_window(s.ner_sums, ner_classes, ner_sums_, i);
    s.features.clear();
    add_ner_context_features(context, i, previous, before_previous, s.features);
    model_.ner.add_scores(s.features, s.scores);
    const std::size_t allowed_row = (previous == kNoClass ? ner_classes : previous) * ner_classes;
    for (std::size_t c = 0; c < ner_classes; ++c)
      if (!may_follow_[allowed_row + c]) s.scores[c] = -std::numeric_limits<float>::infinity();
    const std::uint32_t best = best_class(s.scores);
    tags[i].ner = model_.ner_tags[best];
    before_previous = previous;
    previous = best;
  }
  return tags;
}

}  // namespace newsgraph::tag
