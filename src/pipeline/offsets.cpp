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

// Bit i set when p[i] (i < 64) is 0x80..0xBF.
inline std::uint64_t continuation_mask(const char* p) {
#if defined(__SSE2__)
  // 0x80..0xBF are the signed bytes below -64.
  const __m128i below = _mm_set1_epi8(-64);
  std::uint64_t mask = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    mask |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below)))) << (16 * k);
  }
  return mask;
#else
  std::uint64_t mask = 0;
  for (std::size_t i = 0; i < block_bytes; ++i)
    mask |= static_cast<std::uint64_t>((static_cast<unsigned char>(p[i]) & 0xC0) == 0x80) << i;
  return mask;
#endif
}

class offset_map {
 public:
  // `blocks` is the caller's buffer, reused from document to document (a short document would otherwise pay
  // an allocation for a handful of entries).
  offset_map(std::string_view text, std::vector<block>& blocks) : blocks_(blocks) {
    blocks_.clear();
    blocks_.reserve(text.size() / block_bytes + 2);
    std::uint64_t cps = 0;
    std::size_t i = 0;
    for (; i + block_bytes <= text.size(); i += block_bytes) {
      const std::uint64_t mask = continuation_mask(text.data() + i);
      blocks_.push_back({cps, mask});
      cps += block_bytes - bit_count(mask);
    }
    if (i < text.size()) {  // the last, partial block, padded with bytes that are no continuation bytes
      char tail[block_bytes] = {};
      std::memcpy(tail, text.data() + i, text.size() - i);
      blocks_.push_back({cps, continuation_mask(tail)});
    }
    // Offsets at the very end of a text that fills its last block land on this entry.
    blocks_.push_back({cps, 0});
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
