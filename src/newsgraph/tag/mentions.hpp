// The tagging layer of one article: every token's Penn Treebank part of speech, and the named-entity
// mentions (people, organisations, places) the statistical tagger finds, their types settled with the
// gazetteers. Spans are UTF-8 byte offsets into Document::text; token and sentence indices point into
// the text::Segments the tagging was made from. Plain values, safe to share between threads (the
// part-of-speech views point into the tagger's model, which lives as long as the program).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/span.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::resolve {
struct UserAliases;
}

namespace newsgraph::tag {

class Tagger;

enum class EntityType { Person, Organization, Place };

// "person", "organization", "place".
std::string_view to_string(EntityType type);

struct Mention {
  Span span;
  EntityType type = EntityType::Person;
  std::size_t sentence = 0;
  std::size_t first_token = 0;  // [first_token, end_token) in Segments::tokens
  std::size_t end_token = 0;
};

// A country's adjective standing for the country ("Russian" in "Russian Foreign Minister"): the
// token that names it and the country's name, for role and participant rules.
struct DemonymMention {
  std::size_t token = 0;
  std::string country;
  Span span;  // the adjective within its token: "French" in "Russian-French"
};

struct Tagging {
  std::vector<std::string_view> pos;  // one Penn Treebank tag per token of Segments::tokens
  std::vector<Mention> mentions;      // in text order, never overlapping
  std::vector<DemonymMention> demonyms;
};

// Tags every sentence of the document with the given tagger; a user's names (may be null) are
// found wherever they are written.
Tagging tag_document(const Document& document, const text::Segments& segments, const Tagger& tagger,
                     const resolve::UserAliases* user_aliases);

// Whether the word ends an organisation's name whatever the tagger thought ("Ministry", "Council").
bool is_organization_head(std::string_view word);

// The particles inside Arabic, Dutch, German or Spanish names: "bin", "van", "al-Faisal".
bool is_name_particle(std::string_view word);

// The form of a token the tagger was trained on: curly quotation marks and apostrophes as the Penn
// Treebank writes them (`` '' '), dashes as "--".
std::string_view treebank_form(std::string_view token);

}  // namespace newsgraph::tag
