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

TEST_CASE("a name the corpus gives one type far more often takes that type everywhere", "[graph][assemble]") {
  // Five articles name Vladimir Putin as a person, one (a tagger's slip) as a place; Georgia is a
  // place and a person's first name just as often, so it is left alone.
  std::vector<Analysis> analyses(6);
  for (std::size_t a = 0; a < analyses.size(); ++a) {
    const auto type = a == 5 ? tag::EntityType::Place : tag::EntityType::Person;
    analyses[a].entities.entities.push_back(resolve::Entity{type, "Vladimir Putin", {}, {}, {}, {}, {}});
    analyses[a].entities.entities.push_back(resolve::Entity{
        a % 2 == 0 ? tag::EntityType::Place : tag::EntityType::Person, "New Georgia", {}, {}, {}, {}, {}});
  }
  const graph::CorpusNames names = graph::corpus_names(analyses, nullptr);
  REQUIRE(names.type_of_name.contains("Vladimir Putin"));
  CHECK(names.type_of_name.at("Vladimir Putin") == tag::EntityType::Person);
  CHECK_FALSE(names.type_of_name.contains("New Georgia"));
}

TEST_CASE("an initial for a first name joins the full name it stands for, if one dominates",
          "[graph][assemble]") {
  const auto person = [](const char* name) {
    return resolve::Entity{tag::EntityType::Person, name, {}, {}, {}, {}, {}};
  };
  // Vladimir Putin in six articles, a misspelt Valdimir Putin in one; John and Jane Smith once each.
  std::vector<Analysis> analyses(8);
  for (std::size_t a = 0; a < 6; ++a) analyses[a].entities.entities.push_back(person("Vladimir Putin"));
  analyses[6].entities.entities = {person("Valdimir Putin"), person("V. Putin"), person("J. Smith")};
  analyses[7].entities.entities = {person("John Smith"), person("Jane Smith")};
  const graph::CorpusNames names = graph::corpus_names(analyses, nullptr);
  CHECK(names.full_name_of_bare_name.at("V. Putin") == "Vladimir Putin");
  CHECK_FALSE(names.full_name_of_bare_name.contains("J. Smith"));  // John or Jane
}
