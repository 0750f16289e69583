#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <vector>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/binary_io.hpp"
#include "newsgraph/learn/model_file.hpp"
#include "newsgraph/parse/conllu.hpp"
#include "newsgraph/parse/parser.hpp"
#include "newsgraph/parse/row_table.hpp"
#include "newsgraph/parse/train.hpp"
#include "newsgraph/parse/tree.hpp"
#include "newsgraph/parse/upos_tagger.hpp"
#include "test_support.hpp"

using newsgraph::parse::DependencyTree;
using newsgraph::parse::ParsedWord;
using newsgraph::parse::Parser;
using newsgraph::parse::TreebankSentence;

namespace {

// "The minister said that talks were held in Moscow ." by hand.
DependencyTree hand_built_tree() {
  return DependencyTree({
      {2, "det", "DET"},          // 0 The
      {3, "nsubj", "NOUN"},       // 1 minister
      {0, "root", "VERB"},        // 2 said
      {7, "mark", "SCONJ"},       // 3 that
      {7, "nsubj:pass", "NOUN"},  // 4 talks
      {7, "aux:pass", "AUX"},     // 5 were
      {3, "ccomp", "VERB"},       // 6 held
      {9, "case", "ADP"},         // 7 in
      {7, "obl", "PROPN"},        // 8 Moscow
      {3, "punct", "PUNCT"},      // 9 .
  });
}

std::vector<TreebankSentence> tiny_treebank() {
  const auto path = newsgraph::testing::source_path("tests/data/tiny_treebank.conllu");
  return newsgraph::parse::read_conllu(newsgraph::testing::read_file(path), path.string());
}

newsgraph::parse::ParserTrainingOptions tiny_options() {
  newsgraph::parse::ParserTrainingOptions options;
  options.epochs = 20;
  options.tagger_epochs = 20;
  options.jackknife_folds = 0;
  return options;
}

const Parser& tiny_parser() {
  static const Parser parser = newsgraph::parse::train_parser(tiny_treebank(), tiny_options(), {});
  return parser;
}

std::vector<std::string_view> words_of(const TreebankSentence& sentence) {
  std::vector<std::string_view> words;
  for (const auto& word : sentence.words) words.push_back(word.form);
  return words;
}

// One root, every head inside the sentence, and every word reaches the root.
void check_is_tree(const DependencyTree& tree, std::size_t word_count) {
  REQUIRE(tree.size() == word_count);
  std::size_t roots = 0;
  for (std::size_t w = 0; w < word_count; ++w) {
    const std::size_t head = tree.words()[w].head;
    REQUIRE(head <= word_count);
    roots += head == 0;
    std::size_t at = w, steps = 0;
    while (tree.words()[at].head != 0 && steps <= word_count) at = tree.words()[at].head - 1, ++steps;
    REQUIRE(steps <= word_count);
  }
  REQUIRE(roots == (word_count == 0 ? 0 : 1));
}

}  // namespace

TEST_CASE("the tree API answers heads, children, subjects and spans", "[parse]") {
  const DependencyTree tree = hand_built_tree();
  CHECK(tree.root() == 2u);
  CHECK(tree.head(2) == std::nullopt);
  CHECK(tree.head(1) == 2u);
  CHECK(tree.relation(4) == "nsubj:pass");
  CHECK(tree.upos(8) == "PROPN");
  CHECK(tree.children(2) == std::vector<std::size_t>{1, 6, 9});
  CHECK(tree.children(6) == std::vector<std::size_t>{3, 4, 5, 8});
  CHECK(tree.children(6, "nsubj") == std::vector<std::size_t>{4});
  CHECK(tree.children(6, "nsubj:pass") == std::vector<std::size_t>{4});
  CHECK(tree.children(6, "aux").size() == 1);
  CHECK(tree.children(6, "obj").empty());
  CHECK(tree.children(0).empty());
  CHECK(tree.subject_of(2) == 1u);
  CHECK(tree.subject_of(6) == 4u);
  CHECK(tree.subject_of(8) == std::nullopt);
  CHECK(tree.subtree_span(6) == std::pair<std::size_t, std::size_t>{3, 9});
  CHECK(tree.subtree_span(2) == std::pair<std::size_t, std::size_t>{0, 10});
  CHECK(tree.subtree_span(0) == std::pair<std::size_t, std::size_t>{0, 1});
  CHECK(DependencyTree().root() == std::nullopt);
}

TEST_CASE("a dependency tree refuses words that are not a tree", "[parse]") {
  CHECK_THROWS_AS(DependencyTree({{0, "root", "VERB"}, {0, "root", "VERB"}}), newsgraph::Error);
  CHECK_THROWS_AS(DependencyTree({{2, "nsubj", "NOUN"}, {1, "obj", "NOUN"}}), newsgraph::Error);
  CHECK_THROWS_AS(DependencyTree({{0, "root", "VERB"}, {3, "obj", "NOUN"}}), newsgraph::Error);
}

TEST_CASE("a parser trained on the tiny treebank reproduces it", "[parse]") {
  const std::vector<TreebankSentence> treebank = tiny_treebank();
  REQUIRE(treebank.size() == 20);
  for (const TreebankSentence& sentence : treebank) {
    const DependencyTree tree = tiny_parser().parse(words_of(sentence));
    REQUIRE(tree.size() == sentence.words.size());
    for (std::size_t w = 0; w < tree.size(); ++w) {
      INFO(sentence.words[w].form);
      CHECK(tree.upos(w) == sentence.words[w].upos);
      CHECK(tree.words()[w].head == sentence.words[w].head);
      CHECK(tree.relation(w) == sentence.words[w].relation);
    }
  }
}

TEST_CASE("parser training is reproducible and a saved parser loads back", "[parse]") {
  const std::string bytes = tiny_parser().to_bytes();
  CHECK(newsgraph::parse::train_parser(tiny_treebank(), tiny_options(), {}).to_bytes() == bytes);
  const Parser loaded = Parser::from_bytes(bytes, "tiny.model");
  CHECK(loaded.to_bytes() == bytes);
  const std::vector<std::string_view> words{"Putin", "met", "the", "president", "."};
  CHECK(loaded.parse(words).words() == tiny_parser().parse(words).words());
}

TEST_CASE("a damaged or foreign parser model gives a clear ModelError", "[parse]") {
  const std::string bytes = tiny_parser().to_bytes();
  std::string damaged = bytes;
  damaged[damaged.size() / 2] ^= 0x20;
  CHECK_THROWS_WITH(Parser::from_bytes(damaged, "parser.model"),
                    "parser.model: checksum mismatch: the file is damaged");
  CHECK_THROWS_AS(Parser::from_bytes(bytes.substr(0, bytes.size() / 3), "parser.model"),
                  newsgraph::ModelError);
  CHECK_THROWS_AS(Parser::from_bytes("not a model", "parser.model"), newsgraph::ModelError);
  const std::string foreign = newsgraph::learn::encode_model_file({"newsgraph-tagger", 1, ""}, "payload");
  CHECK_THROWS_WITH(Parser::from_bytes(foreign, "parser.model"),
                    Catch::Contains("expected format newsgraph-parser version 3"));
  CHECK_THROWS_AS(Parser::load_file("/nonexistent/parser.model"), newsgraph::ModelError);
}

TEST_CASE("the built-in parser makes a tree of every sentence", "[parse]") {
  const Parser& parser = Parser::embedded();
  const std::vector<std::vector<std::string_view>> sentences{
      {"Putin", "met", "Erdogan", "in", "Sochi", "on", "Tuesday", "."},
      {"The", "Kremlin", "said", "the", "talks", "had", "been", "constructive", "."},
      {"Yes"},
      {},
      {",", ",", ",", "and", "and", "the"},
  };
  for (const auto& words : sentences) check_is_tree(parser.parse(words), words.size());
  const DependencyTree tree = parser.parse(sentences[0]);
  CHECK(tree.root() == 1u);
  CHECK(tree.subject_of(1) == 0u);

  const std::filesystem::path dev = "/work/shared/data/ud_english/ewt/dev.conllu";
  if (!std::filesystem::exists(dev)) {
    WARN("skipping the UD English EWT check: " << dev << " is not there");
    return;
  }
  const std::vector<TreebankSentence> treebank =
      newsgraph::parse::read_conllu(newsgraph::testing::read_file(dev), dev.string());
  REQUIRE(treebank.size() > 1000);
  for (const TreebankSentence& sentence : treebank)
    check_is_tree(parser.parse(words_of(sentence)), sentence.words.size());
}

TEST_CASE("newsgraph parse prints CoNLL-U back with its own columns", "[parse]") {
  const auto run = newsgraph::testing::run_newsgraph(
      "parse --format conllu '" +
          newsgraph::testing::source_path("tests/data/tiny_treebank.conllu").string() + "'",
      "parse-conllu");
  REQUIRE(run.exit_status == 0);
  const std::vector<TreebankSentence> parsed = newsgraph::parse::read_conllu(run.out, "output");
  const std::vector<TreebankSentence> gold = tiny_treebank();
  REQUIRE(parsed.size() == gold.size());
  for (std::size_t s = 0; s < gold.size(); ++s) {
    REQUIRE(parsed[s].words.size() == gold[s].words.size());
    for (std::size_t w = 0; w < gold[s].words.size(); ++w)
      CHECK(parsed[s].words[w].form == gold[s].words[w].form);
  }
  CHECK(run.out.starts_with(
      "# sent_id = tiny-1\n# text = The minister visited Paris yesterday .\n1\tThe\t_\t"));

  const auto missing =
      newsgraph::testing::run_newsgraph("parse --model /nonexistent.model -", "parse-missing");
  CHECK(missing.exit_status == 1);
  CHECK(missing.err.find("newsgraph: error: /nonexistent.model: cannot open the model file") == 0);
}

TEST_CASE("a tag dictionary finds the tags of its words and loads back", "[parse]") {
  const newsgraph::parse::TagDictionary dictionary({{30, 0b101}, {10, 0b1}, {20, 0b110}});
  CHECK(dictionary.size() == 3);
  CHECK(dictionary.find(10) == 0b1);
  CHECK(dictionary.find(20) == 0b110);
  CHECK(dictionary.find(30) == 0b101);
  CHECK(dictionary.find(25) == 0);
  newsgraph::learn::ByteWriter writer;
  dictionary.save(writer);
  newsgraph::learn::ByteReader reader(writer.bytes(), "dictionary");
  const newsgraph::parse::TagDictionary loaded = newsgraph::parse::TagDictionary::load(reader);
  CHECK(reader.at_end());
  CHECK(loaded.find(20) == 0b110);
  CHECK(loaded.size() == 3);

  newsgraph::learn::ByteWriter unsorted;
  unsorted.write_array(std::vector<std::uint64_t>{20, 10});
  unsorted.write_array(std::vector<std::uint32_t>{1, 2});
  newsgraph::learn::ByteReader bad(unsorted.bytes(), "dictionary");
  CHECK_THROWS_WITH(newsgraph::parse::TagDictionary::load(bad), "dictionary: the tag dictionary is damaged");
}

TEST_CASE("the dev scores with gold parts of speech are those of the given tags", "[parse]") {
  // The tiny parser knows its treebank by heart: with gold tags or its own, every word is right.
  const auto tagged = newsgraph::parse::score_parser(tiny_parser(), tiny_treebank());
  const auto gold = newsgraph::parse::score_parser(tiny_parser(), tiny_treebank(), true);
  CHECK(gold.words == tagged.words);
  CHECK(gold.uas == 100.0);
  CHECK(gold.las == 100.0);
  CHECK(gold.upos == 100.0);
}

TEST_CASE("a row table scores features as the compact perceptron it is made from", "[parse]") {
  // Every model of the tiny parser, known and unknown features mixed, in batches longer than one pass.
  const auto& model = tiny_parser().model();
  for (const newsgraph::learn::CompactPerceptron* perceptron :
       {&model.moves, &model.relation_labels, &model.tagger.model()}) {
    const newsgraph::parse::RowTable table(*perceptron);
    REQUIRE(table.feature_count() == perceptron->feature_count());
    std::vector<std::uint64_t> features(perceptron->keys().begin(), perceptron->keys().end());
    for (std::uint64_t k = 0; k < 50; ++k) features.push_back(0x1234567 * (k + 1));
    for (std::size_t first = 0; first < features.size(); first += 97) {
      const std::span<const std::uint64_t> some = std::span<const std::uint64_t>(features).subspan(
          first, std::min<std::size_t>(97, features.size() - first));
      std::vector<float> expected(perceptron->class_count());
      perceptron->add_scores(some, expected);
      std::vector<std::int32_t> units(perceptron->class_count());
      table.add_units(some, units.data());
      for (std::size_t c = 0; c < units.size(); ++c)
        CHECK(static_cast<float>(units[c]) * table.scale() == Approx(expected[c]).margin(1e-3));
    }
  }
}

TEST_CASE("a row table adds rows of one class, of every class and of the last class", "[parse]") {
  // Five classes, so rows live in the entry array and each ends at its marked entry; a model of
  // three classes keeps them inline. A table made from no model adds nothing.
  for (const std::uint32_t classes : {5u, 3u}) {
    std::vector<float> weights(3 * classes, 0.0f);
    weights[0] = 1.0f;  // row 0: class 0 only
    for (std::uint32_t c = 0; c < classes; ++c) weights[classes + c] = 2.0f + static_cast<float>(c);  // row 1
    weights[2 * classes + classes - 1] = 7.0f;  // row 2: the last class only
    const newsgraph::learn::Perceptron dense(classes, {11, 22, 33}, weights);
    const auto compact = newsgraph::learn::CompactPerceptron::quantise(dense, 0.0f);
    const newsgraph::parse::RowTable table(compact);
    const std::vector<std::uint64_t> features = {33, 44, 11, 22, 22};  // 44 is unknown
    std::vector<std::int32_t> units(classes, 0);
    table.add_units(features, units.data());
    for (std::uint32_t c = 0; c < classes; ++c) {
      const float expected =
          (c == 0 ? 1.0f : 0.0f) + 2.0f * (2.0f + static_cast<float>(c)) + (c == classes - 1 ? 7.0f : 0.0f);
      CHECK(static_cast<float>(units[c]) * table.scale() == Approx(expected).margin(1e-3));
    }
  }
  std::int32_t untouched = 5;
  const std::vector<std::uint64_t> some = {1, 2, 3};
  newsgraph::parse::RowTable().add_units(some, &untouched);
  CHECK(untouched == 5);
}

TEST_CASE("the subjects of a verb include those of the verb it is joined to", "[parse]") {
  // "Putin and Blair smiled and said it worked ." — "said" is joined to "smiled" and shares its
  // subjects; "worked" has a subject of its own.
  const DependencyTree tree({{4, "nsubj", "PROPN"},
                             {3, "cc", "CCONJ"},
                             {1, "conj", "PROPN"},
                             {0, "root", "VERB"},
                             {6, "cc", "CCONJ"},
                             {4, "conj", "VERB"},
                             {8, "nsubj", "PRON"},
                             {6, "ccomp", "VERB"},
                             {4, "punct", "PUNCT"}});
  CHECK(tree.subjects_of(3) == std::vector<std::size_t>{0});
  CHECK(tree.subjects_of(5) == std::vector<std::size_t>{0});
  CHECK(tree.subjects_of(7) == std::vector<std::size_t>{6});
  CHECK(tree.subjects_of(0).empty());
  CHECK(tree.subtrees_span({0}) == std::pair<std::size_t, std::size_t>{0, 3});
  CHECK(tree.subtrees_span({6, 0}) == std::pair<std::size_t, std::size_t>{0, 7});
}

TEST_CASE("a participle's clause shares the subject of the verb it hangs from, a marked clause does not",
          "[parse]") {
  // "Trump attacked Clinton , saying she failed ." and "Trump smiled when he said it ."
  const DependencyTree saying({{2, "nsubj", "PROPN"},
                               {0, "root", "VERB"},
                               {2, "obj", "PROPN"},
                               {5, "punct", "PUNCT"},
                               {2, "advcl", "VERB"},
                               {7, "nsubj", "PRON"},
                               {5, "ccomp", "VERB"},
                               {2, "punct", "PUNCT"}});
  CHECK(saying.subjects_of(4) == std::vector<std::size_t>{0});
  const DependencyTree when({{2, "nsubj", "PROPN"},
                             {0, "root", "VERB"},
                             {5, "mark", "SCONJ"},
                             {5, "nsubj", "PRON"},
                             {2, "advcl", "VERB"},
                             {5, "obj", "PRON"},
                             {2, "punct", "PUNCT"}});
  CHECK(when.subjects_of(4) == std::vector<std::size_t>{3});
  CHECK(when.subjects_of(2).empty());
}
