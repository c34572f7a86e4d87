#include "time/time_words.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace newsnorm::detail {

namespace {

struct class_name { std::string_view name; word_class cls; };
constexpr class_name class_names[] = {
    {"month", word_class::month},     {"weekday", word_class::weekday}, {"weekday_set", word_class::weekday_set},
    {"season", word_class::season},   {"daypart", word_class::daypart}, {"deictic", word_class::deictic},
    {"unit", word_class::unit},       {"rel", word_class::rel},         {"fuzzy", word_class::fuzzy},
    {"fuzzy_unit", word_class::fuzzy_unit}, {"vague", word_class::vague}, {"set", word_class::set_adverb},
    {"each", word_class::each},       {"approx", word_class::approx},   {"later", word_class::later},
    {"uhr", word_class::uhr},         {"clock", word_class::clock},     {"few", word_class::few},
    {"rel_unit", word_class::rel_unit}, {"duration_word", word_class::duration_word}, {"cue", word_class::cue},
    {"function", word_class::function},
};

struct unit_name { std::string_view name; time_unit unit; };
constexpr unit_name unit_names[] = {
    {"second", time_unit::second}, {"minute", time_unit::minute}, {"hour", time_unit::hour},
    {"day", time_unit::day},       {"night", time_unit::night},   {"week", time_unit::week},
    {"weekend", time_unit::weekend}, {"month", time_unit::month}, {"quarter", time_unit::quarter},
    {"half", time_unit::half},     {"year", time_unit::year},     {"decade", time_unit::decade},
    {"century", time_unit::century}, {"millennium", time_unit::millennium},
};

struct mod_name { std::string_view name; timex_mod mod; };
constexpr mod_name mod_names[] = {
    {"START", timex_mod::start}, {"MID", timex_mod::mid}, {"END", timex_mod::end}, {"APPROX", timex_mod::approx},
    {"LESS_THAN", timex_mod::less_than}, {"MORE_THAN", timex_mod::more_than},
    {"EQUAL_OR_LESS", timex_mod::equal_or_less}, {"EQUAL_OR_MORE", timex_mod::equal_or_more},
    {"ON_OR_BEFORE", timex_mod::on_or_before}, {"ON_OR_AFTER", timex_mod::on_or_after},
};

// String values that words point to (set adverbs, vague references): static, so no lifetime worries.
constexpr const char* text_values[] = {"P1D", "P1W", "P1M", "P1Y", "PT1H", "P3M", "P6M", "PAST_REF", "PRESENT_REF",
                                       "FUTURE_REF", "EACH", "X",
                                       "PXY", "PXDE", "PXM", "PXW", "PXD", "PTXH"};

const char* find_text_value(std::string_view v) {
  for (const char* t : text_values)
    if (v == t) return t;
  return nullptr;
}

std::optional<int> to_int(std::string_view s) {
  int v = 0;
  const char* b = s.data();
  if (!s.empty() && s[0] == '+') ++b;
  auto [p, ec] = std::from_chars(b, s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

daypart to_daypart(std::string_view s) {
  if (s == "MO") return daypart::mo;
  if (s == "MI") return daypart::mi;
  if (s == "AF") return daypart::af;
  if (s == "EV") return daypart::ev;
  if (s == "NI") return daypart::ni;
  if (s == "DT") return daypart::dt;
  if (s == "MN") return daypart::mn;
  return daypart::none;
}

std::int8_t season_number(std::string_view s) {
  return s == "SP" ? 1 : s == "SU" ? 2 : s == "FA" ? 3 : s == "WI" ? 4 : 0;
}

// Merges one role into the word's entry: a word may be a deictic and a part of the day ("morgen"),
// or a tense marker and nothing else ("war").
std::optional<std::string> add_role(time_tables& t, const tsv_row& row) {
  const std::string_view form = row[0], cls_name = row[1], v = row[2], extra = row[3];
  time_word w = t.words.find(form) ? *t.words.find(form) : time_word{};
  word_class cls = word_class::none;
  for (const auto& c : class_names)
    if (c.name == cls_name) cls = c.cls;
  if (cls == word_class::none) return fmt::format("unknown class '{}'", cls_name);
  if (cls == word_class::daypart) {
    w.part = to_daypart(v);
    if (w.part == daypart::none) return fmt::format("unknown part of day '{}'", v);
    if (w.cls == word_class::none) w.cls = cls;
    t.words.add(form, w);
    return std::nullopt;
  }
  w.cls = cls;
  switch (cls) {
    case word_class::season: w.value = season_number(v); break;
    case word_class::rel_unit:
    case word_class::unit:
    case word_class::fuzzy_unit: {
      const std::string_view u = cls == word_class::unit ? v : extra;
      if (cls == word_class::rel_unit) {
        const auto n = to_int(v);
        if (!n) return fmt::format("expected a number, got '{}'", v);
        w.value = static_cast<std::int8_t>(*n);
        w.story = row[4] == "story";
      }
      for (const auto& n : unit_names)
        if (n.name == u) w.unit = n.unit;
      if (w.unit == time_unit::none) return fmt::format("unknown unit '{}'", u);
      if (cls != word_class::fuzzy_unit) break;
      [[fallthrough]];
    }
    case word_class::fuzzy:
    case word_class::approx:
      for (const auto& m : mod_names)
        if (m.name == v) w.mod = m.mod;
      if (w.mod == timex_mod::none) return fmt::format("unknown mod '{}'", v);
      break;
    case word_class::function: {
      static constexpr std::pair<std::string_view, starts> names[] = {
          {"none", starts::none}, {"day_after", starts::day_after}, {"vague", starts::vague}, {"fuzzy", starts::fuzzy},
          {"set", starts::set},   {"approx", starts::approx},       {"course", starts::course}, {"daypart", starts::daypart},
          {"count", starts::count}};
      bool found = false;
      for (auto [n, st] : names)
        if (n == v) { w.value = static_cast<std::int8_t>(st); found = true; }
      if (!found) return fmt::format("unknown function role '{}'", v);
      break;
    }
    case word_class::vague:
    case word_class::set_adverb:
    case word_class::each:
    case word_class::few:
    case word_class::duration_word:
      w.text = find_text_value(v);
      if (!w.text) return fmt::format("unknown value '{}'", v);
      break;
    default: {
      const auto n = to_int(v);
      if (!n) return fmt::format("expected a number, got '{}'", v);
      w.value = static_cast<std::int8_t>(*n);
    }
  }
  if (extra == "ambiguous") w.ambiguous = true;
  if (extra == "abbr") w.abbreviation = true;
  if (extra == "story") w.story = true;
  t.words.add(form, w);
  return std::nullopt;
}

std::optional<std::string> add_tense(time_tables& t, const tsv_row& row) {
  time_word w = t.words.find(row[0]) ? *t.words.find(row[0]) : time_word{};
  if (row[1] == "past") w.marks = tense::past;
  else if (row[1] == "perfect") w.marks = tense::perfect;
  else if (row[1] == "future") w.marks = tense::future;
  else if (row[1] == "measure") w.marks = tense::measure;
  else return fmt::format("unknown tense '{}'", row[1]);
  t.words.add(row[0], w);
  return std::nullopt;
}

std::optional<std::string> add_holiday(time_tables& t, const tsv_row& row) {
  holiday h;
  const std::string_view rule = row[1];
  if (rule == "fixed") h.rule = holiday_rule::fixed;
  else if (rule == "easter") h.rule = holiday_rule::easter;
  else if (rule == "nth_weekday") h.rule = holiday_rule::nth_weekday;
  else if (rule == "before_fixed") h.rule = holiday_rule::before_fixed;
  else if (rule == "orthodox") h.rule = holiday_rule::orthodox;
  else if (rule == "julian") h.rule = holiday_rule::julian;
  else if (rule == "islamic") h.rule = holiday_rule::islamic;
  else if (rule == "hebrew") h.rule = holiday_rule::hebrew;
  else if (rule == "chinese") h.rule = holiday_rule::chinese;
  else if (rule == "season_start") h.rule = holiday_rule::season_start;
  else return fmt::format("unknown holiday rule '{}'", rule);
  int* params[] = {&h.a, &h.b, &h.c};
  for (std::size_t k = 0; k < 3 && k + 2 < row.size(); ++k) {
    if (row[k + 2] == "ambiguous") { h.ambiguous = true; break; }
    if (row[k + 2] == "first_name") { h.first_name = true; break; }
    const auto n = to_int(row[k + 2]);
    if (!n) return fmt::format("bad parameter '{}'", row[k + 2]);
    *params[k] = *n;
  }
  const std::string_view name = row[0];
  h.words = 1 + static_cast<int>(std::count(name.begin(), name.end(), ' '));
  const auto index = static_cast<std::int16_t>(t.holidays.size());
  t.holidays.push_back(h);
  t.holiday_names.add(name, index);
  t.longest_holiday = std::max(t.longest_holiday, h.words);
  const std::string_view first = name.substr(0, name.find(' '));
  time_word w = t.words.find(first) ? *t.words.find(first) : time_word{};
  if (h.words == 1) w.holiday = index;
  else w.starts_holiday = true;
  t.words.add(first, w);
  return std::nullopt;
}

}  // namespace

std::optional<error> load_time_tables(const data_source& data, std::string_view lang, time_tables& out) {
  if (lang != "de") return std::nullopt;  // German only so far: other languages find no time words
  using loader = std::optional<std::string> (*)(time_tables&, const tsv_row&);
  const std::pair<const char*, loader> files[] = {
      {"de/time_calendar.tsv", add_role}, {"de/time_words.tsv", add_role},
      {"de/time_holidays.tsv", add_holiday}, {"de/time_tense.tsv", add_tense},
  };
  for (const auto& file : files) {
    const char* name = file.first;  // not a structured binding: clang before 16 cannot capture one
    const loader fn = file.second;
    std::optional<std::string> bad;
    std::size_t bad_line = 0;
    auto e = read_tsv(data, name, [&](const tsv_row& row) {
      if (bad) return;
      if (row.size() < 2) { bad = "expected at least two columns"; bad_line = row.line; return; }
      bad = fn(out, row);
      bad_line = row.line;
    });
    if (e) return e;
    if (bad) return error{errc::data_error, fmt::format("{} line {}: {}", name, bad_line, *bad)};
  }
  return std::nullopt;
}

}  // namespace newsnorm::detail
