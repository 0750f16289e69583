#include "newsgraph/parse/train.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <random>
#include <span>
#include <unordered_map>

#include "newsgraph/error.hpp"
#include "newsgraph/parse/features.hpp"
#include "newsgraph/parse/transition.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace newsgraph::parse {
namespace {

using learn::FeatureHash;

// A training sentence as ids, with the tagger's window features computed once.
struct EncodedSentence {
  std::vector<std::string_view> words;
  std::vector<UposWord> described;
  std::vector<std::uint32_t> tags;       // gold
  std::vector<std::uint32_t> heads;      // gold, projectivized; the root is words.size()
  std::vector<std::uint16_t> relations;  // gold
  std::vector<FeatureHash> window_features;
  std::vector<std::size_t> window_begin;  // word i: window_features[window_begin[i], window_begin[i + 1])
};

std::string relation_name(const TreebankWord& word, bool subtypes) {
  return subtypes ? word.relation : std::string(base_relation(word.relation));
}

template <typename Name>
std::vector<std::string> sorted_names(const std::vector<TreebankSentence>& corpus, Name name) {
  std::vector<std::string> names;
  for (const TreebankSentence& sentence : corpus)
    for (const TreebankWord& word : sentence.words) names.push_back(name(word));
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::uint32_t index_of(const std::vector<std::string>& names, const std::string& name) {
  return static_cast<std::uint32_t>(std::lower_bound(names.begin(), names.end(), name) - names.begin());
}

std::vector<EncodedSentence> encode(const std::vector<TreebankSentence>& corpus,
                                    const std::vector<std::string>& tags,
                                    const std::vector<std::string>& relations, bool subtypes,
                                    const tag::WordClusters& clusters) {
  std::vector<EncodedSentence> encoded;
  encoded.reserve(corpus.size());
  for (const TreebankSentence& sentence : corpus) {
    EncodedSentence out;
    const auto n = static_cast<std::uint32_t>(sentence.words.size());
    for (const TreebankWord& word : sentence.words) {
      out.words.push_back(word.form);
      out.tags.push_back(index_of(tags, word.upos));
      out.heads.push_back(word.head == 0 ? n : static_cast<std::uint32_t>(word.head - 1));
      out.relations.push_back(static_cast<std::uint16_t>(index_of(relations, relation_name(word, subtypes))));
    }
    projectivize(out.heads);
    out.described = upos_words(out.words, clusters);
    for (std::size_t i = 0; i < n; ++i) {
      out.window_begin.push_back(out.window_features.size());
      add_upos_window_features(out.described, i, clusters, out.window_features);
    }
    out.window_begin.push_back(out.window_features.size());
    encoded.push_back(std::move(out));
  }
  return encoded;
}

// Fisher-Yates with our own index draw: std::shuffle differs between standard libraries.
void shuffle(std::vector<std::size_t>& order, std::mt19937_64& random) {
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
}

template <typename Scores>
std::uint32_t best_class(const Scores& scores) {
  return static_cast<std::uint32_t>(std::max_element(scores.begin(), scores.end()) - scores.begin());
}

// The tag dictionary of some sentences: the words seen at least kMinCount times, each with the tags
// that make up at least a twentieth of its uses (rarer ones are mostly annotation slips). Rarer
// words stay out so that the tagger does not learn to trust sets it would not have for new words.
TagDictionary build_dictionary(const std::vector<EncodedSentence>& corpus,
                               std::span<const std::size_t> sentences) {
  constexpr std::uint32_t kMinCount = 3;
  std::unordered_map<std::uint64_t, std::array<std::uint32_t, TagDictionary::kMaxTags>> counts;
  for (const std::size_t s : sentences)
    for (std::size_t i = 0; i < corpus[s].words.size(); ++i)
      ++counts[corpus[s].described[i].keys.lower][corpus[s].tags[i]];
  std::vector<std::pair<std::uint64_t, std::uint32_t>> entries;
  for (const auto& [word, tag_counts] : counts) {
    std::uint32_t total = 0;
    for (const std::uint32_t count : tag_counts) total += count;
    if (total < kMinCount) continue;
    std::uint32_t tags = 0;
    for (std::size_t t = 0; t < tag_counts.size(); ++t)
      if (tag_counts[t] * 20 >= total) tags |= std::uint32_t{1} << t;
    entries.emplace_back(word, tags);
  }
  return TagDictionary(std::move(entries));
}

// A part-of-speech tagger trained on the sentences whose index is not in the held-out fold
// (sentence % folds == held_out); all of them when folds is 0.
UposTagger train_tagger(const std::vector<EncodedSentence>& corpus, const std::vector<std::string>& tags,
                        const tag::WordClusters& clusters, const ParserTrainingOptions& options,
                        std::size_t folds, std::size_t held_out) {
  learn::PerceptronTrainer trainer(static_cast<std::uint32_t>(tags.size()));
  std::vector<std::size_t> order;
  for (std::size_t s = 0; s < corpus.size(); ++s)
    if (folds == 0 || s % folds != held_out) order.push_back(s);
  TagDictionary dictionary = build_dictionary(corpus, order);
  std::mt19937_64 random(options.seed);
  std::vector<FeatureHash> features;
  std::vector<float> scores(tags.size());
  for (int epoch = 1; epoch <= options.tagger_epochs; ++epoch) {
    shuffle(order, random);
    for (const std::size_t s : order) {
      const EncodedSentence& sentence = corpus[s];
      const std::vector<std::uint32_t> tag_sets = dictionary.tag_sets(sentence.described);
      std::uint32_t previous = kNoTag;
      std::uint32_t before_previous = kNoTag;
      for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        features.assign(
            sentence.window_features.begin() + static_cast<std::ptrdiff_t>(sentence.window_begin[i]),
            sentence.window_features.begin() + static_cast<std::ptrdiff_t>(sentence.window_begin[i + 1]));
        add_upos_context_features(sentence.described, tag_sets, i, previous, before_previous, features);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.add_scores(features, scores);
        const std::uint32_t guess = best_class(scores);
        trainer.update(features, sentence.tags[i], guess);
        trainer.next_example();
        before_previous = previous;
        previous = guess;
      }
    }
  }
  return UposTagger(tags, learn::CompactPerceptron::quantise(trainer.average(0), options.tagger_min_weight),
                    clusters, std::move(dictionary));
}

// The tags the parser learns from: jackknifed predictions with their runners-up, or the gold tags.
std::vector<UposTags> training_tags(const std::vector<EncodedSentence>& corpus,
                                    const std::vector<std::string>& tags, const tag::WordClusters& clusters,
                                    const ParserTrainingOptions& options, const ProgressCallback& progress) {
  std::vector<UposTags> predicted(corpus.size());
  if (options.jackknife_folds < 2) {
    for (std::size_t s = 0; s < corpus.size(); ++s) predicted[s] = {corpus[s].tags, corpus[s].tags};
    return predicted;
  }
  const auto folds = static_cast<std::size_t>(options.jackknife_folds);
  for (std::size_t fold = 0; fold < folds; ++fold) {
    const UposTagger tagger = train_tagger(corpus, tags, clusters, options, folds, fold);
    for (std::size_t s = fold; s < corpus.size(); s += folds)
      predicted[s] = tagger.tag_with_runners_up(corpus[s].described);
    if (progress)
      progress("tagger for fold " + std::to_string(fold + 1) + " of " + std::to_string(folds) + " trained");
  }
  return predicted;
}

struct MoveChoice {
  Move predicted = kShift;   // the best-scoring legal move
  Move best_right = kShift;  // the best-scoring legal move of least cost
  bool predicted_is_right = false;
};

MoveChoice choose_move(const Configuration& configuration, const std::array<float, kMoveCount>& scores,
                       const std::array<int, kMoveCount>& costs) {
  int least_cost = std::numeric_limits<int>::max();
  for (const Move move : {kShift, kLeft, kRight})
    if (configuration.legal(move)) least_cost = std::min(least_cost, costs[move]);
  MoveChoice choice;
  float predicted_score = -std::numeric_limits<float>::infinity();
  float right_score = -std::numeric_limits<float>::infinity();
  for (const Move move : {kShift, kLeft, kRight}) {
    if (!configuration.legal(move)) continue;
    if (scores[move] > predicted_score) predicted_score = scores[move], choice.predicted = move;
    if (costs[move] == least_cost && scores[move] > right_score)
      right_score = scores[move], choice.best_right = move;
  }
  choice.predicted_is_right = costs[choice.predicted] == least_cost;
  return choice;
}

}  // namespace

Parser train_parser(const std::vector<TreebankSentence>& corpus, const ParserTrainingOptions& options,
                    const tag::WordClusters& clusters, const ProgressCallback& progress,
                    const ParserEpochCallback& after_epoch) {
  if (corpus.empty()) throw InputError("the training treebank has no sentences");
  const std::vector<std::string> tags =
      sorted_names(corpus, [](const TreebankWord& word) { return word.upos; });
  if (tags.size() > TagDictionary::kMaxTags)
    throw InputError("the training treebank has " + std::to_string(tags.size()) +
                     " parts of speech; the tagger takes at most " + std::to_string(TagDictionary::kMaxTags));
  const std::vector<std::string> relations = sorted_names(
      corpus, [&](const TreebankWord& word) { return relation_name(word, options.relation_subtypes); });
  const std::vector<EncodedSentence> encoded =
      encode(corpus, tags, relations, options.relation_subtypes, clusters);
  const std::vector<UposTags> parser_tags = training_tags(encoded, tags, clusters, options, progress);
  const UposTagger tagger = train_tagger(encoded, tags, clusters, options, 0, 0);
  if (progress) progress("tagger trained");

  learn::PerceptronTrainer moves(kMoveCount);
  learn::PerceptronTrainer labels(static_cast<std::uint32_t>(relations.size()));
  const float label_min_weight = options.label_min_weight < 0 ? options.min_weight : options.label_min_weight;
  auto averaged = [&] {
    return Parser(ParserModel{
        tagger, relations, learn::CompactPerceptron::quantise(moves.average(0), options.min_weight),
        learn::CompactPerceptron::quantise(labels.average(0), label_min_weight), options.settings});
  };

  std::vector<std::size_t> order(encoded.size());
  for (std::size_t s = 0; s < order.size(); ++s) order[s] = s;
  std::mt19937_64 random(options.seed);
  const auto explore_threshold =
      static_cast<std::uint64_t>(options.explore_probability * static_cast<double>(random.max()));
  std::vector<FeatureHash> features;
  std::array<float, kMoveCount> move_scores;
  std::vector<float> relation_scores(relations.size());
  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    shuffle(order, random);
    const bool exploring = epoch >= options.explore_from_epoch && options.explore_probability > 0;
    for (const std::size_t s : order) {
      const EncodedSentence& sentence = encoded[s];
      const std::vector<ParserToken> tokens =
          sentence_tokens(sentence.described, parser_tags[s].tags, parser_tags[s].runners_up, tagger);
      Configuration configuration(sentence.words.size());
      while (!configuration.terminal()) {
        features.clear();
        add_move_features(configuration, tokens, features);
        move_scores.fill(0.0f);
        moves.add_scores(features, move_scores);
        const MoveChoice choice =
            choose_move(configuration, move_scores, configuration.move_costs(sentence.heads));
        moves.update(features, choice.best_right, choice.predicted);
        moves.next_example();
        const bool follow_mistake = exploring && random() <= explore_threshold;
        const Move move = choice.predicted_is_right || follow_mistake ? choice.predicted : choice.best_right;

        std::uint16_t relation = kNoRelation;
        if (move != kShift) {
          features.clear();
          add_relation_features(configuration, tokens, move, features);
          std::fill(relation_scores.begin(), relation_scores.end(), 0.0f);
          labels.add_scores(features, relation_scores);
          relation = static_cast<std::uint16_t>(best_class(relation_scores));
          const auto [head, dependent] = configuration.arc(move);
          if (sentence.heads[dependent] == head) {
            labels.update(features, sentence.relations[dependent], relation);
            labels.next_example();
            if (!exploring) relation = sentence.relations[dependent];
          }
        }
        configuration.apply(move, relation);
      }
    }
    if (progress)
      progress("parser epoch " + std::to_string(epoch) + " of " + std::to_string(options.epochs) + " done");
    if (!after_epoch) continue;
    Parser parser = averaged();
    after_epoch(epoch, parser);
    if (epoch == options.epochs) return parser;
  }
  return averaged();
}

ParseScores score_parser(const Parser& parser, const std::vector<TreebankSentence>& gold, bool gold_tags) {
  const std::vector<std::string>& tag_names = parser.model().tagger.tags();
  std::size_t heads = 0, labelled = 0, tags = 0, words = 0;
  std::vector<std::string_view> forms;
  std::vector<std::uint32_t> tag_ids;
  for (const TreebankSentence& sentence : gold) {
    forms.clear();
    tag_ids.clear();
    for (const TreebankWord& word : sentence.words) {
      forms.push_back(word.form);
      // A tag the model does not know is given as the first one.
      const auto found = std::find(tag_names.begin(), tag_names.end(), word.upos);
      tag_ids.push_back(found == tag_names.end() ? 0 : static_cast<std::uint32_t>(found - tag_names.begin()));
    }
    const DependencyTree tree = gold_tags ? parser.parse_tagged(forms, tag_ids) : parser.parse(forms);
    for (std::size_t i = 0; i < forms.size(); ++i) {
      const TreebankWord& expected = sentence.words[i];
      const ParsedWord& found = tree.words()[i];
      tags += found.upos == expected.upos;
      if (found.head != expected.head) continue;
      ++heads;
      labelled += base_relation(found.relation) == base_relation(expected.relation);
    }
    words += forms.size();
  }
  auto percent = [&](std::size_t count) {
    return words == 0 ? 0.0 : 100.0 * static_cast<double>(count) / words;
  };
  return {words, percent(heads), percent(labelled), percent(tags)};
}

}  // namespace newsgraph::parse
