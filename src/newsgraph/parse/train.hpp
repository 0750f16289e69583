// Training a Parser from a Universal Dependencies treebank, and measuring one on another.
//  - The part-of-speech tagger learns greedily on its own predicted history.
//  - The parser learns from the tags the tagger will give it, not the gold ones: each training
//    sentence is tagged by a tagger trained on the other folds of the corpus (jackknifing).
//  - The move perceptron learns with the dynamic oracle of Goldberg and Nivre (2013): at every
//    configuration, any move that loses no more gold arcs than the best one is right, and from
//    explore_from_epoch on the parser follows its own mistakes with explore_probability, so that it
//    learns to act well after them. Non-projective training trees are lifted to projective ones.
//  - The relation perceptron learns the label of every arc the parser makes with the right head.
// Training is deterministic: the same corpus and options give a byte-identical model file. Not
// thread-safe; run one at a time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/parse/conllu.hpp"
#include "newsgraph/parse/parser.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::parse {

struct ParserTrainingOptions {
  int epochs = 15;          // of the parser
  int tagger_epochs = 8;    // of each part-of-speech tagger
  int jackknife_folds = 4;  // below 2: the parser learns from gold parts of speech
  int explore_from_epoch = 2;
  double explore_probability = 0.9;
  bool relation_subtypes = true;   // "nsubj:pass" rather than "nsubj"
  float min_weight = 0.0f;         // parser weights smaller than this are dropped (learn::CompactPerceptron)
  float label_min_weight = -1.0f;  // the same for the relation perceptron; below 0: min_weight
  float tagger_min_weight = 0.0f;  // the same for the part-of-speech tagger
  std::uint64_t seed = 1;          // the order of sentences and the exploration
  std::string settings;            // recorded in the model file
};

// Called with a line of progress for people, e.g. "tagger for fold 2 of 4 trained".
using ProgressCallback = std::function<void(std::string_view message)>;
// Called after each parser epoch with its number (from 1) and the averaged model so far.
using ParserEpochCallback = std::function<void(int epoch, const Parser& parser)>;

// clusters: the word classes for the tagger's and the parser's features (may be empty); the model
// keeps a copy. Throws newsgraph::InputError when the corpus is empty.
Parser train_parser(const std::vector<TreebankSentence>& corpus, const ParserTrainingOptions& options,
                    const tag::WordClusters& clusters, const ProgressCallback& progress = {},
                    const ParserEpochCallback& after_epoch = {});

// Attachment scores as the CoNLL 2018 shared task counts them (punctuation included, relation
// subtypes ignored), in percent.
struct ParseScores {
  std::size_t words = 0;
  double uas = 0;   // right head
  double las = 0;   // right head and relation
  double upos = 0;  // right part of speech
};

// With gold_tags the parser is given the treebank's parts of speech instead of tagging: the
// difference to the tagged scores is what the tagger's mistakes cost.
ParseScores score_parser(const Parser& parser, const std::vector<TreebankSentence>& gold,
                         bool gold_tags = false);

}  // namespace newsgraph::parse
