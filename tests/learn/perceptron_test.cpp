#include <catch2/catch.hpp>

#include <vector>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/compact_perceptron.hpp"
#include "newsgraph/learn/perceptron.hpp"

using newsgraph::learn::FeatureHash;
using newsgraph::learn::Perceptron;
using newsgraph::learn::PerceptronTrainer;

namespace {

std::uint32_t predict(const Perceptron& model, const std::vector<FeatureHash>& features) {
  std::vector<float> scores(model.class_count(), 0.0f);
  model.add_scores(features, scores);
  return static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

}  // namespace

TEST_CASE("the averaged perceptron learns a separable problem", "[learn][perceptron]") {
  // Three classes, each signalled by its own feature, plus a feature shared by all.
  const std::vector<std::pair<std::vector<FeatureHash>, std::uint32_t>> examples = {
      {{11, 99}, 0}, {{22, 99}, 1}, {{33, 99}, 2}, {{11, 22, 99}, 1}};
  PerceptronTrainer trainer(3);
  std::vector<float> scores(3);
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (const auto& [features, truth] : examples) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.add_scores(features, scores);
      const auto guess =
          static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
      trainer.update(features, truth, guess);
      trainer.next_example();
    }
  }
  const Perceptron model = trainer.average(0.0f);
  for (const auto& [features, truth] : examples) CHECK(predict(model, features) == truth);
  CHECK(model.find(12345) == nullptr);

  newsgraph::learn::ByteWriter writer;
  model.save(writer);
  newsgraph::learn::ByteReader reader(writer.bytes(), "test");
  const Perceptron loaded = Perceptron::load(reader);
  CHECK(reader.at_end());
  CHECK(loaded.feature_count() == model.feature_count());
  for (const auto& [features, truth] : examples) CHECK(predict(loaded, features) == truth);
}

TEST_CASE("a compact perceptron scores like the model it was made from", "[learn][perceptron]") {
  using newsgraph::learn::CompactPerceptron;
  PerceptronTrainer trainer(3);
  const std::vector<std::pair<std::vector<FeatureHash>, std::uint32_t>> examples = {
      {{11, 99}, 0}, {{22, 99}, 1}, {{33, 99}, 2}, {{11, 22, 99}, 1}};
  std::vector<float> scores(3);
  for (int epoch = 0; epoch < 10; ++epoch)
    for (const auto& [features, truth] : examples) {
      std::fill(scores.begin(), scores.end(), 0.0f);
      trainer.add_scores(features, scores);
      trainer.update(
          features, truth,
          static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin()));
      trainer.next_example();
    }
  const Perceptron model = trainer.average(0.0f);
  const CompactPerceptron compact = CompactPerceptron::quantise(model, 0.0f);
  CHECK(compact.class_count() == 3);
  for (const auto& [features, truth] : examples) {
    std::vector<float> exact(3, 0.0f), rounded(3, 0.0f);
    model.add_scores(features, exact);
    compact.add_scores(features, rounded);
    for (std::size_t c = 0; c < 3; ++c)
      CHECK(rounded[c] == Approx(exact[c]).margin(compact.scale() * features.size()));
  }

  newsgraph::learn::ByteWriter writer;
  compact.save(writer);
  newsgraph::learn::ByteReader reader(writer.bytes(), "test");
  const CompactPerceptron loaded = CompactPerceptron::load(reader);
  CHECK(reader.at_end());
  CHECK(loaded.feature_count() == compact.feature_count());
  CHECK(loaded.weight_count() == compact.weight_count());

  newsgraph::learn::ByteReader truncated(
      std::string_view(writer.bytes()).substr(0, writer.bytes().size() - 3), "test");
  CHECK_THROWS_AS(CompactPerceptron::load(truncated), newsgraph::ModelError);
}
