// Named-entity mentions: the spans of text that name a person, an organisation or a place, with the
// sentence and tokens they cover. Spans are UTF-8 byte offsets into Document::text; token and sentence
// indices point into the text::Segments the mentions were found in. Plain values, safe to share.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/span.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::tag {

enum class EntityType { Person, Organization, Place };

struct Mention {
  Span span;
  EntityType type = EntityType::Person;
  std::size_t sentence = 0;
  std::size_t first_token = 0;  // [first_token, end_token) in Segments::tokens
  std::size_t end_token = 0;
};

// A country's adjective standing for the country ("Russian" in "Russian Foreign Minister"): the
// token that names it and the country it names, for role and participant rules.
struct DemonymMention {
  std::size_t token = 0;
  std::string country;
};

struct EntityMentions {
  std::vector<Mention> mentions;  // in text order, never overlapping
  std::vector<DemonymMention> demonyms;
};

// Finds the mentions of one document from capitalisation, the title lexicon and the gazetteers.
EntityMentions find_mentions(const Document& document, const text::Segments& segments);

}  // namespace newsgraph::tag
