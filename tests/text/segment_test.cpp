#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsgraph/text/segment.hpp"

using newsgraph::Document;
using newsgraph::slice;
using newsgraph::text::segment;

namespace {

Document document_of(std::string text) {
  Document document;
  document.id = "test";
  document.text = std::move(text);
  return document;
}

std::vector<std::string> tokens_of(const Document& document) {
  const auto segments = segment(document);
  std::vector<std::string> words;
  for (const auto& token : segments.tokens) words.emplace_back(slice(document.text, token.span));
  return words;
}

std::vector<std::string> sentences_of(const Document& document) {
  const auto segments = segment(document);
  std::vector<std::string> sentences;
  for (const auto& sentence : segments.sentences) sentences.emplace_back(slice(document.text, sentence.span));
  return sentences;
}

}  // namespace

TEST_CASE("tokens follow the Penn Treebank conventions but keep abbreviations whole", "[text]") {
  const auto document =
      document_of("Russia's U.S. partners won't say \u201Cno,\u201D Mr. Smith said (twice).");
  CHECK(tokens_of(document) == std::vector<std::string>{"Russia", "'s", "U.S.", "partners", "wo", "n't",
                                                        "say", "\u201C", "no", ",", "\u201D", "Mr.", "Smith",
                                                        "said", "(", "twice", ")", "."});
}

TEST_CASE("dashes and ellipses split words that have no spaces around them", "[text]") {
  const auto document = document_of("expand to the East\u2026 Now security \u2013 and not weaken it");
  CHECK(tokens_of(document) == std::vector<std::string>{"expand", "to", "the", "East", "\u2026", "Now",
                                                        "security", "\u2013", "and", "not", "weaken", "it"});
}

TEST_CASE("the splitter does not end sentences at abbreviations and initials", "[text]") {
  const auto document = document_of(
      "Mr. Smith met Dr. Jones in St. Petersburg on Sept. 12. J. Smith spoke to Gen. Lee. "
      "The U.S. Navy agreed. It was late, said Del. Stacey Plaskett.");
  CHECK(sentences_of(document) ==
        std::vector<std::string>{"Mr. Smith met Dr. Jones in St. Petersburg on Sept. 12.",
                                 "J. Smith spoke to Gen. Lee.", "The U.S. Navy agreed.",
                                 "It was late, said Del. Stacey Plaskett."});
}

TEST_CASE("an abbreviation at the end of a sentence closes it before a sentence opener", "[text]") {
  const auto document = document_of("The system was built by the U.S. The next day it failed.");
  CHECK(sentences_of(document) ==
        std::vector<std::string>{"The system was built by the U.S.", "The next day it failed."});
}

TEST_CASE("a state's abbreviation keeps its period and ends a sentence before a capital", "[text]") {
  const auto document = document_of("Fresno, Calif., police came. They live in Fresno, Calif. Police left.");
  CHECK(tokens_of(document) == std::vector<std::string>{"Fresno", ",", "Calif.", ",", "police", "came", ".",
                                                        "They", "live", "in", "Fresno", ",", "Calif.",
                                                        "Police", "left", "."});
  CHECK(sentences_of(document) == std::vector<std::string>{"Fresno, Calif., police came.",
                                                           "They live in Fresno, Calif.", "Police left."});
  // Only after a city's comma on the same line: elsewhere the word is a word.
  CHECK(tokens_of(document_of("They sang at Midnight Mass.")) ==
        std::vector<std::string>{"They", "sang", "at", "Midnight", "Mass", "."});
  CHECK(tokens_of(document_of("We sold pears,\nMass. General said.")) ==
        std::vector<std::string>{"We", "sold", "pears", ",", "Mass", ".", "General", "said", "."});
}

TEST_CASE("closing quotation marks stay with their sentence", "[text]") {
  const auto document = document_of(
      "\u201CNo results have been yielded.\u201D \u201CIn the meantime, it grew,\u201D he stated. "
      "She said: \"We agree.\" Then she left!");
  CHECK(sentences_of(document) == std::vector<std::string>{"\u201CNo results have been yielded.\u201D",
                                                           "\u201CIn the meantime, it grew,\u201D he stated.",
                                                           "She said: \"We agree.\"", "Then she left!"});
}

TEST_CASE("a paragraph break always ends a sentence", "[text]") {
  const auto document = document_of("First line without a stop\nSecond paragraph.\n\nThird one.");
  const auto segments = segment(document);
  REQUIRE(segments.paragraphs.size() == 3);
  CHECK(sentences_of(document) ==
        std::vector<std::string>{"First line without a stop", "Second paragraph.", "Third one."});
  CHECK(segments.sentences[2].paragraph == 2);
}

TEST_CASE("quotations are found with straight and curly marks", "[text]") {
  const auto document =
      document_of("He said \"we agree\" and \u201Cthey do not.\u201D Then \u201Cone. Two.\u201D");
  const auto segments = segment(document);
  REQUIRE(segments.quotations.size() == 3);
  CHECK(slice(document.text, segments.quotations[0].content) == "we agree");
  CHECK(slice(document.text, segments.quotations[0].outer) == "\"we agree\"");
  CHECK(slice(document.text, segments.quotations[1].content) == "they do not.");
  CHECK(slice(document.text, segments.quotations[2].content) == "one. Two.");
  for (const auto& quotation : segments.quotations) CHECK(quotation.closed);
}

TEST_CASE("a quotation that runs on into the next paragraph is one stretch per paragraph", "[text]") {
  const auto document = document_of(
      "\u201CThe first part runs on.\n\u201CThe second part ends here,\u201D she said.\n\"Straight, "
      "too.\n\"Yes.\"");
  const auto segments = segment(document);
  REQUIRE(segments.quotations.size() == 4);
  CHECK(slice(document.text, segments.quotations[0].content) == "The first part runs on.");
  CHECK_FALSE(segments.quotations[0].closed);
  CHECK_FALSE(segments.quotations[0].continues_previous);
  CHECK(slice(document.text, segments.quotations[1].content) == "The second part ends here,");
  CHECK(segments.quotations[1].closed);
  CHECK(segments.quotations[1].continues_previous);
  CHECK(slice(document.text, segments.quotations[2].content) == "Straight, too.");
  CHECK(segments.quotations[3].continues_previous);
  CHECK(slice(document.text, segments.quotations[3].content) == "Yes.");
}

TEST_CASE("a wire dateline is a sentence of its own", "[text]") {
  auto document = document_of("MOSCOW, September 1 (Itar-Tass) \u2014 In order to win, he said.");
  document.dateline_span = newsgraph::Span{0, document.text.find(" In")};
  const auto sentences = sentences_of(document);
  REQUIRE(sentences.size() == 2);
  CHECK(sentences[0] == "MOSCOW, September 1 (Itar-Tass) \u2014");
  CHECK(sentences[1] == "In order to win, he said.");
}

TEST_CASE("every span round-trips and tokens never overlap", "[text]") {
  const auto document = document_of(
      "\u201CLife proved that assurances are insufficient,\u201D Lavrov said.\n"
      "  Caf\u00E9 owners\u2019 views \u2014 and O'Brien's \u2014 differ... Really?  \n");
  const auto segments = segment(document);
  std::size_t previous_end = 0;
  for (const auto& token : segments.tokens) {
    CHECK(token.span.begin >= previous_end);
    CHECK_FALSE(token.span.empty());
    CHECK(token.span.end <= document.text.size());
    previous_end = token.span.end;
  }
  for (const auto& sentence : segments.sentences) {
    CHECK(sentence.span.begin == segments.tokens[sentence.first_token].span.begin);
    CHECK(sentence.span.end == segments.tokens[sentence.end_token - 1].span.end);
  }
}
