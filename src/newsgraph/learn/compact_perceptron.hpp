// CompactPerceptron: a frozen averaged perceptron (see perceptron.hpp) stored small. Each weight is
// a 16-bit integer times one scale for the whole model, and each feature keeps only its weights
// that are not zero after rounding and pruning, as (class, weight) pairs. Scores are those of the
// Perceptron it was made from up to the rounding, which moves each weight by at most scale / 2.
// Immutable after construction and safe to share between threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "newsgraph/learn/binary_io.hpp"
#include "newsgraph/learn/perceptron.hpp"

namespace newsgraph::learn {

class CompactPerceptron {
 public:
  CompactPerceptron() = default;
  // The weights of model rounded to 16 bits; weights smaller than min_weight in magnitude are
  // dropped, and so are features left with no weight.
  static CompactPerceptron quantise(const Perceptron& model, float min_weight);

  std::uint32_t class_count() const { return class_count_; }
  std::size_t feature_count() const { return keys_.size(); }
  std::size_t weight_count() const { return weights_.size(); }
  float scale() const { return scale_; }

  // Adds the weights of feature to scores (class_count of them); nothing when it is unknown.
  void add_feature(FeatureHash feature, float* scores) const {
    const std::uint32_t row = table_.find(feature);
    if (row == FeatureTable::kAbsent) return;
    for (std::uint32_t k = starts_[row]; k < starts_[row + 1]; ++k)
      scores[classes_[k]] += scale_ * weights_[k];
  }
  void add_scores(std::span<const FeatureHash> features, std::span<float> scores) const {
    for (const FeatureHash feature : features) add_feature(feature, scores.data());
  }
  // The features the model knows, sorted; row r holds the weights of keys()[r].
  std::span<const FeatureHash> keys() const { return keys_; }
  // The classes of row r's weights and the weights in units of scale().
  std::span<const std::uint8_t> row_classes(std::uint32_t row) const {
    return std::span<const std::uint8_t>(classes_).subspan(starts_[row], starts_[row + 1] - starts_[row]);
  }
  std::span<const std::int16_t> row_units(std::uint32_t row) const {
    return std::span<const std::int16_t>(weights_).subspan(starts_[row], starts_[row + 1] - starts_[row]);
  }
  // Adds the weights of row r to scores.
  void add_row(std::uint32_t row, float* scores) const {
    for (std::uint32_t k = starts_[row]; k < starts_[row + 1]; ++k)
      scores[classes_[k]] += scale_ * weights_[k];
  }

  void save(ByteWriter& writer) const;
  // Throws ModelError when the bytes do not hold a compact perceptron. Without index the model
  // does not find features itself (add_feature and add_scores add nothing): for an owner that
  // indexes the keys of several models together and calls add_row.
  static CompactPerceptron load(ByteReader& reader, bool index = true);

 private:
  void index();

  std::uint32_t class_count_ = 0;
  float scale_ = 0;
  std::vector<FeatureHash> keys_;            // sorted
  std::vector<std::uint32_t> starts_ = {0};  // row r's weights are [starts_[r], starts_[r + 1])
  std::vector<std::uint8_t> classes_;
  std::vector<std::int16_t> weights_;
  FeatureTable table_;
};

}  // namespace newsgraph::learn
