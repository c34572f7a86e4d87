// Tokens: one pass over each content zone. Words keep inner hyphens and apostrophes ("Kreml-Sprecher",
// "geht's"), numbers keep inner separators ("16.000", "14.01.2021", "14:30"), every other
// non-space code point is a token of its own ("„", ".", "–"). Folded forms go into one shared buffer.
//
// ASCII bytes take a table-driven fast path and are folded as they are scanned; other code points are
// decoded and classified. A word whose folding needs more than ASCII and Latin-1 (Greek, Cyrillic,
// combining marks ...) is folded again through Boost.Locale.
#include "article/article.hpp"
#include "text/fold.hpp"
#include "text/utf8.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// ASCII word characters: bit 0 letter, bit 1 upper case, bit 2 lower case, bit 3 digit (0 for the rest,
// including every byte above 0x7F, so one lookup both tests and classifies).
constexpr std::array<std::uint8_t, 256> ascii_word_bits = [] {
  std::array<std::uint8_t, 256> t{};
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = 1 | 2;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = 1 | 4;
  for (int c = '0'; c <= '9'; ++c) t[c] = 8;
  return t;
}();

constexpr std::uint64_t high_bits = 0x8080808080808080ull;

// Eight bytes at once: the high bit of each byte tells whether it is an ASCII letter, a capital, a digit.
struct ascii_block {
  std::uint64_t letter, upper, digit;
};
inline ascii_block classify_ascii8(std::uint64_t w) {
  constexpr std::uint64_t ones = 0x0101010101010101ull;
  const std::uint64_t ascii = ~w & high_bits;
  const std::uint64_t v = w & ~high_bits;  // below 0x80 each, so the additions below never carry into the next byte
  const std::uint64_t x = v | (ones * 0x20);  // letters in small letters' range: 'A' -> 'a'
  auto at_least = [](std::uint64_t y, unsigned c) { return (y + ones * (0x80u - c)) & high_bits; };
  const std::uint64_t letter = at_least(x, 'a') & ~at_least(x, 'z' + 1) & ascii;
  return {letter, letter & ~(w << 2),  // a capital has bit 5 clear
          at_least(v, '0') & ~at_least(v, '9' + 1) & ascii};
}

// ASCII kinds for the zone loop: one lookup tells white space from the start of a word.
enum ascii_kind : std::uint8_t { ak_space = 1, ak_newline = 2, ak_letter = 4, ak_upper = 8 };
constexpr std::array<std::uint8_t, 128> ascii_kinds = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c == '\n' || c == '\r') t[c] = ak_space | ak_newline;
    else if (c <= 0x20 || c == 0x7F) t[c] = ak_space;
    else if (c >= 'a' && c <= 'z') t[c] = ak_letter;
    else if (c >= 'A' && c <= 'Z') t[c] = ak_letter | ak_upper;
  }
  return t;
}();

constexpr std::array<cp_class, 128> ascii_classes = [] {
  std::array<cp_class, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if (c == '\n' || c == '\r') t[c] = cp_class::newline;
    else if (c <= 0x20 || c == 0x7F) t[c] = cp_class::space;  // controls and NUL count as space
    else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) t[c] = cp_class::letter;
    else if (c >= '0' && c <= '9') t[c] = cp_class::digit;
    else t[c] = cp_class::punct;
  }
  return t;
}();

cp_class classify(char32_t c) {
  if (c < 0x80) return ascii_classes[c];
  if (c == 0x2028 || c == 0x2029 || c == 0x85) return cp_class::newline;
  if (c < 0xA0 || is_space_cp(c)) return cp_class::space;
  if (is_combining(c) || c == 0xAD || c == 0x200C || c == 0x200D) return cp_class::mark;
  if (is_punct_cp(c)) return cp_class::punct;
  return cp_class::letter;
}

bool is_upper_cp(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
         (c >= 0x400 && c <= 0x42F) || (c >= 0x100 && c <= 0x137 && (c % 2) == 0) ||
         (c >= 0x139 && c <= 0x148 && (c % 2) == 1) || (c >= 0x14A && c <= 0x17F && (c % 2) == 0);
}
bool is_lower_cp(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7) || (c >= 0x3B1 && c <= 0x3C9) ||
         (c >= 0x430 && c <= 0x44F) || (c >= 0x100 && c <= 0x17F && !is_upper_cp(c));
}

bool is_quote_cp(char32_t c) {
  return c == '"' || c == '\'' || c == 0xAB || c == 0xBB || (c >= 0x2018 && c <= 0x201F) || c == 0x2039 || c == 0x203A;
}
bool is_dash_cp(char32_t c) { return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212; }
bool is_hyphen_cp(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }
bool is_apostrophe_cp(char32_t c) { return c == '\'' || c == 0x2019; }
bool is_digit_separator(char c) { return c == '.' || c == ',' || c == ':' || c == '/'; }

struct decoded {
  char32_t cp;
  std::size_t next;
  cp_class cls;
};

inline decoded decode_at(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) return {b, i + 1, ascii_classes[b]};
  std::size_t j = i;
  const char32_t c = next_code_point(text, j);
  return {c, j, classify(c)};
}

class tokenizer {
 public:
  explicit tokenizer(analysis& a) : a_(a), text_(a.text), icu_(matching_locale()) {}

  void run() {
    a_.tokens.reserve(a_.tokens.size() + text_.size() / 5 + 1);
    // The folded text is written through a cursor into a buffer sized once: ASCII and Latin-1 folding never
    // grows a word; the Boost.Locale path may ("ß" -> "ss"), and makes room when it does.
    pos_ = a_.folded.size();
    a_.folded.resize(pos_ + text_.size() + 64);
    for (content_zone& z : a_.zones) {
      z.first_token = static_cast<std::uint32_t>(a_.tokens.size());
      zone_text_ = text_.substr(0, z.end);
      scan_zone(z.begin, z.end);
      z.last_token = static_cast<std::uint32_t>(a_.tokens.size());
    }
    a_.folded.resize(pos_);
  }

 private:
  analysis& a_;
  std::string_view text_, zone_text_;
  const std::locale& icu_;
  std::size_t pos_ = 0;  // write position in a_.folded
  std::string scratch_;  // the Boost.Locale path's output

  char* room(std::size_t n) {
    if (pos_ + n > a_.folded.size()) a_.folded.resize(std::max(a_.folded.size() * 2, pos_ + n + 64));
    return a_.folded.data() + pos_;
  }
  void put(std::string_view s) {
    std::memcpy(room(s.size()), s.data(), s.size());
    pos_ += s.size();
  }
  void put(char c) {
    *room(1) = c;
    ++pos_;
  }

  void scan_zone(std::size_t i, std::size_t end) {
    std::uint32_t pending = tf_paragraph_start;
    const auto* const p = reinterpret_cast<const unsigned char*>(zone_text_.data());
    while (i < end) {
      const unsigned b = p[i];
      if (b < 0x80) {
        const unsigned kind = ascii_kinds[b];
        if (kind & ak_space) {  // white space, controls, line breaks
          pending |= (kind & ak_newline) ? tf_space_before | tf_newline_before : tf_space_before;
          ++i;
          continue;
        }
        if (kind & ak_letter) {  // the common case: a word that starts with an ASCII letter
          i = scan_ascii_word(i, end, pending | ((kind & ak_upper) ? tf_word | tf_upper_initial : tf_word));
          pending = 0;
          continue;
        }
      }
      const decoded d = decode_at(zone_text_, i);
      switch (d.cls) {
        case cp_class::space:
        case cp_class::mark: pending |= tf_space_before; i = d.next; continue;
        case cp_class::newline: pending |= tf_space_before | tf_newline_before; i = d.next; continue;
        default: break;
      }
      token t;
      t.begin = static_cast<std::uint32_t>(i);
      t.fold_begin = static_cast<std::uint32_t>(pos_);
      std::uint32_t flags = pending;
      pending = 0;
      if (d.cls == cp_class::punct) {
        flags |= tf_punct;
        if (is_quote_cp(d.cp)) flags |= tf_quote_mark;
        if (is_dash_cp(d.cp)) flags |= tf_dash;
        if (d.cp >= 0x80) flags |= tf_non_ascii;
        put(zone_text_.substr(i, d.next - i));
        i = d.next;
      } else {
        i = scan_word_or_number(i, end, d, flags);
      }
      t.end = static_cast<std::uint32_t>(i);
      t.fold_len = static_cast<std::uint32_t>(pos_ - t.fold_begin);
      t.flags = flags;
      a_.tokens.push_back(t);
    }
  }

  // A word that starts with an ASCII letter: its ASCII letters and digits are classified and lower-cased in
  // one loop through local pointers (a store through char* may alias any member, so no member is touched in
  // it). When a hyphen, an apostrophe or a non-ASCII code point follows, scan_letters goes on from there.
  std::size_t scan_ascii_word(std::size_t start, std::size_t end, std::uint32_t flags) {
    const auto* const p = reinterpret_cast<const unsigned char*>(zone_text_.data());
    char* const out = room(end - start);
    std::size_t j = start;
    unsigned bits = 0;
    // Sixteen or eight bytes a step: the end of the run comes from a bit scan, not from a branch per byte,
    // whose misprediction at the end of every word cost more than the loop itself. Sixteen bytes hold all but
    // the longest words, so the loop rarely goes round twice.
#if defined(__SSE2__)
    while (j + 16 <= end) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + j));
      const __m128i small = _mm_or_si128(v, _mm_set1_epi8(0x20));  // bytes above 0x7F stay negative
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(small, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(small, _mm_set1_epi8('z' + 1)));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
      const __m128i upper = _mm_and_si128(letter, _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
      const unsigned stop = ~static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit))) & 0xFFFFu;
      const unsigned n = stop ? static_cast<unsigned>(std::countr_zero(stop)) : 16u;
      const unsigned keep = (1u << n) - 1u;
      const __m128i folded = _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20)));  // 'A'..'Z' -> 'a'..'z'
      _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (j - start)), folded);  // bytes past the run are overwritten later
      const unsigned upper_bits = static_cast<unsigned>(_mm_movemask_epi8(upper)) & keep;
      const unsigned letter_bits = static_cast<unsigned>(_mm_movemask_epi8(letter)) & keep;
      const unsigned digit_bits = static_cast<unsigned>(_mm_movemask_epi8(digit)) & keep;
      bits |= (upper_bits ? 2u : 0u) | ((letter_bits & ~upper_bits) ? 4u : 0u) | (digit_bits ? 8u : 0u);
      j += n;
      if (n < 16) goto run_done;
    }
#endif
    while (std::endian::native == std::endian::little && j + 8 <= end) {
      std::uint64_t w;
      std::memcpy(&w, p + j, 8);
      const ascii_block k = classify_ascii8(w);
      const std::uint64_t stop = ~(k.letter | k.digit) & high_bits;
      const std::uint64_t keep = stop ? (stop ^ (stop - 1)) >> 8 : ~std::uint64_t{0};  // the bytes before the stop
      const std::uint64_t upper = k.upper & keep;
      const std::uint64_t folded = w | (upper >> 2);  // 'A'..'Z' -> 'a'..'z'
      std::memcpy(out + (j - start), &folded, 8);    // bytes past the run are overwritten later
      bits |= (upper ? 2u : 0u) | ((k.letter & ~k.upper & keep) ? 4u : 0u) | ((k.digit & keep) ? 8u : 0u);
      if (stop) {
        j += static_cast<unsigned>(std::countr_zero(stop)) >> 3;
        goto run_done;
      }
      j += 8;
    }
    while (j < end) {
      const unsigned c = p[j];
      const unsigned wb = ascii_word_bits[c];
      if (!wb) break;
      bits |= wb;
      out[j - start] = static_cast<char>(c | ((wb & 2u) << 4));  // 'A'..'Z' -> 'a'..'z'
      ++j;
    }
  run_done:
    token t;
    t.begin = static_cast<std::uint32_t>(start);
    t.fold_begin = static_cast<std::uint32_t>(pos_);
    pos_ += j - start;
    if (bits & 8u) flags |= tf_has_digit;
    word_state w;
    w.any_lower = bits & 4u;
    w.all_upper = !w.any_lower;
    if (!w.any_lower)  // capitals and digits only: the letters are counted ("USA", "G7")
      for (std::size_t k = start; k < j; ++k) w.letters += ascii_word_bits[p[k]] & 1u;
    else
      w.letters = 2;  // only "two or more" matters, and a word with a small letter is not all capitals
    const unsigned next = j < end ? p[j] : 0u;
    if (next == '-' || next == '\'' || next >= 0x80) {
      j = scan_letters(start, j, end, t.fold_begin, flags, w);
    } else if (w.all_upper && w.letters >= 2) {
      flags |= tf_all_upper;
    }
    t.end = static_cast<std::uint32_t>(j);
    t.fold_len = static_cast<std::uint32_t>(pos_ - t.fold_begin);
    t.flags = flags;
    a_.tokens.push_back(t);
    return j;
  }

  // Digits first ("16.000", "14.01.2021", "14:30", separators only between digits), then letters: a token
  // that starts with digits and goes on with letters is a word ("90er", "3D", "16jährige").
  std::size_t scan_word_or_number(std::size_t start, std::size_t end, const decoded& first, std::uint32_t& flags) {
    std::size_t i = start;
    if (first.cls == cp_class::digit) {
      flags |= tf_number | tf_has_digit;
      while (i < end) {
        const char c = zone_text_[i];
        if (c >= '0' && c <= '9') { put(c); ++i; continue; }
        if (is_digit_separator(c) && i + 1 < end && zone_text_[i + 1] >= '0' && zone_text_[i + 1] <= '9') {
          put(c);
          ++i;
          continue;
        }
        break;
      }
      if (i >= end) return i;
      const decoded after = decode_at(zone_text_, i);
      if (after.cls != cp_class::letter) return i;
      flags = (flags & ~tf_number) | tf_word;
    } else {
      flags |= tf_word;
      if (first.cp < 0x80 ? (ascii_word_bits[first.cp] & 2u) : is_upper_cp(first.cp)) flags |= tf_upper_initial;
    }
    const std::size_t fold_start = pos_ - (i - start);
    word_state w;
    return scan_letters(start, i, end, fold_start, flags, w);
  }

  // What scan_letters has seen of a word so far.
  struct word_state {
    bool any_lower = false, all_upper = true, needs_locale = false;
    std::size_t letters = 0;  // exact while all_upper holds
  };

  // Letters, digits and marks, with hyphens and apostrophes between letters ("Kreml-Sprecher", "COVID-19").
  std::size_t scan_letters(std::size_t start, std::size_t i, std::size_t end, std::size_t fold_start, std::uint32_t& flags,
                           word_state w) {
    bool any_lower = w.any_lower, all_upper = w.all_upper, needs_locale = w.needs_locale;
    std::size_t letters = w.letters;
    while (i < end) {
      const auto b = static_cast<unsigned char>(zone_text_[i]);
      if (b < 0x80) {
        if (ascii_word_bits[b]) {
          const auto* const p = reinterpret_cast<const unsigned char*>(zone_text_.data());
          char* const out = room(end - i);
          std::size_t j = i;
          unsigned bits = 0;
          do {
            const unsigned c = p[j];
            const unsigned wb = ascii_word_bits[c];
            if (!wb) break;
            bits |= wb;
            letters += wb & 1u;
            out[j - i] = static_cast<char>(c | ((wb & 2u) << 4));
            ++j;
          } while (j < end);
          if (bits & 4u) { any_lower = true; all_upper = false; }
          if (bits & 8u) flags |= tf_has_digit;
          pos_ += j - i;
          i = j;
          continue;
        }
        if ((b == '-' || b == '\'') && joins(i + 1, end, b == '-')) {
          if (b == '-') flags |= tf_has_hyphen;
          put(static_cast<char>(b));
          ++i;
          continue;
        }
        break;
      }
      const decoded d = decode_at(zone_text_, i);
      flags |= tf_non_ascii;
      if (d.cls == cp_class::letter || d.cls == cp_class::mark) {
        if (d.cls == cp_class::letter) {
          ++letters;
          const bool up = is_upper_cp(d.cp);
          if (is_lower_cp(d.cp)) any_lower = true;
          if (!up) all_upper = false;
          if (d.cp >= 0xC0 && d.cp <= 0xDE && d.cp != 0xD7) {  // Ä -> ä: two bytes stay two bytes
            char* dst = room(2);
            dst[0] = static_cast<char>(0xC0 | ((d.cp + 0x20) >> 6));
            dst[1] = static_cast<char>(0x80 | ((d.cp + 0x20) & 0x3F));
            pos_ += 2;
          } else if (d.cp >= 0xDF && d.cp <= 0xFF) {
            put(zone_text_.substr(i, d.next - i));
          } else {
            needs_locale = true;
            put(zone_text_.substr(i, d.next - i));
          }
        } else {
          needs_locale = true;  // a combining mark: NFC may compose it
          put(zone_text_.substr(i, d.next - i));
        }
        i = d.next;
        continue;
      }
      if ((is_hyphen_cp(d.cp) || is_apostrophe_cp(d.cp)) && joins(d.next, end, is_hyphen_cp(d.cp))) {
        if (is_hyphen_cp(d.cp)) flags |= tf_has_hyphen;
        put(zone_text_.substr(i, d.next - i));
        i = d.next;
        continue;
      }
      break;
    }
    if (all_upper && !any_lower && letters >= 2) flags |= tf_all_upper;
    if (needs_locale) {
      scratch_.clear();
      append_folded(zone_text_.substr(start, i - start), scratch_, icu_);
      pos_ = fold_start;
      put(scratch_);
    }
    return i;
  }

  // A hyphen joins when a letter follows (or a digit: "COVID-19"); an apostrophe only before a letter.
  bool joins(std::size_t at, std::size_t end, bool hyphen) const {
    if (at >= end) return false;
    const cp_class k = decode_at(zone_text_, at).cls;
    return k == cp_class::letter || (hyphen && k == cp_class::digit);
  }
};

}  // namespace

void tokenize(analysis& a) { tokenizer(a).run(); }

}  // namespace newsnorm::detail
