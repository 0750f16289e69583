// The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta 2011) that the Parser
// walks greedily, with the root placed after the last word (Ballesteros and Nivre 2013):
//   SHIFT  moves the first buffer word onto the stack;
//   LEFT   makes the first buffer word the head of the stack top, and pops it;
//   RIGHT  makes the word below the stack top its head, and pops it.
// The root, position n of a sentence of n words, never leaves the buffer and takes a child only
// when the stack holds one word, so every terminal configuration is a projective tree with exactly
// one root word. move_costs is the dynamic oracle of Goldberg and Nivre (2013): how many arcs of a
// projective gold tree a move makes unreachable. Positions are word indices 0..n-1, n for the root.
// A Configuration is a plain value: not safe to change from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace newsgraph::parse {

enum Move : std::uint8_t { kShift, kLeft, kRight };
inline constexpr std::size_t kMoveCount = 3;

inline constexpr std::uint32_t kNoWord = 0xffffffffu;
inline constexpr std::uint16_t kNoRelation = 0xffff;

// What the features need to know of a word's dependents so far. Arc-hybrid adds left dependents
// from the nearest outwards and right dependents from left to right, so the newest left dependent
// is the leftmost and the newest right dependent the rightmost.
struct Dependents {
  std::uint32_t leftmost = kNoWord;
  std::uint32_t second_leftmost = kNoWord;
  std::uint32_t rightmost = kNoWord;
  std::uint32_t second_rightmost = kNoWord;
  std::uint8_t left_count = 0;
  std::uint8_t right_count = 0;
  std::uint64_t left_relations = 0;  // bit (relation id % 64) of each left dependent's relation
  std::uint64_t right_relations = 0;
};

class Configuration {
 public:
  explicit Configuration(std::size_t word_count);

  std::size_t word_count() const { return heads_.size(); }
  std::uint32_t root() const { return static_cast<std::uint32_t>(heads_.size()); }
  // The i-th word from the top of the stack, or kNoWord.
  std::uint32_t stack(std::size_t i) const {
    return i < stack_.size() ? stack_[stack_.size() - 1 - i] : kNoWord;
  }
  std::size_t stack_size() const { return stack_.size(); }
  // The i-th position of the buffer (the root last), or kNoWord past it.
  std::uint32_t buffer(std::size_t i) const {
    return front_ + i <= root() ? static_cast<std::uint32_t>(front_ + i) : kNoWord;
  }
  // The dependents of a position, kNoWord included (it has none).
  const Dependents& dependents(std::uint32_t position) const {
    return position == kNoWord ? dependents_.back() : dependents_[position];
  }
  std::uint32_t head(std::uint32_t word) const { return heads_[word]; }
  std::uint16_t relation(std::uint32_t word) const { return relations_[word]; }

  bool terminal() const { return stack_.empty() && front_ == root(); }
  bool legal(Move move) const;
  // The head and dependent of the arc that move makes (kLeft or kRight).
  std::pair<std::uint32_t, std::uint32_t> arc(Move move) const;
  // Applies a legal move; relation is the label of the arc it makes (ignored for kShift).
  void apply(Move move, std::uint16_t relation);

  // The dynamic oracle: for each move, the gold arcs it would make unreachable. gold_heads has one
  // position per word (the root is word_count()) and must form a projective tree.
  std::array<int, kMoveCount> move_costs(std::span<const std::uint32_t> gold_heads) const;

 private:
  std::vector<std::uint32_t> stack_;
  std::uint32_t front_ = 0;
  std::vector<std::uint32_t> heads_;
  std::vector<std::uint16_t> relations_;
  std::vector<Dependents> dependents_;  // positions 0..n, then one empty entry for kNoWord
};

// Reattaches the dependents of non-projective arcs to their grandparents, shortest arc first, until
// the tree is projective (the "lifting" of Nivre and Nilsson 2005). heads as in move_costs.
void projectivize(std::vector<std::uint32_t>& heads);

}  // namespace newsgraph::parse
