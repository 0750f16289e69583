// Small word helpers shared by the stages: ASCII lower case, and membership in a fixed word list.
// Words are UTF-8 byte strings; bytes outside ASCII are left as they are. Pure functions, safe from
// any thread.
#pragma once

#include <algorithm>
#include <array>
#include <string>
#include <string_view>

namespace newsgraph::text {

// ASCII lowercase; other bytes unchanged.
std::string ascii_lower(std::string_view word);

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

}  // namespace newsgraph::text
