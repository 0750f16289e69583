// Training a Tagger from documents whose words carry gold part-of-speech and IOB2 entity tags.
// The perceptrons learn greedily from left to right on their own predicted history, so that they
// see at training time the kind of left context they will see when tagging; the entity perceptrons
// are given the gold parts of speech (or, as an option, ones predicted by cross-validation over the
// training documents) and learn BILOU tags. The second, document-level
// entity perceptron learns from first-pass tags made by cross-validation over the training
// documents (each fold tagged by a first-pass model trained without it), so that it sees the kind
// of mistakes the first pass makes on new text. Training is deterministic: the same corpus, options,
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
  std::size_t document = 0;      // sentences of one document are consecutive and share this number
};

struct TrainingOptions {
  int epochs = 10;
  std::uint64_t seed = 1;          // the order of sentences in each epoch
  std::size_t frequent_count = 2;  // words seen this often get precomputed weights
  float min_weight = 0.0f;         // averaged weights smaller than this are dropped
  bool bilou = true;               // entity tags as BILOU inside (else IOB2 as given)
  bool headlines = true;           // read headlines in capitals as ordinary text
  bool document_pass = true;       // train the second, document-level entity perceptron
  int folds = 10;                  // cross-validation folds for the second pass's first-pass tags
  bool predicted_pos = false;      // entity perceptrons learn from cross-validated predicted POS
  std::string settings;            // recorded in the model file
};

// Sentences of a CoNLL-2003-style text: "word POS chunk NER" per line (the entity tag is the last
// column), blank lines between sentences, -DOCSTART- lines between documents (numbered from 0 in
// TrainingSentence::document). origin names the text in messages; throws newsgraph::InputError for
// a line with fewer than four columns.
std::vector<TrainingSentence> read_conll(std::string_view text, std::string_view origin);

// IOB2 entity tags as BILOU ("B-X" alone becomes "U-X", the last "I-X" of a mention "L-X").
std::vector<std::string> iob2_to_bilou(const std::vector<std::string>& tags);

// Called after each epoch with its number (from 1) and the averaged model so far.
using EpochCallback = std::function<void(int epoch, const Tagger& tagger)>;

// Throws newsgraph::InputError when a sentence's tag lists do not match its words.
Tagger train_tagger(const std::vector<TrainingSentence>& corpus, const TrainingOptions& options,
                    WordClusters clusters, Gazetteer gazetteer, const EpochCallback& after_epoch = {});

}  // namespace newsgraph::tag
