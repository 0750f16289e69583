#include "newsgraph/extract/roles.hpp"

#include <algorithm>
#include <optional>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/resolve/gazetteer.hpp"

namespace newsgraph::extract {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_possessive(std::string_view word) {
  return word == "'s" || word == "\u2019s";
}

class RoleFinder {
 public:
  RoleFinder(const Document& document, const text::Segments& segments, const tag::Tagging& tagging,
             const resolve::Entities& entities, const parse::SentenceTrees& trees)
      : text_(document.text),
        segments_(segments),
        tagging_(tagging),
        entities_(entities),
        trees_(trees),
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
    if (const auto city = city_before_its_region(end, floor, begin)) return city;
    std::size_t last = end;
    if (is_possessive(words_[end - 1]) && end - 1 > floor) last = end - 1;
    const std::size_t marker = mention_end_[last];
    if (marker == kNone) return std::nullopt;
    const std::size_t entity = entity_at_[last - 1];
    if (!is_owner(entity)) return std::nullopt;
    begin = marker == kDemonym ? last - 1 : tagging_.mentions[marker].first_token;
    return entity;
  }

  // "Tulsa, Okla., police officer": a city, then its state or country set off by commas, ends just
  // before `end`; the city is the owner. After a preposition the places end an opening
  // phrase instead ("At Annapolis, Md., Admiral Harris trained").
  std::optional<std::size_t> city_before_its_region(std::size_t end, std::size_t floor,
                                                    std::size_t& begin) const {
    if (end < floor + 4 || words_[end - 1] != ",") return std::nullopt;
    std::size_t region_end = end - 1;
    if (words_[region_end - 1] == ".") --region_end;  // the period of "Okla."
    const std::size_t region = mention_end_[region_end];
    if (region == kNone || region == kDemonym || !is_place(entity_at_[region_end - 1])) return std::nullopt;
    if (tagging_.mentions[region].first_token <= floor + 1) return std::nullopt;
    const std::size_t comma = tagging_.mentions[region].first_token - 1;
    if (words_[comma] != "," || mention_end_[comma] == kNone || mention_end_[comma] == kDemonym ||
        !is_place(entity_at_[comma - 1]) || !lies_in(entity_at_[comma - 1], entity_at_[region_end - 1]))
      return std::nullopt;
    const std::size_t city = tagging_.mentions[mention_end_[comma]].first_token;
    if (city > floor && (tagging_.pos[city - 1] == "IN" || tagging_.pos[city - 1] == "TO"))
      return std::nullopt;
    begin = city;
    return entity_at_[comma - 1];
  }

  // `region` is a state or country and `city` no state or country, and no city the gazetteer places
  // elsewhere ("Tulsa" and "Oklahoma"; not "Germany" and "France"). Towns the gazetteer does not
  // know, or knows in several countries, pass.
  bool lies_in(std::size_t city, std::size_t region) const {
    const resolve::Gazetteer& gazetteer = resolve::Gazetteer::embedded();
    const auto area = gazetteer.find_place(entities_.entities[region].name);
    if (!area || area->kind == resolve::PlaceKind::City) return false;
    const std::string& country = area->kind == resolve::PlaceKind::Country ? area->canonical : area->country;
    const auto town = gazetteer.find_place(entities_.entities[city].name);
    if (!town) return true;
    return town->kind == resolve::PlaceKind::City && (town->country.empty() || town->country == country);
  }

  bool is_place(std::size_t entity) const {
    return entity != kNone && entities_.entities[entity].type == tag::EntityType::Place;
  }

  // The start of a title that ends exactly at `end`, searching back no further than `floor`.
  std::optional<std::size_t> title_ending_at(std::size_t end, std::size_t floor) const {
    std::optional<std::size_t> start;
    for (std::size_t s = end; s-- > floor && end - s <= 10;) {
      if (!titles_.is_title_word(words_[s]) && words_[s] != "for" && words_[s] != "of" && words_[s] != "and")
        break;
      if (titles_.is_title_word(words_[s]) && titles_.title_end(words_, s, end) == end) start = s;
    }
    return start;
  }

  std::string title_text(std::size_t begin, std::size_t end) const {
    return titles_.spelled_out(
        slice(text_, Span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end}));
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

  void add(std::size_t person_mention, std::size_t owner, std::string title, std::size_t from,
           std::size_t to) {
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
    if (next + 1 >= segments_.tokens.size() || words_[next] != "and" || mention_start_[next + 1] == kNone)
      return false;
    const std::size_t second = mention_start_[next + 1];
    if (tagging_.mentions[second].type != tag::EntityType::Person) return false;
    const std::string title_words = singular(title_text(*title, of - 1));
    add(m, entities_.entity_of_mention[owner1], title_words, *title, first.end_token);
    add(second, entities_.entity_of_mention[owner2], title_words, *title,
        tagging_.mentions[second].end_token);
    return true;
  }

  // PERSON, [the] OWNER TITLE [of OWNER]: an apposition is read from the sentence's tree where it has
  // one, so that it may run on past its title ("Sergei Ryabkov, Russia's deputy foreign minister in
  // charge of arms control, said"); else by word order, up to a comma, the end or "said".
  void find_apposition_after(std::size_t m) {
    if (find_apposition_in_tree(m)) return;
    const tag::Mention& person = tagging_.mentions[m];
    const std::size_t end = segments_.sentences[person.sentence].end_token;
    const std::size_t t = person.end_token;
    if (t + 2 >= end || words_[t] != ",") return;
    const auto apposition = read_apposition(t + 1, end);
    if (!apposition) return;
    if (!closes_apposition(apposition->end, end)) return;
    add(m, apposition->owner, title_text(apposition->title_begin, apposition->title_end), person.first_token,
        apposition->end);
  }

  // An apposition ends at token t (the sentence ends at `end`): at a comma, a stop, the end or "said".
  bool closes_apposition(std::size_t t, std::size_t end) const {
    return t >= end || words_[t] == "," || words_[t] == "." || words_[t] == "said";
  }

  bool find_apposition_in_tree(std::size_t m) {
    const tag::Mention& person = tagging_.mentions[m];
    const auto& tree = trees_[person.sentence];
    if (!tree || person.end_token >= words_.size() || words_[person.end_token] != ",") return false;
    const std::size_t first = segments_.sentences[person.sentence].first_token;
    // The name's head: its word whose own head lies outside the name.
    std::optional<std::size_t> head;
    for (std::size_t w = person.first_token - first; w < person.end_token - first && !head; ++w) {
      const auto up = tree->head(w);
      if (!up || *up < person.first_token - first || *up >= person.end_token - first) head = w;
    }
    if (!head) return false;
    for (const std::size_t apposed : tree->children(*head, "appos")) {
      const auto [begin, end] = tree->subtree_span(apposed);
      std::size_t from = first + begin;
      while (from < first + end && words_[from] == ",") ++from;  // the comma hangs from the apposition
      if (from < person.end_token) continue;
      // The title itself stands in apposition, set off by commas, and names no one else ("Peter
      // Mandelson, British Ambassador to Russia Anthony Brenton" is a list the parser joined wrongly).
      const auto apposition = read_apposition(from, first + end);
      const std::size_t after = first + end;
      const bool set_off = closes_apposition(after, segments_.sentences[person.sentence].end_token);
      if (apposition && set_off && apposition->title_begin <= first + apposed &&
          first + apposed < apposition->title_end && !names_person(apposition->end, after)) {
        add(m, apposition->owner, title_text(apposition->title_begin, apposition->title_end),
            person.first_token, apposition->end);
        return true;
      }
    }
    return false;
  }

  bool names_person(std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t)
      if (mention_start_[t] != kNone && tagging_.mentions[mention_start_[t]].type == tag::EntityType::Person)
        return true;
    return false;
  }

  // "[the] [OWNER['s]] TITLE [of OWNER]" read from token t, no further than `end`: "Russia's deputy
  // foreign minister", "the Secretary-General of NATO". Nullopt without a title or an owner.
  struct Apposition {
    std::size_t owner = 0;
    std::size_t title_begin = 0, title_end = 0;
    std::size_t end = 0;  // one past its last word
  };

  std::optional<Apposition> read_apposition(std::size_t t, std::size_t end) const {
    if (t < end && (words_[t] == "the" || words_[t] == "The")) ++t;
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
    if (title_end == t) return std::nullopt;
    std::size_t stop = title_end;
    // Or an owner after it: "the Secretary-General of NATO".
    if (!owner && stop + 1 < end && words_[stop] == "of" && mention_start_[stop + 1] != kNone &&
        is_owner(entities_.entity_of_mention[mention_start_[stop + 1]])) {
      owner = entities_.entity_of_mention[mention_start_[stop + 1]];
      stop = tagging_.mentions[mention_start_[stop + 1]].end_token;
    }
    if (!owner) return std::nullopt;
    // "Federation Council Speaker Valentina Matviyenko" in a list is someone else's title, and the
    // "President's Special Representative" is not the President.
    if (stop < end && (mention_start_[stop] != kNone || is_possessive(words_[stop]))) return std::nullopt;
    return Apposition{*owner, t, title_end, stop};
  }

  std::string_view text_;
  const text::Segments& segments_;
  const tag::Tagging& tagging_;
  const resolve::Entities& entities_;
  const parse::SentenceTrees& trees_;
  const lexicon::Titles& titles_;
  std::vector<std::string_view> words_;
  std::vector<std::size_t> entity_at_;      // token -> entity of the mention or demonym there
  std::vector<std::size_t> mention_start_;  // token -> mention starting there
  std::vector<std::size_t> mention_end_;    // token -> mention (or kDemonym) ending just before it
  std::vector<Role> roles_;
};

}  // namespace

std::vector<bool> sentences_with_titles(std::string_view text, const text::Segments& segments,
                                        const tag::Tagging& tagging) {
  const lexicon::Titles& titles = lexicon::Titles::embedded();
  std::vector<bool> wanted(segments.sentences.size(), false);
  for (const tag::Mention& mention : tagging.mentions) {
    if (mention.type != tag::EntityType::Person || wanted[mention.sentence]) continue;
    const text::Sentence& sentence = segments.sentences[mention.sentence];
    // A title right before the name, or after the comma that follows it.
    const std::size_t before = mention.first_token;
    const std::size_t after = mention.end_token + 1;
    wanted[mention.sentence] =
        (before > sentence.first_token &&
         titles.is_title_word(slice(text, segments.tokens[before - 1].span))) ||
        (after + 1 < sentence.end_token && slice(text, segments.tokens[after - 1].span) == "," &&
         std::any_of(
             segments.tokens.begin() + static_cast<std::ptrdiff_t>(after),
             segments.tokens.begin() + static_cast<std::ptrdiff_t>(std::min(after + 4, sentence.end_token)),
             [&](const text::Token& token) { return titles.is_title_word(slice(text, token.span)); }));
  }
  return wanted;
}

std::vector<Role> extract_roles(const Document& document, const text::Segments& segments,
                                const tag::Tagging& tagging, const resolve::Entities& entities,
                                const parse::SentenceTrees& trees) {
  return RoleFinder(document, segments, tagging, entities, trees).find();
}

}  // namespace newsgraph::extract
