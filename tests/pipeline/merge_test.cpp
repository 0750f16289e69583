// Many articles into one graph: one node per person across articles, in any order.
#include <catch2/catch.hpp>

#include <sstream>

#include "newsgraph/pipeline.hpp"
#include "newsgraph/resolve/aliases.hpp"
#include "newsgraph/write/write.hpp"

using namespace newsgraph;

namespace {

Document article(std::string id, std::string text) {
  Document document;
  document.id = std::move(id);
  document.date = "2011-09-01";
  document.text = std::move(text);
  return document;
}

std::string json_of(const std::vector<Document>& documents) {
  std::ostringstream out;
  write::write_json(build_graph(documents, embedded_models(), 2, {}), out);
  return out.str();
}

}  // namespace

TEST_CASE("a surname alone in one article joins the full name another article gives", "[merge]") {
  const std::vector<Document> documents = {
      article("a", "Sergei Lavrov said the talks went well."),
      article("b", "Lavrov said the talks went badly."),
      article("c", "The talks were held by Russian Foreign Minister Sergei Lavrov.")};
  const graph::Graph graph = build_graph(documents, embedded_models(), 2, {});
  const auto& g = graph.boost_graph();
  std::size_t people = 0;
  for (const auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].type == graph::NodeType::Person) {
      ++people;
      CHECK(g[v].id == "person:sergei-lavrov");
      std::set<std::string> documents_seen;
      for (const auto& evidence : g[v].evidence) documents_seen.insert(evidence.doc);
      CHECK(documents_seen == std::set<std::string>{"a", "b", "c"});
    }
  CHECK(people == 1);
}

TEST_CASE("two people who share a surname stay apart when neither is the usual one", "[merge]") {
  const std::vector<Document> documents = {article("a", "John Smith said the plan was good."),
                                           article("b", "Mary Smith said the plan was bad."),
                                           article("c", "Smith said nothing.")};
  const graph::Graph graph = build_graph(documents, embedded_models(), 2, {});
  CHECK(graph.find("person:john-smith"));
  CHECK(graph.find("person:mary-smith"));
  CHECK(graph.find("person:smith"));
}

TEST_CASE("the same articles in any order give the same graph, byte for byte", "[merge]") {
  const Document a =
      article("a", "Sergei Lavrov met Ellen Tauscher in Geneva on Friday. Lavrov said it went well.");
  const Document b =
      article("b", "Tauscher said that the United States was preparing for talks with Russia.");
  const Document c =
      article("c", "NATO Secretary-General Anders Fogh Rasmussen said there was no need for it.");
  CHECK(json_of({a, b, c}) == json_of({c, a, b}));
  CHECK(json_of({a, b, c}) == json_of({b, c, a}));
}

TEST_CASE("a user's alias file joins names, keeps names apart and adds names", "[merge]") {
  const auto aliases = resolve::read_user_aliases(
      "# newsgraph-lexicon 1 aliases\n"
      "same\tVladimir Putin\tV. Putin\n"
      "never\tJohn Smith\tSmith\n"
      "name\torganization\tBlue Widget Works\n",
      "aliases.tsv");
  Models models = embedded_models();
  models.user_aliases = &aliases;
  const std::vector<Document> documents = {article("a", "Vladimir Putin said the talks went well."),
                                           article("b", "V. Putin said the talks went badly."),
                                           article("c", "John Smith said the plan was good."),
                                           article("d", "Smith said nothing about Blue Widget Works.")};
  const graph::Graph graph = build_graph(documents, models, 2, {});
  CHECK_FALSE(graph.find("person:v-putin"));
  REQUIRE(graph.find("person:vladimir-putin"));
  CHECK(graph.find("person:smith"));
  CHECK(graph.find("organization:blue-widget-works"));
}

TEST_CASE("a malformed alias file is an error naming its line", "[merge]") {
  CHECK_THROWS_WITH(resolve::read_user_aliases("# newsgraph-lexicon 1 aliases\nalias\ta\tb\n", "aliases.tsv"),
                    "aliases.tsv:2: expected same, never or name, found \"alias\"");
  CHECK_THROWS_WITH(
      resolve::read_user_aliases("same\ta\tb\n", "aliases.tsv"),
      Catch::StartsWith("aliases.tsv:1: expected the header \"# newsgraph-lexicon 1 aliases\""));
}
