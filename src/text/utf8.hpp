// UTF-8: validation that names the offending byte, and decoding for the tokenizer.
#pragma once

#include <newsnorm/newsnorm.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsnorm::detail {

// Checks that `text` is well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates (U+D800..U+DFFF),
// nothing above U+10FFFF, no truncated sequence. Returns the error naming the first bad byte's offset.
std::optional<error> validate_utf8(std::string_view text);

// Decodes the code point at text[i] of already validated text and advances i past it.
inline char32_t next_code_point(std::string_view text, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) { ++i; return b0; }
  auto cont = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]) & 0x3F); };
  if (b0 < 0xE0) { char32_t c = ((b0 & 0x1F) << 6) | cont(1); i += 2; return c; }
  if (b0 < 0xF0) { char32_t c = ((b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2); i += 3; return c; }
  char32_t c = ((b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
  i += 4;
  return c;
}

// Length in bytes of the sequence that starts with lead byte b (valid text only).
inline std::size_t sequence_length(unsigned char b) {
  return b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

void append_utf8(std::string& out, char32_t c);

// Code points in valid UTF-8 text: counts the bytes that are not continuation bytes.
std::size_t count_code_points(std::string_view text);

}  // namespace newsnorm::detail
