// The averaged perceptron: a linear multi-class classifier over sparse binary features, each named
// by a 64-bit hash (see feature_hash.hpp). Two forms:
//  - PerceptronTrainer learns from examples with the usual mistake-driven updates and keeps lazily
//    updated sums of every weight over time, so that averaging costs nothing per step;
//  - Perceptron is the frozen, averaged model used for prediction: an open-addressing table from
//    feature hash to a row of float weights, one per class, all rows in one flat array.
// Any number of classes; classes are dense ids 0..class_count-1. A PerceptronTrainer is not safe
// to share between threads; a Perceptron is immutable after construction and safe to share.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "newsgraph/learn/binary_io.hpp"

namespace newsgraph::learn {

using FeatureHash = std::uint64_t;
using ClassId = std::uint32_t;

// Open addressing with linear probing from a 64-bit feature hash to a dense row number.
class FeatureTable {
 public:
  static constexpr std::uint32_t kAbsent = 0xffffffffu;

  explicit FeatureTable(std::size_t expected_size = 0);
  std::uint32_t find(FeatureHash key) const {
    key = nonzero(key);
    for (std::size_t slot = home(key);; slot = (slot + 1) & mask_) {
      if (slots_[slot].key == key) return slots_[slot].row;
      if (slots_[slot].key == 0) return kAbsent;
    }
  }
  // The row of key, adding it with the next row number if it is new.
  std::uint32_t find_or_add(FeatureHash key);
  std::size_t size() const { return size_; }

 private:
  struct Slot {
    FeatureHash key = 0;  // 0 marks an empty slot
    std::uint32_t row = kAbsent;
  };
  static FeatureHash nonzero(FeatureHash key) { return key == 0 ? 1 : key; }
  std::size_t home(FeatureHash key) const {
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> shift_);
  }
  void grow();

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::size_t size_ = 0;
};

class Perceptron {
 public:
  Perceptron() = default;
  // keys[i] names row i of weights (class_count floats per row).
  Perceptron(std::uint32_t class_count, std::vector<FeatureHash> keys, std::vector<float> weights);

  std::uint32_t class_count() const { return class_count_; }
  std::size_t feature_count() const { return keys_.size(); }
  // The features the model knows, in the order of their rows.
  std::span<const FeatureHash> keys() const { return keys_; }
  // The weights of a feature, class_count of them, or nullptr when the model does not know it.
  const float* find(FeatureHash feature) const {
    const std::uint32_t row = table_.find(feature);
    return row == FeatureTable::kAbsent ? nullptr : weights_.data() + std::size_t{row} * class_count_;
  }
  // Adds the weights of the features to scores (class_count of them).
  void add_scores(std::span<const FeatureHash> features, std::span<float> scores) const;

  void save(ByteWriter& writer) const;
  // Throws ModelError when the bytes do not hold a perceptron.
  static Perceptron load(ByteReader& reader);

 private:
  std::uint32_t class_count_ = 0;
  std::vector<FeatureHash> keys_;
  std::vector<float> weights_;
  FeatureTable table_;
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(std::uint32_t class_count);

  std::uint32_t class_count() const { return class_count_; }
  // Adds the current (not averaged) weights of the features to scores.
  void add_scores(std::span<const FeatureHash> features, std::span<float> scores) const;
  // Moves the weights towards truth and away from guess; nothing when they are the same.
  void update(std::span<const FeatureHash> features, ClassId truth, ClassId guess);
  // Marks the end of one example: the averages weigh each weight by the examples it lasted.
  void next_example() { ++now_; }
  // The averaged model, without the features whose averaged weights are all below min_weight in
  // magnitude. Rows are ordered by feature hash, so equal training gives equal models.
  Perceptron average(float min_weight) const;

 private:
  // Brings the running sums of a row up to now before its weights change.
  void settle(std::uint32_t row);

  std::uint32_t class_count_;
  FeatureTable table_;
  std::vector<FeatureHash> keys_;
  std::vector<float> weights_;
  std::vector<double> sums_;
  std::vector<std::uint32_t> settled_at_;
  std::uint32_t now_ = 1;
};

}  // namespace newsgraph::learn
