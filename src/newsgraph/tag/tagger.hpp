// Tagger: gives each word a Penn Treebank part-of-speech tag and an IOB2 named-entity tag over PER,
// ORG, LOC and MISC ("B-PER", "I-PER", ..., "O"). Averaged perceptrons decode greedily from left to
// right: first parts of speech, then entities (which look at the parts of speech), in BILOU tags
// inside and IOB2 outside. A model may add a second entity pass over a whole document that also
// looks at what the first pass said of the same word elsewhere in the document (Ratinov and Roth
// 2009). Headlines in capitals are read as if written in ordinary case. Words are PTB-like tokens
// (see text/segment.hpp) passed as views; the result has one WordTags per word, in order.
//
// A Tagger is made from a model file (format "newsgraph-tagger", see learn/model_file.hpp) or by
// train_tagger (tag/train.hpp). Each thread that tags keeps the summed weights of the word features
// of the last words it met (up to 16384 of them, about 26 MB), so that tagging a word seen before
// costs a few vector additions.
// A Tagger is immutable after construction: tag() and tag_document() are const and safe to call
// from several threads at once. The tag names WordTags views live as long as the Tagger.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/learn/compact_perceptron.hpp"
#include "newsgraph/tag/features.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::tag {

// Allocates large arrays in transparent huge pages where the system offers them (madvise), so that
// filling a table of megabytes costs a few page faults instead of thousands.
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) {}
  T* allocate(std::size_t n);
  void deallocate(T* p, std::size_t n);
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator&) { return true; }
};
void* allocate_huge(std::size_t bytes);
void free_huge(void* p, std::size_t bytes);
template <typename T>
T* HugePageAllocator<T>::allocate(std::size_t n) {
  return static_cast<T*>(allocate_huge(n * sizeof(T)));
}
template <typename T>
void HugePageAllocator<T>::deallocate(T* p, std::size_t n) {
  free_huge(p, n * sizeof(T));
}

struct WordTags {
  std::string_view pos;  // e.g. "NNP"
  std::string_view ner;  // e.g. "B-LOC" or "O"
};

// Everything a tagger model file holds.
struct TaggerModel {
  // How to decode, TaggerModel::k* bits.
  static constexpr std::uint32_t kHeadlines = 1;  // normalise the case of headlines
  static constexpr std::uint32_t kIob2 = 2;       // the entity tags are IOB2, not BILOU
  std::uint32_t flags = 0;
  std::vector<std::string> pos_tags;  // class id -> tag name, for the part-of-speech perceptron
  std::vector<std::string> ner_tags;  // class id -> BILOU tag name ("U-LOC"), for both entity passes
  learn::CompactPerceptron pos;
  learn::CompactPerceptron ner;           // the first entity pass
  learn::CompactPerceptron ner_document;  // the second, document-level pass; no features = none
  WordClusters clusters;
  Gazetteer gazetteer;
  std::vector<std::string> frequent_words;  // most frequent first (see headline_forms)
  std::string settings;                     // how the model was trained, for people
};

class Tagger {
 public:
  static constexpr std::string_view kFormat = "newsgraph-tagger";
  static constexpr std::uint32_t kVersion = 2;

  // Throws ModelError when the parts do not fit together.
  explicit Tagger(TaggerModel model);

  // The model embedded in the program (tag/tagger.model), loaded on first use; thread-safe.
  static const Tagger& embedded();
  // Throws ModelError when the file cannot be read or is not a tagger model of this version.
  static Tagger load_file(const std::string& path);
  // origin names the bytes in error messages, e.g. "tagger.model".
  static Tagger from_bytes(std::string_view bytes, std::string_view origin);

  // The model file.
  std::string to_bytes() const;

  // One sentence, read as a document of its own: the first entity pass only (the second has
  // nothing to go on in one sentence, and measured worse there).
  std::vector<WordTags> tag(const std::vector<std::string_view>& words) const;
  // The sentences of one document (a news article) in order: the second entity pass uses what the
  // first said about the same words in other sentences. One result per sentence. A document of
  // one sentence is tagged as tag() does.
  std::vector<std::vector<WordTags>> tag_document(
      const std::vector<std::vector<std::string_view>>& sentences) const;

  const TaggerModel& model() const { return model_; }

  // The weights of the three perceptrons (0 pos, 1 ner, 2 ner_document), regrouped by feature so
  // that one probe and one run of memory give a feature's weights in all three.
  struct Weight {
    std::uint8_t model;
    std::uint8_t tag;
    std::int16_t units;  // times the model's scale
  };
  struct FeatureSlot {
    learn::FeatureHash key = 0;  // 0: empty
    std::uint32_t begin = 0;     // in weights_: first model 0's weights, then model 1's, then model 2's
    std::array<std::uint8_t, 3> count{};  // how many of each model's
  };

  // The frequency rank of a word form among the model's frequent words, kNoClass if not listed.
  std::uint32_t word_rank(std::string_view form) const;

 private:
  void decode(std::span<const std::vector<std::string_view>> sentences,
              std::vector<std::vector<WordTags>>& out) const;
  // The summed word-feature weights of one word at every offset, for the three perceptrons.
  void sum_word_weights(std::string_view word, float* pos_sums, float* ner_sums, float* document_sums) const;

  std::size_t home_slot(learn::FeatureHash key) const {
    return static_cast<std::size_t>(((key == 0 ? 1 : key) * 0x9e3779b97f4a7c15ULL) >> slot_shift_);
  }
  const FeatureSlot* find_feature(learn::FeatureHash key) const {
    key = key == 0 ? 1 : key;
    for (std::size_t slot = home_slot(key);; slot = (slot + 1) & slot_mask_) {
      if (slots_[slot].key == key) return &slots_[slot];
      if (slots_[slot].key == 0) return nullptr;
    }
  }
  // The slots of the features the model knows, found with their memory fetched ahead of use.
  void find_features(std::span<const learn::FeatureHash> features,
                     std::vector<const FeatureSlot*>& found) const {
    found.clear();
    for (const learn::FeatureHash feature : features) __builtin_prefetch(&slots_[home_slot(feature)]);
    for (const learn::FeatureHash feature : features)
      if (const FeatureSlot* slot = find_feature(feature)) {
        __builtin_prefetch(&weights_[slot->begin]);
        found.push_back(slot);
      }
  }
  // Adds the weights of model m of the feature to scores.
  void add_feature(const FeatureSlot& feature, std::uint8_t m, float* scores) const {
    std::uint32_t k = feature.begin;
    for (std::uint8_t before = 0; before < m; ++before) k += feature.count[before];
    const float scale = scales_[m];
    for (const std::uint32_t end = k + feature.count[m]; k < end; ++k)
      scores[weights_[k].tag] += scale * weights_[k].units;
  }

  TaggerModel model_;
  std::uint64_t id_ = 0;  // different for every Tagger made: names the owner of a thread's word cache
  std::vector<FeatureSlot, HugePageAllocator<FeatureSlot>> slots_;
  std::size_t slot_mask_ = 0;
  unsigned slot_shift_ = 64;
  std::vector<Weight, HugePageAllocator<Weight>> weights_;
  std::array<float, 3> scales_{};
  std::vector<std::string> output_tags_;  // per entity class: its IOB2 name
  std::vector<std::uint8_t> entity_types_;
  learn::FeatureTable word_rows_;    // hash of a frequent word -> its rank
  std::vector<WordKeys> word_keys_;  // of the rows of sums_
  // The words before and after a sentence: kOffsets x (pos, ner, ner_document class counts) each.
  std::vector<float> sums_;
  std::size_t row_size_ = 0;  // floats per row of sums_
  // may_follow_[previous * n + tag]: BILOU allows tag after previous; previous n = sentence start.
  std::vector<std::uint8_t> may_follow_;
};

}  // namespace newsgraph::tag
