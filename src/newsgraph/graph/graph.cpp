#include "newsgraph/graph/graph.hpp"

#include <algorithm>
#include <tuple>

namespace newsgraph::graph {
namespace {

template <typename T>
void add_missing(std::vector<T>& into, const std::vector<T>& from) {
  for (const auto& item : from)
    if (std::find(into.begin(), into.end(), item) == into.end()) into.push_back(item);
}

}  // namespace

std::string_view to_string(NodeType type) {
  switch (type) {
    case NodeType::Person: return "person";
    case NodeType::Organization: return "organization";
    case NodeType::Place: return "place";
    case NodeType::Meeting: return "meeting";
    case NodeType::Claim: return "claim";
  }
  return "unknown";
}

std::string_view to_string(Relation relation) {
  switch (relation) {
    case Relation::Said: return "said";
    case Relation::Role: return "role";
    case Relation::Participant: return "participant";
    case Relation::HeldIn: return "held_in";
    case Relation::SaidAt: return "said_at";
    case Relation::Mentions: return "mentions";
  }
  return "unknown";
}

Vertex Graph::add_node(Node node) {
  if (const auto found = by_id_.find(node.id); found != by_id_.end()) {
    Node& existing = graph_[found->second];
    if (node.label != existing.label &&
        std::find(node.aliases.begin(), node.aliases.end(), node.label) == node.aliases.end())
      node.aliases.push_back(node.label);
    add_missing(existing.aliases, node.aliases);
    std::sort(existing.aliases.begin(), existing.aliases.end());
    std::erase(existing.aliases, existing.label);
    add_missing(existing.evidence, node.evidence);
    std::sort(existing.evidence.begin(), existing.evidence.end());
    if (!existing.date) existing.date = node.date;
    return found->second;
  }
  std::erase(node.aliases, node.label);
  std::sort(node.aliases.begin(), node.aliases.end());
  std::sort(node.evidence.begin(), node.evidence.end());
  const std::string id = node.id;
  const Vertex vertex = boost::add_vertex(std::move(node), graph_);
  by_id_.emplace(id, vertex);
  return vertex;
}

bool Graph::add_edge(const std::string& source, const std::string& target, Edge edge) {
  const auto from = find(source);
  const auto to = find(target);
  if (!from || !to) return false;
  for (const auto e : boost::make_iterator_range(boost::out_edges(*from, graph_))) {
    Edge& existing = graph_[e];
    if (boost::target(e, graph_) == *to && existing.relation == edge.relation &&
        existing.title == edge.title) {
      add_missing(existing.evidence, edge.evidence);
      std::sort(existing.evidence.begin(), existing.evidence.end());
      return true;
    }
  }
  std::sort(edge.evidence.begin(), edge.evidence.end());
  boost::add_edge(*from, *to, std::move(edge), graph_);
  return true;
}

std::optional<Vertex> Graph::find(const std::string& id) const {
  const auto found = by_id_.find(id);
  if (found == by_id_.end()) return std::nullopt;
  return found->second;
}

std::vector<Vertex> vertices_by_id(const BoostGraph& graph) {
  std::vector<Vertex> order(boost::num_vertices(graph));
  for (Vertex v = 0; v < order.size(); ++v) order[v] = v;
  std::sort(order.begin(), order.end(), [&](Vertex a, Vertex b) { return graph[a].id < graph[b].id; });
  return order;
}

std::vector<BoostGraph::edge_descriptor> edges_in_order(const BoostGraph& graph) {
  std::vector<BoostGraph::edge_descriptor> order;
  for (const auto e : boost::make_iterator_range(boost::edges(graph))) order.push_back(e);
  const auto key = [&](const BoostGraph::edge_descriptor& e) {
    return std::tie(graph[boost::source(e, graph)].id, graph[e].relation, graph[boost::target(e, graph)].id,
                    graph[e].title);
  };
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
  return order;
}

}  // namespace newsgraph::graph
