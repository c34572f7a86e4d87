// The trained tagger: an averaged perceptron over hashed features, decoded greedily left to right with the
// two previous tags as features (I-X only after B-X or I-X). Trained by src/tools/newsnorm_train_ner.cpp.
//
// File format (little-endian), de/ner_model.bin:
//   "NNNER1\0\0"  u32 bucket_bits  u32 tags  f32 scale  u32 rows
//   rows x { u32 bucket }  then  rows x tags x i16 weight   (weight = i16 * scale; buckets ascending)
// Only buckets with a weight left after pruning are stored; loading builds a dense bucket -> row index.
#pragma once

#include "entities/ner_features.hpp"

#include <newsnorm/newsnorm.hpp>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

inline constexpr char ner_model_magic[8] = {'N', 'N', 'N', 'E', 'R', '1', 0, 0};

class ner_model {
 public:
  std::optional<error> load(std::string_view bytes);
  bool empty() const noexcept { return rows_.empty(); }
  std::uint32_t mask() const noexcept { return (1u << bits_) - 1u; }
  // Tags every token of the sentence (info filled by annotate_sentence); tags gets one tag a token.
  void tag(const ner_sentence& s, std::vector<int>& tags) const;

 private:
  void add(const std::uint32_t* buckets, std::size_t n, std::int32_t* scores) const noexcept;
  std::uint32_t bits_ = 0;
  std::vector<std::uint32_t> row_of_;  // bucket -> row + 1, 0 when the bucket has no weights
  std::vector<std::int16_t> rows_;     // row-major, tag_count weights a row
};

}  // namespace newsnorm::detail
