#include "newsgraph/tag/lexicon.hpp"

#include <algorithm>

#include "newsgraph/learn/feature_hash.hpp"

namespace newsgraph::tag {
namespace {

constexpr std::uint64_t kPhraseSeed = 0x70687261736531ULL;

std::uint64_t extend_phrase_hash(std::uint64_t phrase, std::uint64_t word) {
  return learn::hash_combine(phrase, word);
}

}  // namespace

std::string ascii_capitalised(std::string_view word) {
  std::string out = ascii_lower(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::uint64_t lower_word_hash(std::string_view word) {
  return learn::hash_string(ascii_lower(word));
}

WordClusters::WordClusters(std::vector<std::pair<std::string, Classes>> entries)
    : entries_(std::move(entries)), index_(entries_.size()) {
  std::sort(entries_.begin(), entries_.end());
  for (const auto& [word, classes] : entries_) index_.find_or_add(learn::hash_string(word));
}

WordClusters::Classes WordClusters::find(std::string_view word) const {
  std::uint32_t row = index_.find(learn::hash_string(word));
  if (row == learn::FeatureTable::kAbsent) row = index_.find(lower_word_hash(word));
  return row == learn::FeatureTable::kAbsent ? Classes{} : entries_[row].second;
}

WordClusters::Classes WordClusters::find_any_case(std::string_view word) const {
  std::uint32_t row = index_.find(learn::hash_string(word));
  if (row == learn::FeatureTable::kAbsent) row = index_.find(learn::hash_string(ascii_capitalised(word)));
  if (row == learn::FeatureTable::kAbsent) row = index_.find(lower_word_hash(word));
  return row == learn::FeatureTable::kAbsent ? Classes{} : entries_[row].second;
}

void WordClusters::save(learn::ByteWriter& writer) const {
  writer.write<std::uint64_t>(entries_.size());
  for (const auto& [word, classes] : entries_) {
    writer.write_string(word);
    for (const std::uint32_t id : classes) writer.write(id);
  }
}

WordClusters WordClusters::load(learn::ByteReader& reader) {
  const auto count = reader.read<std::uint64_t>();
  std::vector<std::pair<std::string, Classes>> entries;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::pair<std::string, Classes> entry{std::string(reader.read_string()), {}};
    for (std::uint32_t& id : entry.second) id = reader.read<std::uint32_t>();
    entries.push_back(std::move(entry));
  }
  return WordClusters(std::move(entries));
}

Gazetteer::Gazetteer(std::vector<std::pair<std::string, std::uint8_t>> entries)
    : entries_(std::move(entries)) {
  std::sort(entries_.begin(), entries_.end());
  index();
}

void Gazetteer::index() {
  table_ = learn::FeatureTable(entries_.size() + entries_.size() / 2);  // phrases and their beginnings
  kinds_.clear();
  for (const auto& [phrase, kinds] : entries_) {
    std::uint64_t hash = kPhraseSeed;
    std::size_t start = 0;
    while (start <= phrase.size()) {
      std::size_t end = phrase.find(' ', start);
      if (end == std::string::npos) end = phrase.size();
      hash = extend_phrase_hash(hash, learn::hash_string(phrase.substr(start, end - start)));
      const std::uint32_t row = table_.find_or_add(hash);
      if (row == kinds_.size()) kinds_.push_back(0);
      if (end == phrase.size()) kinds_[row] |= kinds;
      start = end + 1;
    }
  }
}

template <typename Found>
void Gazetteer::for_each_phrase(std::span<const std::uint64_t> lower_hashes, Found found) const {
  if (entries_.empty()) return;
  for (std::size_t start = 0; start < lower_hashes.size(); ++start) {
    std::uint64_t hash = kPhraseSeed;
    const std::size_t longest = std::min(kLongestPhrase, lower_hashes.size() - start);
    for (std::size_t length = 1; length <= longest; ++length) {
      hash = extend_phrase_hash(hash, lower_hashes[start + length - 1]);
      const std::uint32_t row = table_.find(hash);
      if (row == learn::FeatureTable::kAbsent) break;
      for (std::size_t kind = 0; kind < kNameKinds; ++kind)
        if (kinds_[row] & (1u << kind)) found(start, length, kind);
    }
  }
}

void Gazetteer::match(std::span<const std::uint64_t> lower_hashes, std::span<std::uint16_t> marks) const {
  std::fill(marks.begin(), marks.end(), 0);
  for_each_phrase(lower_hashes, [&](std::size_t start, std::size_t length, std::size_t kind) {
    marks[start] |= static_cast<std::uint16_t>(1u << (2 * kind));
    for (std::size_t i = start + 1; i < start + length; ++i)
      marks[i] |= static_cast<std::uint16_t>(1u << (2 * kind + 1));
  });
}

void Gazetteer::match_positions(std::span<const std::uint64_t> lower_hashes,
                                std::span<std::uint32_t> marks) const {
  std::fill(marks.begin(), marks.end(), 0);
  for_each_phrase(lower_hashes, [&](std::size_t start, std::size_t length, std::size_t kind) {
    const std::uint32_t base = static_cast<std::uint32_t>(4 * kind);
    if (length == 1) {
      marks[start] |= 1u << (base + 3);
      return;
    }
    marks[start] |= 1u << base;
    for (std::size_t i = start + 1; i + 1 < start + length; ++i) marks[i] |= 1u << (base + 1);
    marks[start + length - 1] |= 1u << (base + 2);
  });
}

void Gazetteer::save(learn::ByteWriter& writer) const {
  writer.write<std::uint64_t>(entries_.size());
  for (const auto& [phrase, kinds] : entries_) {
    writer.write_string(phrase);
    writer.write(kinds);
  }
}

Gazetteer Gazetteer::load(learn::ByteReader& reader) {
  const auto count = reader.read<std::uint64_t>();
  std::vector<std::pair<std::string, std::uint8_t>> entries;
  for (std::uint64_t i = 0; i < count; ++i) {
    std::string phrase(reader.read_string());
    entries.emplace_back(std::move(phrase), reader.read<std::uint8_t>());
  }
  return Gazetteer(std::move(entries));
}

}  // namespace newsgraph::tag
