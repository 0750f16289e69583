#include "newsgraph/text/utf8.hpp"

namespace newsgraph::text {
namespace {

bool is_continuation(unsigned char byte) {
  return (byte & 0xC0) == 0x80;
}

// The length of the valid sequence at offset, or 0.
std::size_t valid_sequence_length(std::string_view text, std::size_t offset) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[offset + i]); };
  const unsigned char lead = byte(0);
  const std::size_t available = text.size() - offset;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return available >= 2 && is_continuation(byte(1)) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (available < 3 || !is_continuation(byte(1)) || !is_continuation(byte(2))) return 0;
    if (lead == 0xE0 && byte(1) < 0xA0) return 0;   // overlong
    if (lead == 0xED && byte(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (available < 4 || !is_continuation(byte(1)) || !is_continuation(byte(2)) || !is_continuation(byte(3)))
      return 0;
    if (lead == 0xF0 && byte(1) < 0x90) return 0;   // overlong
    if (lead == 0xF4 && byte(1) >= 0x90) return 0;  // past U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

Utf8Char decode_utf8(std::string_view text, std::size_t offset) {
  const std::size_t length = valid_sequence_length(text, offset);
  const auto lead = static_cast<unsigned char>(text[offset]);
  switch (length) {
    case 1: return {lead, 1};
    case 2: return {static_cast<char32_t>(((lead & 0x1F) << 6) | (text[offset + 1] & 0x3F)), 2};
    case 3:
      return {static_cast<char32_t>(((lead & 0x0F) << 12) | ((text[offset + 1] & 0x3F) << 6) |
                                    (text[offset + 2] & 0x3F)),
              3};
    case 4:
      return {static_cast<char32_t>(((lead & 0x07) << 18) | ((text[offset + 1] & 0x3F) << 12) |
                                    ((text[offset + 2] & 0x3F) << 6) | (text[offset + 3] & 0x3F)),
              4};
    default: return {0xFFFD, 1};
  }
}

std::size_t previous_char_start(std::string_view text, std::size_t offset) {
  std::size_t start = offset == 0 ? 0 : offset - 1;
  while (start > 0 && offset - start < 4 && is_continuation(static_cast<unsigned char>(text[start]))) --start;
  return start;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t length = valid_sequence_length(text, i);
    if (length == 0) return i;
    i += length;
  }
  return std::nullopt;
}

}  // namespace newsgraph::text

namespace newsgraph::text {

bool starts_with_capital_or_digit(std::string_view word) {
  if (word.empty()) return false;
  const char32_t c = decode_utf8(word, 0).code_point;
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x100 && c <= 0x17F && c % 2 == 0) || (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F);
}

}  // namespace newsgraph::text
