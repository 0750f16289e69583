// The dependency trees of the sentences of a document that later stages read through syntax. Parsing
// is the slowest stage per word, so only the sentences asked for are parsed; the others keep an
// empty slot. Tree word i is token Sentence::first_token + i of the sentence.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "newsgraph/parse/parser.hpp"
#include "newsgraph/parse/tree.hpp"
#include "newsgraph/text/segment.hpp"

namespace newsgraph::parse {

// One slot per sentence of Segments::sentences: its tree, or nullopt when it was not parsed.
using SentenceTrees = std::vector<std::optional<DependencyTree>>;

// Parses the sentences whose flag in `wanted` (one per sentence) is set.
SentenceTrees parse_sentences(std::string_view text, const text::Segments& segments,
                              const std::vector<bool>& wanted, const Parser& parser);

}  // namespace newsgraph::parse
