#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/model_file.hpp"
#include "newsgraph/tag/entities.hpp"
#include "newsgraph/tag/tagger.hpp"
#include "newsgraph/tag/train.hpp"
#include "test_support.hpp"

using newsgraph::tag::Tagger;
using newsgraph::tag::TrainingSentence;

namespace {

std::vector<TrainingSentence> tiny_corpus() {
  const auto path = newsgraph::testing::source_path("tests/data/tiny_ner.conll");
  return newsgraph::tag::read_conll(newsgraph::testing::read_file(path), path.string());
}

// A tagger trained on the tiny corpus, once for all the tests here.
const Tagger& tiny_tagger() {
  static const Tagger tagger = [] {
    newsgraph::tag::TrainingOptions options;
    options.epochs = 20;
    options.frequent_count = 2;
    return newsgraph::tag::train_tagger(tiny_corpus(), options, {}, {});
  }();
  return tagger;
}

std::vector<std::string_view> words_of(const TrainingSentence& sentence) {
  return {sentence.words.begin(), sentence.words.end()};
}

}  // namespace

TEST_CASE("a tagger trained on the tiny corpus tags that corpus correctly", "[tag]") {
  // The corpus is one document (one -DOCSTART-), and is tagged as one, as it was learnt.
  const auto corpus = tiny_corpus();
  REQUIRE(corpus.size() == 20);
  std::vector<std::vector<std::string_view>> document;
  for (const TrainingSentence& sentence : corpus) {
    CHECK(sentence.document == 0);
    document.push_back(words_of(sentence));
  }
  const auto tags = tiny_tagger().tag_document(document);
  REQUIRE(tags.size() == corpus.size());
  CHECK(tiny_tagger().model().ner_document.feature_count() > 0);
  for (std::size_t s = 0; s < corpus.size(); ++s) {
    REQUIRE(tags[s].size() == corpus[s].words.size());
    for (std::size_t i = 0; i < tags[s].size(); ++i) {
      INFO(corpus[s].words[i]);
      CHECK(tags[s][i].ner == corpus[s].ner[i]);
      CHECK(tags[s][i].pos == corpus[s].pos[i]);
    }
  }
}

TEST_CASE("training is reproducible and a saved tagger tags the same after loading", "[tag]") {
  newsgraph::tag::TrainingOptions options;
  options.epochs = 20;
  const std::string retrained = newsgraph::tag::train_tagger(tiny_corpus(), options, {}, {}).to_bytes();
  const std::string bytes = tiny_tagger().to_bytes();
  CHECK(retrained == bytes);

  const Tagger loaded = Tagger::from_bytes(bytes, "tiny.model");
  const std::vector<std::string_view> unseen = {"Ana", "Berg", "visited", "Vantor", "Bank",
                                                "in",  "Oslo", "and",     "Qatar",  "."};
  const auto expected = tiny_tagger().tag(unseen);
  const auto actual = loaded.tag(unseen);
  REQUIRE(actual.size() == expected.size());
  for (std::size_t i = 0; i < actual.size(); ++i) {
    CHECK(actual[i].pos == expected[i].pos);
    CHECK(actual[i].ner == expected[i].ner);
  }
  CHECK(loaded.tag({}).empty());
}

TEST_CASE("a damaged tagger model gives a ModelError", "[tag]") {
  const std::string good = tiny_tagger().to_bytes();
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x40;
  CHECK_THROWS_MATCHES(Tagger::from_bytes(flipped, "tagger.model"), newsgraph::ModelError,
                       Catch::Message("tagger.model: checksum mismatch: the file is damaged"));
  CHECK_THROWS_AS(Tagger::from_bytes(good.substr(0, good.size() - 9), "tagger.model"), newsgraph::ModelError);
  const std::string other_version =
      newsgraph::learn::encode_model_file({"newsgraph-tagger", 1, ""}, "payload");
  CHECK_THROWS_MATCHES(Tagger::from_bytes(other_version, "tagger.model"), newsgraph::ModelError,
                       Catch::Message("tagger.model: expected format newsgraph-tagger version 2, "
                                      "found format newsgraph-tagger version 1"));
  const std::string other_format =
      newsgraph::learn::encode_model_file({"newsgraph-parser", 1, ""}, "payload");
  CHECK_THROWS_WITH(Tagger::from_bytes(other_format, "tagger.model"),
                    Catch::Contains("expected format newsgraph-tagger version 2"));
  // A well-formed file whose payload is not a tagger: refused, not read past its end.
  const std::string garbage =
      newsgraph::learn::encode_model_file({"newsgraph-tagger", 2, ""}, std::string(40, '\xff'));
  CHECK_THROWS_AS(Tagger::from_bytes(garbage, "tagger.model"), newsgraph::ModelError);
  CHECK_THROWS_AS(Tagger::load_file("/nonexistent/tagger.model"), newsgraph::ModelError);
}

TEST_CASE("the embedded tagger loads and finds the entities of a plain sentence", "[tag]") {
  const Tagger& tagger = Tagger::embedded();
  const std::vector<std::string_view> words = {"Vladimir", "Putin", "met",    "Angela",
                                               "Merkel",   "in",    "Berlin", "."};
  const auto tags = tagger.tag(words);
  REQUIRE(tags.size() == words.size());
  CHECK(tags[0].ner == "B-PER");
  CHECK(tags[1].ner == "I-PER");
  CHECK(tags[2].pos == "VBD");
  CHECK(tags[6].ner == "B-LOC");
  CHECK(&Tagger::embedded() == &tagger);
}

TEST_CASE("a sentence alone is tagged as a document of one sentence", "[tag]") {
  for (const TrainingSentence& sentence : tiny_corpus()) {
    const auto alone = tiny_tagger().tag(words_of(sentence));
    const auto as_document = tiny_tagger().tag_document({words_of(sentence)});
    REQUIRE(as_document.size() == 1);
    REQUIRE(alone.size() == as_document[0].size());
    for (std::size_t i = 0; i < alone.size(); ++i) {
      CHECK(alone[i].pos == as_document[0][i].pos);
      CHECK(alone[i].ner == as_document[0][i].ner);
    }
  }
  CHECK(tiny_tagger().tag_document({}).empty());
  const auto with_empty = tiny_tagger().tag_document({{}, {"Oslo"}});
  REQUIRE(with_empty.size() == 2);
  CHECK(with_empty[0].empty());
  CHECK(with_empty[1].size() == 1);
}

TEST_CASE("entity tags are learnt as BILOU and given out as IOB2", "[tag]") {
  using newsgraph::tag::iob2_to_bilou;
  CHECK(iob2_to_bilou({"B-PER", "I-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "O"}) ==
        std::vector<std::string>{"B-PER", "I-PER", "L-PER", "O", "U-LOC", "U-LOC", "U-ORG", "O"});
  const auto& tags = tiny_tagger().model().ner_tags;
  CHECK(std::find(tags.begin(), tags.end(), "U-LOC") != tags.end());
  for (const auto& word : tiny_tagger().tag({"Maria", "Lindqvist", "visited", "Oslo"}))
    CHECK((word.ner == "O" || word.ner.starts_with("B-") || word.ner.starts_with("I-")));
}

TEST_CASE("a headline in capitals is read as ordinary text", "[tag]") {
  const Tagger& tagger = Tagger::embedded();
  const auto tags =
      tagger.tag_document({{"PUTIN", "MEETS", "MERKEL", "IN", "BERLIN"},
                           {"Vladimir", "Putin", "met", "Angela", "Merkel", "in", "Berlin", "."}});
  REQUIRE(tags.size() == 2);
  CHECK(tags[0][0].ner == "B-PER");
  CHECK(tags[0][1].ner == "O");
  CHECK(tags[0][2].ner == "B-PER");
  CHECK(tags[0][4].ner == "B-LOC");
}

TEST_CASE("entity chunks are read from IOB2 and IOB1 tags", "[tag]") {
  using newsgraph::tag::EntityChunk;
  const std::vector<std::string_view> tags = {"B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"};
  CHECK(newsgraph::tag::entity_chunks(tags) ==
        std::vector<EntityChunk>{{"PER", 0, 2}, {"LOC", 3, 4}, {"LOC", 4, 5}, {"ORG", 5, 6}});
}

TEST_CASE("newsgraph tag --format conll appends a tag to every word line", "[tag][command]") {
  newsgraph::testing::TemporaryDirectory directory("tag-conll");
  const auto input = directory / "input.conll";
  newsgraph::testing::write_file(input,
                                 "-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER\nSmith NNP I-NP "
                                 "I-PER\nspoke VBD B-VP O\n\nIt PRP B-NP O\nrained VBD B-VP O\n");
  const auto run = newsgraph::testing::run_newsgraph("tag --format conll '" + input.string() + "'");
  REQUIRE(run.exit_status == 0);
  CHECK(run.out ==
        "-DOCSTART- -X- -X- O\n\nPeter NNP B-NP B-PER B-PER\nSmith NNP I-NP I-PER I-PER\nspoke VBD "
        "B-VP O O\n\nIt PRP B-NP O O\nrained VBD B-VP O O\n");

  const auto bad = newsgraph::testing::run_newsgraph("tag --format xml '" + input.string() + "'");
  CHECK(bad.exit_status == 2);
}

TEST_CASE("read_conll numbers the documents between -DOCSTART- lines", "[tag]") {
  const auto sentences = newsgraph::tag::read_conll(
      "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBern NNP B-NP B-LOC\n\nrain NN "
      "B-NP O\n",
      "inline");
  REQUIRE(sentences.size() == 3);
  CHECK(sentences[0].document == 0);
  CHECK(sentences[1].document == 1);
  CHECK(sentences[2].document == 1);
}
