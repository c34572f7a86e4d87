// Loading the numbers stage's tables: one TSV file a table, then the index of first tokens.
#include "numbers/number_tables.hpp"

#include <charconv>

namespace newsnorm::detail {

using namespace number_role;

namespace {

bool parse_int(std::string_view s, std::int64_t& out) {
  const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

std::optional<error> bad_row(std::string_view file, std::size_t line) {
  return error{errc::data_error, std::string(file) + ": malformed row at line " + std::to_string(line)};
}

void add_role(number_rules& r, std::string_view phrase, std::uint8_t bits) {
  const std::string_view first = phrase.substr(0, phrase.find(' '));
  const std::uint8_t* old = r.roles.find(first);
  r.roles.add(first, static_cast<std::uint8_t>((old ? *old : 0) | bits));
}

void index_roles(number_rules& r) {
  r.fractions.for_each([&](std::string_view k, const number_fraction& f) {
    add_role(r, k, f.alone ? role_fraction_alone : role_fraction);
  });
  r.scales.for_each([&](std::string_view k, const number_scale& s) {
    add_role(r, k, static_cast<std::uint8_t>((s.scale ? role_scale : 0) | (s.several ? role_several : 0)));
  });
  r.currencies.for_each([&](std::string_view k, const number_currency& c) {
    add_role(r, k, static_cast<std::uint8_t>(role_currency | (c.prefix ? role_currency_prefix : 0)));
  });
  r.units.for_each([&](std::string_view k, const number_unit&) { add_role(r, k, role_unit); });
  auto add_prefixes = [](lexicon<std::uint8_t>& prefixes, std::string_view phrase) {
    for (std::size_t sp = phrase.find(' '); sp != std::string_view::npos; sp = phrase.find(' ', sp + 1))
      prefixes.add(phrase.substr(0, sp), 1);
  };
  r.units.for_each([&](std::string_view k, const number_unit&) { add_prefixes(r.unit_prefixes, k); });
  r.currencies.for_each([&](std::string_view k, const number_currency&) { add_prefixes(r.currency_prefixes, k); });
  r.mods.for_each([&](std::string_view k, const std::string&) {
    const std::size_t sp = k.rfind(' ');
    number_rules::set_bit(r.mod_last_filter, number_rules::token_hash(sp == std::string_view::npos ? k : k.substr(sp + 1)));
  });
  r.roles.for_each([&](std::string_view k, std::uint8_t) { number_rules::set_bit(r.role_filter, number_rules::token_hash(k)); });
  r.roles.for_each([&](std::string_view k, std::uint8_t bits) {
    if (k.empty() || !(bits & (role_fraction_alone | role_several | role_currency_prefix))) return;
    if (k.size() == 1) {
      const auto b = static_cast<unsigned char>(k[0]);
      r.starter_bytes[b >> 6] |= std::uint64_t{1} << (b & 63);
      return;
    }
    const unsigned t = number_rules::tail_of(k);
    r.starter_tails[t >> 6] |= std::uint64_t{1} << (t & 63);
  });
}

}  // namespace

std::optional<error> load_number_tables(const data_source& data, number_rules& r) {
  std::optional<error> failure;
  auto note = [&](std::string_view file, const tsv_row& row) {
    if (!failure) failure = bad_row(file, row.line);
  };
  if (auto e = read_tsv(data, "de/number_mods.tsv", [&](const tsv_row& row) {
        if (row.size() < 2) return note("number_mods.tsv", row);
        r.mods.add(row[0], std::string(row[1]));
      }))
    return e;
  if (auto e = read_tsv(data, "de/number_scales.tsv", [&](const tsv_row& row) {
        number_scale s;
        if (row.size() < 3 || !parse_int(row[1], s.value)) return note("number_scales.tsv", row);
        s.scale = row[2].find("scale") != std::string_view::npos;
        s.several = row[2].find("several") != std::string_view::npos;
        r.scales.add(row[0], s);
      }))
    return e;
  if (auto e = read_tsv(data, "de/number_fractions.tsv", [&](const tsv_row& row) {
        number_fraction f;
        if (row.size() < 4 || !parse_int(row[1], f.num) || !parse_int(row[2], f.den) || f.den <= 0)
          return note("number_fractions.tsv", row);
        f.alone = row[3] == "alone";
        r.fractions.add(row[0], f);
      }))
    return e;
  if (auto e = read_tsv(data, "de/number_units.tsv", [&](const tsv_row& row) {
        if (row.size() < 3) return note("number_units.tsv", row);
        r.units.add(row[0], number_unit{std::string(row[1]), row[2] == "percent"});
      }))
    return e;
  if (auto e = read_tsv(data, "de/number_currencies.tsv", [&](const tsv_row& row) {
        number_currency c;
        if (row.size() < 3 || !parse_int(row[2], c.divisor) || c.divisor <= 0) return note("number_currencies.tsv", row);
        c.iso = std::string(row[1]);
        c.prefix = row[3] == "prefix";
        r.currencies.add(row[0], c);
      }))
    return e;
  if (auto e = read_tsv(data, "de/number_year_words.tsv", [&](const tsv_row& row) { r.year_words.add(row[0], 1); }))
    return e;
  index_roles(r);
  return failure;
}

}  // namespace newsnorm::detail
