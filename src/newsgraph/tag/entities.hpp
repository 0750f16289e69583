// Entity mentions read off a sentence's IOB tags: each mention is a type ("PER", "ORG", "LOC",
// "MISC") and a half-open range of word indices into the sentence. IOB2 and IOB1 are both read
// (an "I-X" that does not continue an X mention starts one), as conlleval does. Pure functions:
// safe to use from several threads.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace newsgraph::tag {

struct EntityChunk {
  std::string_view type;  // views the tag it was read from
  std::size_t begin = 0;  // first word
  std::size_t end = 0;    // one past the last word
  friend bool operator==(const EntityChunk&, const EntityChunk&) = default;
};

std::vector<EntityChunk> entity_chunks(std::span<const std::string_view> tags);

}  // namespace newsgraph::tag
