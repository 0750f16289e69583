// RowTable: the weights of a learn::CompactPerceptron laid out for fast scoring of many features at
// once. An open-addressing table (linear probing, at most half full) maps a feature to its row, a
// run of (class, weight) entries in one flat array. add_units looks up a batch of features in three
// passes (prefetch the home slots of all of them, probe and prefetch their rows, add the rows), so
// that the cache misses of a batch overlap instead of following one another. A model of at most
// kInlineClasses classes (the parser's moves) keeps each row inside its slot instead, so that a
// feature costs one cache miss, not two.
//
// Scoring is bound by memory, so slots are 8 bytes: a slot keeps a fingerprint of its feature's
// hash (32 bits, 16 beside an inline row), not the hash. A feature the model does not know may
// therefore match a fingerprint in its probe run and take that row's weights: with 32 bits less
// than once in 10^9 lookups of unknown features, with 16 bits at most about once in 40,000. The
// parses of the UD English dev files came out byte-identical to those of whole hashes. Two features
// of the model whose fingerprints meet in one probe run are read as the first of them: 4 of the
// 476,159 move features of the embedded parser model, none of its other features. Weights are the
// perceptron's 16-bit units; scores are summed as integers and scale() turns them into the
// perceptron's float scores. Immutable after construction: safe to share between threads.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "newsgraph/learn/compact_perceptron.hpp"

namespace newsgraph::parse {

class RowTable {
 public:
  static constexpr std::uint32_t kInlineClasses = 3;

  RowTable() = default;
  // Throws ModelError when the model has 2^31 weights or more (an entry's top bit marks a row's end).
  explicit RowTable(const learn::CompactPerceptron& model);

  std::uint32_t class_count() const { return class_count_; }
  float scale() const { return scale_; }
  std::size_t feature_count() const { return feature_count_; }

  // Adds the weights of the features, in units of scale(), to units (class_count() of them).
  // Unknown features add nothing (but see the fingerprints above).
  void add_units(std::span<const std::uint64_t> features, std::int32_t* units) const;

 private:
  struct alignas(8) Slot {
    std::uint32_t fingerprint = 0;  // 0: empty
    std::uint32_t begin = 0;        // the row's first entry; an empty slot's is the empty row's
  };
  struct alignas(8) InlineSlot {
    std::uint16_t fingerprint = 0;                   // 0: empty
    std::int16_t units[kInlineClasses] = {0, 0, 0};  // the row, one weight per class
  };
  // An entry: the weight's 16 bits, its class in the next 8, and kLastEntry on a row's last one.
  static constexpr std::uint32_t kLastEntry = 0x80000000u;

  void add_inline_units(std::span<const std::uint64_t> features, std::int32_t* units) const;
  // The low bits of a feature hash, never 0; the slot's number comes from its high bits (home).
  static std::uint32_t fingerprint32(std::uint64_t key) {
    const auto low = static_cast<std::uint32_t>(key);
    return low == 0 ? 1 : low;
  }
  static std::uint16_t fingerprint16(std::uint64_t key) {
    const auto low = static_cast<std::uint16_t>(key);
    return low == 0 ? 1 : low;
  }
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ULL) >> shift_);
  }
  // The first pass over a batch of feature keys: each key's home slot, prefetched.
  template <typename SlotType>
  void prefetch_homes(const std::uint64_t* batch, std::size_t count, const SlotType* slots,
                      std::size_t* at) const {
    for (std::size_t j = 0; j < count; ++j) {
      at[j] = home(batch[j]);
      __builtin_prefetch(slots + at[j]);
    }
  }
  // The slot holding `fingerprint`, probing on from `slot`, or the empty slot where it would go.
  template <typename SlotType, typename Fingerprint>
  std::size_t probe(const SlotType* slots, Fingerprint fingerprint, std::size_t slot) const {
    while (slots[slot].fingerprint != fingerprint && slots[slot].fingerprint != 0) slot = (slot + 1) & mask_;
    return slot;
  }

  std::uint32_t class_count_ = 0;
  float scale_ = 1;
  std::size_t feature_count_ = 0;
  std::vector<Slot> slots_ = std::vector<Slot>(1);
  std::size_t mask_ = 0;
  unsigned shift_ = 63;  // a defined shift until a model is laid out (add_units never probes then)
  std::vector<std::uint32_t> entries_ = std::vector<std::uint32_t>(1, kLastEntry);  // [0]: the empty row
  std::vector<InlineSlot> inline_slots_;  // instead of slots_ and entries_ for few classes
};

}  // namespace newsgraph::parse
