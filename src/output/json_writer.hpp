// A small streaming JSON writer: valid UTF-8 in, valid JSON out (control characters escaped).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace newsnorm::detail {

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}
  json_writer& begin_object() { value_prefix(); out_ += '{'; first_ = true; return *this; }
  json_writer& end_object() { out_ += '}'; first_ = false; return *this; }
  json_writer& begin_array() { value_prefix(); out_ += '['; first_ = true; return *this; }
  json_writer& end_array() { out_ += ']'; first_ = false; return *this; }
  json_writer& key(std::string_view k) {
    if (!first_) out_ += ',';
    write_string(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  json_writer& value(std::string_view s) { value_prefix(); write_string(s); return *this; }
  json_writer& value(const char* s) { return value(std::string_view(s)); }
  json_writer& value(std::uint64_t n) { value_prefix(); out_ += std::to_string(n); return *this; }
  json_writer& value(std::int64_t n) { value_prefix(); out_ += std::to_string(n); return *this; }
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
  void write_string(std::string_view s) {
    out_ += '"';
    for (char ch : s) {
      const auto c = static_cast<unsigned char>(ch);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (c < 0x20 || c == 0x7F) {
            static constexpr char hex[] = "0123456789abcdef";
            out_ += "\\u00";
            out_ += hex[c >> 4];
            out_ += hex[c & 15];
          } else {
            out_ += ch;
          }
      }
    }
    out_ += '"';
  }
  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace newsnorm::detail
