// A temporal expression between recognition and resolution: what the words said, before the anchor
// (publication date or story date) fills in what they left open.
#pragma once

#include "time/time_words.hpp"

#include <climits>
#include <cstdint>
#include <string>

namespace newsnorm::detail {

enum class expr_kind : std::uint8_t { date, time, duration, set, vague };

enum class anchoring : std::uint8_t {
  absolute,   // "25. April 2019", "1939", "in den 90er Jahren": nothing to resolve
  implicit,   // a part is missing: "im Juni", "am 3. Mai", "am Donnerstag", "um 14 Uhr", "Ostern"
  dct,        // counted from the reference date: "gestern", "vor drei Jahren", "letzte Woche"
  story,      // counted from the story's last date: "zwei Tage später", "am nächsten Tag"
};

inline constexpr int no_year = INT_MIN;
inline constexpr std::int8_t no_zone = -128;  // no time zone said

struct time_expr {
  std::uint32_t first = 0, last = 0;  // tokens [first, last)
  expr_kind kind = expr_kind::date;
  anchoring anchor = anchoring::absolute;
  // Calendar fields; 0 (or no_year, -1) = not said.
  int year = no_year;
  bool bc = false;
  int month = 0, day = 0, weekday = 0, season = 0, quarter = 0, half = 0;
  int decade = -1, century = -1;  // "199" for the 1990s, "19" for the 20th century
  bool week = false, weekend = false;
  daypart part = daypart::none;
  int hour = -1, minute = -1;
  int second = -1;                // "8:00:24 Uhr": seconds as written (-1: not said)
  std::int8_t zone = no_zone;    // "23:00 Uhr mitteleuropäischer Zeit": the zone's offset from UTC in hours (+01)
  // Relative: `offset` units of `rel_unit` from the anchor, rendered at granularity `gran`.
  time_unit rel_unit = time_unit::none;
  int offset = 0;
  time_unit gran = time_unit::none;
  bool night_before = false;
  bool night_before_date = false;
  int weekday_said = 0;          // "Sonntag, 12. Februar": the weekday beside the date, which may name its year  // "in der Nacht zum 3. November": the night of 2 November (a date, not a weekday)
  bool weekday_in_week = false;
  bool unresolved = false;       // relative, but no anchor: rendered at its granularity with X  // "Montag nächster Woche": the weekday of that ISO week
  // "ein Jahr nach Weihnachten", "drei Tage vor dem 3. Oktober": the resolved day moved by `shift` units (day, month, year)
  time_unit shift_unit = time_unit::none;
  int shift = 0;
  bool nth_week = false;         // "erste Woche im Oktober": the ISO week of the nth Thursday (weekday 4) of the month
  int nth = 0;                   // "erster Dienstag im Oktober" = 1, "letzter Montag im März" = -1  // "in der Nacht zum Freitag": the night that ends on that day
  timex_mod mod = timex_mod::none;
  int holiday = -1;
  std::string text;            // duration or set value, vague value: "P3M", "P1D", "PAST_REF"
  std::string quant, freq;     // sets
  bool bare_day = false;       // "3." waiting for its month: "vom 3. bis 5. Mai"
  bool year_from_next = false;
  bool two_digit_year = false; // "25.4.19": the century comes from the anchor // a month waiting for its year: "Mai/Juni 1940"
  int link = -1;               // the other end of a range (index into the list)
  // "in zwei Stunden", "vor 30 Minuten": a duration that becomes a clock time when the reference has a
  // time of day; clock_prep is the preposition's token, clock_offset the signed offset in seconds
  std::int32_t clock_prep = -1;
  std::int64_t clock_offset = 0;
  // byte_end > 0: the span ends inside its last token ("1939" and "1940" in "1939/1940", "Winter 1939" in
  // "Winter 1939/40") and starts at byte_begin or at its first token, whichever is later
  std::uint32_t byte_begin = 0, byte_end = 0;
};

}  // namespace newsnorm::detail
