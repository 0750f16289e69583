#include "newsgraph/extract/claims.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <string>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/text/utf8.hpp"
#include "newsgraph/text/words.hpp"

namespace newsgraph::extract {
namespace {

using namespace std::string_view_literals;

// The prepositions after a verb-on cue that introduce what was said: "insisted on", "spoke of".
constexpr std::array<std::string_view, 3> kContentPrepositions{"on", "of", "about"};
// The words that open a clause of reported speech ("said that ...", "asked whether ...").
constexpr std::array<std::string_view, 3> kComplementMarks{"that", "if", "whether"};
// Where a statement was made: "called for more investment [in a statement on Thursday]", "spoke on
// a radio show".
constexpr std::array<std::string_view, 17> kStatementMedia{
    "statement", "interview", "email", "letter",  "speech",  "ruling",    "tweet",     "post",     "essay",
    "op-ed",     "column",    "memo",  "show",    "program", "programme", "broadcast", "podcast"};
// "said this week", "said last month": the nouns of a time after a cue.
constexpr std::array<std::string_view, 9> kTimeNouns{"week",    "month", "year", "day",    "weekend",
                                                     "morning", "night", "time", "evening"};
// The tags of a finite verb: it has a tense, and a subject of its own.
constexpr std::array<std::string_view, 3> kFiniteVerbTags{"VBD", "VBZ", "VBP"};
bool is_finite_verb(std::string_view tag) { return text::is_one_of(tag, kFiniteVerbTags); }

// The words that open a clause of when or why after what was said ("called it a disgrace after she ...").
constexpr std::array<std::string_view, 5> kTimeSubordinators{"after", "before", "when", "while", "because"};
// The markers of a condition on what was said ("... unless there was a rethink").
constexpr std::array<std::string_view, 2> kConditionMarks{"unless", "if"};

// The dashes news sets before an attribution ("...,” \u2014 Lavrov", "...” \u2015 Adriana Rodarte").
bool is_dash(std::string_view word) {
  return word == "\u2014" || word == "\u2015" || word == "--";
}

bool is_quotation_mark(std::string_view word) {
  return word == "\"" || word == "\u201C" || word == "\u201D" || word == "\u00AB" || word == "\u00BB";
}

// Where a speaker phrase is: the speaker entity, if resolved, and the tokens it covers.
struct Speaker {
  Speaker(std::optional<std::size_t> entity, std::size_t begin, std::size_t end)
      : entity(entity), begin(begin), end(end) {}

  std::optional<std::size_t> entity;
  std::size_t begin = 0, end = 0;  // tokens
  std::vector<std::size_t> joint;  // who spoke with entity: "Putin and Blair said"
};

// A reporting cue found at a token: its kind and the tokens it covers.
struct CueMatch {
  lexicon::CueKind kind = lexicon::CueKind::Verb;
  std::size_t begin = 0, end = 0;
};

class ClaimFinder {
 public:
  ClaimFinder(const Document& document, const text::Segments& segments, const tag::Tagging& tagging,
              const resolve::Entities& entities, const parse::SentenceTrees& trees)
      : text_(document.text),
        segments_(segments),
        trees_(trees),
        pos_(tagging.pos),
        mentions_(tagging.mentions),
        entities_(entities),
        cues_(lexicon::ReportingCues::embedded()),
        titles_(lexicon::Titles::embedded()),
        mention_at_(segments.tokens.size(), kNone),
        quotation_at_(segments.tokens.size(), kNone),
        reference_at_(segments.tokens.size(), kNone),
        used_(segments.tokens.size(), false) {
    for (const auto& token : segments.tokens)
      lower_words_.push_back(text::ascii_lower(slice(text_, token.span)));
    for (std::size_t m = 0; m < mentions_.size(); ++m)
      for (std::size_t t = mentions_[m].first_token; t < mentions_[m].end_token; ++t) mention_at_[t] = m;
    // Quotations and tokens are both in text order: one walk gives each token its quotation and each
    // quotation its tokens.
    quotation_tokens_.assign(segments.quotations.size(), {kNone, kNone});
    for (std::size_t q = 0, t = 0; q < segments.quotations.size(); ++q) {
      const Span outer = segments.quotations[q].outer;
      while (t < segments.tokens.size() && segments.tokens[t].span.begin < outer.begin) ++t;
      for (std::size_t u = t; u < segments.tokens.size() && outer.contains(segments.tokens[u].span); ++u) {
        quotation_at_[u] = q;
        if (quotation_tokens_[q].first == kNone) quotation_tokens_[q].first = u;
        quotation_tokens_[q].second = u + 1;
      }
    }
    for (std::size_t s = 0; s < segments.sentences.size(); ++s)
      for (std::size_t t = segments.sentences[s].first_token; t < segments.sentences[s].end_token; ++t)
        sentence_of_.push_back(s);
    // Tokens are in text order: a reference's first token is found by its first byte.
    const auto& tokens = segments.tokens;
    for (std::size_t e = 0; e < entities.entities.size(); ++e)
      for (const Span reference : entities.entities[e].references) {
        const auto found = std::lower_bound(
            tokens.begin(), tokens.end(), reference.begin,
            [](const text::Token& token, std::size_t byte) { return token.span.begin < byte; });
        if (found != tokens.end() && found->span.begin == reference.begin)
          reference_at_[found - tokens.begin()] = e;
      }
  }

  std::vector<Claim> find() {
    for (std::size_t q = 0; q < segments_.quotations.size(); ++q) attribute_quotation(q);
    for (std::size_t q = 0; q < segments_.quotations.size(); ++q) attribute_by_neighbour(q);
    join_broken_quotations();
    for (std::size_t s = 0; s + 1 < segments_.sentences.size(); ++s) attribute_block_quotation(s);
    // An attribution that closes its sentence ("..., the ministry said on Saturday.") is read by word
    // order first: its shape is plain, and parsers trained on web text often misplace the long
    // quoted or reported content before it.
    // The tree's claims mark their cues used, so word order still reads a cue the parser missed
    // ("Retired Lt. Gen. Michael Flynn said ... when he said ...", where only the inner cue has a subject).
    for (std::size_t s = 0; s < segments_.sentences.size(); ++s) {
      if (find_reported(s, Pass::Closing)) continue;
      if (trees_[s]) find_reported_in_tree(s, *trees_[s]);
      find_reported(s, Pass::Other);
    }
    drop_restated();
    find_mentioned();
    std::sort(claims_.begin(), claims_.end(),
              [](const Claim& a, const Claim& b) { return a.content < b.content; });
    return std::move(claims_);
  }

 private:
  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string_view word(std::size_t t) const { return slice(text_, segments_.tokens[t].span); }
  std::size_t token_count() const { return segments_.tokens.size(); }
  Span tokens_span(std::size_t begin, std::size_t end) const {
    return Span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end};
  }

  // The cue that starts at token t. A word of a name is never one ("the United States"), nor a verb's
  // form the tagger reads as another part of speech ("Battleground state Florida").
  std::optional<CueMatch> cue_at(std::size_t t) const {
    if (mention_at_[t] != kNone) return std::nullopt;
    for (const auto& cue : cues_.starting_with(lower_words_[t])) {
      if (t + cue.words.size() > token_count()) continue;
      bool same = true;
      for (std::size_t i = 0; i < cue.words.size() && same; ++i) same = lower_words_[t + i] == cue.words[i];
      if (!same) continue;
      const bool verb = cue.kind == lexicon::CueKind::Verb || cue.kind == lexicon::CueKind::VerbOn ||
                        cue.kind == lexicon::CueKind::Quoting ||
                        cue.kind == lexicon::CueKind::Negative;
      if (verb && cue.words.size() == 1 && in_noun_phrase(t)) continue;
      return CueMatch{cue.kind, t, t + cue.words.size()};
    }
    return std::nullopt;
  }

  // The word is a noun inside a noun phrase ("a swing state", "Battleground state Florida"), as the
  // tagger reads it. A verb it mistakes for a noun after its subject ("he proudly states"), before
  // "that" ("Dr. Oz charges that") or in a title-case headline ("Obama Says ...") is not.
  bool in_noun_phrase(std::size_t t) const {
    constexpr std::array<std::string_view, 9> kInsideNounPhrase{"DT",   "JJ",   "NN",  "NNS", "NNP",
                                                                "NNPS", "PRP$", "POS", "CD"};
    return pos_[t].starts_with("NN") && t > 0 && text::is_one_of(pos_[t - 1], kInsideNounPhrase) &&
           !text::starts_with_capital_or_digit(word(t)) &&
           (t + 1 >= token_count() || lower_words_[t + 1] != "that");
  }

  // Words that may stand in a speaker phrase: names, titles, "the", a possessive, a demonym.
  bool is_speaker_word(std::size_t t) const {
    const std::string_view w = word(t);
    if (mention_at_[t] != kNone || titles_.is_title_word(w) || w == "the" || w == "The" || w == "'s" ||
        w == "\u2019s" || (!w.empty() && w[0] >= 'A' && w[0] <= 'Z' && !is_quotation_mark(w)))
      return true;
    // "Putin and Blair", "Mr Putin and Prince Saud": names joined, the second maybe after its title.
    if (lower_words_[t] == "and" && t > 0 && mention_at_[t - 1] != kNone && t + 1 < token_count() &&
        (mention_at_[t + 1] != kNone || (t + 2 < token_count() && mention_at_[t + 2] != kNone &&
                                         (titles_.is_title_word(word(t + 1)) ||
                                          text::starts_with_capital_or_digit(word(t + 1))))))
      return true;
    // The words of a common noun phrase: "a senior official", "the campaign's spokesman", "analysts".
    const std::string_view tag = pos_[t];
    return tag == "DT" || tag == "JJ" || tag == "NN" || tag == "NNS" || tag == "PRP$" || tag == "POS" ||
           tag == "CD";
  }

  // The speaker phrase that starts at `begin` and ends before `limit`, read forwards.
  std::optional<Speaker> speaker_from(std::size_t begin, std::size_t limit) const {
    if (begin >= limit) return std::nullopt;
    if (const auto pronoun = pronoun_speaker(begin)) return pronoun;
    std::size_t end = begin;
    while (end < limit && is_speaker_word(end) && !cue_at(end)) ++end;
    if (end == begin) return std::nullopt;
    return speaker_of_phrase(begin, end);
  }

  // The speaker phrase that ends just before `end`, read backwards to no earlier than `floor`.
  std::optional<Speaker> speaker_before(std::size_t end, std::size_t floor) const {
    if (end <= floor) return std::nullopt;
    // "Rep. Trey Gowdy (R-S.C.) said": the name before the aside.
    if (word(end - 1) == ")") {
      for (std::size_t open = end - 1; open-- > floor + 1 && end - open <= 8;) {
        if (word(open) != "(") continue;
        auto named = speaker_before(open, floor);
        if (named) named->end = end;
        return named;
      }
    }
    if (const auto pronoun = pronoun_speaker(end - 1)) return pronoun;
    if (word(end - 1) == ",") {
      // "Mr Baker, the Lib Dem environment spokesman, said": the person before the apposition.
      for (std::size_t comma = end - 1; comma-- > floor + 1 && end - comma <= 12;) {
        if (word(comma) != ",") continue;
        const auto named = speaker_before(comma, floor);
        const auto is_person = [&](const std::optional<Speaker>& speaker) {
          return speaker && speaker->entity && entities_.entities[*speaker->entity].type == tag::EntityType::Person;
        };
        // "The state's campaign chairman, Phil Lovas, said": the person the apposition names, where
        // the words before it only describe someone.
        const auto apposed = speaker_from(comma + 1, end - 1);
        const bool apposition_names = apposed && apposed->end == end - 1 && is_person(apposed);
        if (is_person(named) && !(apposition_names && !names_someone(named->begin, named->end)))
          return Speaker{named->entity, named->begin, end - 1};
        if (named && apposition_names) return Speaker{apposed->entity, named->begin, end - 1};
        break;
      }
      return std::nullopt;
    }
    std::size_t begin = end;
    while (begin > floor && is_speaker_word(begin - 1)) --begin;
    if (begin == end) return std::nullopt;
    return speaker_of_phrase(begin, end);
  }

  // Whether tokens [begin, end) hold a name, not only a description ("the state's campaign chairman").
  bool names_someone(std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t)
      if (mention_at_[t] != kNone) return true;
    return false;
  }

  // The last person named in the phrase, else the last entity named, else a description such as
  // "the ministry" or "the Russian minister" taken as the latest entity of its kind.
  // Names joined by "and" speak jointly ("Mr. Grassley and Mr. Leahy say").
  std::optional<Speaker> speaker_of_phrase(std::size_t begin, std::size_t end) const {
    std::optional<std::size_t> person, any;
    std::vector<std::size_t> named;
    bool joined = false;
    for (std::size_t t = begin; t < end; ++t) {
      joined = joined || (lower_words_[t] == "and" && mention_at_[t] == kNone);
      if (mention_at_[t] == kNone) continue;
      const std::size_t entity = entities_.entity_of_mention[mention_at_[t]];
      any = entity;
      if (entities_.entities[entity].type == tag::EntityType::Person) person = entity;
      if (std::find(named.begin(), named.end(), entity) == named.end()) named.push_back(entity);
    }
    if (person || any) {
      Speaker speaker{person ? person : any, begin, end};
      if (joined)
        for (const std::size_t entity : named)
          if (entity != *speaker.entity) speaker.joint.push_back(entity);
      return speaker;
    }
    const std::string_view head = word(end - 1);
    // A plural ("lawmakers", "officials") is a group the article does not name, handled below.
    if (titles_.is_head(head) && pos_[end - 1] != "NNS") {
      // "the deputy prime minister": the person the article gave that title, else the latest person.
      if (const auto holder = titled_person(head, begin)) return Speaker{holder, begin, end};
      return Speaker{latest_entity(tag::EntityType::Person, begin, ""), begin, end};
    }
    // "the ministry", "the Foreign Ministry": a body named before by a name with that head word.
    if ((word(begin) == "the" || word(begin) == "The") && end - begin >= 2)
      if (const auto body = latest_entity(tag::EntityType::Organization, begin, head))
        return Speaker{body, begin, end};
    // "officials", "a senior diplomat": a speaker the article does not name.
    if (end - begin <= 6 && pos_[end - 1].starts_with("NN")) return Speaker{std::nullopt, begin, end};
    return std::nullopt;
  }

  // The latest person before token `before` whose name follows the title word `head` ("deputy prime
  // minister Viktor Khristenko").
  std::optional<std::size_t> titled_person(std::string_view head, std::size_t before) const {
    const std::string wanted = text::ascii_lower(head);
    for (std::size_t m = mentions_.size(); m-- > 0;) {
      const tag::Mention& mention = mentions_[m];
      if (mention.first_token >= before) continue;
      const std::size_t entity = entities_.entity_of_mention[m];
      if (entities_.entities[entity].type != tag::EntityType::Person) continue;
      for (std::size_t t = mention.first_token; t-- > 0 && mention.first_token - t <= 3;)
        // "the governor" of "Gov. Chris Christie": the title lexicon spells abbreviations out.
        if (lower_words_[t] == wanted || text::ascii_lower(titles_.spelled_out(word(t))) == wanted) return entity;
    }
    return std::nullopt;
  }

  std::optional<Speaker> pronoun_speaker(std::size_t t) const {
    return pronoun_speaker_of(lower_words_[t], t);
  }

  std::optional<Speaker> pronoun_speaker_of(const std::string& w, std::size_t t) const {
    // "they", "we": someone speaks, but who is left to the reader.
    if (w == "they" || w == "we") return Speaker{std::nullopt, t, t + 1};
    // "In a statement, the Department of Trade and Industry said ... And it said ...": a body named
    // shortly before.
    if (w == "it") {
      constexpr std::size_t kSentencesBack = 2;
      const std::size_t from = sentence_of_[t] > kSentencesBack ? sentence_of_[t] - kSentencesBack : 0;
      return Speaker{latest_entity(tag::EntityType::Organization, t, "", from), t, t + 1};
    }
    if (w != "he" && w != "she") return std::nullopt;
    // The person entity resolution found the pronoun stands for (resolve/entities.cpp: gender and
    // nearness are known there).
    if (reference_at_[t] != kNone) return Speaker{reference_at_[t], t, t + 1};
    // It passes over pronouns inside quotations and far from any name; a speaker is still wanted
    // there: the latest person of the pronoun's gender who opened a sentence as its subject, else
    // the latest person named, whatever the gender.
    const lexicon::Gender gender = w == "he" ? lexicon::Gender::Male : lexicon::Gender::Female;
    std::optional<std::size_t> subject;
    for (std::size_t m = mentions_.size(); m-- > 0 && !subject;) {
      const tag::Mention& mention = mentions_[m];
      const resolve::Entity& entity = entities_.entities[entities_.entity_of_mention[m]];
      if (mention.first_token >= t || entity.type != tag::EntityType::Person) continue;
      if (entity.gender != lexicon::Gender::Unknown && entity.gender != gender) continue;
      if (quotation_at_[mention.first_token] != kNone) continue;
      if (opens_sentence(mention)) subject = entities_.entity_of_mention[m];
    }
    return Speaker{subject ? subject : latest_entity(tag::EntityType::Person, t, ""), t, t + 1};
  }

  // The mention is the first words of its sentence, titles and "Mr" aside.
  bool opens_sentence(const tag::Mention& mention) const {
    for (std::size_t t = segments_.sentences[mention.sentence].first_token; t < mention.first_token; ++t)
      if (!titles_.is_title_word(word(t)) && mention_at_[t] == kNone && word(t) != "the" && word(t) != "The")
        return false;
    return true;
  }

  // The entity of the given type mentioned last before token `before` and no earlier than sentence
  // `from_sentence` (whose name contains `head`, ignoring case, when a head noun is given). Names
  // inside quotations are passed over: "he" after a quotation is its speaker, not someone the
  // speaker talked about.
  std::optional<std::size_t> latest_entity(tag::EntityType type, std::size_t before, std::string_view head,
                                           std::size_t from_sentence = 0) const {
    const std::string wanted = text::ascii_lower(head);
    for (std::size_t m = mentions_.size(); m-- > 0;) {
      if (mentions_[m].first_token < before && mentions_[m].sentence < from_sentence) break;
      if (mentions_[m].first_token >= before ||
          entities_.entities[entities_.entity_of_mention[m]].type != type)
        continue;
      if (quotation_at_[mentions_[m].first_token] != kNone) continue;
      const std::size_t entity = entities_.entity_of_mention[m];
      if (wanted.empty()) return entity;
      // "the fund" for the IMF, whose full name is an alias: "International Monetary Fund".
      const resolve::Entity& named = entities_.entities[entity];
      if (text::ascii_lower(named.name).find(wanted) != std::string::npos ||
          std::any_of(named.aliases.begin(), named.aliases.end(), [&](const std::string& alias) {
            return text::ascii_lower(alias).find(wanted) != std::string::npos;
          }))
        return entity;
    }
    return std::nullopt;
  }

  // A quotation with its speaker and cue right after it ("...,” Lavrov noted.", "...,” said X.")
  // or right before it ("Lavrov said, “...", "Ms Hewitt said: \"...").
  void attribute_quotation(std::size_t q) {
    const text::Quotation& quotation = segments_.quotations[q];
    const auto [first, after] = quotation_tokens_[q];
    if (first == kNone || quotation.content.empty()) return;
    const std::size_t sentence_begin = segments_.sentences[sentence_of_[first]].first_token;
    const std::size_t sentence_end = segments_.sentences[sentence_of_[after - 1]].end_token;

    // A quotation inside reported speech ("discussed “...”, the ministry said") is part of the
    // reported claim, found by find_reported: the words before a quotation in its sentence must be
    // its attribution ("Lavrov said, “...", "In the meeting ..., Lavrov said, “...").
    const std::vector<CueMatch> opening = cues_opening(sentence_begin, first);
    if (first > sentence_begin && opening.empty()) return;

    // After: [,] SPEAKER CUE | [,] CUE SPEAKER. A question or an exclamation that opens its sentence
    // ends it before them ("“...?” Trump said, looking out on the crowd."), and a dash may stand as a
    // sentence of its own.
    std::size_t t = after;
    std::size_t attribution_end = sentence_end;
    if (t == sentence_end && first == sentence_begin &&
        sentence_of_[after - 1] + 1 < segments_.sentences.size()) {
      const text::Sentence& next = segments_.sentences[sentence_of_[after - 1] + 1];
      const bool asks = after - first >= 3 && (word(after - 2) == "?" || word(after - 2) == "!");
      if (next.paragraph == quotation.paragraph && (asks || is_dash(word(next.first_token))))
        attribution_end = next.end_token;
    }
    while (t < attribution_end && (word(t) == "," || is_dash(word(t)))) ++t;
    // "...” ― Adriana Rodarte": a dash and a name alone sign the quotation.
    if (t > after && is_dash(word(t - 1))) {
      if (const auto speaker = speaker_from(t, attribution_end);
          speaker && speaker->entity && (speaker->end == attribution_end || word(speaker->end) == ".")) {
        add_quoted(quotation, CueMatch{lexicon::CueKind::Verb, t - 1, t}, *speaker, sentence_of_[first]);
        return;
      }
    }
    if (t < attribution_end) {
      if (const auto cue = cue_at(t); cue && cue->kind != lexicon::CueKind::Source) {
        if (const auto speaker = speaker_from(cue->end, attribution_end)) {
          add_quoted(quotation, *cue, *speaker, sentence_of_[first]);
          return;
        }
      }
      if (const auto speaker = speaker_from(t, attribution_end)) {
        if (const auto cue = cue_at(speaker->end); cue && cue->kind != lexicon::CueKind::Source) {
          add_quoted(quotation, *cue, *speaker, sentence_of_[first]);
          return;
        }
      }
    }
    // Before: SPEAKER CUE [whom, where] [that] [,|:] “... and "According to SPEAKER, “...". An
    // object's cue right before it quotes inside its claim ("referenced “political tensions” in ...").
    for (const CueMatch& cue : opening) {
      if (cue.kind == lexicon::CueKind::Object && cue.end == first) continue;
      if (cue.kind == lexicon::CueKind::Source) {
        std::size_t comma = cue.end;
        while (comma < first && word(comma) != ",") ++comma;
        const auto speaker = speaker_from(cue.end, comma);
        if (lower_words_[cue.end - 1] == "to" && speaker && speaker->end == comma) {
          add_quoted(quotation, cue, *speaker, sentence_of_[first]);
          return;
        }
        continue;
      }
      if (const auto speaker = speaker_before(cue.begin, sentence_begin)) {
        add_quoted(quotation, cue, *speaker, sentence_of_[first]);
        return;
      }
    }
  }

  // The cues that end the words before a quotation, nearest first: a cue, then a comma, a colon or
  // "that". Before a colon or a comma the cue may say whom it was said to or where ("told a news
  // conference: “...", "told his radio audience on Monday, “..."), and "according to" names the
  // speaker there ("According to Limbaugh, “..."); right before the quotation, "called the move “a
  // mistake”" quotes inside its claim.
  std::vector<CueMatch> cues_opening(std::size_t sentence_begin, std::size_t first) const {
    constexpr std::size_t kLongestOpening = 8;
    constexpr std::array<std::string_view, 11> kObjectTags{"DT",  "JJ",   "NN", "NNS", "NNP", "NNPS",
                                                           "PRP", "PRP$", "IN", "CD",  "POS"};
    std::size_t b = first;
    bool set_off = false;  // by a colon or a comma
    while (b > sentence_begin && (word(b - 1) == "," || word(b - 1) == ":" || word(b - 1) == "that")) {
      // Only a comma or a colon lets the cue name whom it was said to: "told the crowd in Ohio that,
      // “...”" quotes inside reported speech.
      set_off = set_off || word(b - 1) == ":" ||
                (word(b - 1) == "," && (b - 1 == sentence_begin || lower_words_[b - 2] != "that"));
      --b;
    }
    std::vector<CueMatch> found;
    for (std::size_t c = b; c-- > sentence_begin && b - c <= kLongestOpening;) {
      const auto cue = cue_at(c);
      if (!cue || cue->end > b || (!set_off && cue->end != b)) continue;
      bool object = true;
      // "said on Wednesday that under Obama, “...”" quotes inside reported speech.
      for (std::size_t t = cue->end; t < b && object; ++t)
        object = text::is_one_of(pos_[t], kObjectTags) && lower_words_[t] != "that";
      if (object) found.push_back(*cue);
    }
    return found;
  }

  // A quotation that stands as whole sentences with no cue of its own ("“Life proved ...” “In the
  // meantime ...,” he stated.") is its neighbour's: the attributed quotation next to it in its
  // paragraph, else the last claim of the paragraph before, whose speaker goes on talking.
  void attribute_by_neighbour(std::size_t q) {
    const text::Quotation& quotation = segments_.quotations[q];
    if (quotation_claim_.contains(q) || quotation.content.empty()) return;
    const std::size_t first = quotation_tokens_[q].first;
    if (first == kNone || segments_.sentences[sentence_of_[first]].first_token != first) return;
    std::optional<std::size_t> source;
    for (std::size_t other = q + 1; other < segments_.quotations.size() && !source; ++other) {
      if (segments_.quotations[other].paragraph != quotation.paragraph) break;
      if (quotation_claim_.contains(other)) source = quotation_claim_.at(other);
    }
    for (std::size_t other = q; other-- > 0 && !source;) {
      if (segments_.quotations[other].paragraph + 1 < quotation.paragraph) break;
      if (quotation_claim_.contains(other)) source = quotation_claim_.at(other);
    }
    if (!source) return;
    Claim claim = claims_[*source];
    claim.content = trim_trailing_punctuation(quotation.content);
    claim.sentence = sentence_of_[first];
    claims_.push_back(claim);
  }

  // "“My hope,” he said, “is that ...”": a sentence of quoted speech broken off by its attribution
  // after a comma and going on in lower case is one claim, the attribution its aside. Quotations
  // broken off after a whole sentence ("“...,” he said. “...”") stay two.
  void join_broken_quotations() {
    std::vector<bool> joined(claims_.size(), false);
    for (std::size_t q = 0; q + 1 < segments_.quotations.size(); ++q) {
      const text::Quotation& broken = segments_.quotations[q];
      const text::Quotation& rest = segments_.quotations[q + 1];
      if (!quotation_claim_.contains(q) || !quotation_claim_.contains(q + 1) || broken.content.empty() ||
          rest.content.empty() || text_[broken.content.end - 1] != ',' || !is_lower(text_[rest.content.begin]))
        continue;
      Claim& first = claims_[quotation_claim_.at(q)];
      const std::size_t second = quotation_claim_.at(q + 1);
      if (joined[quotation_claim_.at(q)] || claims_[second].cue != first.cue || first.cue.empty() ||
          !Span{broken.outer.end, rest.outer.begin}.contains(first.attribution))
        continue;
      first.aside = Span{first.content.end, rest.content.begin};
      first.content.end = claims_[second].content.end;
      joined[second] = true;
    }
    remove_claims(joined);
  }

  // Removes the claims flagged in `gone` (one flag per claim), keeping the order of the rest.
  void remove_claims(const std::vector<bool>& gone) {
    std::vector<Claim> kept;
    for (std::size_t c = 0; c < claims_.size(); ++c)
      if (!gone[c]) kept.push_back(std::move(claims_[c]));
    claims_ = std::move(kept);
  }

  static bool is_lower(char c) { return c >= 'a' && c <= 'z'; }

  // "The governor added:" alone at the end of its paragraph, and the next paragraph without
  // quotation marks: a quotation set as a block (web pages drop the marks), one claim.
  void attribute_block_quotation(std::size_t s) {
    const text::Sentence& sentence = segments_.sentences[s];
    const text::Sentence& next = segments_.sentences[s + 1];
    if (sentence.end_token < sentence.first_token + 3 || word(sentence.end_token - 1) != ":" ||
        next.paragraph != sentence.paragraph + 1)
      return;
    const std::size_t colon = sentence.end_token - 1;
    std::size_t cue_begin = colon;
    while (cue_begin > sentence.first_token && !cue_at(cue_begin - 1)) --cue_begin;
    if (cue_begin == sentence.first_token) return;
    const auto cue = cue_at(cue_begin - 1);
    if (!cue || cue->end != colon || cue->kind == lexicon::CueKind::Source) return;
    const auto speaker = speaker_before(cue->begin, sentence.first_token);
    if (!speaker || speaker->begin != sentence.first_token) return;
    std::size_t end = next.end_token;
    for (std::size_t n = s + 2; n < segments_.sentences.size() && segments_.sentences[n].paragraph == next.paragraph; ++n)
      end = segments_.sentences[n].end_token;
    for (std::size_t t = next.first_token; t < end; ++t)
      if (quotation_at_[t] != kNone) return;
    add_quoted(tokens_span(next.first_token, end), *cue, *speaker, s + 1);
  }

  void add_quoted(const text::Quotation& quotation, const CueMatch& cue, const Speaker& speaker,
                  std::size_t sentence) {
    quotation_claim_[static_cast<std::size_t>(&quotation - segments_.quotations.data())] = claims_.size();
    add_quoted(trim_trailing_punctuation(quotation.content), cue, speaker, sentence);
  }

  // A quotation's claim whose content is given as it is; its attribution is used up.
  void add_quoted(Span content, const CueMatch& cue, const Speaker& speaker, std::size_t sentence) {
    Claim claim;
    claim.content = content;
    claim.cue = tokens_span(cue.begin, cue.end);
    claim.attribution = tokens_span(std::min(cue.begin, speaker.begin), std::max(cue.end, speaker.end));
    claim.quote = true;
    claim.negative = cue.kind == lexicon::CueKind::Negative;
    claim.speaker = speaker.entity;
    claim.joint_speakers = speaker.joint;
    claim.sentence = sentence;
    for (std::size_t t = std::min(cue.begin, speaker.begin); t < std::max(cue.end, speaker.end); ++t)
      used_[t] = true;
    claims_.push_back(claim);
  }

  Span trim_trailing_punctuation(Span span) const {
    while (span.end > span.begin && (text_[span.end - 1] == ',' || text_[span.end - 1] == ' ')) --span.end;
    return span;
  }

  // Reported speech read from a sentence's tree. A reporting verb claims its complement clause
  // ("Rasmussen said [there was no need ...]") for its subject; a verb that hangs as parataxis from the
  // clause it reports ("[There is no need], he said.") claims that clause without its own words. Every
  // cue of the sentence gives its claim, so a claim nested in another ("She recalled that Obama had
  // declared ...") gives both.
  void find_reported_in_tree(std::size_t s, const parse::DependencyTree& tree) {
    const std::size_t first = segments_.sentences[s].first_token;
    for (std::size_t w = 0; w < tree.size(); ++w) {
      const std::size_t t = first + w;
      if (used_[t] || quotation_at_[t] != kNone) continue;
      const auto cue = cue_at(t);
      // "according to X" and "X described Y as Z" are read by their word-order patterns.
      if (!cue || cue->kind == lexicon::CueKind::Source || cue->kind == lexicon::CueKind::Object) continue;
      const auto clause = reported_clause(tree, *cue, first);
      if (!clause) continue;
      const auto speaker = subject_speaker(tree, speaking_verb(tree, w, first), first);
      const bool speaker_in_aside = speaker && clause->aside_begin <= speaker->begin &&
                                    speaker->end <= clause->aside_end;
      if (!speaker || (speaker->begin < clause->end && clause->begin < speaker->end && !speaker_in_aside))
        continue;
      // A complement that is one whole quotation is the quotation's claim.
      if (quotation_at_[clause->begin] != kNone &&
          quotation_at_[clause->begin] == quotation_at_[clause->end - 1])
        continue;
      std::size_t begin = clause->begin;
      std::pair aside{clause->aside_begin, clause->aside_end};
      if (aside.first == aside.second)
        if (const auto fronted = fronted_aside(s, *speaker, *cue, begin)) {
          aside = *fronted;
          begin = segments_.sentences[s].first_token;
        }
      add_reported(tokens_span(begin, closing_quotation_end(begin, clause->end)), *cue, *speaker, s, aside);
      claims_.back().negative = claims_.back().negative || denies(tree, clause->head, first);
      for (std::size_t u = cue->begin; u < cue->end; ++u) used_[u] = true;
    }
  }

  // Where content [begin, end) ends with its quotation closed: a partial quotation opened inside it
  // takes the closing mark the parser left outside, with the stop before it ("... to “seek the peace
  // of a world without nuclear weapons.”").
  std::size_t closing_quotation_end(std::size_t begin, std::size_t end) const {
    if (begin >= end || quotation_at_[end - 1] == kNone || quotation_at_[begin] == quotation_at_[end - 1])
      return end;
    const std::size_t sentence_end = segments_.sentences[sentence_of_[end - 1]].end_token;
    for (std::size_t t = end; t < sentence_end && t < end + 2; ++t) {
      if (is_quotation_mark(word(t)) && quotation_at_[t] == quotation_at_[end - 1]) return t + 1;
      if (word(t) != "." && word(t) != ",") break;
    }
    return end;
  }

  // The clause a cue reports: its tokens [begin, end), without "that", the cue's own words and the
  // punctuation around it, and the tree word it hangs from.
  struct ReportedClause {
    std::size_t begin = 0, end = 0;
    std::size_t head = 0;
    std::size_t aside_begin = 0, aside_end = 0;  // the attribution inside it, if any
  };

  // Nullopt when the tree gives the cue no clause or it is shorter than three words.
  std::optional<ReportedClause> reported_clause(const parse::DependencyTree& tree, const CueMatch& cue,
                                                std::size_t first) const {
    std::optional<std::pair<std::size_t, std::size_t>> clause;
    std::size_t clause_head = 0;
    std::size_t aside_begin = 0, aside_end = 0;
    // A cue of several words may run on past the end of the sentence ("pointed. Out ...").
    for (std::size_t t = cue.begin; t < cue.end && t - first < tree.size() && !clause; ++t) {
      const std::size_t w = t - first;
      for (const std::size_t child : tree.children(w)) {
        const std::string_view relation = parse::base_relation(tree.relation(child));
        // A phrase's clause may hang from its noun: "expressed confidence [that ...]". What is said
        // is a whole clause, with a subject of its own or "that"; a bare "..., seeking to ..." is
        // a parser's mistake for an adverbial.
        const bool whole_clause = !tree.children(child, "nsubj").empty() ||
                                  !tree.children(child, "expl").empty() ||
                                  has_child_word(tree, child, first, "mark", kComplementMarks);
        const bool complement =
            (relation == "ccomp" || (relation == "acl" && cue.kind == lexicon::CueKind::Phrase)) &&
            whole_clause;
        // "insisted on [legally binding guarantees]", "spoke of [...]", not "spoke at [a gathering]".
        // The topic follows the cue, a time aside ("spoke out Tuesday about ..."); "spoke in a cottage
        // on a Marine base" names a place, "spoke on a radio show" a medium.
        const bool object_of_on = relation == "obl" && cue.kind == lexicon::CueKind::VerbOn && child > w &&
                                  has_child_word(tree, child, first, "case", kContentPrepositions) &&
                                  !text::is_one_of(lower_words_[first + child], kStatementMedia) &&
                                  std::none_of(pos_.begin() + static_cast<std::ptrdiff_t>(cue.end),
                                               pos_.begin() + static_cast<std::ptrdiff_t>(first + tree.subtree_span(child).first),
                                               [](std::string_view tag) { return tag == "IN"; });
        // "said [when she resigned]" is a time, not a statement, however the parser labels it.
        const bool adverbial = !tree.children(child, "mark").empty() &&
                               !has_child_word(tree, child, first, "mark", kComplementMarks);
        if ((complement || object_of_on) && !adverbial && child > w) {
          clause = tree.subtree_span(child);
          clause_head = child;
          // "..., and the downgrade is cast as ...": a new clause joined on after a comma is no longer
          // what was said ("..., and that he deemed it ..." still is, and so is "a second device was
          // found and that location is being treated as a crime scene").
          for (const std::size_t joined : tree.children(child, "conj"))
            if (!tree.children(joined, "nsubj").empty() && tree.subtree_span(joined).first > child &&
                comma_before_conjunction(tree, joined, first) &&
                !has_child_word(tree, joined, first, "mark", kComplementMarks)) {
              clause->second = std::min(clause->second, tree.subtree_span(joined).first);
              break;
            }
          clause->second = std::min(clause->second, speakers_own_verb(tree, *clause, first));
          // "warned that there could be walkouts [unless there was a rethink]": a condition the
          // parser hung from the cue belongs to what was said.
          for (const std::size_t condition : tree.children(w, "advcl"))
            if (tree.subtree_span(condition).first >= clause->second &&
                has_child_word(tree, condition, first, "mark", kConditionMarks))
              clause->second = std::max(clause->second, tree.subtree_span(condition).second);
          // "she suspected he was on drugs [— something a caller also told ...]": what follows a dash
          // in apposition is the writer's, not the speaker's.
          for (std::size_t d = clause->first; d < clause->second; ++d)
            if (is_dash(word(first + d)) && tree.head(d) && *tree.head(d) > d &&
                parse::base_relation(tree.relation(*tree.head(d))) == "appos") {
              clause->second = d;
              break;
            }
          break;
        }
      }
      // "[There is no need], he said.": the cue hangs from the clause it reports, set off from it by
      // punctuation ("the $18 million he says he raised" is a relative clause). Set inside the
      // clause ("To understand it, Roberts said, one should visit ..."), it is an aside of the claim.
      const auto head = tree.head(w);
      if (!clause && head && tree.relation(w) == "parataxis") {
        auto [cue_first, cue_end] = tree.subtree_span(w);
        const auto [head_first, head_end] = tree.subtree_span(*head);
        // The commas around the aside may hang from it or from the clause.
        while (cue_first < w && is_aside_mark(word(first + cue_first))) ++cue_first;
        while (cue_end > w + 1 && is_aside_mark(word(first + cue_end - 1))) --cue_end;
        const bool before = has_words(first + head_first, first + cue_first);
        const bool after = has_words(first + cue_end, first + head_end);
        const bool opened = cue_first > 0 && is_aside_mark(word(first + cue_first - 1));
        const bool closed = first + cue_end < token_count() && is_aside_mark(word(first + cue_end));
        std::size_t rest = first + cue_end;  // where the clause goes on after the aside
        while (rest < first + head_end && is_aside_mark(word(rest))) ++rest;
        // A quotation after the aside is a claim of its own.
        if (before && after && opened && closed && quotation_at_[rest] == kNone) {
          clause = std::pair{head_first, head_end};
          aside_begin = first + cue_first - 1;
          aside_end = rest;
        } else if (before && opened) {
          clause = std::pair{head_first, cue_first};
        } else if (after && closed && !before) {
          clause = std::pair{cue_end, head_end};
        }
        clause_head = *head;
      }
    }
    if (!clause) return std::nullopt;
    std::size_t begin = first + clause->first, end = first + clause->second;
    auto skippable = [&](std::size_t t) {
      const std::string_view w = word(t);
      return w == "," || w == ":" || w == "." || is_dash(w) || w == "-" || (t >= cue.begin && t < cue.end) ||
             (t == begin &&
              (lower_words_[t] == "that" || (cue.kind == lexicon::CueKind::VerbOn &&
                                             text::is_one_of(lower_words_[t], kContentPrepositions))));
    };
    while (begin < end && skippable(begin)) ++begin;
    while (end > begin && skippable(end - 1)) --end;
    if (end < begin + 3) return std::nullopt;
    // Trimming may have taken the words before the aside ("That, he said, was a mistake").
    if (aside_end > aside_begin && (begin > aside_begin || end < aside_end)) return std::nullopt;
    return ReportedClause{begin, end, clause_head, aside_begin, aside_end};
  }

  // The punctuation that sets an attribution off from the clause it reports.
  static bool is_aside_mark(std::string_view w) { return w == "," || w == ":" || is_dash(w); }

  // Whether tokens [begin, end) hold a word, not only punctuation.
  bool has_words(std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t)
      if (!is_aside_mark(word(t)) && word(t) != "." && !is_quotation_mark(word(t))) return true;
    return false;
  }

  // Where a verb the speaker did, joined to the content, starts: "he said he would order a review
  // [and warned against hackers]". clause: tree positions [first, second); returns clause.second
  // when there is none.
  std::size_t speakers_own_verb(const parse::DependencyTree& tree, std::pair<std::size_t, std::size_t> clause,
                                std::size_t first) const {
    for (std::size_t d = clause.first; d < clause.second; ++d) {
      const auto head = tree.head(d);
      if (head && *head >= clause.first && *head < d && joined_out_of_tense(tree, d, first))
        return tree.subtree_span(d).first;
    }
    return clause.second;
  }

  // A finite verb without a subject joined to an infinitive or a gerund ("would order ... and
  // warned"): it cannot share the other's tense, so it goes with the verb above, where the parser
  // often misplaces it.
  bool joined_out_of_tense(const parse::DependencyTree& tree, std::size_t d, std::size_t first) const {
    constexpr std::array<std::string_view, 2> kNonFinite{"VB", "VBG"};
    const auto head = tree.head(d);
    return head && tree.relation(d) == "conj" && is_finite_verb(pos_[first + d]) &&
           text::is_one_of(pos_[first + *head], kNonFinite) && tree.children(d, "nsubj").empty();
  }

  // The verb whose subject speaks for the cue at w: the cue itself, or, for a cue joined out of tense
  // into another cue's content ("May said the country would declare ... and suggested that ..."), that
  // other cue.
  std::size_t speaking_verb(const parse::DependencyTree& tree, std::size_t w, std::size_t first) const {
    if (!joined_out_of_tense(tree, w, first)) return w;
    for (auto up = tree.head(w); up; up = tree.head(*up)) {
      if (cue_at(first + *up)) return *up;
      const std::string_view relation = parse::base_relation(tree.relation(*up));
      if (relation != "ccomp" && relation != "xcomp" && relation != "conj") break;
    }
    return w;
  }

  // Whether the clause joined at `joined` follows a comma: ", and ...", ", but ...".
  bool comma_before_conjunction(const parse::DependencyTree& tree, std::size_t joined, std::size_t first) const {
    const std::size_t start = first + tree.subtree_span(joined).first;  // the comma may hang from it
    return word(start) == "," || (start > first && word(start - 1) == ",");
  }

  // Whether a clause denies what it says: its verb is negated ("he did not think there was a need")
  // or its subject is "no" something ("no agreement is needed", "there was no need").
  bool denies(const parse::DependencyTree& tree, std::size_t head, std::size_t first) const {
    constexpr std::array<std::string_view, 3> kNegations{"not", "n't", "never"};
    if (has_child_word(tree, head, first, "advmod", kNegations)) return true;
    for (const std::size_t subject : tree.children(head, "nsubj"))
      if (has_child_word(tree, subject, first, "det", std::array<std::string_view, 1>{"no"})) return true;
    return false;
  }

  template <std::size_t N>
  bool has_child_word(const parse::DependencyTree& tree, std::size_t word, std::size_t first,
                      std::string_view relation, const std::array<std::string_view, N>& words) const {
    for (const std::size_t child : tree.children(word, relation))
      if (text::is_one_of(lower_words_[first + child], words)) return true;
    return false;
  }

  // The speaker of a reporting verb: its subject, or the subject of the verb it is joined to ("He
  // smiled and said ...", "X refused to say ..."). A passive subject is the hearer, not the speaker.
  // The tree says where the subject phrase is; the phrase is read as the word-order rules read it,
  // because parsers trained on web text often split news names with titles ("NATO Secretary-General
  // Anders Fogh Rasmussen") into several subjects.
  std::optional<Speaker> subject_speaker(const parse::DependencyTree& tree, std::size_t verb,
                                         std::size_t first) const {
    const std::vector<std::size_t> subjects = tree.subjects_of(verb);
    if (subjects.empty() || tree.relation(subjects.front()) != "nsubj") return std::nullopt;
    auto [begin, end] = tree.subtrees_span(subjects);
    if (end > *tree.head(subjects.front())) return std::nullopt;  // "said X" is read by the word-order rules
    // A subject that is a name ends with it, not with its aside: "Rep. Trey Gowdy (R-S.C.)",
    // "Kenneth Baer, a former Obama aide,".
    const std::size_t head = first + subjects.back();
    if (mention_at_[head] != kNone) {
      const std::size_t name_end = mentions_[mention_at_[head]].end_token;
      if (name_end < first + end && (word(name_end) == "," || word(name_end) == "(")) end = name_end - first;
    }
    return speaker_before(first + end, first + begin);
  }

  // Reported speech read from word order. The closing pass finds an attribution that closes the
  // sentence ("..., X said.", "..., said X."); it outranks a reporting verb inside its content
  // ("Moscow insists on ..."). The other pass, for the cues the tree read no claim from, finds
  // "X said (that) ..." and "according to X, ...". Returns whether a claim was found.
  enum class Pass { Closing, Other };

  bool find_reported(std::size_t s, Pass pass) {
    const text::Sentence& sentence = segments_.sentences[s];
    std::size_t end = sentence.end_token;
    while (end > sentence.first_token && (word(end - 1) == "." || is_quotation_mark(word(end - 1)))) --end;
    for (std::size_t t = sentence.first_token; t < end; ++t) {
      if (quotation_at_[t] != kNone || used_[t]) continue;
      const auto cue = cue_at(t);
      if (!cue) continue;
      if (cue->kind == lexicon::CueKind::Source) {
        if (pass == Pass::Other && take_source(s, *cue, end)) return true;
        continue;
      }
      if (pass == Pass::Closing ? take_content_comma_speaker_cue(s, *cue, end)
                                : take_passive_object(s, *cue, end) || take_subject_cue_content(s, *cue, end))
        return true;
    }
    return false;
  }

  // "According to X, CONTENT.", "CONTENT, according to X.", "In his opinion, CONTENT."
  bool take_source(std::size_t s, const CueMatch& cue, std::size_t end) {
    const text::Sentence& sentence = segments_.sentences[s];
    std::optional<Speaker> speaker;
    std::size_t after_speaker = cue.end;
    const std::string& last = lower_words_[cue.end - 1];
    if (last == "to" || last == "of") {
      std::size_t comma = cue.end;
      while (comma < end && word(comma) != ",") ++comma;
      speaker = speaker_from(cue.end, comma);
      after_speaker = comma;
    } else {
      // The possessive inside the cue stands for the speaker: "his" -> he, "her" -> she.
      for (std::size_t t = cue.begin; t < cue.end && !speaker; ++t) {
        const std::string& w = lower_words_[t];
        if (w == "his" || w == "her") speaker = pronoun_speaker_of(w == "his" ? "he" : "she", t);
      }
    }
    if (!speaker) return false;
    Span content;
    if (cue.begin <= sentence.first_token + 1) {
      std::size_t from = after_speaker;
      while (from < end && word(from) == ",") ++from;
      if (end <= from + 2) return false;
      content = tokens_span(from, end);
    } else if (word(cue.begin - 1) == ",") {
      // "Turnover, according to Putin, was tantamount to ...": the content goes on after the aside;
      // after "which" it is the relative clause's ("..., which, according to Putin, was ...").
      const auto goes_on = [&](std::size_t t) {
        return t < end && (is_finite_verb(pos_[t]) || pos_[t] == "MD");
      };
      if (after_speaker < end && word(after_speaker) == "," && goes_on(after_speaker + 1)) {
        const std::size_t before_aside = cue.begin - 1;
        if (before_aside > sentence.first_token &&
            text::is_one_of(lower_words_[before_aside - 1], std::array<std::string_view, 3>{"which", "who", "that"})) {
          add_reported(tokens_span(after_speaker + 1, end), cue, *speaker, s);
        } else {
          add_reported(tokens_span(sentence.first_token, end), cue, *speaker, s, {before_aside, after_speaker + 1});
        }
        return true;
      }
      if (cue.begin - 1 <= sentence.first_token + 2) return false;
      content = tokens_span(sentence.first_token, cue.begin - 1);
    } else {
      return false;
    }
    add_reported(content, cue, *speaker, s);
    return true;
  }

  // "Plans ... have been branded “deeply irresponsible” by the Liberal Democrats": a passive object
  // cue says what the speaker after "by" called its subject.
  bool take_passive_object(std::size_t s, const CueMatch& cue, std::size_t end) {
    constexpr std::array<std::string_view, 6> kPassiveAuxiliaries{"been", "was", "were", "is", "are", "be"};
    if (cue.kind != lexicon::CueKind::Object || cue.begin == segments_.sentences[s].first_token ||
        !text::is_one_of(lower_words_[cue.begin - 1], kPassiveAuxiliaries))
      return false;
    std::size_t by = cue.end;
    while (by < end && lower_words_[by] != "by") ++by;
    if (by == cue.end || by >= end) return false;
    const auto speaker = speaker_from(by + 1, end);
    if (!speaker || speaker->end != end) return false;
    add_reported(tokens_span(cue.end, by), cue, *speaker, s);
    return true;
  }

  // "X said (that) CONTENT": the speaker right before the cue, the content after it.
  bool take_subject_cue_content(std::size_t s, const CueMatch& cue, std::size_t end) {
    const text::Sentence& sentence = segments_.sentences[s];
    // "Trump further described ...", "Putin also said ...".
    std::size_t speaker_end = cue.begin;
    while (speaker_end > sentence.first_token + 1 && pos_[speaker_end - 1].starts_with("RB")) --speaker_end;
    std::size_t floor = speaker_end;
    while (floor > sentence.first_token && word(floor - 1) != ",") --floor;
    // "Iain Duncan Smith, one of the chief critics of the plans, condemned ...": the person before
    // the apposition.
    if (floor == speaker_end && floor > sentence.first_token) floor = sentence.first_token;
    const auto speaker = speaker_before(speaker_end, floor);
    if (!speaker || speaker->begin != floor) return false;
    std::size_t content = cue.end;
    for (std::size_t look = cue.end; look < std::min(end, cue.end + 3); ++look)
      // "said that claim smacked of ...": a "that" the tagger reads as a determiner opens no clause.
      if (word(look) == "that" && pos_[look] == "IN") {
        content = look + 1;
        break;
      }
    // "they continued their talks" reports nothing.
    if (cue.kind == lexicon::CueKind::Quoting && content == cue.end) return false;
    // "insisted on ...", "spoke of ...", but not "spoke at a gathering".
    if (cue.kind == lexicon::CueKind::VerbOn && content == cue.end) {
      if (content >= end || !text::is_one_of(lower_words_[content], kContentPrepositions)) return false;
      ++content;
      // "spoke on a radio show": a medium, not a topic.
      for (std::size_t t = content; t < std::min(end, content + 5) && pos_[t] != "IN"; ++t)
        if (text::is_one_of(lower_words_[t], kStatementMedia)) return false;
    }
    // "called on the parties to ...", "called for calm": an appeal, whose content follows "on" or "for".
    if (cue.kind == lexicon::CueKind::Object && content == cue.end && content < end &&
        text::is_one_of(lower_words_[content], std::array<std::string_view, 3>{"on", "upon", "for"}))
      ++content;
    while (content < end && (word(content) == "," || word(content) == ":")) ++content;
    if (end <= content + 2) return false;
    // A content that is one whole quotation is the quotation's claim.
    if (quotation_at_[content] != kNone && cue.kind != lexicon::CueKind::Object) return false;
    const std::size_t content_end = clause_end(content, end, cue.kind == lexicon::CueKind::Object);
    if (const auto fronted = fronted_aside(s, *speaker, cue, content)) {
      add_reported(tokens_span(sentence.first_token, content_end), cue, *speaker, s, *fronted);
      return true;
    }
    // "Everything Trump says is a lie": a content that opens with a verb, its subject not set before
    // the attribution, has none; the cue was inside a noun phrase.
    if (is_finite_verb(pos_[content]) || pos_[content] == "MD") return false;
    add_reported(tokens_span(content, content_end), cue, *speaker, s);
    return true;
  }

  // Where reported content ends: the sentence's end, or a new clause joined on after a comma
  // (", and the downgrade is cast ..."). What is said of an object ends sooner (object_ends_at).
  std::size_t clause_end(std::size_t content, std::size_t end, bool object) const {
    constexpr std::size_t kShortest = 5;
    for (std::size_t t = content + 1; t + 1 < end; ++t) {
      if (t - content >= kShortest && word(t) == "," && (word(t + 1) == "and" || word(t + 1) == "but") &&
          t + 2 < end && (pos_[t + 2] == "DT" || pos_[t + 2] == "PRP" || pos_[t + 2].starts_with("NN")))
        return t;
      if (object)
        if (const auto stop = object_ends_at(content, t)) return *stop;
    }
    return end;
  }

  // Whether what is said of an object ("condemned the debate as a charade ...") ends at token t, and
  // where: before "and" or "but" and a finite verb or a cue ("... and complained ...", "... and said
  // ..."), not before an infinitive it goes on with ("urged X to call out Russia and consider ...");
  // before the medium ("... in a statement on Thursday"); before a clause of when or why ("... after
  // she attacked ..."); before the writer's gloss
  // (", which include ..."); after a quotation that says what the object is ("as a “disgrace”
  // Wednesday on ..."), unless more is joined on ("... and a “grave threat”").
  std::optional<std::size_t> object_ends_at(std::size_t content, std::size_t t) const {
    const std::string_view w = word(t);
    if ((w == "and" || w == "but") && (is_finite_verb(pos_[t + 1]) || cue_at(t + 1)))
      return t > content + 1 && word(t - 1) == "," ? t - 1 : t;
    if (quotation_at_[t] != kNone && !is_quotation_mark(w)) return std::nullopt;
    // "in a statement", "in an email released ...": the medium, not what was said.
    if ((lower_words_[t] == "in" || lower_words_[t] == "during") && t + 2 < token_count() &&
        (text::is_one_of(lower_words_[t + 1], kStatementMedia) ||
         ((pos_[t + 1] == "DT" || pos_[t + 1] == "PRP$") && text::is_one_of(lower_words_[t + 2], kStatementMedia))))
      return t;
    if (text::is_one_of(lower_words_[t], kTimeSubordinators) ||
        (w == "," && text::is_one_of(lower_words_[t + 1], std::array<std::string_view, 2>{"which", "who"})))
      return t;
    const auto from = lower_words_.begin() + static_cast<std::ptrdiff_t>(content);
    const auto to = lower_words_.begin() + static_cast<std::ptrdiff_t>(t);
    const bool closes_quotation = is_quotation_mark(w) && quotation_at_[t] != kNone && quotation_at_[t - 1] == quotation_at_[t];
    if (closes_quotation && std::find(from, to, "as") != to &&
        !text::is_one_of(lower_words_[t + 1], std::array<std::string_view, 5>{"and", "or", "who", "that", "which"}))
      return t + 1;
    return std::nullopt;
  }

  // "CONTENT, X said [on Saturday]." and "CONTENT, said X.": the cue closes the sentence.
  bool take_content_comma_speaker_cue(std::size_t s, const CueMatch& cue, std::size_t end) {
    const text::Sentence& sentence = segments_.sentences[s];
    std::optional<Speaker> speaker;
    std::size_t comma = kNone;
    if (cue.begin > sentence.first_token && word(cue.begin - 1) == ",") {
      // ", said X.", but not ", condemned the debate as a charade.", whose object is not its speaker.
      if (cue.kind == lexicon::CueKind::Object) return false;
      speaker = speaker_from(cue.end, end);
      comma = cue.begin - 1;
      // ", said he had ..." is a clause after an apposition ("The chairman, Phil Lovas, said he
      // had ..."), not an inverted attribution.
      if (speaker && speaker->end == speaker->begin + 1 &&
          text::is_one_of(lower_words_[speaker->begin], std::array<std::string_view, 2>{"he", "she"}))
        speaker.reset();
    } else {
      std::size_t b = cue.begin;
      while (b > sentence.first_token && word(b - 1) != ",") --b;
      if (b == sentence.first_token) return false;
      // "..., the lord chancellor has said."
      std::size_t speaker_end = cue.begin;
      if (speaker_end > b + 1 &&
          text::is_one_of(lower_words_[speaker_end - 1], std::array<std::string_view, 3>{"has", "have", "had"}))
        --speaker_end;
      speaker = speaker_before(speaker_end, b);
      if (speaker && speaker->begin != b) speaker.reset();
      comma = b - 1;
    }
    if (!speaker || comma <= sentence.first_token + 2) return false;
    // Only a short tail may follow the cue: "on Saturday, August 13", not a new clause ("In a 2009
    // interview, Putin said the treaty was vital", whose tail has a verb), nor the cue's object ("In
    // her 2003 book, Clinton noted the clot's existence"), unless it is whom it was told to ("...,
    // Lavrov told a news conference") or when ("..., he said this week").
    const std::size_t tail = std::max(speaker->end, cue.end);
    if (tail < end && (end - tail > 6 ||
                       std::any_of(pos_.begin() + static_cast<std::ptrdiff_t>(tail),
                                   pos_.begin() + static_cast<std::ptrdiff_t>(end), [](std::string_view tag) {
                                     return tag.starts_with("VB") || tag == "MD";
                                   })))
      return false;
    const bool told = text::is_one_of(lower_words_[cue.begin], std::array<std::string_view, 4>{"told", "tell", "tells", "telling"});
    if (tail + 1 < end && cue.end == tail && (pos_[tail] == "DT" || pos_[tail] == "PRP$") && !told &&
        !text::is_one_of(lower_words_[tail + 1], kTimeNouns))
      return false;
    std::size_t content_end = comma;
    while (content_end > sentence.first_token && is_quotation_mark(word(content_end - 1))) --content_end;
    add_reported(tokens_span(sentence.first_token, content_end), cue, *speaker, s);
    return true;
  }

  // "To understand it, Roberts said, one should visit ...": an attribution set off by commas inside
  // what was said. Where the content starts right after such an attribution, the words before it
  // start the content. Returns the aside's tokens (the attribution with the marks around it).
  std::optional<std::pair<std::size_t, std::size_t>> fronted_aside(std::size_t s, const Speaker& speaker,
                                                                   const CueMatch& cue,
                                                                   std::size_t content_begin) const {
    const std::size_t sentence_first = segments_.sentences[s].first_token;
    const std::size_t opening = std::min(speaker.begin, cue.begin);
    const std::size_t closing = std::max(speaker.end, cue.end);
    if (opening < sentence_first + 2 || !is_aside_mark(word(opening - 1)) || closing >= content_begin)
      return std::nullopt;
    for (std::size_t t = closing; t < content_begin; ++t)
      if (!is_aside_mark(word(t))) return std::nullopt;
    if (!has_words(sentence_first, opening - 1)) return std::nullopt;
    for (std::size_t t = sentence_first; t < opening; ++t)
      if (quotation_at_[t] != kNone || used_[t]) return std::nullopt;
    return std::pair{opening - 1, content_begin};
  }

  // aside: tokens [first, end) of an attribution inside the content, if any.
  void add_reported(Span content, const CueMatch& cue, const Speaker& speaker, std::size_t sentence,
                    std::pair<std::size_t, std::size_t> aside = {}) {
    Claim claim;
    claim.content = content;
    if (aside.second > aside.first)
      claim.aside = Span{segments_.tokens[aside.first].span.begin, segments_.tokens[aside.second].span.begin};
    claim.cue = tokens_span(cue.begin, cue.end);
    claim.attribution = tokens_span(std::min(cue.begin, speaker.begin), std::max(cue.end, speaker.end));
    claim.negative = cue.kind == lexicon::CueKind::Negative;
    claim.speaker = speaker.entity;
    claim.joint_speakers = speaker.joint;
    claim.sentence = sentence;
    claims_.push_back(claim);
  }

  // "Obama said he hoped it would encourage a dialogue": a claim whose attribution opens a claim of
  // the same speaker (or of no one named, as the outer one: "Police said they have no plans ...") says
  // again what the outer one says, and goes. Nested claims of another speaker stay ("Merkel recalled
  // that Obama had declared ..."), and so do those deeper inside ("... was right when he said ...").
  void drop_restated() {
    auto restates = [&](const Claim& inner) {
      return !inner.quote &&
             std::any_of(claims_.begin(), claims_.end(), [&](const Claim& outer) {
               return &outer != &inner && !outer.quote && outer.speaker == inner.speaker &&
                      outer.content.begin == inner.attribution.begin && outer.content.contains(inner.content);
             });
    };
    std::vector<bool> restated;
    for (const Claim& claim : claims_) restated.push_back(restates(claim));
    remove_claims(restated);
  }

  // The first mention of each entity named inside each claim's content, in text order, its speakers aside.
  void find_mentioned() {
    for (Claim& claim : claims_) {
      for (std::size_t m = 0; m < mentions_.size(); ++m) {
        if (!in_what_was_said(claim, mentions_[m].span)) continue;
        const std::size_t entity = entities_.entity_of_mention[m];
        const bool speaker = claim.speaker == entity ||
                             std::find(claim.joint_speakers.begin(), claim.joint_speakers.end(), entity) !=
                                 claim.joint_speakers.end();
        const bool seen =
            std::any_of(claim.mentioned.begin(), claim.mentioned.end(),
                        [&](std::size_t earlier) { return entities_.entity_of_mention[earlier] == entity; });
        if (!speaker && !seen) claim.mentioned.push_back(m);
      }
    }
  }

  std::string_view text_;
  const text::Segments& segments_;
  const parse::SentenceTrees& trees_;
  const std::vector<std::string_view>& pos_;  // per token
  const std::vector<tag::Mention>& mentions_;
  const resolve::Entities& entities_;
  const lexicon::ReportingCues& cues_;
  const lexicon::Titles& titles_;
  std::vector<std::size_t> mention_at_;    // token -> mention index or kNone
  std::vector<std::size_t> quotation_at_;  // token -> quotation index or kNone
  std::vector<std::size_t>
      reference_at_;  // token -> the person entity resolution found a pronoun there stands for
  std::vector<std::pair<std::size_t, std::size_t>> quotation_tokens_;  // quotation -> [first, end) tokens
  std::vector<std::size_t> sentence_of_;                               // token -> sentence index
  std::vector<bool> used_;                // tokens already read as an attribution or a tree's cue
  std::vector<std::string> lower_words_;  // every token in lower case, for the cue lexicon
  std::vector<Claim> claims_;
  // quotation index -> its claim in claims_; valid until join_broken_quotations removes claims
  std::map<std::size_t, std::size_t> quotation_claim_;
};

}  // namespace

std::vector<bool> sentences_with_cues(std::string_view text, const text::Segments& segments) {
  const lexicon::ReportingCues& cues = lexicon::ReportingCues::embedded();
  return text::sentences_with_word(
      text, segments, [&](std::string_view lower) { return !cues.starting_with(lower).empty(); });
}

std::vector<Claim> extract_claims(const Document& document, const text::Segments& segments,
                                  const tag::Tagging& tagging, const resolve::Entities& entities,
                                  const std::vector<time::TimeExpression>& times,
                                  const parse::SentenceTrees& trees) {
  std::vector<Claim> claims = ClaimFinder(document, segments, tagging, entities, trees).find();
  // "the Foreign Ministry said on Saturday, August 13": a date right after the cue is when it was said.
  for (Claim& claim : claims)
    for (const auto& expression : times)
      if (expression.value && expression.span.begin >= claim.cue.end &&
          expression.span.begin <= claim.cue.end + 4)
        claim.date = time::calendar_date(*expression.value);
  return claims;
}

}  // namespace newsgraph::extract
