// Tagger: gives each word of a sentence a Penn Treebank part-of-speech tag and an IOB2 named-entity
// tag over PER, ORG, LOC and MISC ("B-PER", "I-PER", ..., "O"). Two averaged perceptrons decode
// greedily from left to right: first parts of speech, then entities, which look at the parts of
// speech. Words are PTB-like tokens (see text/segment.hpp) passed as views; the result has one
// WordTags per word, in order.
//
// A Tagger is made from a model file (format "newsgraph-tagger", see learn/model_file.hpp) or by
// train_tagger (tag/train.hpp). When it loads, it adds up the weights of the word features of the
// model's frequent words, so that tagging a known word costs a few vector additions.
// A Tagger is immutable after construction: tag() is const and safe to call from several threads
// at once. The tag names WordTags views live as long as the Tagger.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/learn/perceptron.hpp"
#include "newsgraph/tag/features.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::tag {

struct WordTags {
  std::string_view pos;  // e.g. "NNP"
  std::string_view ner;  // e.g. "B-LOC" or "O"
};

// Everything a tagger model file holds.
struct TaggerModel {
  std::vector<std::string> pos_tags;  // class id -> tag name, for the part-of-speech perceptron
  std::vector<std::string> ner_tags;  // class id -> tag name, for the named-entity perceptron
  learn::Perceptron pos;
  learn::Perceptron ner;
  WordClusters clusters;
  Gazetteer gazetteer;
  std::vector<std::string> frequent_words;  // whose word-feature weights are summed when loading
  std::string settings;                     // how the model was trained, for people
};

class Tagger {
 public:
  static constexpr std::string_view kFormat = "newsgraph-tagger";
  static constexpr std::uint32_t kVersion = 1;

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

  std::vector<WordTags> tag(const std::vector<std::string_view>& words) const;

  const TaggerModel& model() const { return model_; }

 private:
  // The summed word-feature weights of one word at every offset, for both perceptrons.
  void sum_word_weights(std::string_view word, float* pos_sums, float* ner_sums) const;

  TaggerModel model_;
  learn::FeatureTable word_rows_;    // hash of a frequent word -> row of the caches
  std::vector<WordKeys> word_keys_;  // per row
  std::vector<float> pos_sums_;      // per row: kOffsets x pos class count
  std::vector<float> ner_sums_;      // per row: kOffsets x ner class count
  // may_follow_[previous * n + tag]: IOB2 allows tag after previous; previous n = sentence start.
  std::vector<std::uint8_t> may_follow_;
};

}  // namespace newsgraph::tag
