// Fuzz target: the C ABI's newsnorm_analyze with random options, reference dates and limits, then every
// accessor of the result. The first 5 bytes of an input are the options; the rest is the text:
//
//   byte 0  bits 0-1 mode (3 is not a mode: EINVAL)     bits 2-3 encoding (3 is not one: EINVAL)
//           bit 4 tokens   bit 5 lang "en"   bit 6 a reference date   bit 7 the date may be impossible
//   byte 1  bits 0-4 stages (bit 4 is unknown: EINVAL)  bits 5-7 max_annotations 4^k (0 = default)
//   byte 2, 3  the reference date: a real one ("2024-02-29") or, with bit 7, "1123-13-31" and the like
//   byte 4  bit 7: max_input_bytes = the low 7 bits (ETOOLARGE); 0x7F: an unknown options version
//
// Inputs shorter than the header run with NULL options. Every annotation must lie inside the analysed text,
// its byte and code point offsets must agree and its text must be the bytes it spans.
#include <newsnorm/newsnorm.h>

#include "fuzz_check.hpp"
#include "text/utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

newsnorm_engine* shared_engine() {
  static newsnorm_engine* engine = [] {
    newsnorm_engine* e = nullptr;
    if (newsnorm_engine_create(&e, nullptr) != NEWSNORM_OK) {
      std::fprintf(stderr, "cannot create the engine: %s\n", newsnorm_last_error());
      std::abort();
    }
    return e;
  }();
  return engine;
}

constexpr std::size_t header_size = 5;

struct fuzz_options {
  newsnorm_options opts{};
  char dct[16] = {};
};

void read_header(const std::uint8_t* h, fuzz_options& f) {
  newsnorm_options_init(&f.opts, NEWSNORM_OPTIONS_VERSION);
  newsnorm_options& o = f.opts;
  o.mode = h[0] & 3;
  o.encoding = (h[0] >> 2) & 3;
  o.tokens = (h[0] >> 4) & 1;
  o.lang = (h[0] & 0x20) ? "en" : "de";
  if (h[0] & 0x40) {
    if (h[0] & 0x80) {  // possibly impossible: month 0..15, day 0..31
      std::snprintf(f.dct, sizeof f.dct, "%04u-%02u-%02u", 1000u + h[2] * 4u, h[3] & 15u, (h[3] >> 4) * 2u);
    } else {            // a real date between 1900 and 2079, leap days included
      const unsigned days = (unsigned{h[2]} << 8 | h[3]);
      unsigned y = 1900 + days / 366, doy = days % 366;
      static const unsigned month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      unsigned m = 0;
      while (m < 11 && doy >= month_days[m]) doy -= month_days[m++];
      unsigned d = doy + 1;
      if (m == 1 && d == 29 && !leap) d = 28;
      std::snprintf(f.dct, sizeof f.dct, "%04u-%02u-%02u", y, m + 1, d);
    }
    o.dct = f.dct;
  }
  o.stages = h[1] & 0x1F;
  if (h[1] >> 5) o.max_annotations = std::size_t{1} << (2 * (h[1] >> 5));
  if (h[4] & 0x80) o.max_input_bytes = h[4] & 0x7F;
  if (h[4] == 0x7F) o.version = NEWSNORM_OPTIONS_VERSION + 1;
  o.id = "fuzz";
}

// Code points before each byte offset of valid UTF-8 (continuation bytes get their lead's count).
std::vector<std::size_t> code_point_prefix(std::string_view text) {
  std::vector<std::size_t> prefix(text.size() + 1);
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    prefix[i] = n;
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  prefix[text.size()] = n;
  return prefix;
}

void check_annotation(const newsnorm_annotation& a, std::string_view text, const std::vector<std::size_t>& cp) {
  FUZZ_CHECK(a.start <= a.end && a.start_byte <= a.end_byte);
  FUZZ_CHECK(a.text && a.label && a.value && a.mod && a.extra);
  FUZZ_CHECK(a.text_len == a.end_byte - a.start_byte);
  FUZZ_CHECK(std::strlen(a.text) <= a.text_len);  // NUL inside the text is allowed, after it never
  if (text.data() == nullptr) return;             // legacy encodings: offsets are into the converted text
  FUZZ_CHECK(a.end_byte <= text.size());
  FUZZ_CHECK(std::memcmp(a.text, text.data() + a.start_byte, a.text_len) == 0);
  FUZZ_CHECK(cp[a.start_byte] == a.start && cp[a.end_byte] == a.end);
}

void check_result(const newsnorm_result* r, std::string_view text) {
  const std::vector<std::size_t> cp = text.data() ? code_point_prefix(text) : std::vector<std::size_t>{};
  for (int kind = NEWSNORM_KIND_TITLE; kind <= NEWSNORM_KIND_TOKEN + 1; ++kind) {
    const std::size_t n = newsnorm_result_count(r, kind);
    if (kind > NEWSNORM_KIND_TOKEN) FUZZ_CHECK(n == 0);
    newsnorm_annotation a;
    for (std::size_t i = 0; i < n; ++i) {
      FUZZ_CHECK(newsnorm_result_get(r, kind, i, &a) == NEWSNORM_OK);
      check_annotation(a, text, cp);
    }
    FUZZ_CHECK(newsnorm_result_get(r, kind, n, &a) == NEWSNORM_EINVAL);
  }
  const char* out = nullptr;
  std::size_t len = 0;
  FUZZ_CHECK(newsnorm_result_json(r, &out, &len) == NEWSNORM_OK);
  FUZZ_CHECK(out && len >= 2 && out[0] == '{' && out[len - 1] == '}' && std::strlen(out) == len);
  FUZZ_CHECK(!newsnorm::detail::validate_utf8(std::string_view(out, len)));
  FUZZ_CHECK(newsnorm_result_timeml(r, &out, &len) == NEWSNORM_OK);
  FUZZ_CHECK(out && std::strlen(out) == len);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  newsnorm_engine* engine = shared_engine();
  fuzz_options f;
  const newsnorm_options* opts = nullptr;
  const char* text = reinterpret_cast<const char*>(data);
  std::size_t len = size;
  if (size >= header_size) {
    read_header(data, f);
    opts = &f.opts;
    text += header_size;
    len -= header_size;
  }
  newsnorm_result* r = nullptr;
  const int status = newsnorm_analyze(&r, engine, len ? text : nullptr, len, opts);
  if (status != NEWSNORM_OK) {
    FUZZ_CHECK(r == nullptr);
    FUZZ_CHECK(status >= NEWSNORM_EINTERNAL && status < 0);
    FUZZ_CHECK(status != NEWSNORM_EINTERNAL && status != NEWSNORM_ENOMEM);  // a bug, or a missing limit
    FUZZ_CHECK(newsnorm_last_error()[0] != '\0');
    return 0;
  }
  FUZZ_CHECK(r != nullptr);
  const bool utf8 = !opts || opts->encoding == NEWSNORM_ENCODING_UTF8;
  check_result(r, utf8 ? std::string_view(text, len) : std::string_view());
  newsnorm_result_destroy(r);
  return 0;
}
