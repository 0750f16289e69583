// train_parser: trains the dependency parser and its part-of-speech tagger (newsgraph::parse::Parser)
// from Universal Dependencies CoNLL-U treebanks; prints progress and development-set scores (UAS,
// LAS, UPOS as conllu_score.py counts them) on stderr after each epoch, and writes the model file.
// Same command and data, same model bytes: no clock or randomness reaches the file.
//
//   train_parser --train ../shared/data/ud_english/ewt/train.conllu
//                --train ../shared/data/ud_english/gum/train.conllu
//                --dev ../shared/data/ud_english/ewt/dev.conllu --word-classes clusters.tsv
//                --epochs 10 --tagger-epochs 12 --min-weight 2.0 --label-min-weight 1.0
//                --tagger-min-weight 0.5 -o src/newsgraph/parse/parser.model
// (--word-classes: the newsgraph tagger's classes, see tag/tagger.model.SOURCE.txt; they raise UPOS
// by 0.2 on EWT dev and 0.3 on GUM dev. --dev-gold-tags shows what the tagger's mistakes cost: 2.2 UAS
// and 3.3 LAS on EWT dev; see parse/parser.model.SOURCE.txt.)
#include <CLI/CLI.hpp>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/model_file.hpp"
#include "newsgraph/parse/conllu.hpp"
#include "newsgraph/parse/train.hpp"
#include "newsgraph/tag/lexicon.hpp"

namespace {

using newsgraph::parse::TreebankSentence;

std::vector<TreebankSentence> read_treebank(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw newsgraph::InputError(path + ": cannot open the file");
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return newsgraph::parse::read_conllu(text, path);
}

// Word classes as tools/word_clusters writes them: "word<TAB>coarse<TAB>middle<TAB>fine" per line.
newsgraph::tag::WordClusters read_word_classes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw newsgraph::InputError(path + ": cannot open the file");
  std::vector<std::pair<std::string, newsgraph::tag::WordClusters::Classes>> words;
  std::size_t line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    std::string_view rest = line;
    const std::size_t tab = rest.find('\t');
    auto& [word, classes] =
        words.emplace_back(std::string(rest.substr(0, tab)), newsgraph::tag::WordClusters::Classes{});
    rest.remove_prefix(tab == std::string_view::npos ? rest.size() : tab + 1);
    for (std::uint32_t& id : classes) {
      const auto [end, error] = std::from_chars(rest.data(), rest.data() + rest.size(), id);
      if (error != std::errc() || word.empty())
        throw newsgraph::InputError(path + ":" + std::to_string(line_number) +
                                    ": expected a word and three class numbers");
      rest.remove_prefix(static_cast<std::size_t>(end - rest.data()) + (end != rest.data() + rest.size()));
    }
  }
  return newsgraph::tag::WordClusters(std::move(words));
}

// The settings recorded in the model file: the options and the files' names, not their paths,
// so that the model does not depend on where the data sits.
std::string settings_text(const std::vector<std::string>& train_paths,
                          const newsgraph::parse::ParserTrainingOptions& o, std::size_t clustered_words) {
  std::ostringstream out;
  out << "program: train_parser\n";
  out << "word classes: " << clustered_words << " words\n";
  for (const std::string& path : train_paths) {
    const std::filesystem::path file(path);
    out << "train: " << file.parent_path().filename().string() << "/" << file.filename().string() << "\n";
  }
  out << "epochs: " << o.epochs << "\ntagger epochs: " << o.tagger_epochs
      << "\njackknife folds: " << o.jackknife_folds << "\nexplore from epoch: " << o.explore_from_epoch
      << "\nexplore probability: " << o.explore_probability
      << "\nrelation subtypes: " << (o.relation_subtypes ? "yes" : "no") << "\nmin weight: " << o.min_weight
      << "\nlabel min weight: " << o.label_min_weight << "\ntagger min weight: " << o.tagger_min_weight
      << "\nseed: " << o.seed << "\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Trains the newsgraph dependency parser and part-of-speech tagger from CoNLL-U treebanks."};
  std::vector<std::string> train_paths;
  std::vector<std::string> dev_paths;
  std::string output;
  newsgraph::parse::ParserTrainingOptions options;
  bool base_relations = false;
  std::string word_classes_path;
  bool dev_gold_tags = false;
  app.add_option("--train", train_paths, "a training treebank (.conllu); repeat for several")->required();
  app.add_option("--dev", dev_paths, "a development treebank scored after each epoch; repeat for several");
  app.add_option("-o,--output", output, "the model file to write")->required();
  app.add_option("--epochs", options.epochs, "parser epochs")->capture_default_str();
  app.add_option("--tagger-epochs", options.tagger_epochs, "part-of-speech tagger epochs")
      ->capture_default_str();
  app.add_option("--jackknife", options.jackknife_folds,
                 "folds for the tags the parser learns from (below 2: gold tags)")
      ->capture_default_str();
  app.add_option("--explore-from", options.explore_from_epoch,
                 "first epoch that follows the parser's mistakes")
      ->capture_default_str();
  app.add_option("--explore-probability", options.explore_probability,
                 "how often a mistake is followed from then on")
      ->capture_default_str();
  app.add_flag("--dev-gold-tags", dev_gold_tags,
               "also score the development treebanks with their gold parts of speech");
  app.add_option("--word-classes", word_classes_path,
                 "word classes for features, from tools/word_clusters (TSV)");
  app.add_flag("--base-relations", base_relations,
               "learn relations without subtypes (nsubj, not nsubj:pass)");
  app.add_option("--min-weight", options.min_weight, "drop averaged weights smaller than this")
      ->capture_default_str();
  app.add_option("--label-min-weight", options.label_min_weight,
                 "the same for the relation perceptron (below 0: --min-weight)")
      ->capture_default_str();
  app.add_option("--tagger-min-weight", options.tagger_min_weight, "the same for the part-of-speech tagger")
      ->capture_default_str();
  app.add_option("--seed", options.seed, "seed of the sentence order and exploration")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  options.relation_subtypes = !base_relations;

  try {
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    std::vector<TreebankSentence> corpus;
    for (const std::string& path : train_paths) {
      std::vector<TreebankSentence> sentences = read_treebank(path);
      std::cerr << path << ": " << sentences.size() << " sentences\n";
      corpus.insert(corpus.end(), std::make_move_iterator(sentences.begin()),
                    std::make_move_iterator(sentences.end()));
    }
    std::vector<std::pair<std::string, std::vector<TreebankSentence>>> dev_sets;
    for (const std::string& path : dev_paths) dev_sets.emplace_back(path, read_treebank(path));
    const newsgraph::tag::WordClusters clusters =
        word_classes_path.empty() ? newsgraph::tag::WordClusters() : read_word_classes(word_classes_path);
    options.settings = settings_text(train_paths, options, clusters.size());

    auto progress = [&](std::string_view message) {
      std::fprintf(stderr, "[%6.1fs] %.*s\n", elapsed(), static_cast<int>(message.size()), message.data());
    };
    auto after_epoch = [&](int epoch, const newsgraph::parse::Parser& parser) {
      for (const auto& [path, sentences] : dev_sets) {
        const auto scores = newsgraph::parse::score_parser(parser, sentences);
        std::fprintf(stderr, "[%6.1fs] epoch %d  %s: UAS %.2f  LAS %.2f  UPOS %.2f\n", elapsed(), epoch,
                     path.c_str(), scores.uas, scores.las, scores.upos);
        if (!dev_gold_tags) continue;
        const auto gold = newsgraph::parse::score_parser(parser, sentences, true);
        std::fprintf(stderr, "[%6.1fs] epoch %d  %s, gold tags: UAS %.2f  LAS %.2f\n", elapsed(), epoch,
                     path.c_str(), gold.uas, gold.las);
      }
    };
    const newsgraph::parse::Parser parser =
        newsgraph::parse::train_parser(corpus, options, clusters, progress, after_epoch);
    const std::string bytes = parser.to_bytes();
    newsgraph::learn::write_model_bytes(output, bytes);
    std::fprintf(
        stderr,
        "[%6.1fs] wrote %s: %zu bytes; move features %zu, relation features %zu, tagger features %zu\n",
        elapsed(), output.c_str(), bytes.size(), parser.model().moves.feature_count(),
        parser.model().relation_labels.feature_count(), parser.model().tagger.model().feature_count());
  } catch (const std::exception& e) {
    std::cerr << "train_parser: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
