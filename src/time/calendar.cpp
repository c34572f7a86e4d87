#include "time/calendar.hpp"

#include <unicode/ucal.h>

#include <cmath>
#include <memory>


namespace newsnorm::detail {

using namespace std::chrono;

int iso_weekday(const ymd& d) { return static_cast<int>(weekday{sys_days{d}}.iso_encoding()); }

ymd add_days(const ymd& d, int n) { return ymd{sys_days{d} + days{n}}; }

ymd add_months(const ymd& d, int n) {
  const year_month ym = year_month{d.year(), d.month()} + months{n};
  const unsigned last = static_cast<unsigned>(year_month_day_last{ym.year(), month_day_last{ym.month()}}.day());
  const unsigned day = std::min(static_cast<unsigned>(d.day()), last);
  return ymd{ym.year(), ym.month(), std::chrono::day{day}};
}

iso_week iso_week_of(const ymd& d) {
  // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
  const sys_days day{d};
  const sys_days thursday = day + days{4 - iso_weekday(d)};
  const ymd t{thursday};
  const sys_days jan1{t.year() / January / 1};
  return {static_cast<int>(t.year()), static_cast<int>((thursday - jan1).count() / 7 + 1)};
}

ymd easter_sunday(int y) {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return make_ymd(y, month, day);
}

ymd orthodox_easter_sunday(int y) {
  // Meeus' Julian algorithm gives the date in the Julian calendar
  const int a = y % 4, b = y % 7, c = y % 19;
  const int d = (19 * c + 15) % 30, e = (2 * a + 4 * b - d + 34) % 7;
  const int month = (d + e + 114) / 31, day = (d + e + 114) % 31 + 1;
  return from_julian(y, month, day);
}

ymd from_julian(int y, int m, int d) {
  // Julian day number of the Julian date, then back through the Gregorian days since 1970-01-01
  const int a = (14 - m) / 12, yy = y + 4800 - a, mm = m + 12 * a - 3;
  const long jdn = d + (153 * mm + 2) / 5 + 365L * yy + yy / 4 - 32083;
  return ymd{sys_days{days{jdn - 2440588}}};
}

namespace {

// The Gregorian date of month `m`, day `d` of year `y` in an ICU calendar ("islamic-umalqura", "hebrew",
// "chinese"); months are ICU's zero-based numbers. Nothing when ICU fails.
std::optional<ymd> icu_date(UCalendar* cal, int y, int m, int d) {
  UErrorCode status = U_ZERO_ERROR;
  ucal_clear(cal);
  ucal_set(cal, UCAL_EXTENDED_YEAR, y);
  ucal_set(cal, UCAL_MONTH, m);
  ucal_set(cal, UCAL_DATE, d);
  const UDate ms = ucal_getMillis(cal, &status);
  if (U_FAILURE(status)) return std::nullopt;
  const auto day_count = static_cast<long>(ms / 86'400'000.0 + (ms < 0 ? -0.5 : 0.5));  // midnight UTC
  return ymd{sys_days{days{day_count}}};
}

struct calendar_closer {
  void operator()(UCalendar* c) const { ucal_close(c); }
};

// The first date in Gregorian year y that has month/day in the other calendar: an Islamic year is eleven
// days shorter, so a Gregorian year may hold the same Islamic date twice (Eid al-Fitr 2000: 8 Jan and 27 Dec).
std::optional<ymd> other_calendar_date(const holiday& h, int y) {
  const char* locale = "@calendar=islamic-umalqura";
  int month = h.a - 1, first_year = (y - 622) * 33 / 32 - 1, last_year = first_year + 3;  // AH years
  if (h.rule == holiday_rule::hebrew) {
    locale = "@calendar=hebrew";
    // biblical numbering (Nisan = 1) to ICU's (Tishri = 0 ... Adar I = 5, Adar = 6, Nisan = 7 ... Elul = 12)
    month = h.a <= 6 ? h.a + 6 : h.a <= 11 ? h.a - 7 : 6;
    first_year = y + 3760; last_year = y + 3761;
  } else if (h.rule == holiday_rule::chinese) {
    locale = "@calendar=chinese";
    first_year = y + 2635; last_year = y + 2638;  // ICU's extended year: 2018 -> 4655
  }
  static const UChar utc[] = {'U', 'T', 'C', 0};
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCalendar, calendar_closer> cal(ucal_open(utc, -1, locale, UCAL_DEFAULT, &status));
  if (U_FAILURE(status) || !cal) return std::nullopt;
  std::optional<ymd> best;
  for (int oy = first_year; oy <= last_year; ++oy) {
    auto d = icu_date(cal.get(), oy, month, h.b);
    if (!d || year_of(*d) != y) continue;
    if (!best || sys_days{*d} < sys_days{*best}) best = d;
  }
  if (best && h.rule == holiday_rule::hebrew && h.c != shift_none) {
    const int wd = iso_weekday(*best);  // 5 Friday, 6 Saturday, 7 Sunday, 1 Monday
    int move = 0;
    if (h.c == shift_fast && wd == 6) move = 1;
    if (h.c == shift_shoah) move = wd == 5 ? -1 : wd == 7 ? 1 : 0;
    if (h.c == shift_independence) move = wd == 5 ? -1 : wd == 6 ? -2 : wd == 1 ? 1 : 0;
    best = add_days(*best, move);
  }
  return best;
}

// The day on which an equinox or solstice falls in German civil time: month 3 (Frühlingsanfang), 6 (Sommeranfang,
// Sommersonnenwende), 9 (Herbstanfang), 12 (Winteranfang). Meeus, Astronomical Algorithms, ch. 27: the mean
// instant for the years 1000-3000 and its 24 periodic terms, within minutes; the clock of the day is CET (+1) in
// March and December and CEST (+2) in June and September ("Herbstanfang 2022": 23 September 01:03 UTC -> the 23rd).
std::optional<ymd> season_start(int y, int month) {
  static constexpr double mean[4][5] = {{2451623.80984, 365242.37404, 0.05169, -0.00411, -0.00057},
                                        {2451716.56767, 365241.62603, 0.00325, 0.00888, -0.00030},
                                        {2451810.21715, 365242.01767, -0.11575, 0.00337, 0.00078},
                                        {2451900.05952, 365242.74049, -0.06223, -0.00823, 0.00032}};
  static constexpr double terms[24][3] = {
      {485, 324.96, 1934.136}, {203, 337.23, 32964.467}, {199, 342.08, 20.186},   {182, 27.85, 445267.112},
      {156, 73.14, 45036.886}, {136, 171.52, 22518.443}, {77, 222.54, 65928.934}, {74, 296.72, 3034.906},
      {70, 243.58, 9037.513},  {58, 119.81, 33718.147},  {52, 297.17, 150.678},   {50, 21.02, 2281.226},
      {45, 247.54, 29929.562}, {44, 325.15, 31555.956},  {29, 60.93, 4443.417},   {18, 155.12, 67555.328},
      {17, 288.79, 4562.452},  {16, 198.04, 62894.029},  {14, 199.76, 31436.921}, {12, 95.39, 14577.848},
      {12, 287.11, 31931.756}, {12, 320.81, 34777.259},  {9, 227.73, 1222.114},   {8, 15.45, 16859.074}};
  if (y < 1000 || y > 3000 || month < 3 || month > 12 || month % 3 != 0) return std::nullopt;
  const double* m = mean[month / 3 - 1];
  const double Y = (y - 2000) / 1000.0;
  const double jde0 = m[0] + Y * (m[1] + Y * (m[2] + Y * (m[3] + Y * m[4])));
  const double T = (jde0 - 2451545.0) / 36525.0;
  constexpr double rad = 3.14159265358979323846 / 180.0;
  const double W = (35999.373 * T - 2.47) * rad;
  const double dl = 1 + 0.0334 * std::cos(W) + 0.0007 * std::cos(2 * W);
  double S = 0;
  for (const auto& t : terms) S += t[0] * std::cos((t[1] + t[2] * T) * rad);
  const double jde = jde0 + 0.00001 * S / dl;
  const double hours = month == 6 || month == 9 ? 2 : 1;  // CEST in June and September, CET in March and December
  const double local = jde - 69.0 / 86400.0 + hours / 24.0;  // terrestrial time to UT (Delta T about 69 s)
  const auto day = static_cast<int>(std::floor(local - 2440587.5));  // JD 2440587.5 is 1970-01-01 00:00
  return ymd{sys_days{} + days{day}};
}

}  // namespace

std::optional<ymd> holiday_date(const holiday& h, int y) {
  if (y < 1583 || y > 9999) {
    if (h.rule != holiday_rule::fixed || y < 1 || y > 9999) return std::nullopt;  // no Gregorian computus before 1583
  }
  switch (h.rule) {
    case holiday_rule::fixed: {
      const ymd d = make_ymd(y, h.a, h.b);
      if (!d.ok()) return std::nullopt;
      // c = 1: a Sunday moves to the Saturday before (the Dutch Königstag, 27 April: 26 April 2014)
      return h.c == 1 && iso_weekday(d) == 7 ? add_days(d, -1) : d;
    }
    case holiday_rule::easter: return add_days(easter_sunday(y), h.a);
    case holiday_rule::orthodox: return add_days(orthodox_easter_sunday(y), h.a);
    case holiday_rule::julian: {  // the Julian date in this Gregorian year: Christmas (25 Dec) is 7 January
      for (int jy : {y - 1, y}) {
        const ymd d = from_julian(jy, h.a, h.b);
        if (year_of(d) == y) return d;
      }
      return std::nullopt;
    }
    case holiday_rule::season_start: return season_start(y, h.a);
    case holiday_rule::islamic:
    case holiday_rule::hebrew:
    case holiday_rule::chinese: return other_calendar_date(h, y);
    case holiday_rule::nth_weekday: {
      if (h.c > 0) {
        const ymd first = make_ymd(y, h.a, 1);
        const int shift = (h.b - iso_weekday(first) + 7) % 7;
        return add_days(first, shift + 7 * (h.c - 1));
      }
      const ymd final_day{year{y} / month{static_cast<unsigned>(h.a)} / std::chrono::last};
      return add_days(final_day, -((iso_weekday(final_day) - h.b + 7) % 7));
    }
    case holiday_rule::before_fixed: {
      const ymd ref = make_ymd(y, h.a, h.b);
      int back = (iso_weekday(ref) - h.c + 7) % 7;
      if (back == 0) back = 7;
      return add_days(ref, -back);
    }
  }
  return std::nullopt;
}

std::string format_year(int y, bool bc) {
  if (y < 0) { bc = true; y = -y; }
  y %= 100000;
  // one string built from a buffer: "BC" and four or five digits
  char buf[8];
  int n = 8;
  do { buf[--n] = static_cast<char>('0' + y % 10); y /= 10; } while (y > 0);
  while (n > 4) buf[--n] = '0';
  if (bc) { buf[--n] = 'C'; buf[--n] = 'B'; }
  return std::string(buf + n, static_cast<std::size_t>(8 - n));
}

std::string format_date(const ymd& d) {
  std::string out;
  append_padded(out, year_of(d) < 0 ? 0 : year_of(d), 4);
  out += '-';
  append_padded(out, month_of(d), 2);
  out += '-';
  append_padded(out, day_of(d), 2);
  return out;
}

}  // namespace newsnorm::detail
