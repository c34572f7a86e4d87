// The numbers stage: German digits and number words, ordinals, fractions, percent, money (ISO 4217),
// units, comparators as mods, ranges, and the things that look like numbers but are not (the article
// "ein", years and dates the temporal stage owns, telephone numbers, URLs).
//
// One pass over the tokens. Work starts only at a token that can begin a number: digits, or a word
// whose folded form is a number word or in one of the tables. A number is read as
//   [sign] count [fraction] [scale...] [unit | currency] [cents]      "1,5 Milliarden Euro"
// or [currency] count ...                                             "€ 5", "USD 15"
// then its mod is looked up in the tokens before it ("mehr als", "rund") and a second number after
// "bis", "-" or "und" (after "zwischen") makes it a range.
#include "numbers/number_stage.hpp"

#include "numbers/exact.hpp"
#include "numbers/number_tables.hpp"
#include "numbers/number_words.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>

namespace newsnorm::detail {

namespace {

using namespace number_role;
using tok = std::uint32_t;

// ---------------------------------------------------------------------------------------------
// Small helpers over tokens and text.

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool parse_int(std::string_view s, std::int64_t& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

// s.ends_with(e) and s == e for a literal, compared with a memcmp of constant size (inlined).
template <std::size_t N>
inline bool ends_lit(std::string_view s, const char (&e)[N]) {
  return s.size() >= N - 1 && __builtin_memcmp(s.data() + s.size() - (N - 1), e, N - 1) == 0;
}
template <std::size_t N>
inline bool is_lit(std::string_view s, const char (&e)[N]) {
  return s.size() == N - 1 && __builtin_memcmp(s.data(), e, N - 1) == 0;
}

// A key of a few folded tokens separated by one space, built on the stack: "mehr als", "km / h".
class phrase_key {
 public:
  bool push(std::string_view s) {
    if (n_ + s.size() + 1 > sizeof buf_) return false;
    if (n_ > 0) buf_[n_++] = ' ';
    std::memcpy(buf_ + n_, s.data(), s.size());
    n_ += s.size();
    return true;
  }
  std::string_view view() const { return {buf_, n_}; }

 private:
  char buf_[112];
  std::size_t n_ = 0;
};

// "kanadischen" -> "kanadisch": the currency table writes adjectives as stems.
std::string_view adjective_stem(std::string_view s) {
  for (std::string_view e : {"en", "er", "es", "em", "e"})
    if (s.size() > e.size() + 4 && s.ends_with(e)) return s.substr(0, s.size() - e.size());
  return s;
}

template <class V>
struct phrase_match {
  const V* value = nullptr;
  tok next = 0;            // the token after the phrase
  std::uint32_t end = 0;   // byte where the phrase ends
};

// The longest phrase in `lex` that begins with `first` (a token's folded form, or the letters after
// the digits of "500km") and continues over the tokens from `next`.
template <class V>
phrase_match<V> longest_phrase(const lexicon<V>& lex, const lexicon<std::uint8_t>& prefixes, const analysis& a,
                               std::string_view first, std::uint32_t first_end, tok next) {
  phrase_match<V> best;
  phrase_key key;
  if (first.empty() || !key.push(first)) return best;
  if (const V* v = lex.find(key.view())) best = {v, next, first_end};
  for (std::size_t k = 0; k + 1 < max_phrase_tokens && next + k < a.tokens.size(); ++k) {
    if (!prefixes.contains(key.view())) break;  // no longer phrase begins with what is read
    const tok t = static_cast<tok>(next + k);
    if (!key.push(a.fold(t))) break;
    if (const V* v = lex.find(key.view())) best = {v, static_cast<tok>(t + 1), a.tokens[t].end};
  }
  return best;
}

bool is_article(std::string_view f) {
  return is_lit(f, "ein") || is_lit(f, "eine") || is_lit(f, "einen") || is_lit(f, "einem") || is_lit(f, "einer") ||
         is_lit(f, "eines");
}

// Endings a German cardinal word can have ("dreiundzwanzig", "hundert", "eins"): a cheap test before
// the full parse. Keyed by the last two bytes, so an ordinary word costs one switch and at most one
// comparison ("Verein" ends like "ein" and is then parsed and rejected).
bool has_number_word_ending(std::string_view s) {
  if (s.size() < 3) return false;
  const auto two = static_cast<unsigned>(static_cast<unsigned char>(s[s.size() - 2])) << 8 |
                   static_cast<unsigned char>(s.back());
  // A unit word ends a compound only after "hundert", "tausend" or "und" ("hundertacht",
  // "zweiundzwanzig" ends in "zig"): "Nacht", "gemacht", "Polizei" are no candidates.
  auto unit = [&](const auto& e) {
    if (!ends_lit(s, e)) return false;
    const std::string_view pre = s.substr(0, s.size() - (sizeof e - 1));
    return pre.empty() || ends_lit(pre, "hundert") || ends_lit(pre, "tausend") || ends_lit(pre, "und");
  };
  auto ends = [&](const auto& e) { return ends_lit(s, e); };
  switch (two) {
    case 'l' << 8 | 'l': return unit("null");
    case 'n' << 8 | 's': return unit("eins");
    case 'i' << 8 | 'n': return is_lit(s, "ein");  // compounds end in "eins": "hunderteins"
    case 'n' << 8 | 'e': return is_lit(s, "eine");
    case 'e' << 8 | 'i': return unit("zwei") || unit("drei");
    case 'w' << 8 | 'o': return unit("zwo");
    case 'e' << 8 | 'r': return unit("vier") || is_lit(s, "einer");
    case 'n' << 8 | 'f': return unit("fünf") || unit("fuenf");
    case 'h' << 8 | 's': return unit("sechs");
    case 'e' << 8 | 'n': return unit("sieben") || is_lit(s, "einen");
    case 'e' << 8 | 'm': return is_lit(s, "einem");
    case 'e' << 8 | 's': return is_lit(s, "eines");
    case 'h' << 8 | 't': return unit("acht");
    case 'u' << 8 | 'n': return unit("neun");
    case 'h' << 8 | 'n': return ends("zehn");
    case 'l' << 8 | 'f': return unit("elf") || unit("zwölf") || unit("zwoelf");
    case 'i' << 8 | 'g': return ends("zig") || ends("ßig") || ends("ssig");
    case 'r' << 8 | 't': return ends("hundert");
    case 'n' << 8 | 'd': return ends("tausend");
    case 'l' << 8 | 'b': return is_lit(s, "halb") || ends("einhalb") || ends("anderthalb") || ends("undhalb");
    default: return false;
  }
}

// What has_number_word_ending() accepts, ending by ending (keep the two in step): the word-tail filter
// of number_rules is built from this list.
enum class ending_kind : std::uint8_t {
  exact,  // the whole word: "ein", "einer"
  unit,   // alone, or after "hundert", "tausend" or "und": "acht", "hundertacht", "dreiundzwanzig"... "zwei"
  ends,   // at the end of any word: "zehn" ("dreizehn"), "zig", "hundert", "tausend"
};
constexpr std::array<std::pair<std::string_view, ending_kind>, 31> number_word_endings{{
    {"null", ending_kind::unit},     {"eins", ending_kind::unit},   {"ein", ending_kind::exact},
    {"eine", ending_kind::exact},    {"zwei", ending_kind::unit},   {"drei", ending_kind::unit},
    {"zwo", ending_kind::unit},      {"vier", ending_kind::unit},   {"einer", ending_kind::exact},
    {"f\xC3\xBCnf", ending_kind::unit}, {"fuenf", ending_kind::unit}, {"sechs", ending_kind::unit},
    {"sieben", ending_kind::unit},   {"einen", ending_kind::exact}, {"einem", ending_kind::exact},
    {"eines", ending_kind::exact},   {"acht", ending_kind::unit},   {"neun", ending_kind::unit},
    {"zehn", ending_kind::ends},     {"elf", ending_kind::unit},    {"zw\xC3\xB6lf", ending_kind::unit},
    {"zwoelf", ending_kind::unit},   {"zig", ending_kind::ends},    {"\xC3\x9Fig", ending_kind::ends},
    {"ssig", ending_kind::ends},     {"hundert", ending_kind::ends}, {"tausend", ending_kind::ends},
    {"halb", ending_kind::exact},    {"einhalb", ending_kind::ends}, {"anderthalb", ending_kind::ends},
    {"undhalb", ending_kind::ends},
}};

// "erste", "dritten", "hundertster", "Milliardsten": an inflected ordinal whose stem ends like a number
// ("zwanzig|st|en", "acht|e") or is one of the irregular ones.
bool has_ordinal_ending(std::string_view s) {
  if (s.size() < 4) return false;
  // Strip the inflection -e, -es, -en, -em, -er by looking at the last two bytes (this runs for every word).
  std::size_t n = s.size();
  const char last = s[n - 1];
  if (last == 'e') n -= 1;
  else if (s[n - 2] == 'e' && (last == 's' || last == 'n' || last == 'm' || last == 'r')) n -= 2;
  else return false;
  const std::string_view stem = s.substr(0, n);
  if (stem.size() < 3 || stem.back() != 't') return false;
  if (is_lit(stem, "erst") || is_lit(stem, "dritt") || is_lit(stem, "siebt") || is_lit(stem, "zwot") ||
      has_number_word_ending(stem))
    return true;
  const std::string_view base = stem.substr(0, stem.size() - 1);  // "viert" -> "vier"
  if (has_number_word_ending(base)) return true;
  if (!base.ends_with('s')) return false;
  const std::string_view big = base.substr(0, base.size() - 1);  // "zwanzigst" -> "zwanzig"
  return has_number_word_ending(big) || ends_lit(big, "million") || ends_lit(big, "milliard") || ends_lit(big, "billion");
}

// One space between digit groups: "16 000", also a no-break or thin space ("40\u202f000").
bool single_space_between(std::string_view text, std::uint32_t from, std::uint32_t to) {
  const std::string_view gap = text.substr(from, to - from);
  return gap == " " || gap == "\xC2\xA0" || gap == "\xE2\x80\xAF" || gap == "\xE2\x80\x89";
}

// ---------------------------------------------------------------------------------------------
// What is being read.

struct reading {
  rational value;
  tok first = 0, next = 0;           // tokens [first, next)
  std::uint32_t begin = 0, end = 0;  // bytes
  std::string_view unit, currency, mod;
  std::int64_t divisor = 1;          // of the currency: 100 for "Cent"
  rational scale = rational::of(1);  // the scale applied: 10^9 in "1,5 Milliarden"
  std::string_view piece;            // letters glued to the digits, still to be read: "km" in "500km"
  std::uint32_t piece_end = 0;
  bool percent = false, article = false, year_like = false, digits = false, word = false;
  bool scaled = false, fraction = false, ordinal = false, several = false, leading_zero = false;
  bool range = false;
  rational low, high;

  bool quantity_reading() const { return scaled || fraction || !unit.empty() || !currency.empty() || percent; }
};

// Units read as an age after "im Alter von" / "mit einem Alter von": "im Alter von 6 Wochen".
constexpr std::array<std::pair<std::string_view, std::string_view>, 8> age_units{{
    {"jahre", "years_of_age"}, {"jahren", "years_of_age"}, {"monate", "months_of_age"},
    {"monaten", "months_of_age"}, {"wochen", "weeks_of_age"}, {"woche", "weeks_of_age"},
    {"tage", "days_of_age"}, {"tagen", "days_of_age"},
}};

class reader {
 public:
  reader(const number_rules& rules, analysis& a) : r_(rules), a_(a) {
    for (const timex& t : a.doc->timexes)
      if (t.type == "DATE" || t.type == "TIME")
        owned_.emplace_back(static_cast<std::uint32_t>(t.start_byte), static_cast<std::uint32_t>(t.end_byte));
    std::sort(owned_.begin(), owned_.end());
  }

  void run() {
    const tok n = static_cast<tok>(a_.tokens.size());
    for (tok i = next_candidate(0, n); i < n; i = next_candidate(i, n)) i = read_at(i);
  }

 private:
  // The first token from i on that may_start() accepts: the loop every token goes through, kept small
  // so that it runs in registers. It makes may_start()'s decision itself (starts_at(), cheapest test
  // first), so a token that passes is not tested again.
  tok next_candidate(tok i, tok n) const {
    const token* const tokens = a_.tokens.data();
    const char* const folded = a_.folded.data();
    for (; i < n; ++i) {
      const token& t = tokens[i];
      if (t.flags & tf_number) return i;
      if (t.fold_len == 0) continue;
      if (starts_at(i, t.flags, std::string_view(folded + t.fold_begin, t.fold_len))) return i;
    }
    return n;
  }

  // Reads what starts at token i (which may_start() accepts); returns the token to go on from.
  __attribute__((noinline)) tok read_at(tok i) {
    if (owned_ahead(i)) return i + 1;
    if (const tok skip = identifier_end(i); skip > i) return skip;
    reading r;
    if (!read_item(i, r)) return i + 1;
    read_range(r);
    borrow_unit(r);
    read_mod_and_sign(r);
    const tok next = std::max<tok>(r.next, i + 1);
    if (keep(r)) emit(r);
    return next;
  }

  std::string_view fold(tok i) const {
    if (i >= a_.tokens.size()) return {};
    const token& t = a_.tokens[i];
    return std::string_view(a_.folded.data() + t.fold_begin, t.fold_len);
  }
  std::string_view surface(tok i) const {
    if (i >= a_.tokens.size()) return {};
    const token& t = a_.tokens[i];
    return std::string_view(a_.text.data() + t.begin, t.end - t.begin);
  }
  // The tables by their role bits first: most tokens are none of them, and cost one bit test.
  const number_scale* scale_of(std::string_view f) const {
    return (role_of(f) & (role_scale | role_several)) ? r_.scales.find(f) : nullptr;
  }
  // A fraction after a count ("zwei Drittel"), not one that stands alone ("Hälfte").
  const number_fraction* count_fraction_of(std::string_view f) const {
    return (role_of(f) & role_fraction) ? r_.fractions.find(f) : nullptr;
  }
  bool glued_to_next(tok i) const { return a_.glued(i); }

  // Tokens inside a DATE or TIME the temporal stage found belong to it: "14. Januar 2021".
  bool owned(tok i) const {
    if (owned_.empty() || i >= a_.tokens.size()) return false;
    const std::uint32_t b = a_.tokens[i].begin;
    auto it = std::upper_bound(owned_.begin(), owned_.end(), std::make_pair(b, UINT32_MAX));
    if (it == owned_.begin()) return false;
    --it;
    return b >= it->first && b < it->second;
  }

  // owned() for read_at(), whose tokens only go forward: a cursor over the sorted spans moves along
  // with them (the first span that begins after the token), so a document costs one pass over its
  // dates instead of a binary search per candidate. The same answer: the last span that begins at or
  // before the token holds it or no span does.
  bool owned_ahead(tok i) {
    const std::uint32_t b = a_.tokens[i].begin;
    while (owned_next_ < owned_.size() && owned_[owned_next_].first <= b) ++owned_next_;
    return owned_next_ > 0 && b < owned_[owned_next_ - 1].second;
  }

  std::uint8_t role_of(std::string_view f) const { return r_.role_of(f); }
  std::uint8_t role_at(tok i) const { return i < a_.tokens.size() ? role_of(a_.fold(i)) : 0; }

  bool may_start(tok i) const {
    if (i >= a_.tokens.size()) return false;
    const token& t = a_.tokens[i];
    if (t.flags & tf_number) return true;
    const std::string_view f = a_.fold(t);
    return !f.empty() && starts_at(i, t.flags, f);
  }

  // may_start() for a token that is no number, with its flags and (non-empty) folded form f: a word
  // goes by its first byte, a hyphen, "zu dritt" and then the word-tail filter, which most words fail
  // ("Regierung": one bit test); punctuation by the starter bitmap or a sign before digits ("-5").
  bool starts_at(tok i, std::uint32_t flags, std::string_view f) const {
    constexpr std::uint8_t starts = role_fraction_alone | role_several | role_currency_prefix;
    if (flags & tf_word) {
      if (flags & (tf_has_digit | tf_has_hyphen)) {  // few words: one flag test for the others
        if ((flags & tf_has_digit) && is_digit(f[0])) return true;
        if (flags & tf_has_hyphen) return hyphen_word_starts(f);  // "siebenhundert-Euro"
      }
      if (f.back() == 't' && i > 0 && after_zu(i)) return true;  // "zu dritt"
      return r_.may_be_number_word(f) && word_starts(f);
    }
    if (!(flags & tf_punct)) return false;
    if ((is_lit(f, ",") || is_lit(f, "-") || is_lit(f, "\xE2\x88\x92")) && a_.glued(i) && a_.is(i + 1, tf_has_digit))
      return true;
    return r_.may_start_word(f) && (role_of(f) & starts);
  }
  // The exact tests of a word the tail filter lets through ("Verein" ends like "ein" and fails here).
  __attribute__((noinline)) bool word_starts(std::string_view f) const {
    constexpr std::uint8_t starts = role_fraction_alone | role_several | role_currency_prefix;
    if (has_number_word_ending(f) || has_ordinal_ending(f)) return true;
    return r_.may_start_word(f) && (role_of(f) & starts);
  }
  bool after_zu(tok i) const {  // i > 0; asked for every word ending in "t": "ist", "nicht", "hat"
    const token& p = a_.tokens[i - 1];
    return p.fold_len == 2 && a_.folded[p.fold_begin] == 'z' && a_.folded[p.fold_begin + 1] == 'u';
  }
  static bool hyphen_word_starts(std::string_view f) {
    const std::size_t h = f.find('-');
    return h != std::string_view::npos && has_number_word_ending(f.substr(0, h));
  }

  // "+1-222-2222-2222", "0049-30-1234": digit groups joined by hyphens or slashes, three or more of
  // them, or after a glued "+", are telephone numbers and identifiers. Returns the token after them.
  tok identifier_end(tok i) const {
    if (!(a_.tokens[i].flags & tf_number)) return i;
    tok j = i;
    int groups = 1;
    while (glued_to_next(j) && glued_to_next(j + 1) && (is_lit(fold(j + 1), "-") || is_lit(fold(j + 1), "/")) &&
           a_.is(j + 2, tf_number)) {
      j += 2;
      ++groups;
    }
    const bool plus = i > 0 && is_lit(fold(i - 1), "+") && a_.glued(i - 1);
    if (groups >= 3 || (plus && groups >= 2)) return j + 1;
    // "030 1234567", "0800 111 0 111": a group with a leading zero and more digit groups after it is a
    // telephone number ("423 0000" is two numbers: the zero group comes last).
    const std::string_view s = a_.surface(i);
    if (s.size() >= 2 && s[0] == '0' && all_digits(s) && i + 1 < a_.tokens.size() && (a_.tokens[i + 1].flags & tf_number) &&
        single_space_between(a_.text, a_.tokens[i].end, a_.tokens[i + 1].begin)) {
      tok k = i + 1;
      while (k + 1 < a_.tokens.size() && (a_.tokens[k + 1].flags & tf_number) && all_digits(a_.surface(k + 1)) &&
             single_space_between(a_.text, a_.tokens[k].end, a_.tokens[k + 1].begin))
        ++k;
      return k + 1;
    }
    return i;
  }

  // Digits inside a URL or an e-mail address are not numbers: "...?q=30%25%2020%".
  // The run of text without white space around a number is scanned once and remembered, so that the
  // many digits of one long link cost one pass: "...?q=30%25%2020%".
  bool in_link(const reading& r) const {
    if (r.begin >= run_begin_ && r.begin < run_end_) return run_is_link_;
    const std::string_view text = a_.text;
    auto space = [&](std::size_t k) { return text[k] == ' ' || text[k] == '\n' || text[k] == '\t' || text[k] == '\r'; };
    std::size_t b = r.begin;
    while (b > run_end_ && b > 0 && !space(b - 1)) --b;
    std::size_t e = r.end;
    while (e < text.size() && !space(e)) ++e;
    const std::string_view run = text.substr(b, e - b);
    run_begin_ = b;
    run_end_ = e;
    run_is_link_ = run.find("://") != std::string_view::npos || run.find("www.") != std::string_view::npos ||
                   run.find('@') != std::string_view::npos;
    return run_is_link_;
  }

  // ---- counts -----------------------------------------------------------------------------------

  // Digits at token i: "16.000", "1,5", "16 000" (groups after single spaces), "1/2".
  bool read_digits(tok i, reading& r) const {
    const std::string_view s = a_.surface(i);
    r.first = i;
    r.next = i + 1;
    r.begin = a_.tokens[i].begin;
    r.end = a_.tokens[i].end;
    r.digits = true;
    if (s.size() <= 3 && all_digits(s)) {  // "1 234 567,89", "40 000"
      char buf[64];
      std::size_t n = s.size();
      std::memcpy(buf, s.data(), n);
      tok j = i + 1;
      while (j < a_.tokens.size() && (a_.tokens[j].flags & tf_number) &&
             single_space_between(a_.text, a_.tokens[j - 1].end, a_.tokens[j].begin)) {
        const std::string_view g = a_.surface(j);
        const bool plain = g.size() == 3 && all_digits(g);
        const bool last = g.size() > 4 && all_digits(g.substr(0, 3)) && g[3] == (r_.english ? '.' : ',') &&
                          all_digits(g.substr(4));
        if ((!plain && !last) || n + g.size() >= sizeof buf) break;
        std::memcpy(buf + n, g.data(), g.size());
        n += g.size();
        r.next = j + 1;
        r.end = a_.tokens[j].end;
        ++j;
        if (last) break;
      }
      if (r.next > i + 1) {
        const auto v = parse_digits(std::string_view(buf, n), r_.english);
        if (!v) return false;
        r.value = rational::of(v->num, v->den);
        return true;
      }
    }
    if (const auto v = parse_digits(s, r_.english)) {
      r.value = rational::of(v->num, v->den);
      r.leading_zero = s.size() > 1 && s[0] == '0' && v->den == 1;
      r.year_like = s.size() == 4 && all_digits(s) && v->num >= 1000 && v->num <= 2100;
      return true;
    }
    // "1/2", "3/4": a small denominator; "24/7" and "9/11" are not fractions.
    const std::size_t slash = s.find('/');
    if (slash != std::string_view::npos && slash > 0 && slash + 1 < s.size() && all_digits(s.substr(0, slash)) &&
        all_digits(s.substr(slash + 1)) && s.size() <= 5) {
      std::int64_t num = 0, den = 0;
      parse_int(s.substr(0, slash), num);
      parse_int(s.substr(slash + 1), den);
      static constexpr std::array<std::int64_t, 8> dens{2, 3, 4, 5, 6, 8, 10, 100};
      if (num > 0 && num < den && std::find(dens.begin(), dens.end(), den) != dens.end()) {
        r.value = rational::of(num, den);
        r.fraction = true;
        return true;
      }
    }
    return false;
  }

  // A word that starts with digits: "100K", "1,2M", "500km", "75ml", "4ter".
  bool read_digit_word(tok i, reading& r) const {
    const std::string_view s = a_.surface(i);
    const std::string_view f = a_.fold(i);
    std::size_t k = 0;
    while (k < s.size() && (is_digit(s[k]) || s[k] == '.' || s[k] == ',')) ++k;
    if (k == 0 || k >= s.size() || f.size() != s.size()) return false;
    const auto v = parse_digits(s.substr(0, k), r_.english);
    if (!v) return false;
    r.first = i;
    r.next = i + 1;
    r.begin = a_.tokens[i].begin;
    r.end = a_.tokens[i].end;
    r.digits = true;
    r.value = rational::of(v->num, v->den);
    const std::string_view suffix = f.substr(k), raw = s.substr(k);
    if (v->den == 1 && (is_lit(suffix, "te") || is_lit(suffix, "ter") || is_lit(suffix, "ten") || is_lit(suffix, "tes") ||
                        is_lit(suffix, "tem") || is_lit(suffix, "ste") || is_lit(suffix, "sten") || is_lit(suffix, "ster"))) {
      r.ordinal = true;  // "4ter", "20sten"
      return true;
    }
    // Scale letters: "100K", "3M"; "G" only after a decimal (",0012G"): "5G" is a network.
    if (is_lit(raw, "k") || is_lit(raw, "K") || is_lit(raw, "M") || (is_lit(raw, "G") && v->den > 1)) {
      const std::int64_t m = is_lit(raw, "M") ? 1000000 : is_lit(raw, "G") ? 1000000000 : 1000;
      r.value = r.value * rational::of(m);
      r.scaled = true;
      return true;
    }
    if (raw.size() == 1 && raw[0] >= 'A' && raw[0] <= 'Z') return false;  // "3D", "5G"
    r.piece = suffix;
    r.piece_end = a_.tokens[i].end;
    r.end = a_.tokens[i].begin + static_cast<std::uint32_t>(k);
    return true;
  }

  // A number word: "dreiundzwanzig", "eineinhalb", "Hälfte", "Tausende", "dritte", "zu dritt".
  bool read_word(tok i, reading& r) const {
    std::string_view f = a_.fold(i);
    r.first = i;
    r.next = i + 1;
    r.begin = a_.tokens[i].begin;
    r.end = a_.tokens[i].end;
    r.word = true;
    // "siebenhundert-Euro": a number word, a hyphen, a unit or currency.
    if (const std::size_t h = f.find('-'); h != std::string_view::npos && h > 2 && f.size() == a_.surface(i).size()) {
      if (const auto v = parse_number_word(f.substr(0, h))) {
        r.value = rational::of(v->num, v->den);
        r.piece = f.substr(h + 1);
        r.piece_end = a_.tokens[i].end;
        r.end = a_.tokens[i].begin + static_cast<std::uint32_t>(h);
        return true;
      }
      return false;
    }
    const std::uint8_t role = role_of(f);
    if (role & role_fraction_alone) {
      // "in der zweiten Hälfte" is a part of a game or year, not a share.
      if (i > 0 && a_.is(i - 1, tf_word) && has_ordinal_ending(a_.fold(i - 1)) && parse_ordinal_word(a_.fold(i - 1)))
        return false;
      const number_fraction* fr = r_.fractions.find(f);
      r.value = rational::of(fr->num, fr->den);
      r.fraction = true;
      return true;
    }
    if (role & role_several) {
      r.value = rational::of(r_.scales.find(f)->value);
      r.several = true;
      return true;
    }
    if (is_article(f)) {  // parse_number_word() reads each of them as 1
      r.value = rational::of(1);
      r.article = true;
      return true;
    }
    if (const auto v = parse_number_word(f)) {
      r.value = rational::of(v->num, v->den);
      return true;
    }
    if (has_ordinal_ending(f)) {
      if (const auto v = parse_ordinal_word(f)) {
        if (verb_homograph(f) && !ordinal_context(i)) return false;
        r.value = rational::of(*v);
        r.ordinal = true;
        return true;
      }
    }
    if (i > 0 && is_lit(a_.fold(i - 1), "zu")) {
      if (const auto v = parse_group_word(f)) {
        r.value = rational::of(*v);
        r.ordinal = true;
        return true;
      }
    }
    return false;
  }

  // "achte", "achten" are also the verb "achten": "darauf achten", "Achten Sie auf", "man achte darauf".
  static bool verb_homograph(std::string_view f) { return is_lit(f, "achte") || is_lit(f, "achten"); }
  // Where such a word is the ordinal: after a determiner ("den achten Rang", "jeder achte der") or before a
  // noun ("Thiems achter Einzelsieg"; the polite "Sie" is no noun).
  bool ordinal_context(tok i) const {
    static constexpr std::array<std::string_view, 34> determiners = {
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "am", "im", "zum",
        "zur", "beim", "vom", "jeder", "jede", "jeden", "jedem", "jedes", "sein", "seine", "seinen", "seinem", "seiner",
        "ihr", "ihre", "ihren", "ihrem", "ihrer", "diese"};
    if (i > 0 && a_.tokens[i - 1].sentence == a_.tokens[i].sentence) {
      const std::string_view before = fold(i - 1);
      for (std::string_view d : determiners)
        if (before == d) return true;
    }
    const tok j = i + 1;
    return j < a_.tokens.size() && a_.tokens[j].sentence == a_.tokens[i].sentence && (a_.tokens[j].flags & tf_word) &&
           (a_.tokens[j].flags & tf_upper_initial) && !is_lit(fold(j), "sie");  // "Achten Sie auf ..."
  }

  // "zwei Komma drei", "1 komma 1", "tausendvierhundertsechzehn Komma fünfzehn"
  void read_spoken_decimal(reading& r) const {
    if (!r.value.is_integer() || !is_lit(fold(r.next), "komma")) return;
    const tok j = r.next + 1;
    std::string_view digits;
    char buf[24];
    if (a_.is(j, tf_number) && all_digits(surface(j)) && surface(j).size() < 16) {
      digits = surface(j);
    } else if (a_.is(j, tf_word)) {
      const auto v = parse_cardinal_word(fold(j));
      if (!v || *v < 0) return;
      const auto res = std::to_chars(buf, buf + sizeof buf, *v);
      digits = std::string_view(buf, static_cast<std::size_t>(res.ptr - buf));
    } else {
      return;
    }
    std::int64_t n = 0, den = 1;
    for (char c : digits) { n = n * 10 + (c - '0'); den *= 10; }
    r.value = r.value + rational::of(n, den);
    r.next = j + 1;
    r.end = a_.tokens[j].end;
  }

  // ---- what follows a count -----------------------------------------------------------------------

  // "zwei Drittel", "ein halbes Dutzend", "fünf und drei Viertel Milliarde"
  void read_fraction_after(reading& r) const {
    if (const number_fraction* fr = count_fraction_of(fold(r.next)); fr && !fr->alone && r.value.is_integer()) {
      r.value = r.value * rational::of(fr->num, fr->den);
      r.fraction = true;
      r.end = a_.tokens[r.next].end;
      ++r.next;
      return;
    }
    if (is_lit(fold(r.next), "und") && r.word && r.value.is_integer() && a_.is(r.next + 1, tf_word)) {
      const auto c = parse_cardinal_word(fold(r.next + 1));
      const number_fraction* fr = count_fraction_of(fold(r.next + 2));
      if (c && fr && !fr->alone) {
        r.value = r.value + rational::of(*c * fr->num, fr->den);
        r.fraction = true;
        r.end = a_.tokens[r.next + 2].end;
        r.next += 3;
      }
    }
  }

  // "2,5 Millionen", "16 Mrd.", "zwei Millionen dreihunderttausend", "einhundert Milliardste",
  // "zwei Billiarden siebenhunderteinundsiebzig Billionen neunzig Milliarden": groups of a count and a
  // scale, each scale smaller than the one before, and a last count below the smallest.
  void read_scales(reading& r) const {
    rational total = rational::of(0), group = r.value;
    std::int64_t last_scale = 0;  // 0: none yet
    for (int rounds = 0; rounds < 8; ++rounds) {
      const tok j = r.next;
      const std::string_view f = fold(j);
      const number_scale* sc = scale_of(f);
      if (!sc || !sc->scale || (last_scale != 0 && sc->value >= last_scale)) {
        if (last_scale == 0 && r.word && a_.is(j, tf_word) && has_ordinal_ending(f)) {  // "einhundert Milliardste"
          const auto v = parse_ordinal_word(f);
          if (v && *v >= 1000000) {
            r.value = r.value * rational::of(*v);
            r.ordinal = true;
            r.end = a_.tokens[j].end;
            r.next = j + 1;
          }
        }
        break;
      }
      total = total + group * rational::of(sc->value);
      group = rational::of(0);
      if (last_scale == 0) r.scale = rational::of(sc->value);
      last_scale = sc->value;
      r.scaled = true;
      r.end = a_.tokens[j].end;
      r.next = j + 1;
      if (f.size() <= 3 && is_lit(fold(r.next), ".") && a_.glued(j)) {  // "Mio.", "Mrd.", "Tsd."
        r.end = a_.tokens[r.next].end;
        ++r.next;
        break;
      }
      // A smaller number word goes on: "zwei Millionen eintausendeinhundertfünfzig".
      if (!r.word || !a_.is(r.next, tf_word) || is_article(fold(r.next))) break;
      const auto more = parse_number_word(fold(r.next));
      if (!more || more->den != 1 || more->num <= 0 || more->num >= last_scale) break;
      group = rational::of(more->num);
      r.end = a_.tokens[r.next].end;
      ++r.next;
      const number_scale* after = scale_of(fold(r.next));
      if (!after || !after->scale || after->value >= last_scale) break;
    }
    if (last_scale != 0 && !r.ordinal) r.value = total + group;
  }

  // The unit or currency after the count: "Euro", "US-Dollar", "kanadischen Dollar", "km/h", "%",
  // or glued to it: "500km", "siebenhundert-Euro", "12-Pfund-Tasse".
  void read_unit(reading& r) const {
    std::string_view first = r.piece;
    std::uint32_t first_end = r.piece_end;
    tok next = r.next;
    if (first.empty()) {
      const tok j = r.next;
      if (j >= a_.tokens.size()) return;
      // "12-Pfund-Tasse": a hyphen, then a compound whose first part is the unit.
      if ((a_.tokens[j].flags & tf_dash) && a_.glued(j) && j > 0 && a_.glued(j - 1) && a_.is(j + 1, tf_word)) {
        const std::string_view w = fold(j + 1);
        const std::size_t h = std::min(w.find('-'), w.size());  // "12-Pfund-Tasse", "99-prozentige"
        if (w.size() == surface(j + 1).size()) {
          const std::string_view part = w.substr(0, h);
          const std::uint32_t part_end = a_.tokens[j + 1].begin + static_cast<std::uint32_t>(h);
          // Only the part: the rest of the compound is what the quantity describes ("Tasse").
          const tok none = static_cast<tok>(a_.tokens.size());
          if (attach(r, longest_phrase(r_.currencies, r_.currency_prefixes, a_, part, part_end, none)) ||
              attach(r, longest_phrase(r_.units, r_.unit_prefixes, a_, part, part_end, none)))
            r.next = j + 2;
        }
        return;
      }
      first = fold(j);
      first_end = a_.tokens[j].end;
      next = j + 1;
    }
    const std::string_view stem = adjective_stem(first);
    const std::uint8_t role_first = role_of(first);
    const std::uint8_t role_stem = stem.size() < first.size() ? role_of(stem) : role_first;
    if (!((role_first | role_stem) & (role_currency | role_unit))) {
      if (r.piece.empty()) read_age(r);
      return;
    }
    // A phrase of a table can only begin with a token that has the table's role.
    phrase_match<number_currency> money, money_stem;
    phrase_match<number_unit> unit;
    if (role_first & role_currency) money = longest_phrase(r_.currencies, r_.currency_prefixes, a_, first, first_end, next);
    if (role_stem & role_currency) money_stem = longest_phrase(r_.currencies, r_.currency_prefixes, a_, stem, first_end, next);
    if (money_stem.value && money_stem.next <= next) money_stem = {};  // a stem alone is no currency
    if (role_first & role_unit) unit = longest_phrase(r_.units, r_.unit_prefixes, a_, first, first_end, next);
    const auto& best_money = money_stem.end > money.end ? money_stem : money;
    if (best_money.value && best_money.end >= unit.end) attach(r, best_money);
    else if (unit.value) attach(r, unit);
    else if (r.piece.empty()) read_age(r);
  }

  bool attach(reading& r, const phrase_match<number_currency>& m) const {
    if (!m.value) return false;
    r.currency = m.value->iso;
    r.divisor = m.value->divisor;
    r.next = m.next;
    r.end = m.end;
    return true;
  }
  bool attach(reading& r, const phrase_match<number_unit>& m) const {
    if (!m.value) return false;
    r.unit = m.value->code;
    r.percent = m.value->percent;
    r.next = m.next;
    r.end = m.end;
    return true;
  }

  // "im Alter von 6 Wochen", "mit einem Alter von 95 Jahren"
  void read_age(reading& r) const {
    if (r.first < 2 || !is_lit(fold(r.first - 1), "von") || !is_lit(fold(r.first - 2), "alter")) return;
    for (const auto& [word, unit] : age_units)
      if (fold(r.next) == word) {
        r.unit = unit;
        r.end = a_.tokens[r.next].end;
        ++r.next;
        return;
      }
  }

  // "zwei Euro fünfzig", "13 Euro und 45 Cent", "15 Dollar 50."
  void read_cents(reading& r) const {
    if (r.currency.empty() || r.divisor != 1 || !r.value.is_integer()) return;
    tok j = r.next;
    if (is_lit(fold(j), "und")) ++j;
    std::int64_t cents = -1;
    if (a_.is(j, tf_number) && surface(j).size() <= 2 && all_digits(surface(j))) {
      parse_int(surface(j), cents);
    } else if (a_.is(j, tf_word) && !is_article(fold(j))) {
      if (const auto v = parse_cardinal_word(fold(j))) cents = *v;
    }
    if (cents < 1 || cents > 99) return;
    const auto minor = longest_phrase(r_.currencies, r_.currency_prefixes, a_, fold(j + 1), j + 1 < a_.tokens.size() ? a_.tokens[j + 1].end : 0, j + 2);
    if (minor.value && minor.value->divisor == 100) {
      r.value = r.value + rational::of(cents, 100);
      r.next = minor.next;
      r.end = minor.end;
      return;
    }
    if (a_.is(j + 1, tf_word) || a_.is(j + 1, tf_number)) return;  // "5 Euro und 20 Menschen"
    r.value = r.value + rational::of(cents, 100);
    r.end = a_.tokens[j].end;
    r.next = j + 1;
  }

  // "25." before a word of the same sentence is an ordinal: "der 3. Platz"; "4." alone too.
  void read_ordinal_dot(reading& r) const {
    if (!r.digits || r.scaled || !r.value.is_integer() || r.next != r.first + 1) return;
    const std::string_view s = a_.surface(r.first);
    if (!all_digits(s) || s.size() > 4 || !is_lit(fold(r.next), ".") || !a_.glued(r.first)) return;
    const tok dot = r.next;
    const bool same_sentence = dot + 1 < a_.tokens.size() && a_.tokens[dot + 1].sentence == a_.tokens[dot].sentence &&
                               a_.is(dot + 1, tf_word);
    if (!same_sentence && !alone_in_sentence(r.first, dot + 1)) return;
    if (r.first > 0 && names_before(r.first - 1)) return;  // "das iPhone 11. Es", "Windows 10."
    r.ordinal = true;
    r.end = a_.tokens[dot].end;
    r.next = dot + 1;
  }

  // A name or noun right before "11." makes the number part of it ("iPhone 11.", "auf Platz 27.");
  // an ordinal follows a determiner or preposition ("der 3.", "am 3.", "seinem 30."), punctuation
  // ("(71. Minute)", "Damen: 1. Ryf") or starts the sentence.
  bool names_before(tok p) const {
    const token& t = a_.tokens[p];
    if (!(t.flags & tf_word) || (t.flags & tf_sentence_start)) return false;
    if (t.flags & tf_upper_initial) return true;
    for (char c : a_.surface(p))
      if (c >= 'A' && c <= 'Z') return true;  // "iPhone", "eBay"
    return false;
  }

  // True when tokens [from, to) are the whole sentence but its closing punctuation: "Eine." "4."
  bool alone_in_sentence(tok from, tok to) const {
    const sentence_range& s = a_.sentences[a_.tokens[from].sentence];
    if (s.first != from) return false;
    for (tok k = to; k < s.last && k < a_.tokens.size(); ++k)
      if (!(a_.tokens[k].flags & tf_punct) || is_lit(a_.fold(k), "-")) return false;
    return true;
  }

  // A currency written with letters before its count is a code: in capitals ("USD 15", "TRY 5") or glued to
  // what follows ("A$5", "usd$ 15", "nzd$15"). Else it is a word: "a $5 fee", "try 5 times".
  bool currency_code_form(tok i) const {
    const token& t = a_.tokens[i];
    if (!(t.flags & tf_word)) return true;  // "€", "$"
    const bool glued = i + 1 < a_.tokens.size() && !(a_.tokens[i + 1].flags & tf_space_before);
    return glued || ((t.flags & tf_all_upper) && t.end - t.begin >= 3);
  }

  // A count and what follows it, or a currency and then the count: "€ 5", "USD 15", "nzd$15".
  bool read_item(tok i, reading& r) const {
    const token& t = a_.tokens[i];
    const std::string_view f = a_.fold(t);
    // The article, the most common candidate: what read_count() makes of it, without the role lookups
    // that find nothing for it (as long as no table has an article).
    if ((t.flags & (tf_number | tf_punct | tf_word)) == tf_word && r_.article_roles == 0 && is_article(f)) {
      r.first = i;
      r.next = i + 1;
      r.begin = t.begin;
      r.end = t.end;
      r.word = true;
      r.value = rational::of(1);
      r.article = true;
      return read_after_article(r);
    }
    if (!(t.flags & tf_number) && !is_digit(f[0]) && (role_of(f) & role_currency_prefix) && currency_code_form(i)) {
      const auto pre = longest_phrase(r_.currencies, r_.currency_prefixes, a_, f, t.end, i + 1);
      if (pre.value && pre.value->prefix && pre.next < a_.tokens.size() &&
          (a_.tokens[pre.next].flags & (tf_number | tf_has_digit))) {
        if (!read_count(pre.next, r) || r.ordinal || !r.piece.empty()) return false;
        read_scales(r);
        r.currency = pre.value->iso;
        r.divisor = pre.value->divisor;
        r.first = i;
        r.begin = t.begin;
        return true;
      }
    }
    if (is_lit(f, ",")) return read_bare_decimal(i, r);
    if (t.flags & tf_punct && !(role_of(f) & role_fraction_alone)) return false;
    if (!read_count(i, r)) return false;
    return read_after_article(r);
  }

  // The rest of read_item(): most articles are just articles.
  bool read_after_article(reading& r) const {
    // "eine hundert Meter breite Zone": before "hundert" or "tausend" the article belongs to the noun.
    const std::uint8_t next_role = r.article ? role_at(r.next) : 0;
    if (r.article && (next_role & role_scale)) {
      const number_scale* sc = r_.scales.find(fold(r.next));
      if (sc && (sc->value == 100 || sc->value == 1000)) return false;
    }
    // Most articles are just articles: look at the next token once before reading further.
    if (r.article && !(next_role & (role_fraction | role_scale | role_currency | role_unit)) &&
        !is_lit(fold(r.next), "bis") && !alone_in_sentence(r.first, r.next) &&
        !(role_of(adjective_stem(fold(r.next))) & role_currency))
      return false;
    return read_rest(r);
  }

  // ",77", ",0012G": a decimal without its zero, maybe with a scale letter.
  bool read_bare_decimal(tok i, reading& r) const {
    const bool after_sign = i > 0 && (is_lit(fold(i - 1), "-") || is_lit(fold(i - 1), "\xE2\x88\x92"));
    if ((i > 0 && a_.glued(i - 1) && !after_sign) || !a_.glued(i) || i + 1 >= a_.tokens.size()) return false;
    const std::string_view d = a_.surface(i + 1);
    std::size_t k = 0;
    std::int64_t num = 0, den = 1;
    for (; k < d.size() && k < 15 && is_digit(d[k]); ++k) { num = num * 10 + (d[k] - '0'); den *= 10; }
    const std::string_view letter = d.substr(k);
    const std::int64_t scale = letter.empty() ? 1 : is_lit(letter, "k") || is_lit(letter, "K") ? 1000 : is_lit(letter, "M") ? 1000000
                               : is_lit(letter, "G") ? 1000000000 : 0;
    if (k == 0 || scale == 0) return false;
    r.value = rational::of(num, den) * rational::of(scale);
    r.scaled = scale > 1;
    r.digits = true;
    r.first = i;
    r.next = i + 2;
    r.begin = a_.tokens[i].begin;
    r.end = a_.tokens[i + 1].end;
    return read_rest(r);
  }

  bool read_count(tok i, reading& r) const {
    if (i >= a_.tokens.size()) return false;
    const token& t = a_.tokens[i];
    if (t.flags & tf_number) return read_digits(i, r);
    const std::string_view f = a_.fold(t);
    if (f.empty()) return false;
    if ((t.flags & tf_word) && is_digit(f[0])) return read_digit_word(i, r);
    return read_word(i, r);
  }

  // False when letters glued to the count are no unit: "90er", "Drei-Tage-Woche".
  bool read_rest(reading& r) const {
    if (r.ordinal) return true;
    if (r.several) {  // "Milliarden Euro", "Dutzende Millionen Muslime": several of them, maybe scaled
      if (const number_scale* sc = scale_of(fold(r.next)); sc && sc->scale && sc->value > 100) {
        r.value = r.value * rational::of(sc->value);
        r.scaled = true;
        r.end = a_.tokens[r.next].end;
        ++r.next;
      }
      read_unit(r);
      return true;
    }
    if (r.piece.empty()) {
      read_spoken_decimal(r);
      read_ordinal_dot(r);
      if (r.ordinal) return true;
      read_fraction_after(r);
      read_scales(r);
      if (r.ordinal) return true;
    }
    read_unit(r);
    if (!r.piece.empty() && r.unit.empty() && r.currency.empty()) return false;
    read_cents(r);
    return true;
  }

  // ---- ranges, mods, signs ------------------------------------------------------------------------

  // "10 bis 20", "10-20 Prozent", "zwischen 4.050 m² und 10.800 m²", "100 bis 300 Milliarden"
  void read_range(reading& x) const {
    if (x.ordinal || x.several) return;
    const tok j = x.next;
    const std::string_view c = fold(j);
    const bool dash = j < a_.tokens.size() && (a_.tokens[j].flags & tf_dash);
    const bool between = is_lit(c, "und") && x.first > 0 && is_lit(fold(x.first - 1), "zwischen");
    if (!is_lit(c, "bis") && !dash && !between) return;
    if (dash && !x.digits) return;
    if (owned(j + 1) || !may_start(j + 1)) return;
    reading y;
    if (!read_item(j + 1, y) || y.ordinal || y.several || (dash && !y.digits)) return;
    if (x.leading_zero || y.leading_zero) return;  // "E 95 01–06": numbers of a series
    if (y.article && !y.quantity_reading()) return;
    // The second end lends its scale and unit to the first: "zwei bis drei Millionen Euro".
    if (!x.scaled && y.scaled && x.value * y.scale < y.value) x.value = x.value * y.scale;
    if (x.unit.empty() && x.currency.empty()) {
      x.unit = y.unit;
      x.currency = y.currency;
      x.divisor = y.divisor;
      x.percent = y.percent;
    } else if (x.unit != y.unit || x.currency != y.currency) {
      if (!y.unit.empty() || !y.currency.empty()) return;
    }
    if (!(x.value < y.value)) return;
    x.range = true;
    x.low = x.value;
    x.high = y.value;
    x.scaled = x.scaled || y.scaled;
    x.fraction = x.fraction && y.fraction;
    x.year_like = x.year_like || y.year_like;
    x.next = y.next;
    x.end = y.end;
  }

  // "stieg von 3 auf 5 Prozent", "von 500 Milliarden auf 390 Milliarden Euro": the first number of a
  // change takes the unit or currency of the second.
  void borrow_unit(reading& x) const {
    if (x.range || x.ordinal || x.several || !x.unit.empty() || !x.currency.empty() || x.percent) return;
    if (x.first == 0 || !is_lit(fold(x.first - 1), "von") || !is_lit(fold(x.next), "auf") || owned(x.next + 1) || !may_start(x.next + 1))
      return;
    reading y;
    if (!read_item(x.next + 1, y) || y.ordinal || y.range || (y.unit.empty() && y.currency.empty())) return;
    if (y.scaled && !x.scaled) return;  // "von 500 auf 390 Milliarden Euro" is unclear
    x.unit = y.unit;
    x.currency = y.currency;
    x.divisor = y.divisor;
    x.percent = y.percent;
    x.year_like = false;
  }

  // "mehr als 16.000", "rund zwei Drittel", "-5 Grad", "minus 1.200.000"
  void read_mod_and_sign(reading& r) const {
    tok first = r.first;
    if (first > 0 && !r.ordinal) {
      const std::string_view p = fold(first - 1);
      const bool dash = is_lit(p, "-") || is_lit(p, "\xE2\x88\x92");
      if (dash && a_.glued(first - 1) && r.digits &&
          (first == 1 || !a_.glued(first - 2) || !(a_.tokens[first - 2].flags & (tf_number | tf_word)))) {
        negate(r);
        --first;
      } else if (is_lit(p, "minus") || is_lit(p, "negativ")) {
        negate(r);
        --first;
      }
    }
    if (first > 0 && is_lit(fold(first - 1), "+") && a_.glued(first - 1) && r.digits &&
        (first == 1 || !a_.glued(first - 2))) {
      --first;  // "+0,20 Prozent"
    }
    r.begin = a_.tokens[first].begin < r.begin ? a_.tokens[first].begin : r.begin;
    r.first = first;
    if (r.ordinal) return;  // "um die erste Antwort" has no mod
    // "knapp die Hälfte": the mod stands before the article.
    if (r.fraction && r.word && first > 0 && (is_lit(fold(first - 1), "die") || is_lit(fold(first - 1), "der"))) --first;
    const bool may_have_mod = first > 0 && r_.may_end_mod(fold(first - 1));  // most numbers: one bit test
    for (std::size_t len = 3; len >= 1 && may_have_mod; --len) {
      if (first < len) continue;
      phrase_key key;
      bool ok = true;
      for (std::size_t k = len; k >= 1 && ok; --k) ok = key.push(fold(static_cast<tok>(first - k)));
      if (!ok) continue;
      if (const std::string* m = r_.mods.find(key.view())) {
        r.mod = *m;
        return;
      }
    }
    if (r.several) r.mod = "SEVERAL";  // "Tausende", "Millionen Menschen"
  }

  static void negate(reading& r) {
    r.value = rational::normalised(-r.value.num, r.value.den);
    const rational low = r.low;
    r.low = rational::normalised(-r.high.num, r.high.den);
    r.high = rational::normalised(-low.num, low.den);
    r.year_like = false;
  }

  // The "not a number" list.
  bool keep(const reading& r) const {
    if (!r.value.fits()) return false;
    // The article: "einer der", "eine Frage" are not numbers; "ein Drittel", "eine Million", "einen Euro",
    // "ein bis zwei" and an elliptic "Eine." are.
    if (r.article && !r.quantity_reading() && !r.range && !alone_in_sentence(r.first, r.next)) return false;
    // Years belong to the temporal stage: "2019", "von 1990 bis 2000"; not "2000 Euro", "rund 2000".
    if (r.year_like && r.unit.empty() && r.currency.empty() && !r.scaled && r.mod.empty() && !counts_a_noun(r))
      return false;
    // A capitalised small number word after a lower-case word is a noun: "die deutsche Elf", "eine Eins".
    if (r.word && !r.ordinal && !r.several && !r.quantity_reading() && !r.range && r.value.is_integer() &&
        r.value.num < 100 && (a_.tokens[r.first].flags & tf_upper_initial) && r.first > 0 &&
        !(a_.tokens[r.first].flags & tf_sentence_start) && (a_.tokens[r.first - 1].flags & tf_word) &&
        !(a_.tokens[r.first - 1].flags & tf_upper_initial))
      return false;
    // A capitalised number word right after a name is a part of it: "Claudia Tausend".
    if (r.word && !r.ordinal && !r.several && !r.quantity_reading() && !r.range &&
        (a_.tokens[r.first].flags & tf_upper_initial) &&
        !(a_.tokens[r.first].flags & tf_sentence_start) && r.first > 0 &&
        (a_.tokens[r.first - 1].flags & tf_upper_initial) && (a_.tokens[r.first - 1].flags & tf_word) &&
        !(a_.tokens[r.first - 1].flags & tf_sentence_start))
      return false;
    // "01" in "1995-01" or "2/01": a part of a date or code.
    if (r.leading_zero && ((r.first > 0 && a_.glued(r.first - 1)) || a_.glued(r.next - 1))) return false;
    // "zwei- bis dreistellige", "Ein- und Ausfuhr": the first part of an elided compound.
    if (r.word && r.next == r.first + 1 && (a_.tokens[r.next < a_.tokens.size() ? r.next : r.first].flags & tf_dash) &&
        a_.glued(r.first) && !a_.glued(r.next))
      return false;
    // "14191 Berlin": five plain digits before a capitalised word are a postcode (counts are grouped: "14.191").
    if (postcode(r)) return false;
    if (r.digits && !(a_.tokens[r.first].flags & tf_space_before) && r.first > 0 && in_link(r)) return false;
    return true;
  }

  bool postcode(const reading& r) const {
    if (!r.digits || r.next != r.first + 1 || !r.unit.empty() || !r.currency.empty() || r.range) return false;
    const std::string_view s = a_.surface(r.first);
    const tok n = r.next;
    return s.size() == 5 && all_digits(s) && n < a_.tokens.size() && (a_.tokens[n].flags & tf_word) &&
           (a_.tokens[n].flags & tf_upper_initial) && !(a_.tokens[n].flags & tf_sentence_start);
  }

  // "1549 Asylwerber", "2000 Stellen": a four-digit number before a noun counts it when it is not a
  // likely year of news (1900-2030 and not a round hundred: "will 2017 Revanche") and no word before it
  // makes it a year ("seit 2000 Präsident", "im Januar 2016").
  bool counts_a_noun(const reading& r) const {
    if (r.range || r.first == 0 || r_.year_words.contains(fold(r.first - 1))) return false;
    // "zwischen 1722 und 1787 Zigtausende": after a year and "und", "oder" or a dash, a year again.
    if (r.first >= 2 && (is_lit(fold(r.first - 1), "und") || is_lit(fold(r.first - 1), "oder") || (a_.tokens[r.first - 1].flags & tf_dash)) &&
        (owned(r.first - 2) || (a_.surface(r.first - 2).size() == 4 && all_digits(a_.surface(r.first - 2)))))
      return false;
    const __int128 v = r.value.num;
    if (v >= 1900 && v <= 2030 && v % 100 != 0) return false;
    const tok n = r.next;
    return n < a_.tokens.size() && (a_.tokens[n].flags & tf_word) && (a_.tokens[n].flags & tf_upper_initial) &&
           !(a_.tokens[n].flags & tf_sentence_start) && !r_.year_words.contains(fold(n));
  }

  // Built in place in the document's list (no number to move and destroy); the list starts with room
  // for 16, as most articles with one number have several: with 8, the articles with more moved every
  // number (nine strings each) once or twice as the list grew (5,176 moves in 1,500 news documents).
  void emit(const reading& r) {
    std::vector<number>& out = a_.doc->numbers;
    a_.before_append(out, "numbers");
    if (out.capacity() == 0) out.reserve(16);
    number& n = out.emplace_back();
    static_cast<span&>(n) = byte_span(r.begin, r.end);
    if (!r.mod.empty()) n.mod.assign(r.mod.data(), r.mod.size());  // most are empty: nothing to copy
    if (!r.unit.empty()) n.unit.assign(r.unit.data(), r.unit.size());
    if (!r.currency.empty()) n.currency.assign(r.currency.data(), r.currency.size());
    const rational minor = rational::of(1, r.divisor);
    std::string_view kind = "cardinal";
    if (r.ordinal) kind = "ordinal";
    else if (!r.currency.empty()) kind = "money";
    else if (r.percent) kind = "percent";
    else if (!r.unit.empty()) kind = "quantity";
    else if (r.fraction && !r.scaled) kind = "fraction";
    n.kind.assign(kind.data(), kind.size());
    if (r.range) {
      n.low = to_decimal(r.low * minor);
      n.high = to_decimal(r.high * minor);
    } else {
      n.value = to_decimal(r.value * minor, &n.fraction);
    }
  }

  const number_rules& r_;
  analysis& a_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> owned_;  // DATE/TIME byte ranges, sorted
  std::size_t owned_next_ = 0;  // owned_ahead(): the first span that begins after the last token asked
  mutable std::size_t run_begin_ = 0, run_end_ = 0;  // the last run in_link() scanned
  mutable bool run_is_link_ = false;
};

// The word-tail filter: a bit for every ending that can make may_start() accept a word, so that the
// filter only ever lets through more words than the exact tests, never fewer. A key is the last five
// bytes of a word, or a whole word of three or four bytes (word_tail_key()).
//  - has_number_word_ending(): number_word_endings, each as its kind allows;
//  - has_ordinal_ending(): stem + inflection (-e, -es, -en, -em, -er), the stem ending in "erst",
//    "dritt", "siebt", "zwot", "acht", "hundert", an ending + "t" or an ending (or "million",
//    "milliard", "billion") + "st": five bytes or more, so the key is fixed;
//  - the starters of the roles index (fractions alone, plural counts, prefix currencies), whole words.
void build_word_tails(number_rules& r) {
  auto add_exact = [&](std::string_view w) {
    if (w.size() >= 3) r.add_word_tail(w);
  };
  // Any word that ends with `e`: the key of `e` itself, and when `e` is shorter than a key, every byte
  // that may stand before it (three bytes: "zig", let through by may_be_number_word() itself).
  auto add_ends = [&](std::string_view e) {
    add_exact(e);
    if (e.size() == 4)
      for (int b = 0; b < 256; ++b) {
        const char k[5] = {static_cast<char>(b), e[0], e[1], e[2], e[3]};
        r.add_word_tail(std::string_view(k, 5));
      }
  };
  for (const auto& [e, kind] : number_word_endings) {
    if (kind == ending_kind::exact) add_exact(e);
    if (kind == ending_kind::ends) add_ends(e);
    if (kind == ending_kind::unit) {
      add_exact(e);
      for (std::string_view pre : {"hundert", "tausend", "und"}) add_ends(std::string(pre) + std::string(e));
    }
  }
  std::vector<std::string> stems{"erst", "dritt", "siebt", "zwot", "acht", "hundert"};
  for (const auto& [e, kind] : number_word_endings) {
    stems.push_back(std::string(e) + 't');
    stems.push_back(std::string(e) + "st");
  }
  for (std::string_view e : {"million", "milliard", "billion"}) stems.push_back(std::string(e) + "st");
  for (const std::string& stem : stems)
    for (std::string_view infl : {"e", "es", "en", "em", "er"}) add_ends(stem + std::string(infl));
  constexpr std::uint8_t starts = role_fraction_alone | role_several | role_currency_prefix;
  r.roles.for_each([&](std::string_view k, std::uint8_t bits) {
    if (bits & starts) add_exact(k);
  });
}

}  // namespace

result<std::shared_ptr<const number_rules>> load_number_rules(const data_source& data, std::string_view lang) {
  auto rules = std::make_shared<number_rules>();
  rules->english = lang == "en";
  // The German tables serve both languages for now: symbols and codes ("%", "€", "USD") are shared;
  // English words are not yet covered.
  if (auto e = load_number_tables(data, *rules)) return *e;
  build_word_tails(*rules);
  for (std::string_view w : {"ein", "eine", "einen", "einem", "einer", "eines"})
    rules->article_roles = static_cast<std::uint8_t>(rules->article_roles | rules->role_of(w));
  return std::shared_ptr<const number_rules>(std::move(rules));
}

void recognise_numbers(const number_rules& rules, analysis& a) {
  if (!a.doc) return;
  reader(rules, a).run();
}

}  // namespace newsnorm::detail
