#include "newsgraph/resolve/entities.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/resolve/gazetteer.hpp"
#include "newsgraph/text/utf8.hpp"
#include "newsgraph/text/words.hpp"

namespace newsgraph::resolve {
namespace {

// "MOSCOW" -> "Moscow", "ST. PETERSBURG" -> "St. Petersburg"; other names as they are. Short
// capitals are abbreviations ("USA", "UK") and stay.
std::string sentence_case(std::string_view name) {
  std::string out(name);
  std::size_t letters = 0;
  for (const char c : name) {
    if (c >= 'a' && c <= 'z') return out;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  if (letters < 4) return out;
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z' && out[i - 1] != ' ' && out[i - 1] != '-' && out[i - 1] != '.')
      out[i] = static_cast<char>(out[i] - 'A' + 'a');
  return out;
}

class Resolver {
 public:
  Resolver(const Document& document, const text::Segments& segments, const tag::Tagging& tagging)
      : text_(document.text),
        segments_(segments),
        mentions_(tagging.mentions),
        demonyms_(tagging.demonyms),
        gazetteer_(Gazetteer::embedded()) {}

  Entities resolve() {
    result_.entity_of_mention.assign(mentions_.size(), 0);
    // Full names first, so that a surname met before its full name still finds it.
    std::vector<std::size_t> order(mentions_.size());
    for (std::size_t m = 0; m < order.size(); ++m) order[m] = m;
    // A given name that shares the surname after it ("Vladimir and Lyudmila Putin") counts as full.
    person_names_.resize(mentions_.size());
    std::vector<std::size_t> words(mentions_.size());
    for (std::size_t m = 0; m < words.size(); ++m) {
      if (mentions_[m].type == tag::EntityType::Person) person_names_[m] = shared_surname_form(m);
      const std::string& name = person_names_[m];
      words[m] = std::max(length(m), static_cast<std::size_t>(std::count(name.begin(), name.end(), ' ')) + 1);
    }
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return words[a] > words[b]; });
    for (const std::size_t m : order) attach(m);
    for (std::size_t d = 0; d < demonyms_.size(); ++d) attach_demonym(d);
    for (std::size_t e = 0; e < result_.entities.size(); ++e)
      if (result_.entities[e].type == tag::EntityType::Person) result_.entities[e].gender = gender_of(e);
    attach_references();
    for (auto& entity : result_.entities) std::sort(entity.mentions.begin(), entity.mentions.end());
    return std::move(result_);
  }

 private:
  std::size_t length(std::size_t m) const { return mentions_[m].end_token - mentions_[m].first_token; }
  std::string_view surface(std::size_t m) const { return slice(text_, mentions_[m].span); }
  std::string_view word(std::size_t token) const { return slice(text_, segments_.tokens[token].span); }

  void attach(std::size_t m) {
    const tag::Mention& mention = mentions_[m];
    // A dateline's capitals ("MOSCOW") name the place written "Moscow" elsewhere.
    const std::string surface_form = mention.type == tag::EntityType::Place    ? sentence_case(surface(m))
                                     : mention.type == tag::EntityType::Person ? person_names_[m]
                                                                               : std::string(surface(m));
    std::string key = surface_form;
    std::optional<std::string> known_name;
    if (mention.type == tag::EntityType::Place) {
      if (const auto place = gazetteer_.find_place(surface_form)) known_name = place->canonical;
    } else if (mention.type == tag::EntityType::Organization) {
      if (const auto party = lexicon::Parties::embedded().party_of(surface_form))
        known_name = party;
      else if (const auto organization = gazetteer_.find_organization(surface_form))
        // Bodies known by their abbreviation are called by it ("NATO", not "North Atlantic Treaty
        // Organization").
        known_name = organization->abbreviations.empty() ? organization->canonical
                                                         : organization->abbreviations.front();
    }
    if (known_name) key = *known_name;

    std::optional<std::size_t> entity = find_by_key(mention.type, key);
    // "Mrs Putin" after "Mr Putin" went to Vladimir Putin is Lyudmila Putin.
    if (entity && mention.type == tag::EntityType::Person && !genders_agree(mentions_[m], *entity))
      entity.reset();
    if (!entity && mention.type == tag::EntityType::Person) entity = find_person_by_part(m);
    if (!entity && mention.type == tag::EntityType::Person) entity = find_person_with_initials(m);
    if (!entity && mention.type == tag::EntityType::Organization) entity = find_organization_variant(m);
    // "Ryabkov and Tauscher": a surname the tagger took for an organisation or a place is still the
    // person's, when the article names that person in full and knows no such body or place.
    if (!entity && mention.type != tag::EntityType::Person && !known_name &&
        mention.end_token - mention.first_token == 1)
      entity = find_person_by_part(m);
    if (!entity) entity = find_expansion_of_acronym(m);
    if (!entity) entity = find_name_with_initials(m);
    if (!entity) {
      entity = result_.entities.size();
      // A place or body the gazetteer knows is named as the gazetteer names it ("United States", not
      // the "U.S." an article happens to write first), so that every article gives it the same node.
      result_.entities.push_back(
          Entity{mention.type, known_name ? *known_name : surface_form, {}, {}, {}, {}, {}});
    }
    Entity& target = result_.entities[*entity];
    const std::string written(surface(m));  // aliases keep the form the evidence shows
    if (written != target.name &&
        std::find(target.aliases.begin(), target.aliases.end(), written) == target.aliases.end())
      target.aliases.push_back(written);
    target.mentions.push_back(m);
    result_.entity_of_mention[m] = *entity;
    keys_[{mention.type, key}] = *entity;
  }

  void attach_demonym(std::size_t d) {
    const tag::DemonymMention& demonym = demonyms_[d];
    std::optional<std::size_t> entity = find_by_key(tag::EntityType::Place, demonym.country);
    if (!entity) {
      entity = result_.entities.size();
      result_.entities.push_back(Entity{tag::EntityType::Place, demonym.country, {}, {}, {}, {}, {}});
      keys_[{tag::EntityType::Place, demonym.country}] = *entity;
    }
    Entity& country = result_.entities[*entity];
    const std::string adjective(slice(text_, demonym.span));
    if (std::find(country.aliases.begin(), country.aliases.end(), adjective) == country.aliases.end())
      country.aliases.push_back(adjective);
    country.demonyms.push_back(d);
    result_.entity_of_demonym.push_back(*entity);
  }

  std::optional<std::size_t> find_by_key(tag::EntityType type, const std::string& key) const {
    const auto found = keys_.find({type, key});
    if (found == keys_.end()) return std::nullopt;
    return found->second;
  }

  // "Lavrov" or "Fogh Rasmussen" after "Sergei Lavrov", "Anders Fogh Rasmussen": the words of the
  // shorter name end the longer one. The nearest such person before the mention wins, else after.
  std::optional<std::size_t> find_person_by_part(std::size_t m) const {
    const tag::Mention& mention = mentions_[m];
    std::optional<std::size_t> best;
    std::size_t best_distance = 0;
    const std::size_t n = mention.end_token - mention.first_token;
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      const Entity& entity = result_.entities[e];
      // "Mr Putin" is not "Lyudmila Putin".
      if (entity.type != tag::EntityType::Person || !genders_agree(mention, e)) continue;
      // "Vladimir" of "Vladimir and Lyudmila Putin" is named "Vladimir Putin": "Mr Putin" ends it.
      const std::string_view name = entity.name, surname = surface(m);
      const bool name_ends_with_surname = n == 1 && name.size() > surname.size() && name.ends_with(surname) &&
                                          name[name.size() - surname.size() - 1] == ' ';
      for (const std::size_t other : entity.mentions) {
        const tag::Mention& full = mentions_[other];
        const std::size_t n_full = full.end_token - full.first_token;
        const bool shares_surname = name_ends_with_surname && n_full == 1;
        if (n >= n_full && !shares_surname) continue;
        bool ends_alike = true;
        for (std::size_t i = 0; i < n && ends_alike && !shares_surname; ++i)
          ends_alike = word(mention.end_token - 1 - i) == word(full.end_token - 1 - i);
        if (!ends_alike && !begins_name_before_particle(mention, full) && !is_particle_part_of(mention, full))
          continue;
        const std::size_t distance = full.span.begin < mention.span.begin
                                         ? mention.span.begin - full.span.begin
                                         : full.span.begin - mention.span.begin + text_.size();
        if (!best || distance < best_distance) {
          best = e;
          best_distance = distance;
        }
      }
    }
    return best;
  }

  // Pronouns ("he", "she") and descriptions ("the Russian minister", "the Secretary-General") that
  // stand for a person named before them, outside quotations (where "he" is often someone else).
  void attach_references() {
    std::vector<std::size_t> mention_at(segments_.tokens.size(), kNone);
    for (std::size_t m = 0; m < mentions_.size(); ++m)
      for (std::size_t t = mentions_[m].first_token; t < mentions_[m].end_token; ++t) mention_at[t] = m;
    std::size_t sentence = 0;
    for (std::size_t t = 0; t < segments_.tokens.size(); ++t) {
      while (sentence + 1 < segments_.sentences.size() && segments_.sentences[sentence].end_token <= t)
        ++sentence;
      if (mention_at[t] != kNone || in_quotation(t)) continue;
      const std::string_view w = word(t);
      if (w == "he" || w == "He" || w == "she" || w == "She") {
        const Gender gender = w == "he" || w == "He" ? Gender::Male : Gender::Female;
        if (const auto person = latest_person(t, sentence, gender)) add_reference(*person, t, t + 1);
        continue;
      }
      if (w != "the" && w != "The") continue;
      if (const auto body = body_named_by_head(t + 1, mention_at)) {
        add_reference(*body, t, t + 2);
        ++t;
        continue;
      }
      const std::size_t end = description_end(t + 1, sentence, mention_at);
      if (end == t + 1) continue;
      if (const auto holder = holder_of_title(t, end, mention_at)) add_reference(*holder, t, end);
      t = end - 1;
    }
  }

  // "the ministry" after "the Foreign Ministry", "the fund" after the IMF (the International Monetary
  // Fund): the organisation named last before token t whose name, or another name of it, ends with
  // the word at t, written in lower case as a common noun.
  std::optional<std::size_t> body_named_by_head(std::size_t t,
                                                const std::vector<std::size_t>& mention_at) const {
    if (t >= segments_.tokens.size() || mention_at[t] != kNone) return std::nullopt;
    const std::string_view head = word(t);
    if (head.empty() || head[0] < 'a' || head[0] > 'z') return std::nullopt;
    for (std::size_t m = mentions_.size(); m-- > 0;) {
      if (mentions_[m].first_token >= t) continue;
      const Entity& entity = result_.entities[result_.entity_of_mention[m]];
      if (entity.type != tag::EntityType::Organization) continue;
      const auto ends_with_head = [&](const std::string& name) {
        const std::size_t last_word = name.rfind(' ');
        return last_word != std::string::npos && text::ascii_lower(name.substr(last_word + 1)) == head;
      };
      if (ends_with_head(entity.name) ||
          std::any_of(entity.aliases.begin(), entity.aliases.end(), ends_with_head))
        return result_.entity_of_mention[m];
    }
    return std::nullopt;
  }

  // The end of a description of a person by title that starts at `begin` (after "the"): demonyms and
  // title words ending in a title's head ("Russian minister", "Trade and Industry Secretary"), and
  // no name after it (there the title is a name's: "the Russian Foreign Minister Sergei Lavrov").
  std::size_t description_end(std::size_t begin, std::size_t sentence,
                              const std::vector<std::size_t>& mention_at) const {
    const lexicon::Titles& titles = lexicon::Titles::embedded();
    const std::size_t limit = segments_.sentences[sentence].end_token;
    std::size_t end = begin, head_end = begin;
    while (end < limit && mention_at[end] == kNone &&
           (titles.is_title_word(word(end)) || gazetteer_.country_of_demonym(word(end)) ||
            (word(end) == "and" && end > begin))) {
      ++end;
      if (titles.is_head(word(end - 1))) head_end = end;
    }
    if (head_end == begin || head_end < end) return begin;
    if (head_end < limit &&
        (mention_at[head_end] != kNone || text::starts_with_capital_or_digit(word(head_end)) ||
         word(head_end) == "of" || word(head_end) == "'s"))
      return begin;
    return head_end;
  }

  // Title words that make a title another office than the same title without them.
  static constexpr std::array kOtherRanks = {std::string_view("deputy"), std::string_view("vice"),
                                             std::string_view("under"),  std::string_view("assistant"),
                                             std::string_view("junior"), std::string_view("shadow"),
                                             std::string_view("former")};

  // Who holds the title the description [the, end) names: the person it follows in apposition
  // ("Ms Hewitt, the Trade and Industry Secretary"), else the latest person whose name came right
  // after a title with the same title words ("NATO Secretary-General Anders Fogh Rasmussen" for "the
  // Secretary-General", "Prime Minister Tony Blair" for "the Prime Minister" and "the minister"), and
  // with the same country's adjective where the description has one ("the French President").
  std::optional<std::size_t> holder_of_title(std::size_t the, std::size_t end,
                                             const std::vector<std::size_t>& mention_at) const {
    if (the >= 2 && word(the - 1) == "," && mention_at[the - 2] != kNone) {
      const std::size_t entity = result_.entity_of_mention[mention_at[the - 2]];
      if (result_.entities[entity].type == tag::EntityType::Person) return entity;
    }
    const lexicon::Titles& titles = lexicon::Titles::embedded();
    // The description's title words, the head last ("defence", "minister"), and its country.
    std::vector<std::string> title_words;
    std::optional<std::string> country;
    for (std::size_t t = the + 1; t < end; ++t) {
      if (const auto demonym = gazetteer_.country_of_demonym(word(t)))
        country = country ? country : demonym;
      else if (titles.is_title_word(word(t)))
        title_words.push_back(text::ascii_lower(word(t)));
    }
    for (std::size_t m = mentions_.size(); m-- > 0;) {
      const tag::Mention& mention = mentions_[m];
      if (mention.first_token >= the) continue;
      const std::size_t entity = result_.entity_of_mention[m];
      if (result_.entities[entity].type != tag::EntityType::Person) continue;
      const std::size_t sentence_begin = segments_.sentences[mention.sentence].first_token;
      // Only the title right before the name counts, and it must hold every title word of the
      // description: in "the German Chancellor and President Vladimir Putin" the Chancellor is
      // someone else, and "Prime Minister Vladimir Putin" is no "defence minister".
      std::vector<std::string> run;
      bool same_country = !country;
      for (std::size_t t = mention.first_token; t-- > sentence_begin && mention.first_token - t <= 4;) {
        const auto demonym = gazetteer_.country_of_demonym(word(t));
        if (!demonym && !titles.is_title_word(word(t)) && word(t) != "and" && word(t) != "of") break;
        // The head of another title joined by "and"; a title may hold two heads ("Attorney General")
        // and "of" ("Secretary of State").
        if (titles.is_head(word(t)) && !run.empty() && run.back() == "and") break;
        if (!demonym) run.push_back(text::ascii_lower(word(t)));
        same_country = same_country || demonym == country;
      }
      const auto in = [](const std::vector<std::string>& words, std::string_view w) {
        return std::find(words.begin(), words.end(), w) != words.end();
      };
      // A Deputy Prime Minister is no "Prime Minister", a shadow secretary no "secretary".
      const bool holds_title = std::all_of(title_words.begin(), title_words.end(),
                                           [&](const std::string& w) { return in(run, w); }) &&
                               std::none_of(run.begin(), run.end(), [&](const std::string& w) {
                                 return text::is_one_of(w, kOtherRanks) && !in(title_words, w);
                               });
      if (holds_title && same_country) return entity;
    }
    return std::nullopt;
  }

  using Gender = lexicon::Gender;

  // What a form of address right before the mention says: "Mr Putin", "Ms Hewitt".
  Gender address_gender(const tag::Mention& mention) const {
    if (mention.first_token == 0) return Gender::Unknown;
    const std::string_view before = word(mention.first_token - 1);
    if (before == "Mr" || before == "Mr.") return Gender::Male;
    if (before == "Mrs" || before == "Mrs." || before == "Ms" || before == "Ms." || before == "Miss")
      return Gender::Female;
    return Gender::Unknown;
  }

  // What the article's forms of address say of a person ("Mr Putin", "Ms Hewitt"), else what the
  // first-name lexicon says of the first word of a name of two words or more ("Hillary Clinton", but
  // not "Warren" alone).
  Gender gender_of(std::size_t entity) const {
    for (const std::size_t m : result_.entities[entity].mentions)
      if (const Gender addressed = address_gender(mentions_[m]); addressed != Gender::Unknown)
        return addressed;
    const std::string& name = result_.entities[entity].name;
    const std::size_t space = name.find(' ');
    if (space == std::string::npos) return Gender::Unknown;
    return lexicon::FirstNames::embedded().gender_of(std::string_view(name).substr(0, space));
  }

  // False when the mention's form of address and what is known of the person disagree.
  bool genders_agree(const tag::Mention& mention, std::size_t entity) const {
    const Gender addressed = address_gender(mention);
    const Gender known = gender_of(entity);
    return addressed == Gender::Unknown || known == Gender::Unknown || addressed == known;
  }

  // The salient person before token `t`, passing over people the article shows to be of the other
  // gender: one named earlier in the pronoun's own sentence ("Rasmussen said he was convinced"), else
  // the latest who opened a sentence as its subject, else the latest named in the two sentences before.
  std::optional<std::size_t> latest_person(std::size_t t, std::size_t sentence, Gender gender) const {
    std::optional<std::size_t> latest;
    for (std::size_t m = mentions_.size(); m-- > 0;) {
      const tag::Mention& mention = mentions_[m];
      if (mention.first_token >= t || in_quotation(mention.first_token)) continue;
      const std::size_t entity = result_.entity_of_mention[m];
      if (result_.entities[entity].type != tag::EntityType::Person) continue;
      const Gender known = result_.entities[entity].gender;
      if (known != Gender::Unknown && known != gender) continue;
      if (mention.sentence == sentence || opens_sentence(mention)) return entity;
      if (!latest && mention.sentence + 2 >= sentence) latest = entity;
    }
    return latest;
  }

  // The mention is the first name of its sentence, titles, forms of address and other capitalised
  // words aside ("NATO Secretary-General Anders Fogh Rasmussen said"), or of what follows an opening
  // phrase set off by a comma ("On Tuesday, Peter Jones said").
  bool opens_sentence(const tag::Mention& mention) const {
    const lexicon::Titles& titles = lexicon::Titles::embedded();
    std::size_t first = segments_.sentences[mention.sentence].first_token;
    // An opening phrase set off by a comma comes first ("On Tuesday, Clinton said"). A name before
    // that comma ("Peter Jones, John Smith's lawyer, arrived") is not taken to open the sentence
    // instead: tried, it chose worse speakers on the BBC and PolNeAR corpora than it mended.
    for (std::size_t t = first; t < mention.first_token; ++t)
      if (word(t) == ",") {
        first = t + 1;
        break;
      }
    for (std::size_t t = first; t < mention.first_token; ++t) {
      const std::string_view w = word(t);
      if (!titles.is_title_word(w) && w != "the" && w != "The" && !text::starts_with_capital_or_digit(w))
        return false;
    }
    return true;
  }

  bool in_quotation(std::size_t t) const {
    const Span span = segments_.tokens[t].span;
    return std::any_of(
        segments_.quotations.begin(), segments_.quotations.end(),
        [&](const text::Quotation& q) { return q.content.begin <= span.begin && span.end <= q.content.end; });
  }

  void add_reference(std::size_t entity, std::size_t begin, std::size_t end) {
    result_.entities[entity].references.push_back(
        Span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end});
  }

  // "Saud al-Faisal" of "Saud al-Faisal bin Abdul-Aziz al-Saud": the shorter name is how the longer
  // one begins, and the longer goes on with a name particle (a patronymic or family name).
  bool begins_name_before_particle(const tag::Mention& mention, const tag::Mention& full) const {
    const std::size_t n = mention.end_token - mention.first_token;
    for (std::size_t i = 0; i < n; ++i)
      if (word(mention.first_token + i) != word(full.first_token + i)) return false;
    return tag::is_name_particle(word(full.first_token + n));
  }

  // "Al-Faisal" for "Saud al-Faisal bin Abdul-Aziz al-Saud": one word of the name that carries a
  // particle, capitalised where it opens a sentence.
  bool is_particle_part_of(const tag::Mention& mention, const tag::Mention& full) const {
    if (mention.end_token - mention.first_token != 1) return false;
    const std::string written = text::ascii_lower(word(mention.first_token));
    for (std::size_t t = full.first_token + 1; t < full.end_token; ++t)
      if (tag::is_name_particle(word(t)) && word(t).find('-') != std::string_view::npos &&
          text::ascii_lower(word(t)) == written)
        return true;
    return false;
  }

  // A person's name without the middle initials: "George W. Bush" -> "George Bush"
  // (without_middle_initials, which the corpus merge uses too).
  std::string without_initials(const tag::Mention& mention) const {
    return without_middle_initials(surface_of(mention));
  }

  std::string_view surface_of(const tag::Mention& mention) const { return slice(text_, mention.span); }

  // "George Bush" and "George W. Bush" are one person; "George H. W. Bush" and "George W. Bush" are
  // two, and "George Bush" beside both is neither. The name without initials finds the one person
  // whose name differs from it only by middle initials.
  std::optional<std::size_t> find_person_with_initials(std::size_t m) const {
    const tag::Mention& mention = mentions_[m];
    if (mention.end_token - mention.first_token < 2) return std::nullopt;
    const std::string bare = without_initials(mention);
    const bool has_initials = bare != surface(m);
    std::optional<std::size_t> found;
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      if (result_.entities[e].type != tag::EntityType::Person) continue;
      for (const std::size_t other : result_.entities[e].mentions) {
        if (without_initials(mentions_[other]) != bare) continue;
        // Two different sets of initials are two people.
        if (has_initials && without_initials(mentions_[other]) != surface(other)) continue;
        if (found && *found != e) return std::nullopt;
        found = e;
      }
    }
    return found;
  }

  // Another name of an organisation named before: "Foreign Ministry" after "Russian Foreign
  // Ministry" (the name without its country's adjective), "BBC" after "BBC News" (the name without
  // trailing common words that name no body of their own). The shorter form names the entity.
  std::optional<std::size_t> find_organization_variant(std::size_t m) {
    const std::string written(surface(m));
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      Entity& entity = result_.entities[e];
      if (entity.type != tag::EntityType::Organization) continue;
      const std::string& name = entity.name;
      if (name.size() <= written.size() + 1) continue;
      if (name.ends_with(written) && name[name.size() - written.size() - 1] == ' ') {
        if (gazetteer_.country_of_demonym(name.substr(0, name.size() - written.size() - 1)) &&
            !gazetteer_.find_place(name.substr(0, name.size() - written.size() - 1)))
          return e;
        continue;
      }
      if (!name.starts_with(written) || name[written.size()] != ' ') continue;
      bool common = true;
      for (std::size_t start = written.size() + 1; start < name.size() && common;) {
        std::size_t end = name.find(' ', start);
        if (end == std::string::npos) end = name.size();
        const std::string_view rest = std::string_view(name).substr(start, end - start);
        common = text::starts_with_capital_or_digit(rest) &&
                 lexicon::CommonWords::embedded().contains(rest) && !tag::is_organization_head(rest);
        start = end + 1;
      }
      if (!common) continue;
      entity.aliases.push_back(entity.name);
      entity.name = written;
      return e;
    }
    return std::nullopt;
  }

  // "Vladimir" in "Vladimir and Lyudmila Putin" is Vladimir Putin: a given name alone, joined by
  // "and" to a full name, shares its surname.
  std::string shared_surname_form(std::size_t m) const {
    const tag::Mention& mention = mentions_[m];
    const std::string written(surface(m));
    if (mention.end_token - mention.first_token != 1 || mention.end_token + 1 >= segments_.tokens.size() ||
        word(mention.end_token) != "and")
      return written;
    for (const tag::Mention& next : mentions_)
      if (next.first_token == mention.end_token + 1 && next.type == tag::EntityType::Person &&
          next.end_token - next.first_token >= 2)
        return written + " " + std::string(word(next.end_token - 1));
    return written;
  }

  // "(MGIMO)" right after "Moscow State Institute of International Relations": the acronym in
  // brackets joins the name before it.
  std::optional<std::size_t> find_expansion_of_acronym(std::size_t m) const {
    const tag::Mention& mention = mentions_[m];
    if (mention.first_token == 0 || mention.end_token >= segments_.tokens.size()) return std::nullopt;
    if (word(mention.first_token - 1) != "(" || word(mention.end_token) != ")") return std::nullopt;
    for (std::size_t other = 0; other < mentions_.size(); ++other) {
      if (mentions_[other].end_token == mention.first_token - 1 &&
          mentions_[other].type != tag::EntityType::Person) {
        for (std::size_t e = 0; e < result_.entities.size(); ++e) {
          const auto& ms = result_.entities[e].mentions;
          if (std::find(ms.begin(), ms.end(), other) != ms.end()) return e;
        }
      }
    }
    return std::nullopt;
  }

  // "DTI" for "Department of Trade and Industry", "EU" for "European Union": an organisation's
  // acronym made of the initials of its capitalised words.
  std::optional<std::size_t> find_name_with_initials(std::size_t m) const {
    const std::string acronym = capitals_of(surface(m));
    if (acronym.size() < 2 || acronym.size() != surface(m).size()) return std::nullopt;
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      const Entity& entity = result_.entities[e];
      if (entity.type == tag::EntityType::Person || entity.name.find(' ') == std::string::npos) continue;
      std::string initials;
      for (std::size_t start = 0; start < entity.name.size();) {
        std::size_t end = entity.name.find(' ', start);
        if (end == std::string::npos) end = entity.name.size();
        if (entity.name[start] >= 'A' && entity.name[start] <= 'Z') initials += entity.name[start];
        start = end + 1;
      }
      if (initials == acronym) return e;
    }
    return std::nullopt;
  }

  static std::string capitals_of(std::string_view word) {
    std::string out;
    for (const char c : word)
      if (c >= 'A' && c <= 'Z') out += c;
    return out;
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  std::string_view text_;
  const text::Segments& segments_;
  const std::vector<tag::Mention>& mentions_;
  const std::vector<tag::DemonymMention>& demonyms_;
  const Gazetteer& gazetteer_;
  std::map<std::pair<tag::EntityType, std::string>, std::size_t> keys_;
  std::vector<std::string> person_names_;  // per mention: a person's name as shared_surname_form gives it
  Entities result_;
};

}  // namespace

std::string without_middle_initials(std::string_view name) {
  const auto is_initial = [](std::string_view w) {
    return (w.size() == 1 || (w.size() == 2 && w[1] == '.')) && w[0] >= 'A' && w[0] <= 'Z';
  };
  std::vector<std::string_view> words;
  for (std::size_t start = 0; start <= name.size();) {
    std::size_t end = name.find(' ', start);
    if (end == std::string_view::npos) end = name.size();
    words.push_back(name.substr(start, end - start));
    start = end + 1;
  }
  if (words.size() < 3 || is_initial(words.front())) return std::string(name);
  std::string bare(words.front());
  for (std::size_t i = 1; i < words.size(); ++i)
    if (i + 1 == words.size() || !is_initial(words[i])) {
      bare += ' ';
      bare += words[i];
    }
  return bare;
}

Entities resolve_entities(const Document& document, const text::Segments& segments,
                          const tag::Tagging& tagging) {
  return Resolver(document, segments, tagging).resolve();
}

}  // namespace newsgraph::resolve
