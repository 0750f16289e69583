#include "newsgraph/extract/meetings.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/resolve/gazetteer.hpp"
#include "newsgraph/text/words.hpp"
#include "newsgraph/time/calendar.hpp"

namespace newsgraph::extract {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

// Words that end the phrase naming a meeting's participants: the place, the date or the topic follows.
constexpr std::array kPhraseStops = {
    "in"sv,    "at"sv,    "on"sv,   "to"sv,  "for"sv, "about"sv, "over"sv, "during"sv, "within"sv, "after"sv,
    "since"sv, "which"sv, "that"sv, "who"sv, ","sv,   "."sv,     ";"sv,    ":"sv,      "\u2014"sv, "("sv};

// Determiners that make a meeting word refer to one already reported ("the meeting", "these talks").
constexpr std::array kDefinite = {"the"sv, "this"sv, "that"sv, "these"sv, "those"sv};

// Words before a trigger that make the meeting a plan, not a fact.
constexpr std::array kPlanMarkers = {"preparing"sv, "prepare"sv, "prepares"sv, "ahead"sv,    "expected"sv,
                                     "will"sv,      "would"sv,   "shall"sv,    "to"sv,       "plan"sv,
                                     "plans"sv,     "planned"sv, "next"sv,     "upcoming"sv, "forthcoming"sv,
                                     "future"sv,    "could"sv,   "may"sv,      "might"sv,    "'ll"sv};

int place_rank(const resolve::Gazetteer& gazetteer, std::string_view name) {
  const auto place = gazetteer.find_place(name);
  if (!place) return 1;  // a named venue the gazetteer does not know ("the Kremlin")
  switch (place->kind) {
    case resolve::PlaceKind::City: return 3;
    case resolve::PlaceKind::Region: return 2;
    case resolve::PlaceKind::Country: return 0;
  }
  return 0;
}

class MeetingFinder {
 public:
  MeetingFinder(const Document& document, const text::Segments& segments, const tag::Tagging& tagging,
                const resolve::Entities& entities, const std::vector<time::TimeExpression>& times,
                const parse::SentenceTrees& trees, const std::vector<Claim>& claims)
      : document_(document),
        text_(document.text),
        segments_(segments),
        tagging_(tagging),
        entities_(entities),
        times_(times),
        trees_(trees),
        claims_(claims),
        titles_(lexicon::Titles::embedded()),
        gazetteer_(resolve::Gazetteer::embedded()),
        mention_at_(segments.tokens.size(), kNone),
        demonym_at_(segments.tokens.size(), kNone) {
    for (const auto& token : segments.tokens) {
      words_.push_back(slice(text_, token.span));
      lower_words_.push_back(text::ascii_lower(words_.back()));
    }
    for (std::size_t m = 0; m < tagging.mentions.size(); ++m)
      for (std::size_t t = tagging.mentions[m].first_token; t < tagging.mentions[m].end_token; ++t)
        mention_at_[t] = m;
    for (std::size_t d = 0; d < tagging.demonyms.size(); ++d) demonym_at_[tagging.demonyms[d].token] = d;
  }

  std::vector<Meeting> find(std::vector<std::optional<std::size_t>>& said_at) {
    for (std::size_t s = 0; s < segments_.sentences.size(); ++s) find_in_sentence(s);
    for (Meeting& meeting : meetings_) {
      date_by_lead(meeting);
      place_at_dateline(meeting);
    }
    said_at.assign(claims_.size(), std::nullopt);
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      for (std::size_t m = 0; m < meetings_.size(); ++m)
        if (reported_at(claims_[c], meetings_[m])) said_at[c] = m;
      if (!said_at[c]) said_at[c] = reported_meeting(claims_[c]);
    }
    return std::move(meetings_);
  }

 private:
  std::optional<std::pair<lexicon::TriggerKind, std::size_t>> trigger_at(std::size_t t,
                                                                         std::size_t end) const {
    for (const auto& trigger : lexicon::MeetingTriggers::embedded().starting_with(lower_words_[t])) {
      if (t + trigger.words.size() > end) continue;
      bool same = true;
      for (std::size_t i = 0; i < trigger.words.size() && same; ++i)
        same = lower_words_[t + i] == trigger.words[i];
      if (same) return std::make_pair(trigger.kind, t + trigger.words.size());
    }
    return std::nullopt;
  }

  std::size_t entity_of_token(std::size_t t) const {
    if (mention_at_[t] != kNone) return entities_.entity_of_mention[mention_at_[t]];
    if (demonym_at_[t] != kNone) return entities_.entity_of_demonym[demonym_at_[t]];
    return kNone;
  }

  bool is_place(std::size_t entity) const {
    return entities_.entities[entity].type == tag::EntityType::Place;
  }

  // The entities named in [begin, end), reading the way a participant list reads: an organisation or
  // country that only qualifies a title before a named person ("Russian Deputy Foreign Minister
  // Sergei Ryabkov") is not a participant of its own; one before a title without a name is
  // ("Russian Defence Ministers").
  void collect(std::size_t begin, std::size_t end, std::vector<std::size_t>& into) const {
    for (std::size_t t = begin; t < end; ++t) {
      const std::size_t entity = entity_of_token(t);
      if (entity == kNone) continue;
      std::size_t after = mention_at_[t] != kNone ? tagging_.mentions[mention_at_[t]].end_token : t + 1;
      if (entities_.entities[entity].type != tag::EntityType::Person && after < end &&
          titles_.is_title_word(words_[after])) {
        const std::size_t title_end = titles_.title_end(words_, after, end);
        if (title_end < end && entity_of_token(title_end) != kNone &&
            entities_.entities[entity_of_token(title_end)].type == tag::EntityType::Person) {
          t = after - 1;
          continue;
        }
      }
      // "President of Uganda Yoweri Museveni": the country between a title and its holder.
      if (entities_.entities[entity].type != tag::EntityType::Person && t >= 2 && words_[t - 1] == "of" &&
          titles_.is_title_word(words_[t - 2]) && after < end && entity_of_token(after) != kNone &&
          entities_.entities[entity_of_token(after)].type == tag::EntityType::Person) {
        t = after - 1;
        continue;
      }
      if (std::find(into.begin(), into.end(), entity) == into.end()) into.push_back(entity);
      t = after - 1;
    }
  }

  // Where a participant phrase starting at `begin` ends.
  std::size_t phrase_end(std::size_t begin, std::size_t end) const {
    std::size_t t = begin;
    while (t < end && !text::is_one_of(words_[t], kPhraseStops) &&
           !(tagging_.pos[t].starts_with("VB") && entity_of_token(t) == kNone)) {
      // A title's own "for" and "of" do not end the phrase ("Under Secretary for Arms Control ...").
      const std::size_t title_end = titles_.title_end(words_, t, end);
      t = title_end > t ? title_end : t + 1;
    }
    return t;
  }

  // Where the clause that ends at `end` begins: after the last comma or "that" before it.
  std::size_t clause_begin(std::size_t floor, std::size_t end) const {
    std::size_t t = end;
    while (t > floor && words_[t - 1] != "," && words_[t - 1] != "that" && words_[t - 1] != ";" &&
           !(words_[t - 1] == "\u201C" || words_[t - 1] == "\""))
      --t;
    return t;
  }

  void find_in_sentence(std::size_t s) {
    const text::Sentence& sentence = segments_.sentences[s];
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
      const auto trigger = trigger_at(t, sentence.end_token);
      if (!trigger) continue;
      const auto [kind, trigger_end] = *trigger;
      Meeting meeting;
      const Span trigger_span{segments_.tokens[t].span.begin, segments_.tokens[trigger_end - 1].span.end};
      meeting.kind = std::string(slice(text_, trigger_span));
      meeting.sentences.push_back(s);
      meeting.evidence.push_back(sentence.span);
      meeting.triggers.push_back(trigger_span);

      const std::size_t floor = clause_begin(sentence.first_token, t);
      if (kind == lexicon::TriggerKind::Verb) {
        // The subject: "A and B met", "A received B"; then whom they met.
        const auto arguments = verb_arguments(s, t);
        collect(arguments ? arguments->subject.first : floor, arguments ? arguments->subject.second : t,
                meeting.participants);
        const std::size_t subjects = meeting.participants.size();
        if (arguments)
          collect(arguments->object.first, arguments->object.second, meeting.participants);
        else
          collect(trigger_end, phrase_end(trigger_end, sentence.end_token), meeting.participants);
        // One named subject and nobody met is no meeting ("to meet concerns"), unless the subject is
        // many ("member-countries of the Council gathered").
        if (meeting.participants.size() == subjects && subjects < 2 && !has_plural_noun(floor, t)) {
          t = trigger_end - 1;
          continue;
        }
      } else {
        std::size_t after = trigger_end;
        if (after < sentence.end_token && (words_[after] == "between" || words_[after] == "with" ||
                                           words_[after] == "of" || words_[after] == "among"))
          ++after;
        add_holders(sentence.first_token, t, meeting.participants);  // "A held talks with B"
        add_compound_participants(t, meeting.participants);          // "the Russian-French talks"
        if (after > trigger_end) collect(after, phrase_end(after, sentence.end_token), meeting.participants);
      }
      // "At the meeting, Mr Putin reiterated ...": a definite meeting that names no one is the one
      // reported before, and the subject after the opening phrase took part in it.
      const bool refers_back = kind == lexicon::TriggerKind::Noun && meeting.participants.empty() &&
                               t > sentence.first_token && text::is_one_of(lower_words_[t - 1], kDefinite) &&
                               tagging_.pos[t - 1] == "DT";
      add_subject_after_opening_phrase(s, t, meeting.participants);
      meeting.planned = is_planned(sentence.first_token, t);
      find_place(s, trigger_end, meeting);
      find_date(s, t, meeting);
      if (refers_back && !meetings_.empty() && !meeting.place && !meeting.date)
        join_latest(meeting);
      else
        add(std::move(meeting));
      t = trigger_end - 1;
    }
  }

  // Where the sentence's tree puts the subject and the object of a meeting verb, as token ranges
  // ("A met B", "A met with B", "A was received by B"); nullopt when there is no tree or the verb has
  // no subject before it. The object range is empty when the verb has none ("A and B met").
  struct VerbArguments {
    std::pair<std::size_t, std::size_t> subject, object;
  };

  std::optional<VerbArguments> verb_arguments(std::size_t s, std::size_t t) const {
    if (!trees_[s]) return std::nullopt;
    const parse::DependencyTree& tree = *trees_[s];
    const std::size_t first = segments_.sentences[s].first_token, verb = t - first;
    const std::vector<std::size_t> subjects = tree.subjects_of(verb);
    if (subjects.empty()) return std::nullopt;
    const auto subject = tree.subtrees_span(subjects);
    if (subject.second > verb) return std::nullopt;
    std::vector<std::size_t> objects = tree.children(verb, "obj");
    for (const std::size_t oblique : tree.children(verb, "obl"))
      for (const std::size_t marker : tree.children(oblique, "case"))
        if (lower_words_[first + marker] == "with" || lower_words_[first + marker] == "by")
          objects.push_back(oblique);
    VerbArguments arguments{{first + subject.first, first + subject.second}, {t + 1, t + 1}};
    if (!objects.empty()) {
      const auto object = tree.subtrees_span(objects);
      arguments.object = {first + object.first, first + object.second};
    }
    return arguments;
  }

  bool has_plural_noun(std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t)
      if (tagging_.pos[t] == "NNS" || tagging_.pos[t] == "NNPS") return true;
    return false;
  }

  // "the Russian-French talks", "Russia-NATO consultations": countries and bodies joined by hyphens.
  void add_compound_participants(std::size_t trigger, std::vector<std::size_t>& into) const {
    if (trigger == 0) return;
    const std::size_t t = trigger - 1;
    const std::string_view compound = words_[t];
    if (compound.find('-') == std::string_view::npos || mention_at_[t] != kNone) return;
    for (std::size_t d = 0; d < tagging_.demonyms.size(); ++d)
      if (tagging_.demonyms[d].token == t) {
        const std::size_t country = entities_.entity_of_demonym[d];
        if (std::find(into.begin(), into.end(), country) == into.end()) into.push_back(country);
      }
    std::size_t start = 0;
    while (start <= compound.size()) {
      std::size_t end = compound.find('-', start);
      if (end == std::string_view::npos) end = compound.size();
      const std::string_view part = compound.substr(start, end - start);
      // Countries by name ("Russia-NATO consultations"); their adjectives were taken above.
      std::optional<std::string> country;
      if (const auto place = gazetteer_.find_place(part); place && place->kind == resolve::PlaceKind::Country)
        country = place->canonical;
      if (country)
        for (std::size_t e = 0; e < entities_.entities.size(); ++e)
          if (entities_.entities[e].name == *country && std::find(into.begin(), into.end(), e) == into.end())
            into.push_back(e);
      start = end + 1;
    }
  }

  // "X held talks with Y", "X had a meeting with Y": the subject of "held"/"had" takes part.
  void add_holders(std::size_t floor, std::size_t trigger, std::vector<std::size_t>& into) const {
    for (std::size_t t = trigger; t-- > floor && trigger - t <= 3;) {
      const std::string& w = lower_words_[t];
      if (w == "held" || w == "hold" || w == "holds" || w == "had" || w == "have" || w == "has") {
        collect(clause_begin(floor, t), t, into);
        return;
      }
    }
  }

  // "At a meeting with X, President Y discussed ...": a sentence that opens with the meeting and a
  // comma goes on with one of its participants as the subject.
  void add_subject_after_opening_phrase(std::size_t s, std::size_t trigger,
                                        std::vector<std::size_t>& into) const {
    const text::Sentence& sentence = segments_.sentences[s];
    const std::string& first = lower_words_[sentence.first_token];
    if (first != "at" && first != "in" && first != "during" && first != "after" && first != "following" &&
        first != "speaking")
      return;
    std::size_t comma = trigger;
    while (comma < sentence.end_token && words_[comma] != ",") ++comma;
    std::size_t t = comma + 1;
    while (t < sentence.end_token && entity_of_token(t) == kNone && titles_.is_title_word(words_[t])) ++t;
    if (t >= sentence.end_token || mention_at_[t] == kNone) return;
    const std::size_t entity = entities_.entity_of_mention[mention_at_[t]];
    if (entities_.entities[entity].type == tag::EntityType::Place) return;
    if (std::find(into.begin(), into.end(), entity) == into.end()) into.push_back(entity);
  }

  bool is_planned(std::size_t floor, std::size_t trigger) const {
    for (std::size_t t = trigger; t-- > floor && trigger - t <= 3;)
      if (text::is_one_of(lower_words_[t], kPlanMarkers)) return true;
    return false;
  }

  // "in St. Petersburg", "at the Kremlin", "in the Russian Black Sea resort city of Sochi": the most
  // specific place named in a phrase opened by "in" or "at" after the trigger.
  void find_place(std::size_t s, std::size_t from, Meeting& meeting) const {
    const text::Sentence& sentence = segments_.sentences[s];
    int best_rank = -1;
    for (std::size_t t = from; t < sentence.end_token; ++t) {
      if (words_[t] != "in" && words_[t] != "at") continue;
      for (std::size_t u = t + 1; u < sentence.end_token && u <= t + 9; ++u) {
        if (words_[u] == "," || words_[u] == "on" || tagging_.pos[u].starts_with("VB")) break;
        const std::size_t entity = entity_of_token(u);
        if (entity == kNone || !is_place(entity) || demonym_at_[u] != kNone) continue;
        const int rank = place_rank(gazetteer_, entities_.entities[entity].name);
        if (rank > best_rank) {
          best_rank = rank;
          meeting.place = entity;
        }
      }
      if (meeting.place) return;
    }
  }

  // The date of the time expression nearest after the trigger in its sentence, else before it.
  void find_date(std::size_t s, std::size_t trigger, Meeting& meeting) const {
    const std::size_t at = segments_.tokens[trigger].span.begin;
    const time::TimeExpression* best = nullptr;
    for (const auto& expression : times_) {
      if (expression.sentence != s || !expression.value) continue;
      if (!time::calendar_date(*expression.value) || bounds_a_period(expression)) continue;
      const bool after = expression.span.begin >= at;
      if (!best || (after && best->span.begin < at) ||
          (after == (best->span.begin >= at) &&
           (after ? expression.span.begin < best->span.begin : expression.span.begin > best->span.begin)))
        best = &expression;
    }
    if (best) meeting.date = time::calendar_date(*best->value);
  }

  // "until 2006", "by 2010", "since May": the edge of a period the sentence talks about, not the
  // meeting's own time.
  bool bounds_a_period(const time::TimeExpression& expression) const {
    std::size_t t = 0;
    while (t < segments_.tokens.size() && segments_.tokens[t].span.end <= expression.span.begin) ++t;
    if (t == 0) return false;
    const std::string& before = lower_words_[t - 1];
    return before == "until" || before == "till" || before == "by" || before == "since" || before == "from" ||
           before == "before" || before == "after" || before == "through" || before == "up";
  }

  // The claim's sentence names the meeting outside what was said ("At the meeting, Mr Putin said ..."
  // but not "Ryabkov said the talks would go on").
  static bool reported_at(const Claim& claim, const Meeting& meeting) {
    for (std::size_t i = 0; i < meeting.sentences.size(); ++i)
      if (meeting.sentences[i] == claim.sentence && !in_what_was_said(claim, meeting.triggers[i])) return true;
    return false;
  }

  // A report of a meeting held on its own day, told in its headline or opening lines ("President
  // Vladimir Putin met with Saudi Foreign Minister ..."), places what the participants said after
  // that at the meeting, until the report turns to another meeting, unless the attribution gives a
  // time of its own ("In a 2009 interview, Putin said ...").
  std::optional<std::size_t> reported_meeting(const Claim& claim) const {
    if (meetings_.empty() || !claim.speaker) return std::nullopt;
    for (const time::TimeExpression& time : times_)
      if (time.sentence == claim.sentence && !in_what_was_said(claim, time.span)) return std::nullopt;
    const Meeting& lead = meetings_.front();
    if (lead.planned || !lead.date || lead.date != document_.date ||
        lead.sentences.front() >= kLeadSentences || claim.sentence < lead.sentences.front())
      return std::nullopt;
    for (std::size_t m = 1; m < meetings_.size(); ++m)
      if (!meetings_[m].planned && meetings_[m].sentences.front() <= claim.sentence) return std::nullopt;
    if (std::find(lead.participants.begin(), lead.participants.end(), *claim.speaker) ==
        lead.participants.end())
      return std::nullopt;
    return 0;
  }

  // A report's headline and opening lines tell the news of its own day: a meeting held there with no
  // date of its own took place on the document's date ("Top-level talks were held in the Kremlin").
  void date_by_lead(Meeting& meeting) const {
    if (!meeting.date && !meeting.planned && document_.date && meeting.sentences.front() < kLeadSentences)
      meeting.date = document_.date;
  }

  // A wire report places what happened on its own day or the day before, with no other place given,
  // where its dateline says it was written ("MOSCOW, September 1 — ... on Thursday").
  void place_at_dateline(Meeting& meeting) const {
    if (meeting.place || !meeting.date || !document_.date || !document_.dateline_span) return;
    const auto day = time::parse_date(*meeting.date);
    const auto today = time::parse_date(*document_.date);
    if (!day || !today || meeting.date->size() != 10) return;
    const long days_before = time::days_from_civil(*today) - time::days_from_civil(*day);
    if (days_before < 0 || days_before > 1) return;
    // The first place the dateline names is the most specific: "The Kremlin, Moscow".
    for (std::size_t m = 0; m < tagging_.mentions.size() && !meeting.place; ++m)
      if (document_.dateline_span->contains(tagging_.mentions[m].span) &&
          tagging_.mentions[m].type == tag::EntityType::Place)
        meeting.place = entities_.entity_of_mention[m];
  }

  // Joins a meeting to an earlier report of the same one, or keeps it as a new one. A trigger that
  // names no participant ("the talks") refers back to the latest meeting.
  void add(Meeting meeting) {
    // The speaker of a claim made at the meeting took part ("Speaking after a meeting of ..., X said"),
    // unless the meeting is only talked about in the claim.
    for (const Claim& claim : claims_)
      if (claim.speaker && reported_at(claim, meeting) &&
          std::find(meeting.participants.begin(), meeting.participants.end(), *claim.speaker) ==
              meeting.participants.end() &&
          !meeting.participants.empty())
        meeting.participants.push_back(*claim.speaker);
    if (meeting.place) std::erase(meeting.participants, *meeting.place);
    for (Meeting& earlier : meetings_) {
      if (!same_meeting(earlier, meeting)) continue;
      for (const std::size_t p : meeting.participants)
        if (std::find(earlier.participants.begin(), earlier.participants.end(), p) ==
            earlier.participants.end())
          earlier.participants.push_back(p);
      if (!earlier.place) earlier.place = meeting.place;
      if (!earlier.date) earlier.date = meeting.date;
      earlier.sentences.push_back(meeting.sentences.front());
      earlier.evidence.push_back(meeting.evidence.front());
      earlier.triggers.push_back(meeting.triggers.front());
      return;
    }
    if (meeting.participants.empty()) {
      if (!meetings_.empty() && !meeting.place && !meeting.date) join_latest(meeting);
      return;
    }
    meetings_.push_back(std::move(meeting));
  }

  // Adds a report of the latest meeting, with whoever it names as taking part.
  void join_latest(const Meeting& meeting) {
    Meeting& latest = meetings_.back();
    for (const std::size_t p : meeting.participants)
      if (std::find(latest.participants.begin(), latest.participants.end(), p) == latest.participants.end())
        latest.participants.push_back(p);
    latest.sentences.push_back(meeting.sentences.front());
    latest.evidence.push_back(meeting.evidence.front());
    latest.triggers.push_back(meeting.triggers.front());
  }

  static bool same_meeting(const Meeting& a, const Meeting& b) {
    if (a.participants.empty() || b.participants.empty()) return false;
    const std::set<std::size_t> pa(a.participants.begin(), a.participants.end());
    const bool shares = std::any_of(b.participants.begin(), b.participants.end(),
                                    [&](std::size_t p) { return pa.contains(p); });
    const bool date_fits = !a.date || !b.date || *a.date == *b.date;
    const bool place_fits = !a.place || !b.place || *a.place == *b.place;
    return shares && date_fits && place_fits && a.planned == b.planned &&
           (a.date || b.date || a.place || b.place);
  }

  static constexpr std::size_t kLeadSentences = 5;  // the headline and the opening lines

  const Document& document_;
  std::string_view text_;
  const text::Segments& segments_;
  const tag::Tagging& tagging_;
  const resolve::Entities& entities_;
  const std::vector<time::TimeExpression>& times_;
  const parse::SentenceTrees& trees_;
  const std::vector<Claim>& claims_;
  const lexicon::Titles& titles_;
  const resolve::Gazetteer& gazetteer_;
  std::vector<std::string_view> words_;
  std::vector<std::string> lower_words_;  // the same in lower case, for the trigger lexicon
  std::vector<std::size_t> mention_at_;   // token -> mention index
  std::vector<std::size_t> demonym_at_;   // token -> demonym index
  std::vector<Meeting> meetings_;
};

}  // namespace

std::vector<bool> sentences_with_meeting_words(std::string_view text, const text::Segments& segments) {
  const lexicon::MeetingTriggers& triggers = lexicon::MeetingTriggers::embedded();
  return text::sentences_with_word(
      text, segments, [&](std::string_view lower) { return !triggers.starting_with(lower).empty(); });
}

std::vector<Meeting> extract_meetings(const Document& document, const text::Segments& segments,
                                      const tag::Tagging& tagging, const resolve::Entities& entities,
                                      const std::vector<time::TimeExpression>& times,
                                      const parse::SentenceTrees& trees, const std::vector<Claim>& claims,
                                      std::vector<std::optional<std::size_t>>& said_at) {
  return MeetingFinder(document, segments, tagging, entities, times, trees, claims).find(said_at);
}

}  // namespace newsgraph::extract
