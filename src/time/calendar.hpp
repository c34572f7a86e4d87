// Calendar facts for the time stage, on std::chrono: ISO weeks, Easter, holidays, month arithmetic,
// and the TIMEX3 renderings of dates.
#pragma once

#include "time/time_words.hpp"

#include <chrono>
#include <optional>
#include <string>

namespace newsnorm::detail {

using ymd = std::chrono::year_month_day;

inline ymd make_ymd(int y, int m, int d) {
  return ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)}, std::chrono::day{static_cast<unsigned>(d)}};
}
inline int year_of(const ymd& d) { return static_cast<int>(d.year()); }
inline int month_of(const ymd& d) { return static_cast<int>(static_cast<unsigned>(d.month())); }
inline int day_of(const ymd& d) { return static_cast<int>(static_cast<unsigned>(d.day())); }

// ISO weekday 1 (Monday) - 7 (Sunday).
int iso_weekday(const ymd& d);
ymd add_days(const ymd& d, int n);
// Adds months, clipping the day to the month's last day ("31. Januar" + 1 month -> 28./29. Februar).
ymd add_months(const ymd& d, int n);
// The ISO 8601 week: 2024-10-04 -> {2024, 40}.
struct iso_week { int year = 0, week = 0; };
iso_week iso_week_of(const ymd& d);
// Easter Sunday of a Gregorian year (anonymous Gregorian computus).
ymd easter_sunday(int year);
// Easter Sunday of the Orthodox churches (Julian computus), as a Gregorian date.
ymd orthodox_easter_sunday(int year);
// The Gregorian date of a Julian calendar date.
ymd from_julian(int year, int month, int day);
// A holiday's date in a year, or nothing when the rule cannot place it. The islamic, hebrew and chinese rules
// ask ICU (one calendar object a call; only holidays of those calendars pay for it).
std::optional<ymd> holiday_date(const holiday& h, int year);
// Appends v with at least `width` digits, zero-padded: (7, 2) -> "07". v >= 0. No locale, no printf.
// (The digits fill the buffer from its end and go out in one append: a character at a time cost a capacity test
// each, a tenth of the resolver's instructions.)
inline void append_padded(std::string& out, int v, int width) {
  char buf[12];
  int n = 12;
  do { buf[--n] = static_cast<char>('0' + v % 10); v /= 10; } while (v > 0 && n > 1);
  while (12 - n < width && n > 1) buf[--n] = '0';
  out.append(buf + n, static_cast<std::size_t>(12 - n));
}

// "2019" / "BC0460" / "0800"
std::string format_year(int year, bool bc = false);
std::string format_date(const ymd& d);

}  // namespace newsnorm::detail
