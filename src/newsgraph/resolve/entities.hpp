// Entity resolution within one article: every mention of the same real person, organisation or place
// joined into one Entity ("Sergei Lavrov", "Lavrov"; "Moscow State Institute of International
// Relations", "MGIMO"; "U.S.", "United States"), and the pronouns and descriptions that stand for a
// person named before ("he", "the Russian minister", "the Secretary-General"). Mention indices point
// into tag::Tagging; reference spans are UTF-8 byte offsets into Document::text.
// Plain values, safe to share between threads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::resolve {

struct Entity {
  tag::EntityType type = tag::EntityType::Person;
  std::string name;                   // the fullest name the article uses, or the gazetteer's name
  std::vector<std::string> aliases;   // the other names, as written or as the gazetteer knows them
  std::vector<std::size_t> mentions;  // indices into Tagging::mentions, in text order
  std::vector<std::size_t> demonyms;  // indices into Tagging::demonyms that stand for this country
  std::vector<Span> references;       // pronouns and descriptions that stand for this person, in text order
  lexicon::Gender gender = lexicon::Gender::Unknown;  // a person's, from "Mr" or "Ms" or the first name
};

struct Entities {
  std::vector<Entity> entities;
  std::vector<std::size_t> entity_of_mention;  // parallel to Tagging::mentions
  std::vector<std::size_t> entity_of_demonym;  // parallel to Tagging::demonyms
};

Entities resolve_entities(const Document& document, const text::Segments& segments,
                          const tag::Tagging& tagging);

// "George W. Bush" -> "George Bush": a person's name without the initials between its first name
// and its last word ("J. K. Rowling", whose first name is an initial, stays as it is).
std::string without_middle_initials(std::string_view name);

}  // namespace newsgraph::resolve
