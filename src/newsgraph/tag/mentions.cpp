#include "newsgraph/tag/mentions.hpp"

#include <algorithm>
#include <array>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/resolve/gazetteer.hpp"

namespace newsgraph::tag {
namespace {

using namespace std::string_view_literals;

// Capitalised words that open sentences or name days and months but are not entities.
constexpr std::array kNotNames = {"The"sv,      "A"sv,         "An"sv,
                                  "In"sv,       "On"sv,        "At"sv,
                                  "For"sv,      "He"sv,        "She"sv,
                                  "It"sv,       "We"sv,        "They"sv,
                                  "I"sv,        "You"sv,       "This"sv,
                                  "That"sv,     "These"sv,     "Those"sv,
                                  "There"sv,    "Then"sv,      "Now"sv,
                                  "But"sv,      "And"sv,       "Or"sv,
                                  "If"sv,       "As"sv,        "When"sv,
                                  "While"sv,    "Meanwhile"sv, "However"sv,
                                  "Last"sv,     "Next"sv,      "Unfortunately"sv,
                                  "Speaking"sv, "After"sv,     "Before"sv,
                                  "During"sv,   "His"sv,       "Her"sv,
                                  "Their"sv,    "Its"sv,       "Our"sv,
                                  "My"sv,       "Your"sv,      "Some"sv,
                                  "All"sv,      "No"sv,        "Not"sv,
                                  "What"sv,     "Who"sv,       "Why"sv,
                                  "How"sv,      "Where"sv,     "So"sv,
                                  "Yet"sv,      "Also"sv,      "Monday"sv,
                                  "Tuesday"sv,  "Wednesday"sv, "Thursday"sv,
                                  "Friday"sv,   "Saturday"sv,  "Sunday"sv,
                                  "January"sv,  "February"sv,  "March"sv,
                                  "April"sv,    "May"sv,       "June"sv,
                                  "July"sv,     "August"sv,    "September"sv,
                                  "October"sv,  "November"sv,  "December"sv,
                                  "Mr"sv,       "Mrs"sv,       "Ms"sv,
                                  "Mr."sv,      "Mrs."sv,      "Ms."sv,
                                  "Dr."sv,      "Life"sv,      "Equal"sv,
                                  "Both"sv,     "Each"sv,      "Many"sv,
                                  "Most"sv,     "Such"sv,      "Any"sv,
                                  "Every"sv,    "To"sv,        "From"sv,
                                  "By"sv,       "With"sv,      "Of"sv,
                                  "Since"sv,    "Until"sv,     "Although"sv,
                                  "Because"sv,  "Instead"sv,   "Earlier"sv,
                                  "Later"sv,    "Today"sv,     "Yesterday"sv,
                                  "Tomorrow"sv, "Sir"sv};

// Last words that make a capitalised name an organisation.
constexpr std::array kOrganizationHeads = {
    "Ministry"sv,       "Council"sv,      "Commission"sv, "Institute"sv,   "University"sv,
    "Organization"sv,   "Organisation"sv, "Party"sv,      "Agency"sv,      "Bank"sv,
    "Fund"sv,           "Union"sv,        "Assembly"sv,   "Parliament"sv,  "Congress"sv,
    "Senate"sv,         "Committee"sv,    "Court"sv,      "Group"sv,       "Corporation"sv,
    "Company"sv,        "Inc"sv,          "Ltd"sv,        "Department"sv,  "Office"sv,
    "Service"sv,        "Army"sv,         "Navy"sv,       "Police"sv,      "Board"sv,
    "Authority"sv,      "Association"sv,  "League"sv,     "Front"sv,       "Movement"sv,
    "Church"sv,         "College"sv,      "Academy"sv,    "Foundation"sv,  "Trust"sv,
    "Times"sv,          "Post"sv,         "News"sv,       "Duma"sv,        "Government"sv,
    "Administration"sv, "Cabinet"sv,      "Forces"sv,     "Federation"sv,  "Alliance"sv,
    "Centre"sv,         "Center"sv,       "Society"sv,    "Network"sv,     "Tribunal"sv,
    "Secretariat"sv,    "Commissariat"sv, "Bureau"sv,     "Directorate"sv, "Guard"sv,
    "Corps"sv,          "Treasury"sv,     "Reserve"sv,    "Exchange"sv,    "Airlines"sv,
    "Conference"sv,     "Forum"sv,        "Club"sv};

constexpr std::array kConnectors = {"of"sv, "for"sv, "de"sv, "von"sv, "van"sv, "al"sv};

// Last words that make a capitalised name a place.
constexpr std::array kPlaceHeads = {"Sea"sv,       "Ocean"sv,   "Region"sv,    "Gulf"sv,   "River"sv,
                                    "Island"sv,    "Islands"sv, "Peninsula"sv, "Valley"sv, "Coast"sv,
                                    "Mountains"sv, "Strait"sv,  "Bay"sv,       "Lake"sv,   "Province"sv,
                                    "East"sv,      "Street"sv,  "Square"sv,    "Kremlin"sv};

template <std::size_t N>
bool is_one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_capitalised(std::string_view word) {
  if (word.empty()) return false;
  const auto c = static_cast<unsigned char>(word[0]);
  if (c >= 'A' && c <= 'Z') return word.size() > 1 || c != 'I';
  return c == 0xC3 && word.size() > 1 && static_cast<unsigned char>(word[1]) >= 0x80 &&
         static_cast<unsigned char>(word[1]) <= 0x9E;  // Latin-1 capitals such as É, Ö
}

// "NATO", "MGIMO", "U.S.": two or more capitals, perhaps with periods, and no lower case.
bool is_acronym(std::string_view word) {
  std::size_t capitals = 0;
  for (const char c : word) {
    if (c >= 'A' && c <= 'Z')
      ++capitals;
    else if (c != '.' && c != '-' && c != '&')
      return false;
  }
  return capitals >= 2;
}

// "MOSCOW" -> "Moscow", for the all-capital place names of datelines.
std::string title_case(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 1; i < out.size(); ++i)
    if (out[i] >= 'A' && out[i] <= 'Z' && out[i - 1] != ' ' && out[i - 1] != '-')
      out[i] = static_cast<char>(out[i] - 'A' + 'a');
  return out;
}

class MentionFinder {
 public:
  MentionFinder(const Document& document, const text::Segments& segments)
      : text_(document.text),
        segments_(segments),
        titles_(lexicon::Titles::embedded()),
        gazetteer_(resolve::Gazetteer::embedded()) {}

  EntityMentions find() {
    for (std::size_t s = 0; s < segments_.sentences.size(); ++s) find_in_sentence(s);
    return std::move(result_);
  }

 private:
  std::string_view word(std::size_t token) const { return slice(text_, segments_.tokens[token].span); }

  void find_in_sentence(std::size_t s) {
    const text::Sentence& sentence = segments_.sentences[s];
    std::size_t t = sentence.first_token;
    while (t < sentence.end_token) {
      if (!is_capitalised(word(t))) {
        ++t;
        continue;
      }
      std::size_t end = t + 1;
      while (end < sentence.end_token) {
        if (is_capitalised(word(end))) {
          ++end;
        } else if (is_one_of(word(end), kConnectors) && end + 1 < sentence.end_token &&
                   is_capitalised(word(end + 1))) {
          end += 2;
        } else {
          break;
        }
      }
      take_run(s, t, end);
      t = end;
    }
  }

  // Splits a run of capitalised words at its titles and demonyms and types what names are left:
  // "Russian Foreign Minister Sergei Lavrov" -> demonym Russian, title, person "Sergei Lavrov".
  void take_run(std::size_t sentence, std::size_t begin, std::size_t end) {
    bool after_title = false;
    std::size_t name_begin = begin;
    for (std::size_t t = begin; t < end; ++t) {
      const std::string_view w = word(t);
      const bool leading = t == name_begin;
      if (leading && is_one_of(w, kNotNames)) {
        name_begin = t + 1;
        continue;
      }
      if (const auto country = gazetteer_.country_of_demonym(w);
          leading && country && is_demonym_use(t, end)) {
        result_.demonyms.push_back(DemonymMention{t, *country});
        name_begin = t + 1;
        continue;
      }
      if (titles_.is_title_word(w) && !is_organization_head(end, t)) {
        add_name(sentence, name_begin, t, after_title);
        after_title = true;
        name_begin = t + 1;
      }
    }
    add_name(sentence, name_begin, end, after_title);
  }

  // A demonym names its country when it modifies a following capitalised word ("Russian Foreign
  // Minister", "Russian Deputy"), not when it is part of a name ("Russian-American Presidential").
  bool is_demonym_use(std::size_t token, std::size_t end) const {
    return token + 1 < end && word(token).find('-') == std::string_view::npos;
  }

  // "Foreign" in "Foreign Ministry" belongs to the organisation's name, not a title.
  bool is_organization_head(std::size_t end, std::size_t t) const {
    for (std::size_t u = t; u < end; ++u)
      if (is_one_of(word(u), kOrganizationHeads)) return true;
    return false;
  }

  void add_name(std::size_t sentence, std::size_t begin, std::size_t end, bool after_title) {
    while (begin < end && (is_one_of(word(begin), kConnectors) || is_one_of(word(begin), kNotNames))) ++begin;
    while (end > begin && is_one_of(word(end - 1), kConnectors)) --end;
    if (begin >= end) return;
    const Span span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end};
    const std::string_view name = slice(text_, span);
    const auto type = type_of(name, begin, end, after_title);
    if (!type) return;
    result_.mentions.push_back(Mention{span, *type, sentence, begin, end});
  }

  std::optional<EntityType> type_of(std::string_view name, std::size_t begin, std::size_t end,
                                    bool after_title) const {
    if (is_one_of(word(end - 1), kOrganizationHeads)) return EntityType::Organization;
    if (gazetteer_.find_place(name) || (end - begin > 1 && is_one_of(word(end - 1), kPlaceHeads)))
      return EntityType::Place;
    if (is_acronym(name) && name.size() > 4 && gazetteer_.find_place(title_case(name)))
      return EntityType::Place;
    if (gazetteer_.find_organization(name)) return EntityType::Organization;
    if (end - begin == 1 && is_acronym(name)) return EntityType::Organization;
    if (after_title) return EntityType::Person;
    if (end - begin >= 2 && end - begin <= 4) return EntityType::Person;
    if (end - begin == 1 && known_surname(name)) return EntityType::Person;
    return std::nullopt;
  }

  bool known_surname(std::string_view name) const {
    for (const auto& mention : result_.mentions)
      if (mention.type == EntityType::Person && mention.end_token - mention.first_token > 1 &&
          word(mention.end_token - 1) == name)
        return true;
    return false;
  }

  std::string_view text_;
  const text::Segments& segments_;
  const lexicon::Titles& titles_;
  const resolve::Gazetteer& gazetteer_;
  EntityMentions result_;
};

}  // namespace

EntityMentions find_mentions(const Document& document, const text::Segments& segments) {
  return MentionFinder(document, segments).find();
}

}  // namespace newsgraph::tag
