#include "newsgraph/text/words.hpp"

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
  static constexpr std::array<std::string_view, 40> kStates = {
      "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del",  "Fla",  "Ill",  "Ind",
      "Kan", "Ky",   "La",  "Md",    "Mass", "Mich", "Minn", "Miss", "Mo",   "Mont",
      "N.C", "N.D",  "N.H", "N.J",   "N.M",  "N.Y",  "Neb",  "Nev",  "Okla", "Ore",
      "Pa",  "R.I",  "S.C", "S.D",   "Tenn", "Va",   "Vt",   "W.Va", "Wis",  "Wyo"};
  return is_one_of(stem, kStates);
}

}  // namespace newsgraph::text
