// Lexicon files: small tab-separated word lists kept beside the code that uses them and embedded in the
// binary. The first line names the format and version ("# newsgraph-lexicon 1 titles"); other lines
// starting with '#' are comments; blank lines are skipped. Parsing is a pure function of the bytes.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::lexicon {

// The rows of an embedded lexicon, each split at tabs. Throws ModelError if the file is not embedded
// or its header is not "# newsgraph-lexicon 1 <kind>".
std::vector<std::vector<std::string>> load_lexicon(std::string_view embedded_name, std::string_view kind);

// A user's own rows for a built-in lexicon, given with `newsgraph build --lexicon FILE`: a file of the
// same form as the built-in one, whose header names which ("# newsgraph-lexicon 1 titles",
// "reporting-cues", "meeting-triggers", "parties" or "first-names"). The rows join the built-in ones when
// that lexicon is first used, so this must be called first, from one thread. Throws InputError naming the
// file and line of a bad header or row, and Error when the lexicon is already in use.
void add_user_lexicon(std::string_view bytes, std::string_view origin);

// The same for lexicon text read from elsewhere (a user's file); `origin` names it in messages.
std::vector<std::vector<std::string>> parse_lexicon(std::string_view bytes, std::string_view origin,
                                                    std::string_view kind);

// A row with the number of its line, for messages about the row.
struct LexiconRow {
  std::size_t line = 0;
  std::vector<std::string> fields;
};
std::vector<LexiconRow> parse_lexicon_rows(std::string_view bytes, std::string_view origin,
                                           std::string_view kind);

// The title lexicon (lexicon/titles.tsv), loaded once.
class Titles {
 public:
  static const Titles& embedded();
  // Whole-word lookups; the first letter may be either case ("president", "President").
  bool is_head(std::string_view word) const;
  bool is_modifier(std::string_view word) const;
  bool is_title_word(std::string_view word) const { return is_head(word) || is_modifier(word); }
  // The title with its abbreviated words written out: "Gov." -> "Governor".
  std::string spelled_out(std::string_view title) const;

  // The end of the title that starts at words[begin] and ends at a head word ("Deputy Foreign
  // Minister", "Under Secretary for Arms Control and International Security": modifiers may follow
  // a head through "for", "of" or "and"), or `begin` when none starts there. With `continues`, the
  // words carry on a title begun before them and need no head of their own. Looks no further than `end`.
  std::size_t title_end(const std::vector<std::string_view>& words, std::size_t begin, std::size_t end,
                        bool continues = false) const;

 private:
  std::set<std::string, std::less<>> heads_, modifiers_;
  std::map<std::string, std::string, std::less<>> full_forms_;
};

// How a cue attributes (see reporting_cues.tsv): Quoting cues ("continued", "concluded") report a
// quotation or a "that" clause only, not an object ("continued their talks").
enum class CueKind { Verb, VerbOn, Phrase, Negative, Source, Object, Quoting };

struct Cue {
  std::vector<std::string> words;  // lower case
  CueKind kind = CueKind::Verb;
};

// The party lexicon (lexicon/parties.tsv), loaded once: "Republican" -> "Republican Party".
class Parties {
 public:
  static const Parties& embedded();
  std::optional<std::string> party_of(std::string_view word) const;

 private:
  std::map<std::string, std::string, std::less<>> parties_;
};

// The common-word lexicon (lexicon/common_words.tsv), loaded once.
class CommonWords {
 public:
  static const CommonWords& embedded();
  // Whether the word, in lower case, is a common English word.
  bool contains(std::string_view word) const;

 private:
  std::set<std::string, std::less<>> words_;
};

// The lowercase-word lexicon (lexicon/lowercase_words.tsv), loaded once: words news writes in lower
// case often enough to be ordinary English words, however often they are also capitalised.
class LowercaseWords {
 public:
  static const LowercaseWords& embedded();
  // Whether the word, in lower case, is one.
  bool contains(std::string_view word) const;

 private:
  std::set<std::string, std::less<>> words_;
};

enum class Gender { Unknown, Male, Female };

// The first-name lexicon (lexicon/first_names.tsv, made by tools/make_first_names.py), loaded once:
// first names with the gender news gives the people who bear them.
class FirstNames {
 public:
  static const FirstNames& embedded();
  // Unknown for a name the lexicon does not hold.
  Gender gender_of(std::string_view first_name) const;

 private:
  std::map<std::string, Gender, std::less<>> genders_;
};

enum class TriggerKind { Noun, Verb };

struct MeetingTrigger {
  std::vector<std::string> words;  // lower case
  TriggerKind kind = TriggerKind::Noun;
};

// The meeting-trigger lexicon (lexicon/meeting_triggers.tsv), loaded once.
class MeetingTriggers {
 public:
  static const MeetingTriggers& embedded();
  // The triggers whose first word is `lower_word` (in lower case), longest first; empty if none.
  std::span<const MeetingTrigger> starting_with(std::string_view lower_word) const;

 private:
  std::map<std::string, std::vector<MeetingTrigger>, std::less<>> by_first_word_;
};

// The reporting-cue lexicon (lexicon/reporting_cues.tsv), loaded once.
class ReportingCues {
 public:
  static const ReportingCues& embedded();
  // The cues whose first word is `lower_word` (in lower case), longest first; empty if none.
  std::span<const Cue> starting_with(std::string_view lower_word) const;

 private:
  std::map<std::string, std::vector<Cue>, std::less<>> by_first_word_;
};

}  // namespace newsgraph::lexicon
