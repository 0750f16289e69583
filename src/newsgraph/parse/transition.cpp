#include "newsgraph/parse/transition.hpp"

#include <algorithm>

namespace newsgraph::parse {

Configuration::Configuration(std::size_t word_count)
    : heads_(word_count, kNoWord), relations_(word_count, kNoRelation), dependents_(word_count + 2) {
  stack_.reserve(word_count);
}

bool Configuration::legal(Move move) const {
  switch (move) {
    case kShift: return front_ < root();
    case kLeft: return !stack_.empty() && (front_ < root() || stack_.size() == 1);
    case kRight: return stack_.size() >= 2;
  }
  return false;
}

std::pair<std::uint32_t, std::uint32_t> Configuration::arc(Move move) const {
  return move == kLeft ? std::pair{front_, stack(0)} : std::pair{stack(1), stack(0)};
}

void Configuration::apply(Move move, std::uint16_t relation) {
  if (move == kShift) {
    stack_.push_back(front_++);
    return;
  }
  const auto [head, dependent] = arc(move);
  stack_.pop_back();
  heads_[dependent] = head;
  relations_[dependent] = relation;
  Dependents& of_head = dependents_[head];
  const std::uint64_t bit = std::uint64_t{1} << (relation % 64);
  if (move == kLeft) {
    of_head.second_leftmost = of_head.leftmost;
    of_head.leftmost = dependent;
    of_head.left_count = static_cast<std::uint8_t>(std::min(of_head.left_count + 1, 255));
    of_head.left_relations |= bit;
  } else {
    of_head.second_rightmost = of_head.rightmost;
    of_head.rightmost = dependent;
    of_head.right_count = static_cast<std::uint8_t>(std::min(of_head.right_count + 1, 255));
    of_head.right_relations |= bit;
  }
}

std::array<int, kMoveCount> Configuration::move_costs(std::span<const std::uint32_t> gold_heads) const {
  // The buffer is front_..root(); the root has no gold head and is nobody's dependent.
  const std::uint32_t s0 = stack(0);
  const std::uint32_t s1 = stack(1);
  const std::uint32_t b0 = front_;
  auto in_buffer = [&](std::uint32_t position) { return position != kNoWord && position >= b0; };
  auto dependents_in_buffer = [&](std::uint32_t head) {
    int count = 0;
    for (std::uint32_t w = b0; w < root(); ++w) count += gold_heads[w] == head;
    return count;
  };
  std::array<int, kMoveCount> costs{};
  if (legal(kShift)) {
    // b0 loses its dependents on the stack, and its head if that is deeper than s0.
    int cost = 0;
    for (const std::uint32_t w : stack_) cost += gold_heads[w] == b0 || (w != s0 && gold_heads[b0] == w);
    costs[kShift] = cost;
  }
  if (legal(kLeft)) {
    const std::uint32_t head = gold_heads[s0];
    costs[kLeft] = dependents_in_buffer(s0) + (head != b0 && (head == s1 || in_buffer(head)));
  }
  if (legal(kRight)) costs[kRight] = dependents_in_buffer(s0) + in_buffer(gold_heads[s0]);
  return costs;
}

void projectivize(std::vector<std::uint32_t>& heads) {
  const auto n = static_cast<std::uint32_t>(heads.size());
  auto dominates = [&](std::uint32_t ancestor, std::uint32_t word) {
    while (word != n) {
      if (word == ancestor) return true;
      word = heads[word];
    }
    return ancestor == n;
  };
  while (true) {
    std::uint32_t lifted = kNoWord;
    std::uint32_t shortest = n + 1;
    for (std::uint32_t d = 0; d < n; ++d) {
      const std::uint32_t h = heads[d];
      const std::uint32_t low = std::min(h, d);
      const std::uint32_t high = std::min(std::max(h, d), n);
      for (std::uint32_t w = low + 1; w < high; ++w) {
        if (dominates(h, w)) continue;
        if (high - low < shortest) {
          shortest = high - low;
          lifted = d;
        }
        break;
      }
    }
    if (lifted == kNoWord) return;
    heads[lifted] = heads[heads[lifted]];
  }
}

}  // namespace newsgraph::parse
