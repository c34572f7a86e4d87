// The time stage: classify tokens once, recognise expressions (time_grammar), join ranges, then
// resolve each expression against its anchor and write TIMEX3 values into the document.
//
// Anchors (docs/time.md):
//   news mode       the publication date; the clause's tense picks the past or future reading of
//                   "im Juni", "am Donnerstag"; "zwei Tage später" counts from the last date mentioned.
//   narrative mode  the latest absolute date mentioned before ("am 7. Juli" after "1937" -> 1937-07-07).
//   no anchor       underspecified values: "XXXX-06", "XXXX-WXX-4".
#include "time/time_stage.hpp"

#include "time/calendar.hpp"
#include "time/tense.hpp"
#include "time/time_grammar.hpp"

#include <algorithm>
#include <cstdio>

namespace newsnorm::detail {

struct time_rules {
  time_tables tables;
};

result<std::shared_ptr<const time_rules>> load_time_rules(const data_source& data, std::string_view lang) {
  auto rules = std::make_shared<time_rules>();
  if (auto e = load_time_tables(data, lang, rules->tables)) return *e;
  // "Montagabend", "Freitagnacht", "Sonntagmorgen": weekday and part of the day in one word
  std::vector<std::pair<std::string, time_word>> compounds;
  rules->tables.words.for_each([&](std::string_view day, const time_word& d) {
    if (d.cls != word_class::weekday) return;
    rules->tables.words.for_each([&](std::string_view part, const time_word& p) {
      // adverbs in -s only as "früh..."/"spät..." ("Dienstagfrühmorgens", "Dienstagspätabends")
      const bool early_late = part.starts_with("früh") || part.starts_with("spät");
      if (p.part == daypart::none || part.size() < 4 || (part.back() == 's' && !early_late) || part == "nächte") return;
      time_word w = d;
      w.part = p.part;
      compounds.emplace_back(std::string(day) + std::string(part), w);
    });
  });
  for (auto& [form, w] : compounds)
    if (!rules->tables.words.find(form)) rules->tables.words.add(form, w);
  rules->tables.words.for_each([&](std::string_view form, const time_word&) {
    rules->tables.longest_word = std::max(rules->tables.longest_word, form.size());
  });
  rules->tables.build_index();  // after the last add: it copies the words with their traits
  return std::shared_ptr<const time_rules>(std::move(rules));
}

std::pair<std::vector<std::string_view>, std::shared_ptr<const void>> shared_time_words(
    const std::shared_ptr<const time_rules>& rules) {
  return {rules->tables.shared_words(), std::shared_ptr<const void>(rules, &rules->tables)};
}

namespace {

// What the story has said last: "1939", "September 1939", "1. September 1939".
struct story_point {
  int year = no_year;
  bool bc = false;
  int month = 0, day = 0;
  bool known() const { return year != no_year; }
};

const char* mod_text(timex_mod m) {
  switch (m) {
    case timex_mod::start: return "START";
    case timex_mod::mid: return "MID";
    case timex_mod::end: return "END";
    case timex_mod::approx: return "APPROX";
    case timex_mod::less_than: return "LESS_THAN";
    case timex_mod::more_than: return "MORE_THAN";
    case timex_mod::equal_or_less: return "EQUAL_OR_LESS";
    case timex_mod::equal_or_more: return "EQUAL_OR_MORE";
    case timex_mod::before: return "BEFORE";
    case timex_mod::after: return "AFTER";
    case timex_mod::on_or_before: return "ON_OR_BEFORE";
    case timex_mod::on_or_after: return "ON_OR_AFTER";
    default: return "";
  }
}

const char* part_text(daypart p) {
  switch (p) {
    case daypart::mo: return "MO";
    case daypart::mi: return "12:00";  // "Mittag", "mittags": noon, as midnight is T24:00 (TIMEX3 has TMI for a vaguer midday)
    case daypart::af: return "AF";
    case daypart::ev: return "EV";
    case daypart::ni: return "NI";
    case daypart::dt: return "DT";
    default: return "";
  }
}

const char* season_text(int s) { return s == 1 ? "SP" : s == 2 ? "SU" : s == 3 ? "FA" : s == 4 ? "WI" : ""; }

// Orders (month, day) against the anchor for the tense rule: -1 before, 0 same, +1 after.
int compare_md(int m, int d, const ymd& ref) {
  const int rm = month_of(ref), rd = day_of(ref);
  if (m != rm) return m < rm ? -1 : 1;
  if (d == 0 || d == rd) return 0;
  return d < rd ? -1 : 1;
}

// The year of a date that names no year: the reference year, moved by the tense when the date
// would otherwise lie on the wrong side ("Im Dezember unterzeichneten..." in an article of March -> last year).
// tense_of() is asked only when the date is not the reference day's.
template <class TenseOf>
int year_by_tense(int m, int d, const ymd& ref, TenseOf&& tense_of) {
  const int y = year_of(ref);
  const int cmp = compare_md(m, d, ref);
  if (cmp == 0) return y;
  const tense t = tense_of();
  if (t == tense::past && cmp > 0) return y - 1;
  if (t == tense::future && cmp < 0) return y + 1;
  // the present points ahead ("Im März kommt er", read in October): a month well before the reference date's lies
  // in the next year; near it, the present may still report ("Im August ist die Zahl gestiegen")
  if (t == tense::none && cmp < 0 && month_of(ref) - m >= 3) return y + 1;
  return y;
}

// The expression lies inside the article's dateline ("BERLIN, 3. März (Reuters) -").
bool in_dateline(const analysis& a, const time_expr& e) {
  if (a.doc->datelines.empty() || e.first >= a.tokens.size() || e.last == 0 || e.last > a.tokens.size()) return false;
  const dateline& d = a.doc->datelines.front();
  return a.tokens[e.first].begin >= d.start_byte && a.tokens[e.last - 1].end <= d.end_byte;
}

class resolver {
 public:
  resolver(const time_tables& t, analysis& a, const token_words& words)
      : t_(t), a_(a), tenses_(a, words) {}

  void run(std::vector<time_expr>& exprs) {
    exprs_ = &exprs;
    std::vector<std::size_t> index(exprs.size(), SIZE_MAX);
    auto& out = a_.doc->timexes;
    // at most one timex each: growing would move nine strings per timex again and again; no more than the
    // annotation limit and the memory budget let through (a hostile document stops at the limit, not after it)
    std::size_t room = exprs.size();
    if (a_.max_annotations > out.size()) room = std::min(room, a_.max_annotations - out.size());
    const std::size_t each = sizeof(timex) + analysis::span_text_estimate;
    if (a_.memory_budget != SIZE_MAX && a_.memory_budget >= a_.memory_charged)
      room = std::min(room, (a_.memory_budget - a_.memory_charged) / each + 1);
    out.reserve(out.size() + room);
    for (std::size_t k = 0; k < exprs.size(); ++k) {
      timex tx;
      if (!resolve(exprs[k], tx)) continue;
      static_cast<span&>(tx) = byte_span(a_.tokens[exprs[k].first].begin, a_.tokens[exprs[k].last - 1].end);
      // a part of a token: "1940" in "1939/1940"; "Winter 1939" in "Winter 1939/40" (byte_begin 0: from the first token)
      if (exprs[k].byte_end > 0)
        static_cast<span&>(tx) = byte_span(std::max<std::uint32_t>(exprs[k].byte_begin, a_.tokens[exprs[k].first].begin), exprs[k].byte_end);
      tx.tid.assign(1, 't');  // not = "t": GCC 12 warns falsely (-Wrestrict) on that assignment once inlined here
      append_padded(tx.tid, static_cast<int>(out.size() + 1), 1);
      index[k] = out.size();
      a_.before_append(out, "timexes");
      out.push_back(std::move(tx));
    }
    for (std::size_t k = 0; k < exprs.size(); ++k) {
      const int l = exprs[k].link;
      if (l < 0 || index[k] == SIZE_MAX || index[static_cast<std::size_t>(l)] == SIZE_MAX) continue;
      if (static_cast<std::size_t>(l) > k && begin_after_end(exprs[k], exprs[static_cast<std::size_t>(l)])) {
        --exprs[k].year;
        out[index[k]].value = render(exprs[k]);
      }
      const std::size_t a = std::min(index[k], index[static_cast<std::size_t>(l)]);
      const std::size_t b = std::max(index[k], index[static_cast<std::size_t>(l)]);
      out[index[k]].range_begin = out[a].tid;
      out[index[k]].range_end = out[b].tid;
    }
  }

 private:
  const time_tables& t_;
  analysis& a_;
  const std::vector<time_expr>* exprs_ = nullptr;
  tense_reader tenses_;
  story_point story_;
  std::uint32_t day_sentence_ = UINT32_MAX;  // the sentence of the last expression with a day
  story_point sentence_day_;
  bool sentence_night_ = false;  // that day is the eve of a "Nacht zu/auf" weekday

  bool news() const { return a_.mode == analysis_mode::news && a_.dct.has_value(); }
  bool narrative() const { return a_.mode == analysis_mode::narrative; }

  tense tense_at(const time_expr& e) {
    if (e.first >= a_.tokens.size()) return tense::none;
    return tenses_.of_clause(e.first, e.last, e.weekday != 0 || e.part != daypart::none);
  }

  // The point a relative expression counts from.
  // unit: the unit the expression counts in; "zwölf Jahre später" needs no more of the story than its year.
  std::optional<story_point> anchor_point(anchoring kind, time_unit unit = time_unit::none) const {
    story_point dct;
    if (a_.dct) dct = {year_of(*a_.dct), false, month_of(*a_.dct), day_of(*a_.dct)};
    if (narrative()) {
      if (story_.known()) return story_;
      if (a_.dct) return dct;
      return std::nullopt;
    }
    if (kind == anchoring::story && story_.known() && story_.day) return story_;
    if (kind == anchoring::story && story_.known() && !story_.bc &&
        (unit == time_unit::year || unit == time_unit::decade || (unit == time_unit::month && story_.month)))
      return story_;
    if (a_.dct && a_.mode != analysis_mode::automatic) return dct;
    if (a_.dct) return dct;
    return std::nullopt;
  }

  static std::string anchor_text(const story_point& p) {
    if (!p.known()) return {};
    std::string s = format_year(p.year, p.bc);
    if (p.month) { s += '-'; append_padded(s, p.month, 2); }
    if (p.month && p.day) { s += '-'; append_padded(s, p.day, 2); }
    return s;
  }

  bool resolve(time_expr& e, timex& tx) {
    tx.mod = mod_text(e.mod);
    switch (e.kind) {
      case expr_kind::vague:
        tx.type = "DATE";
        tx.value = e.text;
        return true;
      case expr_kind::duration:
        if (e.clock_prep >= 0 && news() && a_.dct_seconds >= 0) return resolve_clock_offset(e, tx);
        tx.type = "DURATION";
        tx.value = e.text;
        return true;
      case expr_kind::set:
        tx.type = "SET";
        tx.value = e.text;
        tx.quant = e.quant;
        tx.freq = e.freq;
        return true;
      default: break;
    }
    tx.type = (e.hour >= 0 || e.part != daypart::none) ? "TIME" : "DATE";
    // "heute" in a history: the author's present, not a day of the story; in news, set against an earlier time
    // ("Früher waren es 20 Prozent, heute sind es 40"): nowadays
    if (bare_today(e) && (narrative() || nowadays(e))) {
      tx.type = "DATE";
      tx.value = "PRESENT_REF";
      return true;
    }
    if (e.two_digit_year) fix_century(e);
    if (e.anchor == anchoring::absolute && e.nth && e.month && e.year != no_year) place_nth(e, e.year);
    switch (e.anchor) {
      case anchoring::absolute: break;
      case anchoring::implicit: fill_implicit(e, tx); break;
      case anchoring::dct:
      case anchoring::story: fill_relative(e, tx); break;
    }
    if (e.holiday >= 0 && e.year != no_year && static_cast<std::size_t>(e.holiday) < t_.holidays.size()) {
      // "Ostern 2024" -> 2024-03-31: the holiday's rule places it in its year
      if (auto d = holiday_date(t_.holidays[static_cast<std::size_t>(e.holiday)], e.year)) {
        e.month = month_of(*d);
        e.day = day_of(*d);
      }
    }
    // "in der Nacht zum 3. November": the night belongs to the day before
    if (e.night_before_date && e.day && e.month && e.year != no_year && !e.bc && e.year > 0) {
      const ymd d = add_days(make_ymd(e.year, e.month, e.day), -1);
      e.year = year_of(d); e.month = month_of(d); e.day = day_of(d);
    }
    if (e.shift && e.day && e.month && e.year != no_year && !e.bc && e.year > 0) {  // "drei Tage nach Weihnachten"
      const ymd base = make_ymd(e.year, e.month, e.day);
      const ymd moved = e.shift_unit == time_unit::day ? add_days(base, e.shift)
                        : e.shift_unit == time_unit::month ? add_months(base, e.shift) : add_months(base, 12 * e.shift);
      if (moved.ok() && year_of(moved) >= 1 && year_of(moved) <= 9999) set_day(e, moved);
    }
    tx.value = render(e);
    remember(e);
    return true;
  }

  // "heute", "heute" alone: no part of the day, no clock time, no mod
  static bool bare_today(const time_expr& e) {
    return e.anchor == anchoring::dct && e.rel_unit == time_unit::day && e.offset == 0 && e.part == daypart::none &&
           e.hour < 0 && e.mod == timex_mod::none;
  }

  // "Früher waren es 20 Prozent, heute sind es 40", "1990 lebten hier 500 Menschen, heute sind es 2000", "Was 2010
  // noch galt, ist heute anders": the single word "heute" in a clause whose own verbs are present (or absent), set
  // against "damals", "früher", "einst", "seinerzeit" in its sentence ("heute so virulent wie damals") or against
  // an earlier year in another, past clause. That "heute" is nowadays, PRESENT_REF. Not "bis heute", "seit heute",
  // "hat heute beschlossen" (its clause is past), "Der 1990 gegründete Verein feiert heute" (one clause), "heute
  // Abend", and not after "gestern" ("Gestern waren es 20, heute sind es 40" is the day).
  bool nowadays(const time_expr& e) {
    if (!exprs_ || e.link >= 0 || e.last != e.first + 1 || e.first >= a_.tokens.size() || a_.fold(e.first) != "heute")
      return false;
    static constexpr std::array<std::string_view, 6> bounds = {"bis", "seit", "ab", "von", "für", "vor"};
    if (e.first > 0 && std::find(bounds.begin(), bounds.end(), a_.fold(e.first - 1)) != bounds.end()) return false;
    const std::size_t self = static_cast<std::size_t>(&e - exprs_->data());
    if (self >= exprs_->size()) return false;
    // the other expressions of the sentence: [from, to)
    const std::uint32_t s = a_.tokens[e.first].sentence;
    std::size_t from = self, to = self + 1;
    while (from > 0 && a_.tokens[(*exprs_)[from - 1].first].sentence == s) --from;
    while (to < exprs_->size() && a_.tokens[(*exprs_)[to].first].sentence == s) ++to;
    // most "heute" stand beside no earlier time: no verb is read for them
    bool any = false;
    for (std::size_t k = from; k < to && !any; ++k) any = k != self && earlier((*exprs_)[k]) != contrast::none;
    if (!any) return false;
    const tense_reader::clause own = tenses_.own_clause(e.first, e.last);
    if (own.shown != tense::none) return false;
    for (std::size_t k = from; k < to; ++k) {
      const time_expr& x = (*exprs_)[k];
      const contrast c = k == self ? contrast::none : earlier(x);
      if (c == contrast::then) return true;
      // a year in the clause of "heute" describes rather than contrasts ("Der 1990 gegründete Verein feiert heute")
      if (c == contrast::past_clause && !(x.first >= own.first && x.first < own.last) &&
          tenses_.of_clause(x.first, x.last) == tense::past)
        return true;
    }
    return false;
  }

  // What an expression beside "heute" says of an earlier time: "damals", "früher", "einst", "seinerzeit" are one
  // gone by (not "kürzlich", which is recent); a year or decade alone before the publication year ("1990 lebten
  // hier", "in den 90er Jahren gab es", "bis 2013, noch vor Ort"; not a start, "seit 2010") or a count back in
  // years ("Vergangenen Sommer lebten noch 180 Soldaten", "vor zehn Jahren", "im Vorjahr"; days, weeks and months
  // are recent: "Gestern waren es 20") are one when their clause (its own verbs or, verbless, its sentence's) is past.
  enum class contrast : std::uint8_t { none, then, past_clause };
  contrast earlier(const time_expr& x) const {
    static constexpr std::array<std::string_view, 4> then_words = {"damals", "früher", "einst", "seinerzeit"};
    if (x.kind == expr_kind::vague)
      return x.last == x.first + 1 && std::find(then_words.begin(), then_words.end(), a_.fold(x.first)) != then_words.end()
                 ? contrast::then
                 : contrast::none;
    if (x.kind != expr_kind::date || x.bc) return contrast::none;
    if (x.anchor == anchoring::dct && x.offset < 0 && x.rel_unit == time_unit::year && x.mod == timex_mod::none)
      return contrast::past_clause;
    if (x.anchor != anchoring::absolute) return contrast::none;
    const bool year_only = x.year != no_year && !x.month && !x.day && !x.weekday && !x.season && !x.quarter && !x.half &&
                           !x.week && x.decade < 0 && x.century < 0;
    const int last_year = year_only ? x.year : x.decade >= 0 && x.year == no_year ? x.decade * 10 + 9 : INT_MAX;
    if (last_year == INT_MAX || (a_.dct && last_year >= year_of(*a_.dct))) return contrast::none;
    if (x.first > 0 && a_.fold(x.first - 1) == "seit") return contrast::none;
    return contrast::past_clause;
  }

  // "in zwei Stunden" in an article of 2013-02-12T04:30 -> 2013-02-12T06:30; "vor 90 Sekunden" ->
  // 2013-02-12T04:28:30 (seconds only when they are not zero); the preposition is part of the span.
  bool resolve_clock_offset(time_expr& e, timex& tx) {
    const std::int64_t total = a_.dct_seconds + e.clock_offset;
    const std::int64_t days = total >= 0 ? total / 86400 : -((-total + 86399) / 86400);
    const int sec = static_cast<int>(total - days * 86400);
    const ymd d = add_days(*a_.dct, static_cast<int>(days));
    tx.type = "TIME";
    tx.value = format_year(year_of(d), false);
    tx.value += '-'; append_padded(tx.value, month_of(d), 2);
    tx.value += '-'; append_padded(tx.value, day_of(d), 2);
    tx.value += 'T'; append_padded(tx.value, sec / 3600, 2);
    tx.value += ':'; append_padded(tx.value, sec / 60 % 60, 2);
    if (sec % 60) { tx.value += ':'; append_padded(tx.value, sec % 60, 2); }
    tx.anchor = a_.doc->dct;
    e.first = static_cast<std::uint32_t>(e.clock_prep);
    return true;
  }

  // "seit Dezember", "seit dem Wochenende", "seit einem nordkoreanischen Atomtest im Jänner": "seit" at most six
  // tokens before, with only a noun phrase between (articles, adjectives, nouns, "im"/"am"/"vom"/"des"/"der"); not
  // across a verb ("seit Jahren plant er im März ...")
  bool after_seit(const time_expr& e) const {
    const std::uint32_t s = e.first < a_.tokens.size() ? a_.tokens[e.first].sentence : 0;
    for (std::size_t k = e.first, steps = 0; k-- > 0 && steps < 6; ++steps) {
      const token& tk = a_.tokens[k];
      if (tk.sentence != s || !(tk.flags & tf_word)) return false;
      const std::string_view f = a_.fold(k);
      if (f == "seit") return true;
      if (tk.flags & tf_upper_initial) continue;  // a noun
      static constexpr std::array<std::string_view, 12> np = {"im", "am", "vom", "des", "der", "dem", "den", "die",
                                                               "das", "einem", "einer", "eines"};
      bool ok = false;
      for (std::string_view x : np) ok = ok || f == x;
      if (!ok && f.size() > 3 && (f.back() == 'e' || f.ends_with("en") || f.ends_with("er") || f.ends_with("em")) &&
          !past_participle_adjective(f))
        ok = true;  // an adjective ("nordkoreanischen")
      if (!ok) return false;
    }
    return false;
  }

  // A past participle used as an adjective within three words after the expression, and a noun after it
  // (another adjective may stand between: "der im Dezember festgenommene römische Mafiaboss"); not a verb's
  // participle ("soll am 4. Juli zur Abbaugesellschaft abgespalten werden").
  bool participle_after(const time_expr& e) const {
    const std::size_t n = a_.tokens.size();
    const std::uint32_t s = a_.tokens[e.first].sentence;
    auto word = [&](std::size_t k) { return k < n && a_.tokens[k].sentence == s && (a_.tokens[k].flags & tf_word); };
    auto noun = [&](std::size_t k) { return word(k) && (a_.tokens[k].flags & tf_upper_initial); };
    for (std::size_t k = e.last; k < e.last + 3 && word(k); ++k) {
      if (noun(k) || a_.tokens[k].fold_len <= 3) continue;  // "in Kraft getretenen"
      if (!past_participle_adjective(a_.fold(k))) return false;
      if (noun(k + 1)) return true;
      const std::string_view next = word(k + 1) ? a_.fold(k + 1) : std::string_view{};
      // ("ein am Freitag an Athen übermittelter gemeinsamer Forderungskatalog": any adjective ending)
      return next.size() > 3 &&
             (next.back() == 'e' || next.ends_with("en") || next.ends_with("er") || next.ends_with("es") ||
              next.ends_with("em")) &&
             noun(k + 2) && !past_participle_adjective(next);
    }
    return false;
  }

  // "am Sonntag, 12. Februar": the weekday names the year when the tense's year does not have it. The year
  // before or after whose 12 February is a Sunday, the nearer to `y` first; `y` when neither is.
  static int year_of_weekday(const time_expr& e, int y, const ymd& ref) {
    auto fits = [&](int year) {
      const ymd d = make_ymd(year, e.month, e.day);
      return d.ok() && iso_weekday(d) == e.weekday_said;
    };
    if (y <= 1 || fits(y)) return y;
    // only a year whose date lies within a year of the reference date: further off, the weekday is more likely
    // wrong than the year
    auto near = [&](int year) {
      const int days = static_cast<int>((std::chrono::sys_days(make_ymd(year, e.month, e.day)) - std::chrono::sys_days(ref)).count());
      return days <= 366 && days >= -366;
    };
    if (fits(y + 1) && near(y + 1)) return y + 1;
    if (fits(y - 1) && near(y - 1)) return y - 1;
    return y;
  }

  // Read in the small hours (a reference time of day before 6:00), midnight is the one that began the day, an hour
  // or so ago, not the one ahead, unless the clause points ahead: "Um Mitternacht läuteten die Glocken" filed at
  // 00:40 is the day before's T24:00; "Um Mitternacht wird die Sperre aufgehoben" is tonight's.
  template <class TenseOf>
  bool midnight_just_past(const time_expr& e, TenseOf&& tense_of) const {
    return e.hour == 24 && e.minute == 0 && e.day && a_.dct_seconds >= 0 && a_.dct_seconds < 6 * 3600 &&
           tense_of() != tense::future;
  }

  // "im Juni", "am 3. Mai", "am Donnerstag", "um 14 Uhr", "Ostern", "im dritten Quartal"
  void fill_implicit(time_expr& e, timex& tx) {
    const std::uint32_t sentence = e.first < a_.tokens.size() ? a_.tokens[e.first].sentence : 0;
    const bool only_time = !e.month && !e.day && !e.weekday && !e.season && !e.quarter && !e.half && e.holiday < 0 &&
                           (e.hour >= 0 || e.part != daypart::none);
    // a clock time or part of the day takes the day of the sentence's last date ("Am 1. September ... um 4:45 Uhr")
    if (only_time && day_sentence_ == sentence && sentence_day_.day) {
      e.year = sentence_day_.year; e.bc = sentence_day_.bc; e.month = sentence_day_.month; e.day = sentence_day_.day;
      tx.anchor = anchor_text(sentence_day_);
      // "in der Nacht zu Sonntag gegen 3 Uhr": the small hours belong to the day the night leads to
      if (sentence_night_ && e.hour >= 0 && e.hour < 6 && !sentence_day_.bc) {
        const ymd next = add_days(make_ymd(e.year, e.month, e.day), 1);
        e.year = year_of(next); e.month = month_of(next); e.day = day_of(next);
      }
      return;
    }
    std::optional<story_point> p;
    std::optional<ymd> ref;
    if (news()) {
      ref = *a_.dct;
      p = story_point{year_of(*ref), false, month_of(*ref), day_of(*ref)};
    } else if (narrative() && story_.known()) {
      p = story_;
      if (story_.month && story_.day) ref = make_ymd(story_.year, story_.month, story_.day);
    } else if (a_.dct && narrative()) {
      ref = *a_.dct;
      p = story_point{year_of(*ref), false, month_of(*ref), day_of(*ref)};
    }
    if (!p) return;  // no anchor: underspecified
    tx.anchor = anchor_text(*p);
    // The tense is read only where the answer depends on it (a clock time alone never does): reading the
    // clause's verbs is most of what resolving an implicit date costs.
    std::optional<tense> known_tense;
    auto t = [&] {
      if (known_tense) return *known_tense;
      tense read = news() ? tense_at(e) : tense::none;
      // "seit Dezember": a start that lies before the reference date, whatever the verb
      // "BERLIN, 3. März (Reuters) -": the dateline names the day the story was filed, never a later one
      if (in_dateline(a_, e)) read = tense::past;
      // ("seit dem Wochenende", "seit der Wahl im März": an article may stand between)
      // "seit einem Atomtest im Jänner": inside the noun phrase after "seit" too
      if (after_seit(e)) read = tense::past;
      // "der Beschluss vom Montag", "die Wahl vom 7. Juni": a day named with "vom" outside a range lies behind
      // ("in der Woche vom 25. April" names a week that may lie ahead)
      if (e.first > 1 && e.link < 0 && a_.fold(e.first - 1) == "vom" && (e.weekday || e.day) &&
          a_.fold(e.first - 2) != "woche")
        read = tense::past;
      // "NHL-Ergebnisse von Sonntag", "die Amokfahrt von Samstagmittag": so is a weekday after "von" (not "von
      // Dienstag an", "in der Nacht von Freitag auf Samstag")
      if (e.first > 0 && e.link < 0 && e.weekday && !e.day && a_.fold(e.first - 1) == "von" && !from_on(e.last))
        read = tense::past;
      // "die im April begonnene Krise", "des am 21. April verstorbenen Sängers", "einer am 20. Juli in Kraft
      // getretenen Richtlinie": a participle after the date places it behind, whatever the clause's verb
      if (read != tense::past && participle_after(e)) read = tense::past;
      // "Die Inflation beträgt im Oktober 0,7 Prozent": a measured value reported in the present lies behind
      if (read == tense::none && e.month && !e.day && !e.weekday && tenses_.measured(e.first, e.last)) read = tense::past;
      known_tense = read;
      return read;
    };
    if (only_time) {  // "7:30 Uhr" in a story of 1916 -> 1916-XX-XXT07:30
      e.year = p->year;
      e.bc = p->bc;
      if (p->day) { e.month = p->month; e.day = p->day; }
      if (news() && midnight_just_past(e, t)) {
        const ymd before = add_days(make_ymd(e.year, e.month, e.day), -1);
        e.year = year_of(before); e.month = month_of(before); e.day = day_of(before);
      }
      return;
    }
    if (e.holiday >= 0 && static_cast<std::size_t>(e.holiday) < t_.holidays.size()) {
      const holiday& h = t_.holidays[static_cast<std::size_t>(e.holiday)];
      int y = p->year;
      if (ref && news()) {
        if (auto d = holiday_date(h, y)) {
          const int cmp = compare_md(month_of(*d), day_of(*d), *ref);
          if (t() == tense::past && cmp > 0) --y;
          if (t() == tense::future && cmp < 0) ++y;
        }
      }
      e.year = y;
      e.bc = p->bc;
      return;
    }
    if (e.weekend && !e.month) {  // "am Wochenende": this week's, or the last one in the past tense
      if (!ref) { e.week = false; e.weekend = false; return; }
      ymd d = *ref;
      if (news() && t() == tense::past && iso_weekday(d) < 6) d = add_days(d, -7);
      const iso_week w = iso_week_of(d);
      e.year = w.year;
      e.day = w.week;
      return;
    }
    if (e.nth && e.month && e.weekday) {  // "erster Dienstag im Oktober", "letzter Montag im März", "letzter Tag im Oktober"
      const int y = e.year != no_year ? e.year : ref && news() ? year_by_tense(e.month, 0, *ref, t) : p->year;
      place_nth(e, y);
      return;
    }
    if (e.weekday && !e.month && !e.day) {
      // "von Montag bis Freitag", "nächsten Donnerstag bis Samstag": the end is the first such weekday from the begin
      if (const time_expr* b = range_begin_of(e); b && b->day && b->month && b->year != no_year && !b->week) {
        const ymd from = make_ymd(b->year, b->month, b->day);
        set_day(e, add_days(from, (e.weekday - iso_weekday(from) + 7) % 7));
        return;
      }
      if (!ref) return;
      ymd d = *ref;
      const int wd = iso_weekday(d);
      int delta = (e.weekday - wd + 7) % 7;  // forward to the weekday (0 = today)
      if (news() && t() == tense::past) delta = delta == 0 ? 0 : delta - 7;
      if (e.night_before) delta -= 1;  // the night from Thursday to Friday belongs to Thursday
      d = add_days(d, delta);
      e.year = year_of(d); e.month = month_of(d); e.day = day_of(d);
      return;
    }
    if (e.month && !e.day && e.year == no_year) {  // a month or a season's month
      e.year = ref && news() ? year_by_tense(e.month, 0, *ref, t) : p->year;
      e.bc = p->bc;
      return;
    }
    if (e.day && !e.month) {  // "am 15.": the anchor's month
      if (!p->month) return;
      e.month = p->month;
      e.year = p->year;
      e.bc = p->bc;
      if (ref && news() && t() == tense::past && e.day > day_of(*ref)) {
        const ymd back = add_months(make_ymd(year_of(*ref), month_of(*ref), 1), -1);
        e.year = year_of(back); e.month = month_of(back);
      }
      // "am 30." in March, in the past: not 30 February; the nearest month that has the day, in the same direction
      if (!p->bc && e.year > 0) {
        const int step = ref && news() && t() == tense::past ? -1 : 1;
        for (int k = 0; k < 2 && !make_ymd(e.year, e.month, e.day).ok(); ++k) {
          const ymd m = add_months(make_ymd(e.year, e.month, 1), step);
          e.year = year_of(m); e.month = month_of(m);
        }
      }
      return;
    }
    if (e.month && e.day) {
      e.year = ref && news() ? year_by_tense(e.month, e.day, *ref, t) : p->year;
      e.bc = p->bc;
      if (e.weekday_said && ref && news()) e.year = year_of_weekday(e, e.year, *ref);
      return;
    }
    if (e.season || e.quarter || e.half) {
      const int m = e.season ? (e.season == 4 ? 12 : e.season * 3) : e.quarter ? e.quarter * 3 - 2 : e.half * 6 - 5;
      e.year = ref && news() ? year_by_tense(m, 0, *ref, t) : p->year;
      if (e.season == 4 && ref && news() && month_of(*ref) <= 2 && t() != tense::future) e.year = year_of(*ref) - 1;
      e.bc = p->bc;
      return;
    }
  }

  // "vom 13. März bis 17. Juni ... unterbrochen worden", "Zwischen Jänner und November wurden": each end of a range
  // without a year takes its year from the tense and the reference date alone, which can put the begin after the
  // end (read on 2016-03-15: 2016-03-13 and 2015-06-17). The end, nearer to what the verb reports, keeps its
  // year; the begin, both in the same month or day granularity and without a year of its own, takes the one before.
  static bool begin_after_end(const time_expr& b, const time_expr& e) {
    if (b.anchor != anchoring::implicit || e.anchor != anchoring::implicit || !b.month || !e.month || b.bc || e.bc ||
        b.year == no_year || e.year == no_year || b.year <= 1 || (b.day != 0) != (e.day != 0) || b.weekday || e.weekday ||
        b.hour >= 0 || e.hour >= 0 || b.season || e.season || b.quarter || e.quarter || b.half || e.half || b.week || e.week ||
        b.holiday >= 0 || e.holiday >= 0 || b.nth || e.nth || b.shift || e.shift)
      return false;
    const auto key = [](const time_expr& x) { return (x.year * 13 + x.month) * 32 + x.day; };
    return key(b) > key(e) && key(b) - 13 * 32 <= key(e);
  }

  // "von Dienstag an", "von Freitag auf Samstag", "von Montag zum Dienstag": the word at k makes "von" a start
  bool from_on(std::size_t k) const {
    if (k >= a_.tokens.size()) return false;
    const std::string_view w = a_.fold(k);
    return w == "an" || w == "auf" || w == "zu" || w == "zum" || w == "bis";
  }

  // The begin of the range whose end is e, once it is resolved (it comes first in the list).
  const time_expr* range_begin_of(const time_expr& e) const {
    if (!exprs_ || e.link < 0) return nullptr;
    const std::size_t self = static_cast<std::size_t>(&e - exprs_->data());
    const std::size_t other = static_cast<std::size_t>(e.link);
    return other < self && other < exprs_->size() ? &(*exprs_)[other] : nullptr;
  }

  // "gestern", "letzte Woche", "vor drei Jahren", "zwei Tage später", "Ende des Monats", "im Vorjahr"
  void fill_relative(time_expr& e, timex& tx) {
    // months from a story that named only its year count in its years: "Anfang 2013 ... Zweieinhalb Jahre
    // später" -> 2015 (30 months), not 30 months from the reference date
    if (e.anchor == anchoring::story && e.rel_unit == time_unit::month && story_.known() && !story_.month) {
      e.rel_unit = e.gran = time_unit::year;
      e.offset /= 12;
    }
    const std::optional<story_point> p = anchor_point(e.anchor, e.rel_unit);
    if (!p) {  // no anchor: the granularity without the values, "gestern" -> XXXX-XX-XX
      e.year = no_year;
      e.unresolved = true;
      return;
    }
    tx.anchor = anchor_text(*p);
    e.bc = p->bc;
    const int n = e.offset;
    switch (e.rel_unit) {
      case time_unit::day:
      case time_unit::night: {
        if (!p->day || !p->month) { copy_partial(e, *p); return; }
        const ymd d = add_days(make_ymd(p->year, p->month, p->day), n);
        set_day(e, d);
        return;
      }
      case time_unit::week:
      case time_unit::weekend: {
        if (!p->day || !p->month) { copy_partial(e, *p); return; }
        const ymd base = make_ymd(p->year, p->month, p->day);
        if (e.weekday && e.weekday_in_week) {  // "Montag nächster Woche": that weekday of that ISO week
          const ymd d = add_days(base, 7 * n);
          // "Nacht auf Samstag vergangener Woche": the night belongs to the day before
          set_day(e, add_days(d, e.weekday - iso_weekday(d) - (e.night_before ? 1 : 0)));
          e.weekday = 0;
          return;
        }
        if (e.weekday) {  // "nächsten Montag", "letzten Freitag", "diesen Donnerstag"
          const int wd = iso_weekday(base);
          int delta;
          if (n > 0) { delta = (e.weekday - wd + 7) % 7; if (delta == 0) delta = 7; delta += 7 * (n - 1); }
          else if (n < 0) { delta = -((wd - e.weekday + 7) % 7); if (delta == 0) delta = -7; delta += 7 * (n + 1); }
          else {  // "diesen Freitag": the coming one, or the last one in the past tense
            delta = (e.weekday - wd + 7) % 7;
            if (news() && tense_at(e) == tense::past && delta != 0) delta -= 7;
          }
          set_day(e, add_days(base, delta));
          e.weekday = 0;
          return;
        }
        // "kommendes Wochenende" read from Monday to Friday is this week's, "vergangenes Wochenende" last week's; on
        // the weekend itself the next one is a week on
        const int weeks = e.weekend && n > 0 && iso_weekday(base) <= 5 ? n - 1 : n;
        const iso_week w = iso_week_of(add_days(base, 7 * weeks));
        e.year = w.year;
        e.week = true;
        e.day = w.week;  // the week number travels in `day` for rendering
        return;
      }
      case time_unit::month: {
        if (!p->month) { copy_partial(e, *p); return; }
        if (e.anchor == anchoring::story && p->day && e.gran == time_unit::month && e.offset != 0 && e.mod == timex_mod::none &&
            e.month == 0 && e.first < a_.tokens.size() && e.last - e.first >= 3) {
          // "drei Monate später" from a day of the story: a day
          set_day(e, add_months(make_ymd(p->year, p->month, p->day), n));
          return;
        }
        if (e.gran == time_unit::day && !e.day && !e.weekday && p->day) {  // "heute vor drei Monaten": that day
          set_day(e, add_months(make_ymd(p->year, p->month, p->day), n));
          return;
        }
        const ymd d = add_months(make_ymd(p->year, p->month, 1), n);
        e.year = year_of(d); e.month = month_of(d);
        return;
      }
      case time_unit::quarter:
      case time_unit::half: {
        if (!p->month) { copy_partial(e, *p); return; }
        const int size = e.rel_unit == time_unit::quarter ? 3 : 6;
        int idx = (p->month - 1) / size + n;  // zero-based period index within the year, shifted
        int y = p->year;
        const int per_year = 12 / size;
        while (idx < 0) { idx += per_year; --y; }
        while (idx >= per_year) { idx -= per_year; ++y; }
        e.year = y;
        if (size == 3) e.quarter = idx + 1; else e.half = idx + 1;
        return;
      }
      case time_unit::year:
        if (e.gran == time_unit::day && !e.day && !e.month && !e.weekday && p->month && p->day && !p->bc && p->year + n > 0) {  // "heute vor 30 Jahren"
          set_day(e, add_months(make_ymd(p->year, p->month, p->day), 12 * n));
          return;
        }
      {
        // January and February lie in the winter that began in December (YYYY-WI is the winter from December of
        // YYYY, as "im Winter" is read then): "diesen Winter" read in February 2013 is 2012-WI, "letzten Winter" 2011-WI
        const bool in_winter = e.season == 4 && e.gran == time_unit::season && p->month && p->month <= 2;
        const int py = in_winter ? p->year - 1 : p->year, pm = in_winter ? 12 : p->month;
        e.year = py + n;
        // "Zum Jahreswechsel stieg die Zahl", "Ende des Jahres wurde gewählt" read in the spring: the end of the year
        // that has passed; "Anfang des Jahres soll gewählt werden" read in the autumn: the start of the next one
        if (n == 0 && e.gran == time_unit::year && e.anchor == anchoring::dct && news() && pm && !e.season) {
          // (not a deadline or a term: "erhielt einen Vertrag bis Jahresende", "sollte bis zum Jahresende", "für Ende des
          // Jahres erwartet")
          const auto prep = [&](std::size_t k) {
            const std::string_view f = k < a_.tokens.size() ? a_.fold(k) : std::string_view{};
            return f == "bis" || f == "für" || f == "ab" || f == "seit";
          };
          const bool term = e.first > 0 && (prep(e.first - 1) || (e.first > 1 && (a_.fold(e.first - 1) == "zum" ||
                                                                                   a_.fold(e.first - 1) == "zu") &&
                                                                  prep(e.first - 2)));
          if (e.mod == timex_mod::end && pm <= 4 && !term && tense_at(e) == tense::past) --e.year;
          else if (e.mod == timex_mod::start && pm >= 9 && tense_at(e) == tense::future) ++e.year;
        }
        // "nächsten März", "letzten Sommer": the next (previous) one, which may lie in this year
        if ((e.gran == time_unit::month || e.gran == time_unit::season) && n != 0 && pm) {
          const int m = e.month ? e.month : (e.season == 4 ? 12 : e.season * 3);
          if (n > 0 && m > pm) e.year = py + n - 1;
          if (n < 0 && m < pm) e.year = py + n + 1;
        }
        return;
      }
      case time_unit::decade:
        e.decade = (p->year / 10) + n;
        return;
      case time_unit::century:
        e.century = (p->year / 100) + n;
        return;
      case time_unit::millennium:
        e.year = no_year;
        return;
      default:
        return;
    }
  }

  static void place_nth(time_expr& e, int y) {
    using namespace std::chrono;
    if (e.weekday == 8) {  // the last day of the month
      const ymd last{year{y} / month{static_cast<unsigned>(e.month)} / std::chrono::last};
      set_day(e, last);
    } else {
      holiday h;
      h.rule = holiday_rule::nth_weekday;
      h.a = e.month; h.b = e.weekday; h.c = e.nth;
      if (auto d = holiday_date(h, y)) {
        set_day(e, *d);
        if (e.nth_week) {  // "erste Woche im Oktober 2014": the week of that Thursday, 2014-W40
          const iso_week w = iso_week_of(*d);
          e.year = w.year;
          e.month = 0;
          e.week = true;
          e.day = w.week;
        }
      }
    }
    e.weekday = 0;
    e.nth = 0;
  }

  static void set_day(time_expr& e, const ymd& d) {
    e.year = year_of(d); e.month = month_of(d); e.day = day_of(d);
  }
  static void copy_partial(time_expr& e, const story_point& p) {
    e.year = p.year; e.month = p.month; e.day = 0;
  }

  // "T23:00+01" for "23:00 Uhr mitteleuropäischer Zeit", "T08:00Z" for "8:00 GMT" (ISO 8601, as TIMEX2 writes it)
  static void append_zone(std::string& v, const time_expr& e) {
    if (e.zone == no_zone) return;
    if (e.zone == 0) { v += 'Z'; return; }
    v += e.zone < 0 ? '-' : '+';
    append_padded(v, e.zone < 0 ? -e.zone : e.zone, 2);
  }

  std::string render(const time_expr& e) const {
    char buf[64];
    if (e.decade >= 0) { std::snprintf(buf, sizeof buf, "%03d", e.decade); return buf; }
    if (e.century >= 0) { std::snprintf(buf, sizeof buf, e.bc ? "BC%02d" : "%02d", e.century); return buf; }
    if (e.gran == time_unit::millennium && e.year != no_year) { std::snprintf(buf, sizeof buf, "%d", e.year / 1000); return buf; }
    std::string v = e.year == no_year ? "XXXX" : format_year(e.year, e.bc);
    if (e.unresolved) {
      const time_unit g = e.weekday && e.gran == time_unit::day ? time_unit::none : e.gran;
      if (e.weekday) { std::snprintf(buf, sizeof buf, "-WXX-%d", e.weekday); v += buf; }
      else if (g == time_unit::day || g == time_unit::night) v += "-XX-XX";
      else if (g == time_unit::week || g == time_unit::weekend) v += e.weekend ? "-WXX-WE" : "-WXX";
      else if (g == time_unit::month) v += e.month ? (std::snprintf(buf, sizeof buf, "-%02d", e.month), std::string(buf)) : "-XX";
      else if (g == time_unit::quarter) v += "-QX";
      else if (g == time_unit::season && e.season) v += std::string("-") + season_text(e.season);
      if (e.part != daypart::none && e.hour < 0) v += std::string("T") + part_text(e.part);
      if (e.hour >= 0) {
        std::snprintf(buf, sizeof buf, "T%02d:%02d", e.hour, e.minute < 0 ? 0 : e.minute);
        v += buf;
        if (e.second >= 0) { std::snprintf(buf, sizeof buf, ":%02d", e.second); v += buf; }  // "8:00:24 Uhr"
        append_zone(v, e);
      }
      return v;
    }
    if (e.week) {
      std::snprintf(buf, sizeof buf, "-W%02d", e.day);
      v += buf;
      if (e.weekend) v += "-WE";
      return v;
    }
    if (e.quarter) { v += "-Q"; append_padded(v, e.quarter, 1); return v; }
    if (e.half) { v += "-H"; append_padded(v, e.half, 1); return v; }
    if (e.season) return v + "-" + season_text(e.season);
    if (e.month) {
      v += '-';
      append_padded(v, e.month, 2);
    } else if (e.day) {
      v += "-XX";
    } else if (e.weekday) {
      v += "-WXX-";
      append_padded(v, e.weekday, 1);
    }
    if (e.day) {
      v += '-';
      append_padded(v, e.day, 2);
    }
    const bool has_time = e.hour >= 0 || e.part != daypart::none;
    if (has_time && !e.day && !e.weekday) v = (e.year == no_year ? std::string("XXXX") : format_year(e.year, e.bc)) + (e.month ? v.substr(v.size() - 3) : std::string("-XX")) + "-XX";
    if (e.hour >= 0) {
      v += 'T';
      append_padded(v, e.hour, 2);
      v += ':';
      append_padded(v, e.minute < 0 ? 0 : e.minute, 2);
      if (e.second >= 0) {  // "8:00:24 Uhr"
        v += ':';
        append_padded(v, e.second, 2);
      }
      append_zone(v, e);
    } else if (e.part != daypart::none) {
      v += "T";
      v += part_text(e.part);
    }
    return v;
  }

  // "1.9.39" in a history of 1939 is 1939; "25.4.19" in a 2024 article is 2019: the century that puts
  // the year nearest the anchor, never more than ten years after it.
  void fix_century(time_expr& e) const {
    // without any anchor, the POSIX window: 69-99 -> 19xx, 00-68 -> 20xx
    int ref = story_.known() ? story_.year : a_.dct ? year_of(*a_.dct) : 2058;
    if (news() && a_.dct) ref = year_of(*a_.dct);
    const int yy = e.year % 100;
    int y = (ref / 100) * 100 + yy;
    if (y > ref + 10) y -= 100;
    else if (y < ref - 89) y += 100;
    e.year = y;
  }

  // An aside does not move the story: a date in brackets ("ab 1929 Jugoslawien"), after "bis", "seit",
  // "von", "ab", or in a Plusquamperfekt clause ("Bereits im Dezember 1912 hatte der Kaiser gefordert").
  bool aside(const time_expr& e) {
    if (e.first >= a_.tokens.size()) return true;
    const std::uint32_t s = a_.tokens[e.first].sentence;
    if (e.first > 0) {
      const std::string_view before = a_.fold(e.first - 1);
      if (before == "bis" || before == "seit" || before == "von" || before == "ab" || before == "nach") return true;
    }
    int depth = 0;
    // brackets close within a few words: look back at most 40 tokens (linear time on hostile input)
    const std::size_t stop = e.first > 40 ? e.first - 40 : 0;
    for (std::size_t i = e.first; i-- > stop;) {
      if (a_.tokens[i].sentence != s) break;
      const std::string_view x = a_.surface(i);
      if (x == ")") --depth;
      else if (x == "(" && ++depth > 0) return true;
    }
    return false;
  }

  // A flashback: a Plusquamperfekt clause in a history ("Bereits im Dezember 1912 hatte der Kaiser gefordert
  // ..."). Its date does not move the story, unless it names a year of its own that lies after the story's
  // date: a flashback cannot lead forward ("weswegen am 5. Februar 1940 ... vereinbart worden war", told after
  // 1939).
  bool flashback(const time_expr& e, const story_point& p) {
    if (!narrative() || e.first >= a_.tokens.size() || !tenses_.pluperfect(a_.tokens[e.first].sentence)) return false;
    if (!story_.known()) return false;  // no story yet: the flashback's date is the only anchor there is
    if (e.anchor != anchoring::absolute || p.bc || story_.bc) return true;
    if (p.year != story_.year) return p.year < story_.year;
    return !(p.month && story_.month && p.month > story_.month);
  }

  // Narrative mode follows the story: every date with a year becomes the anchor of what follows.
  void remember(const time_expr& e) {
    if (e.year == no_year || e.decade >= 0 || e.century >= 0 || e.week || e.gran == time_unit::millennium) return;
    story_point p{e.year, e.bc, e.month, e.month ? e.day : 0};
    if (e.quarter || e.half || e.season) p.month = 0, p.day = 0;
    if (p.day && e.first < a_.tokens.size()) {  // a clock time later in the sentence takes this day
      day_sentence_ = a_.tokens[e.first].sentence;
      sentence_day_ = p;
      sentence_night_ = e.night_before;
    }
    if (aside(e) || flashback(e, p)) return;
    story_ = p;
  }
};

}  // namespace

namespace {

// No reference date given, the mode left to the engine, and a dateline that carries a full date
// ("BERLIN, 3. März 2024 (Reuters) -"): that is the day the story was filed, so the article is read as news
// anchored on it, and the document says so in its "dct" and "mode". Ranges ("3./4. März") and dates without a
// year do not anchor.
void anchor_on_dateline(analysis& a, const std::vector<time_expr>& exprs) {
  if (a.dct || a.mode != analysis_mode::automatic || a.doc->datelines.empty()) return;
  if (a.doc->datelines.front().date.empty()) return;
  for (const time_expr& e : exprs) {
    if (!in_dateline(a, e)) continue;
    if (e.kind != expr_kind::date || e.anchor != anchoring::absolute || e.link >= 0 || e.bc || e.year < 1000 ||
        e.year > 9999 || e.month < 1 || e.month > 12 || e.day < 1 || e.day > 31 || e.hour >= 0 ||
        !make_ymd(e.year, e.month, e.day).ok())
      return;
    a.dct = make_ymd(e.year, e.month, e.day);
    a.mode = analysis_mode::news;
    a.doc->mode = "news";
    a.doc->dct = format_date(*a.dct);
    return;
  }
}

}  // namespace

void recognise_times(const time_rules& rules, analysis& a) {
  if (!a.doc || a.tokens.empty()) return;
  const token_words words = classify_tokens(rules.tables, a);
  std::vector<time_expr> exprs = find_time_exprs(rules.tables, a, words);
  join_ranges(a, exprs);
  anchor_on_dateline(a, exprs);
  resolver(rules.tables, a, words).run(exprs);
}

}  // namespace newsnorm::detail
