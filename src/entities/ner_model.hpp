// The trained tagger: a structured averaged perceptron over hashed features with tag-transition features,
// decoded with a pruned Viterbi search (decode_sentence: every previous tag within decode_limits::prune of
// the best; I-X only after B-X or I-X). Trained by
// src/tools/newsnorm_train_ner.cpp with the same decoder.
//
// File format (little-endian), de/ner_model.bin:
//   "NNNER1\0\0"  u32 bucket_bits  u32 tags  f32 scale  u32 rows
//   rows x { u32 bucket }  then  rows x tags x i16 weight   (weight = i16 * scale; buckets ascending)
// Only buckets with a weight left after pruning are stored; loading builds a dense bucket -> row index and
// pads each row to 32 weights, one 64-byte cache line (a 50-byte row straddled two lines every other time).
// The index is 16-bit (2^18 buckets: 512 KB, half of a u32 index, so more of it stays in cache) when the
// model has fewer than 65,536 rows, as the shipped one has (28,852); a 32-bit index otherwise.
#pragma once

#include "entities/ner_features.hpp"

#include <newsnorm/newsnorm.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

inline constexpr char ner_model_magic[8] = {'N', 'N', 'N', 'E', 'R', '1', 0, 0};

class ner_model {
 public:
  static constexpr int row_width = 32;  // weights a row in memory: tag_count padded with zeros
  std::optional<error> load(std::string_view bytes);
  bool empty() const noexcept { return rows_.size() <= 1; }  // row 0 is the zero row
  std::uint32_t mask() const noexcept { return (1u << bits_) - 1u; }
  // Tags every token of the sentence (info filled by annotate_sentence); tags gets one tag a token.
  void tag(const ner_sentence& s, std::vector<int>& tags, const decode_limits& limits = {}) const;
  // Adds the weights of n buckets to the tag_count scores (the decoder's Weights interface).
  void add(const std::uint32_t* buckets, std::size_t n, std::int32_t* scores) const noexcept;
  // Sets scores to the weights of the tag bigram (p, t) for every t: transition_bucket(p)'s row, read into
  // a table when the model is loaded (the decoder asks for it once for each previous tag of each token).
  void transition(int p, std::int32_t* scores) const noexcept {
    std::copy_n(transitions_[static_cast<std::size_t>(p)].begin(), tag_count, scores);
  }

 private:
  std::uint32_t bits_ = 0;
  float scale_ = 1;  // weight = i16 * scale
  // One row of weights, padded with zeros to a cache line.
  struct alignas(64) row { std::int16_t w[row_width]; };
  static_assert(row_width >= tag_count);
  template <class Index>
  void add_rows(const Index* row_of, const std::uint32_t* buckets, std::size_t n, std::int32_t* scores) const noexcept;
  // bucket -> row + 1, 0 when the bucket has no weights: one of the two, by the number of rows.
  std::vector<std::uint16_t> row16_;
  std::vector<std::uint32_t> row32_;
  std::vector<row> rows_;              // rows_[0] is zeros, then the file's rows in order
  std::array<std::array<std::int32_t, tag_count>, tag_count> transitions_{};
};

}  // namespace newsnorm::detail
