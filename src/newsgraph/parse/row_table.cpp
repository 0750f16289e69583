#include "newsgraph/parse/row_table.hpp"

#include <algorithm>

#include "newsgraph/error.hpp"

namespace newsgraph::parse {

RowTable::RowTable(const learn::CompactPerceptron& model)
    : class_count_(model.class_count()), scale_(model.scale()), feature_count_(model.feature_count()) {
  std::size_t size = 16;
  unsigned bits = 4;
  while (size < 2 * feature_count_) size *= 2, ++bits;
  mask_ = size - 1;
  shift_ = 64 - bits;
  const std::span<const std::uint64_t> keys = model.keys();
  if (class_count_ <= kInlineClasses) {
    inline_slots_.assign(size, InlineSlot{});
    for (std::uint32_t row = 0; row < keys.size(); ++row) {
      const std::uint16_t fingerprint = fingerprint16(keys[row]);
      InlineSlot& to = inline_slots_[probe(inline_slots_.data(), fingerprint, home(keys[row]))];
      to.fingerprint = fingerprint;
      const auto classes = model.row_classes(row);
      const auto units = model.row_units(row);
      for (std::size_t k = 0; k < classes.size(); ++k) to.units[classes[k]] = units[k];
    }
    return;
  }
  if (model.weight_count() + 1 >= kLastEntry)
    throw ModelError("a perceptron has too many weights to score (" + std::to_string(model.weight_count()) +
                     ")");
  slots_.assign(size, Slot{});
  entries_.reserve(model.weight_count() + 1);
  for (std::uint32_t row = 0; row < keys.size(); ++row) {
    const auto classes = model.row_classes(row);
    const auto units = model.row_units(row);
    if (classes.empty()) continue;  // a feature without weights adds nothing: leave it out
    const auto begin = static_cast<std::uint32_t>(entries_.size());
    for (std::size_t k = 0; k < classes.size(); ++k)
      entries_.push_back(std::uint32_t{classes[k]} << 16 | static_cast<std::uint16_t>(units[k]));
    entries_.back() |= kLastEntry;
    const std::uint32_t fingerprint = fingerprint32(keys[row]);
    slots_[probe(slots_.data(), fingerprint, home(keys[row]))] = {fingerprint, begin};
  }
}

void RowTable::add_inline_units(std::span<const std::uint64_t> features, std::int32_t* units) const {
  constexpr std::size_t kBatch = 64;
  std::size_t at[kBatch];
  const InlineSlot* slots = inline_slots_.data();
  std::int32_t sums[kInlineClasses] = {0, 0, 0};
  for (std::size_t first = 0; first < features.size(); first += kBatch) {
    const std::size_t count = std::min(kBatch, features.size() - first);
    const std::uint64_t* batch = features.data() + first;
    prefetch_homes(batch, count, slots, at);
    for (std::size_t j = 0; j < count; ++j) {
      // An empty slot's units are all 0.
      const InlineSlot& found = slots[probe(slots, fingerprint16(batch[j]), at[j])];
      for (std::uint32_t c = 0; c < kInlineClasses; ++c) sums[c] += found.units[c];
    }
  }
  for (std::uint32_t c = 0; c < class_count_; ++c) units[c] += sums[c];
}

void RowTable::add_units(std::span<const std::uint64_t> features, std::int32_t* units) const {
  if (class_count_ == 0) return;  // a table made from no model
  if (!inline_slots_.empty()) return add_inline_units(features, units);
  constexpr std::size_t kBatch = 64;
  std::size_t at[kBatch];
  std::uint32_t begin[kBatch];
  const Slot* slots = slots_.data();
  const std::uint32_t* entries = entries_.data();
  for (std::size_t first = 0; first < features.size(); first += kBatch) {
    const std::size_t count = std::min(kBatch, features.size() - first);
    const std::uint64_t* batch = features.data() + first;
    prefetch_homes(batch, count, slots, at);
    for (std::size_t j = 0; j < count; ++j) {
      begin[j] = slots[probe(slots, fingerprint32(batch[j]), at[j])].begin;  // empty: the empty row
      __builtin_prefetch(entries + begin[j]);
    }
    for (std::size_t j = 0; j < count; ++j) {
      // The empty row is one entry of weight 0.
      for (std::uint32_t k = begin[j];; ++k) {
        const std::uint32_t entry = entries[k];
        units[(entry >> 16) & 0xff] += static_cast<std::int16_t>(entry & 0xffff);
        if (entry & kLastEntry) break;
      }
    }
  }
}

}  // namespace newsgraph::parse
