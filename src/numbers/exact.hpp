// Exact values for the numbers stage: a reduced fraction of 128-bit integers, rendered as a decimal
// string without binary floating point. "1,5 Milliarden" = 15/10 * 10^9 -> "1500000000";
// "zwei Drittel" = 2/3 -> "0.666667" with the fraction "2/3" beside it.
#pragma once

#include <cstdint>
#include <string>

namespace newsnorm::detail {

struct rational {
  __int128 num = 0;
  __int128 den = 1;  // always > 0 once normalised

  static rational of(std::int64_t n, std::int64_t d = 1) { return normalised(n, d); }

  static rational normalised(__int128 n, __int128 d) {
    if (d == 1) return {n, 1};  // most values: nothing to reduce
    if (d < 0) { n = -n; d = -d; }
    if (d == 0) return {0, 1};
    if (n >= INT64_MIN && n <= INT64_MAX && d <= INT64_MAX) {  // the same reduction in 64 bits
      std::uint64_t a = n < 0 ? 0 - static_cast<std::uint64_t>(static_cast<std::int64_t>(n)) : static_cast<std::uint64_t>(n);
      std::uint64_t b = static_cast<std::uint64_t>(d);
      while (b != 0) { const std::uint64_t t = a % b; a = b; b = t; }
      if (a > 1) { n /= static_cast<__int128>(a); d /= static_cast<__int128>(a); }
      return {n, d};
    }
    __int128 a = n < 0 ? -n : n, b = d;
    while (b != 0) { const __int128 t = a % b; a = b; b = t; }
    if (a > 1) { n /= a; d /= a; }
    return {n, d};
  }
  bool fits() const {  // keeps every product below 2^127: values up to about 10^18 / 10^18
    const __int128 lim = static_cast<__int128>(1000000000000000000LL);
    return (num < 0 ? -num : num) < lim * 1000 && den < lim;
  }
  bool is_integer() const { return den == 1; }
  bool zero() const { return num == 0; }
};

inline rational operator*(rational a, rational b) { return rational::normalised(a.num * b.num, a.den * b.den); }
inline rational operator+(rational a, rational b) {
  return rational::normalised(a.num * b.den + b.num * a.den, a.den * b.den);
}
inline bool operator<(rational a, rational b) { return a.num * b.den < b.num * a.den; }
inline bool operator==(rational a, rational b) { return a.num == b.num && a.den == b.den; }

// Digits of a non-negative 128-bit integer.
inline void append_integer(std::string& out, __int128 v) {
  char buf[48];
  int n = 0;
  if (v >= 0 && v <= static_cast<__int128>(UINT64_MAX)) {  // the same digits with 64-bit division
    std::uint64_t u = static_cast<std::uint64_t>(v);
    do { buf[n++] = static_cast<char>('0' + u % 10); u /= 10; } while (u > 0);
    while (n > 0) out.push_back(buf[--n]);
    return;
  }
  do { buf[n++] = static_cast<char>('0' + static_cast<int>(v % 10)); v /= 10; } while (v > 0 && n < 47);
  while (n > 0) out.push_back(buf[--n]);
}

// True when num/den has a finite decimal expansion (den has no prime factor but 2 and 5).
inline bool terminates(__int128 den) {
  while (den % 2 == 0) den /= 2;
  while (den % 5 == 0) den /= 5;
  return den == 1;
}

// "1500000000", "2.5", "-0.75"; a value without a finite expansion is rounded to six decimals
// ("0.333333") and its fraction ("1/3") goes into `fraction`.
inline std::string to_decimal(rational r, std::string* fraction = nullptr) {
  std::string out;
  if (r.den == 1 && r.num >= 0 && r.num <= static_cast<__int128>(UINT64_MAX)) {  // an integer: its digits
    char buf[24];
    int k = 24;
    std::uint64_t v = static_cast<std::uint64_t>(r.num);
    do { buf[--k] = static_cast<char>('0' + v % 10); v /= 10; } while (v > 0);
    out.assign(buf + k, buf + 24);
    return out;
  }
  const bool negative = r.num < 0;
  __int128 n = negative ? -r.num : r.num;
  const bool exact = terminates(r.den);
  if (!exact && fraction) {
    fraction->clear();
    if (negative) fraction->push_back('-');
    append_integer(*fraction, n);
    fraction->push_back('/');
    append_integer(*fraction, r.den);
  }
  if (exact && n <= INT64_MAX && r.den <= 100000000000000000LL) {  // the same digits in 64 bits
    const std::uint64_t d = static_cast<std::uint64_t>(r.den);
    std::uint64_t rest = static_cast<std::uint64_t>(n) % d;
    char buf[32];
    int k = 0;
    while (rest != 0 && k < 30) { rest *= 10; buf[k++] = static_cast<char>('0' + rest / d); rest %= d; }
    if (negative && (n >= r.den || k > 0)) out.push_back('-');
    append_integer(out, static_cast<__int128>(static_cast<std::uint64_t>(n) / d));
    if (k > 0) { out.push_back('.'); out.append(buf, static_cast<std::size_t>(k)); }
    return out;
  }
  __int128 whole = n / r.den, rest = n % r.den;
  std::string decimals;
  if (exact) {
    while (rest != 0 && decimals.size() < 30) { rest *= 10; decimals.push_back(static_cast<char>('0' + static_cast<int>(rest / r.den))); rest %= r.den; }
  } else {  // six decimals, rounded half up
    __int128 scaled = rest * 1000000;
    __int128 six = scaled / r.den;
    if ((scaled % r.den) * 2 >= r.den) ++six;
    if (six >= 1000000) { ++whole; six -= 1000000; }
    char buf[7];
    for (int i = 5; i >= 0; --i) { buf[i] = static_cast<char>('0' + static_cast<int>(six % 10)); six /= 10; }
    decimals.assign(buf, 6);
    while (!decimals.empty() && decimals.back() == '0') decimals.pop_back();
  }
  if (negative && (whole != 0 || !decimals.empty())) out.push_back('-');
  append_integer(out, whole);
  if (!decimals.empty()) { out.push_back('.'); out += decimals; }
  return out;
}

}  // namespace newsnorm::detail
