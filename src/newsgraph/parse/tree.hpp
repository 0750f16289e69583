// DependencyTree: the Universal Dependencies analysis of one sentence, as the Parser makes it or as
// built by hand. Words are numbered 0..size()-1 in sentence order; every word has one head (another
// word, or the root of the sentence), a relation to it ("nsubj", "nsubj:pass", "obl:tmod", ...) and
// a universal part of speech ("NOUN", "VERB", ...). The tree is checked when it is made: exactly
// one word hangs from the root and following heads from any word reaches it, so every query below
// terminates. The relation and part-of-speech views must outlive the tree (the Parser's come from
// its model). Immutable after construction: safe to share between threads.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace newsgraph::parse {

struct ParsedWord {
  std::size_t head = 0;  // position of the head word + 1, 0 for the root (CoNLL-U's numbering)
  std::string_view relation;
  std::string_view upos;

  friend bool operator==(const ParsedWord&, const ParsedWord&) = default;
};

class DependencyTree {
 public:
  DependencyTree() = default;
  // Throws newsgraph::Error when the words do not form a tree with exactly one root.
  explicit DependencyTree(std::vector<ParsedWord> words);

  std::size_t size() const { return words_.size(); }
  const std::vector<ParsedWord>& words() const { return words_; }

  // The head of a word, nullopt for the root word. Word positions must be below size().
  std::optional<std::size_t> head(std::size_t word) const;
  std::string_view relation(std::size_t word) const { return words_.at(word).relation; }
  std::string_view upos(std::size_t word) const { return words_.at(word).upos; }
  // The words whose head is word, in sentence order.
  std::vector<std::size_t> children(std::size_t word) const;
  // The children with that relation: "nsubj" also finds subtypes ("nsubj:pass"), "nsubj:pass"
  // only itself.
  std::vector<std::size_t> children(std::size_t word, std::string_view relation) const;
  // The first nsubj or nsubj:pass child of word.
  std::optional<std::size_t> subject_of(std::size_t word) const;
  // Every nsubj child of word (subtypes too), or, when it has none, those of the verb it is joined to
  // by conj, xcomp or an unmarked advcl ("He smiled and said ...", "X refused to meet Y", "X
  // attacked Y, saying ..."). Several, because news names
  // with titles ("NATO Secretary-General Anders Fogh Rasmussen") often come out as several subjects.
  std::vector<std::size_t> subjects_of(std::size_t word) const;
  // [first, last + 1): the first and one past the last word of the subtree under word, word
  // included (e.g. the clause a ccomp head stands for).
  std::pair<std::size_t, std::size_t> subtree_span(std::size_t word) const;
  // The smallest [first, last + 1) that holds the subtrees of all the given words (at least one).
  std::pair<std::size_t, std::size_t> subtrees_span(const std::vector<std::size_t>& words) const;
  // The word that hangs from the root; nullopt only for an empty tree.
  std::optional<std::size_t> root() const { return root_; }

 private:
  std::vector<ParsedWord> words_;
  std::vector<std::size_t> child_begin_;  // children of w: children_[child_begin_[w], child_begin_[w + 1])
  std::vector<std::size_t> children_;
  std::optional<std::size_t> root_;
};

// The relation without its subtype: "nsubj" for "nsubj:pass".
std::string_view base_relation(std::string_view relation);

}  // namespace newsgraph::parse
