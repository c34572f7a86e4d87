// The tagger's view of a sentence and its features. The training tool and the entity stage both build a
// ner_sentence and call the same feature functions, so the model sees the same kind of tokens in both
// (GermEval tokens are space-separated; our tokenizer keeps "Kreml-Sprecher" as one token, as GermEval does).
//
// Features are hashed (FNV-1a of a template id and its strings) into 2^bucket_bits buckets: no feature
// dictionary, no allocation per token.
#pragma once

#include "entities/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <limits>
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
  bool english = false;            // an English common word of product and title names ("reality", "grand")
  bool english_org = false;        // one that ends companies' and bands' names ("games", "labs")
  bool common_tail = false;        // an unknown capitalised word in -er ending in a common noun of the corpora
                                   // ("Kooperationspartner", "Handynummer"): a compound, no town's adjective
  std::int8_t match_label = -1;    // label of the longest known name covering the token (0..11), -1 none
  bool match_begins = false;       // the token starts that name
  const gazetteer_entry* entry = nullptr;  // the name's entry, on its first token
  std::uint8_t match_words = 0;            // its length in tokens, on its first token
  std::uint8_t max_words = 0;              // the longest known name starting with this word
  const gazetteer_entry* single = nullptr; // the one-word name this token is, if any
  std::uint16_t cluster[cluster_levels] = {0, 0, 0};  // the word's distributional classes (0: unknown)
  std::uint16_t tail_cluster = 0;          // the finest class of the part after the last hyphen
  std::uint32_t head_shape = 0;            // word shape of the part before the first hyphen: "X" in "NHL-Kader"
  std::uint16_t head_cluster = 0;          // its middle distributional class
};

struct ner_sentence {
  std::vector<ner_token> tokens;
  std::vector<ner_token_info> info;
};

// Fills info for every token: word classes, shapes, longest known names (at most 8 words).
void annotate_sentence(const gazetteer& gaz, ner_sentence& s, std::string& scratch);

// False for a token that cannot start a name: a lower-case word or punctuation that no table knows ("und",
// "hat", ","). About two tokens in three in German news.
bool may_start_name(const ner_sentence& s, std::size_t i);

// What the decoder does with each token: 2 = scores it (may_start_name), 1 = scores it but it can only
// continue a name (a lower-case word up to `gap` tokens after a scored one: "für" and "und" in "Bund für
// Umwelt und Naturschutz", "der" in "Tag der Deutschen Einheit"), 0 = O without scoring. Training decodes
// with the same plan, so the model is trained for the tokens it is asked about.
inline constexpr std::size_t continuation_gap = 2;
void scoring_plan(const ner_sentence& s, std::vector<std::uint8_t>& plan);

// The features of token i that do not depend on the tags, as hashed buckets; returns how many.
inline constexpr std::size_t max_features = 64;
using feature_buffer = std::array<std::uint32_t, max_features>;
std::size_t static_features(const ner_sentence& s, std::size_t i, std::uint32_t mask, feature_buffer& out);
// The features of a transition from tag prev to token i's tag: the tag pair alone, with the word, with its shape.
inline constexpr std::size_t max_history_features = 3;
std::size_t history_features(const ner_sentence& s, std::size_t i, int prev, std::uint32_t mask, std::uint32_t* out);
// The two parts of history_features(): the bucket of the tag bigram alone (the same for every token, so a
// model can hold its weights as a table: Weights::transition) and the tag with the token's word and shape.
std::uint32_t transition_bucket(int prev, std::uint32_t mask);
std::size_t token_history_features(const ner_sentence& s, std::size_t i, int prev, std::uint32_t mask, std::uint32_t* out);

// The best tag sequence under a first-order model (Viterbi): a token's score for tag t after tag p is the
// sum of its static features' weights for t plus its transition features' (history_features(p)) for t.
// Only the `beam` best previous tags of a token, and none more than `prune` below the best, are expanded.
// A continuation-only token is O without scoring when O is within `skip` of the best tag before it (most
// lower-case words after a capitalised noun): only a likely name is continued. Weights::add(buckets, n,
// scores) adds the weights of n buckets to the tag_count scores; Weights::transition(p, scores) sets them to the
// weights of transition_bucket(p). Shared by the stage (16-bit weights) and
// training (floats), so both decode alike. No allocation per token: the lattice is a per-thread buffer.
// The shipped setting expands every previous tag within 100 of the best: GermEval CV 0.675 / 0.671 / 0.671
// over three seeds, against 0.669 / 0.667 / 0.665 with the 4 best within 50 (docs/entities.md).
struct decode_limits {
  float prune = 100, skip = 5;  // in the trained (float) weights' units
  int beam = tag_count;
};
template <class Score, class Weights>
void decode_sentence(const ner_sentence& s, std::uint32_t mask, const Weights& weights, std::vector<int>& tags,
                     Score prune, Score skip, int beam) {
  struct lattice {
    std::vector<std::uint8_t> plan;
    std::vector<std::array<std::uint8_t, tag_count>> back;  // best previous tag of each (token, tag)
  };
  thread_local lattice work;
  const std::size_t n = s.tokens.size();
  tags.assign(n, 0);
  scoring_plan(s, work.plan);
  if (work.back.size() < n) work.back.resize(n);
  constexpr Score none = std::numeric_limits<Score>::lowest() / 4;
  feature_buffer features;
  std::uint32_t history[max_history_features];
  std::array<Score, tag_count> best, next;
  std::size_t i = 0;
  while (i < n) {
    if (work.plan[i] == 0) { ++i; continue; }
    // A run of scored tokens after an unscored one or the sentence start, where the previous tag is O.
    const std::size_t first = i;
    best.fill(none);
    best[0] = 0;
    for (; i < n && work.plan[i] != 0; ++i) {
      const bool may_begin = work.plan[i] == 2;
      if (!may_begin && best[0] >= -skip) break;
      // The previous tags within `prune` of the best; when there are more than `beam`, the `beam` best of
      // them (ties: the lower tag), by insertion. With a beam as wide as the tag set (the shipped setting)
      // nothing is sorted: which tag wins a tie below does not depend on the order of expansion.
      int order[tag_count], expand = 0;
      for (int p = 0; p < tag_count; ++p)
        if (best[p] >= -prune) order[expand++] = p;
      if (beam <= 0) expand = 0;
      else if (expand > beam) {
        const int width = beam;
        int kept = 0;
        for (int c = 0; c < expand; ++c) {
          const int p = order[c];
          int j = kept;
          if (kept < width) ++kept;
          else if (best[p] > best[order[width - 1]]) j = width - 1;
          else continue;
          for (; j > 0 && best[p] > best[order[j - 1]]; --j) order[j] = order[j - 1];
          order[j] = p;
        }
        expand = kept;
      }
      Score emit[tag_count] = {};
      weights.add(features.data(), static_features(s, i, mask, features), emit);
      next.fill(none);
      Score top = none;  // the best of next
      std::uint8_t* back = work.back[i].data();
      for (int k = 0; k < expand; ++k) {
        const int p = order[k];
        Score move[tag_count];
        weights.transition(p, move);
        weights.add(history, token_history_features(s, i, p, mask, history), move);
        const Score from = best[p];
        // The best previous tag of t; a tie goes to the previous tag with the better score, then the lower
        // one (the order a sorted beam gives), whatever the order of expansion.
        auto relax = [&](int t) {
          const Score v = from + move[t] + emit[t];
          if (v > next[t] || (v == next[t] && (from > best[back[t]] || (from == best[back[t]] && p < back[t])))) {
            next[t] = v;
            back[t] = static_cast<std::uint8_t>(p);
          }
          top = std::max(top, v);
        };
        relax(0);
        if (may_begin)
          for (int l = 0; l < entity_labels; ++l) relax(begin_tag(l));
        if (p != 0) relax(inside_tag(tag_label(p)));  // I-X only after B-X or I-X
      }
      // Keep the scores near zero so 32-bit sums cannot overflow on a long run of capitalised words.
      for (Score& v : next) v = v > none ? v - top : none;
      best = next;
    }
    int t = static_cast<int>(std::max_element(best.begin(), best.end()) - best.begin());
    for (std::size_t k = i; k-- > first;) {
      tags[k] = t;
      t = work.back[k][t];
    }
    if (i < n && work.plan[i] == 1) ++i;  // the continuation-only token that ended the run is O
  }
}

// The token-level rules applied after tagging, shared by the tool's cross-validation and the stage:
// gazetteer demonyms the tagger missed ("nordkoreanische" -> LOCderiv) ...
void apply_tag_rules(const ner_sentence& s, std::vector<int>& tags);

}  // namespace newsnorm::detail
