// An immutable string -> value table for the language data: open addressing over one string arena,
// built once when the engine is created, looked up with a string_view and no allocation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsnorm::detail {

template <class Value>
class lexicon {
 public:
  // Adds or replaces; only while building.
  void add(std::string_view key, Value value) {
    if (keys_.size() * 2 >= slots_.size()) grow();
    insert(key, std::move(value));
  }

  const Value* find(std::string_view key) const noexcept {
    if (slots_.empty()) return nullptr;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      const std::uint32_t s = slots_[i];
      if (s == empty) return nullptr;
      if (key_at(s) == key) return &values_[s];
    }
  }
  bool contains(std::string_view key) const noexcept { return find(key) != nullptr; }
  std::size_t size() const noexcept { return keys_.size(); }

  template <class Fn>
  void for_each(Fn&& fn) const {
    for (std::size_t i = 0; i < keys_.size(); ++i) fn(key_at(static_cast<std::uint32_t>(i)), values_[i]);
  }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;

  // Eight bytes a step (words are short: one or two steps), mixed by multiplication. Only find() and
  // add() use it, so any change of it changes no answer.
  static std::size_t hash(std::string_view s) noexcept {
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    std::size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      std::uint64_t w;
      __builtin_memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
      h ^= h >> 32;
    }
    // The last 0-7 bytes in two loads that may overlap (the length is mixed in above, so the same bytes
    // at other places still differ), not a loop of byte shifts.
    const std::size_t r = s.size() - i;
    const char* const p = s.data() + i;
    std::uint64_t tail = 0;
    if (r >= 4) {
      std::uint32_t lo, hi;
      __builtin_memcpy(&lo, p, 4);
      __builtin_memcpy(&hi, p + r - 4, 4);
      tail = lo | static_cast<std::uint64_t>(hi) << 32;
    } else if (r > 0) {
      tail = static_cast<unsigned char>(p[0]) | static_cast<std::uint64_t>(static_cast<unsigned char>(p[r >> 1])) << 8 |
             static_cast<std::uint64_t>(static_cast<unsigned char>(p[r - 1])) << 16;
    }
    h = (h ^ tail) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<std::size_t>(h ^ (h >> 29));
  }
  std::string_view key_at(std::uint32_t s) const noexcept {
    return std::string_view(arena_).substr(keys_[s].first, keys_[s].second);
  }
  void insert(std::string_view key, Value value) {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash(key) & mask;; i = (i + 1) & mask) {
      std::uint32_t& s = slots_[i];
      if (s == empty) {
        s = static_cast<std::uint32_t>(keys_.size());
        keys_.emplace_back(static_cast<std::uint32_t>(arena_.size()), static_cast<std::uint32_t>(key.size()));
        arena_.append(key);
        values_.push_back(std::move(value));
        return;
      }
      if (key_at(s) == key) { values_[s] = std::move(value); return; }
    }
  }
  void grow() {
    std::vector<std::uint32_t> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, empty);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t s : old) {
      if (s == empty) continue;
      std::size_t i = hash(key_at(s)) & mask;
      while (slots_[i] != empty) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::string arena_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keys_;
  std::vector<Value> values_;
  std::vector<std::uint32_t> slots_;
};

}  // namespace newsnorm::detail
