#include "newsgraph/time/expressions.hpp"
#include "newsgraph/text/words.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>

#include "newsgraph/time/calendar.hpp"

namespace newsgraph::time {
namespace {

using namespace std::string_view_literals;

// One word of a sentence as the matcher sees it. Hyphenated tokens are split into their parts
// ("mid-August" -> "mid" "August"), each with the bytes of its part, so that modifiers written
// with a hyphen match like separate words.
struct Word {
  Span span;
  std::string_view text;
  std::string lower;
  bool capitalized = false;
};

bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool has_letter(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

void append_word(std::string_view text, Span span, std::vector<Word>& words) {
  const std::string_view surface = slice(text, span);
  words.push_back(Word{span, surface, text::ascii_lower(surface), surface[0] >= 'A' && surface[0] <= 'Z'});
}

std::vector<Word> words_of(std::string_view text, const std::vector<text::Token>& tokens, std::size_t first,
                           std::size_t end) {
  std::vector<Word> words;
  words.reserve(end - first);
  for (std::size_t t = first; t < end; ++t) {
    Span span = tokens[t].span;
    // Wire copy's opening quotes "``" stay on the word they open ("``Today").
    while (span.size() > 1 && text[span.begin] == '`') ++span.begin;
    const std::string_view surface = slice(text, span);
    if (!has_letter(surface) || surface.find('-') == std::string_view::npos) {
      append_word(text, span, words);
      continue;
    }
    std::size_t begin = span.begin;
    for (std::size_t i = span.begin; i <= span.end; ++i) {
      if (i < span.end && text[i] != '-') continue;
      if (i > begin) append_word(text, Span{begin, i}, words);
      begin = i + 1;
    }
  }
  return words;
}

// ---- Vocabulary -------------------------------------------------------------------------------

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january"sv, "february"sv, "march"sv,     "april"sv,   "may"sv,      "june"sv,
    "july"sv,    "august"sv,   "september"sv, "october"sv, "november"sv, "december"sv};

struct Abbreviation {
  std::string_view word;
  int month;
};
constexpr std::array kMonthAbbreviations = {
    Abbreviation{"jan"sv, 1},  Abbreviation{"feb"sv, 2},  Abbreviation{"mar"sv, 3},
    Abbreviation{"apr"sv, 4},  Abbreviation{"jun"sv, 6},  Abbreviation{"jul"sv, 7},
    Abbreviation{"aug"sv, 8},  Abbreviation{"sep"sv, 9},  Abbreviation{"sept"sv, 9},
    Abbreviation{"oct"sv, 10}, Abbreviation{"nov"sv, 11}, Abbreviation{"dec"sv, 12}};

constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday"sv, "tuesday"sv, "wednesday"sv, "thursday"sv, "friday"sv, "saturday"sv, "sunday"sv};

constexpr std::array<std::string_view, 20> kNumberWords = {
    "zero"sv,     "one"sv,     "two"sv,     "three"sv,     "four"sv,     "five"sv,    "six"sv,
    "seven"sv,    "eight"sv,   "nine"sv,    "ten"sv,       "eleven"sv,   "twelve"sv,  "thirteen"sv,
    "fourteen"sv, "fifteen"sv, "sixteen"sv, "seventeen"sv, "eighteen"sv, "nineteen"sv};

constexpr std::array<std::string_view, 20> kOrdinalWords = {
    ""sv,          "first"sv,     "second"sv,      "third"sv,      "fourth"sv,
    "fifth"sv,     "sixth"sv,     "seventh"sv,     "eighth"sv,     "ninth"sv,
    "tenth"sv,     "eleventh"sv,  "twelfth"sv,     "thirteenth"sv, "fourteenth"sv,
    "fifteenth"sv, "sixteenth"sv, "seventeenth"sv, "eighteenth"sv, "nineteenth"sv};

// "twenties" .. "nineties": decades of the 20th century.
constexpr std::array<std::string_view, 8> kDecadeWords = {"twenties"sv, "thirties"sv, "forties"sv,
                                                          "fifties"sv,  "sixties"sv,  "seventies"sv,
                                                          "eighties"sv, "nineties"sv};

template <std::size_t N>
std::optional<int> index_in(std::string_view word, const std::array<std::string_view, N>& words) {
  const auto it = std::find(words.begin(), words.end(), word);
  if (it == words.end()) return std::nullopt;
  return static_cast<int>(it - words.begin());
}

std::optional<int> parse_int(std::string_view digits) {
  if (!is_digits(digits) || digits.size() > 6) return std::nullopt;
  int value = 0;
  for (char c : digits) value = value * 10 + (c - '0');
  return value;
}

// Words before a bare month name or a year that make it a time, not a verb or a quantity.
constexpr std::array kTimePrepositions = {
    "in"sv,     "since"sv,  "until"sv, "till"sv,    "by"sv,   "of"sv,  "from"sv,      "to"sv,   "through"sv,
    "during"sv, "before"sv, "after"sv, "between"sv, "and"sv,  "or"sv,  "early"sv,     "late"sv, "mid"sv,
    "fiscal"sv, "last"sv,   "next"sv,  "this"sv,    "that"sv, "end"sv, "throughout"sv};

// Words after a number that make it a quantity rather than a year ("2000 troops").
bool is_quantity_word(const Word& word) {
  return word.lower == "%" || word.lower == "percent" || word.lower == "people" ||
         (!word.capitalized && word.lower.size() > 3 && word.lower.back() == 's' && has_letter(word.lower) &&
          word.lower != "was" && word.lower != "has" && word.lower != "is");
}

// The parts of a day that may follow a day's name ("Monday morning"); the value stays the day.
constexpr std::array kPartsOfDay = {"morning"sv, "afternoon"sv, "evening"sv, "night"sv};

// Words that may stand before a count ("about two years ago").
constexpr std::array kHedges = {"about"sv,  "almost"sv, "nearly"sv, "some"sv,   "roughly"sv,
                                "around"sv, "over"sv,   "just"sv,   "barely"sv, "approximately"sv};

// ---- Tense markers ----------------------------------------------------------------------------

enum class Marker { None, Past, Future, Boundary };

constexpr std::array kFutureWords = {"will"sv,     "shall"sv,     "'ll"sv,      "wo"sv,      "next"sv,
                                     "upcoming"sv, "scheduled"sv, "expected"sv, "planned"sv, "plans"sv,
                                     "planning"sv, "intends"sv,   "tomorrow"sv, "coming"sv,  "due"sv,
                                     "would"sv,    "might"sv,     "soon"sv};

constexpr std::array kPastWords = {
    "was"sv,  "were"sv,   "had"sv,     "did"sv,       "said"sv,  "told"sv,    "met"sv,    "held"sv,
    "went"sv, "came"sv,   "saw"sv,     "took"sv,      "made"sv,  "gave"sv,    "began"sv,  "left"sv,
    "won"sv,  "lost"sv,   "fell"sv,    "rose"sv,      "spoke"sv, "struck"sv,  "sent"sv,   "got"sv,
    "last"sv, "ago"sv,    "earlier"sv, "yesterday"sv, "wrote"sv, "brought"sv, "bought"sv, "sold"sv,
    "paid"sv, "became"sv, "found"sv,   "put"sv,       "hit"sv,   "flew"sv,    "thought"sv};

// Participles and adjectives in -ed that say nothing about when.
constexpr std::array kNotPast = {"based"sv,     "united"sv,   "limited"sv, "related"sv, "proposed"sv,
                                 "concerned"sv, "supposed"sv, "alleged"sv, "armed"sv,   "interested"sv,
                                 "hundred"sv,   "sacred"sv,   "naked"sv};

Marker marker_of(const std::vector<Word>& words, std::size_t i) {
  const std::string& word = words[i].lower;
  if (word == ";" || word == ":" || word == "--") return Marker::Boundary;
  const bool before_to = i + 1 < words.size() && words[i + 1].lower == "to";
  if (text::is_one_of(word, kFutureWords)) return Marker::Future;
  if ((word == "going" || word == "is" || word == "are" || word == "set" || word == "plan" ||
       word == "intend") &&
      before_to)
    return Marker::Future;
  const bool past_form =
      text::is_one_of(word, kPastWords) ||
      (word.size() >= 5 && word.ends_with("ed") && !word.ends_with("eed") && !words[i].capitalized &&
       std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
       !text::is_one_of(word, kNotPast));
  // A participle after "be" ("will be held") takes its tense from the auxiliary before it.
  const bool passive = i > 0 && (words[i - 1].lower == "be" || words[i - 1].lower == "being");
  if (past_form && !passive) return Marker::Past;
  return Marker::None;
}

// The tense of the clause around each word: the nearest marker on either side within the clause
// (";", ":" and dashes bound it). A comma between counts as five words, so that "will meet on
// Friday, he said" takes the tense of "will meet"; at equal distance the left marker wins.
class TenseFinder {
 public:
  explicit TenseFinder(const std::vector<Word>& words) : tenses_(words.size(), Tense::Past) {
    const std::size_t n = words.size();
    std::vector<Marker> markers(n);
    std::vector<std::size_t> commas(n + 1, 0);  // commas before word i
    for (std::size_t i = 0; i < n; ++i) {
      markers[i] = marker_of(words, i);
      commas[i + 1] = commas[i] + (words[i].lower == "," ? 1 : 0);
    }
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> left(n, kNone), right(n, kNone);
    for (std::size_t i = 1, last = kNone; i < n; ++i) {
      if (markers[i - 1] == Marker::Boundary)
        last = kNone;
      else if (markers[i - 1] != Marker::None)
        last = i - 1;
      left[i] = last;
    }
    for (std::size_t i = n, next = kNone; i-- > 0;) {
      right[i] = next;
      if (markers[i] == Marker::Boundary)
        next = kNone;
      else if (markers[i] != Marker::None)
        next = i;
    }
    auto tense_of = [&](std::size_t at) { return markers[at] == Marker::Past ? Tense::Past : Tense::Future; };
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t left_cost =
          left[i] == kNone ? kNone : i - left[i] + 5 * (commas[i] - commas[left[i]]);
      const std::size_t right_cost =
          right[i] == kNone ? kNone : right[i] - i + 5 * (commas[right[i]] - commas[i]);
      if (left_cost == kNone && right_cost == kNone) continue;
      tenses_[i] = left_cost <= right_cost ? tense_of(left[i]) : tense_of(right[i]);
    }
  }

  Tense at(std::size_t i) const { return tenses_[i]; }

 private:
  std::vector<Tense> tenses_;
};

// ---- Resolution against the document date -------------------------------------------------------

// Which occurrence of a named day, month or season: the tense's (on or before / on or after the
// document date), or strictly before or after it ("last", "next").
enum class Direction { Tense, Last, Next, This };

int month_index(int year, int month) {
  return year * 12 + month - 1;
}

// Chooses between the last occurrence of a named time on or before the document date, `back` units
// before it, and the next one on or after it, `ahead` units after it. The tense decides, unless its
// choice lies more than `limit` units away and the other is nearer: writers name the year of a date
// that far off, so a bare "Nov. 17" in late October is the coming one whatever the tense finder says.
bool choose_future(long back, long ahead, Tense tense, long limit) {
  const bool future = tense == Tense::Future;
  const long chosen = future ? ahead : back;
  const long other = future ? back : ahead;
  return chosen > limit && other < chosen ? !future : future;
}

std::string resolve_weekday(const Date& anchor, int day, Direction direction, Tense tense) {
  const int today = weekday(anchor);
  const int back = (today - day + 7) % 7;  // days back to the last such weekday, 0 if today
  const int ahead = (day - today + 7) % 7;
  long offset = 0;
  switch (direction) {
    case Direction::Last: offset = -(back == 0 ? 7 : back); break;
    case Direction::Next: offset = ahead == 0 ? 7 : ahead; break;
    case Direction::Tense:
    case Direction::This: offset = tense == Tense::Future ? ahead : -back; break;
  }
  return format_date(add_days(anchor, offset));
}

int resolve_month_year(const Date& anchor, int month, Direction direction, Tense tense) {
  switch (direction) {
    case Direction::Last: return month < anchor.month ? anchor.year : anchor.year - 1;
    case Direction::Next: return month > anchor.month ? anchor.year : anchor.year + 1;
    case Direction::This: return anchor.year;
    case Direction::Tense: break;
  }
  const int back = (anchor.month - month + 12) % 12;
  const int ahead = (month - anchor.month + 12) % 12;
  if (choose_future(back, ahead, tense, 8)) return month >= anchor.month ? anchor.year : anchor.year + 1;
  return month <= anchor.month ? anchor.year : anchor.year - 1;
}

// The year of a month and day given without one; a weekday given with them settles a doubt.
int resolve_day_year(const Date& anchor, int month, int day, Direction direction, Tense tense,
                     std::optional<int> named_weekday) {
  auto date_in = [&](int year) { return Date{year, month, std::min(day, days_in_month(year, month))}; };
  const int past = date_in(anchor.year) <= anchor ? anchor.year : anchor.year - 1;
  const int future = date_in(anchor.year) >= anchor ? anchor.year : anchor.year + 1;
  const long back = days_from_civil(anchor) - days_from_civil(date_in(past));
  const long ahead = days_from_civil(date_in(future)) - days_from_civil(anchor);
  int year = past;
  if (direction == Direction::Next) {
    year = future;
  } else if (direction != Direction::Last) {
    year = choose_future(back, ahead, tense, 270) ? future : past;
  }
  if (named_weekday && day <= days_in_month(year, month) &&
      weekday(Date{year, month, day}) != *named_weekday) {
    const int other = year == past ? future : past;
    if (day <= days_in_month(other, month) && weekday(Date{other, month, day}) == *named_weekday)
      return other;
  }
  return year;
}

// The date of a holiday that falls every year: Christmas and New Year on fixed days, Thanksgiving
// (US) on the fourth Thursday of November.
enum class Holiday { ChristmasEve, Christmas, NewYearsEve, NewYearsDay, Thanksgiving };

Date holiday_in(Holiday holiday, int year) {
  switch (holiday) {
    case Holiday::ChristmasEve: return Date{year, 12, 24};
    case Holiday::Christmas: return Date{year, 12, 25};
    case Holiday::NewYearsEve: return Date{year, 12, 31};
    case Holiday::NewYearsDay: return Date{year, 1, 1};
    case Holiday::Thanksgiving: break;
  }
  const Date first{year, 11, 1};
  return add_days(first, (3 - weekday(first) + 7) % 7 + 21);
}

Date resolve_holiday(const Date& anchor, Holiday holiday, Direction direction, Tense tense) {
  const Date past =
      holiday_in(holiday, holiday_in(holiday, anchor.year) <= anchor ? anchor.year : anchor.year - 1);
  const Date future =
      holiday_in(holiday, holiday_in(holiday, anchor.year) >= anchor ? anchor.year : anchor.year + 1);
  switch (direction) {
    case Direction::Last: return past == anchor ? holiday_in(holiday, anchor.year - 1) : past;
    case Direction::Next: return future == anchor ? holiday_in(holiday, anchor.year + 1) : future;
    case Direction::This: return holiday_in(holiday, anchor.year);
    case Direction::Tense: break;
  }
  const long back = days_from_civil(anchor) - days_from_civil(past);
  const long ahead = days_from_civil(future) - days_from_civil(anchor);
  return choose_future(back, ahead, tense, 270) ? future : past;
}

constexpr std::array<std::string_view, 4> kSeasonCodes = {"SP"sv, "SU"sv, "FA"sv, "WI"sv};

// Seasons start in March, June, September and December; a winter belongs to the year of its December.
std::string resolve_season(const Date& anchor, int season, Direction direction, Tense tense) {
  const int now = month_index(anchor.year, anchor.month);
  auto start = [&](int year) { return month_index(year, 3 + 3 * season); };
  int year = anchor.month < 3 && season == 3 ? anchor.year - 1 : anchor.year;
  switch (direction) {
    case Direction::This: break;
    case Direction::Last:
      year = anchor.year + 1;
      while (start(year) + 3 > now) --year;
      break;
    case Direction::Next:
      year = anchor.year - 1;
      while (start(year) <= now) ++year;
      break;
    case Direction::Tense:
      if (tense == Tense::Future) {
        year = anchor.year - 1;
        while (start(year) + 3 <= now) ++year;
      } else {
        year = anchor.year + 1;
        while (start(year) > now) --year;
      }
      break;
  }
  return format_year(year) + "-" + std::string(kSeasonCodes[season]);
}

// The year of a quarter (1..4) or half (1..2) given without one: the one under way or last begun
// in the past, the one under way or next in the future (with choose_future's limit of half a year).
int resolve_part_year(const Date& anchor, int part, int parts_per_year, Tense tense) {
  const int current = (anchor.month - 1) * parts_per_year / 12 + 1;
  const int back = (current - part + parts_per_year) % parts_per_year;
  const int ahead = (part - current + parts_per_year) % parts_per_year;
  if (choose_future(back, ahead, tense, parts_per_year / 2))
    return part >= current ? anchor.year : anchor.year + 1;
  return part <= current ? anchor.year : anchor.year - 1;
}

std::string format_part(int year, char kind, int part) {
  return format_year(year) + "-" + kind + std::to_string(part);
}

// ---- The matcher --------------------------------------------------------------------------------

struct Match {
  std::size_t end = 0;  // one past the last word
  std::optional<std::string> value;
};

// A hand-written matcher over the words of one sentence. Each pattern looks at word i and returns
// the longest expression it can read there; match() takes the longest of all.
class Matcher {
 public:
  Matcher(const std::vector<Word>& words, std::optional<Date> anchor) : words_(words), anchor_(anchor) {}

  std::optional<Match> match(std::size_t i, Tense tense) const {
    std::optional<Match> best;
    auto consider = [&](std::optional<Match> candidate) {
      if (candidate && (!best || candidate->end > best->end)) best = std::move(candidate);
    };
    const std::size_t core = skip_modifiers(i);
    for (std::size_t start : {core, i}) {
      consider(match_unpinned(start));
      consider(match_deictic_day(start));
      consider(match_ago(start));
      consider(match_relative_unit(start, tense));
      consider(match_weekday(start, tense));
      consider(match_date(start, tense, start != i));
      consider(match_year(start, start != i));
      consider(match_season(start, tense));
      consider(match_part_of_year(start, tense));
      consider(match_holiday(start, tense));
      if (core == i) break;
    }
    return best;
  }

 private:
  const Word* at(std::size_t i) const { return i < words_.size() ? &words_[i] : nullptr; }
  bool is(std::size_t i, std::string_view lower) const {
    return i < words_.size() && words_[i].lower == lower;
  }
  template <std::size_t N>
  bool is_any(std::size_t i, const std::array<std::string_view, N>& set) const {
    return i < words_.size() && text::is_one_of(words_[i].lower, set);
  }
  const std::string* previous_lower(std::size_t i) const { return i > 0 ? &words_[i - 1].lower : nullptr; }

  // "early", "late", "mid", "earlier", "later", "the end of", "the beginning of", "the middle of":
  // they narrow a time without changing the unit its value is given in.
  std::size_t skip_modifiers(std::size_t i) const {
    std::size_t j = i;
    if (is(j, "the") &&
        (is(j + 1, "end") || is(j + 1, "beginning") || is(j + 1, "start") || is(j + 1, "middle") ||
         is(j + 1, "turn")) &&
        is(j + 2, "of"))
      return j + 3;
    if (is(j, "the") && (is(j + 1, "early") || is(j + 1, "late") || is(j + 1, "mid"))) return j + 2;
    if (is(j, "early") || is(j, "late") || is(j, "mid")) return j + 1;
    // "earlier this month", but not the "year-earlier" of "the year-earlier quarter".
    if ((is(j, "earlier") || is(j, "later")) && !(j > 0 && words_[j - 1].lower == "year")) return j + 1;
    return j;
  }

  std::optional<int> month_at(std::size_t i) const {
    const Word* word = at(i);
    if (!word || !word->capitalized) return std::nullopt;
    if (const auto month = index_in(word->lower, kMonthNames)) return *month + 1;
    std::string_view stem = word->lower;
    const bool period = stem.ends_with('.');
    if (period) stem.remove_suffix(1);
    for (const auto& abbreviation : kMonthAbbreviations)
      if (stem == abbreviation.word && (period || stem.size() == 4 || is_day(i + 1)))
        return abbreviation.month;
    return std::nullopt;
  }

  std::optional<int> weekday_at(std::size_t i) const {
    const Word* word = at(i);
    if (!word || !word->capitalized) return std::nullopt;
    return index_in(word->lower, kWeekdayNames);
  }

  // 1..31 in digits ("12", "12th") or as an ordinal word ("twelfth", "twenty" "first").
  std::optional<std::pair<int, std::size_t>> day_at(std::size_t i) const {
    const Word* word = at(i);
    if (!word) return std::nullopt;
    std::string_view digits = word->lower;
    for (std::string_view suffix : {"st"sv, "nd"sv, "rd"sv, "th"sv})
      if (digits.size() > 2 && digits.ends_with(suffix)) digits.remove_suffix(2);
    if (const auto day = parse_int(digits); day && digits.size() <= 2 && *day >= 1 && *day <= 31)
      return std::pair{*day, i + 1};
    if (const auto ordinal = index_in(word->lower, kOrdinalWords); ordinal && *ordinal > 0)
      return std::pair{*ordinal, i + 1};
    if (word->lower == "twentieth") return std::pair{20, i + 1};
    if (word->lower == "thirtieth") return std::pair{30, i + 1};
    if ((word->lower == "twenty" || word->lower == "thirty") && at(i + 1)) {
      const auto unit = index_in(words_[i + 1].lower, kOrdinalWords);
      const int tens = word->lower == "twenty" ? 20 : 30;
      if (unit && *unit >= 1 && *unit <= 9 && tens + *unit <= 31) return std::pair{tens + *unit, i + 2};
    }
    return std::nullopt;
  }
  bool is_day(std::size_t i) const { return day_at(i).has_value(); }

  // A four-digit year 1000..2099.
  std::optional<int> year_at(std::size_t i) const {
    const Word* word = at(i);
    if (!word || word->lower.size() != 4) return std::nullopt;
    const auto year = parse_int(word->lower);
    if (!year || *year < 1000 || *year > 2099) return std::nullopt;
    return year;
  }

  std::optional<int> count_at(std::size_t i) const {
    const Word* word = at(i);
    if (!word) return std::nullopt;
    if (word->lower == "a" || word->lower == "an") return 1;
    if (const auto number = index_in(word->lower, kNumberWords)) return number;
    if (const auto number = parse_int(word->lower); number && word->lower.size() <= 3) return number;
    return std::nullopt;
  }

  // "day(s)", "week(s)", "month(s)", "year(s)", "decade(s)" -> 'D', 'W', 'M', 'Y', 'E'.
  static std::optional<char> unit_of(std::string_view word) {
    if (word.ends_with('s')) word.remove_suffix(1);
    if (word == "day") return 'D';
    if (word == "week") return 'W';
    if (word == "month") return 'M';
    if (word == "year") return 'Y';
    if (word == "decade") return 'E';
    return std::nullopt;
  }

  std::optional<std::string> shifted(char unit, int amount) const {
    if (!anchor_) return std::nullopt;
    const Date& a = *anchor_;
    switch (unit) {
      case 'D': return format_date(add_days(a, amount));
      case 'W': return format_week(iso_week(add_days(a, 7L * amount)));
      case 'M': {
        const int index = month_index(a.year, a.month) + amount;
        return format_month(index / 12, index % 12 + 1);
      }
      case 'Y': return format_year(a.year + amount);
      default: return std::nullopt;
    }
  }

  // "now", "recently", "soon", "the past", "the future", "these days": times the text does not pin down.
  std::optional<Match> match_unpinned(std::size_t i) const {
    static constexpr std::array kSingle = {"now"sv,      "currently"sv, "recently"sv, "soon"sv,
                                           "nowadays"sv, "presently"sv, "lately"sv};
    // "now that" and "as soon as" are conjunctions.
    if (is_any(i, kSingle) && !(is(i, "now") && is(i + 1, "that")) && !(is(i, "soon") && is(i + 1, "as")))
      return Match{i + 1, std::nullopt};
    if (is(i, "these") && is(i + 1, "days")) return Match{i + 2, std::nullopt};
    if (is(i, "at") && is(i + 1, "present")) return Match{i + 2, std::nullopt};
    if (is(i, "recent") && is(i + 1, "years")) return Match{i + 2, std::nullopt};
    if (is(i, "the") &&
        (is(i + 1, "future") ||
         (is(i + 1, "past") && !unit_of(at(i + 2) ? words_[i + 2].lower : "") && !count_at(i + 2)))) {
      return Match{i + 2, std::nullopt};
    }
    if (is(i, "the") && is(i + 1, "near") && is(i + 2, "future")) return Match{i + 3, std::nullopt};
    return std::nullopt;
  }

  // "yesterday", "today", "tomorrow", "tonight", "last night", "this morning", with a part of day.
  std::optional<Match> match_deictic_day(std::size_t i) const {
    int offset = 0;
    std::size_t end = i + 1;
    if (is(i, "yesterday")) {
      offset = -1;
    } else if (is(i, "today") || is(i, "tonight")) {
      offset = 0;
    } else if (is(i, "tomorrow")) {
      offset = 1;
    } else if (is(i, "last") && is(i + 1, "night")) {
      offset = -1;
      end = i + 2;
    } else if (is(i, "this") && is_any(i + 1, kPartsOfDay)) {
      end = i + 2;
    } else {
      return std::nullopt;
    }
    if (end == i + 1 && is_any(end, kPartsOfDay)) ++end;
    return Match{end, shifted('D', offset)};
  }

  // "two years ago", "a week ago", "three days ago"; "a few years ago" and hedged counts are unpinned.
  std::optional<Match> match_ago(std::size_t i) const {
    std::size_t j = i;
    // A hedge keeps the unit's precision: "almost four years ago" is still in the year four years back.
    if (is_any(j, kHedges) || (is(j, "more") && is(j + 1, "than"))) j += is(j, "more") ? 2 : 1;
    std::optional<int> count = count_at(j);
    if (is(j, "a") && is(j + 1, "few")) {
      count.reset();
      j += 2;
    } else if (is(j, "several") || is(j, "many") || is(j, "few")) {
      j += 1;
    } else if (count) {
      j += 1;
    } else {
      return std::nullopt;
    }
    const Word* unit_word = at(j);
    const auto unit = unit_word ? unit_of(unit_word->lower) : std::nullopt;
    if (!unit || !is(j + 1, "ago")) return std::nullopt;
    return Match{j + 2, count ? shifted(*unit, -*count) : std::nullopt};
  }

  // "last week", "this month", "next year", "earlier this month", "last quarter", "this weekend",
  // "the latest quarter".
  std::optional<Match> match_relative_unit(std::size_t i, Tense tense) const {
    int amount = 0;
    std::size_t j = i;
    if (is(j, "last") || is(j, "past")) {
      amount = -1;
    } else if (is(j, "next") || is(j, "coming")) {
      amount = 1;
    } else if (is(j, "this") || is(j, "current")) {
      amount = 0;
    } else if (is(j, "the") && (is(j + 1, "latest") || (is(j + 1, "most") && is(j + 2, "recent")))) {
      if (!is(j + (is(j + 1, "most") ? 3 : 2), "quarter")) return std::nullopt;
      amount = -1;
      j += is(j + 1, "most") ? 2 : 1;
    } else if (is(j, "the") && is(j + 1, "weekend")) {
      // The weekend under way counts as "the weekend" either way; otherwise the last one or the next.
      const bool on_weekend = anchor_ && weekday(*anchor_) >= 5;
      return Match{j + 2, weekend(on_weekend || tense == Tense::Future ? 0 : -1)};
    } else {
      return std::nullopt;
    }
    ++j;
    if (is(j, "weekend")) {
      // "next weekend" said on a weekday is the coming one.
      const bool weekday_now = anchor_ && weekday(*anchor_) < 5;
      return Match{j + 1, weekend(amount > 0 && weekday_now ? 0 : amount)};
    }
    if (is(j, "quarter")) {
      if (!anchor_) return Match{j + 1, std::nullopt};
      const int index = anchor_->year * 4 + (anchor_->month - 1) / 3 + amount;
      return Match{j + 1, format_part(index / 4, 'Q', index % 4 + 1)};
    }
    const Word* unit_word = at(j);
    if (!unit_word || unit_word->lower.ends_with('s')) return std::nullopt;
    const auto unit = unit_of(unit_word->lower);
    if (!unit || *unit == 'D' || *unit == 'E') return std::nullopt;
    // "the past year" and "the coming months" are spans of time, not calendar periods.
    if ((words_[i].lower == "past" || words_[i].lower == "coming") && i > 0 && words_[i - 1].lower == "the")
      return std::nullopt;
    return Match{j + 1, shifted(*unit, amount)};
  }

  // The weekend `weeks` ISO weeks from the document date's.
  std::optional<std::string> weekend(int weeks) const {
    if (!anchor_) return std::nullopt;
    return format_week(iso_week(add_days(*anchor_, 7L * weeks))) + "-WE";
  }

  // "Friday", "last Friday", "next Friday", "Friday, August 12", "Monday morning".
  std::optional<Match> match_weekday(std::size_t i, Tense tense) const {
    std::size_t j = i;
    const Direction direction = direction_at(j);
    const auto day = weekday_at(j);
    if (!day) return std::nullopt;
    ++j;
    // A date after the weekday pins the day down by itself.
    std::size_t k = is(j, ",") ? j + 1 : j;
    if (auto date = match_date(k, tense, true, day)) {
      if (date->value && date->value->size() == 10) return date;
    }
    if (is_any(j, kPartsOfDay)) ++j;
    if (!anchor_) return Match{j, std::nullopt};
    return Match{j, resolve_weekday(*anchor_, *day, direction, tense)};
  }

  // Consumes "last", "next", "this", "this past", "this coming", "coming", "past" before a named
  // day, month or season.
  Direction direction_at(std::size_t& j) const {
    if (is(j, "last") || (is(j, "this") && is(j + 1, "past"))) {
      j += is(j, "this") ? 2 : 1;
      return Direction::Last;
    }
    if (is(j, "next") || (is(j, "this") && is(j + 1, "coming")) || is(j, "coming")) {
      j += is(j, "this") ? 2 : 1;
      return Direction::Next;
    }
    if (is(j, "this")) {
      ++j;
      return Direction::This;
    }
    return Direction::Tense;
  }

  // "August 12", "Aug. 12, 2011", "12 August 2011", "the 12th of August", "July 2009", "July",
  // "2011-08-12". `modified`: an "early"/"late"/"mid" or a weekday stands before it.
  std::optional<Match> match_date(std::size_t i, Tense tense, bool modified,
                                  std::optional<int> named_weekday = std::nullopt) const {
    if (const Word* word = at(i); word && word->lower.size() == 10)
      if (const auto date = parse_date(word->lower)) return Match{i + 1, format_date(*date)};
    std::size_t j = i;
    const Direction direction = named_weekday ? Direction::Tense : direction_at(j);
    int month = 0, day = 0;
    std::size_t end = 0;
    const bool article = is(j, "the");
    if (const auto named = month_at(j)) {
      // "August 12", "August"
      month = *named;
      end = j + 1;
      if (const auto day_end = day_at(j + 1); day_end && !year_at(j + 1)) {
        day = day_end->first;
        end = day_end->second;
      }
    } else if (const auto day_end = day_at(article ? j + 1 : j)) {
      // "12 August", "the 12th of August"
      const std::size_t month_word = is(day_end->second, "of") ? day_end->second + 1 : day_end->second;
      const auto named_after = month_at(month_word);
      if (!named_after || (article && month_word == day_end->second)) return std::nullopt;
      month = *named_after;
      day = day_end->first;
      end = month_word + 1;
    } else {
      return std::nullopt;
    }

    // A year after it: "August 12, 2011", "July 2009", "July of 2009".
    std::size_t year_word = is(end, ",") || (day == 0 && is(end, "of")) ? end + 1 : end;
    if (const auto year = year_at(year_word)) {
      if (day == 0) return Match{year_word + 1, format_month(*year, month)};
      if (day > days_in_month(*year, month)) return std::nullopt;
      return Match{year_word + 1, format_date(Date{*year, month, day})};
    }
    if (day == 0) {
      // A month alone. "May" and "March" are also a verb and a noun: take them only where a time
      // word stands before them.
      const std::string* previous = previous_lower(j);
      if ((month == 3 || month == 5) && !modified && j == i &&
          !(previous && text::is_one_of(*previous, kTimePrepositions)))
        return std::nullopt;
      if (!anchor_) return Match{end, std::nullopt};
      return Match{end, format_month(resolve_month_year(*anchor_, month, direction, tense), month)};
    }
    if (day > days_in_month(2000, month)) return std::nullopt;
    if (!anchor_) return Match{end, std::nullopt};
    const int year = resolve_day_year(*anchor_, month, day, direction, tense, named_weekday);
    if (day > days_in_month(year, month)) return std::nullopt;
    return Match{end, format_date(Date{year, month, day})};
  }

  // "2009", "fiscal 1989", "the 1990s", "'90s", "the nineties", "the 20th century", "this century".
  std::optional<Match> match_year(std::size_t i, bool modified) const {
    std::size_t j = is(i, "the") ? i + 1 : i;
    if (const Word* word = at(j)) {
      std::string_view decade = word->lower;
      // "'90s" is a decade, "his 30s" an age.
      const bool apostrophe = decade.starts_with('\'');
      if (apostrophe) decade.remove_prefix(1);
      if (decade.ends_with("'s")) decade.remove_suffix(2);
      if (decade.ends_with('s')) {
        decade.remove_suffix(1);
        if (decade.size() == 4 && is_digits(decade) && decade.back() == '0' && decade >= "1000" &&
            decade < "2100")
          return Match{j + 1, std::string(decade.substr(0, 3))};
        if (apostrophe && decade.size() == 2 && is_digits(decade) && decade.back() == '0')
          return Match{j + 1, "19" + std::string(decade.substr(0, 1))};
      }
      if (const auto index = index_in(word->lower, kDecadeWords); index && j > i)
        return Match{j + 1, "19" + std::to_string(*index + 2)};
      if (is(j + 1, "century")) {
        std::string_view ordinal = word->lower;
        if (ordinal.size() > 2) ordinal.remove_suffix(2);
        auto century = parse_int(ordinal);
        if (!century) {
          if (word->lower == "twentieth") century = 20;
          if (word->lower == "nineteenth") century = 19;
          if (word->lower == "eighteenth") century = 18;
          if (word->lower == "twenty" && is(j + 1, "first")) century = 21;
        }
        if (century && *century >= 1 && *century <= 21 && j > i)
          return Match{j + 2, std::to_string(*century - 1)};
      }
    }
    if (is(i, "this") && is(i + 1, "century"))
      return Match{i + 2, anchor_ ? std::optional(std::to_string(anchor_->year / 100)) : std::nullopt};

    j = is(i, "fiscal") ? i + 1 : i;
    const auto year = year_at(j);
    if (!year) return std::nullopt;
    // A bare number is a year where a time word stands before it, or where it stands alone and
    // is not counting something ("2000 troops") or money.
    const std::string* previous = previous_lower(i);
    const bool introduced = modified || j > i || (previous && text::is_one_of(*previous, kTimePrepositions));
    if (!introduced) {
      if (previous && (*previous == "$" || *previous == "no." || *previous == "number" ||
                       *previous == "than" || text::is_one_of(*previous, kHedges)))
        return std::nullopt;
      if (const Word* next = at(j + 1); next && is_quantity_word(*next)) return std::nullopt;
      if (*year < 1900) return std::nullopt;
    }
    return Match{j + 1, format_year(*year)};
  }

  // "this summer", "last fall", "the summer of 2009", "spring 2010".
  std::optional<Match> match_season(std::size_t i, Tense tense) const {
    std::size_t j = i;
    const bool article = is(j, "the");
    if (article) ++j;
    const Direction direction = article ? Direction::Tense : direction_at(j);
    const Word* word = at(j);
    if (!word) return std::nullopt;
    int season = -1;
    if (word->lower == "spring") season = 0;
    if (word->lower == "summer") season = 1;
    if (word->lower == "fall" || word->lower == "autumn") season = 2;
    if (word->lower == "winter") season = 3;
    if (season < 0) return std::nullopt;
    const std::size_t year_word = is(j + 1, "of") ? j + 2 : j + 1;
    if (const auto year = year_at(year_word))
      return Match{year_word + 1, format_year(*year) + "-" + std::string(kSeasonCodes[season])};
    // "the fall of the Berlin Wall"; a bare "spring" is a spring of water as often as a season.
    if (is(j + 1, "of") || (direction == Direction::Tense && !article)) return std::nullopt;
    if (!anchor_) return Match{j + 1, std::nullopt};
    return Match{j + 1, resolve_season(*anchor_, season, direction, tense)};
  }

  // "the third quarter", "third-quarter", "the first quarter of 1990", "the 1988 third quarter",
  // "the first half", "fiscal 1989's second half".
  std::optional<Match> match_part_of_year(std::size_t i, Tense tense) const {
    std::size_t j = is(i, "the") ? i + 1 : i;
    // "the year-earlier third quarter": the same quarter a year before.
    const bool year_before = is(j, "year") && (is(j + 1, "earlier") || is(j + 1, "ago"));
    if (year_before) j += 2;
    std::optional<int> year;
    if (is(j, "fiscal")) ++j;
    if ((year = year_at(j))) ++j;
    const Word* word = at(j);
    if (!word) return std::nullopt;
    auto part = index_in(word->lower, kOrdinalWords);
    if (!part) {
      static constexpr std::array kNumbered = {"1st"sv, "2nd"sv, "3rd"sv, "4th"sv};
      if (const auto numbered = index_in(word->lower, kNumbered)) part = *numbered + 1;
    }
    if (!part || *part < 1) return std::nullopt;
    char kind = 0;
    if (is(j + 1, "quarter") && *part <= 4) kind = 'Q';
    if (is(j + 1, "half") && *part <= 2) kind = 'H';
    if (!kind) return std::nullopt;
    std::size_t end = j + 2;
    if (!year) {
      const std::size_t year_word = is(end, "of") ? end + 1 : end;
      if ((year = year_at(year_word))) end = year_word + 1;
    }
    if (!year && anchor_) year = resolve_part_year(*anchor_, *part, kind == 'Q' ? 4 : 2, tense);
    if (!year) return Match{end, std::nullopt};
    return Match{end, format_part(*year - (year_before ? 1 : 0), kind, *part)};
  }

  // "Christmas", "Christmas Eve", "New Year's Day", "last Thanksgiving", "Thanksgiving Day".
  std::optional<Match> match_holiday(std::size_t i, Tense tense) const {
    std::size_t j = i;
    const Direction direction = direction_at(j);
    const Word* word = at(j);
    if (!word || !word->capitalized) return std::nullopt;
    Holiday holiday;
    std::size_t end = j + 1;
    if (word->lower == "christmas") {
      holiday = is(end, "eve") ? Holiday::ChristmasEve : Holiday::Christmas;
      if (is(end, "eve") || is(end, "day")) ++end;
    } else if (word->lower == "thanksgiving") {
      holiday = Holiday::Thanksgiving;
      if (is(end, "day")) ++end;
    } else if (word->lower == "new" && is(j + 1, "year") && is(j + 2, "'s") &&
               (is(j + 3, "day") || is(j + 3, "eve"))) {
      holiday = is(j + 3, "day") ? Holiday::NewYearsDay : Holiday::NewYearsEve;
      end = j + 4;
    } else {
      return std::nullopt;
    }
    if (!anchor_) return Match{end, std::nullopt};
    return Match{end, format_date(resolve_holiday(*anchor_, holiday, direction, tense))};
  }

  const std::vector<Word>& words_;
  std::optional<Date> anchor_;
};

std::optional<Date> anchor_of(std::optional<std::string_view> date) {
  if (!date) return std::nullopt;
  return parse_date(*date);
}

}  // namespace

std::vector<TimeExpression> find_time_expressions(const Document& document, const text::Segments& segments) {
  const std::optional<Date> anchor = anchor_of(document.date);
  std::vector<TimeExpression> expressions;
  for (std::size_t s = 0; s < segments.sentences.size(); ++s) {
    const text::Sentence& sentence = segments.sentences[s];
    const std::vector<Word> words =
        words_of(document.text, segments.tokens, sentence.first_token, sentence.end_token);
    const TenseFinder tenses(words);
    const Matcher matcher(words, anchor);
    for (std::size_t i = 0; i < words.size();) {
      const Tense tense = tenses.at(i);
      const auto match = matcher.match(i, tense);
      if (!match) {
        ++i;
        continue;
      }
      expressions.push_back(
          TimeExpression{Span{words[i].span.begin, words[match->end - 1].span.end}, s, match->value});
      i = match->end;
    }
  }
  return expressions;
}

std::optional<std::string> normalize_time_expression(std::string_view expression,
                                                     std::optional<std::string_view> document_date,
                                                     Tense tense) {
  Document document;
  document.text = std::string(expression);
  const text::Segments segments = text::segment(document);
  const std::vector<Word> words = words_of(document.text, segments.tokens, 0, segments.tokens.size());
  if (words.empty()) return std::nullopt;
  const auto match = Matcher(words, anchor_of(document_date)).match(0, tense);
  if (!match || match->end != words.size()) return std::nullopt;
  return match->value;
}

std::optional<std::string> calendar_date(std::string_view value) {
  const bool digits_only = is_digits(value.substr(0, 4));
  if (value.size() == 4 && digits_only) return std::string(value);
  if (value.size() == 7 && digits_only && value[4] == '-' && is_digits(value.substr(5)))
    return std::string(value);
  if (parse_date(value)) return std::string(value);
  if (value.size() < 7 || !digits_only || value[4] != '-') return std::nullopt;
  const std::string year(value.substr(0, 4));
  const char kind = value[5];
  if ((kind == 'Q' || kind == 'H') && value.size() == 7) return year;
  if (value.size() == 7 && (value.substr(5) == "SP" || value.substr(5) == "SU" || value.substr(5) == "FA"))
    return year;
  if (kind == 'W' && value.size() >= 8) {
    const auto week = parse_int(value.substr(6, 2));
    if (!week || *week < 1 || *week > 53) return std::nullopt;
    // Monday of ISO week 1 is the Monday on or before January 4.
    const Date january_4{std::atoi(year.c_str()), 1, 4};
    const Date monday = add_days(january_4, -weekday(january_4) + 7L * (*week - 1));
    const bool weekend = value.ends_with("-WE");
    const Date first = weekend ? add_days(monday, 5) : monday;
    const Date last = add_days(monday, 6);
    if (first.year != last.year) return std::nullopt;
    if (first.month == last.month) return format_month(first.year, first.month);
    return format_year(first.year);
  }
  return std::nullopt;
}

}  // namespace newsgraph::time
