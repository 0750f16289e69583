#include "newsgraph/lexicon/lexicon.hpp"

#include "newsgraph/embedded.hpp"
#include "newsgraph/error.hpp"

#include <algorithm>

namespace newsgraph::lexicon {

std::vector<std::vector<std::string>> parse_lexicon(std::string_view bytes, std::string_view origin,
                                                    std::string_view kind) {
  const std::string expected = "# newsgraph-lexicon 1 " + std::string(kind);
  std::vector<std::vector<std::string>> rows;
  std::size_t line_number = 0;
  std::size_t start = 0;
  while (start < bytes.size()) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = bytes.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_number == 1) {
      if (line != expected)
        throw ModelError(std::string(origin) + ":1: expected the header \"" + expected + "\", found \"" +
                         std::string(line.substr(0, 60)) + "\"");
      continue;
    }
    if (line.empty() || line.front() == '#') continue;
    std::vector<std::string> fields;
    std::size_t field_start = 0;
    while (true) {
      const std::size_t tab = line.find('\t', field_start);
      fields.emplace_back(
          line.substr(field_start, tab == std::string_view::npos ? line.npos : tab - field_start));
      if (tab == std::string_view::npos) break;
      field_start = tab + 1;
    }
    rows.push_back(std::move(fields));
  }
  if (line_number == 0) throw ModelError(std::string(origin) + ": the lexicon is empty");
  return rows;
}

std::vector<std::vector<std::string>> load_lexicon(std::string_view embedded_name, std::string_view kind) {
  const auto bytes = embedded_file(embedded_name);
  if (!bytes) throw ModelError(std::string(embedded_name) + ": this lexicon is not built into newsgraph");
  return parse_lexicon(*bytes, embedded_name, kind);
}

namespace {

std::string with_upper_initial(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string lower(std::string_view word) {
  std::string out(word);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

const Titles& Titles::embedded() {
  static const Titles titles = [] {
    Titles loaded;
    for (const auto& row : load_lexicon("lexicon/titles.tsv", "titles")) {
      if (row.size() != 2 || (row[1] != "head" && row[1] != "modifier"))
        throw ModelError("lexicon/titles.tsv: each row must be a word and its kind, head or modifier");
      (row[1] == "head" ? loaded.heads_ : loaded.modifiers_).insert(row[0]);
    }
    return loaded;
  }();
  return titles;
}

bool Titles::is_head(std::string_view word) const {
  return heads_.contains(with_upper_initial(word));
}
bool Titles::is_modifier(std::string_view word) const {
  return modifiers_.contains(with_upper_initial(word));
}

const ReportingCues& ReportingCues::embedded() {
  static const ReportingCues cues = [] {
    ReportingCues loaded;
    for (const auto& row : load_lexicon("lexicon/reporting_cues.tsv", "reporting-cues")) {
      if (row.size() != 2)
        throw ModelError("lexicon/reporting_cues.tsv: each row must be a cue and its kind");
      Cue cue;
      const std::string words = lower(row[0]);
      for (std::size_t start = 0; start < words.size();) {
        std::size_t end = words.find(' ', start);
        if (end == std::string::npos) end = words.size();
        cue.words.push_back(words.substr(start, end - start));
        start = end + 1;
      }
      if (row[1] == "verb")
        cue.kind = CueKind::Verb;
      else if (row[1] == "verb-on")
        cue.kind = CueKind::VerbOn;
      else if (row[1] == "phrase")
        cue.kind = CueKind::Phrase;
      else if (row[1] == "negative")
        cue.kind = CueKind::Negative;
      else if (row[1] == "source")
        cue.kind = CueKind::Source;
      else
        throw ModelError("lexicon/reporting_cues.tsv: unknown cue kind \"" + row[1] + "\"");
      loaded.cues_.push_back(std::move(cue));
    }
    std::stable_sort(loaded.cues_.begin(), loaded.cues_.end(),
                     [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
    return loaded;
  }();
  return cues;
}

}  // namespace newsgraph::lexicon
