// word_clusters: groups the words of unlabelled text into classes of words used alike, for the
// tagger's word-class features (train_tagger --clusters), at three granularities. Two methods:
//  - exchange (the default): the classes that make a class bigram model most likely (Kneser and
//    Ney 1993, Martin et al. 1998; the word clusters of Och's mkcls and Clark's NER features):
//    starting from classes by frequency rank, each word in turn moves to the class that raises the
//    likelihood of the text most, until few words move. Words seen fewer than --min-count times
//    share one fixed class, and so do the boundaries between texts.
//  - kmeans: each word becomes a vector of its positive pointwise mutual information with the
//    frequent words at offsets -2..+2, randomly projected to a few dimensions; spherical k-means
//    groups the vectors.
// Output: "word<TAB>coarse<TAB>middle<TAB>fine" per line, classes numbered from 1. Deterministic.
//
//   word_clusters --jsonl ../shared/data/corpora/kremlin_en.jsonl
//                 --text-dir ../shared/data/corpora/bbc_news
//                 --conll ../shared/data/conll2003/train.txt --conll ../shared/data/conll2003/dev.txt
//                 -o clusters.tsv
#include <rapidjson/document.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

constexpr int kWindow = 2;
constexpr std::size_t kDimensions = 128;

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path.string() + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Whitespace tokens with leading and trailing punctuation split off and "'s" / "n't" apart: close
// enough to the tokenizer's Penn Treebank tokens for counting contexts.
void tokenize(std::string_view text, std::vector<std::string>& tokens) {
  static constexpr std::string_view kPunctuation = "\"'`([{)]}.,;:!?";
  std::size_t start = 0;
  while (start < text.size()) {
    while (start < text.size() && std::isspace(static_cast<unsigned char>(text[start]))) ++start;
    std::size_t end = start;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end]))) ++end;
    std::string_view word = text.substr(start, end - start);
    start = end;
    while (!word.empty() && kPunctuation.find(word.front()) != std::string_view::npos) {
      tokens.emplace_back(1, word.front());
      word.remove_prefix(1);
    }
    std::vector<std::string> tail;
    while (word.size() > 1 && kPunctuation.find(word.back()) != std::string_view::npos) {
      tail.emplace_back(1, word.back());
      word.remove_suffix(1);
    }
    if (word.ends_with("n't") && word.size() > 3) {
      tail.emplace_back("n't");
      word.remove_suffix(3);
    } else if (word.ends_with("'s") && word.size() > 2) {
      tail.emplace_back("'s");
      word.remove_suffix(2);
    }
    if (!word.empty()) tokens.emplace_back(word);
    tokens.insert(tokens.end(), tail.rbegin(), tail.rend());
  }
}

// Words as ids, with a sentinel id 0 between texts so that contexts do not run across them.
class Corpus {
 public:
  Corpus() : words_{""}, counts_{0} {}

  void add_text(std::string_view text) {
    scratch_.clear();
    tokenize(text, scratch_);
    for (const std::string& token : scratch_) add_token(token);
    tokens_.push_back(0);
  }
  void add_token(const std::string& token) {
    auto [it, added] = ids_.try_emplace(token, static_cast<std::uint32_t>(words_.size()));
    if (added) {
      words_.push_back(token);
      counts_.push_back(0);
    }
    ++counts_[it->second];
    tokens_.push_back(it->second);
  }
  void end_text() { tokens_.push_back(0); }

  const std::vector<std::uint32_t>& tokens() const { return tokens_; }
  const std::vector<std::string>& words() const { return words_; }
  const std::vector<std::size_t>& counts() const { return counts_; }

 private:
  std::unordered_map<std::string, std::uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<std::size_t> counts_;
  std::vector<std::uint32_t> tokens_;
  std::vector<std::string> scratch_;
};

float dot(const float* a, const float* b) {
  // Independent partial sums: lets the compiler vectorise without reassociating floats.
  std::array<float, 8> sums{};
  for (std::size_t d = 0; d < kDimensions; d += 8)
    for (std::size_t k = 0; k < 8; ++k) sums[k] += a[d + k] * b[d + k];
  float total = 0;
  for (const float s : sums) total += s;
  return total;
}

void normalise(float* v) {
  const float norm = std::sqrt(dot(v, v));
  if (norm > 0)
    for (std::size_t d = 0; d < kDimensions; ++d) v[d] /= norm;
}

// Spherical k-means over unit vectors; returns the class (from 1) of each vector.
std::vector<std::uint32_t> spherical_kmeans(const std::vector<float>& vectors, std::size_t count,
                                            std::size_t classes, int iterations, std::uint64_t seed) {
  std::mt19937_64 random(seed);
  std::vector<float> centres(classes * kDimensions);
  // Seeds: evenly spread over the words sorted by frequency, so each band of frequency has some.
  for (std::size_t c = 0; c < classes; ++c) {
    const std::size_t word = (c * count) / classes + random() % std::max<std::size_t>(1, count / classes);
    std::copy_n(&vectors[word * kDimensions], kDimensions, &centres[c * kDimensions]);
  }
  std::vector<std::uint32_t> assignment(count, 0);
  for (int iteration = 0; iteration < iterations; ++iteration) {
    for (std::size_t w = 0; w < count; ++w) {
      float best = -2;
      for (std::size_t c = 0; c < classes; ++c) {
        const float similarity = dot(&vectors[w * kDimensions], &centres[c * kDimensions]);
        if (similarity > best) best = similarity, assignment[w] = static_cast<std::uint32_t>(c);
      }
    }
    std::fill(centres.begin(), centres.end(), 0.0f);
    for (std::size_t w = 0; w < count; ++w)
      for (std::size_t d = 0; d < kDimensions; ++d)
        centres[assignment[w] * kDimensions + d] += vectors[w * kDimensions + d];
    for (std::size_t c = 0; c < classes; ++c) normalise(&centres[c * kDimensions]);
  }
  for (std::uint32_t& a : assignment) ++a;
  return assignment;
}

// The exchange algorithm over the words with rows (row_of[id] >= 0) of the corpus: returns the class
// (from 1) of each row.
std::vector<std::uint32_t> exchange_clusters(const std::vector<std::uint32_t>& tokens,
                                             const std::vector<std::int32_t>& row_of, std::size_t rows,
                                             std::size_t classes, int iterations) {
  // Items: rows 0..rows-1, then one for rare words and one for text boundaries, in fixed classes.
  const std::uint32_t rare = static_cast<std::uint32_t>(rows), boundary = rare + 1;
  const std::size_t k_total = classes + 2;
  auto item_of = [&](std::uint32_t token) {
    return token == 0 ? boundary : row_of[token] >= 0 ? static_cast<std::uint32_t>(row_of[token]) : rare;
  };
  std::vector<std::uint64_t> pairs;
  pairs.reserve(tokens.size());
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    pairs.push_back((static_cast<std::uint64_t>(item_of(tokens[i])) << 32) | item_of(tokens[i + 1]));
  std::sort(pairs.begin(), pairs.end());
  // Distinct bigrams (left, right, count), and for each row its right and left neighbours.
  struct Neighbour {
    std::uint32_t item;
    std::uint32_t count;
  };
  std::vector<std::vector<Neighbour>> right(rows + 2), left(rows + 2);
  for (std::size_t p = 0; p < pairs.size();) {
    std::size_t q = p;
    while (q < pairs.size() && pairs[q] == pairs[p]) ++q;
    const auto a = static_cast<std::uint32_t>(pairs[p] >> 32), b = static_cast<std::uint32_t>(pairs[p]);
    const auto count = static_cast<std::uint32_t>(q - p);
    right[a].push_back({b, count});
    left[b].push_back({a, count});
    p = q;
  }
  // f(n) = n log n for every count a class pair or class can reach.
  std::vector<double> f(pairs.size() + 2, 0.0);
  for (std::size_t n = 1; n < f.size(); ++n) f[n] = static_cast<double>(n) * std::log(static_cast<double>(n));

  std::vector<std::uint32_t> class_of(rows + 2);
  for (std::size_t r = 0; r < rows; ++r) class_of[r] = static_cast<std::uint32_t>(r % classes);
  class_of[rare] = static_cast<std::uint32_t>(classes);
  class_of[boundary] = static_cast<std::uint32_t>(classes + 1);
  // M[a][b]: bigrams from class a to class b; T its transpose; L and R its row and column sums.
  std::vector<std::int64_t> m(k_total * k_total, 0), t(k_total * k_total, 0), l(k_total, 0), rsum(k_total, 0);
  for (std::size_t a = 0; a < rows + 2; ++a)
    for (const Neighbour& n : right[a]) {
      const std::size_t ca = class_of[a], cb = class_of[n.item];
      m[ca * k_total + cb] += n.count;
      t[cb * k_total + ca] += n.count;
      l[ca] += n.count;
      rsum[cb] += n.count;
    }

  std::vector<std::int64_t> right_counts(k_total, 0), left_counts(k_total, 0);
  std::vector<std::uint32_t> right_classes, left_classes;
  for (int iteration = 0; iteration < iterations; ++iteration) {
    std::size_t moved = 0;
    for (std::uint32_t w = 0; w < rows; ++w) {
      // The word's bigram counts by the class of the other word, itself apart.
      std::int64_t self = 0, as_left = 0, as_right = 0;
      right_classes.clear();
      left_classes.clear();
      for (const Neighbour& n : right[w]) {
        as_left += n.count;
        if (n.item == w) {
          self += n.count;
          continue;
        }
        const std::uint32_t c = class_of[n.item];
        if (right_counts[c] == 0) right_classes.push_back(c);
        right_counts[c] += n.count;
      }
      for (const Neighbour& n : left[w]) {
        as_right += n.count;
        if (n.item == w) continue;
        const std::uint32_t c = class_of[n.item];
        if (left_counts[c] == 0) left_classes.push_back(c);
        left_counts[c] += n.count;
      }
      // Take the word out of its class.
      const std::uint32_t old_class = class_of[w];
      auto shift = [&](std::uint32_t k, std::int64_t sign) {
        for (const std::uint32_t c : right_classes) {
          m[k * k_total + c] += sign * right_counts[c];
          t[c * k_total + k] += sign * right_counts[c];
        }
        for (const std::uint32_t c : left_classes) {
          m[c * k_total + k] += sign * left_counts[c];
          t[k * k_total + c] += sign * left_counts[c];
        }
        m[k * k_total + k] += sign * self;
        t[k * k_total + k] += sign * self;
        l[k] += sign * as_left;
        rsum[k] += sign * as_right;
      };
      shift(old_class, -1);
      // The gain of putting it in class k, for every k; the old class wins ties.
      auto gain = [&](std::uint32_t k) {
        const std::int64_t* row = &m[k * k_total];
        const std::int64_t* column = &t[k * k_total];
        double g = 0;
        for (const std::uint32_t c : right_classes)
          if (c != k) g += f[row[c] + right_counts[c]] - f[row[c]];
        for (const std::uint32_t c : left_classes)
          if (c != k) g += f[column[c] + left_counts[c]] - f[column[c]];
        g += f[row[k] + right_counts[k] + left_counts[k] + self] - f[row[k]];
        g -= f[l[k] + as_left] - f[l[k]] + f[rsum[k] + as_right] - f[rsum[k]];
        return g;
      };
      std::uint32_t best = old_class;
      double best_gain = gain(old_class);
      for (std::uint32_t k = 0; k < classes; ++k) {
        if (k == old_class) continue;
        const double g = gain(k);
        if (g > best_gain + 1e-9) best_gain = g, best = k;
      }
      shift(best, +1);
      class_of[w] = best;
      moved += best != old_class;
      for (const std::uint32_t c : right_classes) right_counts[c] = 0;
      for (const std::uint32_t c : left_classes) left_counts[c] = 0;
    }
    std::cerr << "word_clusters: " << classes << " classes, iteration " << iteration + 1 << ": " << moved
              << " words moved\n";
    if (moved < rows / 1000) break;
  }
  std::vector<std::uint32_t> assignment(class_of.begin(),
                                        class_of.begin() + static_cast<std::ptrdiff_t>(rows));
  for (std::uint32_t& a : assignment) ++a;
  return assignment;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Computes word classes from unlabelled text for the tagger.", "word_clusters"};
  std::vector<std::string> jsonl_paths, text_dirs, conll_paths;
  std::string output;
  std::size_t min_count = 3, context_words = 2000;
  std::array<std::size_t, 3> classes = {64, 256, 1024};
  int iterations = 8;
  int exchange_iterations = 15;
  std::string method = "exchange";
  app.add_option("--jsonl", jsonl_paths, "JSON Lines articles with a \"text\" field");
  app.add_option("--text-dir", text_dirs, "directories of .txt articles (searched recursively)");
  app.add_option("--conll", conll_paths, "CoNLL files: the first column is a word");
  app.add_option("--min-count", min_count, "words seen less often get no class")->capture_default_str();
  app.add_option("--context-words", context_words, "how many frequent words serve as contexts")
      ->capture_default_str();
  app.add_option("--classes", classes, "class counts, coarse to fine")->capture_default_str();
  app.add_option("--method", method, "exchange or kmeans")
      ->check(CLI::IsMember({"exchange", "kmeans"}))
      ->capture_default_str();
  app.add_option("--iterations", iterations, "k-means iterations")->capture_default_str();
  app.add_option("--exchange-iterations", exchange_iterations, "most passes of the exchange algorithm")
      ->capture_default_str();
  app.add_option("-o,--output", output, "the TSV to write")->required();
  CLI11_PARSE(app, argc, argv);

  try {
    Corpus corpus;
    for (const std::string& path : jsonl_paths) {
      std::istringstream lines(read_whole(path));
      for (std::string line; std::getline(lines, line);) {
        rapidjson::Document json;
        json.Parse(line.c_str());
        if (!json.HasParseError() && json.IsObject() && json.HasMember("text") && json["text"].IsString())
          corpus.add_text(json["text"].GetString());
      }
    }
    for (const std::string& dir : text_dirs) {
      std::vector<std::filesystem::path> files;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
      std::sort(files.begin(), files.end());
      for (const auto& file : files) corpus.add_text(read_whole(file));
    }
    for (const std::string& path : conll_paths) {
      std::istringstream lines(read_whole(path));
      for (std::string line; std::getline(lines, line);) {
        std::istringstream fields(line);
        std::string word;
        if (!(fields >> word) || word == "-DOCSTART-")
          corpus.end_text();
        else
          corpus.add_token(word);
      }
    }
    std::cerr << "word_clusters: " << corpus.tokens().size() << " tokens, " << corpus.words().size()
              << " distinct words\n";

    // Words by frequency (ties by spelling): the first context_words are the contexts, the words
    // seen at least min_count times get classes.
    std::vector<std::uint32_t> by_frequency(corpus.words().size() - 1);
    for (std::uint32_t i = 0; i < by_frequency.size(); ++i) by_frequency[i] = i + 1;
    std::sort(by_frequency.begin(), by_frequency.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto& counts = corpus.counts();
      return counts[a] != counts[b] ? counts[a] > counts[b] : corpus.words()[a] < corpus.words()[b];
    });
    std::vector<std::int32_t> context_of(corpus.words().size(), -1);
    std::vector<std::int32_t> row_of(corpus.words().size(), -1);
    std::size_t rows = 0;
    for (std::size_t rank = 0; rank < by_frequency.size(); ++rank) {
      if (rank < context_words) context_of[by_frequency[rank]] = static_cast<std::int32_t>(rank);
      if (corpus.counts()[by_frequency[rank]] >= min_count)
        row_of[by_frequency[rank]] = static_cast<std::int32_t>(rows++);
    }

    std::vector<std::vector<std::uint32_t>> levels;
    if (method == "exchange") {
      for (std::size_t level = 0; level < classes.size(); ++level)
        levels.push_back(
            exchange_clusters(corpus.tokens(), row_of, rows, classes[level], exchange_iterations));
    }
    // Co-occurrence counts (row, offset, context) gathered as keys, sorted and counted.
    const std::size_t offsets = 2 * kWindow;
    std::vector<std::uint64_t> pairs;
    if (method == "kmeans") {
      const auto& tokens = corpus.tokens();
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i] == 0 || row_of[tokens[i]] < 0) continue;
        std::size_t slot = 0;
        for (int offset = -kWindow; offset <= kWindow; ++offset) {
          if (offset == 0) continue;
          const std::ptrdiff_t j = static_cast<std::ptrdiff_t>(i) + offset;
          const bool inside = j >= 0 && j < static_cast<std::ptrdiff_t>(tokens.size());
          // A text boundary in between hides the context: walk only within the text.
          bool crosses = !inside;
          for (std::ptrdiff_t k = std::min<std::ptrdiff_t>(i, j);
               inside && k <= std::max<std::ptrdiff_t>(i, j); ++k)
            crosses |= tokens[static_cast<std::size_t>(k)] == 0;
          if (!crosses && context_of[tokens[static_cast<std::size_t>(j)]] >= 0) {
            const std::uint64_t column =
                slot * context_words +
                static_cast<std::uint64_t>(context_of[tokens[static_cast<std::size_t>(j)]]);
            pairs.push_back((static_cast<std::uint64_t>(row_of[tokens[i]]) << 32) | column);
          }
          ++slot;
        }
      }
      std::sort(pairs.begin(), pairs.end());
      std::vector<double> row_totals(rows, 0), column_totals(offsets * context_words, 0);
      for (const std::uint64_t pair : pairs) {
        row_totals[pair >> 32] += 1;
        column_totals[pair & 0xffffffffu] += 1;
      }
      // Context distribution smoothing (counts to the power 0.75) keeps rare contexts from dominating.
      double smoothed_total = 0;
      for (double& total : column_totals) smoothed_total += (total = std::pow(total, 0.75));
      const double pair_total = static_cast<double>(pairs.size());

      // A fixed random Gaussian direction per context column.
      std::mt19937_64 random(7);
      std::normal_distribution<float> gaussian;
      std::vector<float> directions(column_totals.size() * kDimensions);
      for (float& x : directions) x = gaussian(random);

      std::vector<float> vectors(rows * kDimensions, 0.0f);
      for (std::size_t p = 0; p < pairs.size();) {
        std::size_t q = p;
        while (q < pairs.size() && pairs[q] == pairs[p]) ++q;
        const std::size_t row = pairs[p] >> 32, column = pairs[p] & 0xffffffffu;
        const double pmi = std::log((q - p) / pair_total) - std::log(row_totals[row] / pair_total) -
                           std::log(column_totals[column] / smoothed_total);
        if (pmi > 0)
          for (std::size_t d = 0; d < kDimensions; ++d)
            vectors[row * kDimensions + d] += static_cast<float>(pmi) * directions[column * kDimensions + d];
        p = q;
      }
      for (std::size_t row = 0; row < rows; ++row) normalise(&vectors[row * kDimensions]);
      std::cerr << "word_clusters: " << rows << " words to cluster, " << pairs.size() << " contexts\n";

      for (std::size_t level = 0; level < classes.size(); ++level) {
        levels.push_back(spherical_kmeans(vectors, rows, classes[level], iterations, 11 + level));
        std::cerr << "word_clusters: " << classes[level] << " classes done\n";
      }
    }
    std::ofstream out(output, std::ios::binary);
    for (std::size_t rank = 0; rank < by_frequency.size(); ++rank) {
      const std::int32_t row = row_of[by_frequency[rank]];
      if (row < 0) continue;
      out << corpus.words()[by_frequency[rank]];
      for (const auto& level : levels) out << '\t' << level[static_cast<std::size_t>(row)];
      out << '\n';
    }
    if (!out) throw std::runtime_error(output + ": cannot write the file");
  } catch (const std::exception& e) {
    std::cerr << "word_clusters: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
