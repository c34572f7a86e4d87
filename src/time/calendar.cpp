#include "time/calendar.hpp"


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

std::optional<ymd> holiday_date(const holiday& h, int y) {
  if (y < 1583 || y > 9999) {
    if (h.rule != holiday_rule::fixed || y < 1 || y > 9999) return std::nullopt;  // no Gregorian computus before 1583
  }
  switch (h.rule) {
    case holiday_rule::fixed: {
      const ymd d = make_ymd(y, h.a, h.b);
      return d.ok() ? std::optional<ymd>(d) : std::nullopt;
    }
    case holiday_rule::easter: return add_days(easter_sunday(y), h.a);
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
  std::string out;
  if (y < 0) { bc = true; y = -y; }
  if (bc) out = "BC";
  append_padded(out, y % 100000, 4);
  return out;
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
