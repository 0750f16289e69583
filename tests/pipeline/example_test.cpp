// The bundled example article, end to end: its graph matches the copy under graphs/ byte for byte,
// every evidence span round-trips, the JSON keeps the contract and the DOT renders.
#include <rapidjson/document.h>

#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include "newsgraph/pipeline.hpp"
#include "newsgraph/read/read.hpp"
#include "newsgraph/write/write.hpp"
#include "test_support.hpp"

using namespace newsgraph;
using testing::read_file;
using testing::source_path;

namespace {

const std::string kExample = "graphs/itar-tass-missile-defence";

struct Example {
  std::vector<Document> documents;
  graph::Graph graph;
};

const Example& example() {
  static const Example built = [] {
    std::istringstream no_input;
    auto input = read::read_articles({source_path(kExample + ".jsonl").string()}, {}, no_input);
    REQUIRE(input.problems.empty());
    Example result{input.documents, {}};
    result.graph = build_graph(result.documents, embedded_models(), 2, {});
    return result;
  }();
  return built;
}

std::string written(write::Format format) {
  std::ostringstream out;
  write::write_graph(example().graph, format, out);
  return out.str();
}

}  // namespace

TEST_CASE("the example's JSON graph matches graphs/ byte for byte", "[example]") {
  CHECK(written(write::Format::Json) == read_file(source_path(kExample + ".json")));
}

TEST_CASE("the example's DOT graph matches graphs/ byte for byte", "[example]") {
  CHECK(written(write::Format::Dot) == read_file(source_path(kExample + ".dot")));
}

TEST_CASE("every token, sentence, quotation and mention of the example round-trips", "[example]") {
  const Document& document = example().documents.front();
  const Analysis analysis = analyse(document, embedded_models());
  const auto within = [&](Span span) { return span.begin <= span.end && span.end <= document.text.size(); };
  REQUIRE(analysis.segments.tokens.size() > 500);
  for (const auto& token : analysis.segments.tokens) {
    REQUIRE(within(token.span));
    const std::string_view surface = slice(document.text, token.span);
    CHECK(surface.find_first_of(" \n\t") == std::string_view::npos);
  }
  for (const auto& sentence : analysis.segments.sentences) {
    CHECK(slice(document.text, sentence.span).front() != ' ');
    CHECK(slice(document.text, sentence.span).back() != ' ');
  }
  for (const auto& quotation : analysis.segments.quotations) {
    REQUIRE(within(quotation.outer));
    CHECK(quotation.outer.contains(quotation.content));
  }
  for (const auto& mention : analysis.tagging.mentions) {
    CHECK(mention.span.begin == analysis.segments.tokens[mention.first_token].span.begin);
    CHECK(mention.span.end == analysis.segments.tokens[mention.end_token - 1].span.end);
  }
}

TEST_CASE("the example's JSON keeps the graph contract and its evidence round-trips", "[example]") {
  const std::string json = written(write::Format::Json);
  rapidjson::Document parsed;
  parsed.Parse(json.c_str());
  REQUIRE_FALSE(parsed.HasParseError());
  const auto& graph = parsed["graph"];
  CHECK(graph["directed"].GetBool());
  CHECK(std::string(graph["type"].GetString()) == "newsgraph");
  CHECK(std::string(graph["metadata"]["generator"].GetString()).starts_with("newsgraph "));
  const auto& documents = graph["metadata"]["documents"];
  REQUIRE(documents.Size() == 1);
  CHECK(std::string(documents[0]["id"].GetString()) == "itar-tass-missile-defence");
  CHECK(std::string(documents[0]["date"].GetString()) == "2011-09-01");

  const std::string& text = example().documents.front().text;
  const std::set<std::string> entity_types = {"person", "organization", "place"};
  std::set<std::string> ids;
  std::size_t claims = 0;
  std::size_t meetings = 0;
  for (const auto& node : graph["nodes"].GetObject()) {
    ids.insert(node.name.GetString());
    const auto& metadata = node.value["metadata"];
    const std::string type = metadata["type"].GetString();
    REQUIRE(metadata["evidence"].IsArray());
    REQUIRE(metadata["evidence"].Size() > 0);
    std::set<std::string> forms = {node.value["label"].GetString()};
    if (entity_types.contains(type)) {
      REQUIRE(metadata["aliases"].IsArray());
      for (const auto& alias : metadata["aliases"].GetArray()) forms.insert(alias.GetString());
    } else if (type == "meeting") {
      ++meetings;
      const std::string status = metadata["status"].GetString();
      CHECK((status == "held" || status == "planned"));
      forms.clear();  // a meeting's evidence is the sentences that report it
      for (const auto& evidence : metadata["evidence"].GetArray())
        forms.insert(text.substr(evidence["start"].GetUint64(),
                                 evidence["end"].GetUint64() - evidence["start"].GetUint64()));
    } else {
      REQUIRE(type == "claim");
      ++claims;
      CHECK(metadata["quote"].IsBool());
      CHECK(metadata["cue"].IsString());
      forms = {metadata["text"].GetString()};
    }
    for (const auto& evidence : metadata["evidence"].GetArray()) {
      CHECK(std::string(evidence["doc"].GetString()) == "itar-tass-missile-defence");
      const auto start = evidence["start"].GetUint64();
      const auto end = evidence["end"].GetUint64();
      REQUIRE(start < end);
      REQUIRE(end <= text.size());
      INFO("node " << node.name.GetString());
      CHECK(forms.contains(text.substr(start, end - start)));
    }
  }
  CHECK(claims >= 10);
  CHECK(meetings >= 2);
  const std::set<std::string> relations = {"said", "role", "participant", "held_in", "said_at", "mentions"};
  for (const auto& edge : graph["edges"].GetArray()) {
    CHECK(ids.contains(edge["source"].GetString()));
    CHECK(ids.contains(edge["target"].GetString()));
    CHECK(relations.contains(edge["relation"].GetString()));
    for (const auto& evidence : edge["metadata"]["evidence"].GetArray())
      CHECK(evidence["end"].GetUint64() <= text.size());
  }
}

TEST_CASE("the example's DOT renders with Graphviz's dot program", "[example]") {
  testing::TemporaryDirectory directory("example-dot");
  testing::write_file(directory / "example.dot", written(write::Format::Dot));
  const std::string command = "dot -Tsvg '" + (directory / "example.dot").string() + "' -o '" +
                              (directory / "example.svg").string() + "'";
  REQUIRE(std::system(command.c_str()) == 0);
  CHECK(read_file(directory / "example.svg").find("<svg") != std::string::npos);
}

TEST_CASE("the example renders in-process to SVG and PNG", "[example]") {
  const std::string svg = written(write::Format::Svg);
  CHECK(svg.find("<svg") != std::string::npos);
  const std::string png = written(write::Format::Png);
  REQUIRE(png.size() > 8);
  CHECK(png.substr(1, 3) == "PNG");
}

TEST_CASE("the example's JSON has mentions edges; its picture leaves them out", "[example]") {
  const std::string json = written(write::Format::Json);
  const std::string dot = written(write::Format::Dot);
  CHECK(json.find("\"relation\": \"mentions\"") != std::string::npos);
  CHECK(dot.find("tooltip=\"said\"") != std::string::npos);
  CHECK(dot.find("tooltip=\"mentions\"") == std::string::npos);
}
