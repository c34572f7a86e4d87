// A small streaming JSON writer: valid UTF-8 in, valid JSON out (control characters escaped).
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace newsnorm::detail {

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}
  json_writer& begin_object() { value_prefix(); out_ += '{'; first_ = true; return *this; }
  json_writer& end_object() { out_ += '}'; first_ = false; return *this; }
  json_writer& begin_array() { value_prefix(); out_ += '['; first_ = true; return *this; }
  json_writer& end_array() { out_ += ']'; first_ = false; return *this; }
  // Keys are the schema's field names ("start_byte", "speaker_name"): plain ASCII from the code, never
  // from the text, so they are copied without the escape scan.
  json_writer& key(std::string_view k) {
    if (!first_) out_ += ',';
    out_ += '"';
    out_.append(k.data(), k.size());
    out_ += "\":";
    after_key_ = true;
    return *this;
  }
  json_writer& value(std::string_view s) { value_prefix(); write_string(s); return *this; }
  json_writer& value(const char* s) { return value(std::string_view(s)); }
  json_writer& value(std::uint64_t n) { value_prefix(); write_integer(n); return *this; }
  json_writer& value(std::int64_t n) { value_prefix(); write_integer(n); return *this; }
  json_writer& value(int n) { return value(static_cast<std::int64_t>(n)); }
  json_writer& value(unsigned n) { return value(static_cast<std::uint64_t>(n)); }
  json_writer& value(bool b) { value_prefix(); out_ += b ? "true" : "false"; return *this; }
  json_writer& null() { value_prefix(); out_ += "null"; return *this; }
  // key + value only when the value is not empty: optional fields stay out of the output
  json_writer& optional(std::string_view k, std::string_view v) {
    if (!v.empty()) key(k).value(v);
    return *this;
  }

 private:
  void value_prefix() {
    if (after_key_) { after_key_ = false; first_ = false; return; }
    if (!first_) out_ += ',';
    first_ = false;
  }
  // Bytes that JSON must escape: '"', '\\', the C0 controls and DEL. Everything else (UTF-8 included)
  // is copied as it is, a run at a time: a sentence's text is one append, not one per byte.
  static constexpr bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c == 0x7F; }
  void write_string(std::string_view s) {
    out_ += '"';
    const char* p = s.data();
    const char* const end = p + s.size();
    while (p != end) {
      const char* run = p;
      p = plain_until(p, end);
      out_.append(run, static_cast<std::size_t>(p - run));
      if (p == end) break;
      write_escape(static_cast<unsigned char>(*p++));
    }
    out_ += '"';
  }
  // The first byte from p on that needs an escape, or end. Sixteen bytes a step where SSE2 is there:
  // a quote, a backslash or DEL by equality, a control by "min(c, 0x1F) == c" on unsigned bytes.
  static const char* plain_until(const char* p, const char* end) {
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7F),
                  control = _mm_set1_epi8(0x1F);
    for (; end - p >= 16; p += 16) {
      const __m128i c = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      const __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(c, quote), _mm_cmpeq_epi8(c, backslash)),
                                       _mm_or_si128(_mm_cmpeq_epi8(c, del), _mm_cmpeq_epi8(_mm_min_epu8(c, control), c)));
      if (const int mask = _mm_movemask_epi8(hit)) return p + __builtin_ctz(static_cast<unsigned>(mask));
    }
#endif
    while (p != end && !needs_escape(static_cast<unsigned char>(*p))) ++p;
    return p;
  }
  void write_escape(unsigned char c) {
    switch (c) {
      case '"': out_ += "\\\""; return;
      case '\\': out_ += "\\\\"; return;
      case '\n': out_ += "\\n"; return;
      case '\r': out_ += "\\r"; return;
      case '\t': out_ += "\\t"; return;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        out_.append(u, 6);
      }
    }
  }
  // Integers through a stack buffer: std::to_string would build a string for each offset.
  template <typename Int>
  void write_integer(Int n) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
  }
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace newsnorm::detail
