// Roles: a person's title and what it is a title of, as the article states them
// ("Russian Deputy Foreign Minister Sergei Ryabkov" -> Deputy Foreign Minister of Russia;
// "Sergei Ryabkov, Russia's deputy foreign minister"; "President of Russia Vladimir Putin";
// "Presidents of Russia and the United States, Dmitry Medvedev and Barack Obama" in pairs).
// A title with nothing named that it is of is left out. Spans are UTF-8 byte offsets into
// Document::text; person and owner are indices into resolve::Entities. Plain values, safe to share.
#pragma once

#include <string>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/parse/sentences.hpp"
#include "newsgraph/resolve/entities.hpp"
#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::extract {

struct Role {
  std::size_t person = 0;  // entity index
  std::size_t owner = 0;   // entity index: the organisation or place the title is of
  std::string title;       // as written, without the name; in the singular where the text names several
  Span evidence;           // the words that state the role
};

// The sentences whose trees extract_roles reads: those with a title right before a person's name or
// just after the comma that follows it (one flag per sentence).
std::vector<bool> sentences_with_titles(std::string_view text, const text::Segments& segments,
                                        const tag::Tagging& tagging);

// An apposition after a name is read from the sentence's tree where `trees` has one.
std::vector<Role> extract_roles(const Document& document, const text::Segments& segments,
                                const tag::Tagging& tagging, const resolve::Entities& entities,
                                const parse::SentenceTrees& trees);

}  // namespace newsgraph::extract
