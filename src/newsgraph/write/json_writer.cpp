#include <rapidjson/ostreamwrapper.h>
#include <rapidjson/prettywriter.h>

#include <algorithm>

#include "newsgraph/write/write.hpp"

namespace newsgraph::write {
namespace {

using JsonWriter = rapidjson::PrettyWriter<rapidjson::OStreamWrapper>;

void write_string(JsonWriter& json, std::string_view value) {
  json.String(value.data(), static_cast<rapidjson::SizeType>(value.size()));
}

void write_optional(JsonWriter& json, const char* key, const std::optional<std::string>& value) {
  json.Key(key);
  if (value)
    write_string(json, *value);
  else
    json.Null();
}

void write_evidence(JsonWriter& json, const std::vector<graph::Evidence>& evidence) {
  json.Key("evidence");
  json.StartArray();
  for (const auto& item : evidence) {
    json.StartObject();
    json.Key("doc");
    write_string(json, item.doc);
    if (item.in_title) {
      json.Key("field");
      json.String("title");
    }
    json.Key("start");
    json.Uint64(item.span.begin);
    json.Key("end");
    json.Uint64(item.span.end);
    json.EndObject();
  }
  json.EndArray();
}

void write_node(JsonWriter& json, const graph::Node& node) {
  json.Key(node.id.c_str(), static_cast<rapidjson::SizeType>(node.id.size()));
  json.StartObject();
  json.Key("label");
  write_string(json, node.label);
  json.Key("metadata");
  json.StartObject();
  json.Key("type");
  write_string(json, graph::to_string(node.type));
  switch (node.type) {
    case graph::NodeType::Person:
    case graph::NodeType::Organization:
    case graph::NodeType::Place:
      json.Key("aliases");
      json.StartArray();
      for (const auto& alias : node.aliases) write_string(json, alias);
      json.EndArray();
      break;
    case graph::NodeType::Claim:
      json.Key("text");
      write_string(json, node.text);
      json.Key("quote");
      json.Bool(node.quote);
      json.Key("cue");
      write_string(json, node.cue);
      if (node.negative) {
        json.Key("polarity");
        json.String("negative");
      }
      break;
    case graph::NodeType::Meeting:
      json.Key("status");
      write_string(json, node.status);
      break;
  }
  if (node.date) {
    json.Key("date");
    write_string(json, *node.date);
  }
  write_evidence(json, node.evidence);
  json.EndObject();
  json.EndObject();
}

}  // namespace

void write_json(const graph::Graph& graph, std::ostream& out) {
  const auto& g = graph.boost_graph();
  rapidjson::OStreamWrapper stream(out);
  JsonWriter json(stream);
  json.SetIndent(' ', 1);
  json.StartObject();
  json.Key("graph");
  json.StartObject();
  json.Key("directed");
  json.Bool(true);
  json.Key("type");
  json.String("newsgraph");
  json.Key("metadata");
  json.StartObject();
  json.Key("generator");
  json.String("newsgraph " NEWSGRAPH_VERSION);
  json.Key("documents");
  json.StartArray();
  std::vector<graph::DocumentInfo> documents = graph.documents();
  std::sort(documents.begin(), documents.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  for (const auto& document : documents) {
    json.StartObject();
    json.Key("id");
    write_string(json, document.id);
    write_optional(json, "date", document.date);
    write_optional(json, "source", document.source);
    write_optional(json, "dateline", document.dateline);
    write_optional(json, "title", document.title);
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();

  json.Key("nodes");
  json.StartObject();
  for (const auto v : graph::vertices_by_id(g)) write_node(json, g[v]);
  json.EndObject();

  json.Key("edges");
  json.StartArray();
  for (const auto e : graph::edges_in_order(g)) {
    const graph::Edge& edge = g[e];
    json.StartObject();
    json.Key("source");
    write_string(json, g[boost::source(e, g)].id);
    json.Key("relation");
    write_string(json, graph::to_string(edge.relation));
    json.Key("target");
    write_string(json, g[boost::target(e, g)].id);
    if (!edge.title.empty()) {
      json.Key("label");
      write_string(json, edge.title);
    }
    json.Key("metadata");
    json.StartObject();
    if (!edge.title.empty()) {
      json.Key("title");
      write_string(json, edge.title);
    }
    write_evidence(json, edge.evidence);
    json.EndObject();
    json.EndObject();
  }
  json.EndArray();
  json.EndObject();
  json.EndObject();
  out << "\n";
}

}  // namespace newsgraph::write
