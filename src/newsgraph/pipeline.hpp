// The pipeline: one article through every stage in order (segment, tag, resolve, parse, extract), and many
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

namespace tag {
class Tagger;
}
namespace parse {
class Parser;
}
namespace resolve {
struct UserAliases;
}

// The trained models the stages use (the ones built into the program, or files a user gave), and
// what the user knows about names (may be null).
struct Models {
  const tag::Tagger* tagger = nullptr;
  const parse::Parser* parser = nullptr;
  const resolve::UserAliases* user_aliases = nullptr;
};

// The models embedded in the binary, loaded once.
Models embedded_models();

Analysis analyse(const Document& document, const Models& models);

// Called after each article with the number done and the total, for progress reports.
using Progress = std::function<void(std::size_t done, std::size_t total)>;

// Analyses the documents (in parallel) and merges them, in input order, into one graph.
graph::Graph build_graph(const std::vector<Document>& documents, const Models& models, unsigned threads,
                         const Progress& progress);

}  // namespace newsgraph
