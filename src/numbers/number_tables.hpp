// The numbers stage's compiled tables (src/data/de/number_*.tsv), built once when the engine is created
// and shared by every thread.
#pragma once

#include "data/resources.hpp"
#include "lexicon/lexicon.hpp"

#include <array>
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

// 65536 bits inside number_rules itself: a bit test needs no pointer to follow.
using bitset_64k = std::array<std::uint64_t, 1024>;

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
  bitset_64k role_filter{};
  bitset_64k mod_last_filter{};
  static unsigned token_hash(std::string_view w) {
    const std::size_t n = w.size();
    if (n == 0) return 0;
    const std::uint32_t k = static_cast<std::uint32_t>(n) << 24 ^ static_cast<unsigned char>(w[0]) << 16 ^
                            static_cast<unsigned char>(w[n - 1]) << 8 ^ static_cast<unsigned char>(w[n > 1 ? n - 2 : 0]);
    return (k * 0x9E3779B1u) >> 16;
  }
  static void set_bit(bitset_64k& bits, unsigned h) { bits[h >> 6] |= std::uint64_t{1} << (h & 63); }
  static bool bit(const bitset_64k& bits, unsigned h) { return (bits[h >> 6] >> (h & 63)) & 1u; }
  std::uint8_t role_of(std::string_view w) const {
    if (!bit(role_filter, token_hash(w))) return 0;
    const std::uint8_t* b = roles.find(w);
    return b ? *b : 0;
  }
  bool may_end_mod(std::string_view w) const { return bit(mod_last_filter, token_hash(w)); }
  std::uint8_t article_roles = 0;  // the roles of "ein", "eine" ... "eines" together (none in the tables)
  // The last two bytes of every token that can start a number on its own ("Tausende", "Hälfte", "USD",
  // "€"): a bitmap over 65536 pairs, and one over single bytes ("$"), so most tokens need no lookup.
  bitset_64k starter_tails{};
  std::uint64_t starter_bytes[4] = {0, 0, 0, 0};
  static unsigned tail_of(std::string_view w) {
    return static_cast<unsigned>(static_cast<unsigned char>(w[w.size() - 2])) << 8 | static_cast<unsigned char>(w.back());
  }
  // A superset filter before the exact tests of a word (number-word endings, inflected ordinals,
  // starters): a bit for the hash of the last five bytes of a longer word, or of a whole word of three
  // or four bytes, for every ending that can make a word start a number; words ending in "zig" are let
  // through by one comparison. Built by load_number_rules(); an ordinary word costs a load, a
  // multiplication and one bit test.
  bitset_64k word_tails{};
  static std::uint64_t word_tail_key(std::string_view w) {  // w.size() >= 3
    const std::size_t n = w.size();
    std::uint32_t t4;
    if (n >= 5) {
      __builtin_memcpy(&t4, w.data() + n - 4, 4);
      return static_cast<std::uint64_t>(t4) << 8 | static_cast<unsigned char>(w[n - 5]);
    }
    std::uint64_t k = static_cast<unsigned char>(w[0]) | static_cast<unsigned>(static_cast<unsigned char>(w[1])) << 8 |
                      static_cast<unsigned>(static_cast<unsigned char>(w[2])) << 16;
    if (n == 4) k |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[3])) << 24;
    return k | static_cast<std::uint64_t>(n) << 56;  // a whole short word never equals five bytes
  }
  static unsigned word_tail_hash(std::uint64_t key) { return static_cast<unsigned>((key * 0x9E3779B97F4A7C15ull) >> 48); }
  void add_word_tail(std::string_view w) {
    const unsigned h = word_tail_hash(word_tail_key(w));
    word_tails[h >> 6] |= std::uint64_t{1} << (h & 63);
  }
  // False only when the word can start no number (a shorter word: the starter bitmap alone).
  bool may_be_number_word(std::string_view w) const {
    const std::size_t n = w.size();
    if (n < 3) return may_start_word(w);
    if (n >= 4) {
      std::uint32_t t4;
      __builtin_memcpy(&t4, w.data() + n - 4, 4);
      if ((t4 >> 8) == ('z' | 'i' << 8 | 'g' << 16)) return true;  // "zwanzig", "dreißig" goes by the bits
    }
    const unsigned h = word_tail_hash(word_tail_key(w));
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
