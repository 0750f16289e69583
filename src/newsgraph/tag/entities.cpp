#include "newsgraph/tag/entities.hpp"

namespace newsgraph::tag {

std::vector<EntityChunk> entity_chunks(std::span<const std::string_view> tags) {
  std::vector<EntityChunk> chunks;
  bool open = false;
  EntityChunk current;
  for (std::size_t i = 0; i <= tags.size(); ++i) {
    const std::string_view tag = i < tags.size() ? tags[i] : "O";
    const bool outside = tag == "O" || tag.size() < 3 || tag[1] != '-';
    const std::string_view type = outside ? std::string_view{} : tag.substr(2);
    const bool begins = !outside && (tag[0] == 'B' || !open || type != current.type);
    if (open && (outside || begins)) {
      current.end = i;
      chunks.push_back(current);
      open = false;
    }
    if (begins) {
      current = {type, i, i};
      open = true;
    }
  }
  return chunks;
}

}  // namespace newsgraph::tag
