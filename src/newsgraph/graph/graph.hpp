// Graph: the knowledge graph of one article or of a whole corpus. A Boost.Graph adjacency_list with
// bundled Node and Edge properties, plus an id -> vertex map so that adding a node whose id is known
// merges into it (aliases and evidence are joined) instead of adding a second one; vertices are never
// removed. Evidence offsets are UTF-8 byte offsets into the text of the document they name.
// Not safe to modify from several threads; a finished graph may be read from any number.
#pragma once

#include <boost/graph/adjacency_list.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "newsgraph/span.hpp"

namespace newsgraph::graph {

enum class NodeType { Person, Organization, Place, Meeting, Claim };
enum class Relation { Said, Role, Participant, HeldIn, SaidAt, Mentions };

// The names the JSON contract uses: "person", "held_in", ...
std::string_view to_string(NodeType type);
std::string_view to_string(Relation relation);

// Where in which document a node or edge is supported.
struct Evidence {
  std::string doc;
  Span span;
  bool in_title = false;  // the span is in the document's title, not its text
  friend auto operator<=>(const Evidence&, const Evidence&) = default;
};

struct Node {
  std::string id;  // "person:sergei-lavrov", "claim:itar-tass-missile-defence:3"
  NodeType type = NodeType::Person;
  std::string label;
  std::vector<std::string> aliases;  // every other surface form seen, for entity nodes
  std::vector<Evidence> evidence;
  // Claims: the content without marks or cue, whether it was quoted, and the cue.
  std::string text;
  bool quote = false;
  std::string cue;
  bool negative = false;            // the cue or content denies
  std::optional<std::string> date;  // claims and meetings: ISO 8601 as precise as the text allows
  std::string status;               // meetings: "held" or "planned"
};

struct Edge {
  Relation relation = Relation::Said;
  std::string title;  // role edges: the title as written ("Deputy Foreign Minister")
  std::vector<Evidence> evidence;
};

using BoostGraph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Edge>;
using Vertex = BoostGraph::vertex_descriptor;

// The article-level facts the JSON keeps under metadata.documents.
struct DocumentInfo {
  std::string id;
  std::optional<std::string> date, source, dateline, title;
};

class Graph {
 public:
  // Adds the node, or merges it into the node with the same id: new aliases and evidence are added,
  // empty fields are filled. Returns the vertex either way.
  Vertex add_node(Node node);

  // Adds an edge between two existing node ids, or merges its evidence into the edge with the same
  // ends, relation and title. Returns false (and adds nothing) when an id is unknown.
  bool add_edge(const std::string& source, const std::string& target, Edge edge);

  std::optional<Vertex> find(const std::string& id) const;
  void add_document(DocumentInfo document) { documents_.push_back(std::move(document)); }

  const BoostGraph& boost_graph() const { return graph_; }
  const std::vector<DocumentInfo>& documents() const { return documents_; }

 private:
  BoostGraph graph_;
  std::map<std::string, Vertex> by_id_;
  std::vector<DocumentInfo> documents_;
};

// Sorted views for writers: nodes by id, edges by (source id, relation, target id, title), so that
// the same graph is always written the same way.
std::vector<Vertex> vertices_by_id(const BoostGraph& graph);
std::vector<BoostGraph::edge_descriptor> edges_in_order(const BoostGraph& graph);

}  // namespace newsgraph::graph
