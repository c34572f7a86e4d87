// The German temporal grammar: hand-written matchers over the classified token stream.
// Each matcher starts at one token and returns the longest expression it can read there, or nothing.
// Matching is linear: a matcher looks at a bounded number of tokens ahead (at most about ten).
#include "time/time_grammar.hpp"

#include "numbers/number_words.hpp"

#include <array>
#include <cmath>
#include <cstring>
#include <optional>

namespace newsnorm::detail {

namespace {

// Equality for short words without a call into memcmp: the grammar compares many words of 2-10 bytes.
inline bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] != b[k]) return false;
  return true;
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Saturates at 999,999,999: a longer run of digits is no date part ("55555555555555555555er Jahre"
// overflowed int; found by tests/fuzz/fuzz_jsonl).
int digits_value(std::string_view s) {
  int v = 0;
  for (char c : s) v = v < 100000000 ? v * 10 + (c - '0') : 999999999;
  return v;
}

// "14.01.2021" -> {14, 1, 2021}; "25.4.19" -> {25, 4, 2019}; "14.01" -> {14, 1, -1}
struct dotted { int a = -1, b = -1, c = -1; std::size_t parts = 0; std::size_t len_c = 0; };
dotted split_dotted(std::string_view s, char sep) {
  dotted d;
  int* out[3] = {&d.a, &d.b, &d.c};
  std::size_t start = 0;
  for (std::size_t k = 0; k <= s.size(); ++k) {
    if (k == s.size() || s[k] == sep) {
      const std::string_view part = s.substr(start, k - start);
      if (!is_digits(part) || part.size() > 4 || d.parts == 3) return dotted{};
      *out[d.parts] = digits_value(part);
      if (d.parts == 2) d.len_c = part.size();
      ++d.parts;
      start = k + 1;
    }
  }
  return d;
}

bool valid_day(int m, int d) {
  static constexpr int last[] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m >= 1 && m <= 12 && d >= 1 && d <= last[m];
}

// Exact amount for a duration, as text for the TIMEX3 value: "3", "1.5", "X".
struct amount { std::string text; double value = 0; };

std::string render_amount(const exact_value& v) {
  if (v.den == 1) return std::to_string(v.num);
  const double d = static_cast<double>(v.num) / static_cast<double>(v.den);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

class grammar {
 public:
  grammar(const time_tables& t, const analysis& a, const token_words& w)
      : t_(t), a_(a), w_(w), n_(a.tokens.size()), wp_(w.data()), tb_(w.traits()), tk_(a.tokens.data()),
        folded_(a.folded.data()), text_(a.text.data()) {
    // Capitals tell nouns ("Morgen") from adverbs ("morgen") in edited text; an all-lower-case text
    // (a query, a chat line) says nothing, so case is not required there.
    for (const token& tk : a.tokens)
      if ((tk.flags & tf_word) && (tk.flags & tf_upper_initial)) { caps_ = true; break; }
  }

  std::vector<time_expr> run() {
    std::vector<time_expr> out;
    out.reserve(32);  // most articles hold a few dozen: without it the list moves its strings at each doubling
    std::size_t i = 0;
    while (i < n_) {
      if (!can_begin(i)) { ++i; continue; }
      std::optional<time_expr> best = match_at(i);
      if (!best) {
        if (split_years(i, out)) { ++i; continue; }
        ++i;
        continue;
      }
      // "zwei und eine halbe Stunde", "zwei ein halb Stunden": the count before a half is read from the count (the
      // count's word begins nothing of its own; looked at only here, after a duration was found)
      if (best->kind == expr_kind::duration && i >= 1 && has(i - 1 - (is(i - 1, "und") ? 1 : 0), tf_word) &&
          (is(i - 1, "und") || is(i, "ein") || is(i, "eine"))) {
        const std::size_t from = is(i - 1, "und") ? i - 2 : i - 1;
        if (auto longer = duration(from); longer && longer->first == from && longer->last >= best->last &&
                                          (out.empty() || out.back().last <= from))
          best = std::move(longer);
      }
      i = best->last;
      // "Winter 1939/40": the expression took the first year of the token; the second is one of its own
      const std::size_t tail = best->last - 1;
      const bool second_year = best->byte_end && best->last > best->first && best->byte_end < tk_[tail].end && two_years(tail);
      out.push_back(std::move(*best));
      if (second_year) {
        time_expr e = make(tail, tail + 1, expr_kind::date, anchoring::absolute);
        e.year = two_years(tail) + 1;
        e.byte_begin = tk_[tail].begin + 5;
        e.byte_end = tk_[tail].end;
        out.push_back(std::move(e));
      }
    }
    return out;
  }

 private:
  const time_tables& t_;
  const analysis& a_;
  const token_words& w_;
  const std::size_t n_;
  // the same arrays through raw pointers: the accessors below run for nearly every token, and through the
  // vectors each access reloads their data pointers
  const time_word* const* const wp_;
  const std::uint8_t* const tb_;  // token_trait bytes, from index -1 to n_ + 2
  const token* const tk_;
  const char* const folded_;
  const char* const text_;
  bool caps_ = false;

  // "1939/1940", "1912/13", "1870/71": one token, two years (and a range)
  // the first of the two years of such a token, or 0
  int two_years(std::size_t i) const {
    if (!has(i, tf_number)) return 0;
    const std::string_view x = s(i);
    const std::size_t slash = x.find('/');
    if (slash != 4 || (x.size() != 7 && x.size() != 9)) return 0;
    const std::string_view a = x.substr(0, 4), b = x.substr(5);
    if (!is_digits(a) || !is_digits(b)) return 0;
    const int y1 = digits_value(a);
    int y2 = digits_value(b);
    if (b.size() == 2) y2 += (y1 / 100) * 100;
    return y1 >= 1000 && y1 <= 2100 && y2 == y1 + 1 ? y1 : 0;
  }
  bool split_years(std::size_t i, std::vector<time_expr>& out) const {
    const int y1 = two_years(i);
    if (!y1) return false;
    const int y2 = y1 + 1;
    const std::uint32_t begin = a_.tokens[i].begin;
    time_expr first = make(i, i + 1, expr_kind::date, anchoring::absolute);
    first.year = y1;
    first.byte_begin = begin;
    first.byte_end = begin + 4;
    time_expr second = first;
    second.year = y2;
    second.byte_begin = begin + 5;
    second.byte_end = a_.tokens[i].end;
    out.push_back(first);
    out.push_back(second);
    return true;
  }

  // ---- token access, every index checked ----
  const time_word* w(std::size_t i) const { return i < n_ ? wp_[i] : nullptr; }
  word_class cls(std::size_t i) const { return w(i) ? w(i)->cls : word_class::none; }
  std::string_view f(std::size_t i) const {
    return i < n_ ? std::string_view(folded_ + tk_[i].fold_begin, tk_[i].fold_len) : std::string_view{};
  }
  std::string_view s(std::size_t i) const {
    return i < n_ ? std::string_view(text_ + tk_[i].begin, tk_[i].end - tk_[i].begin) : std::string_view{};
  }
  // token i is the one ASCII character c: "s(i) == \".\"" without building and comparing a string_view
  bool one(std::size_t i, char c) const {
    return i < n_ && tk_[i].end - tk_[i].begin == 1 && text_[tk_[i].begin] == c;
  }
  bool has(std::size_t i, std::uint32_t flag) const { return i < n_ && (tk_[i].flags & flag); }
  bool same_sentence(std::size_t i, std::size_t j) const {
    return i < n_ && j < n_ && tk_[i].sentence == tk_[j].sentence;
  }
  // Token j continues the expression that token i is in.
  bool next_ok(std::size_t i, std::size_t j) const { return j < n_ && same_sentence(i, j); }
  // inlined: the callers pass literals, so the length test and the loop fold to a few compares ("und", "um")
  __attribute__((always_inline)) bool is(std::size_t i, std::string_view folded) const {
    if (i >= n_ || tk_[i].fold_len != folded.size()) return false;
    const char* const x = folded_ + tk_[i].fold_begin;
    for (std::size_t k = 0; k < folded.size(); ++k)
      if (x[k] != folded[k]) return false;
    return true;
  }
  template <std::size_t N>
  bool is_any(std::size_t i, const std::array<std::string_view, N>& words) const {
    const std::string_view x = f(i);
    for (auto v : words)
      if (same_word(x, v)) return true;
    return false;
  }
  // A '.' glued to token i-1: "25." "Apr."
  bool dot_after(std::size_t i) const { return i + 1 < n_ && a_.glued(i) && one(i + 1, '.'); }
  std::optional<int> plain_digits(std::size_t i, std::size_t min_len, std::size_t max_len) const {
    if (i >= n_ || !has(i, tf_number)) return std::nullopt;
    const std::string_view x = s(i);
    if (x.size() < min_len || x.size() > max_len || !is_digits(x)) return std::nullopt;
    return digits_value(x);
  }
  bool upper(std::size_t i) const { return caps_ ? has(i, tf_upper_initial) : has(i, tf_word); }
  bool real_upper(std::size_t i) const { return has(i, tf_upper_initial); }
  bool lower_word(std::size_t i) const { return has(i, tf_word) && !has(i, tf_upper_initial); }

  // A word of the time tables (not a mere tense marker): "Mai", "Woche", "später", "kurzem".
  bool timeish(std::size_t i) const { return trait(i, tt_timeish); }
  // a token_trait bit of token i (classify_tokens)
  bool trait(std::size_t i, std::uint8_t bit) const { return i < n_ && (tb_[i] & bit); }

  // "...ig", "...ige", "...igen", "...iger", "...igem", "...iges"
  static bool ends_like_adjective(std::string_view x) {
    const std::size_t n = x.size();
    if (x[n - 2] == 'i' && x[n - 1] == 'g') return true;
    if (x[n - 3] == 'i' && x[n - 2] == 'g' && x[n - 1] == 'e') return true;
    return x[n - 4] == 'i' && x[n - 3] == 'g' && x[n - 2] == 'e' && (x[n - 1] == 'n' || x[n - 1] == 'r' || x[n - 1] == 'm' || x[n - 1] == 's');
  }

  // A word a number or an ordinal can stand before: "Tage", "Januar", "Dienstag", "paar", "Advent".
  bool countable(std::size_t i) const { return trait(i, tt_countable); }

  // Only tokens whose class can begin an expression start the matchers: time words, numbers, and
  // words right before a time word ("drei Tage", "ersten Januar", "ein paar Tage").
  bool can_begin(std::size_t i) const {
    // token i's byte and its neighbours' (the array is padded: tb_[-1] and tb_[n_ .. n_ + 2] are zero)
    const std::uint8_t b = tb_[i];
    if (b & tt_timeish) return true;
    if (b & tt_function) {  // "am Tag darauf", "vor kurzem", "pro Tag"
      const starts st = static_cast<starts>(wp_[i]->value);
      return st != starts::none && (((tb_[i + 1] | tb_[i + 2] | tb_[i + 3]) & tt_timeish) ||
                                    (st == starts::daypart && decade_word(f(i + 1))));  // "späten Siebzigerjahren"
    }
    if (b & tt_number) return true;
    return word_can_begin(i);
  }

  // A word outside the time tables begins an expression only beside a time word, or by its own form.
  __attribute__((always_inline)) bool word_can_begin(std::size_t i) const {
    const std::uint8_t b = tb_[i];
    if (!(b & tt_word)) return false;
    if (tk_[i].flags & tf_has_digit) return true;  // "90er", "15te", "16h"
    // "drei Tage", "ersten Januar", "ein paar Tage", "einen ganzen Monat", "zweimal im Jahr"
    const std::string_view x(folded_ + tk_[i].fold_begin, tk_[i].fold_len);
    // most words have no time word beside them that the rules below ask for: then only the word itself can tell
    const std::uint8_t prev = tb_[static_cast<std::ptrdiff_t>(i) - 1], next = tb_[i + 1], after = tb_[i + 2];
    if (((next | after) & tt_countable) | (prev & (tt_um | tt_von | tt_bis))) {
      if (next & tt_countable) return true;
      if ((after & tt_countable) && (next & tt_word) && (!(next & tt_function) || x.ends_with("mal"))) return true;
      if (prev & tt_um) return true;                                                  // "um sieben"
      if ((prev & tt_von) && (next & tt_bis)) return true;                            // "von fünf bis"
      if (i > 2 && (prev & tt_bis) && (tb_[i - 3] & tt_von)) return true;             // "bis sieben"
    }
    if (x.size() < 4) return x.size() == 2 && one(i + 1, ',') ;  // "Fr, 18. Juli"
    if ((same_word(x, "mehr") || same_word(x, "weniger")) && is(i + 1, "als")) return true;  // "mehr als drei Tage"
    if (same_word(x, "bis") && is(i + 1, "zu")) return true;
    if (x.size() == 2 && one(i + 1, ',')) return true;  // "Fr, 18. Juli"
    if (decade_word(x)) return true;
    // "zweiwöchigen", "dreijährige": a duration adjective
    if (x.size() > 7 && ends_like_adjective(x) &&
        (x.find("jähr") != std::string_view::npos || x.find("monat") != std::string_view::npos ||
         x.find("wöch") != std::string_view::npos || x.find("täg") != std::string_view::npos ||
         x.find("stünd") != std::string_view::npos))
      return true;
    return false;
  }

  // "Neunzigerjahre", "in den Achtzigern": a decade in one word (decade_century() reads it)
  static bool decade_word(std::string_view x) {
    return x.size() >= 10 && (x.ends_with("jahre") || x.ends_with("jahren") || x.ends_with("zigern")) &&
           x.find("ziger") != std::string_view::npos;
  }

  // ---- the matchers, longest wins; only those that can start with this token's class are tried ----
  std::optional<time_expr> match_at(std::size_t i) {
    std::optional<time_expr> best;
    auto take = [&](std::optional<time_expr> e) {
      if (e && e->last > e->first && (!best || e->last > best->last)) best = std::move(e);
    };
    if (has(i, tf_number)) {  // "25. April", "14.01.2021", "2019", "14 Uhr", "drei Tage", "3. Quartal", "1. Advent"
      // Most numbers in news are counts ("30 Menschen"): each matcher runs only when what follows fits it.
      const std::string_view x = s(i);
      const bool separated = x.find_first_of(".:/,") != std::string_view::npos;
      const bool dot = dot_after(i);
      const bool dash = a_.glued(i) && (one(i + 1, '-') || s(i + 1) == "–");
      const bool linked = is(i + 1, "bis") || is(i + 1, "und") || one(i + 1, '-') || s(i + 1) == "–";
      const bool after_um = i > 0 && w(i - 1) && (is(i - 1, "um") || is(i - 1, "gegen") || is(i - 1, "ab") || is(i - 1, "von") || is(i - 1, "bis"));
      if (separated || dash) take(numeric_date(i));
      if (dash) take(adjectival_duration(i));  // "28-jährige"
      if (!separated && (dot || cls(i + 1) == word_class::month || linked)) take(day_month(i));
      if (!separated) take(year(i));
      if (separated || after_um || linked || cls(i + 1) == word_class::uhr || is(i + 1, "h") || w(i + 1)) take(clock(i));
      if (countable(i + 1) || countable(i + 2) || countable(i + 3) || (is(i + 1, "und") && countable(i + 4))) take(duration(i));
      if (separated && cls(i + 1) == word_class::unit) take(clock_duration(i));  // "in 1:41 Stunden"
      if (dot && !separated) {
        take(quarter_half(i));
        take(decade_century(i));
        take(nth_weekday(i));
        take(holiday_expr(i));
      }
      return best;
    }
    const time_word* tw = w(i);
    const word_class c = tw ? tw->cls : word_class::none;
    if (tw && tw->holiday >= 0) take(holiday_expr(i));
    if (tw && tw->starts_holiday) take(holiday_expr(i));
    // "große" (Große Fastenzeit), "peter" (Peter und Paul): a word known only as the first of a holiday's name begins
    // nothing else, unless it would as a word outside the tables ("große" is frequent, and every matcher below is
    // tried) or is an ordinal ("ersten Weihnachtsfeiertag", and "in der ersten Hälfte des Monats")
    if (tw && tw->starts_holiday && c == word_class::none && tw->holiday < 0 && tw->marks == tense::none &&
        !word_can_begin(i) && !ordinal_at(i))
      return best;
    if (tw && c == word_class::none && tw->marks != tense::none && !tw->starts_holiday && tw->holiday < 0)
      return best;  // a verb form that marks tense: "war", "hat"
    switch (c) {
      case word_class::month: take(month_year(i)); return best;
      case word_class::weekday: take(weekday(i)); return best;
      case word_class::weekday_set:
        if (i > 0 && is(i - 1, "des") && upper(i) && same_sentence(i - 1, i)) {  // "im Laufe des Donnerstags": a day
          time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
          e.weekday = tw->value;
          take(std::move(e));
          return best;
        }
        take(set(i));
        return best;
      case word_class::set_adverb:
      case word_class::each: take(set(i)); return best;
      case word_class::season: take(season(i)); return best;
      case word_class::daypart: take(daypart_expr(i)); return best;
      case word_class::deictic: take(deictic(i)); take(daypart_expr(i)); return best;
      case word_class::unit:
        take(year(i)); take(weekend(i)); take(set(i)); take(plural_unit(i));
        if (cls(i + 1) == word_class::later) take(day_after(i));  // "im Jahr zuvor"
        return best;
      case word_class::rel: take(vague(i)); take(relative(i)); take(nth_weekday(i)); return best;
      case word_class::fuzzy:
      case word_class::fuzzy_unit: take(fuzzy(i)); return best;
      case word_class::vague: take(vague(i)); return best;
      case word_class::approx: take(approx_prefix(i)); take(fuzzy(i)); return best;
      case word_class::later: take(daypart_expr(i)); return best;
      case word_class::clock:
        take(clock(i));
        if (cls(i + 1) == word_class::unit) take(duration(i));  // "dreiviertel Stunde"
        return best;
      case word_class::few:
      case word_class::duration_word:
      case word_class::cue: take(duration(i)); return best;
      case word_class::rel_unit: take(rel_unit_word(i)); return best;
      case word_class::function:
        switch (static_cast<starts>(tw->value)) {
          case starts::day_after:  // "am Tag darauf", "tags darauf"
            if (i + 1 < n_) take(day_after(i + 1));
            take(day_after(i));
            break;
          case starts::vague: take(vague(i)); break;
          case starts::fuzzy: take(fuzzy(i)); break;
          case starts::set: take(set(i)); break;
          case starts::approx:
            take(approx_prefix(i));
            take(duration(i));
            if (is(i, "so")) take(vague(i));  // "so bald wie möglich"
            break;
          case starts::course: take(course_of(i)); break;
          case starts::daypart: take(daypart_expr(i)); break;
          case starts::count:
            if (within_span(i)) take(duration(i));
            break;
          default: break;
        }
        return best;
      default: break;
    }
    // an unlisted word before a time word: number and ordinal words, prepositions, "zweimal", "90er"
    take(duration(i));
    take(day_month(i));
    take(quarter_half(i));
    take(decade_century(i));
    take(nth_weekday(i));
    take(holiday_expr(i));
    take(set(i));
    take(vague(i));
    take(approx_prefix(i));
    take(fuzzy(i));
    take(weekday_abbreviation(i));
    take(clock(i));
    take(adjectival_duration(i));
    take(daypart_expr(i));
    take(course_of(i));
    if (i + 1 < n_ && (is(i, "am") || is(i, "tags"))) take(day_after(i + 1));
    return best;
  }

  time_expr make(std::size_t first, std::size_t last, expr_kind k, anchoring an) const {
    time_expr e;
    e.first = static_cast<std::uint32_t>(first);
    e.last = static_cast<std::uint32_t>(last);
    e.kind = k;
    e.anchor = an;
    return e;
  }

  // A year after a month or season: "April 2019", "Sommer 1945", "479 v. Chr.". Returns the end.
  std::size_t year_after(std::size_t i, time_expr& e) const {
    if (!next_ok(e.first, i)) return i;
    std::size_t j = i;
    if (is(j, "des") && is(j + 1, "jahres")) j += 2;  // "im Herbst des Jahres 1940"
    else if (is(j, "jahres") || is(j, "jahr")) j += 1;
    if (auto y = plain_digits(j, 1, 4)) {
      std::size_t end = j + 1;
      bool bc = false;
      // a two-digit year after an apostrophe ("Mai '68"), or after a day and month at the end of the sentence
      // ("Freitag, der 18. Juli 14.", "14te April 15"; not "am 18. Juli 14 Menschen", "18. Juli 14 Uhr")
      const bool two_digit = s(j).size() == 2 && ((j > 0 && s(j - 1) == "'") || (e.day && j == i && sentence_ends(j + 1)));
      if (std::size_t b = chr_suffix(end, bc); b != end) end = b;
      else if (s(j).size() < 3 && !two_digit) return i;
      else if (s(j).size() == 3 && j == i) return i;
      if (two_digit && !bc && s(j - 1) != "'") e.two_digit_year = true;
      e.year = *y;
      e.bc = bc;
      return end;
    }
    if (is(j, "dieses") && is(j + 1, "jahres")) {  // "im März dieses Jahres"
      e.rel_unit = time_unit::year;
      e.anchor = anchoring::dct;
      return j + 2;
    }
    // "im Mai letzten Jahres", "im Herbst vergangenen Jahres", "im März nächsten Jahres"; with the article, also
    // "im März des vergangenen Jahres", "im Juli des laufenden Jahres"; counted from the story's year:
    // "im Mai desselben Jahres", "im März des folgenden Jahres"
    const std::size_t r = is(j, "des") && cls(j + 1) == word_class::rel ? j + 1 : j;
    if (cls(r) == word_class::rel && (is(r + 1, "jahres") || is(r + 1, "jahrs")) && next_ok(e.first, r + 1)) {
      e.rel_unit = time_unit::year;
      e.offset = w(r)->value;
      e.anchor = w(r)->story ? anchoring::story : anchoring::dct;
      return r + 2;
    }
    // "im Oktober des Vorjahres"
    if (is(j, "des") && cls(j + 1) == word_class::rel_unit && w(j + 1)->unit == time_unit::year && next_ok(e.first, j + 1)) {
      e.rel_unit = time_unit::year;
      e.offset = w(j + 1)->value;
      e.anchor = anchoring::dct;
      return j + 2;
    }
    return i;
  }

  // Token k ends the sentence: the end of the text, a new sentence, or a final '.', '!', '?'
  bool sentence_ends(std::size_t k) const {
    if (k >= n_ || !same_sentence(k - 1, k)) return true;
    return (one(k, '.') || one(k, '!') || one(k, '?')) && (k + 1 >= n_ || !same_sentence(k, k + 1));
  }

  // "v. Chr." / "vor Christus" / "n. Chr." / "v. u. Z." / "nuZ" after a year. Returns the end (== i when absent).
  std::size_t chr_suffix(std::size_t i, bool& bc) const {
    {
      // letters and dots glued together: "v.u.Z.", "d.g.Z.", "nuZ", "v.d.g.Z."
      char key[12];
      std::size_t len = 0, j = i;
      while (j < n_ && len < sizeof key - 2 && (j == i || a_.glued(j - 1))) {
        const std::string_view x = f(j);
        if (x == ".") { ++j; continue; }
        if (!has(j, tf_word) || x.size() > 4) break;
        for (char ch : x) if (len < sizeof key - 1) key[len++] = ch;
        ++j;
      }
      const std::string_view k(key, len);
      static constexpr std::array<std::string_view, 8> before = {"vuz", "vdz", "vdgz", "vc", "vchr", "bc", "vdgz", "vuz"};
      static constexpr std::array<std::string_view, 9> after = {"nuz", "uz", "dgz", "ndz", "ndgz", "nc", "nchr", "ad", "nuz"};
      for (auto b : before) if (k == b && j > i + 0 && k != "vchr") { bc = true; return j; }
      for (auto a : after) if (k == a && k != "nchr") { bc = false; return j; }
    }
    if ((is(i, "v") || is(i, "n")) && dot_after(i) && is(i + 2, "chr")) {
      bc = is(i, "v");
      return dot_after(i + 2) ? i + 4 : i + 3;
    }
    // every era below begins with "v" or "n": most words stop here
    if (i >= n_ || f(i).empty() || (f(i)[0] != 'v' && f(i)[0] != 'n')) return i;
    // "753 vor unserer Zeitrechnung", "um 1330 vor unserer Zeitrechnung", "30 nach unserer Zeitrechnung"
    if ((is(i, "vor") || is(i, "nach")) && is(i + 1, "unserer") && is(i + 2, "zeitrechnung")) {
      bc = is(i, "vor");
      return i + 3;
    }
    // "1330 v. u. Z." written with spaces (glued, "v.u.Z.", it is read above)
    if ((is(i, "v") || is(i, "n")) && dot_after(i) && is(i + 2, "u") && dot_after(i + 2) && is(i + 4, "z")) {
      bc = is(i, "v");
      return dot_after(i + 4) ? i + 6 : i + 5;
    }
    if (is(i, "vor") && (is(i + 1, "christus") || is(i + 1, "christi"))) {
      if (is(i + 1, "christi") && is(i + 2, "geburt")) { bc = true; return i + 3; }
      bc = true;
      return i + 2;
    }
    if (is(i, "v.chr") || is(i, "vchr")) { bc = true; return dot_after(i) ? i + 2 : i + 1; }
    return i;
  }

  // Month word, optionally an abbreviation's dot. Returns the month and the end.
  std::optional<std::pair<int, std::size_t>> month_word(std::size_t i) const {
    const time_word* mw = w(i);
    if (!mw || mw->cls != word_class::month) return std::nullopt;
    std::size_t end = i + 1;
    if (mw->abbreviation) {
      if (dot_after(i)) end = i + 2;
      else if (!upper(i)) return std::nullopt;
      // "1. Jan Frodeno (GER)": an abbreviation without its dot before a capitalised word is a first name
      else if (has(i + 1, tf_word) && real_upper(i + 1) && !w(i + 1) && same_sentence(i, i + 1)) return std::nullopt;
    }
    return std::pair<int, std::size_t>{mw->value, end};
  }

  // A date from three numbers in the order the lengths say: d.m.y, y.m.d; two numbers: d.m. or m.y / y-m.
  std::optional<time_expr> date_from_parts(std::size_t first, std::size_t last, const int v[3], const std::size_t len[3],
                                           std::size_t parts) const {
    time_expr e = make(first, last, expr_kind::date, anchoring::absolute);
    if (parts == 3) {
      if (len[0] == 4 && valid_day(v[1], v[2])) { e.year = v[0]; e.month = v[1]; e.day = v[2]; return e; }
      if (len[0] <= 2 && len[1] <= 2 && (len[2] == 4 || len[2] == 2) && valid_day(v[1], v[0])) {
        e.day = v[0]; e.month = v[1]; e.year = v[2];
        e.two_digit_year = len[2] == 2;
        return e;
      }
      return std::nullopt;
    }
    if (parts == 2) {
      if (len[0] == 4 && len[1] == 2 && v[1] >= 1 && v[1] <= 12 && v[0] >= 1000 && v[0] <= 2100) { e.year = v[0]; e.month = v[1]; return e; }
      if (len[0] <= 2 && len[1] == 4 && v[0] >= 1 && v[0] <= 12 && v[1] >= 1000 && v[1] <= 2100) { e.month = v[0]; e.year = v[1]; return e; }
    }
    return std::nullopt;
  }

  // "14.01.2021", "25.4.19", "14.01.", "2013-02-12", "21/04/2016", "2015/08/12", "05/2016", "3-7-2017"
  std::optional<time_expr> numeric_date(std::size_t i) const {
    if (!has(i, tf_number)) return std::nullopt;
    const std::string_view x = s(i);
    for (char sep : {'/', '.'}) {
      if (x.find(sep) == std::string_view::npos || (sep == '/' && x.find('.') != std::string_view::npos)) continue;
      int v[3] = {0, 0, 0};
      std::size_t len[3] = {0, 0, 0}, parts = 0, start = 0;
      bool ok = true;
      for (std::size_t k = 0; k <= x.size() && ok; ++k) {
        if (k == x.size() || x[k] == sep) {
          const std::string_view part = x.substr(start, k - start);
          if (parts == 3 || !is_digits(part) || part.size() > 4) { ok = false; break; }
          v[parts] = digits_value(part);
          len[parts++] = part.size();
          start = k + 1;
        }
      }
      if (!ok) continue;
      // "2016/05" is May 2016; "2008/09", "2006/07" (the second the year after the first) are two years: "die
      // Finanzkrise 2008/09", "die Saison 2006/07" (split_years reads them)
      const bool month_year = parts == 2 && ((len[0] == 4 && len[1] == 2 && x[5] == '0' && !two_years(i)) || (len[0] <= 2 && len[1] == 4));
      if (parts == 3 || month_year) {
        if (sep == '.' && parts == 3 && len[0] <= 2) break;  // the German d.m.y below keeps its rules
        if (auto e = date_from_parts(i, i + 1, v, len, parts)) return with_time(*e);
      }
      if (sep == '/' && parts == 2 && len[0] == 2 && len[1] == 2 && valid_day(v[1], v[0])) {  // "22/04"
        time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
        e.day = v[0];
        e.month = v[1];
        return e;
      }
    }
    if (x.find('.') != std::string_view::npos) {
      const dotted d = split_dotted(x, '.');
      if (d.parts == 3 && valid_day(d.b, d.a) && (d.len_c == 2 || d.len_c == 4)) {
        time_expr e = make(i, i + 1, expr_kind::date, anchoring::absolute);
        e.day = d.a;
        e.month = d.b;
        e.year = d.len_c == 2 ? 1900 + d.c : d.c;
        e.two_digit_year = d.len_c == 2;
        return with_time(e);
      }
      // "am 14.01.", "15.2." — a day and month need the closing dot, "14.01" alone may be a time
      // ("Android 5.1.", "Windows 8.1.": a version right after a name, not a day)
      const bool version = i > 0 && same_sentence(i - 1, i) && has(i - 1, tf_word) && real_upper(i - 1) && !w(i - 1) &&
                           !has(i - 1, tf_sentence_start);
      if (d.parts == 2 && !version && valid_day(d.b, d.a) && dot_after(i) && s(i).find('.') == s(i).rfind('.') && s(i).size() <= 5) {
        time_expr e = make(i, i + 2, expr_kind::date, anchoring::implicit);
        e.day = d.a;
        e.month = d.b;
        // "14.01. 2021" is rare; a following year is taken
        if (auto y = plain_digits(i + 2, 4, 4); y && next_ok(i, i + 2) && *y >= 1900 && *y <= 2100) {
          e.year = *y;
          e.anchor = anchoring::absolute;
          e.last = static_cast<std::uint32_t>(i + 3);
        }
        return with_time(e);
      }
      // "am 22.04", "vom 14.10": after a preposition of days the closing dot may be missing ("um 22.04" is a time);
      // so after the first day of a range: "14. - 15.10", "14 bis 15.10"
      const bool range_end = i >= 2 && (one(i - 1, '-') || s(i - 1) == "–" || is(i - 1, "bis")) && same_sentence(i - 2, i) &&
                             ((plain_digits(i - 2, 1, 2) && *plain_digits(i - 2, 1, 2) < d.a && !is(i - 1, "bis")) ||
                              (i >= 3 && one(i - 2, '.') && plain_digits(i - 3, 1, 2) && *plain_digits(i - 3, 1, 2) < d.a));
      const bool after_day_word = x.size() == 5 && x[2] == '.' && (is(i - 1, "am") || is(i - 1, "vom") || is(i - 1, "zum"));
      if (d.parts == 2 && valid_day(d.b, d.a) && i > 0 && same_sentence(i - 1, i) && (after_day_word || range_end) &&
          cls(i + 1) != word_class::uhr && !is(i + 1, "h")) {
        time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
        e.day = d.a;
        e.month = d.b;
        return with_time(e);
      }
      return std::nullopt;
    }
    // dashes: "2013-02-12", "2018-8-31", "3-7-2017", "30-12-16", "2016-05", "05-2016" (glued tokens)
    if (plain_digits(i, 1, 4) && a_.glued(i) && one(i + 1, '-') && a_.glued(i + 1) && plain_digits(i + 2, 1, 4)) {
      int v[3] = {*plain_digits(i, 1, 4), *plain_digits(i + 2, 1, 4), 0};
      std::size_t len[3] = {s(i).size(), s(i + 2).size(), 0}, parts = 2, end = i + 3;
      if (a_.glued(i + 2) && one(i + 3, '-') && a_.glued(i + 3) && plain_digits(i + 4, 1, 4)) {
        v[2] = *plain_digits(i + 4, 1, 4);
        len[2] = s(i + 4).size();
        parts = 3;
        end = i + 5;
      }
      if (parts == 2 && !((len[0] == 4 && s(i + 2)[0] == '0') || len[1] == 4)) return std::nullopt;  // "1939-45" is a span
      if (auto e = date_from_parts(i, end, v, len, parts)) return with_time(*e);
    }
    return std::nullopt;
  }

  // A clock time right after a date: "25. April um 14 Uhr", "11. November 11 Uhr", "8. Mai, 23:01 Uhr"
  time_expr with_time(time_expr e) const {
    std::size_t j = e.last;
    if (!next_ok(e.first, j)) return e;
    // "8. Mai, 23:01 Uhr", "11. November 11 Uhr" are one expression; "am 1. September um 4:45 Uhr" two
    if (one(j, ',') && next_ok(e.first, j + 1) && plain_clock_ahead(j + 1)) ++j;
    if (auto c = clock_core(j); c && next_ok(e.first, j) && (is(j + 1, "uhr") || s(j).find(':') != std::string_view::npos)) {
      e.hour = c->hour;
      e.minute = c->minute;
      e.second = c->second;
      e.zone = c->zone;
      e.kind = expr_kind::time;
      e.last = c->last;
    } else if (const time_word* p = w(j); p && p->part != daypart::none && next_ok(e.first, j) &&
                                          (p->cls == word_class::daypart) && lower_word(j)) {
      e.part = p->part;  // "17. Juli morgens"
      e.kind = expr_kind::time;
      e.last = static_cast<std::uint32_t>(j + 1);
    }
    return e;
  }
  bool plain_clock_ahead(std::size_t j) const {
    auto c = clock_core(j);
    return c && (is(j + 1, "uhr") || s(j).find(':') != std::string_view::npos);
  }

  // An ordinal: "3." (digits and a dot), "15te", "15ten", "dritten", "erster". Returns value and end.
  // day_month, quarter_half, nth_weekday and holiday_expr all ask this of the same token ("ersten Januar",
  // "ersten Quartal", "ersten Dienstag im", "ersten Advent"): the last answer is kept
  std::optional<std::pair<int, std::size_t>> ordinal_at(std::size_t i) const {
    if (i != ordinal_token_) {
      ordinal_token_ = i;
      ordinal_ = read_ordinal(i);
    }
    return ordinal_;
  }
  mutable std::size_t ordinal_token_ = static_cast<std::size_t>(-1);
  mutable std::optional<std::pair<int, std::size_t>> ordinal_;

  std::optional<std::pair<int, std::size_t>> read_ordinal(std::size_t i) const {
    if (auto d = plain_digits(i, 1, 2); d && dot_after(i)) return std::pair<int, std::size_t>{*d, i + 2};
    if (!has(i, tf_word) || (w(i) && w(i)->cls != word_class::none)) return std::nullopt;  // "ersten" may begin a holiday name
    const std::string_view x = f(i);
    std::size_t k = 0;
    while (k < x.size() && x[k] >= '0' && x[k] <= '9') ++k;
    if (k > 0 && k <= 2) {
      const std::string_view rest = x.substr(k);
      if (rest == "te" || rest == "ten" || rest == "ter" || rest == "tes" || rest == "tem" || rest == "ste" || rest == "sten")
        return std::pair<int, std::size_t>{digits_value(x.substr(0, k)), i + 1};
      return std::nullopt;
    }
    if (auto o = parse_ordinal_word(x); o && *o >= 1 && *o <= 31) return std::pair<int, std::size_t>{static_cast<int>(*o), i + 1};
    return std::nullopt;
  }

  // "erster Dienstag im Oktober", "letzter Montag im März 2014", "dritter Tag im Oktober"
  std::optional<time_expr> nth_weekday(std::size_t i) const {
    int n = 0;
    std::size_t j = i;
    if (cls(i) == word_class::rel && w(i)->value == -1 && !w(i)->story) { n = -1; j = i + 1; }
    else if (auto o = ordinal_at(i); o && o->first <= 5) { n = o->first; j = o->second; }
    else return std::nullopt;
    if (!next_ok(i, j) || !(is(j + 1, "im") || is(j + 1, "des")) || !next_ok(i, j + 2)) return std::nullopt;
    auto m = month_word(j + 2);
    if (!m) return std::nullopt;
    time_expr e = make(i, m->second, expr_kind::date, anchoring::implicit);
    e.month = m->first;
    const std::size_t end = year_after(m->second, e);
    e.last = static_cast<std::uint32_t>(end);
    if (e.year != no_year) e.anchor = anchoring::absolute;
    if (cls(j) == word_class::weekday) { e.weekday = w(j)->value; e.nth = n; return e; }
    // "erste Woche im Oktober 2014", "letzte Woche im September": the ISO week that holds the month's first (last)
    // Thursday, so that most of its days lie in the month (as ISO 8601 counts the first week of a year)
    if (cls(j) == word_class::unit && w(j)->unit == time_unit::week && (is(j, "woche") || is(j, "wochen"))) {
      e.weekday = 4;
      e.nth = n;
      e.nth_week = true;
      return e;
    }
    if (cls(j) == word_class::unit && w(j)->unit == time_unit::day) {
      if (n > 0) { e.day = n; if (!valid_day(e.month, e.day)) return std::nullopt; }
      else e.nth = -1, e.weekday = 8;  // the last day of the month
      return e;
    }
    return std::nullopt;
  }

  // "25. April 2019", "am 25. April", "25.April", "25./26. April", "3. bis 5. Mai" (first part)
  std::optional<time_expr> day_month(std::size_t i) const {
    if (has(i, tf_word)) {  // "ersten Januar", "15te Februar", "neunundzwanzigsten Mai"
      auto o = ordinal_at(i);
      if (!o) return std::nullopt;
      auto m = next_ok(i, o->second) ? month_word(o->second) : std::nullopt;
      const bool suffixed = has(i, tf_has_digit);  // "15ten", "13ter"
      if (!m && suffixed && o->first >= 1 && o->first <= 31) {
        // "13ter bis 15ter Juli": a day waiting for its month
        if (is_link(o->second) && next_ok(i, o->second + 1) && has(o->second + 1, tf_has_digit)) {
          if (auto o2 = read_ordinal(o->second + 1); o2 && o2->first > o->first && month_word(o2->second)) {
            time_expr e = make(i, o->second, expr_kind::date, anchoring::implicit);
            e.day = o->first;
            e.bare_day = true;
            return e;
          }
        }
        // "am 15ten": a day of the anchor's month, as "am 15."
        if (i > 0 && (is(i - 1, "am") || is(i - 1, "vom") || is(i - 1, "zum")) && same_sentence(i - 1, i) &&
            !(has(o->second, tf_word) && upper(o->second) && same_sentence(i, o->second))) {
          time_expr e = make(i, o->second, expr_kind::date, anchoring::implicit);
          e.day = o->first;
          return e;
        }
      }
      if (!m && spoken_date_start(i)) {  // "am siebten vierten", "Donnerstag, den siebenundzwanzigsten zwölften"
        const auto om = next_ok(i, o->second) ? ordinal_month(o->second, true) : std::nullopt;
        if (om && valid_day(om->first, o->first)) return spoken_date(i, o->first, *om);
      }
      if (!m || !valid_day(m->first, o->first)) return std::nullopt;
      time_expr e = make(i, m->second, expr_kind::date, anchoring::implicit);
      e.day = o->first;
      e.month = m->first;
      e.last = static_cast<std::uint32_t>(year_after(m->second, e));
      if (e.year != no_year) e.anchor = anchoring::absolute;
      return with_time(e);
    }
    auto d = plain_digits(i, 1, 2);
    if (!d || *d < 1 || *d > 31) return std::nullopt;
    std::size_t j = i + 1;
    if (dot_after(i)) j = i + 2;
    else {
      // "3 März" without a dot only before a month; "13 bis 15 Juli": a day waiting for its month
      auto m = month_word(i + 1);
      if ((is(i + 1, "bis") || one(i + 1, '-') || s(i + 1) == "–") && next_ok(i, i + 2) &&
          ((plain_digits(i + 2, 1, 2) && (month_word(i + 3) || (dot_after(i + 2) && month_word(i + 4)))) ||
           later_day_month(i + 2, *d))) {  // "13 bis 15 Juli", "14 - 15.10."
        time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
        e.day = *d;
        e.bare_day = true;
        return e;
      }
      if (!m || !next_ok(i, i + 1)) return std::nullopt;
    }
    if (auto m = month_word(j); m && next_ok(i, j)) {
      if (!valid_day(m->first, *d)) return std::nullopt;
      time_expr e = make(i, m->second, expr_kind::date, anchoring::implicit);
      e.day = *d;
      e.month = m->first;
      const std::size_t end = year_after(m->second, e);
      e.last = static_cast<std::uint32_t>(end);
      if (e.year != no_year) e.anchor = anchoring::absolute;
      return with_time(e);
    }
    if (j != i + 2) return std::nullopt;
    // "am 7. vierten": the month as an ordinal word
    if (spoken_date_start(i)) {
      const auto om = next_ok(i, j) ? ordinal_month(j, false) : std::nullopt;
      if (om && valid_day(om->first, *d)) return spoken_date(i, *d, *om);
      // "am 3. vierten Spieltag": ordinals before a noun, no day
      if (has(j, tf_word) && !has(j, tf_has_digit) && cls(j) == word_class::none && parse_ordinal_word(f(j)))
        return std::nullopt;
    }
    // "27. 11." and "27. 11. 2019": a month number after a space
    if (auto m = plain_digits(j, 1, 2); m && *m >= 1 && *m <= 12 && dot_after(j) && next_ok(i, j) && valid_day(*m, *d) &&
                                        !a_.glued(i + 1)) {
      time_expr e = make(i, j + 2, expr_kind::date, anchoring::implicit);
      e.day = *d;
      e.month = *m;
      if (auto y = plain_digits(j + 2, 4, 4); y && next_ok(i, j + 2)) { e.year = *y; e.anchor = anchoring::absolute; e.last = static_cast<std::uint32_t>(j + 3); }
      return e;
    }
    // "3." before "bis 5. Mai", "-", "/", "und": a day waiting for its month
    if (is(j, "bis") || is(j, "und") || one(j, '-') || s(j) == "–" || one(j, '/')) {
      time_expr e = make(i, i + 2, expr_kind::date, anchoring::implicit);
      e.day = *d;
      e.bare_day = true;
      return e;
    }
    // "am 15." alone, "Nacht vom 16.": a day of the anchor's month; not the ordinal of a noun ("am 15. Spieltag").
    // A preposition after it is no noun, in a text in lower case too ("am 15. um 8:00")
    const bool noun_after = has(j, tf_word) && upper(j) && !has(j, tf_sentence_start) &&
                            cls(j) != word_class::function && cls(j) != word_class::approx;
    if ((is(i - 1, "am") || is(i - 1, "vom") || is(i - 1, "zum") || is(i - 1, "bis")) && i > 0 && !noun_after &&
        !has(j, tf_number)) {
      time_expr e = make(i, i + 2, expr_kind::date, anchoring::implicit);
      e.day = *d;
      return e;
    }
    return std::nullopt;
  }

  // A date read aloud names its month by an ordinal too: "am siebten vierten" (7 April), "am 7. vierten",
  // "Donnerstag, den siebenundzwanzigsten zwölften". Only after "am", "den", "vom", "zum", "bis" or a weekday,
  // where an ordinal of a noun would have the noun after it ("am ersten dritten Spieltag").
  bool spoken_date_start(std::size_t i) const {
    if (i == 0 || !same_sentence(i - 1, i)) return false;
    return is(i - 1, "am") || is(i - 1, "den") || is(i - 1, "vom") || is(i - 1, "zum") || is(i - 1, "bis") ||
           cls(i - 1) == word_class::weekday;
  }
  // Token j is the month of such a date, as an ordinal word ("vierten", "zwölfter") or, after a day in words, as
  // digits and a dot ("siebten 4."); no noun and no count after it. Returns the month and the end.
  std::optional<std::pair<int, std::size_t>> ordinal_month(std::size_t j, bool digits) const {
    std::optional<std::pair<int, std::size_t>> o;
    const auto d = digits ? plain_digits(j, 1, 2) : std::nullopt;
    if (d && dot_after(j)) {
      o = std::pair<int, std::size_t>{*d, j + 2};
    } else if (has(j, tf_word) && !has(j, tf_has_digit) && cls(j) == word_class::none) {
      const auto v = parse_ordinal_word(f(j));
      if (v && *v >= 1 && *v <= 12) o = std::pair<int, std::size_t>{static_cast<int>(*v), j + 1};
    }
    if (!o || o->first < 1 || o->first > 12) return std::nullopt;
    const std::size_t k = o->second;
    if (next_ok(j, k) && ((has(k, tf_word) && real_upper(k) && !has(k, tf_sentence_start)) ||
                          (has(k, tf_number) && !plain_digits(k, 4, 4))))
      return std::nullopt;
    return o;
  }
  time_expr spoken_date(std::size_t i, int day, std::pair<int, std::size_t> month) const {
    time_expr e = make(i, month.second, expr_kind::date, anchoring::implicit);
    e.day = day;
    e.month = month.first;
    e.last = static_cast<std::uint32_t>(year_after(month.second, e));
    if (e.year != no_year) e.anchor = anchoring::absolute;
    return e;
  }

  // Token j is a day and month ("15.10.", "15.10.2018", "15.10") of a day after `first_day`: the second end of
  // a range of days whose first end waits for the month ("14. - 15.10.")
  bool later_day_month(std::size_t j, int first_day) const {
    if (!has(j, tf_number)) return false;
    const dotted d = split_dotted(s(j), '.');
    return (d.parts == 2 || d.parts == 3) && valid_day(d.b, d.a) && d.a > first_day && s(j).find('.') <= 2;
  }

  // Evidence that a bare month word is a month: "im Mai", "seit August", "Mai 2019", "Ende Mai".
  bool month_context(std::size_t i) const {
    if (i == 0) return false;
    static constexpr std::array<std::string_view, 23> before = {
        "im", "in", "seit", "bis", "ab", "vom", "von", "zum", "anfang", "mitte", "ende", "beginn", "des",
        "diesen", "nächsten", "letzten", "vergangenen", "kommenden", "monat", "monats", "zwischen", "anfangs", "für"};
    if (!same_sentence(i - 1, i) || !is_any(i - 1, before)) return false;
    // "die für Mai geplante Wahl", not "für Mai Thi Nguyen-Kim" (a name goes on with a capital)
    return !is(i - 1, "für") || !(has(i + 1, tf_word) && upper(i + 1) && !w(i + 1));
  }

  // the English order "April 14, 2015", "März 3 2015", "Feb 18": a day after the month word that ends at `after`,
  // then a year, or the end of the phrase (not a count: "im März 3 Prozent"); e is the month read so far
  std::optional<time_expr> english_day(std::size_t i, std::size_t after, const time_expr& e) const {
    auto d = plain_digits(after, 1, 2);
    if (!d || *d < 1 || !valid_day(e.month, *d) || !next_ok(i, after)) return std::nullopt;
    if (dot_after(after) && after + 2 < n_ && same_sentence(after, after + 2)) return std::nullopt;
    const std::size_t k = after + 1;
    std::size_t ky = k;
    if (one(ky, ',')) ++ky;
    time_expr full = e;
    full.day = *d;
    if (auto y = plain_digits(ky, 4, 4); y && next_ok(i, ky)) {
      full.year = *y;
      full.anchor = anchoring::absolute;
      full.last = static_cast<std::uint32_t>(ky + 1);
      return full;
    }
    const bool phrase_end = k >= n_ || !same_sentence(i, k) || one(k, ',') || one(k, '-') || s(k) == "\u2013" ||
                            is(k, "bis") || one(k, '?') || one(k, '!') || one(k, ')') ||
                            (one(k, '.') && (k + 1 >= n_ || !same_sentence(k, k + 1)));
    if (!phrase_end) return std::nullopt;
    full.last = static_cast<std::uint32_t>(k);
    return full;
  }

  // "April 2019", "Apr. 2019", "im Juni", "Mai/Juni 1940"
  std::optional<time_expr> month_year(std::size_t i) const {
    auto m = month_word(i);
    if (!m) return std::nullopt;
    if (i >= 2 && one(i - 1, '.') && plain_digits(i - 2, 1, 2) && a_.glued(i - 2)) return std::nullopt;  // "32. Oktober"
    time_expr e = make(i, m->second, expr_kind::date, anchoring::implicit);
    e.month = m->first;
    if (auto full = english_day(i, m->second, e)) return full;
    const std::size_t end = year_after(m->second, e);
    e.last = static_cast<std::uint32_t>(end);
    if (e.year != no_year) {
      e.anchor = anchoring::absolute;
      return e;
    }
    if (e.rel_unit == time_unit::year) return e;  // year_after() set its anchor
    // "Mai/Juni 1940", "Mai bis Juli 2020": the year comes from the second month
    const bool joined = (one(end, '/') || one(end, '-') || s(end) == "–" || is(end, "bis") || is(end, "und") ||
                         is(end, "oder")) && month_word(end + 1);
    if (joined) e.year_from_next = true;
    const time_word* mw = w(i);
    const bool evidence = joined || month_context(i) || (i > 0 && month_word(i - 2) && (one(i - 1, '/') || is(i - 1, "bis") || is(i - 1, "und")));
    if (!upper(i) && !evidence) return std::nullopt;
    if (mw->ambiguous && !evidence) return std::nullopt;
    if (mw->abbreviation && !evidence) return std::nullopt;
    // "Aug in Aug": an abbreviation without its dot and without a year names a month only beside another month
    if (mw->abbreviation && m->second == i + 1 && !joined &&
        !(i >= 2 && month_word(i - 2) && (one(i - 1, '/') || is(i - 1, "bis") || is(i - 1, "und"))))
      return std::nullopt;
    return e;
  }

  // A year: "2019", "im Jahr 2019", "1939/40", "218 v. Chr.". Not "2000 Soldaten", "16.000".
  std::optional<time_expr> year(std::size_t i) const {
    std::size_t j = i;
    const bool jahr_word = is(i, "jahr") || is(i, "jahre") || is(i, "jahres") || is(i, "jahrs");
    if (jahr_word) j = i + 1;
    auto y = plain_digits(j, 1, 4);
    if (!y || (jahr_word && !next_ok(i, j))) return std::nullopt;
    bool bc = false;
    const std::size_t len = s(j).size();
    // the era scan only when a short word follows: "218 v. Chr.", "88 nuZ"
    std::size_t end = has(j + 1, tf_word) && s(j + 1).size() <= 5 ? chr_suffix(j + 1, bc) : j + 1;
    const bool chr = end != j + 1;
    // "1939/40", "1914-18": the second year of a span written short
    if (!jahr_word && !chr && len == 2 && j >= 2 && (one(j - 1, '/') || one(j - 1, '-') || s(j - 1) == "–") &&
        a_.glued(j - 1) && plain_digits(j - 2, 4, 4)) {
      time_expr e = make(j, j + 1, expr_kind::date, anchoring::absolute);
      e.year = (*plain_digits(j - 2, 4, 4) / 100) * 100 + *y;
      return e;
    }
    if (!chr && !jahr_word && (len != 4 || *y < 1000 || *y > 2100)) return std::nullopt;
    if (!chr && !jahr_word && !looks_like_year(j)) return std::nullopt;
    if (*y == 0) return std::nullopt;
    // "32. Oktober 2015": the year of a day the month cannot have is no year of its own (month_year() left the month)
    if (!jahr_word && j >= 3 && one(j - 2, '.') && cls(j - 1) == word_class::month && plain_digits(j - 3, 1, 2))
      return std::nullopt;
    time_expr e = make(i, end, expr_kind::date, anchoring::absolute);
    e.year = *y;
    e.bc = bc;
    return e;
  }

  // Is a four-digit number a year? Years stand after prepositions and before verbs; counts stand
  // before nouns and after quantity words: "2000 Soldaten", "über 1500 Menschen", "1500 Euro".
  bool looks_like_year(std::size_t i) const {
    const std::size_t nx = i + 1;
    if (nx < n_ && same_sentence(i, nx)) {
      const std::string_view after = s(nx);
      if (after == "%" || after == "€" || after == "$" || after == "," || after == "×") {
        if (after != ",") return false;
        if (has(nx + 1, tf_number) && a_.glued(i)) return false;  // "2000,50"
      }
      if (has(nx, tf_word) && upper(nx) && !w(nx)) {
        // a capitalised noun right after: a count unless a year-taking word comes before
        static constexpr std::array<std::string_view, 16> year_before = {
            "im", "seit", "bis", "ab", "jahr", "jahres", "von", "vom", "anfang", "mitte", "ende", "frühjahr",
            "sommer", "herbst", "winter", "zwischen"};
        if (!(i > 0 && is_any(i - 1, year_before)) && !(i > 0 && month_word(i - 1))) return false;
      }
      // ("ein Haushalt von 1074 Milliarden Euro", "eine Auflösung von 1152 x 1920 Pixel")
      static constexpr std::array<std::string_view, 33> unit_after = {
          "euro", "dollar", "prozent", "mal", "meter", "metern", "kilometer", "kilometern", "menschen", "personen",
          "millionen", "milliarden", "billionen", "x", "stück", "km", "m", "kg", "t", "mio", "mrd", "tonnen", "franken", "pfund", "hektar",
          "einwohner", "einwohnern", "mitarbeiter", "mitarbeitern", "soldaten", "stimmen", "punkte", "quadratkilometer"};
      if (is_any(nx, unit_after)) return false;

    }
    if (i > 0 && same_sentence(i - 1, i)) {
      // after these a number is a count whatever follows ("mit mindestens 1790 an", "insgesamt 2000 wurden"),
      // unless a year-taking word stands before ("bis mindestens 2024"); after the others, "etwa 1790
      // entstand" (a year) and "etwa 1790 Menschen" differ, and "mehr als 2014" compares with a year
      // a name that ends in a number: the sports club "TSV 1860", the NGO "Global 2000"
      static constexpr std::array<std::string_view, 2> name_before = {"tsv", "global"};
      if (real_upper(i - 1) && is_any(i - 1, name_before)) return false;
      static constexpr std::array<std::string_view, 4> always_count_before = {"mindestens", "insgesamt", "nr", "höchstens"};
      if (is_any(i - 1, always_count_before) && !(i >= 2 && (is(i - 2, "bis") || is(i - 2, "ab") || is(i - 2, "seit"))))
        return false;
      static constexpr std::array<std::string_view, 9> count_before = {
          "über", "rund", "etwa", "knapp", "fast", "mehr", "weniger", "zu", "ca"};
      if (is_any(i - 1, count_before) && !(has(nx, tf_punct) || lower_word(nx))) return false;
      if (one(i - 1, ',') && has(i - 2, tf_number)) return false;  // "1, 2000"
      if (is(i - 1, "zu") && i >= 2 && has(i - 2, tf_number)) return false;  // a ratio or a score: "1 zu 1000"
      // "über der Marke von 1000", "ein Wert von 1000": a threshold or a round measure, not a year ("der Wert von
      // 2015" may be that year's)
      static constexpr std::array<std::string_view, 2> thresholds = {"marke", "schwelle"};  // not "Grenze": "die Grenzen von 1937"
      static constexpr std::array<std::string_view, 6> measures = {"wert", "wertes", "summe", "höhe", "niveau", "inzidenz"};
      if (i >= 2 && is(i - 1, "von") && upper(i - 2) && same_sentence(i - 2, i)) {
        if (is_any(i - 2, thresholds)) return false;
        if (is_any(i - 2, measures) && s(i).size() == 4 && s(i).substr(2) == "00") return false;
      }
    }
    return true;
  }

  // "90er Jahre", "1990er-Jahren", "neunziger Jahre", "20. Jahrhundert", "im 19. Jahrhundert v. Chr."
  std::optional<time_expr> decade_century(std::size_t i) const {
    const std::string_view x = f(i);
    // decades
    std::size_t er = x.find("er");
    if (er != std::string_view::npos && er >= 2 && is_digits(x.substr(0, er))) {
      const int v = digits_value(x.substr(0, er));
      const std::string_view rest = x.substr(er + 2);
      std::size_t end = i + 1;
      bool ok = rest == "-jahre" || rest == "-jahren" || rest == "-jahres" || rest == "jahre" || rest == "jahren" ||
                (rest == "n" && i > 0 && is(i - 1, "den"));  // "in den 1990ern"
      if (!ok && rest.empty() && (is(i + 1, "jahre") || is(i + 1, "jahren") || is(i + 1, "jahrens") ||
                                  is(i + 1, "jahres")) && next_ok(i, i + 1)) {
        ok = true;
        end = i + 2;
      }
      if (!ok) return std::nullopt;
      time_expr e = make(i, end, expr_kind::date, anchoring::absolute);
      if (er == 2 && v % 10 == 0) e.decade = 190 + v / 10;
      else if (er == 4 && v % 10 == 0) e.decade = v / 10;
      else return std::nullopt;
      return e;
    }
    static constexpr std::array<std::pair<std::string_view, int>, 8> tens = {{
        {"zwanziger", 2}, {"dreißiger", 3}, {"vierziger", 4}, {"fünfziger", 5}, {"sechziger", 6},
        {"siebziger", 7}, {"achtziger", 8}, {"neunziger", 9}}};
    const bool years_next = is(i + 1, "jahre") || is(i + 1, "jahren");
    for (auto [word, d] : tens) {
      if (years_next && x == word && next_ok(i, i + 1)) {
        time_expr e = make(i, i + 2, expr_kind::date, anchoring::absolute);
        e.decade = 190 + d;
        return e;
      }
      // one word: "Neunzigerjahre", "in den Zwanzigerjahren", "Achtziger-Jahre", "in den Neunzigern"
      if (x.size() > word.size() && x.substr(0, word.size()) == word) {
        const std::string_view rest = x.substr(word.size());
        if (rest == "jahre" || rest == "jahren" || rest == "-jahre" || rest == "-jahren" ||
            (rest == "n" && i > 0 && is(i - 1, "den"))) {
          time_expr e = make(i, i + 1, expr_kind::date, anchoring::absolute);
          e.decade = 190 + d;
          return e;
        }
      }
    }
    // centuries: "20. Jahrhundert", "zwanzigsten Jahrhunderts"
    int ord = 0;
    std::size_t j = i;
    if (auto d = plain_digits(i, 1, 2); d && dot_after(i)) { ord = *d; j = i + 2; }
    else if (has(i, tf_word) && cls(i + 1) == word_class::unit) {  // the unit is checked below; most words have none
      if (auto o = parse_ordinal_word(x)) { ord = static_cast<int>(*o); j = i + 1; }
    }
    if (ord >= 1 && ord <= 30 && next_ok(i, j) && cls(j) == word_class::unit &&
        (w(j)->unit == time_unit::century || w(j)->unit == time_unit::millennium)) {
      // "19. Jh.", "8. Jhd. v. Chr.": the abbreviation takes its dot
      const std::size_t after = f(j).size() <= 4 && dot_after(j) ? j + 2 : j + 1;
      time_expr e = make(i, after, expr_kind::date, anchoring::absolute);
      bool bc = false;
      const std::size_t end = chr_suffix(after, bc);
      e.last = static_cast<std::uint32_t>(end);
      e.bc = bc;
      if (w(j)->unit == time_unit::century) e.century = ord - 1;
      else e.year = (ord - 1) * 1000, e.gran = time_unit::millennium;
      return e;
    }
    return std::nullopt;
  }

  // "letzte Woche", "im kommenden Monat", "nächsten Montag", "vergangenen Sommer", "am nächsten Tag",
  // "die letzten drei Jahre" (a duration), "in den vergangenen Jahren" (PXY)
  std::optional<time_expr> relative(std::size_t i) const {
    const time_word* r = w(i);
    if (!r || r->cls != word_class::rel) return std::nullopt;
    std::size_t j = i + 1;
    if (!next_ok(i, j)) return std::nullopt;
    const anchoring from = r->story ? anchoring::story : anchoring::dct;
    // "die letzten drei Jahre", "den folgenden zwei Wochen", "der nächsten beiden Monate"
    if (auto amt = number_at(j); amt && next_ok(i, j + 1) && cls(j + 1) == word_class::unit) {
      time_expr e = make(i, j + 2, expr_kind::duration, anchoring::absolute);
      e.text = duration_value(amt->text, w(j + 1)->unit);
      return e;
    }
    const time_word* u = w(j);
    if (!u) return std::nullopt;
    time_expr e = make(i, j + 1, expr_kind::date, from);
    if (u->part != daypart::none && u->cls != word_class::weekday && upper(j)) {
      // "am nächsten Morgen", "am selben Abend", "diesen Morgen"
      e.kind = expr_kind::time;
      e.anchor = r->story || r->value != 0 ? anchoring::story : anchoring::dct;
      e.rel_unit = time_unit::day;
      e.gran = time_unit::day;
      e.offset = r->value;
      e.part = u->part;
      std::size_t k = j + 1;
      if ((is(k, "um") || is(k, "gegen")) && next_ok(i, k + 1)) {
        if (auto c = clock_core(k + 1, true)) {
          e.hour = c->hour; e.minute = c->minute; e.second = c->second; e.zone = c->zone; apply_part_to_hour(e); e.last = c->last;
        }
      }
      return e;
    }
    switch (u->cls) {
      case word_class::unit: {
        const std::string_view form = f(j);
        const bool plural = form == "jahre" || form == "jahren" || form == "monate" || form == "monaten" ||
                            form == "wochen" || form == "tage" || form == "tagen" || form == "stunden" ||
                            form == "jahrzehnten" || form == "jahrzehnte";
        if (plural) {  // "in den letzten Jahren" -> PXY
          e.kind = expr_kind::duration;
          e.anchor = anchoring::absolute;
          e.text = duration_value("X", u->unit);
          return e;
        }
        if (u->unit == time_unit::second || u->unit == time_unit::minute || u->unit == time_unit::hour) return std::nullopt;
        e.rel_unit = u->unit == time_unit::weekend ? time_unit::week : u->unit;
        e.gran = u->unit;
        e.offset = r->value;
        if (u->unit == time_unit::weekend) e.weekend = true;
        if (u->unit == time_unit::day && r->value == 0 && !r->story) {
          // "an diesem Tag", "dieser Tag": the story's day
          if (!(is(i, "diesem") && i > 0 && is(i - 1, "an")) && !(is(i, "dieser") && is(i + 1, "tag"))) return std::nullopt;
          e.anchor = anchoring::story;
        }
        // "am nächsten Tag" in a story, "nächsten Tag" in news: both count from the story date
        if (u->unit == time_unit::day) e.anchor = anchoring::story;
        return add_daypart_after(e);
      }
      case word_class::weekday:
        e.weekday = u->value;
        e.rel_unit = time_unit::week;
        e.offset = r->value;
        e.gran = time_unit::day;
        if (u->part != daypart::none && f(j).size() > 8) { e.part = u->part; e.kind = expr_kind::time; return e; }
        return add_daypart_after(e);
      case word_class::month:
        e.month = u->value;
        e.rel_unit = time_unit::year;
        e.offset = r->value;
        e.gran = time_unit::month;
        return e;
      case word_class::season:
        e.season = u->value;
        e.rel_unit = time_unit::year;
        e.offset = r->value;
        e.gran = time_unit::season;
        return e;
      case word_class::daypart:
        if (!upper(j)) return std::nullopt;
        // "am nächsten Morgen", "am selben Abend"
        e.kind = expr_kind::time;
        e.anchor = anchoring::story;
        e.rel_unit = time_unit::day;
        e.gran = time_unit::day;
        e.offset = u->part == daypart::mo && r->value == 1 ? 1 : r->value;
        e.part = u->part;
        return e;
      default: return std::nullopt;
    }
  }

  // "nächsten Montag Nachmittag", "am nächsten Tag gegen 9 Uhr", "nächste Woche Montag"
  time_expr add_daypart_after(time_expr e) const {
    std::size_t j = e.last;
    if (e.gran == time_unit::week && !e.weekend) {
      std::size_t k = is(j, "am") ? j + 1 : j;
      if (cls(k) == word_class::weekday && next_ok(e.first, k)) {
        e.weekday = w(k)->value;
        e.weekday_in_week = true;
        e.gran = time_unit::day;
        e.last = static_cast<std::uint32_t>(k + 1);
        j = k + 1;
      }
    }
    if (e.gran == time_unit::day && next_ok(e.first, j) && w(j) && w(j)->part != daypart::none &&
        (w(j)->cls == word_class::daypart || (w(j)->cls == word_class::deictic && upper(j)))) {
      e.part = w(j)->part;
      e.kind = expr_kind::time;
      e.last = static_cast<std::uint32_t>(j + 1);
      j = j + 1;
    }
    if (e.gran == time_unit::day && (is(j, "um") || is(j, "gegen")) && next_ok(e.first, j + 1)) {
      if (auto c = clock_core(j + 1, true)) {
        e.hour = c->hour; e.minute = c->minute; e.second = c->second; e.zone = c->zone; apply_part_to_hour(e); e.kind = expr_kind::time; e.last = c->last;
      }
    }
    return e;
  }

  // "am Tag darauf", "am Tag zuvor", "an diesem Tag", "am gleichen Tag" (the last via relative())
  std::optional<time_expr> day_after(std::size_t i) const {
    // "tags darauf", "tags zuvor": the adverb is the day
    if (is(i, "tags") && cls(i + 1) == word_class::later && next_ok(i, i + 1)) {
      time_expr e = make(i, i + 2, expr_kind::date, anchoring::story);
      e.rel_unit = time_unit::day;
      e.gran = time_unit::day;
      e.offset = w(i + 1)->value;
      return e;
    }
    if (cls(i) != word_class::unit || !upper(i) || i == 0) return std::nullopt;
    if (cls(i + 1) != word_class::later || !next_ok(i, i + 1)) return std::nullopt;
    // "im Jahr zuvor", "im Monat darauf", "in der Woche davor", "gegenüber dem Jahr davor": that unit of the story,
    // before or after its last date
    // (the preposition and article stay outside the span, as for "im Vorjahr"; "am Tag zuvor" keeps its "am")
    if (const time_unit u = w(i)->unit;
        (u == time_unit::week || u == time_unit::month || u == time_unit::quarter || u == time_unit::year) &&
        same_sentence(i - 1, i) &&
        (is(i - 1, "im") || is(i - 1, "dem") || (i > 1 && is(i - 1, "der") && is(i - 2, "in") && u == time_unit::week)) &&
        (is(i, "jahr") || is(i, "monat") || is(i, "woche") || is(i, "quartal"))) {
      time_expr e = make(i, i + 2, expr_kind::date, anchoring::story);
      e.rel_unit = u;
      e.gran = u;
      e.offset = w(i + 1)->value;
      return e;
    }
    if (w(i)->unit != time_unit::day) return std::nullopt;
    if (!(is(i - 1, "am") || is(i - 1, "tags"))) return std::nullopt;
    time_expr e = make(i - 1, i + 2, expr_kind::date, anchoring::story);
    e.rel_unit = time_unit::day;
    e.gran = time_unit::day;
    e.offset = w(i + 1)->value;
    return e;
  }

  // "am Wochenende", "übers Wochenende": the weekend the tense points to
  std::optional<time_expr> weekend(std::size_t i) const {
    if (cls(i) != word_class::unit || w(i)->unit != time_unit::weekend || i == 0) return std::nullopt;
    // "für das Wochenende", "über das Wochenende": a determiner or a preposition names one weekend
    if (!(is(i - 1, "am") || is(i - 1, "übers") || is(i - 1, "zum") || is(i - 1, "vom") || is(i - 1, "dem") || is(i - 1, "das")) ||
        !same_sentence(i - 1, i))
      return std::nullopt;
    time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
    e.weekend = true;
    e.week = true;
    return e;
  }

  // "seit Jahren", "vor Wochen", "nach Monaten", "Jahre später": a plural unit alone, an unknown amount
  std::optional<time_expr> plural_unit(std::size_t i) const {
    static constexpr std::array<std::string_view, 11> plurals = {"jahren", "monaten", "wochen", "tagen", "stunden",
                                                                  "jahrzehnten", "jahrzehnte", "jahrhunderten",
                                                                  "jahre", "monate", "tage"};  // "über Jahre", "für Monate"
    const bool after_prep = i > 0 && same_sentence(i - 1, i) &&
                            (is(i - 1, "seit") || is(i - 1, "vor") || is(i - 1, "nach") || is(i - 1, "für") || is(i - 1, "über") ||
                             (is(i - 1, "auf") && is(i + 1, "hinaus")));
    const bool before_later = cls(i + 1) == word_class::later && next_ok(i, i + 1) &&
                              (is(i, "jahre") || is(i, "monate") || is(i, "wochen") || is(i, "tage") ||
                               is(i, "jahrzehnte") || is(i, "jahrhunderte"));  // "Jahrzehnte später"
    if (!(after_prep && is_any(i, plurals)) && !before_later) return std::nullopt;
    if (!upper(i)) return std::nullopt;
    time_expr e = make(i, before_later ? i + 2 : i + 1, expr_kind::duration, anchoring::absolute);
    e.text = duration_value("X", w(i)->unit);
    return e;
  }

  // "Vorjahr", "am Vortag", "im Folgejahr"
  std::optional<time_expr> rel_unit_word(std::size_t i) const {
    const time_word* r = w(i);
    if (!r || r->cls != word_class::rel_unit) return std::nullopt;
    time_expr e = make(i, i + 1, expr_kind::date, r->story ? anchoring::story : anchoring::dct);
    e.rel_unit = r->unit;
    e.gran = r->unit;
    e.offset = r->value;
    return e;
  }

  // "heute", "gestern Abend", "morgen früh", "heute um 14 Uhr", "übermorgen"
  std::optional<time_expr> deictic(std::size_t i) const {
    const time_word* d = w(i);
    if (!d || d->cls != word_class::deictic) return std::nullopt;
    // "Morgen" as a noun: "am Morgen", "des Morgens"
    if (d->part != daypart::none && real_upper(i) && !has(i, tf_sentence_start)) return std::nullopt;
    if (d->part != daypart::none && i > 0 && (is(i - 1, "am") || is(i - 1, "den") || is(i - 1, "jeden") || is(i - 1, "vom"))) return std::nullopt;
    time_expr e = make(i, i + 1, expr_kind::date, anchoring::dct);
    e.rel_unit = time_unit::day;
    e.gran = time_unit::day;
    e.offset = d->value;
    if (f(i).find("ig") != std::string_view::npos) {  // "heutigen", "gestrigen": adjectives, a day only with "Tag"
      if (!next_ok(i, i + 1)) return std::nullopt;
      const time_word* n = w(i + 1);
      if (n && upper(i + 1) && n->part != daypart::none && (n->cls == word_class::daypart || n->cls == word_class::deictic)) {
        e.part = n->part;  // "am gestrigen Abend", "am heutigen Vormittag"
        e.kind = expr_kind::time;
      } else if (!(n && n->cls == word_class::weekday && upper(i + 1) && f(i + 1).size() <= 10) &&  // "am heutigen Montag"
                 !(cls(i + 1) == word_class::unit && n->unit == time_unit::day)) {
        return std::nullopt;
      }
      e.last = static_cast<std::uint32_t>(i + 2);
      return e;
    }
    std::size_t j = i + 1;
    // "morgen zu Mittag", "heute zu Abend": "zu" before noon or the evening
    const std::size_t zu = is(j, "zu") && (is(j + 1, "mittag") || is(j + 1, "abend")) && upper(j + 1) ? j + 1 : j;
    if (next_ok(i, zu) && w(zu) && w(zu)->part != daypart::none && (w(zu)->cls == word_class::daypart || w(zu)->cls == word_class::deictic)) {
      // "heute Abend", "morgen früh", "gestern Nacht", "heute Morgen"
      e.part = w(zu)->part;
      e.kind = expr_kind::time;
      j = zu + 1;
    }
    if (next_ok(i, j) && (is(j, "um") || is(j, "gegen") || is(j, "ab"))) {
      if (auto c = clock_core(j + 1, true); c && next_ok(i, j + 1)) j = take_clock(*c, e);
    }
    e.last = static_cast<std::uint32_t>(j);
    return e;
  }

  static void apply_part_to_hour(time_expr& e) {
    if (e.hour >= 1 && e.hour < 12 && (e.part == daypart::af || e.part == daypart::ev || (e.part == daypart::ni && e.hour >= 6)))
      e.hour += 12;
    if (e.hour >= 0) e.part = daypart::none;
  }

  // "Donnerstag", "am Montag, 3. Mai 2021", "Montagabend", "Freitag früh", "Montag um 9 Uhr"
  std::optional<time_expr> weekday(std::size_t i) const {
    const time_word* d = w(i);
    if (!d || d->cls != word_class::weekday) return std::nullopt;
    // lower case only after "am", "bis", ... or as a compound with a part of the day ("samstagfrüh"): "die" is no "Di"
    const bool compound = d->part != daypart::none && f(i).size() > 8;
    if (!upper(i) && !compound && !(i > 0 && (is(i - 1, "am") || is(i - 1, "bis") || is(i - 1, "nächsten") || is(i - 1, "letzten"))))
      return std::nullopt;
    // newspapers named after their day: "Bild am Sonntag", "Welt am Sonntag"
    if (d->value == 7 && i >= 2 && is(i - 1, "am") && (is(i - 2, "bild") || is(i - 2, "welt")) && upper(i - 2) &&
        same_sentence(i - 2, i))
      return std::nullopt;
    time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
    e.weekday = d->value;
    if (d->part != daypart::none && d->cls == word_class::weekday && f(i).size() > 8) { e.part = d->part; e.kind = expr_kind::time; }
    std::size_t j = i + 1;
    // "Montag, 3. Mai 2021", "Montag, den 3. Mai", "Donnerstag, dem 25. April 2019", "Montag (3. Mai)"
    std::size_t k = j;
    const bool bracket = one(k, '(');
    if (one(k, ',') || bracket) ++k;
    if (is(k, "den") || is(k, "der") || is(k, "dem")) ++k;
    // the closing bracket belongs to the span that holds the opening one
    auto close = [&](time_expr full) {
      if (bracket && one(full.last, ')') && same_sentence(i, full.last)) ++full.last;
      return full;
    };
    if (next_ok(i, k)) {
      if (auto dm = day_month(k)) {
        if (!dm->bare_day) {
          time_expr full = *dm;
          full.first = e.first;
          full.weekday = 0;
          full.weekday_said = e.weekday;
          return close(full);
        }
      }
      if (auto nd = numeric_date(k)) { time_expr full = *nd; full.first = e.first; return close(full); }
      if (auto md = month_year(k); md && md->day && k > j) {  // "Montag, Feb 18"
        time_expr full = *md; full.first = e.first; return full;
      }
      if (auto d = plain_digits(k, 1, 2); d && *d >= 1 && *d <= 31 && dot_after(k) && k > j) {  // "Dienstag, der 25."
        time_expr bare = make(i, k + 2, expr_kind::date, anchoring::implicit);
        bare.day = *d;
        return bare;
      }
    }
    // "Montag nächster Woche", "Sonntag der letzten Woche", "Mittwoch dieser Woche"
    {
      std::size_t k2 = j;
      if (is(k2, "der") || is(k2, "in")) ++k2;
      if (is(k2, "der")) ++k2;
      if (cls(k2) == word_class::rel && cls(k2 + 1) == word_class::unit && w(k2 + 1)->unit == time_unit::week && next_ok(i, k2 + 1)) {
        e.anchor = w(k2)->story ? anchoring::story : anchoring::dct;
        e.rel_unit = time_unit::week;
        e.offset = w(k2)->value;
        e.gran = time_unit::day;
        e.weekday_in_week = true;
        j = k2 + 2;
      }
    }
    if (next_ok(i, j) && w(j) && w(j)->part != daypart::none && (w(j)->cls == word_class::daypart || w(j)->cls == word_class::deictic)) {
      e.part = w(j)->part;  // "Freitag Nachmittag", "Montag früh"
      e.kind = expr_kind::time;
      ++j;
    } else if (is(j, "am") && w(j + 1) && w(j + 1)->part != daypart::none && upper(j + 1) && next_ok(i, j + 1)) {
      e.part = w(j + 1)->part;  // "Dienstag am Vormittag"
      e.kind = expr_kind::time;
      j += 2;
    }
    if (next_ok(i, j) && (is(j, "um") || is(j, "gegen") || is(j, "ab"))) {
      if (auto c = clock_core(j + 1, true); c && next_ok(i, j + 1)) j = take_clock(*c, e);
    }
    if (e.hour < 0) j = clock_after_weekday(i, j, e);
    e.last = static_cast<std::uint32_t>(j);
    return e;
  }

  // "Sonntag, 20.15 Uhr", "am Donnerstag, 8 Uhr", "Montagabend, 20 Uhr", "donnerstag 8:00 gmt": a clock time right
  // after the weekday, with or without a comma, is that day's time -- one TIME, as after a date ("8. Mai, 23:01
  // Uhr"), not a DATE and a TIME. Only with "Uhr" or a colon ("Am Samstag, 15 Menschen", "am Sonntag 3:0" stay
  // apart). Returns the end of the clock time, or j when none follows.
  std::size_t clock_after_weekday(std::size_t i, std::size_t j, time_expr& e) const {
    std::size_t k = j;
    if (one(k, ',')) ++k;
    if (!next_ok(i, k) || !plain_clock_ahead(k)) return j;
    return take_clock(*clock_core(k), e);
  }

  // "Fr, 18. Juli 2014", "Di, 10. Januar": an abbreviated weekday before a full date
  std::optional<time_expr> weekday_abbreviation(std::size_t i) const {
    static constexpr std::array<std::string_view, 7> days = {"mo", "di", "mi", "do", "fr", "sa", "so"};
    if (!has(i, tf_word) || !is_any(i, days)) return std::nullopt;
    std::size_t k = dot_after(i) ? i + 2 : i + 1;
    if (!one(k, ',')) return std::nullopt;
    ++k;
    if (is(k, "den") || is(k, "der") || is(k, "dem")) ++k;
    if (!next_ok(i, k)) return std::nullopt;
    std::optional<time_expr> d = day_month(k);
    if (!d || d->bare_day) d = numeric_date(k);
    if (!d || d->bare_day) return std::nullopt;
    d->first = static_cast<std::uint32_t>(i);
    return d;
  }

  // Parts of the day: "am Abend", "in der Nacht zum Freitag", "Morgen des 22. Juni 1941", "nachts",
  // "am frühen Morgen", "Nacht vom 8. Mai"
  std::optional<time_expr> daypart_expr(std::size_t i) const {
    std::size_t j = i;
    timex_mod mod = timex_mod::none;
    if (is(i, "frühen") || is(i, "früher")) { mod = timex_mod::start; j = i + 1; }
    else if (is(i, "späten") || is(i, "später")) { mod = timex_mod::end; j = i + 1; }
    // "in den frühen Neunzigerjahren", "in den späten 1970er Jahren": the decade's start or end
    if (j != i && i > 0 && is(i - 1, "den") && next_ok(i, j)) {
      if (auto d = decade_century(j); d && d->decade >= 0 && d->first == j) {
        d->first = static_cast<std::uint32_t>(i);
        d->mod = mod;
        return d;
      }
    }
    const time_word* p = w(j);
    // "am späten Donnerstagabend", "am frühen Montagmorgen": the weekday's compound with the mod
    if (j != i && p && p->cls == word_class::weekday && p->part != daypart::none && next_ok(i, j)) {
      if (auto d = weekday(j); d && d->first == j && d->part != daypart::none) {
        d->first = static_cast<std::uint32_t>(i);
        d->mod = mod;
        return d;
      }
    }
    if (!p || p->part == daypart::none || (p->cls != word_class::daypart && p->cls != word_class::deictic)) return std::nullopt;
    if (j != i && !next_ok(i, j)) return std::nullopt;
    if (p->cls == word_class::deictic && caps_ && !real_upper(j)) return std::nullopt;  // "morgen" = tomorrow
    const bool noun = upper(j);
    time_expr e = make(i, j + 1, expr_kind::time, anchoring::implicit);
    e.part = p->part;
    e.mod = mod;
    if (p->part == daypart::mn) { e.part = daypart::none; e.hour = 24; e.minute = 0; }
    std::size_t k = j + 1;
    // "in der Nacht zum Freitag", "Nacht auf Samstag"
    if ((is(k, "auf") || is(k, "zu")) && is(k + 1, "den") && cls(k + 2) == word_class::weekday) ++k;  // "Nacht auf den Samstag"
    if ((is(k, "zum") || is(k, "auf") || is(k, "zu") || (is(k, "den") && (is(k - 1, "auf") || is(k - 1, "zu")))) &&
        cls(k + 1) == word_class::weekday && next_ok(i, k + 1)) {
      e.weekday = w(k + 1)->value;
      e.night_before = p->part == daypart::ni;
      e.last = static_cast<std::uint32_t>(k + 2);
      // "in der Nacht auf Samstag vergangener Woche": that weekday of that week
      std::size_t q = k + 2;
      if (is(q, "der")) ++q;
      if (cls(q) == word_class::rel && !w(q)->story && cls(q + 1) == word_class::unit && w(q + 1)->unit == time_unit::week &&
          next_ok(i, q + 1)) {
        e.anchor = anchoring::dct;
        e.rel_unit = time_unit::week;
        e.offset = w(q)->value;
        e.gran = time_unit::day;
        e.weekday_in_week = true;
        e.last = static_cast<std::uint32_t>(q + 2);
      }
      return e;
    }
    // "in der Nacht zum 3. November", "Nacht auf den 25. Dezember 2010": the night before that day
    if (p->part == daypart::ni) {
      std::size_t q = k;
      if (is(q, "zum")) ++q;
      else if ((is(q, "auf") || is(q, "zu")) && is(q + 1, "den")) q += 2;
      if (q != k && next_ok(i, q)) {
        std::optional<time_expr> d = day_month(q);
        if (!d || d->bare_day) d = numeric_date(q);
        if (d && !d->bare_day && d->hour < 0 && !d->weekday) {
          time_expr full = *d;
          full.first = e.first;
          full.part = e.part;
          full.mod = e.mod;
          full.kind = expr_kind::time;
          full.night_before = full.night_before_date = true;
          return full;
        }
      }
    }
    // "Morgen des 22. Juni 1941", "Nacht vom 8. Mai", "Abend des 3."
    if ((is(k, "des") || is(k, "vom") || is(k, "am")) && next_ok(i, k + 1)) {
      std::optional<time_expr> d = day_month(k + 1);
      if (!d) d = numeric_date(k + 1);
      if (!d && plain_digits(k + 1, 1, 2) && dot_after(k + 1)) {  // "Nacht vom 16."
        time_expr bare = make(k + 1, k + 3, expr_kind::date, anchoring::implicit);
        bare.day = *plain_digits(k + 1, 1, 2);
        if (bare.day >= 1 && bare.day <= 31) d = bare;
      }
      // "Nacht vom 2. auf den 3. November": the month (and year) of the day the night leads to
      // ("Nacht vom 20./21. Juni 1791", "Nacht vom 30. April auf den 1. Mai" has its own month)
      if (d && d->day && !d->month && d->last == k + 3) {
        std::size_t q = k + 3;
        if ((is(q, "auf") || is(q, "zu")) && is(q + 1, "den")) q += 2;
        else if (is(q, "zum") || one(q, '/') || one(q, '-')) ++q;
        if (q != k + 3 && next_ok(i, q)) {
          if (auto to = day_month(q); to && !to->bare_day && to->month) {
            d->bare_day = false;
            d->month = to->month;
            d->year = to->year;
            d->bc = to->bc;
            if (d->day > to->day) {  // "vom 30. April auf den 1. Mai": the month before
              d->month = to->month == 1 ? 12 : to->month - 1;
              if (to->month == 1 && d->year != no_year) d->year = d->bc ? d->year + 1 : d->year - 1;
            }
            d->anchor = to->anchor == anchoring::absolute ? anchoring::absolute : anchoring::implicit;
            if (!valid_day(d->month, d->day)) d.reset();
          }
        }
      }
      if (d && !d->bare_day) {
        time_expr full = *d;
        full.first = e.first;
        full.part = e.part;
        full.mod = e.mod;
        full.kind = expr_kind::time;
        if (e.hour >= 0) full.hour = e.hour, full.minute = e.minute, full.zone = e.zone;
        return full;
      }
      // "am Nachmittag des kommenden Samstag", "Abend des vergangenen Freitag"
      if (is(k, "des") && cls(k + 1) == word_class::rel && cls(k + 2) == word_class::weekday) {
        if (auto r = relative(k + 1); r && r->last == k + 3) {
          time_expr full = *r;
          full.first = e.first;
          full.part = e.part;
          full.kind = expr_kind::time;
          return full;
        }
      }
      // "Abend desselben Tages", "Morgen dieses Tages"
      if ((is(k, "des")) && (is(k + 1, "selben") || is(k + 1, "gleichen")) && cls(k + 2) == word_class::unit) {
        e.anchor = anchoring::story; e.rel_unit = time_unit::day; e.gran = time_unit::day;
        e.last = static_cast<std::uint32_t>(k + 3);
        return e;
      }
    }
    if ((is(k, "desselben") || is(k, "dieses")) && cls(k + 1) == word_class::unit && w(k + 1)->unit == time_unit::day) {
      e.anchor = anchoring::story; e.rel_unit = time_unit::day; e.gran = time_unit::day;
      e.last = static_cast<std::uint32_t>(k + 2);
      return e;
    }
    if (is(k, "darauf") && next_ok(i, k)) {  // "am Morgen darauf"
      e.anchor = anchoring::story; e.rel_unit = time_unit::day; e.gran = time_unit::day; e.offset = 1;
      e.last = static_cast<std::uint32_t>(k + 1);
      return e;
    }
    // "nachmittag um 5", "morgens um 7": the part of the day sets the half of the clock
    if ((is(k, "um") || is(k, "gegen")) && next_ok(i, k + 1)) {
      if (auto c = clock_core(k + 1, true)) {
        e.hour = c->hour;
        e.minute = c->minute;
        e.second = c->second;
        e.zone = c->zone;
        apply_part_to_hour(e);
        e.last = c->last;
        return e;  // "Nachmittag um 5": the clock makes it a time
      }
    }
    if (adverb_form(j) && j == i && p->cls == word_class::daypart) return e;  // "abends", "Nachts", "tagsüber"
    // "kurz vor Mitternacht", "nach Mitternacht", "bis Mitternacht": midnight is a point in time after any preposition
    if (noun && p->part == daypart::mn && j == i) return e;
    // a bare part of the day needs a preposition or an article before it: "am Abend", "in der Nacht"
    if (noun) {
      const std::size_t b = i;
      const bool prep = b > 0 && same_sentence(b - 1, b) &&
                        (is(b - 1, "am") || is(b - 1, "der") || is(b - 1, "gegen") || is(b - 1, "zur") || is(b - 1, "um") ||
                         is(b - 1, "den") || is(b - 1, "des") || is(b - 1, "vom") || is(b - 1, "die"));
      if (!prep) return std::nullopt;
      if (p->part == daypart::mo && is(b - 1, "den") && is(j, "morgen")) return std::nullopt;  // not "in den Morgenstunden"
    } else if (p->cls != word_class::daypart || j != i || !adverb_form(j)) {
      return std::nullopt;  // "abends", "nachts", "tagsüber" stand alone; "früh" alone means early
    }
    return e;
  }

  struct clock_read { int hour = -1, minute = 0, second = -1; std::uint32_t last = 0; std::int8_t zone = no_zone; };

  bool adverb_form(std::size_t j) const {
    const std::string_view x = f(j);
    return !x.empty() && (x.back() == 's' || x == "tagsüber");  // "abends", "nachts", "Morgens", "tagsüber"
  }

  // "14 Uhr", "14.30 Uhr", "14:30", "14 Uhr 30", "acht Uhr vierzig", "halb drei", "Viertel nach acht"
  // A day's expression takes the clock read after it ("heute um 14 Uhr", "Sonntag, 20.15 Uhr"): its time of day,
  // the day part's hours ("heute Abend um 8" is 20:00), kind TIME; returns the token after the clock
  static std::size_t take_clock(const clock_read& c, time_expr& e) {
    e.hour = c.hour;
    e.minute = c.minute;
    e.second = c.second;
    e.zone = c.zone;
    apply_part_to_hour(e);
    e.kind = expr_kind::time;
    return c.last;
  }

  std::optional<clock_read> clock_core(std::size_t i, bool allow_bare = false) const {
    if (i >= n_) return std::nullopt;
    const std::string_view x = s(i);
    clock_read c;
    // "um 20 Minuten nach 8", "um zehn vor neun", "um zwanzig nach 3", "um zehn vor halb acht" (7:20), "15 Minuten
    // vor 12 Uhr": minutes before or after an hour (or a half hour) after "um", "gegen", "ab", "bis", or with
    // "Minuten" and "Uhr" both said ("fünf Minuten vor zwölf" alone is an idiom)
    if (auto r = minutes_from_hour(i)) return finish_clock(*r);
    // "16h", "6h30", "18Uhr", "7h01": one word
    if (has(i, tf_word) && has(i, tf_has_digit)) {
      const std::string_view fx = f(i);
      std::size_t k = 0;
      while (k < fx.size() && fx[k] >= '0' && fx[k] <= '9') ++k;
      if (k == 0 || k > 2) return std::nullopt;
      std::string_view rest = fx.substr(k);
      int minute = 0;
      // "18:30h", "18.30h", "18:30Uhr": the minutes before the letters
      if (rest.size() >= 4 && (rest[0] == ':' || rest[0] == '.') && is_digits(rest.substr(1, 2))) {
        minute = digits_value(rest.substr(1, 2));
        rest.remove_prefix(3);
        if (rest != "h" && rest != "uhr") return std::nullopt;
      }
      if (rest == "h" || rest == "uhr") {}
      else if (rest.size() == 3 && rest[0] == 'h' && is_digits(rest.substr(1))) minute = digits_value(rest.substr(1));
      else return std::nullopt;
      c.hour = digits_value(fx.substr(0, k));
      c.minute = minute;
      if (c.hour > 24 || c.minute > 59) return std::nullopt;
      c.last = static_cast<std::uint32_t>(i + 1);
      return finish_clock(c);
    }
    if (has(i, tf_number)) {
      const char sep = x.find(':') != std::string_view::npos ? ':' : '.';
      if (x.find(sep) != std::string_view::npos) {
        const dotted d = split_dotted(x, sep);
        if (d.parts < 2 || d.parts > 3 || d.a > 24 || d.b > 59 || x.size() > 8) return std::nullopt;
        if (x.substr(x.find(sep) + 1, 2).size() != 2) return std::nullopt;
        // "14.30" alone may be a date or a score; after "um", "gegen", "ab" or closing a range of clock times it is a
        // time ("um 18.00 in der Kirche", "5.00 MEZ"), with two digits of minutes and no unit after ("um 2.50 Euro")
        const bool bare_dotted = sep == '.' && d.parts == 2 && x.size() - x.find('.') == 3 &&
                                 ((allow_bare && bare_hour_end(i + 1)) || time_zone_end(i + 1) > i + 1);
        if (sep == '.' && !is(i + 1, "uhr") && !is(i + 1, "h") && !bare_dotted) return std::nullopt;
        c.hour = d.a;
        c.minute = d.b;
        // "8:00:24 Uhr": seconds after the minutes (two digits, colons only)
        if (d.parts == 3) {
          if (sep != ':' || d.c > 59 || d.len_c != 2) return std::nullopt;
          c.second = d.c;
        }
        c.last = static_cast<std::uint32_t>(i + 1);
        if (is(i + 1, "uhr") || is(i + 1, "h")) c.last = static_cast<std::uint32_t>(i + 2);
        return finish_clock(c);
      }
      if (auto h = plain_digits(i, 1, 2); h && *h <= 24 && (is(i + 1, "uhr") || is(i + 1, "h"))) {
        c.hour = *h;
        c.last = static_cast<std::uint32_t>(i + 2);
        // "um 4 Uhr 45 zu führen", "14 Uhr 30 begann": any word but a unit or a noun may follow the minutes
        // ("um 10 Uhr 20 Minuten später", "um 10 Uhr 20 Demonstranten")
        const time_word* after = w(i + 3);
        // (in a text all in lower case, a time word after the minutes is no noun: "3 uhr 15 am nachmittag")
        if (auto m = plain_digits(i + 2, 1, 2); m && *m < 60 && same_sentence(i, i + 2) &&
                                                 !(after && after->cls == word_class::unit) &&
                                                 !(has(i + 3, tf_word) && upper(i + 3) && (caps_ || !after)) &&
                                                 !has(i + 3, tf_number)) {
          c.minute = *m;
          c.last = static_cast<std::uint32_t>(i + 3);
        }
        return finish_clock(c);
      }
      // "um 7", "um 15": a bare hour after "um"/"gegen", when no noun follows ("um 7 Prozent")
      if (auto h = plain_digits(i, 1, 2); h && *h <= 24 && allow_bare && bare_hour_end(i + 1)) {
        c.hour = *h;
        c.last = static_cast<std::uint32_t>(i + 1);
        return finish_clock(c);
      }
      return std::nullopt;
    }
    if (!has(i, tf_word)) return std::nullopt;
    const time_word* cw = w(i);
    if (cw && cw->cls == word_class::clock) {
      // "halb drei" -> 2:30; "viertel nach acht" -> 8:15; "viertel vor neun" -> 8:45
      std::size_t j = i + 1;
      int before = 0;
      // "viertel acht" -> 7:15, "dreiviertel acht" -> 7:45 (Austrian, eastern German): the quarters before the hour,
      // only after "um"/"gegen" (else "ein Viertel acht Euro" would be a time)
      const bool regional = cw->value != -30 && !is(j, "nach") && !is(j, "vor") && i > 0 &&
                            (is(i - 1, "um") || is(i - 1, "gegen") || is(i - 1, "ab") || is(i - 1, "bis"));
      if (cw->value != -30 && !regional) {
        if (is(j, "nach")) before = 1;
        else if (is(j, "vor")) before = -1;
        else return std::nullopt;
        ++j;
      }
      auto h = hour_number(j);
      if (!h || *h > 24 || *h == 0) return std::nullopt;
      if (regional) { c.hour = *h - 1; c.minute = cw->value; }
      else if (cw->value == -30) { c.hour = *h - 1; c.minute = 30; }
      else if (before == 1) { c.hour = *h; c.minute = cw->value; }
      else { c.hour = *h - 1; c.minute = 60 - cw->value; }
      c.last = static_cast<std::uint32_t>(j + 1);
      if (is(j + 1, "uhr")) ++c.last;
      return finish_clock(c);
    }
    // a word is an hour only before "Uhr" or where a bare hour may stand: most words get no number parse
    const bool uhr_next = is(i + 1, "uhr");
    if (!uhr_next && !allow_bare) return std::nullopt;
    auto h = hour_number(i);
    if (h && *h <= 24 && uhr_next) {
      c.hour = *h;
      c.last = static_cast<std::uint32_t>(i + 2);
      if (same_sentence(i, i + 2) && has(i + 2, tf_word) && !w(i + 2)) {  // "acht Uhr vierzig"
        if (auto m = parse_cardinal_word(f(i + 2)); m && *m > 0 && *m < 60) {
          c.minute = static_cast<int>(*m);
          c.last = static_cast<std::uint32_t>(i + 3);
        }
      }
      return finish_clock(c);
    }
    // "um sieben", "um eins"; "gegen einen Angriff" is an article, not one o'clock
    if (h && *h >= 1 && *h <= 12 && allow_bare && (*h != 1 || f(i) == "eins") && bare_hour_end(i + 1)) {
      c.hour = *h;
      c.last = static_cast<std::uint32_t>(i + 1);
      return finish_clock(c);
    }
    return std::nullopt;
  }

  std::optional<clock_read> minutes_from_hour(std::size_t i) const {
    if (!w(i + 1)) return std::nullopt;  // "Minuten", "nach", "vor" are all time words: most numbers stop here
    std::size_t j = i + 1;
    const bool minutes_said = is(j, "minuten");
    if (minutes_said) ++j;
    if (!(is(j, "nach") || is(j, "vor"))) return std::nullopt;
    const bool half = is(j + 1, "halb");
    const std::size_t hk = j + 1 + (half ? 1 : 0);
    if (!same_sentence(i, hk)) return std::nullopt;
    const bool uhr = is(hk + 1, "uhr");
    const bool after_prep = i > 0 && same_sentence(i - 1, i) &&
                            (is(i - 1, "um") || is(i - 1, "gegen") || is(i - 1, "ab") || is(i - 1, "bis"));
    if (!after_prep && !(minutes_said && uhr)) return std::nullopt;
    std::optional<long long> m;
    if (auto d = plain_digits(i, 1, 2)) m = *d;
    else if (has(i, tf_word)) m = parse_cardinal_word(f(i));
    auto h = hour_number(hk);
    if (!m || *m <= 0 || *m >= (half ? 30 : 60) || !h || *h > 24 || (half && *h == 0)) return std::nullopt;
    if (!uhr && !bare_hour_end(hk + 1)) return std::nullopt;  // "um 10 nach 20 Spielen"
    int total = (half ? (*h - 1) * 60 + 30 : *h * 60) + static_cast<int>(is(j, "nach") ? *m : -*m);
    total = (total + 24 * 60) % (24 * 60);
    clock_read c;
    c.hour = total / 60;
    c.minute = total % 60;
    c.last = static_cast<std::uint32_t>(uhr ? hk + 2 : hk + 1);
    return c;
  }

  // An inflected adjective (not an article) and a capitalised noun within the four tokens from j, in the sentence:
  // what a bare number before them counts ("seit November entführte Mitarbeiter"; not "nach Hause", "in der Halle")
  bool counted_noun_ahead(std::size_t j) const {
    static constexpr std::array<std::string_view, 12> articles = {"der", "die", "das", "den", "dem", "des",
                                                                  "ein", "eine", "einen", "einem", "einer", "eines"};
    for (std::size_t k = j; k + 1 < n_ && k < j + 4 && same_sentence(j, k + 1); ++k) {
      if (!lower_word(k) || !has(k + 1, tf_word) || !real_upper(k + 1) || is_any(k, articles)) continue;
      const std::string_view x = f(k);
      if (x.size() >= 5 && (x.ends_with("e") || x.ends_with("en"))) return true;  // "entführte", "lebenden"
    }
    return false;
  }
  // What may follow a bare hour: the end, punctuation, a verb or particle, a part of the day, "bis".
  bool bare_hour_end(std::size_t j) const {
    if (j >= n_ || !same_sentence(j - 1, j)) return true;
    // "gegen zwei weitere Verdächtige", "um drei neue Stellen": an adjective and a noun make it a count
    if (lower_word(j) && has(j + 1, tf_word) && real_upper(j + 1) && same_sentence(j, j + 1)) {
      const std::string_view x = f(j);
      if (x.ends_with("e") || x.ends_with("en") || x.ends_with("er") || x.ends_with("es") || x.ends_with("em")) return false;
    }
    if (has(j, tf_punct)) return !one(j, '%') && s(j) != "€" && !one(j, '$');
    // "um zwei seit November entführte Mitarbeiter": a phrase, then an adjective and its noun, counted
    if (lower_word(j) && counted_noun_ahead(j)) return false;
    // "ist am Sonntag um 22 auf 3.288 gestiegen": a rise by 22 to a new count, not 22 o'clock
    // (minutes before or after an hour, "um 20 nach 3", are read by minutes_from_hour(); "um 10 nach 20 Spielen" is none)
    if ((is(j, "auf") || is(j, "von") || is(j, "nach") || is(j, "vor")) && same_sentence(j, j + 1) &&
        (has(j + 1, tf_number) || (lower_word(j + 1) && has(j + 2, tf_number) && same_sentence(j, j + 2))))
      return false;
    if (const time_word* p = w(j); p && (p->part != daypart::none || p->cls == word_class::uhr)) return true;
    if (is(j, "bis") || is(j, "und") || is(j, "in") || is(j, "am")) return true;
    if (!caps_) return false;
    static constexpr std::array<std::string_view, 8> counts = {"prozent", "mal", "euro", "dollar", "grad", "cent", "jahre", "stück"};
    return lower_word(j) && !is_any(j, counts);
  }

  std::optional<int> hour_number(std::size_t i) const {
    if (auto d = plain_digits(i, 1, 2)) return *d;
    if (!has(i, tf_word)) return std::nullopt;
    if (auto v = parse_cardinal_word(f(i)); v && *v >= 0 && *v <= 24) return static_cast<int>(*v);
    return std::nullopt;
  }

  // "8 Uhr morgens", "8 Uhr Abends", "5 Uhr früh", "3 Uhr am Nachmittag", "8 Uhr in der Nacht", "14 Uhr Ortszeit"
  std::optional<clock_read> finish_clock(clock_read c) const {
    std::size_t j = c.last;
    std::size_t part_at = j;
    if ((is(j, "am") || is(j, "in")) && j + 1 < n_) part_at = is(j + 1, "der") ? j + 2 : j + 1;
    const time_word* p = w(part_at);
    const bool adverb = p && p->cls == word_class::daypart && p->part != daypart::none &&
                        (lower_word(part_at) || f(part_at).back() == 's') && part_at == j;
    const bool phrase = p && p->part != daypart::none && part_at != j && upper(part_at) && same_sentence(j, part_at);
    if (adverb || phrase) {
      if (c.hour >= 1 && c.hour < 12 && (p->part == daypart::af || p->part == daypart::ev || (p->part == daypart::ni && c.hour >= 6)))
        c.hour += 12;
      if (c.hour == 12 && (p->part == daypart::ni || p->part == daypart::ev)) c.hour = 0;  // "12 Uhr nachts"
      c.last = static_cast<std::uint32_t>(part_at + 1);
    }
    c.last = static_cast<std::uint32_t>(time_zone_end(c.last, &c.zone));
    return c;
  }

  // A time zone after a clock time belongs to its span: "16 Uhr MEZ", "14 Uhr MESZ", "8:00 GMT", "14 Uhr
  // Ortszeit", "08.10 Uhr Mitteleuropäischer Sommerzeit", "20 Uhr deutscher Zeit". The clock time stays as written;
  // a zone with a fixed offset from UTC gives it to the value ("23:00 Uhr mitteleuropäischer Zeit" T23:00+01, as
  // TIMEX2 and ISO 8601 write it; "Ortszeit", "deutscher Zeit" name none). Returns the end (== j when none).
  std::size_t time_zone_end(std::size_t j, std::int8_t* zone = nullptr) const {
    if (j >= n_ || !has(j, tf_word) || !same_sentence(j - 1, j)) return j;
    // every zone word below begins with one of these bytes ('\xC3' for "österreichischer"): most words stop here
    static constexpr std::string_view firsts = "omgucwdsk\xC3";
    if (firsts.find(f(j)[0]) == std::string_view::npos) return j;
    struct zone_word { std::string_view word; std::int8_t offset; };
    static constexpr std::array<zone_word, 13> zones = {{
        {"ortszeit", no_zone}, {"mez", 1}, {"mesz", 2}, {"gmt", 0}, {"utc", 0}, {"cet", 1}, {"cest", 2}, {"met", 1},
        {"mest", 2}, {"wez", 0}, {"wesz", 1}, {"oez", 2}, {"oesz", 3}}};
    for (const zone_word& z : zones) {
      if (!is(j, z.word)) continue;
      // the abbreviations only in capitals ("Met" is no zone): the stage folds case, so the surface decides
      if (z.offset != no_zone && !has(j, tf_all_upper) && caps_) return j;
      if (zone) *zone = z.offset;
      return j + 1;
    }
    // "mitteleuropäischer Zeit" +01, "... Sommerzeit" +02; "deutscher Zeit", "Schweizer Zeit" change with the season
    struct region { std::string_view word; std::int8_t standard; };
    static constexpr std::array<region, 7> regions = {{
        {"mitteleuropäischer", 1}, {"osteuropäischer", 2}, {"westeuropäischer", 0}, {"deutscher", no_zone},
        {"österreichischer", no_zone}, {"schweizer", no_zone}, {"koordinierter", 0}}};
    static constexpr std::array<std::string_view, 5> kinds = {"zeit", "sommerzeit", "winterzeit", "ortszeit", "weltzeit"};
    for (const region& r : regions) {
      if (!is(j, r.word) || !is_any(j + 1, kinds) || !same_sentence(j, j + 1)) continue;
      if (zone && r.standard != no_zone) *zone = static_cast<std::int8_t>(r.standard + (is(j + 1, "sommerzeit") ? 1 : 0));
      return j + 2;
    }
    return j;
  }

  // "von 5 bis 7" at token i (the first hour) beside a day or a part of the day: the two hours, and the part of
  // the day that follows the second ("von 5 bis 6 nachmittags")
  std::optional<std::pair<int, int>> hour_range(std::size_t i, daypart& part) const {
    if (i < 2 || !is(i + 1, "bis") || !same_sentence(i - 2, i + 2)) return std::nullopt;
    auto first = clock_core(i, true);
    auto second = clock_core(i + 2, true);
    if (!first || !second || first->last != i + 1 || second->last < i + 3 || first->minute || second->minute ||
        first->hour > 12 || second->hour > 24 || first->hour >= second->hour + 12)
      return std::nullopt;
    auto dayish = [&](std::size_t k) {
      if (k >= n_) return false;
      if (const time_word* t = w(k)) {
        const word_class wc = t->cls;
        if (wc == word_class::weekday || wc == word_class::deictic || wc == word_class::daypart || wc == word_class::month)
          return true;
      }
      return has(k, tf_number) && s(k).size() >= 6 && s(k).find('.') != std::string_view::npos;  // "22.4.2016"
    };
    std::size_t after = i + 3;
    if (is(after, "uhr")) ++after;  // "von 5 bis 6 Uhr nachmittags"
    const time_word* pa = w(after);
    const bool part_after = pa && pa->part != daypart::none && pa->cls == word_class::daypart && same_sentence(i, after);
    const bool date_after = is(after, "am") && dayish(after + 1) && same_sentence(i, after + 1);
    if (!dayish(i - 2) && !part_after && !date_after) return std::nullopt;
    part = part_after ? pa->part : daypart::none;
    return std::pair<int, int>{first->hour, second->hour};
  }

  // Clock times: "um 14 Uhr" (span "14 Uhr"), "14:30", "gegen halb drei" (APPROX)
  std::optional<time_expr> clock(std::size_t i) const {
    // a bare hour: after "um" (digits or words); after "gegen"/"ab" only digits ("gegen 7", not "gegen zwei Gegner")
    // "bis 11 am Vormittag", "ab 8 am Abend": after "bis" or "ab" a bare hour with a part of the day phrase after it
    auto part_phrase_next = [&] {
      const std::size_t p = is(i + 1, "am") ? i + 2 : is(i + 1, "in") && is(i + 2, "der") ? i + 3 : 0;
      return p && cls(p) == word_class::daypart && same_sentence(i, p);
    };
    const bool after_um = i > 0 && same_sentence(i - 1, i) &&
                          (is(i - 1, "um") || ((is(i - 1, "gegen") || is(i - 1, "ab")) && has(i, tf_number)) ||
                           ((is(i - 1, "bis") || is(i - 1, "ab")) && has(i, tf_number) && part_phrase_next()));
    // "von 1:30 bis 3", "9:30 - 11:00", "zwischen 9:30 und 11:00", "von 6h30 morgens bis 11 am Abend": a bare
    // hour after the link closes a range that began with a clock time
    const bool closes_clock = !after_um && closes_clock_range(i);
    auto c = clock_core(i, after_um || closes_clock);
    // "heute von fünf bis sieben", "am Montag von 5 bis 7", "morgens von 5 bis sieben", "22. April von 5 bis 6
    // nachmittags": two bare hours after "von" are clock times when a day or part of the day stands beside them
    if (!c && i >= 2 && is(i - 1, "von")) {
      daypart part = daypart::none;
      if (auto h = hour_range(i, part)) {
        time_expr e = make(i, i + 1, expr_kind::time, anchoring::implicit);
        e.hour = h->first; e.part = part; apply_part_to_hour(e);
        return e;
      }
    }
    if (!c && i >= 4 && is(i - 1, "bis") && is(i - 3, "von")) {
      daypart part = daypart::none;
      if (auto h = hour_range(i - 2, part)) {
        time_expr e = make(i, i + 1, expr_kind::time, anchoring::implicit);
        if (auto c2 = clock_core(i, true); c2 && c2->last > i + 1) e.last = c2->last;  // "6 nachmittags"
        e.hour = h->second; e.part = part; apply_part_to_hour(e);
        // "von 5 bis 6 am 22.4.2016": the date after the range is the end's day (and the begin's, in join_ranges)
        return with_date_after(i, e);
      }
    }
    // "von 5 bis 6 Uhr", "zwischen 4 und 7 Uhr", "13.30 bis 18 Uhr", "zwischen 06.35 und 08.10 Uhr": the first
    // hour borrows "Uhr" from the second
    const auto first_hour = !c && is_link(i + 1) ? bare_clock_number(i) : std::nullopt;
    if (first_hour) {
      if (auto second = clock_core(i + 2, true); second && second->last > i + 3) {
        time_expr e = make(i, i + 1, expr_kind::time, anchoring::implicit);
        e.hour = first_hour->first;
        e.minute = first_hour->second;
        if (e.hour < 12 && second->hour >= 12 && e.hour + 12 <= second->hour) e.hour += 12;  // "von 5 bis 6 Uhr abends"
        if (const time_word* pa = w(second->last); pa && pa->cls == word_class::daypart && pa->part != daypart::none &&
            same_sentence(i, second->last)) {
          e.part = pa->part;  // "von 5 bis 6 Uhr nachmittags"
          apply_part_to_hour(e);
        }
        return e;
      }
    }
    if (!c) return std::nullopt;
    // "14:30" without "Uhr" needs "um", "gegen", "ab", "bis" before, or stands alone as a time
    const bool has_uhr = c->last > i + 1;
    // "14:30" without "Uhr" needs a time word before it: "um 14:30", "bis 16:00", "Es ist 19:56"; "(17:21, 17:21)" is a score
    if (!has_uhr && !after_um && !has(i, tf_word)) {
      const bool time_word_before = i > 0 && same_sentence(i - 1, i) &&
          (is(i - 1, "bis") || is(i - 1, "von") || is(i - 1, "ist") || is(i - 1, "ab") || is(i - 1, "gegen") ||
           is(i - 1, "zwischen") || is(i - 1, "seit") || is(i - 1, "etwa") || is(i - 1, "ca") || timeish(i - 1));
      const bool part_after = w(c->last) && w(c->last)->part != daypart::none;
      // "9:30 - 11:00": two clock times linked are a range of times
      const bool opens_range = is_link(c->last) && same_sentence(i, c->last + 1) && has(c->last + 1, tf_number) &&
                               s(c->last + 1).find(':') != std::string_view::npos && clock_core(c->last + 1);
      if (!time_word_before && !part_after && !closes_clock && !opens_range && i > 0) return std::nullopt;
    }
    time_expr e = make(i, c->last, expr_kind::time, anchoring::implicit);
    e.hour = c->hour;
    e.minute = c->minute;
    e.second = c->second;
    e.zone = c->zone;
    e.last = static_cast<std::uint32_t>(mod_after(c->last, e.mod));
    // "um 17 Uhr morgen", "um 20 Uhr heute": the deictic day after the clock is its day (not before a part of the
    // day or a clock of its own: "um 8 Uhr morgen früh" is left to the two)
    if (const time_word* d = w(e.last); d && d->cls == word_class::deictic && lower_word(e.last) && has_uhr &&
                                        next_ok(i, e.last) && f(e.last).find("ig") == std::string_view::npos &&
                                        !(w(e.last + 1) && (w(e.last + 1)->part != daypart::none || is(e.last + 1, "um")) &&
                                          same_sentence(e.last, e.last + 1))) {
      e.anchor = anchoring::dct;
      e.rel_unit = time_unit::day;
      e.gran = time_unit::day;
      e.offset = d->value;
      ++e.last;
      return e;
    }
    // "19:00 Uhr am 22.12.2016", "um 8 Uhr am 5. Mai": the date after the clock is the same expression
    return with_date_after(i, e);
  }

  // A bound or approximation after a clock time, where it qualifies what comes before it: "15 Uhr in etwa" (APPROX),
  // "14 Uhr frühestens" (ON_OR_AFTER), "11 Uhr spätestens" (ON_OR_BEFORE); not where it begins the next amount or
  // time ("um 15 Uhr etwa 200 Menschen", "um 14 Uhr spätestens Montag"). Returns the end (== j when none).
  std::size_t mod_after(std::size_t j, timex_mod& mod) const {
    if (!w(j) || !same_sentence(j - 1, j)) return j;  // "in" and the approximation words are all time words
    const std::size_t k = is(j, "in") && is(j + 1, "etwa") ? j + 1 : j;  // "in etwa"
    const time_word* aw = w(k);
    if (!aw || aw->cls != word_class::approx || !lower_word(k) ||
        (aw->mod != timex_mod::approx && aw->mod != timex_mod::on_or_before && aw->mod != timex_mod::on_or_after) ||
        !same_sentence(j, k))
      return j;
    const std::size_t after = is(k, "ca") && dot_after(k) ? k + 2 : k + 1;
    if (after < n_ && same_sentence(k, after) &&
        (has(after, tf_number) || has(after, tf_has_digit) || timeish(after) || countable(after + 1) ||
         (has(after, tf_word) && upper(after) && caps_)))
      return j;
    mod = aw->mod;
    return after;
  }

  // "bis", "und", "-", "–" between the two ends of a range
  bool is_link(std::size_t j) const {
    if (j >= n_) return false;
    if (one(j, '-')) return true;
    const std::uint32_t len = tk_[j].fold_len;  // "bis", "und", "–": three bytes each
    return len == 3 && (is(j, "bis") || is(j, "und") || s(j) == "\u2013");
  }
  // "5", "13.30" (hours and minutes, two digits of them): a number that may be a clock time without "Uhr"
  std::optional<std::pair<int, int>> bare_clock_number(std::size_t i) const {
    if (auto h = plain_digits(i, 1, 2)) return *h <= 24 ? std::optional<std::pair<int, int>>({*h, 0}) : std::nullopt;
    if (!has(i, tf_number)) return std::nullopt;
    const std::string_view x = s(i);
    const std::size_t dot = x.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 2 || x.size() != dot + 3) return std::nullopt;
    const dotted d = split_dotted(x, '.');
    if (d.parts != 2 || d.a > 24 || d.b > 59) return std::nullopt;
    return std::pair<int, int>{d.a, d.b};
  }
  // Token i follows a link ("bis", "und", "-") that follows a clock time: "9:30 - 11:00", "von 1:30 bis 3",
  // "6h30 morgens bis 11", "10 Uhr bis 12"
  bool closes_clock_range(std::size_t i) const {
    if (i < 2 || !is_link(i - 1) || !same_sentence(i - 2, i)) return false;
    std::size_t k = i - 2;
    if (const time_word* p = w(k); p && p->cls == word_class::daypart && lower_word(k) && k > 0) --k;  // "6h30 morgens"
    if (is(k, "uhr") || is(k, "h")) return !is(i - 1, "und");  // "von 10 Uhr bis 12"; "um 10 Uhr und 12 Menschen"
    const std::string_view x = s(k);
    if (has(k, tf_number)) return x.find(':') != std::string_view::npos;
    return has(k, tf_word) && has(k, tf_has_digit) && x.size() <= 8 && f(k).find('h') != std::string_view::npos &&
           clock_core(k).has_value();  // "6h30", "18:30h"
  }

  // A clock time e followed by "am" and a full date ("um 8 Uhr am 5. Mai") becomes that date at e's time;
  // anything else leaves e as it is.
  time_expr with_date_after(std::size_t i, const time_expr& e) const {
    if (!is(e.last, "am") || !next_ok(i, e.last + 1)) return e;
    std::optional<time_expr> d = numeric_date(e.last + 1);
    if (!d) d = day_month(e.last + 1);
    if (!d || d->bare_day || d->hour >= 0) return e;
    time_expr full = *d;
    full.first = e.first;
    full.hour = e.hour;
    full.minute = e.minute;
    full.zone = e.zone;
    full.kind = expr_kind::time;
    return full;
  }

  // "im Frühjahr", "Sommer 1945", "im Herbst des Jahres 1940", "Frühjahr 479 v. Chr."
  std::optional<time_expr> season(std::size_t i) const {
    const time_word* sw = w(i);
    if (!sw || sw->cls != word_class::season || !upper(i)) return std::nullopt;
    // a season named after a place or people is an event: "Prager Frühling", "Arabischer Frühling", "Deutscher Herbst"
    if (i > 0 && same_sentence(i - 1, i) && upper(i - 1) && !has(i - 1, tf_sentence_start) && !w(i - 1) &&
        !has(i - 1, tf_number) && ends_like_adjective_or_place(f(i - 1)))
      return std::nullopt;
    time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
    e.season = sw->value;
    std::size_t end = year_after(i + 1, e);
    // "im Winter 1939/40": "Winter 1939" is the winter that begins in the first year, "40" a year of its own
    // (run() adds it), as annotators split it
    if (end == i + 1 && sw->value == 4) {  // 4: winter (season_text)
      if (const int y = two_years(i + 1); y && next_ok(i, i + 1)) {
        e.year = y;
        end = i + 2;
        e.byte_end = tk_[i + 1].begin + 4;  // byte_begin stays 0: the span starts at the first token
      }
    }
    e.last = static_cast<std::uint32_t>(end);
    if (e.year != no_year) e.anchor = anchoring::absolute;
    return e;
  }

  // "Prager", "Arabischer", "Arabischen", "Deutschen": a capitalised adjective or a town adjective in -er
  static bool ends_like_adjective_or_place(std::string_view x) {
    return x.size() > 3 && (x.ends_with("er") || x.ends_with("en") || x.ends_with("es") || x.ends_with("e"));
  }

  // "im dritten Quartal" -> YYYY-Q3, "erste Jahreshälfte" -> YYYY-H1, "zweiten Hälfte des Jahres 2020", "Q3 2024"
  std::optional<time_expr> quarter_half(std::size_t i) const {
    int ord = 0;
    std::size_t j = i;
    const std::string_view x = f(i);
    if (x.size() == 2 && (x[0] == 'q') && x[1] >= '1' && x[1] <= '4') {
      time_expr e = make(i, i + 1, expr_kind::date, anchoring::implicit);
      e.quarter = x[1] - '0';
      const std::size_t end = year_after(i + 1, e);
      e.last = static_cast<std::uint32_t>(end);
      if (e.year != no_year) e.anchor = anchoring::absolute;
        return e;
    }
    if (auto o = ordinal_at(i)) { ord = o->first; j = o->second; }
    if (ord < 1 || ord > 4 || !next_ok(i, j)) return std::nullopt;
    // "in der zweiten Monatshälfte", "in der ersten Hälfte des Monats": the month (of the anchor), its first or
    // second half as START or END (TIMEX3 has no half of a month)
    if (ord <= 2 && (is(j, "monatshälfte") || (is(j, "hälfte") && is(j + 1, "des") && (is(j + 2, "monats") || is(j + 2, "monates"))))) {
      const std::size_t end = is(j, "monatshälfte") ? j + 1 : j + 3;
      time_expr e = make(i, end, expr_kind::date, anchoring::dct);
      e.rel_unit = e.gran = time_unit::month;
      e.offset = 0;
      e.mod = ord == 1 ? timex_mod::start : timex_mod::end;
      return e;
    }
    bool is_half = false;
    if (cls(j) == word_class::unit && w(j)->unit == time_unit::quarter) is_half = false;
    else if (cls(j) == word_class::unit && w(j)->unit == time_unit::half) is_half = true;
    else if (is(j, "hälfte") && is(j + 1, "des") && (is(j + 2, "jahres") || is(j + 2, "jahrs"))) { is_half = true; j += 2; }
    else return std::nullopt;
    if (is_half && ord > 2) return std::nullopt;
    time_expr e = make(i, j + 1, expr_kind::date, anchoring::implicit);
    if (is_half) e.half = ord; else e.quarter = ord;
    const std::size_t end = year_after(j + 1, e);
    e.last = static_cast<std::uint32_t>(end);
    if (e.year != no_year) e.anchor = anchoring::absolute;
    return e;
  }

  // A number for a duration: "drei", "3", "3,5", "eineinhalb", "einen", "ein paar" (X), "mehrere" (X)
  std::optional<amount> number_at(std::size_t i) const {
    if (i >= n_) return std::nullopt;
    if (has(i, tf_number)) {
      const std::string_view x = s(i);
      // "1/2 Stunde", "3/4 Stunde", "1/4 Jahr": a common fraction of one unit
      struct fraction { std::string_view written, decimal; double value; };
      static constexpr std::array<fraction, 3> fractions = {{{"1/2", "0.5", 0.5}, {"1/4", "0.25", 0.25}, {"3/4", "0.75", 0.75}}};
      for (const fraction& q : fractions)
        if (x == q.written) return amount{std::string(q.decimal), q.value};
      if (const long long g = grouped_thousands(x); g > 0) return amount{std::to_string(g), static_cast<double>(g)};
      if (x.find_first_of(".:/") != std::string_view::npos) return std::nullopt;
      if (auto v = parse_digits(x); v && v->num > 0) return amount{render_amount(*v), double(v->num) / double(v->den)};
      return std::nullopt;
    }
    if (!has(i, tf_word)) return std::nullopt;
    const std::string_view x = f(i);
    if (const time_word* fw = w(i); fw && fw->cls == word_class::few) return amount{"X", 0};
    // "innerhalb weniger Tage", "binnen weniger Stunden" ("weniger" is listed as the start of "weniger als")
    if (is(i, "weniger") && i > 0 && (is(i - 1, "innerhalb") || is(i - 1, "binnen") || is(i - 1, "nach") || is(i - 1, "vor")))
      return amount{"X", 0};
    if (x == "ein" || x == "eine" || x == "einen" || x == "einem" || x == "einer" || x == "eines") {
      // "eine halbe Stunde", "ein halb Stunden" (a count and a half written apart: "zwei ein halb Stunden")
      if (is(i + 1, "halbe") || is(i + 1, "halben") || is(i + 1, "halbes") || is(i + 1, "halb")) return amount{"0.5", 0.5};
      return amount{"1", 1};
    }
    if (x == "beiden" || x == "beide") return amount{"2", 2};
    if (x == "halbe" || x == "halben" || x == "halbes") return amount{"0.5", 0.5};
    if (x == "anderthalb") return amount{"1.5", 1.5};
    if (auto v = parse_number_word(x); v && v->num > 0) return amount{render_amount(*v), double(v->num) / double(v->den)};
    return std::nullopt;
  }

  // "1.000", "2.500", "12.000.000": a count with a dot between its thousands (German), or 0
  static long long grouped_thousands(std::string_view x) {
    const std::size_t dot = x.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot > 3 || (x.size() - dot) % 4 != 0 || x.size() > 15) return 0;
    long long v = 0;
    for (std::size_t k = 0; k < x.size(); ++k) {
      const bool sep = k >= dot && (k - dot) % 4 == 0;
      if (sep ? x[k] != '.' : (x[k] < '0' || x[k] > '9')) return 0;
      if (!sep) v = v * 10 + (x[k] - '0');
    }
    return x[0] == '0' ? 0 : v;
  }

  static std::string duration_value(const std::string& n, time_unit u) {
    const char* suffix = "Y";
    bool time_part = false;
    std::string amt = n;
    switch (u) {
      case time_unit::second: suffix = "S"; time_part = true; break;
      case time_unit::minute: suffix = "M"; time_part = true; break;
      case time_unit::hour: suffix = "H"; time_part = true; break;
      case time_unit::day: suffix = "D"; break;
      case time_unit::night: suffix = "NI"; break;
      case time_unit::week: suffix = "W"; break;
      case time_unit::weekend: suffix = "WE"; break;
      case time_unit::month: suffix = "M"; break;
      case time_unit::quarter: suffix = "Q"; break;
      case time_unit::half: suffix = "M"; if (n != "X") amt = mul(n, 6); break;
      case time_unit::year: suffix = "Y"; break;
      case time_unit::decade: suffix = "DE"; break;
      case time_unit::century: suffix = "CE"; break;
      case time_unit::millennium: suffix = "ML"; break;
      default: break;
    }
    if (auto whole = in_smaller_unit(amt, u)) return *whole;
    return std::string(time_part ? "PT" : "P") + amt + suffix;
  }

  // A fraction of a unit that is a whole number of the next smaller one, written as annotators write it:
  // "anderthalb Jahre" P1Y6M, "ein halbes Jahr" P6M, "zweieinhalb Stunden" PT2H30M, "ein halbes
  // Jahrhundert" P5DE (not P1.5Y, PT2.5H, P0.5CE). Other fractions keep their decimal ("P1.5W").
  static std::optional<std::string> in_smaller_unit(const std::string& amt, time_unit u) {
    if (amt.find('.') == std::string::npos) return std::nullopt;
    struct step { time_unit unit; int factor; const char* big; const char* small; bool time_part; };
    static constexpr step steps[] = {
        {time_unit::year, 12, "Y", "M", false},     {time_unit::day, 24, "D", "H", false},
        {time_unit::hour, 60, "H", "M", true},      {time_unit::minute, 60, "M", "S", true},
        {time_unit::decade, 10, "", "Y", false},    {time_unit::century, 10, "", "DE", false},
        {time_unit::millennium, 10, "", "CE", false}};
    for (const step& st : steps) {
      if (st.unit != u) continue;
      const double v = std::atof(amt.c_str());
      if (!(v > 0) || v > 1e6) return std::nullopt;
      const long whole = static_cast<long>(v);
      const double rest = (v - static_cast<double>(whole)) * st.factor;
      const long part = std::lround(rest);
      if (std::fabs(rest - static_cast<double>(part)) > 1e-6 || part == 0) return std::nullopt;
      std::string out = st.time_part ? "PT" : "P";
      if (!*st.big) {  // decades, centuries: one count of the smaller unit ("anderthalb Jahrzehnte" P15Y)
        out += std::to_string(whole * st.factor + part);
      } else {
        if (whole) { out += std::to_string(whole); out += st.big; }
        if (u == time_unit::day) out += 'T';  // "anderthalb Tage" P1DT12H
        out += std::to_string(part);
      }
      out += st.small;
      return out;
    }
    return std::nullopt;
  }
  // The amount as a whole count of `unit`, or of months for a fraction of a year ("anderthalb" Jahre: 18
  // months); false when it is no whole count of either.
  static bool whole_count(double value, time_unit& unit, int& count) {
    if (value == static_cast<int>(value)) { count = static_cast<int>(value); return true; }
    const double months = value * 12;
    if (unit == time_unit::year && months == static_cast<int>(months)) {
      unit = time_unit::month;
      count = static_cast<int>(months);
      return true;
    }
    return false;
  }
  static std::string mul(const std::string& n, int k) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", std::atof(n.c_str()) * k);
    return buf;
  }

  // "drei Monate", "zehn Tage lang", "eineinhalb Stunden", "einer halben Stunde", "mehrere Tage",
  // "vor drei Jahren" (a date), "in zwei Wochen" (a date), "zwei Tage später" (a date from the story)
  // prep: the token that may be "vor" or "in" before the amount (i - 1, or the token before an approximation word)
  std::optional<time_expr> duration(std::size_t i, std::size_t prep = static_cast<std::size_t>(-1)) const {
    if (prep == static_cast<std::size_t>(-1)) prep = i > 0 ? i - 1 : prep;
    // "den ganzen Tag", "die ganze Woche", "das ganze Jahr", "während des ganzen Jahres": one whole unit
    if ((is(i, "ganze") || is(i, "ganzen") || is(i, "ganzes")) && cls(i + 1) == word_class::unit && next_ok(i, i + 1)) {
      const std::string_view u = f(i + 1);
      if (u == "tag" || u == "woche" || u == "monat" || u == "jahr" || u == "wochenende" ||
          u == "tages" || u == "monats" || u == "jahres") {  // "während des ganzen Jahres", "eines ganzen Monats"
        time_expr e = make(i, i + 2, expr_kind::duration, anchoring::absolute);
        e.text = duration_value("1", w(i + 1)->unit);
        if (is(i + 2, "lang") && next_ok(i, i + 2)) e.last = static_cast<std::uint32_t>(i + 3);
        return e;
      }
    }
    // "eine Viertelstunde", "Dreiviertelstunde", "drei Viertelstunden", "ein Vierteljahr", "einem Dreivierteljahr"
    // (the quarter words are cue words, "dreiviertel" a clock word: most durations stop at the first test)
    if (const word_class c0 = cls(i), c1 = cls(i + 1);
        c0 == word_class::cue || c1 == word_class::cue || c0 == word_class::clock || c1 == word_class::clock) {
      std::size_t j = i;
      int count = 1;
      if (is(j, "eine") || is(j, "einer") || is(j, "ein") || is(j, "einem") || is(j, "einen")) ++j;
      else if (auto n = is(j + 1, "viertelstunden") ? number_at(j) : std::nullopt;
               n && n->value >= 2 && n->value <= 12 && n->value == static_cast<int>(n->value)) {
        count = static_cast<int>(n->value);
        ++j;
      }
      struct quarter_word { std::string_view word; int quarters; bool hour; };
      static constexpr std::array<quarter_word, 5> quarters = {{{"viertelstunde", 1, true}, {"viertelstunden", 1, true},
                                                                {"dreiviertelstunde", 3, true}, {"vierteljahr", 1, false},
                                                                {"dreivierteljahr", 3, false}}};
      for (const quarter_word& q : quarters) {
        if (cls(j) != word_class::cue) break;  // all of them are cue words ("drei Tage" stops here)
        if (!is(j, q.word) || (count > 1) != (q.word == "viertelstunden")) continue;
        if (!q.hour && j == i) break;  // "im laufenden Vierteljahr" is the quarter, not three months
        time_expr e = make(i, j + 1, expr_kind::duration, anchoring::absolute);
        // appended, not "P" + std::to_string(...): GCC 12 warns falsely (-Wrestrict) on that once is() is inlined here
        e.text.assign(q.hour ? "PT" : "P");
        e.text.append(std::to_string(q.hour ? 15 * q.quarters * count : 3 * q.quarters)).push_back('M');
        // "vor einem Dreivierteljahr", "in einem Vierteljahr": months counted from the reference date, as "vor einem
        // halben Jahr"
        if (!q.hour && prep < i && same_sentence(prep, i) && (is(prep, "vor") || is(prep, "in"))) {
          e.kind = expr_kind::date;
          e.anchor = anchoring::dct;
          e.rel_unit = e.gran = time_unit::month;
          e.offset = 3 * q.quarters * (is(prep, "vor") ? -1 : 1);
          e.first = static_cast<std::uint32_t>(prep);
        }
        return e;
      }
      if (is(j, "dreiviertel") && is(j + 1, "stunde")) {
        time_expr e = make(i, j + 2, expr_kind::duration, anchoring::absolute);
        e.text = "PT45M";
        return e;
      }
    }
    // "90min", "30min", "2std": a count glued to a unit's abbreviation
    if (has(i, tf_word) && has(i, tf_has_digit)) {
      const std::string_view x = f(i);
      std::size_t k = 0;
      while (k < x.size() && x[k] >= '0' && x[k] <= '9') ++k;
      static constexpr std::array<std::pair<std::string_view, char>, 4> glued = {{{"min", 'M'}, {"std", 'H'}, {"sek", 'S'}, {"sec", 'S'}}};
      if (k > 0 && k <= 4 && x[0] != '0') {
        for (auto [unit, letter] : glued) {
          if (x.substr(k) != unit) continue;
          time_expr e = make(i, i + 1, expr_kind::duration, anchoring::absolute);
          e.text = "PT" + std::string(x.substr(0, k)) + letter;
          return e;
        }
      }
    }
    if (const time_word* dw = w(i); dw && dw->cls == word_class::duration_word) {
      time_expr e = make(i, i + 1, expr_kind::duration, anchoring::absolute);
      e.text = dw->text;
      return e;
    }
    // the unit comes at most four tokens on ("ein paar weitere Tage"): without one, no number is parsed
    if (cls(i + 1) != word_class::unit && cls(i + 2) != word_class::unit && cls(i + 3) != word_class::unit &&
        cls(i + 4) != word_class::unit)
      return std::nullopt;
    auto amt = number_at(i);
    if (!amt) return std::nullopt;
    if (amt->text == "X" && i > 0 && is(i - 1, "wie") && (is(i, "viele") || is(i, "vielen"))) return std::nullopt;  // "wie viele Tage?"
    std::size_t j = i + 1;
    if ((is(i, "ein") || is(i, "eine") || is(i, "einer") || is(i, "einen") || is(i, "einem") || is(i, "eines")) &&
        (is(j, "halbe") || is(j, "halben") || is(j, "halbes") || is(j, "halb"))) {
      amt = amount{"0.5", 0.5};
      ++j;
    }
    // "5 und eine halbe Minuten", "zwei und eine halbe Stunde", "zwei ein halb Stunden": a count and a half
    bool quarters_only = false;  // a count and three quarters: never a date
    if (cls(j) != word_class::unit && amt->text != "X" && amt->value >= 1 && amt->value == static_cast<long long>(amt->value) && amt->value < 1e6) {
      std::size_t k = is(j, "und") ? j + 1 : j;
      if ((is(k, "ein") || is(k, "eine") || is(k, "einer") || is(k, "einem") || is(k, "einen")) &&
          (is(k + 1, "halb") || is(k + 1, "halbe") || is(k + 1, "halben")) && cls(k + 2) == word_class::unit && next_ok(i, k + 2)) {
        const double v = amt->value + 0.5;
        amt = amount{std::to_string(static_cast<long long>(amt->value)) + ".5", v};
        j = k + 2;
      } else if (is(j, "dreiviertel") && cls(j + 1) == word_class::unit && next_ok(i, j + 1)) {
        // "einem dreiviertel Jahr" (0.75, as "Dreivierteljahr"), "drei dreiviertel Jahren" (3.75, P3Y9M: a duration
        // only; WikiWarsDE's "vor drei dreiviertel Jahren" is annotated so)
        const bool one = f(i).starts_with("ein");
        const double v = one ? 0.75 : amt->value + 0.75;
        amt = amount{one ? std::string("0.75") : std::to_string(static_cast<long long>(amt->value)) + ".75", v};
        quarters_only = !one;
        ++j;
      }
    }
    if ((is(i, "ein") || is(i, "einige") || is(i, "einigen")) && is(j, "paar")) {  // "ein paar Tage": a few, not one
      amt = amount{"X", 0};
      ++j;
    }
    if (is(j, "ganze") || is(j, "ganzen") || is(j, "ganzes") || is(j, "volle") || is(j, "vollen") ||
        is(j, "aufeinanderfolgenden") || is(j, "weitere") || is(j, "weiteren") || is(j, "vergangenen") ||
        is(j, "vorangegangenen") || is(j, "zurückliegenden") || is(j, "kommenden") || is(j, "folgenden") ||
        is(j, "letzten") || is(j, "nächsten"))
      ++j;  // "einen ganzen Monat", "sieben aufeinanderfolgenden Tagen", "in den 30 vergangenen Tagen"
    // "zwei magere Jahre", "drei lange Wochen", "zwei ereignisreiche Jahre": one adjective between a count of two or more
    // and the unit ("einen schweren Tag", "in einem normalen Jahr" describe a day, a year)
    else if (amt->value >= 2 && cls(j) != word_class::unit && cls(j + 1) == word_class::unit && lower_word(j) && !w(j) &&
             next_ok(i, j + 1) &&
             f(j).size() >= 4 && (f(j).back() == 'e' || f(j).ends_with("en")))
      ++j;
    if (!next_ok(i, j) || cls(j) != word_class::unit) return std::nullopt;
    const time_unit u = w(j)->unit;
    if (u == time_unit::weekend && amt->text != "1") return std::nullopt;
    const std::string_view uf = f(j);
    // a count of an inflected singular is not a duration: "eines Tages" (someday), "des Jahres"
    // ("binnen eines Tages", "innerhalb eines Jahres" are one day, one year)
    if (is(i, "eines") && (uf == "tages" || uf == "jahres" || uf == "morgens" || uf == "abends") && !within_span(i))
      return std::nullopt;
    // an age is no temporal expression in TimeML ("54 Jahre alt", "ein 42 Jahre alter Mann", "zwei Jahre älter", "im
    // Alter von 48 Jahren"); the number stage reads it (years_of_age)
    if (u == time_unit::year || u == time_unit::month || u == time_unit::week || u == time_unit::day) {
      static constexpr std::array<std::string_view, 8> old_words = {"alt", "alte", "alten", "alter", "altes", "altem", "älter", "jünger"};
      if ((next_ok(i, j + 1) && is_any(j + 1, old_words)) ||
          (i > 1 && is(i - 1, "von") && (is(i - 2, "alter") || is(i - 2, "lebensalter")) && same_sentence(i - 2, i)) ||
          (i > 4 && is(i - 1, "und") && is(i - 4, "von") && is(i - 5, "alter") && same_sentence(i - 5, i)))  // "17 Jahren und 166 Tagen"
        return std::nullopt;
      if (u == time_unit::year && amt->text != "X" && group_age(i)) return std::nullopt;
    }
    time_expr e = make(i, j + 1, expr_kind::duration, anchoring::absolute);
    e.text = duration_value(amt->text, u);
    if (u == time_unit::hour && amt->value > 0 && amt->value < 1) e.text = "PT" + std::to_string(static_cast<int>(amt->value * 60)) + "M";
    std::size_t k = j + 1;
    // A date offset is an int: "vor 66 Millionen Jahren" fits, "234567890123456789 Tage" stays a
    // duration (the cast overflowed; found by tests/fuzz/fuzz_analyze).
    const bool countable = amt->value > -1e8 && amt->value < 1e8;
    // "zwei Tage später", "drei Jahre zuvor": a date counted from the story
    // a date offset counts whole units: "ein halbes Jahr später" counts six months; "anderthalb Wochen
    // später" counts none, so it stays a duration
    time_unit offset_unit = u;
    int count = 0;
    const bool whole = countable && amt->text != "X" && !quarters_only && whole_count(amt->value, offset_unit, count);
    if (next_ok(i, k) && cls(k) == word_class::later && whole) {
      const bool hours = u == time_unit::hour || u == time_unit::minute || u == time_unit::second;
      if (!hours) {
        e.kind = expr_kind::date;
        e.anchor = anchoring::story;
        e.rel_unit = offset_unit;
        e.gran = offset_unit == time_unit::week ? time_unit::day : offset_unit;
        e.offset = count * w(k)->value;
        if (offset_unit == time_unit::week) { e.rel_unit = time_unit::day; e.offset *= 7; }
        e.last = static_cast<std::uint32_t>(k + 1);
        return e;
      }
    }
    // "in zwei Stunden", "vor 30 Minuten", "in einer halben Stunde": counted from the reference time of day
    // when there is one (the resolver decides), else a duration
    const bool has_prep = i > 0 && prep < i && same_sentence(prep, i);
    if (has_prep && amt->text != "X" && amt->value > 0 && amt->value < 1e5 &&
        (is(prep, "vor") || is(prep, "in")) &&
        (u == time_unit::hour || u == time_unit::minute || u == time_unit::second)) {
      const double unit_s = u == time_unit::hour ? 3600 : u == time_unit::minute ? 60 : 1;
      e.clock_prep = static_cast<std::int32_t>(prep);
      e.clock_offset = std::llround(amt->value * unit_s) * (is(prep, "vor") ? -1 : 1);
    }
    // "vor drei Jahren": a date counted back from the reference date ("vor einem halben Jahr": six months)
    if (has_prep && whole) {
      const bool vor = is(prep, "vor");
      const bool in = is(prep, "in");
      const bool hours = u == time_unit::hour || u == time_unit::minute || u == time_unit::second;
      if ((vor || in) && !hours && u != time_unit::weekend) {
        e.kind = expr_kind::date;
        e.anchor = anchoring::dct;
        e.rel_unit = offset_unit;
        e.gran = offset_unit;
        e.offset = count * (vor ? -1 : 1);
        if (offset_unit == time_unit::week) { e.rel_unit = e.gran = time_unit::day; e.offset *= 7; }  // "in zwei Wochen" -> a day
        e.first = static_cast<std::uint32_t>(prep);  // the preposition is part of the meaning: "vor drei Jahren"
        return e;
      }
    }
    // "vor wenigen Tagen", "vor einigen Jahren": no count, so no day to count back to; a past reference, the
    // preposition in the span like "vor drei Jahren". ("in wenigen Wochen" stays a duration: in a story told in
    // the past it is "within", "In ein paar Wochen waren sie in Österreich".)
    if (has_prep && amt->text == "X" && is(prep, "vor") && u != time_unit::weekend) {
      e.kind = expr_kind::vague;
      e.text = "PAST_REF";
      e.first = static_cast<std::uint32_t>(prep);
      return e;
    }
    // "Das ist zwei Jahre her": a date counted back, like "vor zwei Jahren"
    // (not "keine zehn Jahre her": less than that, no point)
    const bool negated = i > 0 && (is(i - 1, "keine") || is(i - 1, "nicht") || is(i - 1, "kaum"));
    if (is(k, "her") && !negated && next_ok(i, k) && whole && amt->value > 0 && u != time_unit::hour &&
        u != time_unit::minute && u != time_unit::second && u != time_unit::weekend) {
      e.kind = expr_kind::date;
      e.anchor = anchoring::dct;
      e.rel_unit = offset_unit;
      e.gran = offset_unit;
      e.offset = -count;
      if (offset_unit == time_unit::week) { e.rel_unit = e.gran = time_unit::day; e.offset *= 7; }
      e.last = static_cast<std::uint32_t>(k + 1);
      return e;
    }
    // "wenige Tage später", "viele Jahre zuvor": an unknown amount counts to no date; the duration takes the word
    if (amt->text == "X" && next_ok(i, k) && cls(k) == word_class::later && u != time_unit::weekend)
      e.last = static_cast<std::uint32_t>(k + 1);
    else if (is(k, "lang") && next_ok(i, k)) e.last = static_cast<std::uint32_t>(k + 1);  // "zehn Tage lang"
    else if (is(k, "hinweg") && next_ok(i, k)) e.last = static_cast<std::uint32_t>(k + 1);
    return e;
  }

  // "1:41 Stunden" (PT1H41M), "1:35:20 Stunden", "9:30 Minuten" (PT9M30S), "23:21.7 Minuten": a time on a clock's
  // face counted as hours and minutes (minutes and seconds), as race results and running times are written
  std::optional<time_expr> clock_duration(std::size_t i) const {
    const time_unit u = w(i + 1)->unit;
    if ((u != time_unit::hour && u != time_unit::minute) || !next_ok(i, i + 1)) return std::nullopt;
    const std::string_view x = s(i);
    std::string_view parts[3];
    std::size_t count = 0, start = 0;
    for (std::size_t k = 0; k <= x.size(); ++k) {
      if (k < x.size() && x[k] != ':') continue;
      if (count == 3) return std::nullopt;
      parts[count++] = x.substr(start, k - start);
      start = k + 1;
    }
    if (count < 2 || (u == time_unit::minute && count == 3)) return std::nullopt;
    // the last part may carry a decimal fraction of a second ("21.7", "21,7")
    std::string_view last = parts[count - 1], fraction;
    if (const std::size_t d = last.find_first_of(".,"); d != std::string_view::npos && u == time_unit::minute) {
      fraction = last.substr(d + 1);
      last = last.substr(0, d);
      if (!is_digits(fraction) || fraction.size() > 3) return std::nullopt;
      if (fraction.find_first_not_of('0') == std::string_view::npos) fraction = {};  // "0:23,0 Min": 23 seconds
    }
    parts[count - 1] = last;
    for (std::size_t k = 0; k < count; ++k)
      if (!is_digits(parts[k]) || parts[k].size() > (k == 0 ? 3 : 2) || (k > 0 && parts[k].size() != 2)) return std::nullopt;
    const int a = digits_value(parts[0]), b = digits_value(parts[1]), c = count == 3 ? digits_value(parts[2]) : 0;
    if (b > 59 || c > 59) return std::nullopt;
    const int h = u == time_unit::hour ? a : 0, m = u == time_unit::hour ? b : a, sec = u == time_unit::hour ? c : b;
    std::string v = "PT";
    if (h) v += std::to_string(h) + "H";
    if (m) v += std::to_string(m) + "M";
    if (sec || !fraction.empty()) {
      v += std::to_string(sec);
      if (!fraction.empty()) { v += '.'; v += fraction; }
      v += "S";
    }
    if (v.size() == 2) return std::nullopt;  // "0:00 Minuten"
    time_expr e = make(i, i + 2, expr_kind::duration, anchoring::absolute);
    e.text = std::move(v);
    return e;
  }

  // "binnen eines Tages", "innerhalb eines Monats", "während eines Jahres": a preposition of a span before token i
  bool within_span(std::size_t i) const {
    return i > 0 && same_sentence(i - 1, i) && (is(i - 1, "binnen") || is(i - 1, "innerhalb") || is(i - 1, "während"));
  }

  // "zweiwöchigen", "dreijährige", "mehrjährigen", "achttägiger", "anderthalbstündigem"; "28-jährige", "154-tägiger"
  // (three tokens: the digits, the hyphen and the adjective, glued)
  std::optional<time_expr> adjectival_duration(std::size_t i) const {
    std::size_t word = i;
    bool digits = false;
    if (has(i, tf_number)) {
      if (!(a_.glued(i) && one(i + 1, '-') && a_.glued(i + 1) && has(i + 2, tf_word) && !w(i + 2))) return std::nullopt;
      if (!plain_digits(i, 1, 4)) return std::nullopt;
      word = i + 2;
      digits = true;
    } else if (!has(i, tf_word) || w(i)) {
      return std::nullopt;
    }
    // capitalised inside a sentence and before no noun it is a noun for a person: "eine Fünfjährige wurde",
    // "der Dreijährige", "der 72-Jährige" (a name's adjective stays: "der Dreißigjährige Krieg")
    // (after digits a capital is always the noun: "36-Jähriger in der Donaustadt", "der 86-Jährige Habermas")
    if (caps_ && real_upper(word) &&
        (digits || (!has(i, tf_sentence_start) && !(has(word + 1, tf_word) && real_upper(word + 1) && same_sentence(word, word + 1)))))
      return std::nullopt;
    std::string_view x = f(word);
    static constexpr std::array<std::string_view, 6> endings = {"igen", "iger", "igem", "iges", "ige", "ig"};
    std::size_t cut = std::string_view::npos;
    for (auto e : endings)
      if (x.size() > e.size() + (digits ? 2 : 4) && x.substr(x.size() - e.size()) == e) { cut = x.size() - e.size(); break; }
    if (cut == std::string_view::npos) return std::nullopt;
    x = x.substr(0, cut);  // "zweiwöch", "dreijähr", "achttäg", "anderthalbstünd", "neunmonat"
    static constexpr std::array<std::pair<std::string_view, time_unit>, 6> stems = {{
        {"jähr", time_unit::year}, {"monat", time_unit::month}, {"wöch", time_unit::week}, {"täg", time_unit::day},
        {"stünd", time_unit::hour}, {"minüt", time_unit::minute}}};
    for (auto [stem, unit] : stems) {
      if (x.size() < stem.size() || x.substr(x.size() - stem.size()) != stem) continue;
      std::string_view num = x.substr(0, x.size() - stem.size());
      if (!num.empty() && num.back() == '-') num.remove_suffix(1);
      std::string amt;
      if (digits) {
        if (!num.empty()) return std::nullopt;  // "28-mehrjährige"
        amt = std::string(s(i));
      } else if (num.empty()) return std::nullopt;
      else if (num == "mehr" || num == "viel" || num == "lang") amt = "X";
      else if (num == "ein") amt = "1";
      else if (num == "anderthalb" || num == "eineinhalb") amt = "1.5";
      else if (is_digits(num) && num.size() <= 4) amt = std::string(num);
      else if (auto v = parse_cardinal_word(num); v && *v > 0) amt = std::to_string(*v);
      else return std::nullopt;
      // a counted "-jährig" before a noun is an age unless the noun names a stretch of time or an activity ("der
      // dreijährige Vertrag", "das 60-jährige Bestehen", "des achtjährigen Krieges"; not "die vierjährige Tochter",
      // "der 28-jährige Tiroler"): TimeML leaves ages out, the number stage reads them (years_of_age)
      if (unit == time_unit::year && amt != "X" && caps_ && !age_is_period(word, digits)) return std::nullopt;
      time_expr e = make(i, word + 1, expr_kind::duration, anchoring::absolute);
      e.text = duration_value(amt, unit);
      return e;
    }
    return std::nullopt;
  }

  // The noun after an adjective of years at token `adj` (past at most two adjectives) names a period or an activity
  // with a length: the adjective is a duration. A person, an animal or a thing ("Tochter", "Tiroler", "Stute",
  // "Whisky") makes it an age; with no noun after it, a spelled-out count stays a duration ("einjährig") and digits are
  // an age ("stirbt 64-jährig", "der damals 17-jährige im August").
  // "Männer im Alter zwischen 18 und 60 Jahren", "Jugendliche zwischen 16 und 21 Jahren", "Kinder von 6 bis 14
  // Jahren", "Kinder unter 3 Jahren", "Hörer ab 10 Jahren": the years of the count at i bound the ages of a group of
  // people, no temporal expression (as "im Alter von 48 Jahren"); not "Haftstrafen zwischen zwei und drei Jahren",
  // "seit über 20 Jahren"
  bool group_age(std::size_t i) const {
    static constexpr std::array<std::string_view, 60> people = {
        "alter", "kinder", "kindern", "kleinkinder", "kleinkindern", "babys", "jugendliche", "jugendlichen", "menschen",
        "männer", "männern", "frauen", "personen", "mädchen", "buben", "jungen", "burschen", "schüler", "schülern",
        "schülerinnen", "erwachsene", "erwachsenen", "hörer", "hörern", "zuschauer", "zuschauern", "deutsche",
        "deutschen", "bürger", "bürgern", "patienten", "senioren", "teilnehmer", "teilnehmern", "spieler", "spielern",
        "asylwerber", "flüchtlinge", "flüchtlingen", "prostituierte", "befragte", "befragten", "nutzer", "nutzern",
        "wähler", "wählern", "einwohner", "arbeitnehmer", "arbeitnehmern", "beschäftigte", "beschäftigten",
        "altersgruppe", "zielgruppe", "bevölkerung", "frauen", "schwangere", "studierende", "studenten", "leser", "lesern"};
    static constexpr std::array<std::string_view, 4> bounds = {"unter", "über", "ab", "bis"};
    if (i >= 2 && is_any(i - 1, bounds) && is_any(i - 2, people) && same_sentence(i - 2, i)) return true;
    const bool range = i >= 4 && ((is(i - 1, "und") && is(i - 3, "zwischen")) || (is(i - 1, "bis") && is(i - 3, "von")));
    return range && has(i - 2, tf_number) && is_any(i - 4, people) && same_sentence(i - 4, i);
  }

  bool age_is_period(std::size_t adj, bool digits) const {
    std::size_t k = adj + 1;
    while (k < adj + 3 && lower_word(k) && same_sentence(adj, k) && f(k).size() > 3) ++k;  // "28-jährige gebürtige"
    if (!(has(k, tf_word) && real_upper(k) && same_sentence(adj, k))) return !digits;
    const std::string_view x = f(k);
    // endings of nouns for periods, spells of activity and terms, as compounds end in them ("Amtszeit", "Haftstrafe",
    // "Bürgerkrieg", "Testphase", "Partnerschaft", "Planung")
    static constexpr std::array<std::string_view, 56> period_endings = {
        "zeit", "zeiten", "frist", "pause", "haft", "strafe", "strafen", "krieg", "krieges", "kriegs", "kriege",
        "bestehen", "bestehens", "periode", "phase", "programm", "programms", "plan", "plans", "vertrag", "vertrags",
        "vertrages", "verträge", "reise", "kampagne", "saison", "ung", "ungen", "schaft", "heit", "keit", "geschichte",
        "tradition", "karriere", "ehe", "jubiläum", "jubiläums", "studie", "studium", "projekt", "aufenthalt", "mandat",
        "dienst", "exil", "verbot", "sperre", "politik", "laufbahn", "dauer", "konflikt", "ära", "vita", "amt", "amts",
        "haushalt", "haushalts"};
    for (std::string_view e : period_endings)
      if (x.size() >= e.size() && x.substr(x.size() - e.size()) == e) return true;
    return false;
  }

  // "rund zwei Jahre" (APPROX), "mehr als drei Tage" (MORE_THAN), "gegen 15 Uhr", "etwa 460 v. Chr."
  std::optional<time_expr> approx_prefix(std::size_t i) const {
    // "so gegen 15 Uhr", "so um 15 Uhr", "so ungefähr um 15 Uhr": colloquial "so" before an approximate clock time
    if (is(i, "so")) {
      if (!next_ok(i, i + 1)) return std::nullopt;
      std::optional<time_expr> in;
      if (is(i + 1, "um")) {
        in = clock(i + 2);
        if (in && in->first != i + 2) in.reset();
      } else if (const time_word* aw = w(i + 1); aw && aw->cls == word_class::approx && aw->mod == timex_mod::approx) {
        in = approx_prefix(i + 1);
        if (in && (in->first != i + 1 || in->kind != expr_kind::time)) in.reset();
      }
      if (!in || in->kind != expr_kind::time) return std::nullopt;
      in->first = static_cast<std::uint32_t>(i);
      in->mod = timex_mod::approx;
      return in;
    }
    timex_mod mod = timex_mod::none;
    std::size_t j = i + 1;
    if (const time_word* aw = w(i); aw && aw->cls == word_class::approx) {
      mod = aw->mod;
      if (is(i, "ca") && dot_after(i)) j = i + 2;
    } else if ((is(i, "mehr") || is(i, "weniger")) && is(i + 1, "als")) {
      mod = is(i, "mehr") ? timex_mod::more_than : timex_mod::less_than;
      j = i + 2;
    } else if (is(i, "bis") && is(i + 1, "zu")) {
      mod = timex_mod::equal_or_less;
      j = i + 2;
    } else {
      return std::nullopt;
    }
    if (!next_ok(i, j)) return std::nullopt;
    // what follows must be able to carry a time: a number, a time word, or a word before a countable one
    // ("gegen die Regierung", "rund um", "etwa die Hälfte" stop here, before six matchers run)
    if (!has(j, tf_number) && !has(j, tf_has_digit) && !timeish(j) && !countable(j + 1) && !countable(j + 2) &&
        !is(j, "um") && !is(j, "gegen"))
      return std::nullopt;
    std::optional<time_expr> inner;
    auto take = [&](std::optional<time_expr> e) {
      if (e && (!inner || e->last > inner->last)) inner = std::move(e);
    };
    // "etwa um 15 Uhr", "ungefähr gegen 9 Uhr", "spätestens um 15 Uhr": the approximation or bound before the
    // clock's preposition
    const bool point_mod = mod == timex_mod::approx || mod == timex_mod::on_or_before || mod == timex_mod::on_or_after;
    if (point_mod && (is(j, "um") || (is(j, "gegen") && mod == timex_mod::approx)) && next_ok(i, j + 1)) {
      if (auto c = clock(j + 1); c && c->first == j + 1) {
        c->first = static_cast<std::uint32_t>(i);
        if (c->mod == timex_mod::none) c->mod = mod;
        return c;
      }
    }
    // "in rund drei Jahren", "vor etwa zwei Wochen", "vor mehr als 50 Jahren": the preposition before the
    // approximation or bound makes a date
    if (i > 0 && same_sentence(i - 1, i) && (is(i - 1, "in") || is(i - 1, "vor"))) {
      if (auto d = duration(j, i - 1); d && d->kind == expr_kind::date && d->first == i - 1) {
        if (d->mod == timex_mod::none) d->mod = mod;
        return d;
      } else if (d && d->kind == expr_kind::duration && d->clock_prep == static_cast<std::int32_t>(i - 1)) {
        // "in etwa einer halben Stunde": counted from the reference time of day when there is one (the resolver then
        // takes the preposition into the span)
        d->first = static_cast<std::uint32_t>(i);
        if (d->mod == timex_mod::none) d->mod = mod;
        return d;
      }
    }
    take(duration(j));
    take(clock(j));
    take(daypart_expr(j));
    take(year(j));
    take(day_month(j));
    take(month_year(j));
    if (mod == timex_mod::on_or_before || mod == timex_mod::on_or_after) {
      take(fuzzy(j));    // "spätestens Ende Juni"
      take(weekday(j));  // "frühestens Montag"
    }
    if (!inner || inner->first != j) return std::nullopt;
    const bool is_duration = inner->kind == expr_kind::duration;
    // "über", "knapp", "mehr als" qualify amounts; "gegen" and "etwa" qualify points in time too;
    // "spätestens", "frühestens" only points ("spätestens 2030", "frühestens Ende Juni")
    const bool bound = mod == timex_mod::on_or_before || mod == timex_mod::on_or_after;
    if (bound && is_duration) return std::nullopt;
    if (!is_duration && mod != timex_mod::approx && !bound) return std::nullopt;
    if (is(i, "gegen") && is_duration) return std::nullopt;
    // "über viele Jahre", "über mehrere Wochen hinweg": across an unknown amount, no bound on it (the duration alone)
    if (is_duration && inner->text.find('X') != std::string::npos) return std::nullopt;
    if (is_duration && is(i, "fast")) mod = timex_mod::approx;
    if (inner->mod == timex_mod::none) inner->mod = mod;
    inner->first = static_cast<std::uint32_t>(i);
    return inner;
  }

  // "im Laufe des Jahres", "im Verlauf des Tages": the anchor's period
  std::optional<time_expr> course_of(std::size_t i) const {
    if (!(is(i, "laufe") || is(i, "verlauf")) || !(is(i + 1, "des") || is(i + 1, "der"))) return std::nullopt;
    const std::size_t u = i + 2;
    if (cls(u) != word_class::unit || !next_ok(i, u)) return std::nullopt;
    const time_unit un = w(u)->unit;
    if (un != time_unit::year && un != time_unit::day && un != time_unit::month && un != time_unit::week) return std::nullopt;
    if (plain_digits(u + 1, 4, 4)) return std::nullopt;  // "im Laufe des Jahres 1940": the year itself
    time_expr e = make(i, u + 1, expr_kind::date, un == time_unit::day ? anchoring::story : anchoring::dct);
    e.rel_unit = un;
    e.gran = un;
    return e;
  }

  // "Anfang 2022" (START), "Mitte Mai", "Ende des Monats", "Ende der Woche", "gegen Ende 1967",
  // "Anfang der 90er Jahre", "Jahresende", "Ende nächsten Jahres"
  std::optional<time_expr> fuzzy(std::size_t i) const {
    std::size_t j = i;
    if (is(i, "gegen") || is(i, "zu")) j = i + 1;  // "gegen Ende 1967", "zu Beginn des Jahres"
    const time_word* fw = w(j);
    if (!fw || (fw->cls != word_class::fuzzy && fw->cls != word_class::fuzzy_unit)) return std::nullopt;
    if (j != i && !next_ok(i, j)) return std::nullopt;
    if (fw->cls == word_class::fuzzy_unit) {
      time_expr e = make(i, j + 1, expr_kind::date, anchoring::dct);
      e.mod = fw->mod;
      e.rel_unit = fw->unit;
      e.gran = fw->unit;
      if (auto y = plain_digits(j + 1, 4, 4); y && next_ok(i, j + 1)) {  // "Jahresende 2020"
        e.anchor = anchoring::absolute;
        e.year = *y;
        e.rel_unit = time_unit::none;
        e.last = static_cast<std::uint32_t>(j + 2);
      }
      return e;
    }
    std::size_t k = j + 1;
    if (!next_ok(i, k)) return std::nullopt;
    std::optional<time_expr> inner;
    auto take = [&](std::optional<time_expr> e) {
      if (e && e->first == k && (!inner || e->last > inner->last)) inner = std::move(e);
    };
    const bool article = is(k, "des") || is(k, "der") || is(k, "dieses") || is(k, "diesen") || is(k, "dieser");
    if (article || cls(k) == word_class::rel) {
      // "Ende des Monats", "Anfang der Woche", "Ende dieses Jahres", "Ende nächsten Jahres", "Anfang der 90er Jahre"
      std::size_t u = k + 1;
      int offset = 0;
      anchoring from = anchoring::dct;
      if (cls(k) == word_class::rel) { offset = w(k)->value; if (w(k)->story) from = anchoring::story; u = k + 1; }
      else if (is(k, "des") || is(k, "der")) {
        if (cls(k + 1) == word_class::rel) { offset = w(k + 1)->value; if (w(k + 1)->story) from = anchoring::story; u = k + 2; }
      }
      if (cls(u) == word_class::unit && next_ok(i, u)) {
        const time_unit un = w(u)->unit;
        if (un == time_unit::year || un == time_unit::month || un == time_unit::week || un == time_unit::quarter ||
            un == time_unit::decade || un == time_unit::century || un == time_unit::day) {
          time_expr e = make(i, u + 1, expr_kind::date, from);
          e.rel_unit = un;
          e.gran = un;
          e.offset = offset;
          e.mod = fw->mod;
          if (un == time_unit::day) { e.anchor = anchoring::story; }
          // "Ende des Jahres 1940"
          if (auto y = plain_digits(u + 1, 4, 4); y && un == time_unit::year && next_ok(i, u + 1)) {
            e.anchor = anchoring::absolute;
            e.rel_unit = time_unit::none;
            e.year = *y;
            e.last = static_cast<std::uint32_t>(u + 2);
          }
          return e;
        }
      }
      if (article) {
        take(decade_century(k + 1));
        take(month_year(k + 1));
        if (inner) inner->first = static_cast<std::uint32_t>(k);
      }
    }
    take(month_year(k));
    take(year(k));
    take(season(k));
    take(decade_century(k));
    take(weekday(k));
    take(rel_unit_word(k));  // "Ende Vorjahr", "Mitte Vorjahr"
    if (!inner) {
      for (std::size_t kk : {k + 1}) {  // "Ende der 90er Jahre", "Anfang des 20. Jahrhunderts"
        if (!(is(k, "der") || is(k, "des") || is(k, "dieses"))) break;
        if (auto d = decade_century(kk)) { d->first = static_cast<std::uint32_t>(k); inner = d; }
        else if (auto m = month_year(kk)) { m->first = static_cast<std::uint32_t>(k); inner = m; }
      }
    }
    if (!inner) return std::nullopt;
    inner->first = static_cast<std::uint32_t>(i);
    if (inner->mod == timex_mod::none) inner->mod = fw->mod;
    // "Mitte Mai" is evidence enough for an ambiguous month
    return inner;
  }

  // A set's time of day: "um 16 Uhr" -> XXXX-WXX-3T16:00, "am Vormittag" -> XXXX-WXX-2TMO
  void set_time_of_day(time_expr& e, const std::string& day) const {
    std::size_t j = e.last;
    if ((is(j, "um") || is(j, "gegen")) && next_ok(e.first, j + 1)) {
      if (auto c = clock_core(j + 1, true)) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "T%02d:%02d", c->hour, c->minute);
        e.text = day + buf;
        e.last = c->last;
      }
      return;
    }
    std::size_t k = is(j, "am") ? j + 1 : j;
    if (const time_word* p = w(k); p && p->cls == word_class::daypart && p->part != daypart::none && next_ok(e.first, k) &&
                                   (k != j || upper(k))) {
      static constexpr const char* parts[] = {"", "MO", "MI", "AF", "EV", "NI", "DT", "MI"};
      e.text = day + "T" + parts[static_cast<int>(p->part)];
      e.last = static_cast<std::uint32_t>(k + 1);
    }
  }

  // "täglich", "jeden Montag", "jede Woche", "alle zwei Wochen", "zweimal im Jahr", "pro Tag", "montags"
  std::optional<time_expr> set(std::size_t i) const {
    const time_word* sw = w(i);
    if (sw && sw->cls == word_class::unit) return rate_after_quantity(i);
    if (sw && sw->cls == word_class::set_adverb) {
      time_expr e = make(i, i + 1, expr_kind::set, anchoring::absolute);
      e.text = sw->text;
      return e;
    }
    if (sw && sw->cls == word_class::weekday_set) {
      time_expr e = make(i, i + 1, expr_kind::set, anchoring::absolute);
      e.text = "XXXX-WXX-" + std::to_string(sw->value);
      return e;
    }
    if (sw && sw->cls == word_class::each) {
      std::size_t j = i + 1;
      std::string n = "1";
      if (auto amt = number_at(j); amt && amt->text != "X" && is(i, "alle")) { n = amt->text; ++j; }
      else if (is(i, "alle")) return std::nullopt;
      if (!next_ok(i, j)) return std::nullopt;
      const time_word* u = w(j);
      if (!u) return std::nullopt;
      time_expr e = make(i, j + 1, expr_kind::set, anchoring::absolute);
      e.quant = "EACH";
      if (u->cls == word_class::unit) {
        e.text = duration_value(n, u->unit);
        if (u->unit == time_unit::day && n == "1") set_time_of_day(e, "XXXX-XX-XX");  // "jeden Tag um 15 Uhr"
        return e;
      }
      if (u->cls == word_class::weekday && n == "1") {
        e.text = "XXXX-WXX-" + std::to_string(u->value);
        set_time_of_day(e, e.text);  // "jeden Mittwoch um 16 Uhr", "jeden Dienstag am Vormittag"
        return e;
      }
      if (u->cls == word_class::month && n == "1") { char b[16]; std::snprintf(b, sizeof b, "XXXX-%02d", u->value); e.text = b; return e; }
      if (u->part != daypart::none && upper(j) && n == "1") {
        static constexpr const char* parts[] = {"", "MO", "MI", "AF", "EV", "NI", "DT", "MI"};
        e.text = std::string("XXXX-XX-XXT") + parts[static_cast<int>(u->part)];
        return e;
      }
      return std::nullopt;
    }
    // "zweimal im Jahr", "einmal pro Woche", "dreimal am Tag", "zweimal wöchentlich"
    const std::string_view x = f(i);
    if (x.size() > 3 && x.substr(x.size() - 3) == "mal" && has(i, tf_word)) {
      const std::string_view num = x.substr(0, x.size() - 3);
      std::optional<std::int64_t> times = num == "ein" ? std::optional<std::int64_t>(1) : parse_cardinal_word(num);
      if (!times || *times <= 0) return std::nullopt;
      std::size_t j = i + 1;
      if (is(j, "im") || is(j, "pro") || is(j, "am") || is(j, "je") || is(j, "in")) ++j;
      if (is(j, "der") || is(j, "einer")) ++j;
      if (!next_ok(i, j)) return std::nullopt;
      time_expr e = make(i, j + 1, expr_kind::set, anchoring::absolute);
      e.freq = std::to_string(*times) + "X";
      if (cls(j) == word_class::unit) e.text = duration_value("1", w(j)->unit);
      else if (cls(j) == word_class::set_adverb && j == i + 1) e.text = w(j)->text;
      else return std::nullopt;
      return e;
    }
    if ((x == "pro" || x == "je") && cls(i + 1) == word_class::unit && next_ok(i, i + 1)) {
      const time_unit u = w(i + 1)->unit;
      if (u == time_unit::second || u == time_unit::minute) return std::nullopt;
      time_expr e = make(i, i + 2, expr_kind::set, anchoring::absolute);
      e.text = duration_value("1", u);
      return e;
    }
    return std::nullopt;
  }

  // A rate after a quantity, as "pro Jahr" is one: "1.000 Euro im Jahr", "6,5 Prozent im Jahr", "16 Stunden am Tag",
  // "zehn Dollar im Monat", "100 Kilometer in der Stunde" (WikiWarsDE's annotators tag "am Tag" so: SET P1D).
  // Not a day or year named after it: "im Jahr 2015", "im Jahr zuvor", "am Tag der Wahl", "am Tag nach", "am Tag, als".
  std::optional<time_expr> rate_after_quantity(std::size_t i) const {
    if (i < 3 || !upper(i)) return std::nullopt;
    std::size_t p = i - 1;  // the preposition
    const time_unit u = w(i)->unit;
    if (is(i, "jahr") || is(i, "monat")) {  // not "3 Prozent im Quartal": the quarter reported, as often as a rate
      if (!is(p, "im")) return std::nullopt;
    } else if (is(i, "tag")) {
      if (!is(p, "am")) return std::nullopt;
    } else if (is(i, "woche") || is(i, "stunde")) {
      if (!is(p, "der") || !is(p - 1, "in")) return std::nullopt;
      --p;
    } else {
      return std::nullopt;
    }
    if (p < 2 || !same_sentence(p - 1, i)) return std::nullopt;
    // what follows names one day, month or year
    if (i + 1 < n_ && same_sentence(i, i + 1)) {
      const std::size_t j = i + 1;
      if (has(j, tf_number) || cls(j) == word_class::later || cls(j) == word_class::month) return std::nullopt;
      if (is(j, "des") || is(j, "der") || is(j, "eines") || is(j, "einer") || is(j, "seines") || is(j, "seiner") ||
          is(j, "ihres") || is(j, "ihrer") || is(j, "nach") || is(j, "vor") || is(j, "als") || is(j, "an") ||
          is(j, "nachdem") || is(j, "bevor"))
        return std::nullopt;
      if (one(j, ',') && (is(j + 1, "als") || is(j + 1, "an") || is(j + 1, "nachdem") || is(j + 1, "bevor") ||
                          is(j + 1, "wo") || is(j + 1, "da") || is(j + 1, "der") || is(j + 1, "die") || is(j + 1, "das") ||
                          is(j + 1, "in") || is(j + 1, "seit")))
        return std::nullopt;
    }
    // the quantity: a number, then at most two nouns ("Euro", "Millionen Euro", "Prozent", "%")
    std::size_t k = p - 1;
    for (int nouns = 0;; --k) {
      if (has(k, tf_number)) {
        if (dot_after(k)) return std::nullopt;  // "jeden 3. Tag im Monat", "am 1. im Monat"
        break;
      }
      if (has(k, tf_word) && !upper(k)) {
        if (!number_at(k)) return std::nullopt;
        if (is(k, "ein") || is(k, "eine") || is(k, "einen") || is(k, "einem") || is(k, "einer")) {
          if (nouns == 0) return std::nullopt;  // "im Jahr ein" ...
        }
        break;
      }
      const bool noun = (has(k, tf_word) && upper(k) && cls(k) != word_class::function) || one(k, '%');
      if (!noun || ++nouns > 2 || k == 0 || !same_sentence(k - 1, k)) return std::nullopt;
    }
    time_expr e = make(p, i + 1, expr_kind::set, anchoring::absolute);
    e.text = duration_value("1", u);
    return e;
  }

  // "Ostern", "Weihnachten 2020", "Tag der Deutschen Einheit", "an Heiligabend"
  std::optional<time_expr> holiday_expr(std::size_t i) const {
    // "1. Advent", "zweiten Advent": the Sundays before Christmas (advent1 ... advent4 in the table)
    if (auto o = ordinal_at(i); o && o->first >= 1 && o->first <= 4 && is(o->second, "advent") && next_ok(i, o->second)) {
      const char key[] = {'a', 'd', 'v', 'e', 'n', 't', static_cast<char>('0' + o->first)};
      if (const std::int16_t* h = t_.holiday_names.find(std::string_view(key, sizeof key))) {
        time_expr e = make(i, o->second + 1, expr_kind::date, anchoring::implicit);
        e.holiday = *h;
        return holiday_year(e);
      }
    }
    const time_word* hw = w(i);
    if (!hw || (hw->holiday < 0 && !hw->starts_holiday)) return std::nullopt;
    int index = -1;
    std::size_t end = i + 1;
    if (hw->starts_holiday) {
      // the longest name in the holiday table, words joined by one space
      char key[128];
      std::size_t len = 0;
      for (std::size_t k = 0; k < static_cast<std::size_t>(t_.longest_holiday) && next_ok(i, i + k); ++k) {
        const std::string_view part = f(i + k);
        if (len + part.size() + 1 >= sizeof key) break;
        if (k) key[len++] = ' ';
        std::memcpy(key + len, part.data(), part.size());
        len += part.size();
        if (const std::int16_t* h = t_.holiday_names.find(std::string_view(key, len)); h && k > 0) {
          index = *h;
          end = i + k + 1;
        }
      }
    }
    if (index < 0) index = hw->holiday;
    if (index < 0) return std::nullopt;
    // "St. Peter und Paul", "Sankt Martin": after "St." or "Sankt" a saint's name names a church or a place
    if (i > 0 && same_sentence(i - 1, i) &&
        (is(i - 1, "sankt") || is(i - 1, "st") || (i > 1 && one(i - 1, '.') && is(i - 2, "st"))))
      return std::nullopt;
    // a capitalised name ("Tag der Deutschen Einheit", "Eid al-Fitr", "Rosch ha-Schana") or a preposition before it
    if (!upper(end - 1) && !upper(i) &&
        !(i > 0 && (is(i - 1, "an") || is(i - 1, "am") || is(i - 1, "zu") || is(i - 1, "zum") || is(i - 1, "vor") || is(i - 1, "nach"))))
      return std::nullopt;
    // "Tariq Ramadan" is a name: an ambiguous holiday after a capitalised word that no table knows ("im Ramadan",
    // "Der Ramadan" pass)
    if (t_.holidays[static_cast<std::size_t>(index)].ambiguous && i > 0 && same_sentence(i - 1, i) && real_upper(i - 1) && !w(i - 1))
      return std::nullopt;
    // "an Nikolaus", "bis Nikolaus" are the day; "Nikolaus Scherak", "der Heilige Nikolaus", "aus Nikolaus" a person
    if (t_.holidays[static_cast<std::size_t>(index)].first_name) {
      static constexpr std::array<std::string_view, 8> day_preps = {"an", "am", "zu", "zum", "bis", "vor", "nach", "seit"};
      if (i == 0 || !same_sentence(i - 1, i) || !is_any(i - 1, day_preps)) return std::nullopt;
      if (has(end, tf_word) && real_upper(end) && !w(end) && same_sentence(i, end)) return std::nullopt;
    }
    time_expr e = make(i, end, expr_kind::date, anchoring::implicit);
    e.holiday = index;
    return holiday_year(e);
  }

  // "Ostern 2020", "Muttertag im Jahr 2019"
  time_expr holiday_year(time_expr e) const {
    std::size_t end = e.last;
    std::size_t y_at = end;
    if (is(end, "im") && (is(end + 1, "jahr") || is(end + 1, "jahre"))) y_at = end + 2;
    if (auto y = plain_digits(y_at, 4, 4); y && next_ok(e.first, y_at)) {
      e.year = *y;
      e.anchor = anchoring::absolute;
      e.last = static_cast<std::uint32_t>(y_at + 1);
      return e;
    }
    // "Ostern nächsten Jahres", "Weihnachten im letzten Jahr"
    std::size_t r = is(end, "im") ? end + 1 : end;
    if (cls(r) == word_class::rel && cls(r + 1) == word_class::unit && w(r + 1)->unit == time_unit::year && next_ok(e.first, r + 1)) {
      e.anchor = anchoring::dct;
      e.rel_unit = time_unit::year;
      e.gran = time_unit::year;
      e.offset = w(r)->value;
      e.last = static_cast<std::uint32_t>(r + 2);
    }
    return e;
  }

  // "damals" (PAST_REF), "derzeit" (PRESENT_REF), "künftig" (FUTURE_REF), "in Zukunft", "bis heute"?
  std::optional<time_expr> vague(std::size_t i) const {
    const time_word* vw = w(i);
    if (vw && vw->cls == word_class::vague) {
      if (is(i, "früher") && (is(i + 1, "als") || (i > 0 && (is(i - 1, "noch") || is(i - 1, "viel") || is(i - 1, "etwas") ||
                                                           is(i - 1, "deutlich") || is(i - 1, "immer") || is(i - 1, "schon") ||
                                                           is(i - 1, "als") || is(i - 1, "oder")))))
        return std::nullopt;
      if (is(i, "bald") && (is(i + 1, "wie") || is(i + 1, "als"))) return std::nullopt;
      time_expr e = make(i, i + 1, expr_kind::vague, anchoring::absolute);
      e.text = vw->text;
      return e;
    }
    // "kurz darauf", "wenig später", "kurze Zeit später", "vor kurzem", "binnen kurzem"
    if ((is(i, "kurz") || is(i, "wenig")) && cls(i + 1) == word_class::later && next_ok(i, i + 1)) {
      time_expr e = make(i, i + 2, expr_kind::vague, anchoring::absolute);
      e.text = w(i + 1)->value < 0 ? "PAST_REF" : "FUTURE_REF";
      return e;
    }
    if ((is(i, "kurze") || is(i, "einige")) && is(i + 1, "zeit") && cls(i + 2) == word_class::later && next_ok(i, i + 2)) {
      time_expr e = make(i, i + 3, expr_kind::vague, anchoring::absolute);
      e.text = w(i + 2)->value < 0 ? "PAST_REF" : "FUTURE_REF";
      return e;
    }
    if ((is(i, "vor") || is(i, "binnen") || is(i, "seit")) && is(i + 1, "kurzem") && next_ok(i, i + 1)) {
      time_expr e = make(i, i + 2, expr_kind::vague, anchoring::absolute);
      e.text = is(i, "binnen") ? "FUTURE_REF" : "PAST_REF";
      return e;
    }
    // "so bald wie möglich", "so früh wie möglich": as soon as possible
    if (is(i, "so") && (is(i + 1, "bald") || is(i + 1, "früh")) && is(i + 2, "wie") &&
        is(i + 3, "möglich") && next_ok(i, i + 3)) {
      time_expr e = make(i, i + 4, expr_kind::vague, anchoring::absolute);
      e.text = "FUTURE_REF";
      return e;
    }
    if (((is(i, "dieser") && is(i + 1, "tage")) || (is(i, "diesen") && is(i + 1, "tagen") && i > 0 && is(i - 1, "in"))) &&
        next_ok(i, i + 1)) {  // "dieser Tage", "in diesen Tagen": these days
      time_expr e = make(i, i + 2, expr_kind::vague, anchoring::absolute);
      e.text = "PRESENT_REF";
      return e;
    }
    if (is(i, "in") && is(i + 1, "zukunft") && next_ok(i, i + 1)) {
      time_expr e = make(i, i + 2, expr_kind::vague, anchoring::absolute);
      e.text = "FUTURE_REF";
      return e;
    }
    if (is(i, "in") && is(i + 1, "der") && is(i + 2, "vergangenheit") && next_ok(i, i + 2)) {
      time_expr e = make(i + 1, i + 3, expr_kind::vague, anchoring::absolute);
      e.text = "PAST_REF";
      return e;
    }
    return std::nullopt;
  }
};

std::string_view connector(const analysis& a, std::uint32_t from, std::uint32_t to, std::size_t& count) {
  count = to - from;
  if (to <= from || to - from > 2 || to > a.tokens.size()) return {};
  if (count == 1) return a.fold(from);
  const std::string_view x = a.fold(from), y = a.fold(from + 1);
  if (x == "bis" && (y == "zum" || y == "zur" || y == "einschließlich" || y == "spätestens")) return "bis";
  if ((x == "und" || x == "bis") && (y == "dem" || y == "den" || y == "der")) return x;  // "zwischen dem 2. und dem 22."
  if (x == "auf" && (y == "den" || y == "dem")) return "bis";                            // "vom 14.10. auf den 15.10."
  return {};
}

// One part of a simple ISO duration ("PT1H", "P3M", "PT32M"): its rank, coarse to fine (Y M W D H M S), and the
// text after "P"/"PT"; false for anything else ("PXD", "P1.5Y" stays as it is only when alone).
bool duration_part(std::string_view v, int& rank, std::string_view& body) {
  if (v.size() < 3 || v[0] != 'P') return false;
  const bool time = v[1] == 'T';
  body = v.substr(time ? 2 : 1);
  if (body.size() < 2) return false;
  for (std::size_t k = 0; k + 1 < body.size(); ++k)
    if (!(body[k] >= '0' && body[k] <= '9') && body[k] != '.') return false;
  static constexpr std::string_view date_units = "YMWD", time_units = "HMS";
  const char u = body.back();
  const std::size_t at = (time ? time_units : date_units).find(u);
  if (at == std::string_view::npos) return false;
  rank = static_cast<int>(at) + (time ? 4 : 0);
  return true;
}

// Walks the expressions in order; where `merge(previous, next)` folds the next into the one before it, the next
// is dropped. Linear, in place.
template <class Merge>
void merge_adjacent(std::vector<time_expr>& exprs, Merge merge) {
  std::size_t out = 0;
  for (std::size_t k = 0; k < exprs.size(); ++k) {
    if (out > 0 && merge(exprs[out - 1], static_cast<const time_expr&>(exprs[k]))) continue;
    if (out != k) exprs[out] = std::move(exprs[k]);
    ++out;
  }
  exprs.resize(out);
}

// The rank of the finest part of an ISO duration of whole parts ("P3DT14H" -> 4, hours), or -1 for anything else
// ("PXD", "P1.5W", "P3DE").
int finest_rank(std::string_view v) {
  if (v.size() < 3 || v[0] != 'P') return -1;
  int rank = -1;
  bool time = false, digits = false;
  for (std::size_t k = 1; k < v.size(); ++k) {
    const char c = v[k];
    if (c >= '0' && c <= '9') { digits = true; continue; }
    if (c == 'T' && !time && !digits) { time = true; continue; }
    const std::size_t at = (time ? std::string_view("HMS") : std::string_view("YMWD")).find(c);
    if (at == std::string_view::npos || !digits) return -1;
    const int r = static_cast<int>(at) + (time ? 4 : 0);
    if (r <= rank) return -1;
    rank = r;
    digits = false;
  }
  return digits ? -1 : rank;
}

// "eine Stunde und 32 Minuten", "zwei Jahre und drei Monate", "3 Tagen 14 Stunden und 44 Minuten", "1 Jahr, 2
// Tage, 3 Stunden": one duration, "PT1H32M", "P2Y3M", "P3DT14H44M"; each part finer than the one before, joined
// by "und", a comma or nothing
void merge_durations(const analysis& a, std::vector<time_expr>& exprs) {
  merge_adjacent(exprs, [&](time_expr& x, const time_expr& y) {
    int ry = 0;
    std::string_view by;
    std::size_t count = 0;
    // "3 Std. und 20 Min.", "2 Std. 15 Min.": an abbreviated unit's dot before the link
    const std::uint32_t after = x.last < a.tokens.size() && x.last > x.first && a.surface(x.last) == "." &&
                                        (a.fold(x.last - 1) == "std" || a.fold(x.last - 1) == "min" || a.fold(x.last - 1) == "sek")
                                    ? x.last + 1 : x.last;
    const bool joined = y.first == after || ((connector(a, after, y.first, count) == "und" ||
                                              connector(a, after, y.first, count) == ",") && count == 1);
    if (!joined || x.kind != expr_kind::duration || y.kind != expr_kind::duration || x.mod != timex_mod::none ||
        y.mod != timex_mod::none || x.clock_prep >= 0 || y.clock_prep >= 0 || !duration_part(y.text, ry, by))
      return false;
    const int rx = finest_rank(x.text);
    if (rx < 0 || ry <= rx) return false;
    if (ry >= 4 && x.text.find('T') == std::string::npos) x.text.push_back('T');
    x.text.append(by);
    x.last = y.last;
    return true;
  });
}

}  // namespace

token_words classify_tokens(const time_tables& t, const analysis& a) {
  token_words out;
  const std::size_t n = a.tokens.size();
  out.words.resize(n);            // not zeroed: the loop writes every slot
  out.trait_bytes.resize(n + 4);  // the same; the padding is zeroed below
  const time_word** const o = out.words.data();
  std::uint8_t* const bits = out.trait_bytes.data() + 1;
  bits[-1] = bits[n] = bits[n + 1] = bits[n + 2] = 0;
  const token* const tokens = a.tokens.data();
  static_assert(unsigned{tt_word} == unsigned{tf_word} && unsigned{tt_number} == unsigned{tf_number});
  if (t.words.size() == 0) {
    for (std::size_t i = 0; i < n; ++i) { o[i] = nullptr; bits[i] = static_cast<std::uint8_t>(tokens[i].flags & (tf_word | tf_number)); }
    return out;
  }
  // the structure stage's probe has found the words already (article_rules::shared): their numbers are entries + 1
  if (a.shared_for == &t && a.shared_ids.size() == n) {
    const std::uint16_t* const ids = a.shared_ids.data();
    const time_word* const* const word_of = t.word_by_id.data();
    const std::uint8_t* const bits_of = t.bits_by_id.data();
    const std::size_t ids_known = t.word_by_id.size();
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint32_t id = ids[i] < ids_known ? ids[i] : 0;
      o[i] = word_of[id];
      bits[i] = static_cast<std::uint8_t>((tokens[i].flags & (tf_word | tf_number)) | bits_of[id]);
    }
    return out;
  }
  const std::size_t longest = t.longest_word, folded_size = a.folded.size();
  const char* const folded = a.folded.data();
  for (std::size_t i = 0; i < n; ++i) {
    const token& tk = tokens[i];
    std::uint8_t b = static_cast<std::uint8_t>(tk.flags & (tf_word | tf_number));
    const time_word* w = nullptr;
    if ((b & tt_word) && tk.fold_len <= longest && tk.fold_len >= 2 && t.may_hold(folded + tk.fold_begin, tk.fold_len)) {
      // the folded forms lie back to back: the bytes up to the end of `folded` may be read
      w = t.lookup(std::string_view(folded + tk.fold_begin, tk.fold_len), folded_size - tk.fold_begin);
      if (w) b |= w->token_bits;
    }
    o[i] = w;
    bits[i] = b;
  }
  return out;
}

std::vector<time_expr> find_time_exprs(const time_tables& t, const analysis& a,
                                       const token_words& words) {
  if (t.words.size() == 0) return {};
  return grammar(t, a, words).run();
}

// "im November zwischen dem 19. und dem 20.", "nächsten Monat vom 4. bis zum 23.": days without a month right
// after a month take it
void days_of_month(const analysis& a, std::vector<time_expr>& exprs) {
  for (std::size_t k = 0; k + 1 < exprs.size(); ++k) {
    const time_expr& m = exprs[k];
    const bool month_only = m.kind == expr_kind::date && m.month && !m.day && !m.weekday && m.mod == timex_mod::none;
    const bool rel_month = m.kind == expr_kind::date && m.rel_unit == time_unit::month && m.gran == time_unit::month &&
                           !m.day && !m.weekday && m.mod == timex_mod::none && m.anchor == anchoring::dct;
    if (!month_only && !rel_month) continue;
    // only "vom", "von", "zwischen", "dem", "am" between the month and the first day
    std::uint32_t t = m.last;
    const std::uint32_t first_day = exprs[k + 1].first;
    if (first_day < t || first_day - t > 2) continue;
    bool ok = first_day > t;
    for (std::uint32_t q = t; q < first_day && ok; ++q) {
      const std::string_view w = a.fold(q);
      ok = w == "vom" || w == "von" || w == "zwischen" || w == "dem" || w == "am";
    }
    if (!ok) continue;
    // "im Mai zwischen dem 3. und 5. Spieltag": ordinals of a noun, not days
    auto noun_after = [&](std::uint32_t q) {
      if (q < a.tokens.size() && a.surface(q) == ".") ++q;
      if (q >= a.tokens.size()) return false;
      if (a.fold(q) == "und" || a.fold(q) == "bis") {  // look past the second day too
        ++q;
        if (q < a.tokens.size() && (a.fold(q) == "dem" || a.fold(q) == "zum")) ++q;
        if (q < a.tokens.size() && (a.tokens[q].flags & tf_number)) ++q;
        if (q < a.tokens.size() && a.surface(q) == ".") ++q;
        if (q >= a.tokens.size()) return false;
      }
      const token& t = a.tokens[q];
      return (t.flags & tf_word) && (t.flags & tf_upper_initial) && !(t.flags & tf_sentence_start) &&
             t.sentence == a.tokens[first_day].sentence;
    };
    if (noun_after(exprs[k + 1].last)) continue;
    for (std::size_t d = k + 1; d < exprs.size() && d <= k + 2; ++d) {
      time_expr& x = exprs[d];
      if (!x.day || x.month || x.weekday || x.year != no_year || x.hour >= 0) break;
      if (month_only ? !valid_day(m.month, x.day) : x.day > 28) break;  // "im Februar am 30."; next month unknown here
      if (d == k + 2) {  // the second day only when the two are joined: "bis (zum)", "und (dem)"
        std::size_t count = 0;
        const std::string_view c = connector(a, exprs[k + 1].last, x.first, count);
        if (c != "bis" && c != "und") break;
      }
      x.bare_day = false;
      if (month_only) {
        x.month = m.month;
        x.year = m.year;
        x.bc = m.bc;
        x.anchor = m.anchor == anchoring::absolute ? anchoring::absolute : anchoring::implicit;
      } else {
        x.anchor = anchoring::dct;
        x.rel_unit = time_unit::month;
        x.gran = time_unit::day;
        x.offset = m.offset;
      }
      // "zwischen dem 19. und dem 20.": the second day, which no matcher took alone (no month after it)
      if (d == k + 1 && (d + 1 >= exprs.size() || exprs[d + 1].first > x.last + 3)) {
        std::uint32_t q = x.last;
        if (q < a.tokens.size() && (a.fold(q) == "und" || a.fold(q) == "bis")) {
          ++q;
          if (q < a.tokens.size() && (a.fold(q) == "dem" || a.fold(q) == "zum")) ++q;
          if (q + 1 < a.tokens.size() && (a.tokens[q].flags & tf_number) && a.surface(q + 1) == "." &&
              a.tokens[q].sentence == a.tokens[x.first].sentence) {
            const std::string_view num = a.surface(q);
            int day = 0;
            bool digits = num.size() <= 2 && !num.empty();  // read no more than two digits: "bis 239999..." overflowed
            for (char ch : num.substr(0, 2)) { digits = digits && ch >= '0' && ch <= '9'; day = day * 10 + (ch - '0'); }
            if (digits && day > x.day && (month_only ? valid_day(m.month, day) : day <= 28)) {
              time_expr y = x;
              y.first = q;
              y.last = q + 2;
              y.day = day;
              exprs.insert(exprs.begin() + static_cast<std::ptrdiff_t>(d + 1), std::move(y));
              break;
            }
          }
        }
      }
    }
  }
}

// "heute vor einem Jahr", "heute vor 30 Jahren": that day so long ago, one expression at the day
// ("Heute vor 30 Jahren fiel die Mauer" read on 2019-11-09: 1989-11-09)
void today_ago(const analysis& a, std::vector<time_expr>& exprs) {
  merge_adjacent(exprs, [&](time_expr& x, const time_expr& y) {
    if (!(x.kind == expr_kind::date && x.anchor == anchoring::dct && x.rel_unit == time_unit::day && x.offset == 0 &&
          x.last - x.first == 1 && a.fold(x.first) == "heute" && y.first == x.last && y.kind == expr_kind::date &&
          y.anchor == anchoring::dct && y.offset < 0 && a.fold(y.first) == "vor" && y.mod == timex_mod::none &&
          (y.rel_unit == time_unit::year || y.rel_unit == time_unit::month || y.rel_unit == time_unit::day)))
      return false;
    x.last = y.last;
    x.rel_unit = y.rel_unit;
    x.offset = y.offset;
    x.gran = time_unit::day;
    return true;
  });
}

// "Mittwoch in zwei Wochen", "Freitag vor drei Wochen": that weekday of the ISO week so many weeks from the
// reference date, one expression (read on Tuesday 2013-02-12: 2013-02-27, 2013-01-25)
void weekday_weeks_away(const analysis& a, std::vector<time_expr>& exprs) {
  merge_adjacent(exprs, [&](time_expr& x, const time_expr& y) {
    if (!(x.weekday && !x.day && !x.month && x.rel_unit == time_unit::none && x.anchor == anchoring::implicit &&
          x.hour < 0 && x.mod == timex_mod::none && y.first == x.last && y.kind == expr_kind::date &&
          y.anchor == anchoring::dct && y.rel_unit == time_unit::day && y.offset != 0 && y.offset % 7 == 0 &&
          y.mod == timex_mod::none && y.last - y.first >= 3 && (a.fold(y.first) == "in" || a.fold(y.first) == "vor") &&
          a.fold(y.last - 1).starts_with("woche")))
      return false;
    x.last = y.last;
    x.anchor = anchoring::dct;
    x.rel_unit = time_unit::week;
    x.offset = y.offset / 7;
    x.gran = time_unit::day;
    x.weekday_in_week = true;
    return true;
  });
}

// "ein Jahr nach Weihnachten", "drei Tage vor Ostern", "zwei Wochen nach dem 3. Oktober": a whole count of days,
// weeks, months or years before or after a day is that day moved, one expression (TIMEX2 practice: "Acht Tage vor
// Jahresende"); not after an event ("zwei Tage nach der Wahl" keeps its duration)
void offset_from_day(const analysis& a, std::vector<time_expr>& exprs) {
  merge_adjacent(exprs, [&](time_expr& x, const time_expr& y) {
    if (x.kind != expr_kind::duration || x.mod != timex_mod::none || x.clock_prep >= 0 || y.kind != expr_kind::date ||
        y.mod != timex_mod::none || y.shift || !(y.holiday >= 0 || (y.day && y.month && !y.bare_day)) || y.hour >= 0 ||
        y.first <= x.last || y.first - x.last > 2)
      return false;
    const std::string_view prep = a.fold(x.last);
    if (prep != "nach" && prep != "vor") return false;
    if (y.first - x.last == 2 && a.fold(x.last + 1) != "dem") return false;
    // "P3D", "P2W", "P6M", "P1Y": one whole count
    const std::string_view v = x.text;
    if (v.size() < 3 || v[0] != 'P') return false;
    int n = 0;
    std::size_t k = 1;
    while (k < v.size() && v[k] >= '0' && v[k] <= '9' && n < 10000) n = n * 10 + (v[k++] - '0');
    if (k == 1 || k + 1 != v.size() || n == 0 || n > 999) return false;
    time_unit unit = time_unit::none;
    switch (v[k]) {
      case 'D': unit = time_unit::day; break;
      case 'W': unit = time_unit::day; n *= 7; break;
      case 'M': unit = time_unit::month; break;
      case 'Y': unit = time_unit::year; break;
      default: return false;
    }
    const std::uint32_t first = x.first;
    x = y;
    x.first = first;
    x.shift_unit = unit;
    x.shift = prep == "vor" ? -n : n;
    return true;
  });
}

void join_ranges(const analysis& a, std::vector<time_expr>& exprs) {
  merge_durations(a, exprs);
  today_ago(a, exprs);
  weekday_weeks_away(a, exprs);
  offset_from_day(a, exprs);
  days_of_month(a, exprs);
  for (std::size_t k = 0; k + 1 < exprs.size(); ++k) {
    time_expr& x = exprs[k];
    time_expr& y = exprs[k + 1];
    if (x.kind != expr_kind::date && x.kind != expr_kind::time) continue;
    if (y.kind != expr_kind::date && y.kind != expr_kind::time) continue;
    std::size_t count = 0;
    const std::string_view c = connector(a, x.last, y.first, count);
    if (c.empty()) continue;
    // the connectors that join two ends: "-", "/", "bis (zum)", "und", "oder", "auf den"
    if (!(c == "-" || c == "–" || c == "—" || c == "/" || c == "bis" || c == "und" || c == "oder")) continue;
    // "zwischen 06.35 und 08.10 Uhr Mitteleuropäischer Sommerzeit": the first clock time is in the second's zone
    if (x.hour >= 0 && y.hour >= 0 && x.zone == no_zone && y.zone != no_zone) x.zone = y.zone;
    // complete the first end from the second: "3. bis 5. Mai", "Mai bis Juli 2020", "25./26. April"
    if (x.bare_day && y.day && !y.month && !y.bare_day) {  // "vom 4. bis zum 23.": both days of the anchor's month
      x.bare_day = false;
    } else if (x.bare_day && y.month && y.day) {
      x.month = y.month;
      x.year = y.year;
      x.two_digit_year = y.two_digit_year;  // "14. - 15.10.18": both ends in the same century
      x.bare_day = false;
      x.anchor = y.anchor == anchoring::absolute ? anchoring::absolute : anchoring::implicit;
      if (y.rel_unit != time_unit::none && y.anchor == anchoring::dct) { x.rel_unit = y.rel_unit; x.anchor = anchoring::dct; }
    } else if (x.kind == expr_kind::time && x.hour >= 0 && !x.day && !x.month && x.weekday == 0 && x.rel_unit == time_unit::none &&
               y.hour >= 0 && y.day && y.month && c == "bis") {  // "von 5 bis 6 am 22.4.2016": the begin's day
      x.day = y.day;
      x.month = y.month;
      x.year = y.year;
      x.bc = y.bc;
      x.anchor = y.anchor;
    } else if ((x.year_from_next || x.anchor == anchoring::implicit) && y.year != no_year && x.year == no_year &&
               x.month && y.month && x.holiday < 0) {
      x.year = x.month > y.month ? y.year - 1 : y.year;
      x.bc = y.bc;
      x.anchor = anchoring::absolute;
    }
  }
  // bare days that found no month are no dates ("am 3. und 4. Spieltag"); then the two ends of each range
  // ("-", "bis", "zwischen ... und") are linked
  std::size_t out = 0;
  for (std::size_t k = 0; k < exprs.size(); ++k) {
    if (exprs[k].bare_day) continue;
    if (out != k) exprs[out] = std::move(exprs[k]);
    ++out;
  }
  exprs.resize(out);
  for (std::size_t k = 0; k + 1 < exprs.size(); ++k) {
    const time_expr& x = exprs[k];
    const time_expr& y = exprs[k + 1];
    if ((x.kind != expr_kind::date && x.kind != expr_kind::time) || (y.kind != expr_kind::date && y.kind != expr_kind::time)) continue;
    std::size_t count = 0;
    const std::string_view c = connector(a, x.last, y.first, count);
    // "zwischen 2019 und 2021", "zwischen dem 4. und dem 22. Januar"
    std::uint32_t before = x.first;
    if (before > 1 && (a.fold(before - 1) == "dem" || a.fold(before - 1) == "den" || a.fold(before - 1) == "der")) --before;
    const bool zwischen = before > 0 && (a.fold(before - 1) == "zwischen");
    if (c == "-" || c == "–" || c == "bis" || (c == "und" && zwischen)) {
      exprs[k].link = static_cast<int>(k + 1);
      exprs[k + 1].link = static_cast<int>(k);
    }
  }
}

}  // namespace newsnorm::detail
