// Assembly: one analysed article into the graph. Entities become person / organization / place nodes
// whose id comes from their name ("person:sergei-lavrov"), so the same name in another article lands
// on the same node; claims become claim nodes ("claim:DOC:N") with a `said` edge from their speaker.
// Every node and edge carries the article's evidence spans.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/analysis.hpp"
#include "newsgraph/document.hpp"
#include "newsgraph/graph/graph.hpp"
#include "newsgraph/resolve/aliases.hpp"

namespace newsgraph::graph {

// What the whole corpus says about names: a surname that only one full name in the corpus ends with.
// The same set of articles gives the same CorpusNames in any order.
// A user's alias file (may be null) renames nodes and forbids merges.
struct CorpusNames {
  std::map<std::string, std::string> full_name_of_surname;
  // A name without middle initials that only one name in the corpus has with them ("George Bush" for
  // "George W. Bush"; none when the corpus also has "George H. W. Bush"), and a name with an initial
  // for a first name that only one name in the corpus spells out ("V. Putin" for "Vladimir Putin").
  std::map<std::string, std::string> full_name_of_bare_name;
  // A name of two or more words that the corpus's articles give one type far more often than any
  // other ("Vladimir Putin" a person, where the tagger took it for a place in a few articles).
  std::map<std::string, tag::EntityType> type_of_name;
  const resolve::UserAliases* user_aliases = nullptr;
};

CorpusNames corpus_names(const std::vector<Analysis>& analyses, const resolve::UserAliases* user_aliases);

void assemble(Graph& graph, const Document& document, const Analysis& analysis, const CorpusNames& names);

// "Sergei Lavrov" -> "sergei-lavrov": ASCII lower case, runs of other ASCII as one hyphen, UTF-8 kept.
std::string slug(std::string_view name);

}  // namespace newsgraph::graph
