#include "newsgraph/parse/sentences.hpp"

namespace newsgraph::parse {

SentenceTrees parse_sentences(std::string_view text, const text::Segments& segments,
                              const std::vector<bool>& wanted, const Parser& parser) {
  SentenceTrees trees(segments.sentences.size());
  std::vector<std::string_view> words;
  for (std::size_t s = 0; s < segments.sentences.size(); ++s) {
    if (!wanted[s]) continue;
    const text::Sentence& sentence = segments.sentences[s];
    words.clear();
    for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
      words.push_back(slice(text, segments.tokens[t].span));
    if (!words.empty()) trees[s] = parser.parse(words);
  }
  return trees;
}

}  // namespace newsgraph::parse
