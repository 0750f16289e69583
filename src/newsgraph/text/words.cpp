#include "newsgraph/text/words.hpp"

namespace newsgraph::text {

std::string ascii_lower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

}  // namespace newsgraph::text
