#include <graphviz/gvc.h>

#include <cstring>
#include <memory>
#include <sstream>

#include "newsgraph/error.hpp"
#include "newsgraph/write/write.hpp"

namespace newsgraph::write {

std::optional<Format> parse_format(std::string_view name) {
  if (name == "json") return Format::Json;
  if (name == "dot" || name == "gv") return Format::Dot;
  if (name == "svg") return Format::Svg;
  if (name == "png") return Format::Png;
  return std::nullopt;
}

std::optional<Format> format_of_path(std::string_view path) {
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return parse_format(path.substr(dot + 1));
}

std::string render(std::string_view dot, Format format) {
  const char* renderer = format == Format::Png ? "png" : "svg";
  const std::unique_ptr<GVC_t, decltype(&gvFreeContext)> context(gvContext(), gvFreeContext);
  const std::string source(dot);
  Agraph_t* graph = agmemread(source.c_str());
  if (graph == nullptr) throw Error("Graphviz could not read the DOT graph newsgraph made");
  const std::unique_ptr<Agraph_t, decltype(&agclose)> graph_owner(graph, agclose);
  if (gvLayout(context.get(), graph, "dot") != 0) throw Error("Graphviz could not lay out the graph");
  char* data = nullptr;
  unsigned int length = 0;
  const int status = gvRenderData(context.get(), graph, renderer, &data, &length);
  std::string image = status == 0 && data != nullptr ? std::string(data, length) : std::string();
  gvFreeRenderData(data);
  gvFreeLayout(context.get(), graph);
  if (status != 0 || image.empty())
    throw Error(std::string("Graphviz could not render ") + renderer + " (is its " + renderer +
                " plugin installed?)");
  return image;
}

void write_graph(const graph::Graph& graph, Format format, std::ostream& out) {
  switch (format) {
    case Format::Json: write_json(graph, out); return;
    case Format::Dot: write_dot(graph, out); return;
    case Format::Svg:
    case Format::Png: {
      std::ostringstream dot;
      write_dot(graph, dot);
      out << render(dot.str(), format);
      return;
    }
  }
}

}  // namespace newsgraph::write
