#include "newsgraph/tag/train.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <map>
#include <random>
#include <unordered_map>

#include "newsgraph/error.hpp"
#include "newsgraph/tag/entities.hpp"

namespace newsgraph::tag {
namespace {

using learn::FeatureHash;

// Tag names sorted, so that class ids do not depend on the order of the corpus.
std::vector<std::string> tag_set(const std::vector<std::vector<std::string>>& lists) {
  std::vector<std::string> tags;
  for (const auto& list : lists) tags.insert(tags.end(), list.begin(), list.end());
  std::sort(tags.begin(), tags.end());
  tags.erase(std::unique(tags.begin(), tags.end()), tags.end());
  return tags;
}

std::uint32_t class_of(const std::vector<std::string>& tags, const std::string& tag) {
  return static_cast<std::uint32_t>(std::lower_bound(tags.begin(), tags.end(), tag) - tags.begin());
}

// The corpus as ids: every distinct word form is a type with its word features computed once.
struct EncodedCorpus {
  struct Sentence {
    std::vector<std::uint32_t> types;      // of the forms the entity perceptrons see
    std::vector<std::uint32_t> pos_types;  // of the words as written
    std::vector<WordKeys> keys;
    std::vector<std::uint32_t> pos;
    std::vector<std::uint32_t> entity_pos;  // the parts of speech the entity perceptrons see
    std::vector<std::uint32_t> ner;
    std::vector<std::uint32_t> gazetteer;
    std::vector<std::uint8_t> casing;
    bool headline = false;
    std::size_t document = 0;    // index into documents
    std::size_t first_word = 0;  // of the sentence within its document
  };
  struct Document {
    std::size_t first_sentence = 0, end_sentence = 0;
    std::vector<DocumentWord> words;
  };
  // type_features[type * kOffsets + offset + kWindow]; types 0 and 1 are the sentence edges.
  std::vector<std::vector<FeatureHash>> type_features;
  std::vector<Sentence> sentences;
  std::vector<Document> documents;
};

// Words seen at least frequent_count times, most frequent first (ties in byte order).
std::vector<std::string> frequent_words(const std::vector<TrainingSentence>& corpus,
                                        std::size_t frequent_count) {
  std::map<std::string, std::size_t> counts;
  for (const TrainingSentence& sentence : corpus)
    for (const std::string& word : sentence.words) ++counts[word];
  std::vector<std::pair<std::size_t, std::string>> frequent;
  for (const auto& [word, count] : counts)
    if (count >= frequent_count) frequent.emplace_back(count, word);
  std::stable_sort(frequent.begin(), frequent.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> words;
  for (auto& [count, word] : frequent) words.push_back(std::move(word));
  return words;
}

EncodedCorpus encode(const std::vector<TrainingSentence>& corpus,
                     const std::vector<std::vector<std::string>>& ner,
                     const std::vector<std::string>& pos_tags, const std::vector<std::string>& ner_tags,
                     const WordClusters& clusters, const Gazetteer& gazetteer,
                     const std::vector<std::string>& frequent, bool headlines) {
  EncodedCorpus encoded;
  std::unordered_map<std::string, std::uint32_t> type_of;
  std::array<std::vector<FeatureHash>, kOffsets> offsets;
  auto add_type = [&](std::string_view word) {
    tagger_word_features(word, clusters, offsets);
    for (const auto& list : offsets) encoded.type_features.push_back(list);
  };
  add_type(kBeforeSentence);
  add_type(kAfterSentence);
  std::uint32_t types = 2;
  std::unordered_map<std::string_view, std::uint32_t> rank_of;
  for (std::size_t i = 0; i < frequent.size(); ++i)
    rank_of.emplace(frequent[i], static_cast<std::uint32_t>(i));
  const FormRank rank = [](const void* context, std::string_view form) {
    const auto& ranks = *static_cast<const std::unordered_map<std::string_view, std::uint32_t>*>(context);
    const auto found = ranks.find(form);
    return found == ranks.end() ? kNoClass : found->second;
  };

  for (std::size_t first = 0; first < corpus.size();) {
    std::size_t end = first;
    while (end < corpus.size() && corpus[end].document == corpus[first].document) ++end;
    std::vector<std::vector<std::string_view>> words;
    std::vector<std::uint8_t> headline;
    for (std::size_t s = first; s < end; ++s) {
      words.emplace_back(corpus[s].words.begin(), corpus[s].words.end());
      headline.push_back(is_headline(words.back()));
    }
    const std::vector<std::vector<std::string>> forms =
        headlines ? headline_forms(words, headline, rank, &rank_of)
                  : std::vector<std::vector<std::string>>(words.size());
    EncodedCorpus::Document document{encoded.sentences.size(), encoded.sentences.size() + (end - first), {}};
    for (std::size_t s = first; s < end; ++s) {
      const TrainingSentence& sentence = corpus[s];
      EncodedCorpus::Sentence out;
      out.headline = headline[s - first] != 0;
      out.document = encoded.documents.size();
      out.first_word = document.words.size();
      for (std::size_t i = 0; i < sentence.words.size(); ++i) {
        const std::string& form = forms[s - first].empty() ? sentence.words[i] : forms[s - first][i];
        auto type = [&](const std::string& word) {
          auto [it, added] = type_of.try_emplace(word, types);
          if (added) {
            ++types;
            add_type(word);
          }
          return it->second;
        };
        out.types.push_back(type(form));
        out.pos_types.push_back(type(sentence.words[i]));
        out.keys.push_back(word_keys(form));
        out.pos.push_back(class_of(pos_tags, sentence.pos[i]));
        out.ner.push_back(class_of(ner_tags, ner[s][i]));
        document.words.push_back(document_word(sentence.words[i], i == 0, out.headline));
      }
      std::vector<std::uint64_t> lower_hashes;
      for (const WordKeys& keys : out.keys) lower_hashes.push_back(keys.lower);
      out.gazetteer.resize(out.keys.size());
      gazetteer.match_positions(lower_hashes, out.gazetteer);
      encoded.sentences.push_back(std::move(out));
    }
    std::vector<std::uint8_t> casing(document.words.size());
    document_casing(document.words, casing);
    for (std::size_t s = document.first_sentence; s < document.end_sentence; ++s) {
      EncodedCorpus::Sentence& sentence = encoded.sentences[s];
      sentence.casing.assign(
          casing.begin() + static_cast<std::ptrdiff_t>(sentence.first_word),
          casing.begin() + static_cast<std::ptrdiff_t>(sentence.first_word + sentence.types.size()));
    }
    encoded.documents.push_back(std::move(document));
    first = end;
  }
  return encoded;
}

// Appends the word features of the window around word i, a sentence's types or pos_types.
void add_window_features(const EncodedCorpus& corpus, const std::vector<std::uint32_t>& types, std::size_t i,
                         std::vector<FeatureHash>& features) {
  const std::ptrdiff_t n = static_cast<std::ptrdiff_t>(types.size());
  for (int offset = -kWindow; offset <= kWindow; ++offset) {
    const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
    const std::uint32_t type = j < 0 ? 0 : j >= n ? 1 : types[static_cast<std::size_t>(j)];
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

// Fisher-Yates with our own index draw: std::shuffle differs between standard libraries.
void shuffle(std::vector<std::size_t>& order, std::mt19937_64& random) {
  for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[random() % i]);
}

// One entity perceptron's view of the training corpus: features, and a greedy pass that learns
// (a trainer) or only predicts (an averaged model).
class EntityLearner {
 public:
  EntityLearner(const EncodedCorpus& corpus, const std::vector<std::uint8_t>& allowed, std::size_t classes)
      : corpus_(corpus), allowed_(allowed), classes_(classes) {}

  // document: per sentence, the document features of its words (or nullptr).
  template <typename Model>
  void pass(Model& model, std::size_t s, const std::vector<DocumentFeatures>* document, bool learn,
            std::uint32_t* predicted) {
    const EncodedCorpus::Sentence& sentence = corpus_.sentences[s];
    const EntityContext context{sentence.keys, sentence.entity_pos, sentence.gazetteer, sentence.casing,
                                sentence.headline};
    std::uint32_t previous = kNoClass;
    std::uint32_t before_previous = kNoClass;
    for (std::size_t i = 0; i < sentence.types.size(); ++i) {
      features_.clear();
      add_window_features(corpus_, sentence.types, i, features_);
      add_entity_context_features(context, i, previous, before_previous, features_);
      if (document) {
        const auto extra = (*document)[sentence.document].of(sentence.first_word + i);
        features_.insert(features_.end(), extra.begin(), extra.end());
      }
      scores_.assign(classes_, 0.0f);
      model.add_scores(features_, scores_);
      const std::size_t allowed_row = (previous == kNoClass ? classes_ : previous) * classes_;
      const std::uint32_t guess = best_class(scores_, allowed_, allowed_row);
      if constexpr (requires { model.update(features_, 0u, 0u); }) {
        if (learn) {
          model.update(features_, sentence.ner[i], guess);
          model.next_example();
        }
      }
      if (predicted) predicted[i] = guess;
      before_previous = previous;
      previous = guess;
    }
  }

 private:
  const EncodedCorpus& corpus_;
  const std::vector<std::uint8_t>& allowed_;
  std::size_t classes_;
  std::vector<FeatureHash> features_;
  std::vector<float> scores_;
};

}  // namespace

std::vector<std::string> iob2_to_bilou(const std::vector<std::string>& tags) {
  std::vector<std::string> out(tags.size(), "O");
  const std::vector<std::string_view> views(tags.begin(), tags.end());
  for (const EntityChunk& chunk : entity_chunks(views)) {
    const std::string type(chunk.type);
    if (chunk.end - chunk.begin == 1) {
      out[chunk.begin] = "U-" + type;
      continue;
    }
    out[chunk.begin] = "B-" + type;
    for (std::size_t i = chunk.begin + 1; i + 1 < chunk.end; ++i) out[i] = "I-" + type;
    out[chunk.end - 1] = "L-" + type;
  }
  return out;
}

std::vector<TrainingSentence> read_conll(std::string_view text, std::string_view origin) {
  std::vector<TrainingSentence> sentences(1);
  std::size_t document = 0;
  bool document_used = false;
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
      if (!fields.empty() && document_used) {
        ++document;
        document_used = false;
      }
      sentences.back().document = document;
      continue;
    }
    if (fields.size() < 4)
      throw InputError(std::string(origin) + ":" + std::to_string(line_number) +
                       ": expected four columns (word POS chunk NER), found " +
                       std::to_string(fields.size()));
    sentences.back().words.push_back(fields[0]);
    sentences.back().pos.push_back(fields[1]);
    sentences.back().ner.push_back(fields.back());
    document_used = true;
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

  std::vector<std::vector<std::string>> pos_lists, ner_lists;
  for (const TrainingSentence& sentence : corpus) {
    pos_lists.push_back(sentence.pos);
    ner_lists.push_back(options.bilou ? iob2_to_bilou(sentence.ner) : sentence.ner);
  }
  const std::vector<std::string> pos_tags = tag_set(pos_lists);
  const std::vector<std::string> ner_tags = tag_set(ner_lists);
  const std::vector<std::string> frequent = frequent_words(corpus, options.frequent_count);
  EncodedCorpus encoded =
      encode(corpus, ner_lists, pos_tags, ner_tags, clusters, gazetteer, frequent, options.headlines);
  const std::size_t pos_classes = pos_tags.size();
  std::vector<FeatureHash> features;
  std::vector<float> scores;
  // One greedy part-of-speech pass over sentence s: learns (a trainer) or only predicts.
  auto pos_pass = [&](auto& model, std::size_t s, bool learn, std::uint32_t* predicted) {
    const EncodedCorpus::Sentence& sentence = encoded.sentences[s];
    const SentenceContext context{sentence.keys, {}, {}};
    std::uint32_t previous = kNoClass;
    std::uint32_t before_previous = kNoClass;
    for (std::size_t i = 0; i < sentence.types.size(); ++i) {
      features.clear();
      add_window_features(encoded, sentence.pos_types, i, features);
      add_pos_context_features(context, i, previous, before_previous, features);
      scores.assign(pos_classes, 0.0f);
      model.add_scores(features, scores);
      const std::uint32_t guess = best_class(scores, {}, 0);
      if constexpr (requires { model.update(features, 0u, 0u); }) {
        if (learn) {
          model.update(features, sentence.pos[i], guess);
          model.next_example();
        }
      }
      if (predicted) predicted[i] = guess;
      before_previous = previous;
      previous = guess;
    }
  };
  // The entity perceptrons learn from parts of speech as the tagger will predict them: each fold
  // of documents tagged by a model trained on the others (or gold ones, without folds).
  for (EncodedCorpus::Sentence& sentence : encoded.sentences) sentence.entity_pos = sentence.pos;
  if (options.predicted_pos && options.folds >= 2) {
    const auto folds = static_cast<std::size_t>(options.folds);
    const bool by_document = encoded.documents.size() >= folds;
    auto fold_of = [&](std::size_t s) { return (by_document ? encoded.sentences[s].document : s) % folds; };
    for (std::size_t fold = 0; fold < folds; ++fold) {
      learn::PerceptronTrainer trainer(static_cast<std::uint32_t>(pos_classes));
      std::vector<std::size_t> order;
      for (std::size_t s = 0; s < encoded.sentences.size(); ++s)
        if (fold_of(s) != fold) order.push_back(s);
      std::mt19937_64 random(options.seed + 2000 + fold);
      for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        shuffle(order, random);
        for (const std::size_t s : order) pos_pass(trainer, s, true, nullptr);
      }
      const learn::Perceptron model = trainer.average(0.0f);
      for (std::size_t s = 0; s < encoded.sentences.size(); ++s)
        if (fold_of(s) == fold) pos_pass(model, s, false, encoded.sentences[s].entity_pos.data());
    }
  }
  const std::vector<std::uint8_t> ner_allowed =
      options.bilou ? bilou_transitions(ner_tags) : iob2_transitions(ner_tags);
  const std::vector<std::uint8_t> types = entity_type_ids(ner_tags);
  const auto ner_classes = static_cast<std::uint32_t>(ner_tags.size());
  const std::size_t sentence_count = encoded.sentences.size();
  EntityLearner learner(encoded, ner_allowed, ner_classes);

  // Cross-validation folds: document d is in fold d % folds; with fewer documents than folds,
  // sentence s is in fold s % folds.
  const auto folds = static_cast<std::size_t>(std::max(options.folds, 1));
  const bool by_document = encoded.documents.size() >= folds;
  auto fold_of = [&](std::size_t s) { return (by_document ? encoded.sentences[s].document : s) % folds; };

  // The document features of the training documents, from first-pass tags made by models that
  // did not see the sentence (nor, given enough documents, its document).
  std::vector<DocumentFeatures> document_features_of;
  const bool second_pass = options.document_pass && options.folds >= 2;
  if (second_pass) {
    std::vector<std::vector<std::uint32_t>> first_pass(encoded.documents.size());
    for (std::size_t d = 0; d < encoded.documents.size(); ++d)
      first_pass[d].resize(encoded.documents[d].words.size());
    for (std::size_t fold = 0; fold < folds; ++fold) {
      learn::PerceptronTrainer trainer(ner_classes);
      std::vector<std::size_t> order;
      for (std::size_t s = 0; s < sentence_count; ++s)
        if (fold_of(s) != fold) order.push_back(s);
      std::mt19937_64 random(options.seed + 1000 + fold);
      for (int epoch = 1; epoch <= options.epochs; ++epoch) {
        shuffle(order, random);
        for (const std::size_t s : order) learner.pass(trainer, s, nullptr, true, nullptr);
      }
      const learn::Perceptron model = trainer.average(0.0f);
      for (std::size_t s = 0; s < sentence_count; ++s) {
        const EncodedCorpus::Sentence& sentence = encoded.sentences[s];
        if (fold_of(s) != fold) continue;
        learner.pass(model, s, nullptr, false, first_pass[sentence.document].data() + sentence.first_word);
      }
    }
    document_features_of.resize(encoded.documents.size());
    for (std::size_t d = 0; d < encoded.documents.size(); ++d)
      document_features(encoded.documents[d].words, first_pass[d], types, document_features_of[d]);
  }

  learn::PerceptronTrainer pos_trainer(static_cast<std::uint32_t>(pos_tags.size()));
  learn::PerceptronTrainer ner_trainer(ner_classes);
  learn::PerceptronTrainer document_trainer(ner_classes);
  std::vector<std::size_t> order(sentence_count);
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::mt19937_64 random(options.seed);

  auto averaged = [&] {
    TaggerModel model;
    model.flags =
        (options.headlines ? TaggerModel::kHeadlines : 0u) | (options.bilou ? 0u : TaggerModel::kIob2);
    model.pos_tags = pos_tags;
    model.ner_tags = ner_tags;
    model.pos = learn::CompactPerceptron::quantise(pos_trainer.average(0.0f), options.min_weight);
    model.ner = learn::CompactPerceptron::quantise(ner_trainer.average(0.0f), options.min_weight);
    if (second_pass)
      model.ner_document =
          learn::CompactPerceptron::quantise(document_trainer.average(0.0f), options.min_weight);
    model.clusters = clusters;
    model.gazetteer = gazetteer;
    model.frequent_words = frequent;
    model.settings = options.settings;
    return Tagger(std::move(model));
  };

  for (int epoch = 1; epoch <= options.epochs; ++epoch) {
    shuffle(order, random);
    for (const std::size_t s : order) {
      pos_pass(pos_trainer, s, true, nullptr);
      learner.pass(ner_trainer, s, nullptr, true, nullptr);
      if (second_pass) learner.pass(document_trainer, s, &document_features_of, true, nullptr);
    }
    if (after_epoch && epoch < options.epochs) after_epoch(epoch, averaged());
  }
  Tagger tagger = averaged();
  if (after_epoch) after_epoch(options.epochs, tagger);
  return tagger;
}

}  // namespace newsgraph::tag
