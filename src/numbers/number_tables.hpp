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
  // Proper prefixes of the phrases of several tokens ("km /" of "km / h", "kanadisch" of "kanadisch
  // dollar"): reading a phrase stops as soon as what is read begins none.
  lexicon<std::uint8_t> unit_prefixes, currency_prefixes;
  // Bit filters over a short hash of a token (length, first byte, last two): the keys of `roles`, and
  // the last tokens of the mods ("als" of "mehr als"). A clear bit means "not in it", with no lookup.
  std::vector<std::uint64_t> role_filter = std::vector<std::uint64_t>(1024, 0);
  std::vector<std::uint64_t> mod_last_filter = std::vector<std::uint64_t>(1024, 0);
  static unsigned token_hash(std::string_view w) {
    const std::size_t n = w.size();
    if (n == 0) return 0;
    const std::uint32_t k = static_cast<std::uint32_t>(n) << 24 ^ static_cast<unsigned char>(w[0]) << 16 ^
                            static_cast<unsigned char>(w[n - 1]) << 8 ^ static_cast<unsigned char>(w[n > 1 ? n - 2 : 0]);
    return (k * 0x9E3779B1u) >> 16;
  }
  static void set_bit(std::vector<std::uint64_t>& bits, unsigned h) { bits[h >> 6] |= std::uint64_t{1} << (h & 63); }
  static bool bit(const std::vector<std::uint64_t>& bits, unsigned h) { return (bits[h >> 6] >> (h & 63)) & 1u; }
  std::uint8_t role_of(std::string_view w) const {
    if (!bit(role_filter, token_hash(w))) return 0;
    const std::uint8_t* b = roles.find(w);
    return b ? *b : 0;
  }
  bool may_end_mod(std::string_view w) const { return bit(mod_last_filter, token_hash(w)); }
  // The last two bytes of every token that can start a number on its own ("Tausende", "Hälfte", "USD",
  // "€"): a bitmap over 65536 pairs, and one over single bytes ("$"), so most tokens need no lookup.
  std::vector<std::uint64_t> starter_tails = std::vector<std::uint64_t>(1024, 0);
  std::uint64_t starter_bytes[4] = {0, 0, 0, 0};
  static unsigned tail_of(std::string_view w) {
    return static_cast<unsigned>(static_cast<unsigned char>(w[w.size() - 2])) << 8 | static_cast<unsigned char>(w.back());
  }
  // A superset filter before the exact tests of a word (number-word endings, inflected ordinals,
  // starters): a bit for the hash of the last four bytes (of all three in a three-byte word) of every
  // ending that can make a word start a number. Built by load_number_rules(); an ordinary word costs
  // one load and one bit test.
  std::vector<std::uint64_t> word_tails = std::vector<std::uint64_t>(1024, 0);
  static unsigned word_tail_hash(std::string_view w) {  // w.size() >= 3
    std::uint32_t k;
    if (w.size() >= 4) {
      __builtin_memcpy(&k, w.data() + w.size() - 4, 4);
    } else {  // 0xFF never occurs in UTF-8, so a three-byte key never equals a four-byte one
      k = 0xFF000000u | static_cast<std::uint32_t>(static_cast<unsigned char>(w[0])) |
          static_cast<std::uint32_t>(static_cast<unsigned char>(w[1])) << 8 |
          static_cast<std::uint32_t>(static_cast<unsigned char>(w[2])) << 16;
    }
    return (k * 0x9E3779B1u) >> 16;
  }
  void add_word_tail(std::string_view w) {
    const unsigned h = word_tail_hash(w);
    word_tails[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
  // False only when the word can start no number (a shorter word: the starter bitmap alone).
  bool may_be_number_word(std::string_view w) const {
    if (w.size() < 3) return may_start_word(w);
    const unsigned h = word_tail_hash(w);
    return (word_tails[h >> 6] >> (h & 63)) & 1u;
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
