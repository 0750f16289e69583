// CoNLL-U, the file format of Universal Dependencies treebanks: one word per line in ten
// tab-separated columns (ID FORM LEMMA UPOS XPOS FEATS HEAD DEPREL DEPS MISC), "#" comment lines,
// a blank line after each sentence. Multiword-token lines (ID "3-4") and empty nodes (ID "8.1")
// are not words of the tree: read_conllu skips them and classify_conllu_line tells them apart.
// Word positions in a TreebankWord's head are CoNLL-U's: 1-based, 0 for the root.
// Plain values and pure functions: safe to use from several threads.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::parse {

struct TreebankWord {
  std::string form;
  std::string upos;
  std::size_t head = 0;  // 1-based position of the head word, 0 for the root
  std::string relation;  // DEPREL with its subtype, e.g. "nsubj:pass"
};

struct TreebankSentence {
  std::vector<TreebankWord> words;
};

enum class ConlluLine { kBlank, kComment, kWord, kOtherNode };

inline constexpr std::size_t kConlluColumns = 10;
using ConlluFields = std::array<std::string_view, kConlluColumns>;

// What a line (without its newline) is; fills fields for kWord and kOtherNode. A line that is
// neither blank nor a comment nor ten tab-separated columns is kOtherNode with fields[0] empty.
ConlluLine classify_conllu_line(std::string_view line, ConlluFields& fields);

// The sentences of a treebank. origin names the text in messages; throws newsgraph::InputError,
// naming the line, for a malformed word line or a head outside its sentence.
std::vector<TreebankSentence> read_conllu(std::string_view text, std::string_view origin);

}  // namespace newsgraph::parse
