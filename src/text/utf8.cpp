#include "text/utf8.hpp"

#include <fmt/format.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsnorm::detail {

namespace {

error utf8_error(std::size_t offset, std::string_view what) {
  return error{errc::invalid_utf8, fmt::format("invalid UTF-8 at byte {}: {}", offset, what), offset};
}

}  // namespace

std::optional<error> validate_utf8(std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    // ASCII fast path, sixteen or eight bytes at a time.
#if defined(__SSE2__)
    // The first byte above 0x7F in the next sixteen comes from a bit scan, so the ASCII before it costs nothing.
    while (i + 16 <= n) {
      const unsigned high = static_cast<unsigned>(_mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i))));
      if (high) { i += static_cast<unsigned>(__builtin_ctz(high)); break; }
      i += 16;
    }
#endif
    while (i + 8 <= n) {
      std::uint64_t w;
      __builtin_memcpy(&w, p + i, 8);
      if (w & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char b = p[i];
    if (b < 0x80) { ++i; continue; }
    // ä ö ü ß é: a lead byte C2..DF and one continuation byte is always a valid code point
    if (b >= 0xC2 && b <= 0xDF && i + 1 < n && (p[i + 1] & 0xC0) == 0x80) { i += 2; continue; }
    std::size_t len;
    char32_t min;
    if (b >= 0xC2 && b <= 0xDF) { len = 2; min = 0x80; }
    else if (b >= 0xE0 && b <= 0xEF) { len = 3; min = 0x800; }
    else if (b >= 0xF0 && b <= 0xF4) { len = 4; min = 0x10000; }
    else if (b == 0xC0 || b == 0xC1) return utf8_error(i, "overlong form");
    else if (b >= 0x80 && b <= 0xBF) return utf8_error(i, "unexpected continuation byte");
    else return utf8_error(i, "byte that never occurs in UTF-8");
    if (i + len > n) return utf8_error(i, "truncated sequence at end of input");
    char32_t c = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return utf8_error(i, "truncated sequence");
      c = (c << 6) | (p[i + k] & 0x3F);
    }
    if (c < min) return utf8_error(i, "overlong form");
    if (c >= 0xD800 && c <= 0xDFFF) return utf8_error(i, fmt::format("surrogate U+{:04X}", static_cast<unsigned>(c)));
    if (c > 0x10FFFF) return utf8_error(i, "code point above U+10FFFF");
    i += len;
  }
  return std::nullopt;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
}

std::size_t count_code_points(std::string_view text) {
  // Sixteen or eight bytes at a time: a continuation byte is 10xxxxxx, so bit 7 set and bit 6 clear.
  std::size_t n = text.size(), i = 0;
  const char* p = text.data();
#if defined(__SSE2__)
  // 0x80..0xBF are the signed bytes below -64; each compare gives -1 there, subtracted into byte counters
  // that are summed (psadbw) before they can overflow.
  const __m128i zero = _mm_setzero_si128(), below = _mm_set1_epi8(-64);
  while (i + 16 <= text.size()) {
    __m128i counts = zero;
    for (int round = 0; round < 255 && i + 16 <= text.size(); ++round, i += 16)
      counts = _mm_sub_epi8(counts, _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i)), below));
    const __m128i sums = _mm_sad_epu8(counts, zero);
    n -= static_cast<std::size_t>(_mm_cvtsi128_si64(sums)) + static_cast<std::size_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t w;
    __builtin_memcpy(&w, p + i, 8);
    const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ull) >> 7;  // one bit a continuation byte
    n -= static_cast<std::size_t>((cont * 0x0101010101010101ull) >> 56);     // add the eight bytes up
  }
  for (; i < text.size(); ++i) n -= (static_cast<unsigned char>(p[i]) & 0xC0) == 0x80;
  return n;
}

}  // namespace newsnorm::detail
