#include "newsgraph/lexicon/lexicon.hpp"

#include "newsgraph/embedded.hpp"
#include "newsgraph/error.hpp"
#include "newsgraph/text/words.hpp"

#include <algorithm>
#include <initializer_list>

namespace newsgraph::lexicon {

std::vector<LexiconRow> parse_lexicon_rows(std::string_view bytes, std::string_view origin,
                                           std::string_view kind) {
  const std::string expected = "# newsgraph-lexicon 1 " + std::string(kind);
  std::vector<LexiconRow> rows;
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
    rows.push_back(LexiconRow{line_number, std::move(fields)});
  }
  if (line_number == 0) throw ModelError(std::string(origin) + ": the lexicon is empty");
  return rows;
}

std::vector<std::vector<std::string>> parse_lexicon(std::string_view bytes, std::string_view origin,
                                                    std::string_view kind) {
  std::vector<std::vector<std::string>> rows;
  for (LexiconRow& row : parse_lexicon_rows(bytes, origin, kind)) rows.push_back(std::move(row.fields));
  return rows;
}

namespace {

// What is wrong with a row of a lexicon a user may extend, or nothing.
std::string row_problem(std::string_view kind, const std::vector<std::string>& row) {
  const auto one_of = [](const std::string& value, std::initializer_list<std::string_view> allowed) {
    return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
  };
  if (kind == "titles" && (row.size() < 2 || row.size() > 3 || !one_of(row[1], {"head", "modifier"})))
    return "each row must be a word, its kind (head or modifier) and perhaps its full form";
  if (kind == "parties" && row.size() != 2) return "each row must be a word and its party's name";
  if (kind == "first-names" && (row.size() != 2 || !one_of(row[1], {"male", "female"})))
    return "each row must be a first name and its gender, male or female";
  if (kind == "meeting-triggers" && (row.size() != 2 || !one_of(row[1], {"noun", "verb"})))
    return "each row must be words and their kind, noun or verb";
  if (kind == "reporting-cues" &&
      (row.size() != 2 ||
       !one_of(row[1], {"verb", "verb-on", "phrase", "negative", "source", "object", "quoting"})))
    return "each row must be a cue and its kind (verb, verb-on, phrase, negative, source, object or quoting)";
  return {};
}

// The rows users added, by lexicon kind, and the kinds already loaded (too late to add to).
std::map<std::string, std::vector<std::vector<std::string>>, std::less<>>& user_rows() {
  static std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> rows;
  return rows;
}

std::set<std::string, std::less<>>& loaded_kinds() {
  static std::set<std::string, std::less<>> kinds;
  return kinds;
}

}  // namespace

void add_user_lexicon(std::string_view bytes, std::string_view origin) {
  const std::string_view header = bytes.substr(0, bytes.find('\n'));
  std::string kind;
  for (const std::string_view known :
       {"titles", "reporting-cues", "meeting-triggers", "parties", "first-names"})
    if (header.starts_with("# newsgraph-lexicon 1 " + std::string(known))) kind = known;
  if (kind.empty())
    throw InputError(std::string(origin) +
                     ":1: expected a header \"# newsgraph-lexicon 1 KIND\" with KIND titles, reporting-cues, "
                     "meeting-triggers, parties or first-names");
  if (loaded_kinds().contains(kind))
    throw Error("the " + kind + " lexicon is in use already; add to it first");
  std::vector<LexiconRow> rows;
  try {
    rows = parse_lexicon_rows(bytes, origin, kind);
  } catch (const ModelError& e) {
    throw InputError(e.what());
  }
  auto& added = user_rows()[kind];
  for (LexiconRow& row : rows) {
    if (const std::string problem = row_problem(kind, row.fields); !problem.empty())
      throw InputError(std::string(origin) + ":" + std::to_string(row.line) + ": " + problem);
    added.push_back(std::move(row.fields));
  }
}

std::vector<std::vector<std::string>> load_lexicon(std::string_view embedded_name, std::string_view kind) {
  std::vector<std::vector<std::string>> rows;
  for (LexiconRow& row : parse_lexicon_rows(require_embedded(embedded_name), embedded_name, kind)) {
    if (const std::string problem = row_problem(kind, row.fields); !problem.empty())
      throw ModelError(std::string(embedded_name) + ":" + std::to_string(row.line) + ": " + problem);
    rows.push_back(std::move(row.fields));
  }
  loaded_kinds().insert(std::string(kind));
  if (const auto added = user_rows().find(kind); added != user_rows().end())
    rows.insert(rows.end(), added->second.begin(), added->second.end());
  return rows;
}

namespace {

std::string with_upper_initial(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

// "Told Reporters" -> {"told", "reporters"}.
std::vector<std::string> lower_words(std::string_view phrase) {
  const std::string words = text::ascii_lower(phrase);
  std::vector<std::string> out;
  for (std::size_t start = 0; start < words.size();) {
    std::size_t end = words.find(' ', start);
    if (end == std::string::npos) end = words.size();
    out.push_back(words.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

const Titles& Titles::embedded() {
  static const Titles titles = [] {
    Titles loaded;
    for (const auto& row : load_lexicon("lexicon/titles.tsv", "titles")) {
      if (row.size() == 3) loaded.full_forms_.emplace(row[0], row[2]);
      (row[1] == "head" ? loaded.heads_ : loaded.modifiers_).insert(row[0]);
    }
    return loaded;
  }();
  return titles;
}

bool Titles::is_head(std::string_view word) const {
  const std::string form = with_upper_initial(word);
  // Plurals name several holders: "Presidents of Russia and the United States".
  return heads_.contains(form) ||
         (form.size() > 3 && form.back() == 's' && heads_.contains(form.substr(0, form.size() - 1)));
}

std::string Titles::spelled_out(std::string_view title) const {
  std::string out;
  std::size_t start = 0;
  while (start <= title.size()) {
    std::size_t end = title.find(' ', start);
    if (end == std::string_view::npos) end = title.size();
    const std::string_view word = title.substr(start, end - start);
    const auto full = full_forms_.find(word);
    if (!out.empty()) out += ' ';
    out += full == full_forms_.end() ? std::string(word) : full->second;
    start = end + 1;
  }
  return out;
}

bool Titles::is_modifier(std::string_view word) const {
  return modifiers_.contains(with_upper_initial(word));
}

std::size_t Titles::title_end(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end,
                              bool continues) const {
  std::size_t t = begin;
  std::size_t last_head_end = begin;
  while (t < end) {
    const std::string_view word = words[t];
    if (is_title_word(word)) {
      ++t;
      if (is_head(word)) last_head_end = t;
    } else if ((word == "for" || word == "of" || word == "and") && t + 1 < end &&
               is_title_word(words[t + 1]) && t > begin) {
      ++t;
    } else {
      break;
    }
  }
  if (continues) return t;
  // Past its head a title runs on only through more title words after a connector.
  if (last_head_end == begin) return begin;
  return t > last_head_end && words[last_head_end] != "and" ? t : last_head_end;
}

const Parties& Parties::embedded() {
  static const Parties parties = [] {
    Parties loaded;
    for (const auto& row : load_lexicon("lexicon/parties.tsv", "parties"))
      loaded.parties_.emplace(row[0], row[1]);
    return loaded;
  }();
  return parties;
}

std::optional<std::string> Parties::party_of(std::string_view word) const {
  const auto found = parties_.find(word);
  if (found == parties_.end()) return std::nullopt;
  return found->second;
}

const CommonWords& CommonWords::embedded() {
  static const CommonWords common = [] {
    CommonWords loaded;
    for (const auto& row : load_lexicon("lexicon/common_words.tsv", "common-words"))
      loaded.words_.insert(row[0]);
    return loaded;
  }();
  return common;
}

bool CommonWords::contains(std::string_view word) const {
  return words_.contains(text::ascii_lower(word));
}

const LowercaseWords& LowercaseWords::embedded() {
  static const LowercaseWords lowercase = [] {
    LowercaseWords loaded;
    for (const auto& row : load_lexicon("lexicon/lowercase_words.tsv", "lowercase-words"))
      loaded.words_.insert(row[0]);
    return loaded;
  }();
  return lowercase;
}

bool LowercaseWords::contains(std::string_view word) const {
  return words_.contains(text::ascii_lower(word));
}

const FirstNames& FirstNames::embedded() {
  static const FirstNames names = [] {
    FirstNames loaded;
    for (const auto& row : load_lexicon("lexicon/first_names.tsv", "first-names"))
      loaded.genders_[row[0]] = row[1] == "male" ? Gender::Male : Gender::Female;
    return loaded;
  }();
  return names;
}

Gender FirstNames::gender_of(std::string_view first_name) const {
  const auto found = genders_.find(first_name);
  return found == genders_.end() ? Gender::Unknown : found->second;
}

const MeetingTriggers& MeetingTriggers::embedded() {
  static const MeetingTriggers triggers = [] {
    MeetingTriggers loaded;
    for (const auto& row : load_lexicon("lexicon/meeting_triggers.tsv", "meeting-triggers")) {
      MeetingTrigger trigger{lower_words(row[0]), row[1] == "noun" ? TriggerKind::Noun : TriggerKind::Verb};
      loaded.by_first_word_[trigger.words.front()].push_back(trigger);
    }
    for (auto& [first, triggers] : loaded.by_first_word_)
      std::stable_sort(
          triggers.begin(), triggers.end(),
          [](const MeetingTrigger& a, const MeetingTrigger& b) { return a.words.size() > b.words.size(); });
    return loaded;
  }();
  return triggers;
}

const ReportingCues& ReportingCues::embedded() {
  static const ReportingCues cues = [] {
    ReportingCues loaded;
    for (const auto& row : load_lexicon("lexicon/reporting_cues.tsv", "reporting-cues")) {
      // row_problem has checked the kind is one of these.
      const CueKind kind = row[1] == "verb"       ? CueKind::Verb
                           : row[1] == "verb-on"  ? CueKind::VerbOn
                           : row[1] == "phrase"   ? CueKind::Phrase
                           : row[1] == "negative" ? CueKind::Negative
                           : row[1] == "source"   ? CueKind::Source
                           : row[1] == "quoting"  ? CueKind::Quoting
                                                  : CueKind::Object;
      Cue cue{lower_words(row[0]), kind};
      loaded.by_first_word_[cue.words.front()].push_back(cue);
    }
    for (auto& [first, cues] : loaded.by_first_word_)
      std::stable_sort(cues.begin(), cues.end(),
                       [](const Cue& a, const Cue& b) { return a.words.size() > b.words.size(); });
    return loaded;
  }();
  return cues;
}

namespace {

template <typename Entry>
std::span<const Entry> entries_starting(const std::map<std::string, std::vector<Entry>, std::less<>>& index,
                                        std::string_view lower_word) {
  const auto found = index.find(lower_word);
  return found == index.end() ? std::span<const Entry>() : std::span<const Entry>(found->second);
}

}  // namespace

std::span<const MeetingTrigger> MeetingTriggers::starting_with(std::string_view lower_word) const {
  return entries_starting(by_first_word_, lower_word);
}

std::span<const Cue> ReportingCues::starting_with(std::string_view lower_word) const {
  return entries_starting(by_first_word_, lower_word);
}

}  // namespace newsgraph::lexicon
