#include "numbers/number_words.hpp"

#include <array>
#include <utility>

namespace newsnorm::detail {

namespace {

using entry = std::pair<std::string_view, std::int64_t>;

// Below one hundred, as written alone or at the end of a compound.
constexpr std::array<entry, 36> below_hundred{{
    {"null", 0},      {"eins", 1},      {"ein", 1},       {"eine", 1},      {"zwei", 2},      {"zwo", 2},
    {"drei", 3},      {"vier", 4},      {"fünf", 5},      {"sechs", 6},     {"sieben", 7},    {"acht", 8},
    {"neun", 9},      {"zehn", 10},     {"elf", 11},      {"zwölf", 12},    {"dreizehn", 13}, {"vierzehn", 14},
    {"fünfzehn", 15}, {"sechzehn", 16}, {"siebzehn", 17}, {"achtzehn", 18}, {"neunzehn", 19}, {"zwanzig", 20},
    {"dreißig", 30},  {"dreissig", 30}, {"vierzig", 40},  {"fünfzig", 50},  {"sechzig", 60},  {"siebzig", 70},
    {"achtzig", 80},  {"neunzig", 90},
    // Transliterations without umlauts, as typed on keyboards without them: "fuenfzig", "zwoelf".
    {"fuenf", 5},     {"zwoelf", 12},   {"fuenfzehn", 15}, {"fuenfzig", 50},
}};

// The table by first byte, built once: a lookup compares only the few words with that first byte.
struct first_byte_index {
  std::array<std::uint8_t, 257> start{};  // entries of first byte b: order[start[b], start[b + 1])
  std::array<std::uint8_t, below_hundred.size()> order{};
  constexpr first_byte_index() {
    std::size_t k = 0;
    for (int b = 0; b < 256; ++b) {
      start[b] = static_cast<std::uint8_t>(k);
      for (std::size_t e = 0; e < below_hundred.size(); ++e)
        if (static_cast<unsigned char>(below_hundred[e].first[0]) == b) order[k++] = static_cast<std::uint8_t>(e);
    }
    start[256] = static_cast<std::uint8_t>(k);
  }
};
constexpr first_byte_index by_first_byte{};

std::optional<std::int64_t> lookup(std::string_view s) {
  if (s.empty()) return std::nullopt;  // no word of the table is empty
  const auto b = static_cast<unsigned char>(s[0]);
  for (std::size_t k = by_first_byte.start[b]; k < by_first_byte.start[b + 1]; ++k) {
    const auto& [w, v] = below_hundred[by_first_byte.order[k]];
    if (w == s) return v;
  }
  return std::nullopt;
}

// "dreiundzwanzig" = unit "und" tens; "dreizehn", "zwanzig" directly.
std::optional<std::int64_t> below_100(std::string_view s) {
  if (s.empty()) return 0;
  if (auto v = lookup(s)) return v;
  const std::size_t und = s.find("und");
  if (und == std::string_view::npos || und == 0) return std::nullopt;
  const auto unit = lookup(s.substr(0, und));
  const auto tens = lookup(s.substr(und + 3));
  if (!unit || !tens || *unit < 1 || *unit > 9 || *tens < 20 || *tens % 10 != 0) return std::nullopt;
  return *unit + *tens;
}

// "[unit]hundert[below_100]"
std::optional<std::int64_t> below_1000(std::string_view s) {
  const std::size_t h = s.find("hundert");
  if (h == std::string_view::npos) return below_100(s);
  std::int64_t head = 1;
  if (h > 0) {  // "dreihundert"; "achtzehnhundertzweiundfünfzig" counts hundreds up to 99
    const auto u = below_100(s.substr(0, h));
    if (!u || *u < 1 || *u > 99) return std::nullopt;
    head = *u;
  }
  std::string_view rest = s.substr(h + 7);
  if (rest.starts_with("und")) rest.remove_prefix(3);  // "hundertundzwei"
  const auto tail = below_100(rest);
  if (!tail) return std::nullopt;
  return head * 100 + *tail;
}

std::string_view strip_inflection(std::string_view s) {
  for (std::string_view suf : {"es", "en", "em", "er", "e"})
    if (s.size() > suf.size() + 2 && s.ends_with(suf)) return s.substr(0, s.size() - suf.size());
  return s;
}

}  // namespace

std::optional<std::int64_t> parse_cardinal_word(std::string_view s) {
  if (s.empty() || s.size() > 80) return std::nullopt;
  if (s == "einen" || s == "einem" || s == "einer" || s == "eines") return 1;
  const std::size_t t = s.find("tausend");
  if (t == std::string_view::npos) return below_1000(s);
  std::int64_t head = 1;
  if (t > 0) {
    const auto v = below_1000(s.substr(0, t));
    if (!v || *v == 0) return std::nullopt;
    head = *v;
  }
  std::string_view rest = s.substr(t + 7);
  if (rest.starts_with("und")) rest.remove_prefix(3);
  const auto tail = below_1000(rest);
  if (!tail) return std::nullopt;
  return head * 1000 + *tail;
}

std::optional<exact_value> parse_number_word(std::string_view s) {
  if (s == "anderthalb") return exact_value{3, 2};
  if (s.size() > 9 && s.ends_with("einhalb")) {  // "eineinhalb", "zweieinhalb", "dreieinhalb"
    const auto whole = parse_cardinal_word(s.substr(0, s.size() - 7));
    if (whole) return exact_value{*whole * 2 + 1, 2};
    return std::nullopt;
  }
  if (auto v = parse_cardinal_word(s)) return exact_value{*v, 1};
  return std::nullopt;
}

std::optional<std::int64_t> parse_ordinal_word(std::string_view s) {
  const std::string_view stem = strip_inflection(s);
  static constexpr std::array<entry, 8> special{{
      {"erst", 1}, {"zweit", 2}, {"dritt", 3}, {"siebt", 7}, {"siebent", 7}, {"acht", 8}, {"viert", 4}, {"zwot", 2},
  }};
  // An ordinal needs an ending: "erst" (only) and "acht" (eight) are not ordinals, "erste", "achten" are.
  if (stem == s) return std::nullopt;
  for (const auto& [w, v] : special)
    if (w == stem) return v;
  if (stem.size() > 3 && stem.ends_with("st")) {  // "zwanzigst", "hundertst", "millionst"
    const std::string_view base = stem.substr(0, stem.size() - 2);
    const auto v = parse_cardinal_word(base);
    if (v && *v >= 20) return v;
    if (base == "million") return 1000000;  // "millionste", "Milliardsten"
    if (base == "milliard") return 1000000000;
    if (base == "billion") return 1000000000000;
  }
  if (stem.size() > 2 && stem.ends_with("t")) {  // "viert", "fünft", "zehnt", "neunzehnt"
    const auto v = parse_cardinal_word(stem.substr(0, stem.size() - 1));
    if (v && *v >= 4 && *v < 20) return v;
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_group_word(std::string_view s) {
  static constexpr std::array<entry, 4> special{{{"zweit", 2}, {"dritt", 3}, {"viert", 4}, {"siebt", 7}}};
  for (const auto& [w, v] : special)
    if (w == s) return v;
  if (s.size() > 3 && s.ends_with("t")) {  // "fünft", "elft", "zwoelft"
    const auto v = parse_cardinal_word(s.substr(0, s.size() - 1));
    if (v && *v >= 5 && *v < 20) return v;
  }
  if (s.size() > 4 && s.ends_with("st")) {  // "zwanzigst"
    const auto v = parse_cardinal_word(s.substr(0, s.size() - 2));
    if (v && *v >= 20 && *v < 100) return v;
  }
  return std::nullopt;
}

std::optional<std::int64_t> parse_scale_word(std::string_view s) {
  static constexpr std::array<entry, 16> scales{{
      {"dutzend", 12},           {"hundert", 100},          {"tausend", 1000},         {"tsd", 1000},
      {"million", 1000000},      {"millionen", 1000000},    {"mio", 1000000},          {"milliarde", 1000000000},
      {"milliarden", 1000000000}, {"mrd", 1000000000},      {"mia", 1000000000},       {"billion", 1000000000000},
      {"billionen", 1000000000000}, {"bio", 1000000000000}, {"hunderte", 100},         {"tausende", 1000},
  }};
  for (const auto& [w, v] : scales)
    if (w == s) return v;
  return std::nullopt;
}

std::optional<exact_value> parse_digits(std::string_view t, bool english) {
  const char group = english ? ',' : '.';
  const char point = english ? '.' : ',';
  bool negative = false;
  std::size_t i = 0;
  if (i < t.size() && (t[i] == '-' || t[i] == '+')) { negative = t[i] == '-'; ++i; }
  if (i >= t.size() || t[i] < '0' || t[i] > '9') return std::nullopt;
  std::int64_t num = 0, den = 1;
  std::size_t run = 0;       // digits since the last group separator
  bool grouped = false, fraction = false;
  for (; i < t.size(); ++i) {
    const char c = t[i];
    if (c >= '0' && c <= '9') {
      if (num > (INT64_MAX - 9) / 10) return std::nullopt;  // too long to be exact here
      num = num * 10 + (c - '0');
      ++run;
      if (fraction) den *= 10;
      if (den > 1000000000000000LL) return std::nullopt;
      continue;
    }
    if (c == group && !fraction) {
      if ((grouped && run != 3) || (!grouped && (run == 0 || run > 3))) return std::nullopt;
      grouped = true;
      run = 0;
      continue;
    }
    if (c == point && !fraction) {
      if (grouped && run != 3) return std::nullopt;
      fraction = true;
      run = 0;
      continue;
    }
    return std::nullopt;  // ':' (a time), '/' (a range or date), a second ',' ...
  }
  if (grouped && !fraction && run != 3) return std::nullopt;  // "14.01" is not a thousand grouping
  if (fraction && run == 0) return std::nullopt;
  return exact_value{negative ? -num : num, den};
}

}  // namespace newsnorm::detail
