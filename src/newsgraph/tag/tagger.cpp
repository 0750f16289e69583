#include "newsgraph/tag/tagger.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <new>

#include "newsgraph/embedded.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/learn/feature_hash.hpp"
#include "newsgraph/learn/model_file.hpp"

namespace newsgraph::tag {

void* allocate_huge(std::size_t bytes) {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (bytes < kHugePage) {
    void* p = std::malloc(bytes);
    if (!p) throw std::bad_alloc();
    return p;
  }
  const std::size_t rounded = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* p = mmap(nullptr, rounded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without huge pages the memory works the same
  return p;
}

void free_huge(void* p, std::size_t bytes) {
  constexpr std::size_t kHugePage = std::size_t{2} << 20;
  if (bytes < kHugePage) {
    std::free(p);
    return;
  }
  munmap(p, (bytes + kHugePage - 1) / kHugePage * kHugePage);
}

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

// "B-X" and "U-X" begin a mention, "I-X" and "L-X" go on with one.
std::string iob2_name(const std::string& tag) {
  std::string name = tag;
  if (name.size() < 3 || name[1] != '-') return name;
  if (name[0] == 'U') name[0] = 'B';
  if (name[0] == 'L') name[0] = 'I';
  return name;
}

// Where decoding keeps its work, reused between calls on the same thread. Word arrays run over the
// whole document, sentence after sentence.
struct Scratch {
  std::vector<std::size_t> starts;  // first word of each sentence, then the word count
  std::vector<std::uint8_t> headline;
  std::vector<std::vector<std::string>> forms;
  std::vector<const float*> sums;      // of the word's form for the entity passes
  std::vector<const float*> pos_sums;  // of the word as written, for parts of speech
  std::vector<WordKeys> keys;
  std::vector<float> unknown_sums;
  std::vector<std::uint32_t> unknown_words;
  std::vector<std::string_view> unknown_forms;
  std::vector<std::uint64_t> lower_hashes;
  std::vector<std::uint32_t> gazetteer;
  std::vector<DocumentWord> document_words;
  std::vector<std::uint8_t> casing;
  std::vector<std::uint32_t> pos;
  std::vector<std::uint32_t> ner;
  DocumentFeatures document;
  std::vector<const Tagger::FeatureSlot*> found;
  std::vector<float> second;  // per word: the second entity pass's scores so far
  std::vector<learn::FeatureHash> features;
  std::vector<float> scores;
};

// The summed word-feature weights of the words a thread has tagged lately (see Tagger::decode), for
// one Tagger at a time; emptied when full or when another Tagger uses the thread.
struct WordCache {
  static constexpr std::size_t kWords = 1 << 14;
  std::uint64_t owner = 0;            // Tagger id
  learn::FeatureTable index{kWords};  // hash of a word form -> row
  std::vector<float, HugePageAllocator<float>> sums;
  std::vector<WordKeys> keys;
  std::size_t size = 0;

  void reset(std::uint64_t tagger, std::size_t row_size) {
    owner = tagger;
    index = learn::FeatureTable(kWords);
    sums.resize(kWords * row_size);
    keys.resize(kWords);
    size = 0;
  }
};

}  // namespace

Tagger::Tagger(TaggerModel model) : model_(std::move(model)) {
  const std::size_t pos_classes = model_.pos_tags.size();
  const std::size_t ner_classes = model_.ner_tags.size();
  if (pos_classes == 0 || ner_classes == 0 || model_.pos.class_count() != pos_classes ||
      model_.ner.class_count() != ner_classes ||
      (model_.ner_document.feature_count() > 0 && model_.ner_document.class_count() != ner_classes))
    throw ModelError("tagger model: the perceptrons' classes do not match the tag lists");

  // Every feature of the three perceptrons, sorted, with its weights in each.
  const learn::CompactPerceptron* models[3] = {&model_.pos, &model_.ner, &model_.ner_document};
  std::vector<std::pair<learn::FeatureHash, std::uint32_t>> model_rows;  // (key, model << 30 | row)
  for (std::uint32_t m = 0; m < 3; ++m) {
    scales_[m] = models[m]->scale();
    const auto keys = models[m]->keys();
    for (std::uint32_t r = 0; r < keys.size(); ++r) model_rows.emplace_back(keys[r], m << 30 | r);
  }
  std::sort(model_rows.begin(), model_rows.end());
  weights_.reserve(model_.pos.weight_count() + model_.ner.weight_count() +
                   model_.ner_document.weight_count());
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < model_rows.size(); ++i)
    distinct += i == 0 || model_rows[i].first != model_rows[i - 1].first;
  // At most two thirds full: short probes, and a table small enough to stay in the caches.
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, distinct * 3 / 2));
  slots_.assign(capacity, FeatureSlot{});
  slot_mask_ = capacity - 1;
  slot_shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
  for (std::size_t i = 0; i < model_rows.size();) {
    const learn::FeatureHash key = model_rows[i].first == 0 ? 1 : model_rows[i].first;
    FeatureSlot entry{key, static_cast<std::uint32_t>(weights_.size()), {}};
    for (; i < model_rows.size() && (model_rows[i].first == 0 ? 1 : model_rows[i].first) == key; ++i) {
      const std::uint32_t m = model_rows[i].second >> 30, r = model_rows[i].second & ((1u << 30) - 1);
      const auto classes = models[m]->row_classes(r);
      const auto units = models[m]->row_units(r);
      for (std::size_t k = 0; k < classes.size(); ++k)
        weights_.push_back({static_cast<std::uint8_t>(m), classes[k], units[k]});
      entry.count[m] = static_cast<std::uint8_t>(classes.size());  // at most 256 classes, one row per model
    }
    std::size_t slot = (key * 0x9e3779b97f4a7c15ULL) >> slot_shift_;
    while (slots_[slot].key != 0) {
      if (slots_[slot].key == key) throw ModelError("tagger model: a feature is listed twice");
      slot = (slot + 1) & slot_mask_;
    }
    slots_[slot] = entry;
  }

  may_follow_ = (model_.flags & TaggerModel::kIob2) ? iob2_transitions(model_.ner_tags)
                                                    : bilou_transitions(model_.ner_tags);
  entity_types_ = entity_type_ids(model_.ner_tags);
  for (const std::string& tag : model_.ner_tags) output_tags_.push_back(iob2_name(tag));

  static std::atomic<std::uint64_t> taggers{0};
  id_ = ++taggers;
  const std::size_t rows = kFirstWordRow;
  row_size_ = kOffsets * (pos_classes + 2 * ner_classes);
  word_rows_ = learn::FeatureTable(model_.frequent_words.size());
  word_keys_.resize(rows);
  sums_.assign(rows * row_size_, 0.0f);
  auto fill_row = [&](std::size_t row, std::string_view word) {
    word_keys_[row] = word_keys(word);
    float* sums = &sums_[row * row_size_];
    sum_word_weights(word, sums, sums + kOffsets * pos_classes,
                     sums + kOffsets * (pos_classes + ner_classes));
  };
  fill_row(kBeforeRow, kBeforeSentence);
  fill_row(kAfterRow, kAfterSentence);
  for (std::size_t i = 0; i < model_.frequent_words.size(); ++i) {
    const std::string& word = model_.frequent_words[i];
    if (word_rows_.find_or_add(learn::hash_string(word)) != i)
      throw ModelError("tagger model: the word \"" + word + "\" is listed twice");
  }
}

std::uint32_t Tagger::word_rank(std::string_view form) const {
  const std::uint32_t row = word_rows_.find(learn::hash_string(form));
  return row == learn::FeatureTable::kAbsent ? kNoClass : row;
}

void Tagger::sum_word_weights(std::string_view word, float* pos_sums, float* ner_sums,
                              float* document_sums) const {
  const std::size_t pos_classes = model_.pos_tags.size();
  const std::size_t ner_classes = model_.ner_tags.size();
  thread_local std::array<std::vector<learn::FeatureHash>, kOffsets> features;
  thread_local std::vector<const FeatureSlot*> found_slots;
  tagger_word_features(word, model_.clusters, features);
  for (std::size_t slot = 0; slot < kOffsets; ++slot) {
    float* targets[3] = {pos_sums + slot * pos_classes, ner_sums + slot * ner_classes,
                         document_sums + slot * ner_classes};
    find_features(features[slot], found_slots);
    for (const FeatureSlot* found : found_slots) {
      const std::uint32_t end = found->begin + found->count[0] + found->count[1] + found->count[2];
      for (std::uint32_t k = found->begin; k < end; ++k) {
        const Weight w = weights_[k];
        targets[w.model][w.tag] += scales_[w.model] * w.units;
      }
    }
  }
}

const Tagger& Tagger::embedded() {
  static const Tagger tagger = [] {
    return from_bytes(require_embedded("tag/tagger.model"), "tag/tagger.model");
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
  model.flags = reader.read<std::uint32_t>();
  model.pos_tags = load_strings(reader);
  model.ner_tags = load_strings(reader);
  model.pos = learn::CompactPerceptron::load(reader, false);
  model.ner = learn::CompactPerceptron::load(reader, false);
  model.ner_document = learn::CompactPerceptron::load(reader, false);
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
  writer.write(model_.flags);
  save_strings(writer, model_.pos_tags);
  save_strings(writer, model_.ner_tags);
  model_.pos.save(writer);
  model_.ner.save(writer);
  model_.ner_document.save(writer);
  model_.clusters.save(writer);
  model_.gazetteer.save(writer);
  save_strings(writer, model_.frequent_words);
  return learn::encode_model_file({std::string(kFormat), kVersion, model_.settings}, writer.bytes());
}

std::vector<WordTags> Tagger::tag(const std::vector<std::string_view>& words) const {
  std::vector<std::vector<WordTags>> out;
  decode({&words, 1}, out);
  return std::move(out.front());
}

std::vector<std::vector<WordTags>> Tagger::tag_document(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  std::vector<std::vector<WordTags>> out;
  decode(sentences, out);
  return out;
}

void Tagger::decode(std::span<const std::vector<std::string_view>> sentences,
                    std::vector<std::vector<WordTags>>& out) const {
  out.assign(sentences.size(), {});
  thread_local Scratch s;
  s.starts.assign(1, 0);
  for (const auto& words : sentences) s.starts.push_back(s.starts.back() + words.size());
  const std::size_t n = s.starts.back();
  for (std::size_t k = 0; k < sentences.size(); ++k) out[k].resize(sentences[k].size());
  if (n == 0) return;
  const std::size_t pos_classes = model_.pos_tags.size();
  const std::size_t ner_classes = model_.ner_tags.size();
  const bool second_pass = model_.ner_document.feature_count() > 0 && sentences.size() > 1;

  // The forms the word features see: headlines in ordinary case.
  s.headline.assign(sentences.size(), 0);
  for (std::size_t k = 0; k < sentences.size(); ++k) s.headline[k] = is_headline(sentences[k]);
  const bool normalise = (model_.flags & TaggerModel::kHeadlines) != 0;
  if (normalise)
    s.forms = headline_forms(
        sentences, s.headline,
        [](const void* tagger, std::string_view form) {
          return static_cast<const Tagger*>(tagger)->word_rank(form);
        },
        this);

  s.sums.resize(n);
  s.pos_sums.resize(n);
  s.keys.resize(n);
  s.unknown_words.clear();
  s.unknown_forms.clear();
  // The cached sums of form, or nullptr with the form marked for summing below; keys: the form is
  // the one the entity passes see, whose keys are word w's. New forms get rows of the thread's
  // cache while it has room: emptied here, before any row is handed out, never in the middle.
  thread_local WordCache cache;
  if (cache.owner != id_ || cache.size + 2 * n > WordCache::kWords) cache.reset(id_, row_size_);
  auto look_up = [&](std::string_view form, std::size_t w, bool keys) -> const float* {
    const learn::FeatureHash hash = learn::hash_string(form);
    std::uint32_t row = cache.index.find(hash);
    if (row == learn::FeatureTable::kAbsent) {
      if (cache.size == WordCache::kWords) {
        s.unknown_words.push_back(static_cast<std::uint32_t>(2 * w + keys));
        s.unknown_forms.push_back(form);
        return nullptr;
      }
      row = cache.index.find_or_add(hash);
      ++cache.size;
      float* sums = &cache.sums[row * row_size_];
      std::fill(sums, sums + row_size_, 0.0f);
      sum_word_weights(form, sums, sums + kOffsets * pos_classes,
                       sums + kOffsets * (pos_classes + ner_classes));
      cache.keys[row] = word_keys(form);
    }
    if (keys) s.keys[w] = cache.keys[row];
    return &cache.sums[row * row_size_];
  };
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const bool normalised = normalise && s.headline[k];
    for (std::size_t i = 0; i < sentences[k].size(); ++i) {
      const std::size_t w = s.starts[k] + i;
      s.sums[w] = look_up(normalised ? std::string_view(s.forms[k][i]) : sentences[k][i], w, true);
      s.pos_sums[w] = normalised ? look_up(sentences[k][i], w, false) : s.sums[w];
    }
  }
  s.unknown_sums.assign(s.unknown_words.size() * row_size_, 0.0f);
  for (std::size_t u = 0; u < s.unknown_words.size(); ++u) {
    const std::size_t w = s.unknown_words[u] / 2;
    const bool keys = s.unknown_words[u] % 2;
    float* sums = &s.unknown_sums[u * row_size_];
    sum_word_weights(s.unknown_forms[u], sums, sums + kOffsets * pos_classes,
                     sums + kOffsets * (pos_classes + ner_classes));
    if (keys) {
      s.sums[w] = sums;
      s.keys[w] = word_keys(s.unknown_forms[u]);
    }
    // A word of a headline is looked up twice, its own form second: that one is for parts of speech.
    if (!keys || s.pos_sums[w] == nullptr) s.pos_sums[w] = sums;
  }

  // Adds the rows of model m (0 pos, 1 ner, 2 ner_document) of the features in s.features to scores.
  auto add_rows = [&](std::uint8_t m, float* scores) {
    find_features(s.features, s.found);
    for (const FeatureSlot* found : s.found) add_feature(*found, m, scores);
  };

  // Adds the word-feature sums of the words around w (in the sentence [first, end)) to scores;
  // part is the offset of the model's sums within a row.
  auto add_window = [&](std::size_t part, std::size_t classes, std::size_t w, std::size_t first,
                        std::size_t end) {
    const std::vector<const float*>& sums = part == 0 ? s.pos_sums : s.sums;
    for (int offset = -kWindow; offset <= kWindow; ++offset) {
      const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(w) + offset;
      const float* row = j < static_cast<std::ptrdiff_t>(first)  ? &sums_[kBeforeRow * row_size_]
                         : j >= static_cast<std::ptrdiff_t>(end) ? &sums_[kAfterRow * row_size_]
                                                                 : sums[static_cast<std::size_t>(j)];
      row += part + static_cast<std::size_t>(offset + kWindow) * classes;
      for (std::size_t c = 0; c < classes; ++c) s.scores[c] += row[c];
    }
  };

  s.pos.resize(n);
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const std::size_t first = s.starts[k], end = s.starts[k + 1];
    const SentenceContext context{std::span<const WordKeys>(s.keys).subspan(first, end - first), {}, {}};
    std::uint32_t previous = kNoClass;
    std::uint32_t before_previous = kNoClass;
    for (std::size_t w = first; w < end; ++w) {
      s.scores.assign(pos_classes, 0.0f);
      add_window(0, pos_classes, w, first, end);
      s.features.clear();
      add_pos_context_features(context, w - first, previous, before_previous, s.features);
      add_rows(0, s.scores.data());
      const std::uint32_t best = best_class(s.scores);
      s.pos[w] = best;
      out[k][w - first].pos = model_.pos_tags[best];
      before_previous = previous;
      previous = best;
    }
  }

  s.lower_hashes.resize(n);
  s.document_words.resize(n);
  for (std::size_t k = 0; k < sentences.size(); ++k)
    for (std::size_t i = 0; i < sentences[k].size(); ++i) {
      const std::size_t w = s.starts[k] + i;
      s.lower_hashes[w] = s.keys[w].lower;
      s.document_words[w] = document_word(sentences[k][i], i == 0, s.headline[k] != 0, s.keys[w].lower);
    }
  s.gazetteer.resize(n);
  for (std::size_t k = 0; k < sentences.size(); ++k) {
    const std::size_t first = s.starts[k], end = s.starts[k + 1];
    model_.gazetteer.match_positions(
        std::span<const std::uint64_t>(s.lower_hashes).subspan(first, end - first),
        std::span<std::uint32_t>(s.gazetteer).subspan(first, end - first));
  }
  s.casing.resize(n);
  document_casing(s.document_words, s.casing);

  // One entity pass over the document into s.ner. The first (m = 1) also keeps, in s.second, the
  // second pass's scores of the features that do not depend on the tags to the left; the second
  // (m = 2) adds to those the document features and the rest.
  s.ner.resize(n);
  if (second_pass) s.second.assign(n * ner_classes, 0.0f);
  auto entity_pass = [&](std::uint8_t m) {
    const std::size_t part = kOffsets * (pos_classes + (m - 1) * ner_classes);
    for (std::size_t k = 0; k < sentences.size(); ++k) {
      const std::size_t first = s.starts[k], end = s.starts[k + 1];
      const auto slice = [&](const auto& v) { return std::span(v).subspan(first, end - first); };
      const EntityContext context{slice(s.keys), slice(s.pos), slice(s.gazetteer), slice(s.casing),
                                  s.headline[k] != 0};
      std::uint32_t previous = kNoClass;
      std::uint32_t before_previous = kNoClass;
      for (std::size_t w = first; w < end; ++w) {
        s.scores.assign(ner_classes, 0.0f);
        add_window(part, ner_classes, w, first, end);
        s.features.clear();
        if (m == 1) {
          add_entity_word_features(context, w - first, s.features);
          float* targets[3] = {nullptr, s.scores.data(), second_pass ? &s.second[w * ner_classes] : nullptr};
          find_features(s.features, s.found);
          for (const FeatureSlot* found : s.found) {
            add_feature(*found, 1, targets[1]);
            if (targets[2]) add_feature(*found, 2, targets[2]);
          }
          s.features.clear();
        } else {
          const float* kept = &s.second[w * ner_classes];
          for (std::size_t c = 0; c < ner_classes; ++c) s.scores[c] += kept[c];
          const auto extra = s.document.of(w);
          s.features.insert(s.features.end(), extra.begin(), extra.end());
        }
        add_entity_history_features(context, w - first, previous, before_previous, s.features);
        add_rows(m, s.scores.data());
        const std::size_t allowed_row = (previous == kNoClass ? ner_classes : previous) * ner_classes;
        for (std::size_t c = 0; c < ner_classes; ++c)
          if (!may_follow_[allowed_row + c]) s.scores[c] = -std::numeric_limits<float>::infinity();
        const std::uint32_t best = best_class(s.scores);
        s.ner[w] = best;
        before_previous = previous;
        previous = best;
      }
    }
  };
  entity_pass(1);
  if (second_pass) {
    document_features(s.document_words, s.ner, entity_types_, s.document);
    entity_pass(2);
  }
  for (std::size_t k = 0; k < sentences.size(); ++k)
    for (std::size_t i = 0; i < sentences[k].size(); ++i)
      out[k][i].ner = output_tags_[s.ner[s.starts[k] + i]];
}

}  // namespace newsgraph::tag
