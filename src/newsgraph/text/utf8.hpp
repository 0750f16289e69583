// UTF-8 helpers over byte offsets. decode_utf8 assumes text that validate_utf8 accepted (the readers
// check every article on read); on a stray byte it still returns one byte, so it never loops or
// reads past the end. Pure functions, safe to use from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace newsgraph::text {

struct Utf8Char {
  char32_t code_point = 0;
  std::size_t length = 1;  // bytes
};

Utf8Char decode_utf8(std::string_view text, std::size_t offset);

// The offset where the character that ends just before `offset` starts.
std::size_t previous_char_start(std::string_view text, std::size_t offset);

// The byte offset of the first invalid sequence (overlong forms, surrogates and values past
// U+10FFFF are invalid), or nullopt when the whole text is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

}  // namespace newsgraph::text

namespace newsgraph::text {

// True when the word starts with a capital letter (Latin, Greek or Cyrillic) or a digit, the way a
// name does; false for punctuation and quotation marks ("“").
bool starts_with_capital_or_digit(std::string_view word);

}  // namespace newsgraph::text
