// Segmentation of an article's text into paragraphs, sentences, tokens and quotations.
// All positions are Spans of UTF-8 byte offsets into Document::text; token, sentence and paragraph
// indices are positions in the vectors of one Segments. Tokens follow the Penn Treebank conventions
// the taggers were trained on ("Russia's" -> "Russia" "'s", "won't" -> "wo" "n't", punctuation and
// quotation marks apart) but keep abbreviations whole ("U.S.", "St.", "Mr."). A Segments is a plain
// value: safe to share between threads once made.
#pragma once

#include <cstddef>
#include <vector>

#include "newsgraph/document.hpp"
#include "newsgraph/span.hpp"

namespace newsgraph::text {

struct Token {
  Span span;
};

struct Sentence {
  Span span;
  std::size_t first_token = 0;  // [first_token, end_token) in Segments::tokens
  std::size_t end_token = 0;
  std::size_t paragraph = 0;  // index in Segments::paragraphs
};

struct Paragraph {
  Span span;
};

// A stretch of quoted text between an opening quotation mark and its closing mark, or the end of its
// paragraph when the quotation runs on into the next one (the wire convention: the next paragraph
// opens with a fresh mark and the previous one has no closing mark).
struct Quotation {
  Span content;  // inside the marks
  Span outer;    // with the marks
  std::size_t paragraph = 0;
  bool closed = true;               // false when it ran to the end of its paragraph
  bool continues_previous = false;  // the quotation of the previous paragraph runs on into this one
};

struct Segments {
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<Quotation> quotations;
};

// Splits the text of a document. Its wire dateline (Document::dateline_span), if any, becomes a
// sentence of its own, so that the first real sentence starts after it.
Segments segment(const Document& document);

}  // namespace newsgraph::text
