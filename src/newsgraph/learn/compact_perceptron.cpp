#include "newsgraph/learn/compact_perceptron.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <string>

namespace newsgraph::learn {

CompactPerceptron CompactPerceptron::quantise(const Perceptron& model, float min_weight) {
  CompactPerceptron out;
  out.class_count_ = model.class_count();
  if (out.class_count_ > 256) throw ModelError("a compact perceptron has at most 256 classes");
  std::vector<FeatureHash> keys(model.keys().begin(), model.keys().end());
  std::sort(keys.begin(), keys.end());
  float largest = 0;
  for (const FeatureHash key : keys) {
    const float* row = model.find(key);
    for (std::uint32_t c = 0; c < out.class_count_; ++c) largest = std::max(largest, std::abs(row[c]));
  }
  out.scale_ = largest > 0 ? largest / 32767.0f : 1.0f;
  for (const FeatureHash key : keys) {
    const float* row = model.find(key);
    const std::size_t before = out.weights_.size();
    for (std::uint32_t c = 0; c < out.class_count_; ++c) {
      if (std::abs(row[c]) < min_weight) continue;
      const long units = std::lround(row[c] / out.scale_);
      if (units == 0) continue;
      out.classes_.push_back(static_cast<std::uint8_t>(c));
      out.weights_.push_back(static_cast<std::int16_t>(std::clamp(units, -32767L, 32767L)));
    }
    if (out.weights_.size() == before) continue;
    out.keys_.push_back(key);
    out.starts_.push_back(static_cast<std::uint32_t>(out.weights_.size()));
  }
  out.index();
  return out;
}

void CompactPerceptron::index() {
  table_ = FeatureTable(keys_.size());
  for (const FeatureHash key : keys_) table_.find_or_add(key);
}

void CompactPerceptron::save(ByteWriter& writer) const {
  writer.write(class_count_);
  writer.write(scale_);
  writer.write_array(keys_);
  writer.write_array(starts_);
  writer.write_array(classes_);
  writer.write_array(weights_);
}

CompactPerceptron CompactPerceptron::load(ByteReader& reader, bool index) {
  CompactPerceptron model;
  model.class_count_ = reader.read<std::uint32_t>();
  model.scale_ = reader.read<float>();
  model.keys_ = reader.read_array<FeatureHash>();
  model.starts_ = reader.read_array<std::uint32_t>();
  model.classes_ = reader.read_array<std::uint8_t>();
  model.weights_ = reader.read_array<std::int16_t>();
  auto damaged = [&](const std::string& what) {
    reader.fail("the perceptron " + what + ": the file is damaged");
  };
  const bool empty = model.class_count_ == 0 && model.keys_.empty();  // a model that is not there
  if (!empty && (model.class_count_ == 0 || model.class_count_ > 256 || !std::isfinite(model.scale_) ||
                 model.scale_ <= 0))
    damaged("has an impossible class count or scale");
  if (model.starts_.size() != model.keys_.size() + 1 || model.starts_.front() != 0 ||
      model.starts_.back() != model.weights_.size() || model.classes_.size() != model.weights_.size())
    damaged("rows do not fit its weights");
  if (!std::is_sorted(model.starts_.begin(), model.starts_.end())) damaged("rows are out of order");
  for (const std::uint8_t c : model.classes_)
    if (c >= model.class_count_) damaged("names a class it does not have");
  if (std::adjacent_find(model.keys_.begin(), model.keys_.end(), std::greater_equal<>()) != model.keys_.end())
    damaged("keys are not in order");
  if (index) model.index();
  return model;
}

}  // namespace newsgraph::learn
