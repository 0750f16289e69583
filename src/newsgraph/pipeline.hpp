// The pipeline: one article through every stage in order (segment, tag, resolve, extract), and many
// articles into one graph. This is the only place that knows the order of the stages; each stage is a
// function of the document and the layers made before it. analyse() is safe to run on different
// documents from several threads at once; build_graph() uses up to `threads` of them.
#pragma once

#include <functional>
#include <vector>

#include "newsgraph/analysis.hpp"
#include "newsgraph/document.hpp"
#include "newsgraph/graph/graph.hpp"

namespace newsgraph {

Analysis analyse(const Document& document);

// Called after each article with the number done and the total, for progress reports.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Analyses the documents (in parallel) and merges them, in input order, into one graph.
graph::Graph build_graph(const std::vector<Document>& documents, unsigned threads, const Progress& progress);

}  // namespace newsgraph
