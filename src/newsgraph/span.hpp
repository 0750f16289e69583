// Span: a half-open range [begin, end) of UTF-8 byte offsets into the text of one Document.
// Every annotation in newsgraph points into the text with a Span, never with a copy, so that
// text.substr(begin, end - begin) is always exactly the surface the annotation claims.
// A plain value: safe to copy and share between threads.
#pragma once

#include <cstddef>
#include <string_view>

namespace newsgraph {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;

  std::size_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  bool contains(const Span& other) const { return begin <= other.begin && other.end <= end; }
  bool overlaps(const Span& other) const { return begin < other.end && other.begin < end; }
  friend bool operator==(const Span&, const Span&) = default;
  friend auto operator<=>(const Span&, const Span&) = default;
};

// The bytes a span covers.
inline std::string_view slice(std::string_view text, Span span) {
  return text.substr(span.begin, span.end - span.begin);
}

}  // namespace newsgraph
