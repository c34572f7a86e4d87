// A small streaming JSON writer: valid UTF-8 in, valid JSON out (control characters escaped).
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "text/json_scan.hpp"

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
  // What JSON must escape ('"', '\\', the C0 controls and DEL) ends a plain run (json_plain_end); the rest,
  // UTF-8 included, is copied as it is, a run at a time: a sentence's text is one append, not one per byte.
  void write_string(std::string_view s) {
    out_ += '"';
    const char* p = s.data();
    const char* const end = p + s.size();
    while (p != end) {
      const char* run = p;
      p = json_plain_end<true>(p, end);
      out_.append(run, static_cast<std::size_t>(p - run));
      if (p == end) break;
      write_escape(static_cast<unsigned char>(*p++));
    }
    out_ += '"';
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
