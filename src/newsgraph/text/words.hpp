// Small word helpers shared by the stages: ASCII lower case, membership in a fixed word list, and the
// sentences that hold a word a predicate accepts.
// Words are UTF-8 byte strings; bytes outside ASCII are left as they are. Pure functions, safe from
// any thread.
#pragma once

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "newsgraph/text/segment.hpp"

namespace newsgraph::text {

// ASCII lowercase; other bytes unchanged.
std::string ascii_lower(std::string_view word);

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// The abbreviations of the states of the United States that news writes after a city, without
// their last period: "Okla" of "Okla.", "N.C" of "N.C.", as resolve/region_abbreviations.tsv
// lists them with their states.
bool is_state_abbreviation(std::string_view stem);

// One flag per sentence: whether one of its tokens, in ASCII lower case, is a word `wanted` accepts.
std::vector<bool> sentences_with_word(std::string_view text, const Segments& segments,
                                      const std::function<bool(std::string_view lower)>& wanted);

}  // namespace newsgraph::text
