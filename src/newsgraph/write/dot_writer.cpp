#include <boost/graph/graphviz.hpp>

#include "newsgraph/write/write.hpp"

namespace newsgraph::write {
namespace {

// A quoted DOT string: backslashes, quotes and line breaks escaped, UTF-8 kept as it is.
// (boost::escape_dot_string leaves backslashes alone, which breaks labels such as "C:\path".)
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': break;
      default: out += c;
    }
  }
  return out + "\"";
}

// The first words of a claim, at most about `limit` bytes, cut at a space and on a UTF-8 boundary.
std::string short_label(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  std::size_t cut = text.rfind(' ', limit);
  if (cut == std::string_view::npos || cut < limit / 2) {
    cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  }
  return std::string(text.substr(0, cut)) + "\u2026";
}

// Breaks a label into lines of about `width` bytes so that long names make tall, not wide, nodes.
std::string wrapped(std::string_view text, std::size_t width) {
  std::string out;
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view word = text.substr(start, end - start);
    if (line > 0 && line + 1 + word.size() > width) {
      out += '\n';
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += word.size();
    start = end + 1;
  }
  return out;
}

struct NodeStyle {
  const char* shape;
  const char* fill;
  const char* border;
};

NodeStyle style_of(graph::NodeType type) {
  switch (type) {
    case graph::NodeType::Person: return {"ellipse", "#dbe9ff", "#3b6db3"};
    case graph::NodeType::Organization: return {"box", "#dcf2e3", "#2f8a4f"};
    case graph::NodeType::Place: return {"house", "#fff1c9", "#b38a1d"};
    case graph::NodeType::Meeting: return {"octagon", "#fde0dc", "#b5473a"};
    case graph::NodeType::Claim: return {"note", "#f6f6f6", "#8a8a8a"};
  }
  return {"ellipse", "#ffffff", "#000000"};
}

const char* edge_style(graph::Relation relation) {
  switch (relation) {
    case graph::Relation::Said: return "color=\"#555555\"";
    case graph::Relation::Role: return "color=\"#3b6db3\", fontcolor=\"#3b6db3\", style=dashed";
    case graph::Relation::Participant: return "color=\"#b5473a\"";
    case graph::Relation::HeldIn: return "color=\"#b38a1d\"";
    case graph::Relation::SaidAt: return "color=\"#b5473a\", style=dotted";
    case graph::Relation::Mentions: return "color=\"#bbbbbb\", style=dotted, arrowsize=0.5, constraint=false";
  }
  return "";
}

// The graph as it is drawn: vertices in id order, so that write_graphviz numbers them stably, and
// without `mentions` edges, which tie nearly every claim to several entities and would hide the
// speakers, roles and meetings under a web of lines (the JSON keeps them).
graph::BoostGraph picture_copy(const graph::BoostGraph& g) {
  graph::BoostGraph copy;
  std::vector<graph::Vertex> new_index(boost::num_vertices(g));
  for (const auto v : graph::vertices_by_id(g)) new_index[v] = boost::add_vertex(g[v], copy);
  for (const auto e : graph::edges_in_order(g))
    if (g[e].relation != graph::Relation::Mentions)
      boost::add_edge(new_index[boost::source(e, g)], new_index[boost::target(e, g)], g[e], copy);
  return copy;
}

// Entities with no edge would otherwise stand in one long column at the left of the picture; they
// are drawn instead as a block of rows in a box of their own, held in rows by invisible edges.
void write_unrelated_entities(std::ostream& os, const graph::BoostGraph& g) {
  constexpr std::size_t kPerRow = 4;
  std::vector<graph::Vertex> unrelated;
  for (const auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].type != graph::NodeType::Claim && g[v].type != graph::NodeType::Meeting &&
        boost::in_degree(v, g) == 0 && boost::out_degree(v, g) == 0)
      unrelated.push_back(v);
  if (unrelated.empty()) return;
  os << "subgraph cluster_unrelated {\nlabel=\"Also named\"; style=dashed; color=\"#bbbbbb\"; "
        "fontcolor=\"#777777\"; fontsize=10\n";
  for (std::size_t i = 0; i < unrelated.size(); ++i) {
    os << unrelated[i] << ";\n";
    if (i % kPerRow != 0) os << unrelated[i - 1] << "->" << unrelated[i] << " [style=invis];\n";
  }
  os << "}\n";
}

}  // namespace

void write_dot(const graph::Graph& graph, std::ostream& out) {
  const graph::BoostGraph g = picture_copy(graph.boost_graph());
  const auto node_writer = [&](std::ostream& os, graph::Vertex v) {
    const graph::Node& node = g[v];
    const NodeStyle style = style_of(node.type);
    std::string label;
    std::string tooltip;
    if (node.type == graph::NodeType::Claim) {
      label = wrapped(short_label(node.text, 60), 28);
      tooltip = (node.quote ? "\u201C" + node.text + "\u201D" : node.text) + " (" + node.cue + ")";
    } else {
      label = wrapped(node.label, 24);
      tooltip = node.label;
      for (const auto& alias : node.aliases) tooltip += "\n" + alias;
    }
    os << "[id=" << quoted(node.id) << ", label=" << quoted(label) << ", tooltip=" << quoted(tooltip)
       << ", shape=" << style.shape << ", fillcolor=" << quoted(style.fill)
       << ", color=" << quoted(style.border);
    if (node.type == graph::NodeType::Claim)
      os << ", fontsize=9" << (node.quote ? "" : ", style=\"filled,dashed\"");
    os << "]";
  };
  const auto edge_writer = [&](std::ostream& os, const graph::BoostGraph::edge_descriptor& e) {
    const graph::Edge& edge = g[e];
    os << "[" << edge_style(edge.relation);
    if (!edge.title.empty()) os << ", label=" << quoted(wrapped(edge.title, 24)) << ", fontsize=9";
    os << ", tooltip=" << quoted(std::string(graph::to_string(edge.relation))) << "]";
  };
  const auto graph_writer = [&](std::ostream& os) {
    os << "graph [rankdir=LR, ranksep=0.5, nodesep=0.18, fontname=\"Helvetica\", bgcolor=\"white\", "
          "outputorder=edgesfirst, pad=0.3]\n"
          "node [style=filled, fontname=\"Helvetica\", fontsize=11, margin=\"0.12,0.04\"]\n"
          "edge [fontname=\"Helvetica\", arrowsize=0.7, penwidth=1.1]\n";
    write_unrelated_entities(os, g);
  };
  boost::write_graphviz(out, g, node_writer, edge_writer, graph_writer);
}

}  // namespace newsgraph::write
