// eval_timex: measures the time stage (newsgraph::time::find_time_expressions) on TimeML files such
// as TempEval-3's TBAQ-cleaned. Every TIMEX3 of type DATE in a document's TEXT is a gold expression
// with its value; the document's CREATION_TIME TIMEX3 is the document date.
//
//   recall      gold DATE expressions overlapped by a found expression
//   exact       found gold DATEs whose value equals the gold value; an expression found without a
//               value (the text does not pin it down) matches TimeML's PRESENT_REF, PAST_REF and
//               FUTURE_REF, which say the same thing
//   strict      the same, but a missing value never matches
//   prefix      exact, or one value is a prefix of the other ("1998" vs "1998-10-26")
//   precision   found expressions that overlap a gold TIMEX3 of any type (DATE, TIME, DURATION, SET)
//
// Usage: eval_timex [--verbose] [FILE_OR_DIRECTORY...]   (default: the TBAQ-cleaned directory)
#include <CLI/CLI.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/text/segment.hpp"
#include "newsgraph/time/expressions.hpp"

namespace {

namespace fs = std::filesystem;
using newsgraph::Span;

struct GoldTimex {
  Span span;  // in the plain text
  std::string type;
  std::string value;
};

struct TimeMlDocument {
  std::string name;
  std::optional<std::string> creation_date;  // YYYY-MM-DD
  std::string text;                          // the TEXT element without its markup
  std::vector<GoldTimex> timexes;
};

std::string attribute(std::string_view tag, std::string_view name) {
  const std::string key = " " + std::string(name) + "=\"";
  const std::size_t at = tag.find(key);
  if (at == std::string_view::npos) return {};
  const std::size_t begin = at + key.size();
  return std::string(tag.substr(begin, tag.find('"', begin) - begin));
}

// Appends the character an XML entity stands for; `i` is at the '&'.
std::size_t append_entity(std::string_view xml, std::size_t i, std::string& out) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  for (const auto& [entity, character] : kEntities) {
    if (xml.substr(i, entity.size()) == entity) {
      out += character;
      return i + entity.size();
    }
  }
  out += '&';
  return i + 1;
}

TimeMlDocument read_timeml(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string xml{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  TimeMlDocument document;
  document.name = path.filename().string();

  for (std::size_t at = xml.find("<TIMEX3"); at != std::string::npos; at = xml.find("<TIMEX3", at + 1)) {
    const std::string_view tag = std::string_view(xml).substr(at, xml.find('>', at) - at);
    if (attribute(tag, "functionInDocument") == "CREATION_TIME") {
      document.creation_date = attribute(tag, "value").substr(0, 10);
      break;
    }
  }

  const std::size_t text_begin = xml.find("<TEXT>");
  const std::size_t text_end = xml.find("</TEXT>");
  if (text_begin == std::string::npos || text_end == std::string::npos) return document;
  std::optional<GoldTimex> open;
  for (std::size_t i = text_begin + 6; i < text_end;) {
    if (xml[i] == '&') {
      i = append_entity(xml, i, document.text);
    } else if (xml[i] != '<') {
      document.text += xml[i++];
    } else {
      const std::size_t close = xml.find('>', i);
      const std::string_view tag = std::string_view(xml).substr(i, close - i);
      if (tag.starts_with("<TIMEX3") && attribute(tag, "functionInDocument") != "CREATION_TIME") {
        open = GoldTimex{Span{document.text.size(), 0}, attribute(tag, "type"), attribute(tag, "value")};
      } else if (tag.starts_with("</TIMEX3") && open) {
        open->span.end = document.text.size();
        document.timexes.push_back(*open);
        open.reset();
      }
      i = close + 1;
    }
  }
  return document;
}

bool is_unpinned_gold(std::string_view value) {
  return value == "PRESENT_REF" || value == "PAST_REF" || value == "FUTURE_REF";
}

// TimeBank writes some ISO weeks with one digit ("2000-W7"); ISO 8601 has two.
std::string canonical_gold(std::string value) {
  if (value.size() == 7 && value[5] == 'W' && value[6] >= '0' && value[6] <= '9') value.insert(6, "0");
  return value;
}

// A rough class of a gold value, for the breakdown table.
std::string value_class(std::string_view value) {
  if (is_unpinned_gold(value)) return "unpinned (*_REF)";
  std::string shape;
  for (char c : value) shape += c >= '0' && c <= '9' ? '9' : c;
  if (shape == "9999-99-99") return "day";
  if (shape == "9999-99") return "month";
  if (shape == "9999") return "year";
  if (shape.starts_with("9999-Q")) return "quarter";
  if (shape.starts_with("9999-W")) return "week/weekend";
  if (shape.starts_with("9999-99-99T")) return "day + time";
  return "other";
}

struct Tally {
  int gold = 0, found = 0, exact = 0, strict = 0, prefix = 0;
};

double ratio(int part, int whole) {
  return whole == 0 ? 0.0 : static_cast<double>(part) / whole;
}

void print_row(const std::string& name, const Tally& tally) {
  std::printf("%-18s %6d %6d %8.3f %8.3f %8.3f %8.3f\n", name.c_str(), tally.gold, tally.found,
              ratio(tally.found, tally.gold), ratio(tally.exact, tally.found),
              ratio(tally.strict, tally.found), ratio(tally.prefix, tally.found));
}

std::string one_line(std::string_view text) {
  std::string line(text);
  std::replace(line.begin(), line.end(), '\n', ' ');
  return line;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Measures newsgraph's time expressions on TimeML (TempEval-3) files."};
  std::vector<std::string> inputs{"/work/shared/data/tempeval3/TBAQ-cleaned"};
  bool verbose = false;
  app.add_option("inputs", inputs, "TimeML .tml files or directories holding them");
  app.add_flag("-v,--verbose", verbose, "print every miss, value mismatch and spurious expression");
  CLI11_PARSE(app, argc, argv);

  std::vector<fs::path> files;
  for (const auto& input : inputs) {
    if (fs::is_directory(input)) {
      for (const auto& entry : fs::recursive_directory_iterator(input))
        if (entry.path().extension() == ".tml") files.push_back(entry.path());
    } else if (fs::exists(input)) {
      files.emplace_back(input);
    } else {
      std::cerr << "eval_timex: error: " << input << " does not exist\n";
      return 2;
    }
  }
  std::sort(files.begin(), files.end());

  Tally total;
  std::map<std::string, Tally> by_class;
  int system_count = 0, system_correct = 0;
  std::size_t token_count = 0;
  std::chrono::nanoseconds elapsed{0};

  for (const auto& path : files) {
    const TimeMlDocument timeml = read_timeml(path);
    newsgraph::Document document;
    document.id = timeml.name;
    document.date = timeml.creation_date;
    document.text = timeml.text;
    const auto segments = newsgraph::text::segment(document);
    token_count += segments.tokens.size();
    const auto start = std::chrono::steady_clock::now();
    const auto expressions = newsgraph::time::find_time_expressions(document, segments);
    elapsed += std::chrono::steady_clock::now() - start;

    auto surface = [&](Span span) { return one_line(newsgraph::slice(document.text, span)); };
    for (const auto& expression : expressions) {
      ++system_count;
      const bool correct =
          std::any_of(timeml.timexes.begin(), timeml.timexes.end(),
                      [&](const GoldTimex& gold) { return gold.span.overlaps(expression.span); });
      system_correct += correct;
      if (verbose && !correct)
        std::printf("SPURIOUS  %s  \"%s\" -> %s\n", timeml.name.c_str(), surface(expression.span).c_str(),
                    expression.value.value_or("-").c_str());
    }
    for (const auto& gold : timeml.timexes) {
      if (gold.type != "DATE") continue;
      const std::string gold_value = canonical_gold(gold.value);
      Tally& row = by_class[value_class(gold_value)];
      ++total.gold;
      ++row.gold;
      // The found expression that shares the most bytes with the gold one.
      const newsgraph::time::TimeExpression* best = nullptr;
      std::size_t best_overlap = 0;
      for (const auto& expression : expressions) {
        if (!expression.span.overlaps(gold.span)) continue;
        const std::size_t overlap =
            std::min(expression.span.end, gold.span.end) - std::max(expression.span.begin, gold.span.begin);
        if (overlap > best_overlap) {
          best = &expression;
          best_overlap = overlap;
        }
      }
      if (!best) {
        if (verbose)
          std::printf("MISSED    %s  \"%s\" gold %s\n", timeml.name.c_str(), surface(gold.span).c_str(),
                      gold_value.c_str());
        continue;
      }
      ++total.found;
      ++row.found;
      const std::string value = best->value.value_or("");
      const bool strict = best->value && value == gold_value;
      const bool exact = strict || (!best->value && is_unpinned_gold(gold_value));
      const bool prefix = exact || (best->value && !value.empty() &&
                                    (gold_value.starts_with(value) || value.starts_with(gold_value)));
      total.exact += exact;
      row.exact += exact;
      total.strict += strict;
      row.strict += strict;
      total.prefix += prefix;
      row.prefix += prefix;
      if (verbose && !exact)
        std::printf("%s  %s  \"%s\" -> %s, gold \"%s\" %s (DCT %s)\n    in: %s\n",
                    prefix ? "PREFIX  " : "MISMATCH", timeml.name.c_str(), surface(best->span).c_str(),
                    best->value.value_or("-").c_str(), surface(gold.span).c_str(), gold_value.c_str(),
                    timeml.creation_date.value_or("-").c_str(),
                    surface(segments.sentences[best->sentence].span).c_str());
    }
  }

  std::printf("TimeML files: %zu, tokens: %zu, time stage: %.1f ms (%.0f tokens/ms)\n\n", files.size(),
              token_count, elapsed.count() / 1e6, token_count / std::max(elapsed.count() / 1e6, 1e-9));
  std::printf("%-18s %6s %6s %8s %8s %8s %8s\n", "gold DATE values", "gold", "found", "recall", "exact",
              "strict", "prefix");
  for (const auto& [name, tally] : by_class) print_row(name, tally);
  print_row("all DATE", total);
  std::printf("\nfound expressions: %d, overlapping a gold TIMEX3 of any type: %d, precision %.3f\n",
              system_count, system_correct, ratio(system_correct, system_count));
  const double precision = ratio(system_correct, system_count), recall = ratio(total.found, total.gold);
  std::printf("span F1 (DATE recall, any-type precision): %.3f\n",
              precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall));
  return 0;
}
