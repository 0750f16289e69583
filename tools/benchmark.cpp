// benchmark: measures a stage of newsgraph on unlabelled news text on one core: tokens per second,
// the time to load the stage's model, and the peak memory of the process. The text is read and
// tokenised (text::segment) before the clock starts, so only the stage itself is timed.
//
//   benchmark --stage tag|parse --jsonl ../shared/data/corpora/kremlin_en.jsonl
//             --text-dir ../shared/data/corpora/bbc_news [--model FILE] [--repeat 3]
// On a busy machine tokens_per_cpu_second, from the thread's processor time, is the steadier figure.
#include <sys/resource.h>
#include <time.h>

#include <rapidjson/document.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/parse/parser.hpp"
#include "newsgraph/tag/tagger.hpp"
#include "newsgraph/text/segment.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// The processor time this thread has used: unlike the wall clock, it does not count the time the
// thread waited for a core that other programs were using.
double thread_cpu_seconds() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

std::string read_whole(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw newsgraph::InputError(path.string() + ": cannot open the file");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<newsgraph::Document> read_corpus(const std::vector<std::string>& jsonl_paths,
                                             const std::vector<std::string>& text_dirs) {
  std::vector<newsgraph::Document> documents;
  for (const std::string& path : jsonl_paths) {
    std::istringstream lines(read_whole(path));
    std::size_t line_number = 0;
    for (std::string line; std::getline(lines, line);) {
      ++line_number;
      rapidjson::Document json;
      json.Parse(line.c_str());
      if (json.HasParseError() || !json.IsObject() || !json.HasMember("text") || !json["text"].IsString())
        continue;
      newsgraph::Document document;
      document.id = path + ":" + std::to_string(line_number);
      document.origin = document.id;
      document.text = json["text"].GetString();
      documents.push_back(std::move(document));
    }
  }
  for (const std::string& dir : text_dirs) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      newsgraph::Document document;
      document.id = file.string();
      document.origin = document.id;
      document.text = read_whole(file);
      documents.push_back(std::move(document));
    }
  }
  return documents;
}

// The sentences of the corpus as lists of words, the form every stage after segmentation takes.
using Sentences = std::vector<std::vector<std::string_view>>;

// document_sizes, if given, gets the number of sentences of each document.
Sentences segment_corpus(const std::vector<newsgraph::Document>& documents,
                         std::vector<std::size_t>* document_sizes = nullptr) {
  Sentences sentences;
  for (const newsgraph::Document& document : documents) {
    const newsgraph::text::Segments segments = newsgraph::text::segment(document);
    if (document_sizes) document_sizes->push_back(segments.sentences.size());
    for (const auto& sentence : segments.sentences) {
      std::vector<std::string_view>& words = sentences.emplace_back();
      for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
        words.push_back(newsgraph::slice(document.text, segments.tokens[t].span));
    }
  }
  return sentences;
}

// Peak resident memory of the process so far, in MiB.
double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // kilobytes on Linux
}

struct StageResult {
  double load_ms = 0;
  double seconds = 0;      // the fastest repetition
  double cpu_seconds = 0;  // the least processor time of a repetition
  std::size_t tokens = 0;
};

// Runs `pass` (which returns the tokens it handled) `repeat` times and keeps its fastest wall-clock
// and least processor time.
template <typename Pass>
void time_passes(int repeat, StageResult& result, Pass pass) {
  result.seconds = 1e300;
  result.cpu_seconds = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const auto start = Clock::now();
    const double cpu_start = thread_cpu_seconds();
    result.tokens = pass();
    result.seconds = std::min(result.seconds, seconds_since(start));
    result.cpu_seconds = std::min(result.cpu_seconds, thread_cpu_seconds() - cpu_start);
  }
}

// Tags document by document (Tagger::tag_document), as the pipeline does.
StageResult benchmark_tag(const Sentences& sentences, const std::vector<std::size_t>& document_sizes,
                          const std::string& model_path, int repeat) {
  StageResult result;
  const auto load_start = Clock::now();
  std::optional<newsgraph::tag::Tagger> from_file;
  if (!model_path.empty()) from_file.emplace(newsgraph::tag::Tagger::load_file(model_path));
  const newsgraph::tag::Tagger& tagger = from_file ? *from_file : newsgraph::tag::Tagger::embedded();
  result.load_ms = seconds_since(load_start) * 1000;

  std::size_t checksum = 0;  // keeps the work from being optimised away
  time_passes(repeat, result, [&] {
    std::size_t tokens = 0, first = 0;
    Sentences document;
    for (const std::size_t size : document_sizes) {
      document.assign(sentences.begin() + static_cast<std::ptrdiff_t>(first),
                      sentences.begin() + static_cast<std::ptrdiff_t>(first + size));
      first += size;
      for (const auto& tags : tagger.tag_document(document))
        for (const auto& word : tags) checksum += word.ner.size(), ++tokens;
    }
    return tokens;
  });
  if (checksum == 0 && result.tokens > 0) std::cerr << "benchmark: no tags at all\n";
  return result;
}

// The parse stage: part-of-speech tagging and dependency parsing (newsgraph::parse::Parser).
StageResult benchmark_parse(const Sentences& sentences, const std::string& model_path, int repeat) {
  StageResult result;
  const auto load_start = Clock::now();
  std::optional<newsgraph::parse::Parser> from_file;
  if (!model_path.empty()) from_file.emplace(newsgraph::parse::Parser::load_file(model_path));
  const newsgraph::parse::Parser& parser = from_file ? *from_file : newsgraph::parse::Parser::embedded();
  result.load_ms = seconds_since(load_start) * 1000;

  std::size_t checksum = 0;  // keeps the work from being optimised away
  time_passes(repeat, result, [&] {
    std::size_t tokens = 0;
    for (const auto& words : sentences) {
      checksum += parser.parse(words).root().value_or(0);
      tokens += words.size();
    }
    return tokens;
  });
  if (checksum == 0 && result.tokens > 0) std::cerr << "benchmark: every root is the first word\n";
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures the speed, load time and memory of a newsgraph stage.", "benchmark"};
  std::string stage = "tag", model_path;
  std::vector<std::string> jsonl_paths, text_dirs;
  int repeat = 3;
  app.add_option("--stage", stage, "the stage to measure")
      ->check(CLI::IsMember({"tag", "parse"}))
      ->capture_default_str();
  app.add_option("--jsonl", jsonl_paths, "JSON Lines articles with a \"text\" field");
  app.add_option("--text-dir", text_dirs, "directories of .txt articles (searched recursively)");
  app.add_option("--model", model_path, "a model file instead of the built-in one");
  app.add_option("--repeat", repeat, "passes over the text; the fastest counts")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  try {
    const auto read_start = Clock::now();
    const std::vector<newsgraph::Document> documents = read_corpus(jsonl_paths, text_dirs);
    std::vector<std::size_t> document_sizes;
    const Sentences sentences = segment_corpus(documents, &document_sizes);
    std::cerr << "benchmark: " << documents.size() << " documents, " << sentences.size()
              << " sentences read and segmented in " << std::fixed << std::setprecision(2)
              << seconds_since(read_start) << " s\n";
    const double rss_before = peak_rss_mib();

    const StageResult result = stage == "parse"
                                   ? benchmark_parse(sentences, model_path, repeat)
                                   : benchmark_tag(sentences, document_sizes, model_path, repeat);
    std::cout << std::fixed << std::setprecision(1) << "stage: " << stage << "\ntokens: " << result.tokens
              << "\nseconds: " << std::setprecision(3) << result.seconds
              << "\ntokens_per_second: " << std::setprecision(0) << result.tokens / result.seconds
              << "\ntokens_per_cpu_second: " << result.tokens / result.cpu_seconds
              << "\nmodel_load_ms: " << std::setprecision(1) << result.load_ms
              << "\npeak_rss_mib: " << peak_rss_mib() << "\npeak_rss_mib_before_model: " << rss_before
              << "\n";
  } catch (const newsgraph::Error& e) {
    std::cerr << "benchmark: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
