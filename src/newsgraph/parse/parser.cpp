#include "newsgraph/parse/parser.hpp"

#include <algorithm>
#include <limits>

#include "newsgraph/embedded.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/learn/model_file.hpp"
#include "newsgraph/parse/features.hpp"
#include "newsgraph/parse/transition.hpp"

namespace newsgraph::parse {
namespace {

constexpr std::string_view kEmbeddedName = "parse/parser.model";

void save_strings(learn::ByteWriter& writer, const std::vector<std::string>& strings) {
  writer.write<std::uint64_t>(strings.size());
  for (const std::string& s : strings) writer.write_string(s);
}

std::vector<std::string> load_strings(learn::ByteReader& reader) {
  const auto count = reader.read<std::uint64_t>();
  std::vector<std::string> strings;
  for (std::uint64_t i = 0; i < count; ++i) strings.emplace_back(reader.read_string());
  return strings;
}

// Where parse() keeps its per-sentence work, reused between calls on the same thread.
struct Scratch {
  std::vector<learn::FeatureHash> features;
  std::vector<std::int32_t> units;
};

}  // namespace

Parser::Parser(ParserModel model)
    : model_(std::move(model)), moves_(model_.moves), labels_(model_.relation_labels) {
  if (model_.moves.class_count() != kMoveCount)
    throw ModelError("parser model: the move perceptron does not have " + std::to_string(kMoveCount) +
                     " classes");
  if (model_.relations.empty() || model_.relation_labels.class_count() != model_.relations.size())
    throw ModelError("parser model: the relation perceptron's classes do not match the relation list");
  if (model_.relations.size() >= kNoRelation)
    throw ModelError("parser model: too many relations (" + std::to_string(model_.relations.size()) + ")");
}

const Parser& Parser::embedded() {
  static const Parser parser = [] { return from_bytes(require_embedded(kEmbeddedName), kEmbeddedName); }();
  return parser;
}

Parser Parser::load_file(const std::string& path) {
  return from_bytes(learn::read_model_bytes(path), path);
}

Parser Parser::from_bytes(std::string_view bytes, std::string_view origin) {
  const learn::ModelView file = learn::decode_model_file(bytes, origin, kFormat, kVersion);
  learn::ByteReader reader(file.payload, origin);
  ParserModel model;
  model.settings = std::string(file.settings);
  try {
    std::vector<std::string> tags = load_strings(reader);
    // The perceptrons are not indexed: the tagger and the parser score through RowTables.
    learn::CompactPerceptron tagger = learn::CompactPerceptron::load(reader, false);
    tag::WordClusters clusters = tag::WordClusters::load(reader);
    model.tagger =
        UposTagger(std::move(tags), std::move(tagger), std::move(clusters), TagDictionary::load(reader));
    model.relations = load_strings(reader);
    model.moves = learn::CompactPerceptron::load(reader, false);
    model.relation_labels = learn::CompactPerceptron::load(reader, false);
    if (!reader.at_end()) reader.fail("unexpected bytes after the parser model: the file is damaged");
    return Parser(std::move(model));
  } catch (const ModelError& e) {
    const std::string message = e.what();
    if (message.starts_with(origin)) throw;
    reader.fail(message);
  }
}

std::string Parser::to_bytes() const {
  learn::ByteWriter writer;
  save_strings(writer, model_.tagger.tags());
  model_.tagger.model().save(writer);
  model_.tagger.clusters().save(writer);
  model_.tagger.dictionary().save(writer);
  save_strings(writer, model_.relations);
  model_.moves.save(writer);
  model_.relation_labels.save(writer);
  return learn::encode_model_file({std::string(kFormat), kVersion, model_.settings}, writer.bytes());
}

DependencyTree Parser::parse(const std::vector<std::string_view>& words) const {
  const std::vector<UposWord> described = upos_words(words, model_.tagger.clusters());
  const UposTags tags = model_.tagger.tag_with_runners_up(described);
  return parse_words(described, tags.tags, tags.runners_up);
}

DependencyTree Parser::parse_tagged(std::span<const std::string_view> words,
                                    std::span<const std::uint32_t> tags) const {
  return parse_words(upos_words(words, model_.tagger.clusters()), tags, {});
}

DependencyTree Parser::parse_words(std::span<const UposWord> words, std::span<const std::uint32_t> tags,
                                   std::span<const std::uint32_t> runners_up) const {
  const std::size_t n = words.size();
  thread_local Scratch s;
  const std::vector<ParserToken> tokens = sentence_tokens(words, tags, runners_up, model_.tagger);

  Configuration configuration(n);
  while (!configuration.terminal()) {
    Move best = kShift;
    int legal_moves = 0;
    for (const Move move : {kShift, kLeft, kRight})
      if (configuration.legal(move)) best = move, ++legal_moves;
    // A forced move (the first shift, the last arcs) needs no scoring.
    if (legal_moves > 1) {
      s.features.clear();
      add_move_features(configuration, tokens, s.features);
      s.units.assign(kMoveCount, 0);
      moves_.add_units(s.features, s.units.data());
      std::int32_t best_score = std::numeric_limits<std::int32_t>::min();
      for (const Move move : {kShift, kLeft, kRight})
        if (configuration.legal(move) && s.units[move] > best_score) best = move, best_score = s.units[move];
    }
    std::uint16_t relation = kNoRelation;
    if (best != kShift) {
      s.features.clear();
      add_relation_features(configuration, tokens, best, s.features);
      s.units.assign(model_.relations.size(), 0);
      labels_.add_units(s.features, s.units.data());
      relation =
          static_cast<std::uint16_t>(std::max_element(s.units.begin(), s.units.end()) - s.units.begin());
    }
    configuration.apply(best, relation);
  }

  std::vector<ParsedWord> parsed(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t head = configuration.head(static_cast<std::uint32_t>(i));
    parsed[i] = {head == n ? 0 : head + 1,
                 model_.relations[configuration.relation(static_cast<std::uint32_t>(i))],
                 model_.tagger.tags()[tags[i]]};
  }
  return DependencyTree(std::move(parsed));
}

}  // namespace newsgraph::parse
