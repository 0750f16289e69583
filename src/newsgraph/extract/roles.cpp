#include "newsgraph/extract/roles.hpp"

#include <optional>

#include "newsgraph/lexicon/lexicon.hpp"

namespace newsgraph::extract {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_possessive(std::string_view word) { return word == "'s" || word == "\u2019s"; }

class RoleFinder {
 public:
  RoleFinder(const Document& document, const text::Segments& segments, const tag::Tagging& tagging,
             const resolve::Entities& entities)
      : text_(document.text),
        segments_(segments),
        tagging_(tagging),
        entities_(entities),
        titles_(lexicon::Titles::embedded()),
        entity_at_(segments.tokens.size(), kNone),
        mention_start_(segments.tokens.size(), kNone),
        mention_end_(segments.tokens.size() + 1, kNone) {
    for (const auto& token : segments.tokens) words_.push_back(slice(text_, token.span));
    for (std::size_t m = 0; m < tagging.mentions.size(); ++m) {
      const tag::Mention& mention = tagging.mentions[m];
      for (std::size_t t = mention.first_token; t < mention.end_token; ++t)
        entity_at_[t] = entities.entity_of_mention[m];
      mention_start_[mention.first_token] = m;
      mention_end_[mention.end_token] = m;
    }
    for (std::size_t d = 0; d < tagging.demonyms.size(); ++d) {
      entity_at_[tagging.demonyms[d].token] = entities.entity_of_demonym[d];
      mention_end_[tagging.demonyms[d].token + 1] = kDemonym;
    }
  }

  std::vector<Role> find() {
    for (std::size_t m = 0; m < tagging_.mentions.size(); ++m)
      if (tagging_.mentions[m].type == tag::EntityType::Person) find_for_person(m);
    return std::move(roles_);
  }

 private:
  static constexpr std::size_t kDemonym = kNone - 1;

  bool is_owner(std::size_t entity) const {
    return entity != kNone && entities_.entities[entity].type != tag::EntityType::Person;
  }

  // The organisation or place named by the words that end just before `end`: "Russian", "NATO",
  // "Russia's", "the United States'". Sets `begin` to where those words start.
  std::optional<std::size_t> owner_ending_at(std::size_t end, std::size_t floor, std::size_t& begin) const {
    if (end <= floor) return std::nullopt;
    std::size_t last = end;
    if (is_possessive(words_[end - 1]) && end - 1 > floor) last = end - 1;
    const std::size_t marker = mention_end_[last];
    if (marker == kNone) return std::nullopt;
    const std::size_t entity = entity_at_[last - 1];
    if (!is_owner(entity)) return std::nullopt;
    begin = marker == kDemonym ? last - 1 : tagging_.mentions[marker].first_token;
    return entity;
  }

  // The start of a title that ends exactly at `end`, searching back no further than `floor`.
  std::optional<std::size_t> title_ending_at(std::size_t end, std::size_t floor) const {
    std::optional<std::size_t> start;
    for (std::size_t s = end; s-- > floor && end - s <= 10;) {
      if (!titles_.is_title_word(words_[s]) && words_[s] != "for" && words_[s] != "of" && words_[s] != "and") break;
      if (titles_.is_title_word(words_[s]) && titles_.title_end(words_, s, end) == end) start = s;
    }
    return start;
  }

  std::string title_text(std::size_t begin, std::size_t end) const {
    return titles_.spelled_out(slice(text_, Span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end}));
  }

  // "Presidents" -> "President" when the singular is a title head.
  std::string singular(std::string title) const {
    if (title.size() > 1 && title.back() == 's') {
      const std::size_t space = title.rfind(' ');
      const std::string head = title.substr(space == std::string::npos ? 0 : space + 1);
      if (titles_.is_head(head.substr(0, head.size() - 1))) title.pop_back();
    }
    return title;
  }

  void add(std::size_t person_mention, std::size_t owner, std::string title, std::size_t from, std::size_t to) {
    const std::size_t person = entities_.entity_of_mention[person_mention];
    const Span evidence{segments_.tokens[from].span.begin, segments_.tokens[to - 1].span.end};
    for (const Role& role : roles_)
      if (role.person == person && role.owner == owner && role.title == title) return;
    roles_.push_back(Role{person, owner, std::move(title), evidence});
  }

  void find_for_person(std::size_t m) {
    const tag::Mention& person = tagging_.mentions[m];
    const text::Sentence& sentence = segments_.sentences[person.sentence];
    const std::size_t floor = sentence.first_token;
    const std::size_t p = person.first_token;

    // OWNER TITLE PERSON: "Russian Foreign Minister Sergei Lavrov", "NATO Secretary-General ...".
    if (const auto title = title_ending_at(p, floor)) {
      std::size_t begin = 0;
      if (const auto owner = owner_ending_at(*title, floor, begin)) {
        add(m, *owner, title_text(*title, p), begin, person.end_token);
        return;
      }
    }
    // TITLE of OWNER PERSON: "President of Russia Vladimir Putin".
    if (p > floor && mention_end_[p] != kNone && mention_end_[p] != kDemonym) {
      const tag::Mention& owner = tagging_.mentions[mention_end_[p]];
      const std::size_t owner_entity = entity_at_[p - 1];
      if (is_owner(owner_entity) && owner.first_token > floor + 1 && words_[owner.first_token - 1] == "of")
        if (const auto title = title_ending_at(owner.first_token - 1, floor)) {
          add(m, owner_entity, title_text(*title, owner.first_token - 1), *title, person.end_token);
          return;
        }
    }
    // TITLES of OWNER1 and OWNER2, PERSON1 and PERSON2: pairs in order.
    if (find_pairs(m)) return;
    // PERSON, [the] OWNER TITLE [of OWNER]: "Sergei Ryabkov, Russia's deputy foreign minister,".
    find_apposition_after(m);
  }

  bool find_pairs(std::size_t m) {
    const tag::Mention& first = tagging_.mentions[m];
    const std::size_t floor = segments_.sentences[first.sentence].first_token;
    std::size_t t = first.first_token;
    if (t < floor + 4 || words_[t - 1] != ",") return false;
    // OWNER2 ends before the comma; "and" [the] before it; OWNER1; "of"; the plural title.
    const std::size_t owner2 = mention_end_[t - 1];
    if (owner2 == kNone || owner2 == kDemonym || !is_owner(entity_at_[t - 2])) return false;
    std::size_t u = tagging_.mentions[owner2].first_token;
    if (u > floor && (words_[u - 1] == "the" || words_[u - 1] == "The")) --u;
    if (u <= floor || words_[u - 1] != "and") return false;
    const std::size_t owner1 = mention_end_[u - 1];
    if (owner1 == kNone || owner1 == kDemonym || !is_owner(entity_at_[u - 2])) return false;
    const std::size_t of = tagging_.mentions[owner1].first_token;
    if (of <= floor || words_[of - 1] != "of") return false;
    const auto title = title_ending_at(of - 1, floor);
    if (!title) return false;
    // The second person: "and PERSON2" right after the first.
    const std::size_t next = first.end_token;
    if (next + 1 >= segments_.tokens.size() || words_[next] != "and" || mention_start_[next + 1] == kNone) return false;
    const std::size_t second = mention_start_[next + 1];
    if (tagging_.mentions[second].type != tag::EntityType::Person) return false;
    const std::string title_words = singular(title_text(*title, of - 1));
    add(m, entities_.entity_of_mention[owner1], title_words, *title, first.end_token);
    add(second, entities_.entity_of_mention[owner2], title_words, *title, tagging_.mentions[second].end_token);
    return true;
  }

  void find_apposition_after(std::size_t m) {
    const tag::Mention& person = tagging_.mentions[m];
    const std::size_t end = segments_.sentences[person.sentence].end_token;
    std::size_t t = person.end_token;
    if (t + 2 >= end || words_[t] != ",") return;
    ++t;
    if (words_[t] == "the" || words_[t] == "The") ++t;
    std::optional<std::size_t> owner;
    // An owner before the title: "Russia's", "Russian", "the Lib Dem".
    if (t < end && mention_start_[t] != kNone) {
      const tag::Mention& named = tagging_.mentions[mention_start_[t]];
      std::size_t after = named.end_token;
      if (after < end && is_possessive(words_[after])) ++after;
      if (is_owner(entities_.entity_of_mention[mention_start_[t]]) && after < end &&
          titles_.is_title_word(words_[after])) {
        owner = entities_.entity_of_mention[mention_start_[t]];
        t = after;
      }
    } else if (t < end && entity_at_[t] != kNone && is_owner(entity_at_[t]) && t + 1 < end &&
               titles_.is_title_word(words_[t + 1])) {
      owner = entity_at_[t];  // a demonym
      ++t;
    }
    const std::size_t title_end = titles_.title_end(words_, t, end);
    if (title_end == t) return;
    std::size_t stop = title_end;
    // Or an owner after it: "the Secretary-General of NATO".
    if (!owner && stop + 1 < end && words_[stop] == "of" && mention_start_[stop + 1] != kNone &&
        is_owner(entities_.entity_of_mention[mention_start_[stop + 1]])) {
      owner = entities_.entity_of_mention[mention_start_[stop + 1]];
      stop = tagging_.mentions[mention_start_[stop + 1]].end_token;
    }
    if (!owner) return;
    // The apposition ends there: a comma, the sentence's end, or a reporting verb.
    if (stop < end && words_[stop] != "," && words_[stop] != "." && words_[stop] != "said") return;
    add(m, *owner, title_text(t, title_end), person.first_token, stop);
  }

  std::string_view text_;
  const text::Segments& segments_;
  const tag::Tagging& tagging_;
  const resolve::Entities& entities_;
  const lexicon::Titles& titles_;
  std::vector<std::string_view> words_;
  std::vector<std::size_t> entity_at_;      // token -> entity of the mention or demonym there
  std::vector<std::size_t> mention_start_;  // token -> mention starting there
  std::vector<std::size_t> mention_end_;    // token -> mention (or kDemonym) ending just before it
  std::vector<Role> roles_;
};

}  // namespace

std::vector<Role> extract_roles(const Document& document, const text::Segments& segments,
                                const tag::Tagging& tagging, const resolve::Entities& entities) {
  return RoleFinder(document, segments, tagging, entities).find();
}

}  // namespace newsgraph::extract
