#include "entities/ner_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define NEWSNORM_NER_AVX2 1
#endif

namespace newsnorm::detail {

namespace {

template <class T>
T read_le(const char* p) {
  T v;
  std::memcpy(&v, p, sizeof v);  // the model is written little-endian, as every supported target is
  return v;
}

error bad_model(const char* why) { return error{errc::data_error, std::string("ner_model.bin: ") + why}; }

}  // namespace

std::optional<error> ner_model::load(std::string_view bytes) {
  constexpr std::size_t header = 8 + 4 * 4;
  if (bytes.size() < header || std::memcmp(bytes.data(), ner_model_magic, 8) != 0) return bad_model("not a model file");
  const char* p = bytes.data() + 8;
  const auto bits = read_le<std::uint32_t>(p);
  const auto tags = read_le<std::uint32_t>(p + 4);
  const auto scale = read_le<float>(p + 8);
  const auto rows = read_le<std::uint32_t>(p + 12);
  if (bits < 8 || bits > 26 || tags != static_cast<std::uint32_t>(tag_count)) return bad_model("unknown bucket count or tag set");
  const std::size_t need = header + std::size_t{rows} * 4 + std::size_t{rows} * tag_count * 2;
  if (bytes.size() != need || rows > (1u << bits)) return bad_model("truncated or oversized");
  if (!(scale > 0) || !std::isfinite(scale)) return bad_model("bad weight scale");
  bits_ = bits;
  scale_ = scale;
  const bool narrow = rows < 65536u;
  row16_.assign(narrow ? std::size_t{1} << bits : 0, 0);
  row32_.assign(narrow ? 0 : std::size_t{1} << bits, 0);
  const char* buckets = bytes.data() + header;
  for (std::uint32_t r = 0; r < rows; ++r) {
    const auto b = read_le<std::uint32_t>(buckets + 4 * std::size_t{r});
    if (b >= (std::size_t{1} << bits)) return bad_model("bucket out of range");
    if (narrow) row16_[b] = static_cast<std::uint16_t>(r + 1);
    else row32_[b] = r + 1;
  }
  rows_.assign(std::size_t{rows} + 1, row{});  // row 0 is all zeros: the buckets without weights
  const char* weights = buckets + 4 * std::size_t{rows};
  for (std::uint32_t r = 0; r < rows; ++r) std::memcpy(rows_[r + 1].w, weights + std::size_t{r} * tag_count * 2, tag_count * 2);
  for (int p = 0; p < tag_count; ++p) {
    const std::uint32_t bucket = transition_bucket(p, mask());
    transitions_[static_cast<std::size_t>(p)].fill(0);
    add(&bucket, 1, transitions_[static_cast<std::size_t>(p)].data());
  }
  return std::nullopt;
}

namespace {

// The sums take two rows at a time: their 16-bit weights interleaved and multiplied by 1 in pairs (pmaddwd)
// are the two rows' sums as 32-bit integers, exact, in registers that stay there until the last row.
// rows holds m rows (m even), each ner_model::row_width weights, 64-byte aligned.
constexpr int row_width = ner_model::row_width;

#if defined(__SSE2__)
void sum_rows_sse2(const std::int16_t* const* rows, std::size_t m, std::int32_t* scores) noexcept {
  const __m128i ones = _mm_set1_epi16(1);
  __m128i acc[row_width / 4];
  for (__m128i& a : acc) a = _mm_setzero_si128();
  for (std::size_t f = 0; f < m; f += 2) {
    const auto* a = reinterpret_cast<const __m128i*>(rows[f]);
    const auto* b = reinterpret_cast<const __m128i*>(rows[f + 1]);
    for (int c = 0; c < row_width / 8; ++c) {
      const __m128i x = _mm_load_si128(a + c), y = _mm_load_si128(b + c);
      acc[2 * c] = _mm_add_epi32(acc[2 * c], _mm_madd_epi16(_mm_unpacklo_epi16(x, y), ones));
      acc[2 * c + 1] = _mm_add_epi32(acc[2 * c + 1], _mm_madd_epi16(_mm_unpackhi_epi16(x, y), ones));
    }
  }
  alignas(16) std::int32_t sum[row_width];
  for (int c = 0; c < row_width / 4; ++c) _mm_store_si128(reinterpret_cast<__m128i*>(sum) + c, acc[c]);
  for (int t = 0; t < tag_count; ++t) scores[t] += sum[t];
}
#endif

#if defined(NEWSNORM_NER_AVX2)
// The same with 16 weights a register. The 256-bit unpacks work within each 128-bit half, so the low
// accumulator holds tags 0-3 and 8-11 of its 16, the high one 4-7 and 12-15.
__attribute__((target("avx2"))) void sum_rows_avx2(const std::int16_t* const* rows, std::size_t m,
                                                   std::int32_t* scores) noexcept {
  const __m256i ones = _mm256_set1_epi16(1);
  __m256i lo0 = _mm256_setzero_si256(), hi0 = lo0, lo1 = lo0, hi1 = lo0;
  for (std::size_t f = 0; f < m; f += 2) {
    const auto* a = reinterpret_cast<const __m256i*>(rows[f]);
    const auto* b = reinterpret_cast<const __m256i*>(rows[f + 1]);
    const __m256i x0 = _mm256_load_si256(a), y0 = _mm256_load_si256(b);
    const __m256i x1 = _mm256_load_si256(a + 1), y1 = _mm256_load_si256(b + 1);
    lo0 = _mm256_add_epi32(lo0, _mm256_madd_epi16(_mm256_unpacklo_epi16(x0, y0), ones));
    hi0 = _mm256_add_epi32(hi0, _mm256_madd_epi16(_mm256_unpackhi_epi16(x0, y0), ones));
    lo1 = _mm256_add_epi32(lo1, _mm256_madd_epi16(_mm256_unpacklo_epi16(x1, y1), ones));
    hi1 = _mm256_add_epi32(hi1, _mm256_madd_epi16(_mm256_unpackhi_epi16(x1, y1), ones));
  }
  // Back in tag order: the 128-bit halves of (lo, hi) are tags 0-3, 8-11 and 4-7, 12-15.
  alignas(32) std::int32_t sum[row_width];
  auto* out = reinterpret_cast<__m256i*>(sum);
  _mm256_store_si256(out, _mm256_permute2x128_si256(lo0, hi0, 0x20));
  _mm256_store_si256(out + 1, _mm256_permute2x128_si256(lo0, hi0, 0x31));
  _mm256_store_si256(out + 2, _mm256_permute2x128_si256(lo1, hi1, 0x20));
  _mm256_store_si256(out + 3, _mm256_permute2x128_si256(lo1, hi1, 0x31));
  for (int t = 0; t < tag_count; ++t) scores[t] += sum[t];
}

bool has_avx2() noexcept {
  static const bool yes = __builtin_cpu_supports("avx2");
  return yes;
}
#endif

}  // namespace

// Two passes so the memory loads overlap: first every feature's row (independent loads the CPU issues
// together), then the sums. The weights are far bigger than the caches; waiting on one miss at a time
// would make scoring several times slower.
void ner_model::add(const std::uint32_t* buckets, std::size_t n, std::int32_t* scores) const noexcept {
  if (!row16_.empty()) add_rows(row16_.data(), buckets, n, scores);
  else if (!row32_.empty()) add_rows(row32_.data(), buckets, n, scores);
}

template <class Index>
void ner_model::add_rows(const Index* row_of, const std::uint32_t* buckets, std::size_t n, std::int32_t* scores) const noexcept {
  const std::int16_t* rows[max_features + 1];
  std::size_t m = 0;
  n = std::min(n, max_features);
  for (std::size_t f = 0; f < n; ++f) {  // no branch: a bucket without weights is overwritten by the next
    const std::uint32_t r = row_of[buckets[f]];
    rows[m] = rows_[r].w;
    __builtin_prefetch(rows[m]);
    m += r != 0;
  }
  if (m == 0) return;
  if (m % 2) rows[m++] = rows_[0].w;
#if defined(NEWSNORM_NER_AVX2)
  if (has_avx2()) return sum_rows_avx2(rows, m, scores);
#endif
#if defined(__SSE2__)
  sum_rows_sse2(rows, m, scores);
#else
  for (std::size_t f = 0; f < m; ++f)
    for (int t = 0; t < tag_count; ++t) scores[t] += rows[f][t];
#endif
}

void ner_model::tag(const ner_sentence& s, std::vector<int>& tags, const decode_limits& limits) const {
  if (empty()) { tags.assign(s.tokens.size(), 0); return; }
  auto units = [&](float v) { return static_cast<std::int32_t>(std::min<double>(v / scale_, 1e9)); };  // 16-bit weight units
  decode_sentence<std::int32_t>(s, mask(), *this, tags, units(limits.prune), units(limits.skip), limits.beam);
}

}  // namespace newsnorm::detail
