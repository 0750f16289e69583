// Training a Tagger from sentences whose words carry gold part-of-speech and IOB2 entity tags.
// Both perceptrons learn greedily from left to right on their own predicted history, so that they
// see at training time the kind of left context they will see when tagging; the entity perceptron
// is given the sentence's gold parts of speech. Training is deterministic: the same corpus, options,
// clusters and gazetteer give a byte-identical model file. Not thread-safe; run one at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/tag/lexicon.hpp"
#include "newsgraph/tag/tagger.hpp"

namespace newsgraph::tag {

struct TrainingSentence {
  std::vector<std::string> words;
  std::vector<std::string> pos;  // Penn Treebank tags
  std::vector<std::string> ner;  // IOB2 tags: "O", "B-PER", "I-PER", ...
};

struct TrainingOptions {
  int epochs = 10;
  std::uint64_t seed = 1;          // the order of sentences in each epoch
  std::size_t frequent_count = 2;  // words seen this often get precomputed weights
  float min_weight = 0.0f;         // features whose averaged weights are all smaller are dropped
  std::string settings;            // recorded in the model file
};

// Sentences of a CoNLL-2003-style text: "word POS chunk NER" per line (the entity tag is the last
// column), blank lines between sentences, -DOCSTART- lines ignored. origin names the text in
// messages; throws newsgraph::InputError for a line with fewer than four columns.
std::vector<TrainingSentence> read_conll(std::string_view text, std::string_view origin);

// Called after each epoch with its number (from 1) and the averaged model so far.
using EpochCallback = std::function<void(int epoch, const Tagger& tagger)>;

// Throws newsgraph::InputError when a sentence's tag lists do not match its words.
Tagger train_tagger(const std::vector<TrainingSentence>& corpus, const TrainingOptions& options,
                    WordClusters clusters, Gazetteer gazetteer, const EpochCallback& after_epoch = {});

}  // namespace newsgraph::tag
