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
  aw_title_noun = 1u << 14,      // "film", "motto", "kampagne": what stands in marks after it is a name, not a quote
  aw_attribution = 1u << 15,     // "laut", "zufolge", "angaben": a source without a speech verb ("Laut Peskow ...")
};

// The folded word -> article_word table again, flat, for the one probe per word token. A key hashes to a
// bucket of eight slots in one cache line; a slot holds the key's first eight bytes, zero-padded, which for a
// key of up to seven bytes is the key itself (words hold no NUL). A probe is one 8-byte load of the word, a
// multiplication and eight compares combined without a branch: about half the tokens are table words
// ("der", "und", "sagte") and the rest are not, so any branch on the outcome mispredicts, and that cost more
// than the probe. The table stays small (256 buckets, 16 KB) so that it stays in the L1 cache.
class word_class_index {
 public:
  // extra: the words of another stage that share the probe (the time stage's, see article_rules::shared); the
  // value of extra[k] carries k + 1 in its upper 16 bits (at most 65,535 of them)
  void build(const lexicon<std::uint32_t>& words, const std::vector<std::string_view>& extra = {});
  // `readable`: bytes that may be read from w.data() (at least w.size()); with eight of them the head of the
  // word comes in one load. The value is the same either way.
  std::uint32_t find(std::string_view w, std::size_t readable = 0) const {
    if (buckets_.empty() || w.empty()) return 0u;
    const std::uint64_t head = head_of(w, readable);
    const std::size_t bi = bucket_index(head, w);
    const bucket& b = buckets_[bi];
    unsigned hits = 0;
    for (unsigned k = 0; k < slots; ++k) hits |= static_cast<unsigned>(b.head[k] == head) << k;
    // Eight bytes or more: the length and the bytes after the head are compared too (one branch, taken only
    // for a word whose first eight bytes are a long key's).
    const unsigned long_hits = hits & (0u - static_cast<unsigned>(w.size() >= 8));
    if (long_hits) return find_long(w, bi, long_hits);
    return values_[bi][std::countr_zero(hits | (1u << slots))] & (0u - static_cast<std::uint32_t>(hits != 0));
  }

 private:
  static constexpr unsigned slots = 8;
  struct alignas(64) bucket {
    std::uint64_t head[slots] = {};  // 0: empty
  };
  struct slot_key {
    std::uint32_t offset = 0, len = 0;  // the whole key in keys_
  };
  std::uint32_t find_long(std::string_view w, std::size_t b, unsigned hits) const;
  // The top bits of a multiplicative hash depend on every byte of the head; the low bits only on the first
  // few, and "staatsanwalt", "staatschef", "staatssekretär" ... would share a bucket at any size.
  std::size_t bucket_index(std::uint64_t head, std::string_view w) const { return hash(head, w) >> shift_; }
  static std::uint64_t head_of(std::string_view w, std::size_t readable) {
    std::uint64_t head = 0;
    const std::size_t n = w.size() < 8 ? w.size() : 8;
    if (std::endian::native == std::endian::little && readable >= 8 && n > 0) {
      std::memcpy(&head, w.data(), 8);
      head &= ~std::uint64_t{0} >> (64 - 8 * n);
    } else {
      for (std::size_t k = 0; k < n; ++k) head |= static_cast<std::uint64_t>(static_cast<unsigned char>(w[k])) << (8 * k);
    }
    return head;
  }
  static std::uint64_t hash(std::uint64_t head, std::string_view w) {
    const std::uint64_t tail = static_cast<unsigned char>(w.back());
    const std::uint64_t h = (head ^ (tail << 56) ^ (static_cast<std::uint64_t>(w.size()) << 48)) * 0x9E3779B97F4A7C15ull;
    return (h ^ (h >> 31)) * 0xBF58476D1CE4E5B9ull;  // a second round: short keys spread over few buckets
  }
  unsigned shift_ = 63;  // 64 - log2(buckets)
  std::vector<bucket> buckets_;
  // per bucket: article_word bits, and in the upper 16 bits the shared word's number; [slots] is 0
  std::vector<std::array<std::uint32_t, slots + 1>> values_;
  std::vector<std::array<slot_key, slots>> keys_of_;         // per bucket: where each slot's key is
  std::string keys_;
};

struct article_rules {
  lexicon<std::uint32_t> words;  // folded word -> article_word bits (while loading; word_classes answers)
  word_class_index word_classes;
  std::size_t max_word_length = 0;  // longer tokens are no article word
  // Another stage's words that classify_words() looks up in the same probe (the engine gives the time stage's):
  // analysis::shared_ids gets each token's number in `shared.words` (k + 1; 0 none) and analysis::shared_for
  // `shared.owner`, so that stage can tell that the numbers are its own and need not probe again.
  struct shared_words {
    std::vector<std::string_view> words;  // at least two bytes each, at most 65,535 of them; the owner keeps them
    std::shared_ptr<const void> owner;    // held, so that no other tables can take its address while these live
  } shared;
  std::size_t probe_length = 0;  // longest article or shared word: longer tokens skip the hash probe
  // "dmitri", "olaf": a capitalised run that starts with one is a full name; the value is the gender the
  // name lists give it (pronouns pick their person by it: "er" is not "Anna Berger")
  lexicon<std::uint8_t> first_names;
  enum : std::uint8_t { name_any = 1, name_female = 2, name_male = 3 };
  lexicon<std::uint8_t> role_heads;            // "sprecher", "minister": a compound ending in one is a role
  std::uint64_t role_head_lengths = 0;          // bit n set: some head has n bytes (n < 64)
  std::vector<std::uint64_t> role_head_tails = std::vector<std::uint64_t>(1024);  // 65,536 bits: last four bytes of a head
  static unsigned role_tail_bit(std::string_view w) {  // w.size() >= 4
    std::uint32_t t;
    __builtin_memcpy(&t, w.data() + w.size() - 4, 4);
    return (t * 0x9E3779B1u) >> 16;
  }
  std::vector<std::string> abbreviation_suffixes;  // "str": "Hauptstr." is an abbreviation
  std::uint32_t classes(std::string_view folded, std::size_t readable = 0) const {
    if (folded.size() > max_word_length) return 0u;
    return word_classes.find(folded, readable) & 0xFFFFu;
  }
  bool is_role(std::string_view folded, std::size_t readable = 0) const;  // readable: as for classes()
  bool is_role_compound(std::string_view folded) const;  // "kreml-sprecher": ends in a role head (no table probe)
  bool is_abbreviation(std::string_view folded) const;
};

// shared: another stage's words for the shared probe (article_rules::shared), empty for none
result<std::shared_ptr<const article_rules>> load_article_rules(const data_source& data, std::string_view lang,
                                                                 article_rules::shared_words shared = {});
// Its two parts, each usable alone (tests/fuzz/fuzz_data_dir.cpp reloads one file's part only):
// the word classes of <lang>/{abbreviations,sentence_starters,speech_verbs,roles,function_words,agencies}.tsv
// into empty `rules`, and the first names of one <lang>/entity_person_names.tsv (name, first|last).
std::optional<error> load_article_words(const data_source& data, std::string_view lang, article_rules& rules);
std::optional<error> load_article_first_names(const data_source& data, std::string_view lang, article_rules& rules);

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
