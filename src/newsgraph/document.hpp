// Document: one news article as read, before any analysis. It owns the only copy of the text;
// every later stage refers into it with byte Spans and never changes it. Plain value, safe to share
// between threads once built.
#pragma once

#include <optional>
#include <string>

#include "newsgraph/span.hpp"

namespace newsgraph {

struct Document {
  std::string id;                     // unique within a corpus
  std::optional<std::string> date;    // the article's date, YYYY-MM-DD
  std::optional<std::string> source;  // the news agency or outlet, e.g. "Itar-Tass"
  std::optional<std::string> title;
  std::optional<std::string> dateline;  // the dateline place, e.g. "Moscow"
  std::string text;                     // UTF-8, exactly as read
  std::string origin;                   // where it was read from, for messages: "corpus.jsonl:17"
  // The wire dateline at the head of the text ("MOSCOW, September 1 (Itar-Tass) —"), if any;
  // later stages skip it when they look for sentences.
  std::optional<Span> dateline_span;
};

}  // namespace newsgraph
