#include "cli/jsonl.hpp"

#include "text/json_scan.hpp"
#include "text/utf8.hpp"

#include <fmt/format.h>

namespace newsnorm::detail {

namespace {

class parser {
 public:
  explicit parser(std::string_view s) : s_(s) {}

  std::optional<std::string> record(jsonl_record& rec) {
    ws();
    if (!eat('{')) return fail("a line must be a JSON object");
    ws();
    if (eat('}')) return finish();
    while (true) {
      ws();
      std::string key;
      if (auto e = string(key)) return e;
      ws();
      if (!eat(':')) return fail("expected ':' after a key");
      ws();
      if (key == "id" && peek() == '"') {
        if (auto e = string(rec.id)) return e;
        rec.has_id = true;
      } else if (key == "id" && (peek() == '-' || (peek() >= '0' && peek() <= '9'))) {
        const std::size_t b = pos_;
        if (auto e = skip_value(0)) return e;
        rec.id.assign(s_.substr(b, pos_ - b));
        rec.has_id = true;
      } else if (key == "text" && peek() == '"') {
        if (auto e = string(rec.text)) return e;
        rec.has_text = true;
      } else if (key == "text") {
        return fail("\"text\" must be a string");
      } else if (key == "dct" && peek() == '"') {
        if (auto e = string(rec.dct)) return e;
      } else if (key == "lang" && peek() == '"') {
        if (auto e = string(rec.lang)) return e;
      } else if (auto e = skip_value(0)) {
        return e;
      }
      ws();
      if (eat(',')) continue;
      if (eat('}')) return finish();
      return fail("expected ',' or '}'");
    }
  }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;

  char peek() const { return pos_ < s_.size() ? s_[pos_] : '\0'; }
  bool eat(char c) {
    if (peek() != c || pos_ >= s_.size()) return false;
    ++pos_;
    return true;
  }
  void ws() { while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\r' || s_[pos_] == '\n')) ++pos_; }
  std::optional<std::string> fail(std::string_view what) const { return fmt::format("not JSON at column {}: {}", pos_ + 1, what); }
  std::optional<std::string> finish() {
    ws();
    if (pos_ != s_.size()) return fail("text after the object");
    return std::nullopt;
  }

  std::optional<std::string> hex4(unsigned& v) {
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = peek();
      unsigned d;
      if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
      else if (c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
      else return fail("bad \\u escape");
      v = v * 16 + d;
      ++pos_;
    }
    return std::nullopt;
  }

  // A JSON string; \u escapes become UTF-8, a lone surrogate escape is an error.
  std::optional<std::string> string(std::string& out) {
    if (!eat('"')) return fail("expected a string");
    out.clear();
    while (true) {
      const std::size_t b = pos_;
      pos_ = static_cast<std::size_t>(json_plain_end<false>(s_.data() + pos_, s_.data() + s_.size()) - s_.data());
      out.append(s_.substr(b, pos_ - b));
      if (pos_ >= s_.size()) return fail("unterminated string");
      const char c = s_[pos_++];
      if (c == '"') return std::nullopt;
      if (c != '\\') return fail("control character in a string");
      const char e = peek();
      ++pos_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          unsigned v;
          if (auto err = hex4(v)) return err;
          char32_t cp = v;
          if (v >= 0xD800 && v <= 0xDBFF) {
            if (!(eat('\\') && eat('u'))) return fail("lone surrogate in \\u escape");
            unsigned lo;
            if (auto err = hex4(lo)) return err;
            if (lo < 0xDC00 || lo > 0xDFFF) return fail("lone surrogate in \\u escape");
            cp = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
          } else if (v >= 0xDC00 && v <= 0xDFFF) {
            return fail("lone surrogate in \\u escape");
          }
          append_utf8(out, cp);
          break;
        }
        default: return fail("bad escape");
      }
    }
  }

  std::optional<std::string> skip_value(int depth) {
    if (depth > 64) return fail("nested too deeply");
    ws();
    const char c = peek();
    if (c == '"') { std::string tmp; return string(tmp); }
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++pos_;
      ws();
      if (eat(close)) return std::nullopt;
      while (true) {
        ws();
        if (c == '{') {
          std::string k;
          if (auto e = string(k)) return e;
          ws();
          if (!eat(':')) return fail("expected ':'");
        }
        if (auto e = skip_value(depth + 1)) return e;
        ws();
        if (eat(',')) continue;
        if (eat(close)) return std::nullopt;
        return fail("expected ',' or a closing bracket");
      }
    }
    for (std::string_view lit : {"true", "false", "null"}) {
      if (s_.substr(pos_, lit.size()) == lit) { pos_ += lit.size(); return std::nullopt; }
    }
    // number: -?digits[.digits][e[+-]digits]
    const std::size_t b = pos_;
    eat('-');
    std::size_t digits = 0;
    while (peek() >= '0' && peek() <= '9' && pos_ < s_.size()) { ++pos_; ++digits; }
    if (digits == 0) { pos_ = b; return fail("expected a value"); }
    if (eat('.')) { while (peek() >= '0' && peek() <= '9' && pos_ < s_.size()) ++pos_; }
    if (peek() == 'e' || peek() == 'E') {
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      while (peek() >= '0' && peek() <= '9' && pos_ < s_.size()) ++pos_;
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<std::string> parse_jsonl_record(std::string_view line, jsonl_record& rec) {
  if (auto bad = validate_utf8(line)) return bad->message;
  rec = jsonl_record{};
  if (auto e = parser(line).record(rec)) return e;
  if (!rec.has_text) return std::string("no \"text\" field");
  return std::nullopt;
}

}  // namespace newsnorm::detail
