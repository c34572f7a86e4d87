// German number words and digit notation, shared by the numbers and time stages.
//   "dreiundzwanzig" -> 23   "zweitausendvierhundert" -> 2400   "eineinhalb" -> 3/2
//   "dritte" -> 3 (ordinal)  "Millionen" -> 1000000 (scale)    "16.000" -> 16000   "1,5" -> 15 e-1
// All functions take the case-folded form of one token and never allocate.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace newsnorm::detail {

// An exact rational value num/den (den is 1, 2 or a power of ten).
struct exact_value {
  std::int64_t num = 0;
  std::int64_t den = 1;
};

// "drei", "dreiundzwanzig", "hundertzwei", "zweitausendvierhundert", "eins", "ein", "eine", "zwo"
std::optional<std::int64_t> parse_cardinal_word(std::string_view folded);
// Cardinals plus "eineinhalb", "zweieinhalb", "anderthalb" (halves).
std::optional<exact_value> parse_number_word(std::string_view folded);
// "erste", "dritten", "zwanzigste", "hundertste", "millionste" -> 1, 3, 20, 100, 1000000 (an ending is
// required: "erst" and "acht" are not ordinals)
std::optional<std::int64_t> parse_ordinal_word(std::string_view folded);
// The word after "zu" that counts a group: "zu dritt" -> 3, "zu viert" -> 4, "zu elft" -> 11.
std::optional<std::int64_t> parse_group_word(std::string_view folded);
// "million", "millionen", "mio", "milliarde(n)", "mrd", "billion(en)", "tausend", "tsd", "hundert", "dutzend"
std::optional<std::int64_t> parse_scale_word(std::string_view folded);
// German digit notation: "16.000", "1.234.567,89", "1,5", "2019", "-3". English notation when `english`.
// Rejects dates and times ("14.01.2021", "14:30") and digit groups that are not thousands ("1.23").
std::optional<exact_value> parse_digits(std::string_view text, bool english = false);

}  // namespace newsnorm::detail
