// Entity resolution within one article: every mention of the same real person, organisation or place
// joined into one Entity ("Sergei Lavrov", "Lavrov"; "Moscow State Institute of International
// Relations", "MGIMO"; "U.S.", "United States"). Mention indices point into tag::Tagging.
// Plain values, safe to share between threads.
#pragma once

#include <string>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::resolve {

struct Entity {
  tag::EntityType type = tag::EntityType::Person;
  std::string name;                   // the fullest name the article uses, or the gazetteer's name
  std::vector<std::string> aliases;   // the other names, as written or as the gazetteer knows them
  std::vector<std::size_t> mentions;  // indices into Tagging::mentions, in text order
  std::vector<std::size_t> demonyms;  // indices into Tagging::demonyms that stand for this country
};

struct Entities {
  std::vector<Entity> entities;
  std::vector<std::size_t> entity_of_mention;  // parallel to Tagging::mentions
  std::vector<std::size_t> entity_of_demonym;  // parallel to Tagging::demonyms
};

Entities resolve_entities(const Document& document, const text::Segments& segments,
                          const tag::Tagging& tagging);

}  // namespace newsgraph::resolve
