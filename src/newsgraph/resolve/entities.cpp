#include "newsgraph/resolve/entities.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/resolve/gazetteer.hpp"

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
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return length(a) > length(b); });
    for (const std::size_t m : order) attach(m);
    for (std::size_t d = 0; d < demonyms_.size(); ++d) attach_demonym(d);
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
                                     : mention.type == tag::EntityType::Person ? shared_surname_form(m)
                                                                               : std::string(surface(m));
    std::string key = surface_form;
    std::optional<std::string> known_name;
    if (mention.type == tag::EntityType::Place) {
      if (const auto place = gazetteer_.find_place(surface_form)) known_name = place->canonical;
    } else if (mention.type == tag::EntityType::Organization) {
      if (const auto party = lexicon::Parties::embedded().party_of(surface_form))
        known_name = party;
      else if (const auto organization = gazetteer_.find_organization(surface_form))
        known_name = organization->canonical;
    }
    if (known_name) key = *known_name;

    std::optional<std::size_t> entity = find_by_key(mention.type, key);
    if (!entity && mention.type == tag::EntityType::Person) entity = find_person_by_part(m);
    // "Ryabkov and Tauscher": a surname the tagger took for an organisation or a place is still the
    // person's, when the article names that person in full and knows no such body or place.
    if (!entity && mention.type != tag::EntityType::Person && !known_name &&
        mention.end_token - mention.first_token == 1)
      entity = find_person_by_part(m);
    if (!entity) entity = find_expansion_of_acronym(m);
    if (!entity) entity = find_name_with_initials(m);
    if (!entity) {
      entity = result_.entities.size();
      result_.entities.push_back(Entity{mention.type, surface_form, {}, {}, {}});
      if (known_name && *known_name != surface_form) result_.entities.back().aliases.push_back(*known_name);
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
      result_.entities.push_back(Entity{tag::EntityType::Place, demonym.country, {}, {}, {}});
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
    for (std::size_t e = 0; e < result_.entities.size(); ++e) {
      const Entity& entity = result_.entities[e];
      if (entity.type != tag::EntityType::Person) continue;
      for (const std::size_t other : entity.mentions) {
        const tag::Mention& full = mentions_[other];
        const std::size_t n = mention.end_token - mention.first_token;
        const std::size_t n_full = full.end_token - full.first_token;
        if (n >= n_full) continue;
        bool ends_alike = true;
        for (std::size_t i = 0; i < n && ends_alike; ++i)
          ends_alike = word(mention.end_token - 1 - i) == word(full.end_token - 1 - i);
        if (!ends_alike) continue;
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

  std::string_view text_;
  const text::Segments& segments_;
  const std::vector<tag::Mention>& mentions_;
  const std::vector<tag::DemonymMention>& demonyms_;
  const Gazetteer& gazetteer_;
  std::map<std::pair<tag::EntityType, std::string>, std::size_t> keys_;
  Entities result_;
};

}  // namespace

Entities resolve_entities(const Document& document, const text::Segments& segments,
                          const tag::Tagging& tagging) {
  return Resolver(document, segments, tagging).resolve();
}

}  // namespace newsgraph::resolve
