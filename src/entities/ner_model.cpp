#include "entities/ner_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

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
  row_of_.assign(std::size_t{1} << bits, 0);
  const char* buckets = bytes.data() + header;
  for (std::uint32_t r = 0; r < rows; ++r) {
    const auto b = read_le<std::uint32_t>(buckets + 4 * std::size_t{r});
    if (b >= row_of_.size()) return bad_model("bucket out of range");
    row_of_[b] = r + 1;
  }
  rows_.resize(std::size_t{rows} * tag_count);
  std::memcpy(rows_.data(), buckets + 4 * std::size_t{rows}, rows_.size() * 2);
  return std::nullopt;
}

// Two passes so the memory loads overlap: first every feature's row (independent loads the CPU issues
// together), then the sums. The weights are far bigger than the caches; waiting on one miss at a time
// would make scoring several times slower.
void ner_model::add(const std::uint32_t* buckets, std::size_t n, std::int32_t* scores) const noexcept {
  std::uint32_t rows[max_features];
  n = std::min(n, max_features);
  for (std::size_t f = 0; f < n; ++f) rows[f] = row_of_[buckets[f]];
  for (std::size_t f = 0; f < n; ++f)
    if (rows[f]) __builtin_prefetch(&rows_[std::size_t{rows[f] - 1} * tag_count]);
  for (std::size_t f = 0; f < n; ++f) {
    if (rows[f] == 0) continue;
    const std::int16_t* w = &rows_[std::size_t{rows[f] - 1} * tag_count];
    for (int t = 0; t < tag_count; ++t) scores[t] += w[t];
  }
}

void ner_model::tag(const ner_sentence& s, std::vector<int>& tags, const decode_limits& limits) const {
  if (empty()) { tags.assign(s.tokens.size(), 0); return; }
  auto units = [&](float v) { return static_cast<std::int32_t>(std::min<double>(v / scale_, 1e9)); };  // 16-bit weight units
  decode_sentence<std::int32_t>(s, mask(), *this, tags, units(limits.prune), units(limits.skip), limits.beam);
}

}  // namespace newsnorm::detail
