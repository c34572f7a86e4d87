// Byte offsets -> code point offsets for every span in the document. One forward pass over the text builds
// a table with, for every 64-byte block, the code points before it and a bit mask of its continuation bytes
// (10xxxxxx); each lookup is then constant time: the code points before the block, plus the bytes of the
// block before the offset, minus the continuation bytes among them (one popcount). Linear in the input,
// constant per span, no rescanning, whatever order the spans come in.
#include "pipeline/engine_impl.hpp"

#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsnorm::detail {

namespace {

struct block {
  std::uint64_t before;        // code points in the text before this block
  std::uint64_t continuation;  // bit i set: byte i of the block is a continuation byte
};

constexpr std::size_t block_bytes = 64;

// Set bits of m. Without -mpopcnt the builtin is a call into libgcc; this is the same count inline
// (bits summed in pairs, nibbles, bytes, then the eight bytes by one multiply), and the common case of no
// continuation byte (ASCII, most blocks of German text) is answered first.
inline std::uint64_t bit_count(std::uint64_t m) {
  if (m == 0) return 0;
  m -= (m >> 1) & 0x5555555555555555ull;
  m = (m & 0x3333333333333333ull) + ((m >> 2) & 0x3333333333333333ull);
  m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return (m * 0x0101010101010101ull) >> 56;
}

// The 64 bytes at p: sets bit i of `mask` when p[i] is a continuation byte (0x80..0xBF) and returns how many
// such bytes there are.
inline std::uint64_t scan_block(const char* p, std::uint64_t& mask) {
#if defined(__SSE2__)
  // 0x80..0xBF are the signed bytes below -64; each compare gives -1 there. The four compares, summed and
  // negated, hold 0..4 a byte, which psadbw adds up (cheaper than counting the mask's bits).
  const __m128i below = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
  const __m128i c0 = _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p)), below);
  const __m128i c1 = _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16)), below);
  const __m128i c2 = _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 32)), below);
  const __m128i c3 = _mm_cmplt_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 48)), below);
  mask = static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(c0))) |
         static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(c1))) << 16 |
         static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(c2))) << 32 |
         static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(c3))) << 48;
  const __m128i sums = _mm_sad_epu8(_mm_sub_epi8(zero, _mm_add_epi8(_mm_add_epi8(c0, c1), _mm_add_epi8(c2, c3))), zero);
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(sums)) + static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums)));
#else
  mask = 0;
  for (std::size_t i = 0; i < block_bytes; ++i)
    mask |= static_cast<std::uint64_t>((static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) << i;
  return bit_count(mask);
#endif
}

class offset_map {
 public:
  // `blocks` is the caller's buffer, reused from document to document (a short document would otherwise pay
  // an allocation for a handful of entries).
  offset_map(std::string_view text, std::vector<block>& blocks) : blocks_(blocks) {
    const std::size_t full = text.size() / block_bytes, rest = text.size() % block_bytes;
    blocks_.resize(full + (rest != 0) + 1);
    block* out = blocks_.data();  // written through a local pointer: the vector is thread_local
    std::uint64_t cps = 0;
    for (std::size_t k = 0; k < full; ++k) {
      std::uint64_t mask;
      const std::uint64_t continuation = scan_block(text.data() + k * block_bytes, mask);
      *out++ = {cps, mask};
      cps += block_bytes - continuation;
    }
    if (rest != 0) {  // the last, partial block, padded with bytes that are no continuation bytes
      char tail[block_bytes] = {};
      std::memcpy(tail, text.data() + full * block_bytes, rest);
      std::uint64_t mask;
      scan_block(tail, mask);
      *out++ = {cps, mask};
    }
    // Offsets at the very end of a text that fills its last block land on this entry.
    *out = {cps, 0};
  }
  // Code points before `byte` (the non-continuation bytes in front of it), for 0 <= byte <= text size.
  std::size_t code_point(std::size_t byte) const {
    const block& b = blocks_[byte / block_bytes];
    const std::size_t r = byte % block_bytes;
    const std::uint64_t below = (std::uint64_t{1} << r) - 1;  // r < 64
    return static_cast<std::size_t>(b.before + r - bit_count(b.continuation & below));
  }

 private:
  std::vector<block>& blocks_;
};

template <class Fn>
void for_each_span(document& doc, Fn&& fn) {
  auto all = [&](auto& list) { for (auto& s : list) fn(static_cast<span&>(s)); };
  if (doc.title) { fn(static_cast<span&>(*doc.title)); all(doc.title->repeats); }
  all(doc.datelines);
  all(doc.paragraphs);
  all(doc.sentences);
  for (auto& c : doc.captions) {
    fn(static_cast<span&>(c));
    if (c.credit_span) fn(*c.credit_span);
    all(c.repeats);
  }
  for (auto& q : doc.quotes) {
    fn(static_cast<span&>(q));
    fn(q.content);
    if (q.speaker) fn(*q.speaker);
  }
  all(doc.timexes);
  all(doc.numbers);
  all(doc.entities);
  all(doc.tokens);
}

}  // namespace

void finish_offsets(std::string_view text, document& doc) {
  thread_local std::vector<block> blocks;  // per thread: the engine stays immutable
  if (blocks.capacity() > (std::size_t{1} << 18)) blocks = {};  // give back what a huge document took (4 MiB)
  const offset_map map(text, blocks);
  for_each_span(doc, [&](span& s) {
    s.start = map.code_point(s.start_byte);
    s.end = map.code_point(s.end_byte);
    s.text.assign(text.substr(s.start_byte, s.end_byte - s.start_byte));
  });
}

}  // namespace newsnorm::detail
