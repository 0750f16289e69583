#include "newsgraph/learn/perceptron.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>
#include <string>

namespace newsgraph::learn {

FeatureTable::FeatureTable(std::size_t expected_size) {
  // Keep the table at most half full: short probes matter more than memory here.
  const std::size_t capacity = std::bit_ceil(std::max<std::size_t>(16, expected_size * 2));
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  shift_ = 64 - static_cast<unsigned>(std::countr_zero(capacity));
}

std::uint32_t FeatureTable::find_or_add(FeatureHash key) {
  key = nonzero(key);
  for (std::size_t slot = home(key);; slot = (slot + 1) & mask_) {
    if (slots_[slot].key == key) return slots_[slot].row;
    if (slots_[slot].key == 0) {
      if ((size_ + 1) * 2 > slots_.size()) {
        grow();
        return find_or_add(key);
      }
      slots_[slot] = {key, static_cast<std::uint32_t>(size_++)};
      return slots_[slot].row;
    }
  }
}

void FeatureTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  --shift_;
  for (const Slot& entry : old) {
    if (entry.key == 0) continue;
    std::size_t slot = home(entry.key);
    while (slots_[slot].key != 0) slot = (slot + 1) & mask_;
    slots_[slot] = entry;
  }
}

Perceptron::Perceptron(std::uint32_t class_count, std::vector<FeatureHash> keys, std::vector<float> weights)
    : class_count_(class_count), keys_(std::move(keys)), weights_(std::move(weights)), table_(keys_.size()) {
  for (const FeatureHash key : keys_) table_.find_or_add(key);
}

void Perceptron::add_scores(std::span<const FeatureHash> features, std::span<float> scores) const {
  for (const FeatureHash feature : features)
    if (const float* row = find(feature))
      for (std::uint32_t c = 0; c < class_count_; ++c) scores[c] += row[c];
}

void Perceptron::save(ByteWriter& writer) const {
  writer.write(class_count_);
  writer.write_array(keys_);
  writer.write_array(weights_);
}

Perceptron Perceptron::load(ByteReader& reader) {
  const auto class_count = reader.read<std::uint32_t>();
  auto keys = reader.read_array<FeatureHash>();
  auto weights = reader.read_array<float>();
  if (class_count == 0 || weights.size() != keys.size() * class_count)
    reader.fail("the perceptron's weights do not fit its features and classes: the file is damaged");
  Perceptron model(class_count, std::move(keys), std::move(weights));
  if (model.table_.size() != model.keys_.size())
    reader.fail("the perceptron names a feature twice: the file is damaged");
  return model;
}

PerceptronTrainer::PerceptronTrainer(std::uint32_t class_count) : class_count_(class_count) {}

void PerceptronTrainer::add_scores(std::span<const FeatureHash> features, std::span<float> scores) const {
  for (const FeatureHash feature : features) {
    const std::uint32_t row = table_.find(feature);
    if (row == FeatureTable::kAbsent) continue;
    const float* weights = weights_.data() + std::size_t{row} * class_count_;
    for (std::uint32_t c = 0; c < class_count_; ++c) scores[c] += weights[c];
  }
}

void PerceptronTrainer::settle(std::uint32_t row) {
  const double elapsed = now_ - settled_at_[row];
  const std::size_t base = std::size_t{row} * class_count_;
  for (std::uint32_t c = 0; c < class_count_; ++c) sums_[base + c] += elapsed * weights_[base + c];
  settled_at_[row] = now_;
}

void PerceptronTrainer::update(std::span<const FeatureHash> features, ClassId truth, ClassId guess) {
  if (truth == guess) return;
  for (const FeatureHash feature : features) {
    const std::uint32_t row = table_.find_or_add(feature);
    if (row == keys_.size()) {
      keys_.push_back(feature);
      weights_.resize(weights_.size() + class_count_, 0.0f);
      sums_.resize(sums_.size() + class_count_, 0.0);
      settled_at_.push_back(now_);
    }
    settle(row);
    const std::size_t base = std::size_t{row} * class_count_;
    weights_[base + truth] += 1.0f;
    weights_[base + guess] -= 1.0f;
  }
}

Perceptron PerceptronTrainer::average(float min_weight) const {
  std::vector<std::uint32_t> order(keys_.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return keys_[a] < keys_[b]; });

  std::vector<FeatureHash> keys;
  std::vector<float> weights;
  std::vector<float> row_average(class_count_);
  for (const std::uint32_t row : order) {
    const std::size_t base = std::size_t{row} * class_count_;
    const double elapsed = now_ - settled_at_[row];
    float largest = 0.0f;
    for (std::uint32_t c = 0; c < class_count_; ++c) {
      const double sum = sums_[base + c] + elapsed * weights_[base + c];
      row_average[c] = static_cast<float>(sum / now_);
      largest = std::max(largest, std::abs(row_average[c]));
    }
    if (largest < min_weight) continue;
    keys.push_back(keys_[row]);
    weights.insert(weights.end(), row_average.begin(), row_average.end());
  }
  return Perceptron(class_count_, std::move(keys), std::move(weights));
}

}  // namespace newsgraph::learn
