// Article structure: title, datelines, paragraphs, captions, tokens, sentences, quotes.
//
// In:  analysis::text (valid UTF-8).
// Out: document::{title, datelines, paragraphs, sentences, captions, quotes} and, for the later stages,
//      analysis::{zones, tokens, folded, sentences}.
#pragma once

#include "data/resources.hpp"
#include "lexicon/lexicon.hpp"
#include "text/fold.hpp"
#include "pipeline/analysis.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <memory>

namespace newsnorm::detail {

// Word classes the structure rules need, read from src/data/<lang>/*.tsv.
enum article_word : std::uint32_t {
  aw_abbreviation = 1u << 0,     // "dr", "nr", "bzw", "z": a '.' after it does not end a sentence
  aw_sentence_starter = 1u << 1, // "die", "er", "im": may start a sentence after an ordinal-looking "3."
  aw_speech_verb = 1u << 2,      // "sagte", "erklärte", "betonte"
  aw_role = 1u << 3,             // "sprecher", "präsident": role nouns, also as compound heads
  aw_determiner = 1u << 4,       // "der", "die", "ein"
  aw_pronoun = 1u << 5,          // "er", "sie"
  aw_preposition = 1u << 6,      // "im", "am", "nach": a clause that starts with one has its subject after the verb
  aw_finite_aux = 1u << 7,       // "hat", "hatte", "sei", "wird": ends a subject noun phrase
  aw_agency = 1u << 8,           // "dpa", "reuters", "afp": news agencies in datelines and credits
  aw_photo_credit = 1u << 9,     // "foto", "bild", "quelle"
  aw_conjunction = 1u << 10,     // "und", "aber": skipped before a subject
  aw_reporting_clause = 1u << 11,// "dass", "ob", "wonach": opens reported speech
  aw_subjunctive = 1u << 12,     // "sei", "habe", "hätten", "werde": marks reported speech
  aw_np_stop = 1u << 13,         // "anfang", "montag", "heute": capitalised, but ends a name
};

// The folded word -> article_word table again, flat, for the one probe per word token: a slot holds the first
// eight bytes of its key, so most probes cost one 8-byte load, one multiplication and one compare.
class word_class_index {
 public:
  void build(const lexicon<std::uint32_t>& words);
  // `readable`: bytes that may be read from w.data() (at least w.size()); with eight of them the head of the
  // word comes in one load. The value is the same either way.
  std::uint32_t find(std::string_view w, std::size_t readable = 0) const {
    if (slots_.empty() || w.empty()) return 0u;
    const std::uint64_t head = head_of(w, readable);
    const std::size_t h = hash(head, w);
    // Most words are in no table: a 512-byte filter, always in the L1 cache, turns them away before the slots.
    if (!(filter_[h >> 58] >> (h >> 52 & 63) & 1u)) return 0u;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = h & mask;; k = (k + 1) & mask) {
      const slot& s = slots_[k];
      if (s.len == 0) return 0u;
      if (s.len == w.size() && s.head == head &&
          (w.size() <= 8 || std::memcmp(keys_.data() + s.key + 8, w.data() + 8, w.size() - 8) == 0))
        return s.value;
    }
  }

 private:
  struct slot {
    std::uint64_t head = 0;  // the key's first eight bytes, zero-padded
    std::uint32_t key = 0;   // offset into keys_
    std::uint32_t len = 0;   // 0: empty
    std::uint32_t value = 0;
  };
  static std::uint64_t head_of(std::string_view w, std::size_t readable) {
    std::uint64_t head = 0;
    const std::size_t n = w.size() < 8 ? w.size() : 8;
    if (std::endian::native == std::endian::little && readable >= 8) {
      std::memcpy(&head, w.data(), 8);
      if (n < 8) head &= (std::uint64_t{1} << (8 * n)) - 1;
    } else {
      for (std::size_t k = 0; k < n; ++k) head |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[k])) << (8 * k);
    }
    return head;
  }
  static std::size_t hash(std::uint64_t head, std::string_view w) {
    const std::uint64_t tail = static_cast<unsigned char>(w.back());
    const std::uint64_t h = (head ^ (tail << 56) ^ (static_cast<std::uint64_t>(w.size()) << 48)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  std::vector<slot> slots_;
  std::string keys_;
  std::array<std::uint64_t, 64> filter_{};  // bit (hash >> 52) set: some key has that hash
};

struct article_rules {
  lexicon<std::uint32_t> words;  // folded word -> article_word bits (while loading; word_classes answers)
  word_class_index word_classes;
  std::size_t max_word_length = 0;  // longer tokens skip the hash probe
  lexicon<std::uint8_t> first_names;  // "dmitri", "olaf": a capitalised run that starts with one is a full name
  lexicon<std::uint8_t> role_heads;            // "sprecher", "minister": a compound ending in one is a role
  std::uint64_t role_head_lengths = 0;          // bit n set: some head has n bytes (n < 64)
  std::vector<std::uint64_t> role_head_tails = std::vector<std::uint64_t>(1024);  // 65,536 bits: last two bytes of a head
  std::vector<std::string> abbreviation_suffixes;  // "str": "Hauptstr." is an abbreviation
  std::uint32_t classes(std::string_view folded, std::size_t readable = 0) const {
    if (folded.size() > max_word_length) return 0u;
    return word_classes.find(folded, readable);
  }
  bool is_role(std::string_view folded) const;
  bool is_abbreviation(std::string_view folded) const;
};

result<std::shared_ptr<const article_rules>> load_article_rules(const data_source& data, std::string_view lang);

// The stage: fills the structure parts of the document and the token stream.
void read_article(const article_rules& rules, analysis& a);

// The parts, in pipeline order; each is usable (and tested) on its own.
void find_layout(const article_rules& rules, analysis& a);     // title, captions, paragraphs, zones
void tokenize(analysis& a);                                     // tokens over the zones
void classify_words(const article_rules& rules, analysis& a);   // analysis::article_classes
void split_sentences(const article_rules& rules, analysis& a);  // sentences over the tokens
void find_datelines(const article_rules& rules, analysis& a);   // "MOSKAU (dpa) - "
void find_quotes(const article_rules& rules, analysis& a);      // direct and reported quotes

}  // namespace newsnorm::detail
