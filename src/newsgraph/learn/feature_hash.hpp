// Names of sparse features as 64-bit hashes: a feature is a template (a small number saying what is
// measured, e.g. "suffix of the next word") combined with one or more values (strings or numbers).
// The hashes are the same on every platform and every run, so a model file can store them.
// Pure functions: safe to use from several threads.
#pragma once

#include <cstdint>
#include <string_view>

namespace newsgraph::learn {

// A 64-bit mix with good avalanche (the finaliser of MurmurHash3).
constexpr std::uint64_t mix64(std::uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ULL;
  x ^= x >> 33;
  return x;
}

constexpr std::uint64_t hash_combine(std::uint64_t seed, std::uint64_t value) {
  return mix64(seed ^ (value + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2)));
}

constexpr std::uint64_t hash_string(std::string_view text, std::uint64_t seed = 0) {
  std::uint64_t hash = 0xcbf29ce484222325ULL ^ seed;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return mix64(hash);
}

}  // namespace newsgraph::learn
