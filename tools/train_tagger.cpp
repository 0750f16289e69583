// train_tagger: trains the part-of-speech and named-entity tagger (newsgraph::tag::Tagger) from
// CoNLL-2003-style files (word POS chunk NER, IOB2) and, optionally, the GMB corpus, word classes
// computed by word_clusters, and gazetteer lists; prints progress and development-set scores on
// stderr after each epoch and writes the model file. Same command and data, same model bytes.
//
//   train_tagger --conll ../shared/data/conll2003/train.txt --dev ../shared/data/conll2003/dev.txt
//                --clusters clusters.tsv --gazetteers ../shared/data/gazetteers
//                -o src/newsgraph/tag/tagger.model
#include <CLI/CLI.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/error.hpp"
#include "newsgraph/learn/model_file.hpp"
#include "newsgraph/tag/entities.hpp"
#include "newsgraph/tag/train.hpp"

namespace {

using newsgraph::InputError;
using newsgraph::tag::TrainingSentence;

std::ifstream open_input(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open the file");
  return in;
}

std::vector<std::string> split_whitespace(const std::string& line) {
  std::istringstream stream(line);
  std::vector<std::string> fields;
  for (std::string field; stream >> field;) fields.push_back(field);
  return fields;
}

std::vector<TrainingSentence> read_conll(const std::string& path) {
  std::ifstream in = open_input(path);
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  return newsgraph::tag::read_conll(text, path);
}

// One line of comma-separated values, with "quoted" fields and "" for a quote inside them.
std::vector<std::string> split_csv(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

std::string latin1_to_utf8(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    if (c < 0x80) {
      out += static_cast<char>(c);
    } else {
      out += static_cast<char>(0xc0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3f));
    }
  }
  return out;
}

// GMB's ner_dataset.csv (Latin-1): "Sentence: n,word,POS,tag" with the sentence number only on a
// sentence's first word. Its tags map onto CoNLL's: per PER, org ORG, geo and gpe LOC,
// art eve nat MISC, tim none.
std::vector<TrainingSentence> read_gmb(const std::string& path) {
  static const std::map<std::string, std::string> types = {{"per", "PER"}, {"org", "ORG"},  {"geo", "LOC"},
                                                           {"gpe", "LOC"}, {"art", "MISC"}, {"eve", "MISC"},
                                                           {"nat", "MISC"}};
  std::ifstream in = open_input(path);
  std::vector<TrainingSentence> sentences;
  std::string line;
  std::getline(in, line);  // the header
  while (std::getline(in, line)) {
    const std::vector<std::string> fields = split_csv(latin1_to_utf8(line));
    if (fields.size() != 4) continue;
    if (!fields[0].empty() || sentences.empty()) sentences.emplace_back();
    TrainingSentence& sentence = sentences.back();
    const std::string& tag = fields[3];
    const auto type = tag.size() > 2 ? types.find(tag.substr(2)) : types.end();
    std::string ner = type == types.end() ? "O" : tag.substr(0, 2) + type->second;
    // Merging geo and gpe may leave an I- after a different type: make it begin a mention.
    const std::string previous = sentence.ner.empty() ? "O" : sentence.ner.back();
    if (ner.starts_with("I-") && (previous == "O" || previous.substr(2) != ner.substr(2))) ner[0] = 'B';
    sentence.words.push_back(fields[1]);
    sentence.pos.push_back(fields[2]);
    sentence.ner.push_back(ner);
  }
  return sentences;
}

// word_clusters output: "word<TAB>class<TAB>class<TAB>class", coarse to fine.
newsgraph::tag::WordClusters read_clusters(const std::string& path) {
  using Classes = newsgraph::tag::WordClusters::Classes;
  std::ifstream in = open_input(path);
  std::vector<std::pair<std::string, Classes>> entries;
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::pair<std::string, Classes> entry;
    std::getline(fields, entry.first, '\t');
    for (std::uint32_t& id : entry.second) fields >> id;
    if (!fields)
      throw InputError(path + ": expected a word and " + std::to_string(entry.second.size()) +
                       " class numbers per line");
    entries.push_back(std::move(entry));
  }
  return newsgraph::tag::WordClusters(std::move(entries));
}

// Name lists from the gazetteer sources under dir (see its SOURCE.txt), as lowercase phrases.
class GazetteerBuilder {
 public:
  using Kind = newsgraph::tag::NameKind;

  void add(std::string name, Kind kind) {
    for (char& c : name)
      if (c == '\t' || c == '_') c = ' ';
    // Names with commas or brackets are inverted or annotated ("Korea, Republic of"): skip them.
    if (name.find_first_of(",()[]") != std::string::npos) return;
    std::string phrase;
    for (const std::string& word : split_whitespace(newsgraph::tag::ascii_lower(name)))
      phrase += (phrase.empty() ? "" : " ") + word;
    if (phrase.empty() || static_cast<std::size_t>(std::count(phrase.begin(), phrase.end(), ' ')) >=
                              newsgraph::tag::Gazetteer::kLongestPhrase)
      return;
    kinds_[phrase] |= static_cast<std::uint8_t>(1u << static_cast<unsigned>(kind));
  }

  void add_sources(const std::filesystem::path& dir) {
    for_each_csv_row(dir / "country_codes/country-codes.csv", [&](const auto& row) {
      for (const char* column : {"official_name_en", "CLDR display name", "UNTERM English Short",
                                 "Region Name", "Sub-region Name", "Intermediate Region Name"})
        add(strip_the(row.at(column)), Kind::kCountry);
      add(row.at("Capital"), Kind::kPlace);
    });
    for_each_csv_row(dir / "world_cities/world-cities.csv", [&](const auto& row) {
      add(row.at("name"), Kind::kPlace);
      add(row.at("subcountry"), Kind::kPlace);
    });
    for_each_csv_row(dir / "dieghernan_orgs/CountrycodesOrgs.csv", [&](const auto& row) {
      add(row.at("org_name"), Kind::kOrganisation);
      add(row.at("org_id"), Kind::kOrganisation);
    });
    // mledoze countries: common names, capitals, demonyms and languages.
    for_each_csv_row(dir / "mledoze_countries/countries.csv", [&](const auto& row) {
      add(row.at("name.common"), Kind::kCountry);
      for (const char* column : {"demonyms.eng.f", "demonyms.eng.m"}) {
        const std::string demonym = row.at(column);
        add(demonym, Kind::kDemonym);
        if (!demonym.empty() && (demonym.back() == 'n' || demonym.back() == 'i'))
          add(demonym + "s", Kind::kDemonym);
      }
      for (const std::string& language : split_list(row.at("languages"))) add(language, Kind::kDemonym);
    });
    // Phoenix actor dictionaries: people (entries with dates of office) and, in the international
    // one, organisations and companies (codes IGO, NGO, MNC).
    add_actors(dir / "petrarch_actors/Phoenix.International.actors.txt", true);
    add_actors(dir / "petrarch_actors/Phoenix.Countries.actors.txt", false);
    // kremlin_persons.tsv: id, "Surname Given", position, mentions.
    std::ifstream persons = open_input((dir / "kremlin_persons.tsv").string());
    std::string line;
    std::getline(persons, line);
    while (std::getline(persons, line)) {
      std::istringstream fields(line);
      std::string id, name;
      std::getline(fields, id, '\t');
      std::getline(fields, name, '\t');
      const std::vector<std::string> parts = split_whitespace(name);
      if (parts.size() < 2) continue;
      add(parts[1] + " " + parts[0], Kind::kPerson);
      add(parts[0], Kind::kPerson);
      add(parts[1], Kind::kFirstName);
    }
  }

  // "A, B" lists.
  static std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> items;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
      const auto first = item.find_first_not_of(' ');
      if (first != std::string::npos) items.push_back(item.substr(first));
    }
    return items;
  }

  // A TABARI .actors file: "NAME_ [CODE dates]" lines, each followed by "+OTHER_NAME_" lines.
  void add_actors(const std::filesystem::path& path, bool organisations) {
    std::ifstream in = open_input(path.string());
    Kind kind = Kind::kPerson;
    bool known = false;  // whether the current actor's code gave its kind
    for (std::string line; std::getline(in, line);) {
      if (line.empty() || line[0] == '#') continue;
      const bool alternative = line[0] == '+';
      const std::size_t name_end = line.find_first_of(" \t[#", alternative ? 1 : 0);
      std::string name =
          line.substr(alternative ? 1 : 0,
                      name_end == std::string::npos ? std::string::npos : name_end - (alternative ? 1 : 0));
      if (!alternative) {
        known = false;
        const std::size_t open = line.find('[');
        const std::size_t close = line.find(']', open == std::string::npos ? 0 : open);
        if (open == std::string::npos || close == std::string::npos) continue;
        const std::string code = line.substr(open + 1, close - open - 1);
        if (code.find_first_of("0123456789") != std::string::npos) {
          kind = Kind::kPerson;
          known = true;
        } else if (organisations &&
                   (code.starts_with("IGO") || code.starts_with("NGO") || code.starts_with("MNC"))) {
          kind = Kind::kOrganisation;
          known = true;
        }
      }
      if (!known || name.find_first_of("0123456789") != std::string::npos) continue;
      for (char& c : name)
        if (c == '_') c = ' ';
      add(name, kind);
    }
  }

  newsgraph::tag::Gazetteer build() const {
    return newsgraph::tag::Gazetteer({kinds_.begin(), kinds_.end()});
  }

 private:
  static std::string strip_the(std::string name) {
    for (const std::string suffix : {" (the)", " (The)"})
      if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
    return name;
  }

  template <typename Visit>
  static void for_each_csv_row(const std::filesystem::path& path, Visit visit) {
    std::ifstream in = open_input(path.string());
    std::string line;
    std::getline(in, line);
    const std::vector<std::string> header = split_csv(line);
    while (std::getline(in, line)) {
      const std::vector<std::string> fields = split_csv(line);
      std::map<std::string, std::string> row;
      for (std::size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
      for (const std::string& column : header) row.try_emplace(column);
      visit(row);
    }
  }

  std::map<std::string, std::uint8_t> kinds_;
};

struct DevScore {
  double pos_accuracy = 0;
  double precision = 0;
  double recall = 0;
  double f1 = 0;
};

DevScore score_on(const newsgraph::tag::Tagger& tagger, const std::vector<TrainingSentence>& dev) {
  std::size_t words = 0, pos_correct = 0, true_positives = 0, predicted = 0, gold = 0;
  for (std::size_t first = 0; first < dev.size();) {
    std::size_t end = first;
    std::vector<std::vector<std::string_view>> document;
    for (; end < dev.size() && dev[end].document == dev[first].document; ++end)
      document.emplace_back(dev[end].words.begin(), dev[end].words.end());
    const auto document_tags = tagger.tag_document(document);
    for (std::size_t s = first; s < end; ++s) {
      const TrainingSentence& sentence = dev[s];
      const auto& tags = document_tags[s - first];
      std::vector<std::string_view> gold_ner(sentence.ner.begin(), sentence.ner.end());
      std::vector<std::string_view> predicted_ner;
      for (std::size_t i = 0; i < tags.size(); ++i) {
        pos_correct += tags[i].pos == sentence.pos[i];
        predicted_ner.push_back(tags[i].ner);
      }
      words += tags.size();
      const auto gold_chunks = newsgraph::tag::entity_chunks(gold_ner);
      const auto predicted_chunks = newsgraph::tag::entity_chunks(predicted_ner);
      for (const auto& chunk : predicted_chunks)
        true_positives += std::find(gold_chunks.begin(), gold_chunks.end(), chunk) != gold_chunks.end();
      predicted += predicted_chunks.size();
      gold += gold_chunks.size();
    }
    first = end;
  }
  DevScore score;
  score.pos_accuracy = 100.0 * pos_correct / std::max<std::size_t>(words, 1);
  score.precision = 100.0 * true_positives / std::max<std::size_t>(predicted, 1);
  score.recall = 100.0 * true_positives / std::max<std::size_t>(gold, 1);
  score.f1 = score.precision + score.recall > 0
                 ? 2 * score.precision * score.recall / (score.precision + score.recall)
                 : 0;
  return score;
}

std::string file_name(const std::string& path) {
  return std::filesystem::path(path).filename().string();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Trains the newsgraph part-of-speech and named-entity tagger.", "train_tagger"};
  std::vector<std::string> conll_paths;
  std::string gmb_path, dev_path, clusters_path, gazetteer_dir, output;
  newsgraph::tag::TrainingOptions options;
  app.add_option("--conll", conll_paths, "CoNLL-2003-style training file(s)")->required();
  app.add_option("--gmb", gmb_path, "GMB ner_dataset.csv, added to the training sentences");
  app.add_option("--dev", dev_path, "CoNLL-2003-style file scored after each epoch");
  app.add_option("--clusters", clusters_path, "word classes from word_clusters (TSV)");
  app.add_option("--gazetteers", gazetteer_dir, "the shared gazetteers directory");
  app.add_option("--epochs", options.epochs, "passes over the training data")->capture_default_str();
  app.add_option("--seed", options.seed, "seed of the sentence order")->capture_default_str();
  app.add_option("--frequent-count", options.frequent_count, "words seen this often get precomputed weights")
      ->capture_default_str();
  app.add_option("--min-weight", options.min_weight, "drop features whose averaged weights are all smaller")
      ->capture_default_str();
  bool iob2 = false, no_headlines = false, no_document_pass = false;
  app.add_flag("--predicted-pos", options.predicted_pos,
               "entity perceptrons learn from cross-validated predicted parts of speech, not gold ones");
  app.add_flag("--iob2", iob2, "learn the IOB2 entity tags as given instead of BILOU");
  app.add_flag("--no-headlines", no_headlines, "read headlines in capitals as they are written");
  app.add_flag("--no-document-pass", no_document_pass, "no second, document-level entity pass");
  app.add_option("--folds", options.folds, "cross-validation folds for the document pass's training")
      ->capture_default_str();
  app.add_option("-o,--output", output, "the model file to write")->required();
  CLI11_PARSE(app, argc, argv);
  options.bilou = !iob2;
  options.headlines = !no_headlines;
  options.document_pass = !no_document_pass;

  try {
    const auto started = std::chrono::steady_clock::now();
    auto elapsed = [&] {
      return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    std::vector<TrainingSentence> corpus;
    for (const std::string& path : conll_paths) {
      auto sentences = read_conll(path);
      std::cerr << "train_tagger: " << path << ": " << sentences.size() << " sentences\n";
      corpus.insert(corpus.end(), sentences.begin(), sentences.end());
    }
    if (!gmb_path.empty()) {
      auto sentences = read_gmb(gmb_path);
      std::cerr << "train_tagger: " << gmb_path << ": " << sentences.size() << " sentences\n";
      corpus.insert(corpus.end(), sentences.begin(), sentences.end());
    }
    const std::vector<TrainingSentence> dev =
        dev_path.empty() ? std::vector<TrainingSentence>{} : read_conll(dev_path);
    newsgraph::tag::WordClusters clusters;
    if (!clusters_path.empty()) clusters = read_clusters(clusters_path);
    GazetteerBuilder gazetteer;
    if (!gazetteer_dir.empty()) gazetteer.add_sources(gazetteer_dir);
    const newsgraph::tag::Gazetteer built_gazetteer = gazetteer.build();
    std::cerr << "train_tagger: " << clusters.size() << " clustered words, " << built_gazetteer.size()
              << " gazetteer phrases\n";

    std::ostringstream settings;
    settings << "trainer: train_tagger (averaged perceptrons, greedy; entity tags "
             << (options.bilou ? "BILOU" : "IOB2") << (options.headlines ? "; headlines normalised" : "")
             << (options.document_pass ? "; document pass" : "")
             << (options.predicted_pos ? "; entities learnt on predicted POS" : "") << "; " << options.folds
             << " folds)\n";
    for (const std::string& path : conll_paths) settings << "conll: " << file_name(path) << "\n";
    if (!gmb_path.empty()) settings << "gmb: " << file_name(gmb_path) << "\n";
    if (!clusters_path.empty()) settings << "clusters: " << file_name(clusters_path) << "\n";
    if (!gazetteer_dir.empty()) settings << "gazetteers: " << file_name(gazetteer_dir) << "\n";
    settings << "epochs: " << options.epochs << "\nseed: " << options.seed
             << "\nfrequent-count: " << options.frequent_count << "\nmin-weight: " << options.min_weight
             << "\n";
    options.settings = settings.str();

    const auto report = [&](int epoch, const newsgraph::tag::Tagger& tagger) {
      std::cerr << "train_tagger: epoch " << epoch << " done at " << std::fixed << std::setprecision(1)
                << elapsed() << " s";
      if (!dev.empty()) {
        const DevScore score = score_on(tagger, dev);
        std::cerr << std::setprecision(2) << "; dev POS " << score.pos_accuracy << "%, entities P "
                  << score.precision << " R " << score.recall << " F1 " << score.f1;
      }
      std::cerr << "\n";
    };
    const newsgraph::tag::Tagger tagger =
        newsgraph::tag::train_tagger(corpus, options, std::move(clusters), built_gazetteer, report);
    const std::string bytes = tagger.to_bytes();
    newsgraph::learn::write_model_bytes(output, bytes);
    const auto& model = tagger.model();
    std::cerr << "train_tagger: wrote " << output << " (" << bytes.size() / 1024
              << " KiB; features (weights): " << model.pos.feature_count() << " (" << model.pos.weight_count()
              << ") + " << model.ner.feature_count() << " (" << model.ner.weight_count() << ") + "
              << model.ner_document.feature_count() << " (" << model.ner_document.weight_count() << "); "
              << model.frequent_words.size() << " frequent words; done at " << std::fixed
              << std::setprecision(1) << elapsed() << " s)\n";
  } catch (const newsgraph::Error& e) {
    std::cerr << "train_tagger: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
