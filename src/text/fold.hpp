// Case folding and NFC for matching. Offsets never change: the folded form is a side copy.
#pragma once

#include <locale>
#include <string>
#include <string_view>

namespace newsnorm::detail {

// Appends the matching form of one token to `out`: case-folded and NFC-composed.
// ASCII and Latin-1 letters ("Über" -> "über") take a fast path; anything else ("ΑΘΗΝΑ",
// a decomposed "U+0308") goes through Boost.Locale with the engine's ICU locale.
// "ß" stays "ß" (the language tables are written with it).
void append_folded(std::string_view word, std::string& out, const std::locale& icu);

// The shared ICU-backed locale, generated once (generation is not thread-safe, use is).
const std::locale& matching_locale();

// True when the code point may need composition or is a combining mark.
inline bool is_combining(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

}  // namespace newsnorm::detail
