// The numbers stage's compiled tables (src/data/de/number_*.tsv), built once when the engine is created
// and shared by every thread.
#pragma once

#include "data/resources.hpp"
#include "lexicon/lexicon.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

struct number_unit {
  std::string code;  // "km", "%", "pp"
  bool percent = false;
};
struct number_currency {
  std::string iso;          // "EUR"
  std::int64_t divisor = 1; // 100 for a minor unit: "Cent"
  bool prefix = false;      // may stand before the amount: "€ 5"
};
struct number_scale {
  std::int64_t value = 0;
  bool scale = false;    // multiplies a count before it: "2,5 Millionen"
  bool several = false;  // stands alone as "several of that size": "Tausende"
};
struct number_fraction {
  std::int64_t num = 1, den = 1;
  bool alone = false;  // a fraction without a count before it: "die Hälfte", "½"
};

constexpr std::size_t max_phrase_tokens = 4;

// What a single folded token can be, looked up once per word: the tables above joined by their
// first token, so that an ordinary word costs one lookup.
namespace number_role {
enum : std::uint8_t {
  role_fraction = 1,        // "Drittel", "halbe"
  role_fraction_alone = 2,  // "Hälfte", "½"
  role_scale = 4,           // "Millionen", "Mio"
  role_several = 8,         // "Tausende"
  role_currency = 16,       // first token of a currency: "Euro", "US", "kanadisch"
  role_currency_prefix = 32,  // first token of a currency written before the amount: "€", "USD"
  role_unit = 64,           // first token of a unit: "Prozent", "km", "Grad"
};
}  // namespace number_role

struct number_rules {
  bool english = false;
  lexicon<std::string> mods;
  lexicon<number_scale> scales;
  lexicon<number_fraction> fractions;
  lexicon<number_unit> units;
  lexicon<number_currency> currencies;
  lexicon<std::uint8_t> year_words;  // "im", "seit", "Januar": a four-digit number after them is a year
  lexicon<std::uint8_t> roles;       // folded token -> role bits
  // The last two bytes of every token that can start a number on its own ("Tausende", "Hälfte", "USD",
  // "€"): a bitmap over 65536 pairs, and one over single bytes ("$"), so most tokens need no lookup.
  std::vector<std::uint64_t> starter_tails = std::vector<std::uint64_t>(1024, 0);
  std::uint64_t starter_bytes[4] = {0, 0, 0, 0};
  static unsigned tail_of(std::string_view w) {
    return static_cast<unsigned>(static_cast<unsigned char>(w[w.size() - 2])) << 8 | static_cast<unsigned char>(w.back());
  }
  bool may_start_word(std::string_view w) const {
    if (w.empty()) return false;
    if (w.size() == 1) {
      const auto b = static_cast<unsigned char>(w[0]);
      return (starter_bytes[b >> 6] >> (b & 63)) & 1u;
    }
    const unsigned t = tail_of(w);
    return (starter_tails[t >> 6] >> (t & 63)) & 1u;
  }
};

// Reads every number table into `rules` and indexes their first tokens.
std::optional<error> load_number_tables(const data_source& data, number_rules& rules);

}  // namespace newsnorm::detail
