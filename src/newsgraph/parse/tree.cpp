#include "newsgraph/parse/tree.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "newsgraph/error.hpp"

namespace newsgraph::parse {

std::string_view base_relation(std::string_view relation) {
  return relation.substr(0, relation.find(':'));
}

DependencyTree::DependencyTree(std::vector<ParsedWord> words) : words_(std::move(words)) {
  const std::size_t n = words_.size();
  auto fail = [](const std::string& what) { throw Error("dependency tree: " + what); };
  for (std::size_t w = 0; w < n; ++w) {
    const std::size_t head = words_[w].head;
    if (head > n) fail("the head of word " + std::to_string(w + 1) + " is outside the sentence");
    if (head == w + 1) fail("word " + std::to_string(w + 1) + " is its own head");
    if (head == 0) {
      if (root_)
        fail("both word " + std::to_string(*root_ + 1) + " and " + std::to_string(w + 1) + " are roots");
      root_ = w;
    }
  }
  if (n > 0 && !root_) fail("no word hangs from the root");
  // Every word reaches the root within n steps unless it sits on a cycle.
  for (std::size_t w = 0; w < n; ++w) {
    std::size_t at = w;
    for (std::size_t steps = 0; words_[at].head != 0; ++steps) {
      if (steps == n) fail("word " + std::to_string(w + 1) + " is on a cycle");
      at = words_[at].head - 1;
    }
  }

  child_begin_.assign(n + 1, 0);
  for (const ParsedWord& word : words_)
    if (word.head != 0) ++child_begin_[word.head];
  for (std::size_t w = 0; w < n; ++w) child_begin_[w + 1] += child_begin_[w];
  children_.resize(child_begin_[n]);
  std::vector<std::size_t> next(child_begin_.begin(), child_begin_.end() - 1);
  for (std::size_t w = 0; w < n; ++w)
    if (words_[w].head != 0) children_[next[words_[w].head - 1]++] = w;
}

std::optional<std::size_t> DependencyTree::head(std::size_t word) const {
  const std::size_t head = words_.at(word).head;
  return head == 0 ? std::nullopt : std::optional<std::size_t>(head - 1);
}

std::vector<std::size_t> DependencyTree::children(std::size_t word) const {
  if (word >= words_.size()) throw std::out_of_range("dependency tree: no word " + std::to_string(word));
  return {children_.begin() + static_cast<std::ptrdiff_t>(child_begin_[word]),
          children_.begin() + static_cast<std::ptrdiff_t>(child_begin_[word + 1])};
}

std::vector<std::size_t> DependencyTree::children(std::size_t word, std::string_view relation) const {
  const bool with_subtypes = relation.find(':') == std::string_view::npos;
  std::vector<std::size_t> found;
  for (const std::size_t child : children(word)) {
    const std::string_view child_relation = words_[child].relation;
    if (child_relation == relation || (with_subtypes && base_relation(child_relation) == relation))
      found.push_back(child);
  }
  return found;
}

std::optional<std::size_t> DependencyTree::subject_of(std::size_t word) const {
  const std::vector<std::size_t> subjects = children(word, "nsubj");
  return subjects.empty() ? std::nullopt : std::optional<std::size_t>(subjects.front());
}

std::vector<std::size_t> DependencyTree::subjects_of(std::size_t word) const {
  std::vector<std::size_t> subjects = children(word, "nsubj");
  // A participle's adverbial clause has no mark ("..., saying that ..."); "when he said" has one.
  const auto shares_subject = [&](std::size_t verb) {
    return relation(verb) == "conj" || relation(verb) == "xcomp" ||
           (relation(verb) == "advcl" && children(verb, "mark").empty());
  };
  for (std::size_t verb = word; subjects.empty() && shares_subject(verb);) {
    verb = *head(verb);
    subjects = children(verb, "nsubj");
  }
  return subjects;
}

std::pair<std::size_t, std::size_t> DependencyTree::subtrees_span(
    const std::vector<std::size_t>& words) const {
  std::pair<std::size_t, std::size_t> span = subtree_span(words.at(0));
  for (const std::size_t word : words) {
    const auto [first, end] = subtree_span(word);
    span = {std::min(span.first, first), std::max(span.second, end)};
  }
  return span;
}

std::pair<std::size_t, std::size_t> DependencyTree::subtree_span(std::size_t word) const {
  std::pair<std::size_t, std::size_t> span{word, word + 1};
  std::vector<std::size_t> pending = children(word);
  while (!pending.empty()) {
    const std::size_t w = pending.back();
    pending.pop_back();
    span.first = std::min(span.first, w);
    span.second = std::max(span.second, w + 1);
    pending.insert(pending.end(), children_.begin() + static_cast<std::ptrdiff_t>(child_begin_[w]),
                   children_.begin() + static_cast<std::ptrdiff_t>(child_begin_[w + 1]));
  }
  return span;
}

}  // namespace newsgraph::parse
