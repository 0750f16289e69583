// Assembly and merging: one node per real person across the articles of a corpus.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "newsgraph/graph/assemble.hpp"
#include "newsgraph/pipeline.hpp"

using namespace newsgraph;

namespace {

Document article(std::string id, std::string text) {
  Document document;
  document.id = std::move(id);
  document.date = "2004-09-01";
  document.text = std::move(text);
  return document;
}

std::set<std::string> person_ids(const graph::Graph& graph) {
  std::set<std::string> ids;
  const auto& g = graph.boost_graph();
  for (const auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].type == graph::NodeType::Person) ids.insert(g[v].id);
  return ids;
}

}  // namespace

TEST_CASE("a name without its middle initial drops the initial only", "[graph][assemble]") {
  CHECK(resolve::without_middle_initials("George W. Bush") == "George Bush");
  CHECK(resolve::without_middle_initials("George H. W. Bush") == "George Bush");
  CHECK(resolve::without_middle_initials("J. K. Rowling") == "J. K. Rowling");
  CHECK(resolve::without_middle_initials("Madonna") == "Madonna");
}

TEST_CASE("George Bush in one article and George W. Bush in another are one person", "[graph][assemble]") {
  const std::vector<Document> documents = {article("a", "George W. Bush arrived in Berlin on Monday."),
                                           article("b", "George Bush said the talks went well.")};
  const graph::Graph graph = build_graph(documents, embedded_models(), 1, {});
  CHECK(person_ids(graph) == std::set<std::string>{"person:george-w-bush"});
}

TEST_CASE("the name without initials joins neither of two people it could be", "[graph][assemble]") {
  const std::vector<Document> documents = {article("a", "George W. Bush arrived in Berlin on Monday."),
                                           article("b", "George H. W. Bush arrived in Paris on Monday."),
                                           article("c", "George Bush said the talks went well.")};
  const graph::Graph graph = build_graph(documents, embedded_models(), 1, {});
  CHECK(person_ids(graph) ==
        std::set<std::string>{"person:george-bush", "person:george-h-w-bush", "person:george-w-bush"});
}

TEST_CASE("a pronoun and a description join the person's node as aliases with evidence",
          "[graph][assemble]") {
  const std::vector<Document> documents = {article("a",
                                                   "NATO Secretary-General Jens Stoltenberg arrived in Kiev "
                                                   "on Monday. The Secretary-General met students.")};
  const graph::Graph graph = build_graph(documents, embedded_models(), 1, {});
  const auto vertex = graph.find("person:jens-stoltenberg");
  REQUIRE(vertex);
  const graph::Node& node = graph.boost_graph()[*vertex];
  CHECK(std::find(node.aliases.begin(), node.aliases.end(), "The Secretary-General") != node.aliases.end());
  const std::string& text = documents[0].text;
  const std::size_t at = text.find("The Secretary-General");
  CHECK(std::find(node.evidence.begin(), node.evidence.end(),
                  graph::Evidence{"a", Span{at, at + std::string("The Secretary-General").size()}, false}) !=
        node.evidence.end());
}
