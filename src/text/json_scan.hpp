// The plain runs of JSON string text, for the writer (src/output/json_writer.hpp) and the JSONL reader
// (src/cli/jsonl.cpp): both copy a run at a time and stop only where a byte needs care.
#pragma once

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsnorm::detail {

// The first byte from p on that ends a plain run, or end: '"', '\\', a control character (below 0x20) and,
// for the writer, DEL (which it escapes; the reader takes it as it is). Sixteen bytes a step where SSE2 is
// there: a quote, a backslash or DEL by equality, a control by "min(c, 0x1F) == c" on unsigned bytes.
template <bool StopAtDel>
inline const char* json_plain_end(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7F),
                control = _mm_set1_epi8(0x1F);
  for (; end - p >= 16; p += 16) {
    const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, quote), _mm_cmpeq_epi8(c, backslash)),
                               _mm_cmpeq_epi8(_mm_min_epu8(c, control), c));
    if constexpr (StopAtDel) hit = _mm_or_si128(hit, _mm_cmpeq_epi8(c, del));
    if (const int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
  }
#endif
  for (; p != end; ++p) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x20 || c == '"' || c == '\\' || (StopAtDel && c == 0x7F)) break;
  }
  return p;
}

}  // namespace newsnorm::detail
