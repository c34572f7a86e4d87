// Tokens: one pass over each content zone. Words keep inner hyphens and apostrophes ("Kreml-Sprecher",
// "geht's"), numbers keep inner separators ("16.000", "14.01.2021", "14:30"), every other
// non-space code point is a token of its own ("„", ".", "–"). Folded forms go into one shared buffer.
#include "article/article.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace newsnorm::detail {

namespace {

enum class cp_class : std::uint8_t { space, newline, letter, digit, mark, punct };

bool is_space_cp(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF ||
         c == 0x180E;
}

// Non-ASCII punctuation and symbols; everything else above U+007F counts as a letter, which is right
// for the scripts news text uses (Latin, Cyrillic, Greek, CJK, Arabic).
bool is_punct_cp(char32_t c) {
  return (c >= 0xA1 && c <= 0xBF && c != 0xAA && c != 0xB5 && c != 0xBA) || c == 0xD7 || c == 0xF7 ||
         (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x20A0 && c <= 0x20CF) ||
         (c >= 0x2100 && c <= 0x214F) || (c >= 0x2190 && c <= 0x2BFF) || (c >= 0x3001 && c <= 0x3003) ||
         (c >= 0x3008 && c <= 0x3011) || (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
         (c >= 0x1F000 && c <= 0x1FAFF);
}

cp_class classify(char32_t c) {
  if (c < 0x80) {
    if (c == '\n' || c == '\r') return cp_class::newline;
    if (c <= 0x20 || c == 0x7F) return cp_class::space;  // controls and NUL count as space
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') return cp_class::letter;
    if (c >= '0' && c <= '9') return cp_class::digit;
    return cp_class::punct;
  }
  if (c == 0x2028 || c == 0x2029 || c == 0x85) return cp_class::newline;
  if (c < 0xA0 || is_space_cp(c)) return cp_class::space;
  if (is_combining(c) || c == 0xAD || c == 0x200C || c == 0x200D) return cp_class::mark;
  if (is_punct_cp(c)) return cp_class::punct;
  return cp_class::letter;
}

bool is_upper_cp(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
         (c >= 0x391 && c <= 0x3A9) || (c >= 0x400 && c <= 0x42F) ||
         (c >= 0x100 && c <= 0x17F && (c % 2) == 0 && !(c >= 0x138 && c <= 0x148)) ||
         (c >= 0x139 && c <= 0x148 && (c % 2) == 1);
}
bool is_lower_cp(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9) ||
         (c >= 0x430 && c <= 0x44F) ||
         (c >= 0x100 && c <= 0x17F && !is_upper_cp(c));
}

bool is_quote_cp(char32_t c) {
  return c == '"' || c == '\'' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F) || c == 0x2039 || c == 0x203A;
}
bool is_dash_cp(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }
bool is_joiner_in_word(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011 || c == '\'' || c == 0x2019; }
bool is_digit_separator(char32_t c) { return c == '.' || c == ',' || c == ':' || c == '/'; }

struct cursor {
  std::string_view text;
  std::size_t pos;
  char32_t peek(std::size_t at) const {
    if (at >= text.size()) return 0;
    std::size_t j = at;
    return next_code_point(text, j);
  }
};

// Continues a word from byte i (its first code point c already read) and returns where it ends.
std::size_t scan_word(std::string_view zt, std::size_t end, std::size_t i, char32_t c, cp_class k, std::uint32_t& flags) {
  bool any_lower = is_lower_cp(c);
  bool all_upper = is_upper_cp(c);
  std::size_t letters = k == cp_class::letter;
  while (i < end) {
    std::size_t n = i;
    const char32_t d = next_code_point(zt, n);
    const cp_class dk = classify(d);
    if (dk == cp_class::letter || dk == cp_class::digit || dk == cp_class::mark) {
      if (dk == cp_class::digit) flags |= tf_has_digit;
      if (dk == cp_class::letter) {
        ++letters;
        if (is_lower_cp(d)) any_lower = true;
        if (!is_upper_cp(d)) all_upper = false;
      }
      i = n;
      continue;
    }
    // "Kreml-Sprecher", "COVID-19", "geht's": a joiner between a letter and a letter (or a digit after a hyphen)
    if (is_joiner_in_word(d) && n < end) {
      const cp_class ak = classify(cursor{zt, n}.peek(n));
      if (ak == cp_class::letter || (ak == cp_class::digit && d != '\'' && d != 0x2019)) {
        if (d == '-' || d == 0x2010 || d == 0x2011) flags |= tf_has_hyphen;
        i = n;
        continue;
      }
    }
    break;
  }
  if (all_upper && !any_lower && letters >= 2) flags |= tf_all_upper;
  return i;
}

}  // namespace

void tokenize(analysis& a) {
  const std::string_view text = a.text;
  const std::locale& icu = matching_locale();
  a.tokens.reserve(a.tokens.size() + text.size() / 5);
  a.folded.reserve(a.folded.size() + text.size());
  for (content_zone& z : a.zones) {
    z.first_token = static_cast<std::uint32_t>(a.tokens.size());
    std::uint32_t pending = tf_paragraph_start;
    std::size_t i = z.begin;
    const std::string_view zt = text.substr(0, z.end);
    while (i < z.end) {
      std::size_t j = i;
      const char32_t c = next_code_point(zt, j);
      const cp_class k = classify(c);
      if (k == cp_class::space || k == cp_class::mark) { pending |= tf_space_before; i = j; continue; }
      if (k == cp_class::newline) { pending |= tf_space_before | tf_newline_before; i = j; continue; }

      token t;
      t.begin = static_cast<std::uint32_t>(i);
      std::uint32_t flags = pending;
      pending = 0;
      if (k == cp_class::punct) {
        flags |= tf_punct;
        if (is_quote_cp(c)) flags |= tf_quote_mark;
        if (is_dash_cp(c)) flags |= tf_dash;
        if (c >= 0x80) flags |= tf_non_ascii;
        i = j;
      } else {
        // Digits first: 16.000  1.234.567,89  14.01.2021  14:30  25/26 (separators only between digits)
        bool word = k == cp_class::letter;
        i = j;
        if (!word) {
          flags |= tf_number | tf_has_digit;
          while (i < z.end) {
            std::size_t n = i;
            const char32_t d = next_code_point(zt, n);
            const cp_class dk = classify(d);
            if (dk == cp_class::digit) { i = n; continue; }
            if (is_digit_separator(d) && n < z.end && classify(cursor{zt, n}.peek(n)) == cp_class::digit) { i = n; continue; }
            if (dk == cp_class::letter) { word = true; flags &= ~tf_number; }  // "90er", "3D", "16jährige"
            break;
          }
        }
        if (word) {
          flags |= tf_word;
          if (is_upper_cp(c)) flags |= tf_upper_initial;
          i = scan_word(zt, z.end, i, c, k, flags);
        }
      }
      t.end = static_cast<std::uint32_t>(i);
      const std::string_view surface = text.substr(t.begin, t.end - t.begin);
      for (unsigned char b : surface)
        if (b >= 0x80) { flags |= tf_non_ascii; break; }
      t.fold_begin = static_cast<std::uint32_t>(a.folded.size());
      if (flags & tf_word) append_folded(surface, a.folded, icu);
      else a.folded.append(surface);
      t.fold_len = static_cast<std::uint32_t>(a.folded.size() - t.fold_begin);
      t.flags = flags;
      a.tokens.push_back(t);
    }
    z.last_token = static_cast<std::uint32_t>(a.tokens.size());
  }
}

}  // namespace newsnorm::detail
