// RowTable: the weights of a learn::CompactPerceptron laid out for fast scoring of many features at
// once. An open-addressing table (linear probing, at most half full) maps a feature hash to its row,
// a run of (class, weight) entries in one flat array. add_units looks up a batch of features in
// three passes (prefetch the home slots of all of them, probe and prefetch their rows, add the
// rows), so that the cache misses of a batch overlap instead of following one another. Weights are
// the perceptron's 16-bit units; scores are summed as integers, exactly, and scale() turns them
// into the perceptron's float scores. A model of at most kInlineClasses classes (the parser's
// moves) keeps each row inside its slot instead, so that a feature costs one cache miss, not two.
// Immutable after construction: safe to share between threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "newsgraph/learn/compact_perceptron.hpp"

namespace newsgraph::parse {

class RowTable {
 public:
  static constexpr std::uint32_t kInlineClasses = 4;

  RowTable() = default;
  explicit RowTable(const learn::CompactPerceptron& model);

  std::uint32_t class_count() const { return class_count_; }
  float scale() const { return scale_; }
  std::size_t feature_count() const { return feature_count_; }

  // Adds the weights of the features, in units of scale(), to units (class_count() of them).
  // Unknown features add nothing.
  void add_units(std::span<const std::uint64_t> features, std::int32_t* units) const;

 private:
  struct alignas(16) Slot {
    std::uint64_t key = 0;  // 0: empty (a feature hash of 0 is stored as 1)
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
  };
  struct alignas(16) InlineSlot {
    std::uint64_t key = 0;                              // as in Slot
    std::int16_t units[kInlineClasses] = {0, 0, 0, 0};  // the row, one weight per class
  };
  void add_inline_units(std::span<const std::uint64_t> features, std::int32_t* units) const;
  static std::uint64_t nonzero(std::uint64_t key) { return key == 0 ? 1 : key; }
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> shift_);
  }
  // The first pass over a batch of feature keys: each key's home slot, prefetched.
  template <typename SlotType>
  void prefetch_homes(const std::uint64_t* batch, std::size_t count, const SlotType* slots,
                      std::size_t* at) const {
    for (std::size_t j = 0; j < count; ++j) {
      at[j] = home(nonzero(batch[j]));
      __builtin_prefetch(slots + at[j]);
    }
  }
  // The slot holding `key`, probing on from `slot`, or the empty slot where it would go.
  template <typename SlotType>
  std::size_t probe(const SlotType* slots, std::uint64_t key, std::size_t slot) const {
    while (slots[slot].key != key && slots[slot].key != 0) slot = (slot + 1) & mask_;
    return slot;
  }

  std::uint32_t class_count_ = 0;
  float scale_ = 1;
  std::size_t feature_count_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  std::size_t mask_ = 0;
  unsigned shift_ = 64;
  std::vector<std::uint32_t> entries_;    // class << 16 | (uint16) weight
  std::vector<InlineSlot> inline_slots_;  // instead of slots_ and entries_ for few classes
};

}  // namespace newsgraph::parse
