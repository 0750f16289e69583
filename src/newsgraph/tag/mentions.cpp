#include "newsgraph/tag/mentions.hpp"
#include "newsgraph/text/words.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/resolve/aliases.hpp"
#include "newsgraph/resolve/gazetteer.hpp"
#include "newsgraph/tag/entities.hpp"
#include "newsgraph/tag/tagger.hpp"
#include "newsgraph/text/utf8.hpp"

namespace newsgraph::tag {
namespace {

using namespace std::string_view_literals;

// Last words that make a name an organisation, whatever the tagger thought ("Moscow State Institute
// of International Relations" is not a place).
constexpr std::array kOrganizationHeads = {
    "Ministry"sv,     "Council"sv,    "Commission"sv,     "Institute"sv,  "University"sv,  "Organization"sv,
    "Organisation"sv, "Party"sv,      "Agency"sv,         "Bank"sv,       "Fund"sv,        "Union"sv,
    "Assembly"sv,     "Parliament"sv, "Congress"sv,       "Senate"sv,     "Committee"sv,   "Court"sv,
    "Corporation"sv,  "Company"sv,    "Department"sv,     "Office"sv,     "Service"sv,     "Police"sv,
    "Board"sv,        "Authority"sv,  "Association"sv,    "League"sv,     "Academy"sv,     "Foundation"sv,
    "Duma"sv,         "Government"sv, "Administration"sv, "Cabinet"sv,    "Secretariat"sv, "Bureau"sv,
    "Directorate"sv,  "Treasury"sv,   "Railways"sv,       "Consortium"sv, "Coalition"sv,   "Commons"sv,
    "Lords"sv};

// Bodies a country has one of, which news names by the head word alone ("through Parliament",
// "Congress voted"): such a word, capitalised and untagged, is the organisation's name.
constexpr std::array kSingleBodies = {"Parliament"sv, "Congress"sv, "Senate"sv,  "Duma"sv,     "Commons"sv,
                                      "Lords"sv,      "Treasury"sv, "Knesset"sv, "Bundestag"sv};

// Last words of the names of laws, bills and treaties ("Energy Act", "Mental Capacity Bill", "North
// American Free Trade Agreement"): named things, but no person, organisation or place.
constexpr std::array kDocumentHeads = {"Act"sv,     "Bill"sv,     "Treaty"sv,  "Agreement"sv, "Accord"sv,
                                       "Accords"sv, "Protocol"sv, "Charter"sv, "Directive"sv};

// Forms of address that make the name after them a person's ("Lord Falconer", "Sir Menzies
// Campbell"), whatever the tagger thought.
constexpr std::array kHonorifics = {"Lord"sv,  "Lady"sv,  "Sir"sv,  "Dame"sv, "Baroness"sv,
                                    "Baron"sv, "Madam"sv, "Mr"sv,   "Mrs"sv,  "Ms"sv,
                                    "Dr"sv,    "Mr."sv,   "Mrs."sv, "Ms."sv,  "Dr."sv};

// The forms of address that go before a surname ("Mr King"); "Lord" and "Madam" go before titles too.
constexpr std::array kSurnameAddresses = {"Mr"sv,  "Mrs"sv,  "Ms"sv,  "Dr"sv,
                                          "Mr."sv, "Mrs."sv, "Ms."sv, "Dr."sv};

// What sets a form of address apart ("Thank you, Mr President, ...").
constexpr std::array kVocativeBounds = {","sv, "."sv, "!"sv, "?"sv, ";"sv, ":"sv, "\u201c"sv, "\""sv};

// Last words that make a name a place ("Black Sea", "Asia-Pacific Region").
constexpr std::array kPlaceHeads = {"Sea"sv,       "Ocean"sv,   "Region"sv,    "Gulf"sv,   "River"sv,
                                    "Island"sv,    "Islands"sv, "Peninsula"sv, "Valley"sv, "Coast"sv,
                                    "Mountains"sv, "Strait"sv,  "Bay"sv,       "Lake"sv,   "Province"sv};

// "NATO", "PCS", "U.S.": two or more capitals, perhaps with periods, and nothing in lower case.
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

class DocumentTagger {
 public:
  DocumentTagger(const Document& document, const text::Segments& segments, const Tagger& tagger,
                 const resolve::UserAliases* user_aliases)
      : text_(document.text),
        segments_(segments),
        tagger_(tagger),
        titles_(lexicon::Titles::embedded()),
        gazetteer_(resolve::Gazetteer::embedded()),
        user_aliases_(user_aliases) {}

  Tagging tag() {
    for (const auto& token : segments_.tokens) words_.push_back(slice(text_, token.span));
    result_.pos.resize(segments_.tokens.size());
    // The whole article at once: the tagger's second pass reads how each word was tagged elsewhere in it.
    std::vector<std::vector<std::string_view>> sentences;
    for (const text::Sentence& sentence : segments_.sentences) {
      std::vector<std::string_view>& words = sentences.emplace_back();
      for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t)
        words.push_back(treebank_form(word(t)));
    }
    const std::vector<std::vector<WordTags>> tags = tagger_.tag_document(sentences);
    for (std::size_t s = 0; s < segments_.sentences.size(); ++s) take_sentence(s, tags[s]);
    add_repeated_names();
    return std::move(result_);
  }

 private:
  std::string_view word(std::size_t token) const { return slice(text_, segments_.tokens[token].span); }

  void take_sentence(std::size_t s, const std::vector<WordTags>& tags) {
    const text::Sentence& sentence = segments_.sentences[s];
    std::vector<std::string_view> ner;
    for (std::size_t i = 0; i < tags.size(); ++i) {
      result_.pos[sentence.first_token + i] = tags[i].pos;
      ner.push_back(tags[i].ner);
    }
    std::vector<EntityChunk> chunks = entity_chunks(ner);
    join_coordinated_organization(sentence, chunks);
    split_coordinated_organization(sentence, chunks);
    join_organization_fields(sentence, chunks);
    join_premodifiers_to_organization(sentence, chunks);
    extend_over_name_particles(sentence, chunks);
    retag_given_name_before_and(sentence, chunks);
    add_bracketed_acronyms(sentence, chunks);
    add_addressed_surnames(sentence, chunks);
    add_gazetteer_names(sentence, ner, chunks);
    for (const EntityChunk& chunk : chunks)
      take_chunk(s, chunk.type, sentence.first_token + chunk.begin, sentence.first_token + chunk.end);
  }

  // "Department of Trade and Industry": the tagger ends an organisation's name at the "and" inside it.
  // Two organisations joined by "and" are one when the first names its field with "of" and the
  // second is more field words ("Ministry of Defence and Lockheed Martin" are two).
  void join_coordinated_organization(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) const {
    for (std::size_t c = 0; c + 1 < chunks.size(); ++c) {
      EntityChunk& first = chunks[c];
      const EntityChunk& second = chunks[c + 1];
      if (first.type != "ORG" || second.type != "ORG" || second.begin != first.end + 1) continue;
      if (word(sentence.first_token + first.end) != "and") continue;
      bool names_field = false;
      for (std::size_t i = first.begin; i < first.end && !names_field; ++i)
        names_field = word(sentence.first_token + i) == "of";
      if (!names_field) continue;
      bool field = true;
      for (std::size_t i = second.begin; i < second.end && field; ++i)
        field = is_field_word(sentence.first_token + i);
      if (!field) continue;
      first.end = second.end;
      chunks.erase(chunks.begin() + static_cast<std::ptrdiff_t>(c) + 1);
    }
  }

  // "Ministry of Defence and Boeing": the tagger runs an organisation whose name lists its field into
  // the next name after "and". Where the words after the "and" are no field words, they are a second
  // name.
  void split_coordinated_organization(const text::Sentence& sentence,
                                      std::vector<EntityChunk>& chunks) const {
    const auto at = [&](std::size_t i) { return sentence.first_token + i; };
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      const EntityChunk chunk = chunks[c];
      if (chunk.type != "ORG") continue;
      std::size_t field = chunk.begin;
      while (field + 1 < chunk.end && !(text::is_one_of(word(at(field)), kOrganizationHeads) &&
                                        (word(at(field + 1)) == "of" || word(at(field + 1)) == "for")))
        ++field;
      std::size_t conjunction = field + 2;
      while (conjunction < chunk.end && is_field_word(at(conjunction))) ++conjunction;
      if (field + 1 >= chunk.end || conjunction == field + 2 || conjunction + 1 >= chunk.end ||
          word(at(conjunction)) != "and")
        continue;
      bool second_is_field = true;
      for (std::size_t i = conjunction + 1; i < chunk.end && second_is_field; ++i)
        second_is_field = is_field_word(at(i));
      if (second_is_field) continue;
      chunks[c].end = conjunction;
      chunks.insert(chunks.begin() + static_cast<std::ptrdiff_t>(c) + 1,
                    EntityChunk{"ORG", conjunction + 1, chunk.end});
    }
  }

  // A word of the field an organisation's name lists: a common noun or adjective written with a
  // capital ("Trade", "Medium-Sized", "Enterprises"), not a name of its own ("Lockheed") nor a title.
  bool is_field_word(std::size_t t) const {
    const std::string_view w = word(t);
    if (!starts_upper(t) || titles_.is_head(w) || text::is_one_of(w, kOrganizationHeads)) return false;
    for (std::size_t start = 0; start <= w.size();) {
      std::size_t end = w.find('-', start);
      if (end == std::string_view::npos) end = w.size();
      if (!lexicon::LowercaseWords::embedded().contains(w.substr(start, end - start))) return false;
      start = end + 1;
    }
    return true;
  }

  // "Ministry of Economic Affairs, Finance and Industry", "State Secretariat for Small and Medium-Sized
  // Enterprises, Trade, and Craft Industries": after an organisation's head word and "of" or "for",
  // the name runs on over a list of field words joined by commas and "and", which the tagger cuts
  // into pieces. The list stops at a word that is a name of its own, at "of the", and before a last
  // item that only modifies a name after it ("... and Interior Minister X").
  void join_organization_fields(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) const {
    const std::size_t n = sentence.end_token - sentence.first_token;
    const auto at = [&](std::size_t i) { return sentence.first_token + i; };
    for (std::size_t head = 0; head + 2 < n; ++head) {
      if (!text::is_one_of(word(at(head)), kOrganizationHeads)) continue;
      if (word(at(head + 1)) != "of" && word(at(head + 1)) != "for") continue;
      std::size_t end = head + 1;  // one past the last item taken
      for (std::size_t next = head + 2;;) {
        std::size_t item_end = next;
        while (item_end < n && is_field_word(at(item_end))) ++item_end;
        if (item_end == next) break;
        if (item_end < n && starts_upper(at(item_end))) break;  // modifies the name that follows
        end = item_end;
        std::size_t after = item_end;
        if (after < n && word(at(after)) == ",") ++after;
        if (after < n && (word(at(after)) == "and" || word(at(after)) == "&")) ++after;
        if (after == item_end) break;
        next = after;
      }
      if (end <= head + 2) continue;
      std::size_t begin = head;
      while (begin > 0 && starts_upper(at(begin - 1)) && at(begin - 1) != sentence.first_token &&
             !gazetteer_.country_of_demonym(word(at(begin - 1))))
        --begin;
      // The tagger's chunks it overlaps join it: the name only ever grows.
      for (const EntityChunk& chunk : chunks)
        if (chunk.begin < end && chunk.end > begin) {
          begin = std::min(begin, chunk.begin);
          end = std::max(end, chunk.end);
        }
      chunks.erase(
          std::remove_if(chunks.begin(), chunks.end(),
                         [&](const EntityChunk& chunk) { return chunk.begin < end && chunk.end > begin; }),
          chunks.end());
      chunks.push_back(EntityChunk{"ORG", begin, end});
      std::sort(chunks.begin(), chunks.end(),
                [](const EntityChunk& a, const EntityChunk& b) { return a.begin < b.begin; });
      head = end - 1;
    }
  }

  // "the Russian Aerospace Agency", "Russian Railways", "the new Nuclear Decommissioning Agency": an
  // organisation's name that ends in a head word runs back over the capitalised words the tagger
  // left out before it, and over a country's adjective, which then ends it. The adjective still
  // stands for its country as well (add_demonyms, when the chunk is taken).
  void join_premodifiers_to_organization(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) {
    const auto at = [&](std::size_t i) { return sentence.first_token + i; };
    const std::size_t n = sentence.end_token - sentence.first_token;
    // A head word the tagger left out with no chunk around it ("the Russian Foreign Ministry") starts
    // one; it is kept only if it runs back over words of a name.
    std::vector<bool> in_chunk(n, false);
    for (const EntityChunk& chunk : chunks)
      for (std::size_t i = chunk.begin; i < chunk.end; ++i) in_chunk[i] = true;
    std::vector<std::size_t> seeds;
    for (std::size_t i = 1; i < n; ++i)
      if (!in_chunk[i] && !in_chunk[i - 1] && text::is_one_of(word(at(i)), kOrganizationHeads)) {
        chunks.push_back(EntityChunk{"ORG", i, i + 1});
        seeds.push_back(i);
      }
    std::sort(chunks.begin(), chunks.end(),
              [](const EntityChunk& a, const EntityChunk& b) { return a.begin < b.begin; });
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      // "Indian Space Research" + "Organisation": a head word the tagger left out ends the name.
      if (chunks[c].end < n && (c + 1 == chunks.size() || chunks[c + 1].begin > chunks[c].end) &&
          text::is_one_of(word(at(chunks[c].end)), kOrganizationHeads))
        ++chunks[c].end;
      if (!has_organization_head(at(chunks[c].begin), at(chunks[c].end))) continue;
      while (chunks[c].begin > 0) {
        const std::size_t before = chunks[c].begin - 1;
        const bool chunk_before = c > 0 && chunks[c - 1].end == chunks[c].begin;
        if (gazetteer_.country_of_demonym(word(at(before))) && !gazetteer_.find_place(word(at(before)))) {
          if (chunk_before) {
            if (chunks[c - 1].end - chunks[c - 1].begin != 1) break;  // a longer name, not an adjective
            chunks.erase(chunks.begin() + static_cast<std::ptrdiff_t>(c) - 1);
            --c;
            joined_demonyms_.push_back(at(before));
          }
          chunks[c].begin = before;
          break;
        }
        if (chunk_before || before == 0 || !starts_upper(at(before)) || word(at(before)) == "The" ||
            !(result_.pos[at(before)].starts_with("NNP") || result_.pos[at(before)] == "JJ"))
          break;
        chunks[c].begin = before;
      }
      chunks[c].type = "ORG";
    }
    chunks.erase(std::remove_if(chunks.begin(), chunks.end(),
                                [&](const EntityChunk& chunk) {
                                  return chunk.end - chunk.begin == 1 &&
                                         std::find(seeds.begin(), seeds.end(), chunk.begin) != seeds.end();
                                }),
                 chunks.end());
  }

  // "Moscow State Institute of International Relations (MGIMO)": capitals in brackets right after an
  // organisation's or a place's name are its acronym, even one the tagger has never seen; the resolver
  // joins the two, and the acronym's later uses are found as repeats of a name.
  void add_bracketed_acronyms(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) const {
    const std::size_t n = sentence.end_token - sentence.first_token;
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      const std::size_t open = chunks[c].end;
      if (chunks[c].type == "PER" || open + 2 >= n || word(sentence.first_token + open) != "(" ||
          word(sentence.first_token + open + 2) != ")" || !is_acronym(word(sentence.first_token + open + 1)))
        continue;
      if (c + 1 < chunks.size() && chunks[c + 1].begin == open + 1) continue;  // tagged already
      chunks.insert(chunks.begin() + static_cast<std::ptrdiff_t>(c) + 1,
                    EntityChunk{chunks[c].type, open + 1, open + 2});
    }
  }

  // "Mr. King said": a capitalised word after Mr, Mrs, Ms or Dr is a surname even where the tagger,
  // which knows "King" as a title, marked nothing.
  void add_addressed_surnames(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) const {
    const std::size_t n = sentence.end_token - sentence.first_token;
    std::size_t c = 0;
    for (std::size_t i = 0; i + 1 < n; ++i) {
      while (c < chunks.size() && chunks[c].end <= i + 1) ++c;
      const bool tagged = c < chunks.size() && chunks[c].begin <= i + 1;
      if (tagged || !text::is_one_of(word(sentence.first_token + i), kSurnameAddresses) ||
          !starts_upper(sentence.first_token + i + 1) || is_acronym(word(sentence.first_token + i + 1)))
        continue;
      chunks.insert(chunks.begin() + static_cast<std::ptrdiff_t>(c), EntityChunk{"PER", i + 1, i + 2});
    }
  }

  // "Vladimir and Lyudmila Putin": a lone capitalised word joined by "and" to a person's full name is
  // a given name sharing that surname, even where it is also a town's name; the resolver gives it
  // the surname. A country or an acronym stays what it is ("Russia and Jacques Chirac").
  void retag_given_name_before_and(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) const {
    for (std::size_t c = 0; c + 1 < chunks.size(); ++c) {
      EntityChunk& first = chunks[c];
      const EntityChunk& second = chunks[c + 1];
      if (first.type == "PER" || first.end - first.begin != 1 || second.type != "PER" ||
          second.end - second.begin < 2 || second.begin != first.end + 1 ||
          word(sentence.first_token + first.end) != "and")
        continue;
      const std::string_view name = word(sentence.first_token + first.begin);
      const auto place = gazetteer_.find_place(name);
      if (is_acronym(name) || (place && place->kind == resolve::PlaceKind::Country) ||
          gazetteer_.country_of_demonym(name))
        continue;
      first.type = "PER";
    }
  }

  // "Saud al-Faisal bin Abdul-Aziz al-Saud", "Ludwig van Beethoven": a person's name runs on through
  // the particles of Arabic, Dutch, German or Spanish names and the capitalised words they join,
  // which the tagger, trained on shorter names, cuts up.
  void extend_over_name_particles(const text::Sentence& sentence, std::vector<EntityChunk>& chunks) const {
    const auto is_particle = [&](std::size_t t) { return is_name_particle(word(t)); };
    const std::size_t n = sentence.end_token - sentence.first_token;
    for (std::size_t c = 0; c < chunks.size(); ++c) {
      if (chunks[c].type != "PER") continue;
      std::size_t end = chunks[c].end;
      std::size_t extended = end;
      while (end < n && is_particle(sentence.first_token + end)) {
        ++end;
        while (end < n && starts_upper(sentence.first_token + end) &&
               !is_particle(sentence.first_token + end))
          ++end;
        extended = end;
      }
      if (extended == chunks[c].end) continue;
      chunks[c].end = extended;
      // Chunks the longer name now covers are part of it.
      chunks.erase(std::remove_if(chunks.begin() + c + 1, chunks.end(),
                                  [&](const EntityChunk& other) { return other.begin < extended; }),
                   chunks.end());
    }
  }

  // Countries and international organisations the tagger left untagged ("in Prague U.S. President
  // ..."): capitalised words that the gazetteers know, added as chunks in word order.
  void add_gazetteer_names(const text::Sentence& sentence, const std::vector<std::string_view>& ner,
                           std::vector<EntityChunk>& chunks) const {
    constexpr std::size_t kLongestName = 4;
    const std::size_t n = ner.size();
    std::vector<bool> in_chunk(n, false);
    for (const EntityChunk& chunk : chunks)
      for (std::size_t i = chunk.begin; i < chunk.end; ++i) in_chunk[i] = true;
    for (std::size_t i = 0; i < n; ++i) {
      if (ner[i] != "O" || in_chunk[i] || !starts_upper(sentence.first_token + i)) continue;
      for (std::size_t length = std::min(kLongestName, n - i); length > 0; --length) {
        bool free = true;
        for (std::size_t k = i; k < i + length && free; ++k)
          free = ner[k] == "O" && !in_chunk[k] && starts_upper(sentence.first_token + k);
        if (!free) continue;
        const Span span{segments_.tokens[sentence.first_token + i].span.begin,
                        segments_.tokens[sentence.first_token + i + length - 1].span.end};
        const std::string_view name = slice(text_, span);
        std::string_view type;
        if (const auto place = gazetteer_.find_place(name);
            place && place->kind == resolve::PlaceKind::Country)
          type = "LOC";
        else if (gazetteer_.find_organization(name) && (length > 1 || is_acronym(name)))
          type = "ORG";
        else if (length == 1 && text::is_one_of(name, kSingleBodies))
          type = "ORG";
        else if (lexicon::Parties::embedded().party_of(name) && i + length < n &&
                 titles_.is_title_word(word(sentence.first_token + i + length)))
          type = "ORG";  // "Conservative leader", "GOP nominee"
        if (type.empty()) continue;
        chunks.push_back(EntityChunk{type, i, i + length});
        i += length - 1;
        break;
      }
    }
    std::sort(chunks.begin(), chunks.end(),
              [](const EntityChunk& a, const EntityChunk& b) { return a.begin < b.begin; });
  }

  // A name the user listed, or one tagged once, is that name where the tagger missed it ("PCS leader
  // Mark Serwotka" after "the Public and Commercial Services Union (PCS)").
  void add_repeated_names() {
    std::map<std::vector<std::string_view>, EntityType> names;
    if (user_aliases_)
      for (const auto& name : user_aliases_->names)
        names.emplace(std::vector<std::string_view>(name.words.begin(), name.words.end()), name.type);
    std::vector<bool> covered(words_.size(), false);
    for (const Mention& mention : result_.mentions) {
      names.emplace(std::vector<std::string_view>(words_.begin() + mention.first_token,
                                                  words_.begin() + mention.end_token),
                    mention.type);
      for (std::size_t t = mention.first_token; t < mention.end_token; ++t) covered[t] = true;
    }
    std::vector<Mention> found;
    for (std::size_t s = 0; s < segments_.sentences.size(); ++s) {
      const text::Sentence& sentence = segments_.sentences[s];
      for (std::size_t t = sentence.first_token; t < sentence.end_token; ++t) {
        if (covered[t] || !starts_upper(t)) continue;
        for (const auto& [name, type] : names) {
          const std::size_t end = t + name.size();
          if (end > sentence.end_token || !std::equal(name.begin(), name.end(), words_.begin() + t)) continue;
          if (std::any_of(covered.begin() + t, covered.begin() + end, [](bool c) { return c; })) continue;
          // Part of a longer capitalised name is not the same name ("Putin" in "Lyudmila Putin").
          if ((t > sentence.first_token && starts_upper(t - 1) && t - 1 != sentence.first_token) ||
              (end < sentence.end_token && starts_upper(end)))
            continue;
          // A common word that opens a sentence is no name however it was tagged elsewhere.
          if (type != EntityType::Organization && is_capitalised_common_words(s, t, end)) continue;
          found.push_back(Mention{Span{segments_.tokens[t].span.begin, segments_.tokens[end - 1].span.end},
                                  type, s, t, end});
          t = end - 1;
          break;
        }
      }
    }
    result_.mentions.insert(result_.mentions.end(), found.begin(), found.end());
    std::sort(result_.mentions.begin(), result_.mentions.end(),
              [](const Mention& a, const Mention& b) { return a.first_token < b.first_token; });
  }

  bool starts_upper(std::size_t token) const { return text::starts_with_capital_or_digit(word(token)); }

  bool has_organization_head(std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t)
      if (text::is_one_of(word(t), kOrganizationHeads)) return true;
    return false;
  }

  // The end of the title that starts at `begin`, or `begin` when none does. A chunk that opens inside
  // a title ("Under Secretary for" + "Arms Control and International Security Ellen Tauscher")
  // continues it without a head word of its own.
  std::size_t title_end(std::size_t begin, std::size_t end) const {
    const bool continues =
        begin > 0 && (titles_.is_title_word(words_[begin - 1]) ||
                      (begin > 1 && (words_[begin - 1] == "for" || words_[begin - 1] == "of") &&
                       titles_.is_title_word(words_[begin - 2])));
    return titles_.title_end(words_, begin, end, continues);
  }

  // Cleans a chunk of the tagger's and adds what it names. The tagger, trained on short news names,
  // often takes a title into a name ("NATO Secretary-General Anders"): the title splits the chunk
  // into an organisation or place before it and a person after it.
  void take_chunk(std::size_t sentence, std::string_view type, std::size_t begin, std::size_t end) {
    while (begin < end && (!starts_upper(begin) || (word(begin) == "The" && end - begin > 1))) ++begin;
    while (end > begin && !starts_upper(end - 1) && !word(end - 1).starts_with("al-")) --end;
    if (begin >= end) return;
    // "Mr. Stenger" is a person's name whatever the tagger took it for.
    if (type == "MISC" && end - begin >= 2 && text::is_one_of(word(begin), kSurnameAddresses)) type = "PER";
    // "Mr. King": the tagger may leave the form of address out of the name it marks.
    if (type == "PER" && begin > segments_.sentences[sentence].first_token &&
        text::is_one_of(word(begin - 1), kHonorifics) && !text::is_one_of(word(begin), kHonorifics))
      --begin;
    if (type == "MISC") {
      const std::string_view name =
          slice(text_, Span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end});
      // "Republican nominee", "Lib Dem spokesman": a party named by its adjective.
      if (lexicon::Parties::embedded().party_of(name)) {
        add(sentence, EntityType::Organization, begin, end);
      } else if (has_organization_head(begin, end)) {
        // "a Commons statement", "Commons Speaker": the body without the title after it.
        while (end - begin > 1 && titles_.is_title_word(word(end - 1))) --end;
        add(sentence, EntityType::Organization, begin, end);
      } else if (const std::size_t party_end = party_before_titles(begin, end); party_end != begin) {
        add(sentence, EntityType::Organization, begin, party_end);  // "Labour MPs"
      } else if (end - begin == 1) {
        // "French", or a country's short name used as its adjective before a noun or an adjective
        // of its sentence, which stands for its country as "French" does ("Saudi Foreign Minister");
        // not before other words ("a deal with Emirates to sponsor" names the airline).
        const auto place = gazetteer_.find_place(name);
        const bool before_noun = end < segments_.sentences[sentence].end_token &&
                                 (result_.pos[end].starts_with("NN") || result_.pos[end].starts_with("JJ"));
        if (!gazetteer_.country_of_demonym(name) && before_noun && place &&
            place->kind == resolve::PlaceKind::Country)
          result_.demonyms.push_back(DemonymMention{begin, place->canonical, segments_.tokens[begin].span});
        else
          add_demonyms(begin);
      }
      return;
    }
    // "President of Uganda Yoweri Museveni": the tagger runs the country into the person's name.
    if (end - begin >= 3 && (type == "PER" || (begin >= 2 && word(begin - 1) == "of" &&
                                               titles_.is_title_word(word(begin - 2))))) {
      const Span first = segments_.tokens[begin].span;
      if (const auto place = gazetteer_.find_place(slice(text_, first));
          place && place->kind == resolve::PlaceKind::Country) {
        add(sentence, EntityType::Place, begin, begin + 1);
        add(sentence, EntityType::Person, begin + 1, end);
        return;
      }
    }
    if (std::find(joined_demonyms_.begin(), joined_demonyms_.end(), begin) != joined_demonyms_.end())
      add_demonyms(begin);
    const std::size_t n = end - begin;
    // Laws and treaties are no entities of ours.
    if (n >= 2 && text::is_one_of(word(end - 1), kDocumentHeads)) return;
    if (abbreviates_common_words(begin, end)) return;
    // "Lord Falconer", "Mr Lammy", "Lord Chancellor Lord Falconer": a form of address before a name
    // makes it a person's; the name is what follows the forms of address and titles, as the tagger
    // mostly marks it ("Lammy" then joins "David Lammy"). "Mr President" names no one.
    if (n >= 2 && text::is_one_of(word(begin), kHonorifics) && !has_organization_head(begin, end) &&
        !text::is_one_of(word(end - 1), kPlaceHeads)) {
      // "Mr Putin and Mr Bush", which the tagger may take as one name, is two people.
      for (std::size_t t = begin + 1; t + 1 < end; ++t)
        if (word(t) == "and" && text::is_one_of(word(t + 1), kHonorifics)) {
          take_chunk(sentence, type, begin, t);
          take_chunk(sentence, type, t + 1, end);
          return;
        }
      std::size_t name = begin;
      while (name < end && (text::is_one_of(word(name), kHonorifics) || titles_.is_title_word(word(name))))
        ++name;
      end = end_before_home_place(sentence, name, end);
      // "Mr King said" names Mr King: a title word after the form of address is a surname, unless
      // it addresses the holder of an office ("Thank you, Mr President, ...").
      if (name == end && text::is_one_of(word(end - 2), kSurnameAddresses) &&
          !is_vocative(sentence, begin, end))
        --name;
      if (name < end) add(sentence, EntityType::Person, name, end);
      return;
    }
    // "Lib Dem Norman Baker": a party's short name before a person's name, which the tagger took
    // into one organisation. The rest is a person's when it is two or more capitalised words that
    // are no common words, no title and no body.
    if (const std::size_t party_end = party_prefix_end(begin, end); type != "PER" && party_end != begin) {
      bool person = end - party_end >= 2 && !has_organization_head(party_end, end) &&
                    !text::is_one_of(word(end - 1), kPlaceHeads);
      for (std::size_t t = party_end; t < end && person; ++t)
        person = starts_upper(t) && !common_words_.contains(word(t)) && !titles_.is_title_word(word(t));
      if (person) {
        add(sentence, EntityType::Organization, begin, party_end);
        add(sentence, EntityType::Person, party_end, end);
        return;
      }
    }
    const EntityType tagged = type == "PER"   ? EntityType::Person
                              : type == "ORG" ? EntityType::Organization
                                              : EntityType::Place;
    if (has_organization_head(begin, end)) {
      // "Commons Speaker", "Foreign Ministry spokesman Alexander Lukashevich": a title right after the
      // body's last head word is no part of its name, and a name after the title is a person's.
      std::size_t title = begin;
      for (std::size_t t = begin; t < end; ++t)
        if (text::is_one_of(word(t), kOrganizationHeads)) title = t + 1;
      if (const std::size_t after_title = title < end ? title_end(title, end) : title; after_title != title) {
        add(sentence, EntityType::Organization, begin, title);
        if (after_title < end) add(sentence, EntityType::Person, after_title, end);
        return;
      }
      add(sentence, EntityType::Organization, begin, end);
      return;
    }
    for (std::size_t t = begin; t < end; ++t) {
      const std::size_t after_title = title_end(t, end);
      if (after_title == t) continue;
      // "Charlie King": a title word that ends a person's name after its first names is a surname;
      // titles come before the name they qualify.
      if (tagged == EntityType::Person && t > begin && after_title == end && are_first_names(begin, t)) break;
      if (t > begin)
        add(sentence, tagged == EntityType::Person ? EntityType::Organization : tagged, begin, t);
      // "Secretary-General of NATO": what follows "of" is whom the title is of, not its holder.
      if (after_title + 1 < end && word(after_title) == "of")
        add(sentence, tagged == EntityType::Person ? EntityType::Organization : tagged, after_title + 1, end);
      else if (after_title < end)
        add(sentence, EntityType::Person, after_title, end_before_home_place(sentence, after_title, end));
      return;
    }
    add(sentence, tagged, begin, end);
  }

  // "Rep. Elijah Cummings of Maryland": a place after "of" at the end of a person's name is where
  // the person comes from or stands for; it is named as a place of its own, and the name ends before
  // it. Returns where the name ends.
  std::size_t end_before_home_place(std::size_t sentence, std::size_t begin, std::size_t end) {
    for (std::size_t of = begin + 1; of + 1 < end; ++of) {
      if (word(of) != "of") continue;
      const std::string_view place =
          slice(text_, Span{segments_.tokens[of + 1].span.begin, segments_.tokens[end - 1].span.end});
      if (!gazetteer_.find_place(place)) return end;
      add(sentence, EntityType::Place, of + 1, end);
      return of;
    }
    return end;
  }

  // True when the words [begin, end) are set off as a form of address: between the sentence's start,
  // a comma or an opening quotation mark and a comma, a stop or the sentence's end.
  bool is_vocative(std::size_t sentence, std::size_t begin, std::size_t end) const {
    const text::Sentence& bounds = segments_.sentences[sentence];
    const bool opens = begin == bounds.first_token || text::is_one_of(word(begin - 1), kVocativeBounds);
    const bool closes = end == bounds.end_token || text::is_one_of(word(end), kVocativeBounds);
    return opens && closes;
  }

  // True when [begin, end) could be a person's first names: capitalised words that are no common
  // word, title, demonym or place ("Charlie", not "Russian" or "NATO").
  bool are_first_names(std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t) {
      const std::string_view w = word(t);
      if (!starts_upper(t) || w.size() < 2 || std::isupper(static_cast<unsigned char>(w[1])) ||
          common_words_.contains(w) || titles_.is_title_word(w) || gazetteer_.country_of_demonym(w) ||
          gazetteer_.find_place(w))
        return false;
    }
    return true;
  }

  // The end of a party's short name (one or two words) that opens [begin, end) with more words after
  // it ("Lib Dem" in "Lib Dem Norman Baker"), or `begin` when there is none.
  std::size_t party_prefix_end(std::size_t begin, std::size_t end) const {
    for (std::size_t party_end = std::min(begin + 2, end - 1); party_end > begin; --party_end) {
      const std::string_view party =
          slice(text_, Span{segments_.tokens[begin].span.begin, segments_.tokens[party_end - 1].span.end});
      if (lexicon::Parties::embedded().party_of(party)) return party_end;
    }
    return begin;
  }

  // The end of a party's short name that opens [begin, end) and is followed by titles only ("Labour
  // MPs", "Conservative backbench MPs"), or `begin` when there is none.
  std::size_t party_before_titles(std::size_t begin, std::size_t end) const {
    const std::size_t party_end = party_prefix_end(begin, end);
    for (std::size_t t = party_end; t < end; ++t) {
      std::string_view w = word(t);
      if (w.ends_with('s') && !titles_.is_title_word(w)) w.remove_suffix(1);  // "MPs"
      if (!titles_.is_title_word(w)) return begin;
    }
    return party_end;
  }

  // "intermediate level waste (ILW)": an acronym in brackets made of the initials of the lower-case
  // words before it abbreviates a common noun phrase and names nothing.
  bool abbreviates_common_words(std::size_t begin, std::size_t end) const {
    if (end - begin != 1 || begin == 0 || end >= words_.size() || words_[begin - 1] != "(" ||
        words_[end] != ")")
      return false;
    const std::string_view acronym = words_[begin];
    if (!is_acronym(acronym) || acronym.find('.') != std::string_view::npos) return false;
    if (begin < acronym.size() + 1) return false;
    for (std::size_t i = 0; i < acronym.size(); ++i) {
      const std::string_view w = words_[begin - 1 - acronym.size() + i];
      if (w.empty() || w[0] != acronym[i] - 'A' + 'a') return false;
    }
    return true;
  }

  // A country's adjective ("Russian"), or several joined by hyphens ("Russian-French"), each part
  // standing for its country.
  void add_demonyms(std::size_t token) {
    const Span span = segments_.tokens[token].span;
    std::size_t start = span.begin;
    while (start <= span.end) {
      std::size_t end = text_.find('-', start);
      if (end == std::string_view::npos || end > span.end) end = span.end;
      if (const auto country = gazetteer_.country_of_demonym(text_.substr(start, end - start)))
        result_.demonyms.push_back(DemonymMention{token, *country, Span{start, end}});
      start = end + 1;
    }
  }

  bool only_name_words_between(std::size_t from, std::size_t to) const {
    for (std::size_t t = from; t < to; ++t)
      if (!starts_upper(t) || titles_.is_title_word(word(t)) || !result_.pos[t].starts_with("NNP") ||
          is_reporting_verb(t))
        return false;
    return from <= to;
  }

  // "Calls" in the headline "Chris Christie Calls Hillary Clinton ...": a verb of saying, written
  // with a capital, stands between two names rather than inside one.
  bool is_reporting_verb(std::size_t t) const {
    return !lexicon::ReportingCues::embedded().starting_with(text::ascii_lower(word(t))).empty();
  }

  // Capitals that only open a sentence or stand in a title-case headline ("Life proved ...", "Christie
  // Calls Clinton a Disgrace Over Police Shooting Comments") make common words look like names.
  bool is_capitalised_common_words(std::size_t sentence, std::size_t begin, std::size_t end) const {
    for (std::size_t t = begin; t < end; ++t)
      if (!common_words_.contains(word(t))) return false;
    const text::Sentence& s = segments_.sentences[sentence];
    std::size_t opening = s.first_token;
    while (opening < s.end_token && !text::starts_with_capital_or_digit(word(opening))) ++opening;
    if (begin == opening) return true;
    // A sentence or clause also opens after a colon, a bracket or an opening quotation mark
    // ("WARNING: Video contains ...", "say, ‘Look, this is not who we are.’").
    if (begin > s.first_token) {
      const std::string_view before = word(begin - 1);
      if (before == ":" || before == "(" || before == "\u2018" || before == "\u201C" || before == "\"" ||
          before == "'")
        return true;
    }
    std::size_t words = 0, capitalised = 0;
    for (std::size_t t = s.first_token; t < s.end_token; ++t) {
      const unsigned char c = static_cast<unsigned char>(word(t)[0]);
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) continue;
      ++words;
      if (c >= 'A' && c <= 'Z') ++capitalised;
    }
    return words >= 4 && capitalised * 10 >= words * 6;
  }

  void add(std::size_t sentence, EntityType type, std::size_t begin, std::size_t end) {
    if (is_capitalised_common_words(sentence, begin, end) &&
        !lexicon::Parties::embedded().party_of(word(begin))) {
      const std::string_view name =
          slice(text_, Span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end});
      if (!gazetteer_.find_place(name) && !gazetteer_.find_organization(name)) return;
    }
    if (end - begin == 1 && type != EntityType::Person && gazetteer_.country_of_demonym(word(begin))) {
      add_demonyms(begin);
      return;
    }
    const Span span{segments_.tokens[begin].span.begin, segments_.tokens[end - 1].span.end};
    const std::string_view name = slice(text_, span);
    if (text::is_one_of(word(end - 1), kPlaceHeads) && end - begin > 1) {
      type = EntityType::Place;
    } else if (type != EntityType::Person) {
      // Countries are places even where they act ("Russia says"); alliances are organisations
      // even where they sound like places, unless they follow a place and a comma ("Charlotte, N.C.").
      const bool after_place = begin >= 2 && word(begin - 1) == "," && !result_.mentions.empty() &&
                               result_.mentions.back().end_token == begin - 1 &&
                               result_.mentions.back().type == EntityType::Place;
      if (const auto place = gazetteer_.find_place(name); place && place->kind == resolve::PlaceKind::Country)
        type = EntityType::Place;
      else if (gazetteer_.find_organization(name) && !(type == EntityType::Place && after_place))
        type = EntityType::Organization;
    }
    // Pieces of one person's name, split by the tagger ("Anders" + "Fogh" + "Rasmussen"), join.
    if (!result_.mentions.empty()) {
      Mention& previous = result_.mentions.back();
      if (previous.sentence == sentence && previous.type == EntityType::Person &&
          type == EntityType::Person && only_name_words_between(previous.end_token, begin)) {
        previous.end_token = end;
        previous.span.end = span.end;
        return;
      }
    }
    result_.mentions.push_back(Mention{span, type, sentence, begin, end});
  }

  std::string_view text_;
  const text::Segments& segments_;
  const Tagger& tagger_;
  const lexicon::Titles& titles_;
  const resolve::Gazetteer& gazetteer_;
  const lexicon::CommonWords& common_words_ = lexicon::CommonWords::embedded();
  const resolve::UserAliases* user_aliases_;
  std::vector<std::string_view> words_;  // every token's text
  // Tokens of a country's adjective that join_premodifiers_to_organization took into a name.
  std::vector<std::size_t> joined_demonyms_;
  Tagging result_;
};

}  // namespace

bool is_organization_head(std::string_view word) {
  return text::is_one_of(word, kOrganizationHeads);
}

bool is_name_particle(std::string_view w) {
  return w == "bin" || w == "ibn" || w == "bint" || w == "al" || w == "el" || w == "van" || w == "von" ||
         w == "der" || w == "de" || w == "da" || w == "dos" || w == "del" || w.starts_with("al-") ||
         w.starts_with("el-");
}

std::string_view treebank_form(std::string_view token) {
  if (token == "\u201C" || token == "\u00AB") return "``";
  if (token == "\u201D" || token == "\u00BB") return "''";
  if (token == "\u2018" || token == "\u2019") return "'";
  if (token == "\u2014" || token == "\u2013") return "--";
  if (token == "\u2026") return "...";
  if (token == "n\u2019t") return "n't";
  if (token == "\u2019s") return "'s";
  return token;
}

Tagging tag_document(const Document& document, const text::Segments& segments, const Tagger& tagger,
                     const resolve::UserAliases* user_aliases) {
  return DocumentTagger(document, segments, tagger, user_aliases).tag();
}

std::string_view to_string(EntityType type) {
  switch (type) {
    case EntityType::Person: return "person";
    case EntityType::Organization: return "organization";
    case EntityType::Place: return "place";
  }
  return "";
}

}  // namespace newsgraph::tag
