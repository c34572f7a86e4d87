// The time stage's word table: every German time word with its class, built once from the
// src/data/de/time_*.tsv files. One lexicon probe per token gives everything the grammar needs.
#pragma once

#include "data/resources.hpp"
#include "lexicon/lexicon.hpp"

#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsnorm::detail {

enum class word_class : std::uint8_t {
  none, month, weekday, weekday_set, season, daypart, deictic, unit, rel, fuzzy, fuzzy_unit, vague, set_adverb,
  each, approx, later, uhr, clock, few, rel_unit, duration_word, cue, function,
};

// What a function word may begin (time_words.tsv, class function).
// count: "binnen eines Monats", a duration only after a preposition of a span of time (never "eines Tages", someday)
enum class starts : std::int8_t { none, day_after, vague, fuzzy, set, approx, course, daypart, count };

// Granularities and duration units, coarse to fine is not implied.
enum class time_unit : std::uint8_t {
  none, second, minute, hour, day, night, week, weekend, month, quarter, half, season, year, decade, century,
  millennium,
};

// TIMEX3 parts of the day; mn = midnight (T24:00).
enum class daypart : std::uint8_t { none, mo, mi, af, ev, ni, dt, mn };

// measure (time_tense.tsv only): a present verb that reports a measured value ("beträgt", "liegt", "verzeichnet"); with a
// number in its clause a month without a year lies behind ("Die Inflation beträgt im Oktober 0,7 Prozent")
enum class tense : std::int8_t { none = 0, past = 1, perfect = 2, future = 3, measure = 4 };

enum class timex_mod : std::uint8_t {
  none, start, mid, end, approx, less_than, more_than, equal_or_less, equal_or_more, before, after, on_or_before,
  on_or_after,
};

enum class vague_ref : std::uint8_t { none, past, present, future };

struct time_word {
  word_class cls = word_class::none;
  std::int8_t value = 0;          // month 1-12, ISO weekday 1-7, season 1-4, deictic offset, rel -1/0/+1, ...
  time_unit unit = time_unit::none;  // for unit, fuzzy_unit
  timex_mod mod = timex_mod::none;   // for fuzzy, fuzzy_unit, approx
  daypart part = daypart::none;      // a part of the day this word can also be ("Morgen")
  tense marks = tense::none;         // a finite verb form that marks tense
  bool ambiguous = false;            // month that is also a name ("Mai", "August")
  bool abbreviation = false;         // "Apr", "Okt"
  bool story = false;                // rel counted from the story's last date ("folgenden")
  bool starts_holiday = false;       // first word of a holiday name in the holiday table
  std::int16_t holiday = -1;         // holiday index when the word alone is a holiday ("Ostern")
  const char* text = nullptr;        // set adverb or vague value: "P1D", "PAST_REF"
  std::uint8_t traits = 0;           // word_trait bits, set by time_tables::build_index
  std::uint8_t token_bits = 0;       // its token_trait bits (tt_timeish ... tt_bis), set by time_tables::build_index
};

// What the grammar asks of nearly every token's neighbours, one bit each, from the word and its key.
enum word_trait : std::uint8_t {
  wt_timeish = 1,    // a time word proper (not a function word or mere tense marker), or a holiday's word
  wt_countable = 2,  // a number or an ordinal can stand before it: "Tage", "Januar", "Dienstag", "paar"
  wt_um = 4,         // the key is "um"
  wt_von = 8,        // "von"
  wt_bis = 16,       // "bis"
};

// The byte classify_tokens() writes for every token: what can_begin() asks of a token and of its neighbours,
// so that most tokens are settled by a few bytes of one array instead of a pointer to each neighbour's word.
enum token_trait : std::uint8_t {
  tt_word = 1,        // tf_word
  tt_number = 2,      // tf_number
  tt_timeish = 4,     // wt_timeish
  tt_function = 8,    // its time word is a function word ("am", "vor", "um")
  tt_countable = 16,  // wt_countable
  tt_um = 32,         // a function word with wt_um ("um")
  tt_von = 64,        // wt_von
  tt_bis = 128,       // wt_bis
};

// fixed, easter, nth_weekday, before_fixed: Gregorian rules. orthodox: days after Easter by the Julian
// computus; julian: a fixed date of the Julian calendar; islamic, hebrew, chinese: a month and day of that
// calendar (ICU: islamic-umalqura, hebrew, chinese), placed in the Gregorian year when the engine resolves it;
// season_start: the equinox or solstice of a month (3, 6, 9, 12), computed.
enum class holiday_rule : std::uint8_t {
  fixed, easter, nth_weekday, before_fixed, orthodox, julian, islamic, hebrew, chinese, season_start
};

struct holiday {
  holiday_rule rule = holiday_rule::fixed;
  // fixed: month, day, and 1 to move a Sunday to the Saturday before; julian: month, day; easter, orthodox: offset;
  // nth_weekday: month, weekday, n; before_fixed: month, day, weekday; islamic, chinese: month, day; hebrew: month
  // (Nisan = 1 ... Tishri = 7 ... Adar = 12, Adar II in a leap year), day, and an Israeli rule that moves the day off
  // the Sabbath (hebrew_shift); season_start: month
  int a = 0, b = 0, c = 0;
  int words = 1;            // number of words in the name
  bool ambiguous = false;   // also a surname ("Tariq Ramadan"): not after a capitalised word outside the tables
  bool first_name = false;  // also a first name or a saint ("Nikolaus Scherak", "der Heilige Nikolaus"): a day only
                            // right after a preposition ("an Nikolaus", "bis Nikolaus") and before no other name
};

// How Israel moves a memorial day that would touch the Sabbath (the Knesset's rules).
enum hebrew_shift : int {
  shift_none = 0,
  shift_fast = 1,          // Tisha b'Av: a fast on the Sabbath moves to Sunday
  shift_shoah = 2,         // Yom HaShoah: Friday -> Thursday, Sunday -> Monday
  shift_independence = 3,  // Yom Ha'atzmaut: Friday or Saturday -> Thursday, Monday -> Tuesday
};

// An allocator whose value-initialisation leaves trivial elements as they are: classify_tokens() writes
// every slot of its per-token list itself, so the vector need not zero 8 bytes a token first (that memset
// was 2 % of the time and number stages' instructions).
template <class T>
struct uninitialised_allocator : std::allocator<T> {
  template <class U> struct rebind { using other = uninitialised_allocator<U>; };
  uninitialised_allocator() = default;
  template <class U> uninitialised_allocator(const uninitialised_allocator<U>&) noexcept {}
  template <class U> void construct(U* p) noexcept { ::new (static_cast<void*>(p)) U; }
  template <class U, class... Args> void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// The time word of each token (null for none), index by index with analysis::tokens, and its token_trait byte.
struct token_words {
  std::vector<const time_word*, uninitialised_allocator<const time_word*>> words;
  // one byte before token 0 and three after the last, all zero: a token's neighbours need no bounds check
  std::vector<std::uint8_t, uninitialised_allocator<std::uint8_t>> trait_bytes;
  std::size_t size() const { return words.size(); }
  const time_word* operator[](std::size_t i) const { return words[i]; }
  const time_word* const* data() const { return words.data(); }
  // traits()[i] for token i, from -1 to size() + 2
  const std::uint8_t* traits() const { return trait_bytes.data() + 1; }
};

struct time_tables {
  lexicon<time_word> words;
  lexicon<std::int16_t> holiday_names;  // "tag der deutschen einheit" -> index into holidays
  std::vector<holiday> holidays;
  int longest_holiday = 1;              // in words
  std::size_t longest_word = 0;         // in bytes: longer tokens are not probed
  // The read-only index the stage probes once per word token, built from `words` when the engine is created:
  // open addressing at load <= 1/4, a multiply hash of the first eight bytes, the last byte and the length,
  // and an inline byte compare (most probes are short function words; most words miss at the first slot).
  struct slot {
    std::uint64_t hash = 0;
    std::uint64_t head = 0;                 // the key's first eight bytes, zero-padded (words hold no NUL)
    std::uint32_t offset = 0, length = 0;  // the key in `keys`
    const time_word* word = nullptr;        // null: empty slot
  };
  std::vector<slot> index;
  std::string keys;
  std::vector<time_word> entries;  // the index's copies of the words, with their traits; slots point here
  // By the shared probe's number (entries + 1; 0 = no time word): the word and its token_bits, so that
  // classify_tokens() reads two tables instead of branching on each token ("die", "Mai", "sagte" alternate).
  std::vector<const time_word*> word_by_id;
  std::vector<std::uint8_t> bits_by_id;
  // entries[k]'s key, for the structure stage's shared probe (shared_words()); empty for a one-byte key, which
  // the stage never looks up
  std::vector<std::pair<std::uint32_t, std::uint32_t>> entry_keys;  // offset and length in `keys`
  std::vector<std::string_view> shared_words() const {
    std::vector<std::string_view> out;
    out.reserve(entry_keys.size());
    for (auto [offset, length] : entry_keys)
      out.push_back(length >= 2 ? std::string_view(keys).substr(offset, length) : std::string_view{});
    return out;
  }
  // A filter before the hash: one bit per (first, second and last byte, length) of every key of two bytes or more,
  // folded into 65,536 bits (8 KB). Most words that are no time word stop here (no bit), without the probe.
  std::vector<std::uint64_t> filter;
  static std::size_t filter_bit(const char* w, std::size_t len) {
    const std::size_t b0 = static_cast<unsigned char>(w[0]), b1 = static_cast<unsigned char>(w[1]);
    const std::size_t last = static_cast<unsigned char>(w[len - 1]);
    return ((b0 * 0x9E37u) ^ (b1 << 8) ^ (last * 0x3B5u) ^ (len * 0x2F1u)) & 0xFFFFu;
  }
  // false: no key of at least two bytes is w; true: maybe
  bool may_hold(const char* w, std::size_t len) const {
    const std::size_t bit = filter_bit(w, len);
    return (filter[bit >> 6] >> (bit & 63)) & 1u;
  }

  // `readable` bytes may be read from w.data() (at least w.size()): with 8 of them on a little-endian machine the
  // first eight bytes come in one load, masked to the word; the value is the same as the byte loop's.
  static std::uint64_t word_head(std::string_view w, std::size_t readable = 0) {
    std::uint64_t head = 0;
    const std::size_t n = w.size() < 8 ? w.size() : 8;
    if (std::endian::native == std::endian::little && readable >= 8 && n > 0) {
      std::memcpy(&head, w.data(), 8);
      if (n < 8) head &= ~std::uint64_t{0} >> (64 - 8 * n);  // n >= 1 here (8 readable bytes, a word)
    } else {
      for (std::size_t k = 0; k < n; ++k) head |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[k])) << (8 * k);
    }
    return head;
  }
  static std::uint64_t word_hash(std::uint64_t head, std::string_view w) {
    const std::uint64_t tail = w.empty() ? 0 : static_cast<unsigned char>(w.back());
    std::uint64_t h = (head ^ (tail << 56) ^ (static_cast<std::uint64_t>(w.size()) << 48)) * 0x9E3779B97F4A7C15ull;
    return h ^ (h >> 29);
  }
  static std::uint64_t word_hash(std::string_view w, std::size_t readable = 0) { return word_hash(word_head(w, readable), w); }
  static std::uint8_t traits_of(std::string_view key, const time_word& w) {
    std::uint8_t t = 0;
    if ((w.cls != word_class::none && w.cls != word_class::function) || w.holiday >= 0 || w.starts_holiday) t |= wt_timeish;
    switch (w.cls) {
      case word_class::unit: case word_class::month: case word_class::weekday: case word_class::few:
      case word_class::cue: case word_class::set_adverb: case word_class::later: case word_class::uhr: t |= wt_countable; break;
      default: break;
    }
    // "viele" begins its own duration ("seit vielen Jahren"); no count stands before it, and the word before it ("so",
    // "wie", "die") would otherwise try every matcher
    if (w.cls == word_class::few && (key == "viele" || key == "vielen")) t &= static_cast<std::uint8_t>(~wt_countable);
    if (key == "um") t |= wt_um;
    if (key == "von") t |= wt_von;
    if (key == "bis") t |= wt_bis;
    return t;
  }
  static std::uint8_t token_bits_of(const time_word& w) {
    std::uint8_t b = 0;
    if (w.traits & wt_timeish) b |= tt_timeish;
    if (w.cls == word_class::function) b |= tt_function;
    if (w.traits & wt_countable) b |= tt_countable;
    if (w.cls == word_class::function && (w.traits & wt_um)) b |= tt_um;
    if (w.traits & wt_von) b |= tt_von;
    if (w.traits & wt_bis) b |= tt_bis;
    return b;
  }
  void build_index() {
    std::size_t size = 64;
    while (size < words.size() * 4) size *= 2;
    index.assign(size, slot{});
    keys.clear();
    entries.clear();
    entries.reserve(words.size());  // no reallocation below: the slots keep pointers into it
    entry_keys.clear();
    filter.assign(1024, 0);
    words.for_each([&](std::string_view key, const time_word& word) {
      time_word& w = entries.emplace_back(word);
      w.traits = traits_of(key, w);
      w.token_bits = token_bits_of(w);
      if (key.size() >= 2) {
        const std::size_t bit = filter_bit(key.data(), key.size());
        filter[bit >> 6] |= std::uint64_t{1} << (bit & 63);
      }
      const std::uint64_t head = word_head(key);
      const std::uint64_t h = word_hash(head, key);
      std::size_t k = h & (size - 1);
      while (index[k].word) k = (k + 1) & (size - 1);
      index[k] = slot{h, head, static_cast<std::uint32_t>(keys.size()), static_cast<std::uint32_t>(key.size()), &w};
      entry_keys.emplace_back(static_cast<std::uint32_t>(keys.size()), static_cast<std::uint32_t>(key.size()));
      keys.append(key);
    });
    word_by_id.assign(1, nullptr);
    bits_by_id.assign(1, 0);
    for (const time_word& w : entries) {
      word_by_id.push_back(&w);
      bits_by_id.push_back(w.token_bits);
    }
  }
  const time_word* lookup(std::string_view w, std::size_t readable = 0) const {
    if (index.empty()) return nullptr;
    const std::uint64_t head = word_head(w, readable);
    const std::uint64_t h = word_hash(head, w);
    const std::size_t mask = index.size() - 1;
    const slot* const slots = index.data();
    for (std::size_t k = h & mask;; k = (k + 1) & mask) {
      const slot& s = slots[k];
      if (!s.word) return nullptr;
      // the head and the length settle a key of up to eight bytes; a longer one compares the rest
      if (s.hash != h || s.head != head || s.length != w.size()) continue;
      if (w.size() <= 8) return s.word;
      const char* key = keys.data() + s.offset;
      std::size_t j = 8;
      while (j < w.size() && key[j] == w[j]) ++j;
      if (j == w.size()) return s.word;
    }
  }
};

// Reads de/time_calendar.tsv, de/time_words.tsv, de/time_holidays.tsv and de/time_tense.tsv.
std::optional<error> load_time_tables(const data_source& data, std::string_view lang, time_tables& out);

}  // namespace newsnorm::detail
