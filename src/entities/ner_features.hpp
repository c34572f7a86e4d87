// The tagger's view of a sentence and its features. The training tool and the entity stage both build a
// ner_sentence and call the same feature functions, so the model sees the same kind of tokens in both
// (GermEval tokens are space-separated; our tokenizer keeps "Kreml-Sprecher" as one token, as GermEval does).
//
// Features are hashed (FNV-1a of a template id and its strings) into 2^bucket_bits buckets: no feature
// dictionary, no allocation per token.
#pragma once

#include "entities/gazetteer.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

// The tag set: O, then B- and I- for each of GermEval's twelve labels.
inline constexpr int entity_labels = 12;  // PER LOC ORG OTH, each plain, deriv, part
inline constexpr int tag_count = 1 + 2 * entity_labels;
inline constexpr std::string_view label_names[entity_labels] = {
    "PER", "LOC", "ORG", "OTH", "PERderiv", "LOCderiv", "ORGderiv", "OTHderiv", "PERpart", "LOCpart", "ORGpart", "OTHpart"};

inline int tag_label(int tag) { return tag <= 0 ? -1 : (tag - 1) / 2; }
inline bool tag_begins(int tag) { return tag > 0 && (tag - 1) % 2 == 0; }
inline int begin_tag(int label) { return 1 + 2 * label; }
inline int inside_tag(int label) { return 2 + 2 * label; }
// I-X only continues B-X or I-X.
inline bool tag_allowed(int prev, int tag) { return tag == 0 || tag_begins(tag) || tag_label(prev) == tag_label(tag); }
// "B-LOCderiv" -> 5; -1 for anything else.
int label_index(std::string_view name);

// One token as the tagger sees it.
struct ner_token {
  std::string_view surface;  // as written: "Kreml-Sprecher"
  std::string_view fold;     // case-folded NFC: "kreml-sprecher" (the surface for punctuation)
  bool space_before = true;
  bool sentence_start = false;
};

// What the gazetteer says about each token, computed once per sentence.
struct ner_token_info {
  std::uint32_t classes = 0;       // word_class bits of the token
  std::uint32_t head_classes = 0;  // of the part before the first hyphen: "kreml" in "kreml-sprecher"
  std::uint32_t tail_classes = 0;  // of the part after the last hyphen: "sprecher"
  std::uint32_t shape = 0;         // hash of the word shape: "Xx", "X", "x-Xx", "d.d"
  bool upper_initial = false;
  std::int8_t match_label = -1;    // label of the longest known name covering the token (0..11), -1 none
  bool match_begins = false;       // the token starts that name
  const gazetteer_entry* entry = nullptr;  // the name's entry, on its first token
  std::uint8_t match_words = 0;            // its length in tokens, on its first token
  std::uint8_t max_words = 0;              // the longest known name starting with this word
  const gazetteer_entry* single = nullptr; // the one-word name this token is, if any
};

struct ner_sentence {
  std::vector<ner_token> tokens;
  std::vector<ner_token_info> info;
};

// Fills info for every token: word classes, shapes, longest known names (at most 8 words).
void annotate_sentence(const gazetteer& gaz, ner_sentence& s, std::string& scratch);

// False for a token the tagger need not score: a lower-case word or punctuation, outside a name, that no
// table knows ("und", "hat", ","). About two tokens in three in German news; they are tagged O. Training
// skips the same tokens, so the model is trained for the tokens it is asked about.
bool needs_scoring(const ner_sentence& s, std::size_t i, int prev);

// The features of token i that do not depend on earlier tags, as hashed buckets; returns how many.
inline constexpr std::size_t max_features = 64;
using feature_buffer = std::array<std::uint32_t, max_features>;
std::size_t static_features(const ner_sentence& s, std::size_t i, std::uint32_t mask, feature_buffer& out);
// The features that depend on the two previous tags.
std::size_t history_features(const ner_sentence& s, std::size_t i, int prev, int prev2, std::uint32_t mask,
                             std::uint32_t* out);
inline constexpr std::size_t max_history_features = 4;

// The token-level rules applied after tagging, shared by the tool's cross-validation and the stage:
// gazetteer demonyms the tagger missed ("nordkoreanische" -> LOCderiv) ...
void apply_tag_rules(const ner_sentence& s, std::vector<int>& tags);

}  // namespace newsnorm::detail
