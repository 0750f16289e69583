#include "newsgraph/text/words.hpp"

#include "newsgraph/embedded.hpp"

namespace newsgraph::text {

std::string ascii_lower(std::string_view word) {
  std::string lower(word);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return lower;
}

std::vector<bool> sentences_with_word(std::string_view text, const Segments& segments,
                                      const std::function<bool(std::string_view lower)>& wanted) {
  std::vector<bool> found(segments.sentences.size(), false);
  for (std::size_t s = 0; s < segments.sentences.size(); ++s)
    for (std::size_t t = segments.sentences[s].first_token; t < segments.sentences[s].end_token && !found[s];
         ++t)
      found[s] = wanted(ascii_lower(slice(text, segments.tokens[t].span)));
  return found;
}

bool is_state_abbreviation(std::string_view stem) {
  // The first column of the region lexicon the gazetteer reads, each without its last period.
  static const std::vector<std::string_view> states = [] {
    std::vector<std::string_view> found;
    std::string_view rest = require_embedded("resolve/region_abbreviations.tsv");
    while (!rest.empty()) {
      const std::size_t newline = rest.find('\n');
      const std::string_view line = rest.substr(0, newline);
      rest.remove_prefix(newline == std::string_view::npos ? rest.size() : newline + 1);
      if (line.empty() || line.front() == '#') continue;
      std::string_view abbreviation = line.substr(0, line.find('\t'));
      if (abbreviation.ends_with('.')) abbreviation.remove_suffix(1);
      found.push_back(abbreviation);
    }
    return found;
  }();
  return std::find(states.begin(), states.end(), stem) != states.end();
}

}  // namespace newsgraph::text
