#include "newsgraph/tag/train.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <unordered_map>

#include "newsgraph/error.hpp"

namespace newsgraph::tag {
namespace {

using learn::FeatureHash;

// Tag names sorted, so that class ids do not depend on the order of the corpus.
std::vector<std::string> tag_set(const std::vector<TrainingSentence>& corpus,
                                 std::vector<std::string> TrainingSentence::*field) {
  std::vector<std::string> tags;
  for (const TrainingSentence& sentence : corpus)
    for (const std::string& tag : sentence.*field) tags.push_back(tag);
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

std::uint32_t class_of(const std::vector<std::string>& tags, const std::string& tag) {
  return static_cast<std::uint32_t>(std::lower_bound(tags.begin(), tags.end(), tag) - tags.begin());
}

// The corpus as ids: every distinct word is a type with its word features computed once.
struct EncodedCorpus {
  struct Sentence {
    std::vector<std::uint32_t> types;
    std::vector<WordKeys> keys;
    std::vector<std::uint32_t> pos;
    std::vector<std::uint32_t> ner;
    std::vector<std::uint16_t> gazetteer_marks;
  };
  // type_features[type * kOffsets + offset + kWindow]; types 0 and 1 are the sentence edges.
  std::vector<std::vector<FeatureHash>> type_features;
  std::vector<Sentence> sentences;
  std::vector<std::string> frequent_words;
};

EncodedCorpus encode(const std::vector<TrainingSentence>& corpus, const std::vector<std::string>& pos_tags,
                     const std::vector<std::string>& ner_tags, const WordClusters& clusters,
                     const Gazetteer& gazetteer, std::size_t frequent_count) {
  EncodedCorpus encoded;
  std::unordered_map<std::string, std::uint32_t> type_of;
  std::vector<std::size_t> counts;
  auto add_type = [&](std::string_view word) {
    for (int offset = -kWindow; offset <= kWindow; ++offset) {
      encoded.type_features.emplace_back();
      add_word_features(word, offset, clusters, encoded.type_features.back());
    }
  };
  add_type(kBeforeSentence);
  add_type(kAfterSentence);
  std::vector<std::string> type_words = {std::string(kBeforeSentence), std::string(kAfterSentence)};
  counts = {0, 0};

  for (const TrainingSentence& sentence : corpus) {
    EncodedCorpus::Sentence out;
    for (const std::string& word : sentence.words) {
      auto [it, added] = type_of.try_emplace(word, static_cast<std::uint32_t>(type_words.size()));
      if (added) {
        type_words.push_back(word);
        counts.push_back(0);
        add_type(word);
      }
      ++counts[it->second];
      out.types.push_back(it->second);
      out.keys.push_back(word_keys(word));
      out.pos.push_back(class_of(pos_tags, sentence.pos[out.pos.size()]));
      out.ner.push_back(class_of(ner_tags, sentence.ner[out.ner.size()]));
    }
    std::vector<std::uint64_t> lower_hashes;
    for (const WordKeys& keys : out.keys) lower_hashes.push_back(keys.lower);
    out.gazetteer_marks.resize(out.keys.size());
    gazetteer.match(lower_hashes, out.gazetteer_marks);
    encoded.sentences.push_back(std::move(out));
  }

  std::vector<std::uint32_t> frequent;
  for (std::uint32_t type = 2; type < type_words.size(); ++type)
    if (counts[type] >= frequent_count) frequent.push_back(type);
  std::sort(frequent.begin(), frequent.end(), [&](std::uint32_t a, std::uint32_t b) {
    return counts[a] != counts[b] ? counts[a] > counts[b] : type_words[a] < type_words[b];
  });
  for (const std::uint32_t type : frequent) encoded.frequent_words.push_back(type_words[type]);
  return encoded;
}

// Appends the word features of the window around word i.
void add_window_features(const EncodedCorpus& corpus, const EncodedCorpus::Sentence& sentence, std::size_t i,
                         std::vector<FeatureHash>& features) {
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(sentence.types.size());
  for (int offset = -kWindow; offset <= kWindow; ++offset) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
    const std::uint32_t type = j < 0 ? 0 : j >= n ? 1 : sentence.types[static_cast<std::size_t>(j)];
    const auto& list = corpus.type_features[type * kOffsets + offset + kWindow];
    features.insert(features.end(), list.begin(), list.end());
  }
}

std::uint32_t best_class(const std::vector<float>& scores, const std::vector<std::uint8_t>& allowed,
                         std::size_t allowed_row) {
  std::uint32_t best = 0;
  float best_score = -std::numeric_limits<float>::infinity();
  for (std::uint32_t c = 0; c < scores.size(); ++c) {
    if (!allowed.empty() && !allowed[allowed_row + c]) continue;
    if (scores[c] > best_score) best_score = scores[c], best = c;
  }
  return best;
}

}  // namespace

std::vector<TrainingSentence> read_conll(std::string_view text, std::string_view origin) {
  std::vector<TrainingSentence> sentences(1);
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    std::vector<std::string> fields;
    while (true) {
      const std::size_t field_start = line.find_first_not_of(" \t\r");
      if (field_start == std::string_view::npos) break;
      line.remove_prefix(field_start);
      const std::size_t field_end = std::min(line.find_first_of(" \t\r"), line.size());
      fields.emplace_back(line.substr(0, field_end));
      line.remove_prefix(field_end);
    }
    if (fields.empty() || fields[0] == "-DOCSTART-") {
      if (!sentences.back().words.empty()) sentences.emplace_back();
      continue;
    }
    if (fields.size() < 4)
      throw InputError(std::string(origin) + ":" + std::to_string(line_number) +
                       ": expected four columns (word POS chunk NER), found " +
                       std::to_string(fields.size()));
    sentences.back().words.push_back(fields[0]);
    sentences.back().pos.push_back(fields[1]);
    sentences.back().ner.push_back(fields.back());
  }
  if (sentences.back().words.empty()) sentences.pop_back();
  return sentences;
}

Tagger train_tagger(const std::vector<TrainingSentence>& corpus, const TrainingOptions& options,
                    WordClusters clusters, Gazetteer gazetteer, const EpochCallback& after_epoch) {
  for (std::size_t s = 0; s < corpus.size(); ++s)
    if (corpus[s].pos.size() != corpus[s].words.size() || corpus[s].ner.size() != corpus[s].words.size())
      throw InputError("training sentence " + std::to_string(s + 1) +
                       ": the tag lists do not have one tag per word");

  const std::vector<std::string> pos_tags = tag_set(corpus, &TrainingSentence::pos);
  const std::vector<std::string> ner_tags = tag_set(corpus, &TrainingSentence::ner);
  const EncodedCorpus encoded =
      encode(corpus, pos_tags, ner_tags, clusters, gazetteer, options.frequent_count);
  const std::vector<std::uint8_t> ner_allowed = iob2_transitions(ner_tags);

  learn::PerceptronTrainer pos_trainer(static_cast<std::uint32_t>(pos_tags.size()));
  learn::PerceptronTrainer ner_trainer(static_cast<std::uint32_t>(ner_tags.size()));
  std::vector<std::size_t> order(encoded.sentences.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 random(options.seed);
  std::vector<FeatureHash> features;
  std::vector<float> scores;

  auto averaged = [&] {
    TaggerModel model{pos_tags,
                      ner_tags,
                      pos_trainer.average(options.min_weight),
                      ner_trainer.average(options.min_weight),
                      clusters,
                      gazetteer,
                      encoded.frequent_words,
                      options.settings};
    return Tagger(std::move(model));
  };

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with our own index draw: std::shuffle differs between standard libraries.
    for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);

    for (const std::size_t s : order) {
      const EncodedCorpus::Sentence& sentence = encoded.sentences[s];
      const SentenceContext context{sentence.keys, sentence.pos, sentence.gazetteer_marks};

      std::uint32_t previous = kNoClass;
      std::uint32_t before_previous = kNoClass;
      for (std::size_t i = 0; i < sentence.types.size(); ++i) {
        features.clear();
        add_window_features(encoded, sentence, i, features);
        add_pos_context_features(context, i, previous, before_previous, features);
        scores.assign(pos_tags.size(), 0.0f);
        pos_trainer.add_scores(features, scores);
        const std::uint32_t guess = best_class(scores, {}, 0);
        pos_trainer.update(features, sentence.pos[i], guess);
        pos_trainer.next_example();
        before_previous = previous;
        previous = guess;
      }

      previous = kNoClass;
      before_previous = kNoClass;
      for (std::size_t i = 0; i < sentence.types.size(); ++i) {
        features.clear();
        add_window_features(encoded, sentence, i, features);
        add_ner_context_features(context, i, previous, before_previous, features);
        scores.assign(ner_tags.size(), 0.0f);
        ner_trainer.add_scores(features, scores);
        const std::size_t allowed_row = (previous == kNoClass ? ner_tags.size() : previous) * ner_tags.size();
        const std::uint32_t guess = best_class(scores, ner_allowed, allowed_row);
        ner_trainer.update(features, sentence.ner[i], guess);
        ner_trainer.next_example();
        before_previous = previous;
        previous = guess;
      }
    }
    if (after_epoch && epoch < options.epochs) after_epoch(epoch, averaged());
  }
  Tagger tagger = averaged();
  if (after_epoch) after_epoch(options.epochs, tagger);
  return tagger;
}

}  // namespace newsgraph::tag
