// Writers: the only code that knows the output formats. JSON follows the newsgraph JSON contract
// (JSON Graph Format v2 with news metadata, see docs in the README); DOT is for GraphViz, with shapes
// and colours by node type and claims drawn as short labels whose full text is the tooltip; SVG and
// PNG are that DOT laid out by Graphviz's dot engine. Nodes and edges are written in id order, so the
// same graph always gives the same bytes. Functions only; safe to call from several threads on
// different graphs, except render(), which Graphviz does not make thread-safe.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "newsgraph/graph/graph.hpp"

namespace newsgraph::write {

enum class Format { Json, Dot, Svg, Png };

// The format a file name asks for by its extension (.json .dot .gv .svg .png), if any.
std::optional<Format> format_of_path(std::string_view path);
std::optional<Format> parse_format(std::string_view name);

void write_json(const graph::Graph& graph, std::ostream& out);
void write_dot(const graph::Graph& graph, std::ostream& out);

// Lays out DOT text with Graphviz and returns the image bytes (Format::Svg or Format::Png).
// Throws newsgraph::Error if Graphviz cannot lay it out.
std::string render(std::string_view dot, Format format);

// Writes the graph in any format to `out`.
void write_graph(const graph::Graph& graph, Format format, std::ostream& out);

}  // namespace newsgraph::write
