// Mentions: how the tagger's chunks become names of people, organisations and places.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "newsgraph/pipeline.hpp"

using namespace newsgraph;

namespace {

struct Named {
  std::string name;
  tag::EntityType type;
  friend bool operator==(const Named&, const Named&) = default;
};

std::vector<Named> mentions_of(const std::string& text) {
  Document document;
  document.id = "test";
  document.date = "2011-09-01";
  document.text = text;
  const Analysis analysis = analyse(document, embedded_models());
  std::vector<Named> names;
  for (const tag::Mention& mention : analysis.tagging.mentions)
    names.push_back({std::string(slice(analysis.text, mention.span)), mention.type});
  return names;
}

bool has(const std::vector<Named>& names, const std::string& name, tag::EntityType type) {
  return std::find(names.begin(), names.end(), Named{name, type}) != names.end();
}

bool has_name(const std::vector<Named>& names, const std::string& name) {
  return std::any_of(names.begin(), names.end(), [&](const Named& named) { return named.name == name; });
}

}  // namespace

TEST_CASE("an organisation's name runs on over the list of fields it names", "[tag][mentions]") {
  const auto names =
      mentions_of("Officials of the Ministry of Agriculture, Fisheries and Food met the farmers on Monday.");
  CHECK(has(names, "Ministry of Agriculture, Fisheries and Food", tag::EntityType::Organization));
  CHECK(names.size() == 1);
}

TEST_CASE("the list of fields stops at a name of its own", "[tag][mentions]") {
  for (const std::string other : {"BAE Systems", "Boeing"}) {
    const auto names =
        mentions_of("The Ministry of Defence and " + other + " signed the contract on Monday.");
    CHECK(has(names, "Ministry of Defence", tag::EntityType::Organization));
    CHECK(has(names, other, tag::EntityType::Organization));
  }
  const auto names = mentions_of("Officials of the Department of Trade and Industry met on Monday.");
  CHECK(has(names, "Department of Trade and Industry", tag::EntityType::Organization));
}

TEST_CASE("an organisation's name runs on to a head word the tagger left out", "[tag][mentions]") {
  const auto names = mentions_of("The contract went to the Indian Space Research Organisation last week.");
  CHECK(names == std::vector<Named>{{"Indian Space Research Organisation", tag::EntityType::Organization}});
}

TEST_CASE("a country's adjective before an organisation's name is part of it and still names the country",
          "[tag][mentions]") {
  Document document;
  document.id = "test";
  document.text = "The Russian Foreign Ministry issued a statement on Monday.";
  const Analysis analysis = analyse(document, embedded_models());
  REQUIRE(analysis.tagging.mentions.size() == 1);
  CHECK(slice(analysis.text, analysis.tagging.mentions[0].span) == "Russian Foreign Ministry");
  CHECK(analysis.tagging.mentions[0].type == tag::EntityType::Organization);
  REQUIRE(analysis.tagging.demonyms.size() == 1);
  CHECK(analysis.tagging.demonyms[0].country == "Russia");
}

TEST_CASE("laws, bills and treaties are no people, organisations or places", "[tag][mentions]") {
  const auto names =
      mentions_of("MPs voted for the Climate Change Act, and ministers praised the Paris Agreement.");
  CHECK_FALSE(has_name(names, "Climate Change Act"));
  CHECK_FALSE(has_name(names, "Paris Agreement"));
}

TEST_CASE("a form of address makes the name after it a person's", "[tag][mentions]") {
  const auto names = mentions_of("The bill was defended by Lord Falconer in a debate on Tuesday.");
  CHECK(has(names, "Falconer", tag::EntityType::Person));
}

TEST_CASE("a body a country has one of is named by its head word alone", "[tag][mentions]") {
  const auto names = mentions_of("The bill went through Parliament last year.");
  CHECK(has(names, "Parliament", tag::EntityType::Organization));
}

TEST_CASE("an acronym of the lower-case words before it names nothing", "[tag][mentions]") {
  const auto names = mentions_of("The plant stores high level waste (HLW) from Germany.");
  CHECK_FALSE(has_name(names, "HLW"));
  CHECK(has(names, "Germany", tag::EntityType::Place));
}

TEST_CASE("a party's adjective before titles names the party", "[tag][mentions]") {
  const auto names = mentions_of("The plan was opposed by 34 Labour MPs on Tuesday.");
  CHECK(has(names, "Labour", tag::EntityType::Organization));
}

TEST_CASE("a common word opening a quoted sentence is no name", "[tag][mentions]") {
  const auto names = mentions_of("Jane Smith said: Look, this is not who we are.");
  CHECK_FALSE(has_name(names, "Look"));
}

TEST_CASE("a title word that ends a person's name is a surname", "[tag][mentions]") {
  const auto names = mentions_of("\"We will win,\" said Charlie King, a New York lawyer.");
  CHECK(has(names, "Charlie King", tag::EntityType::Person));
  CHECK_FALSE(has_name(names, "Charlie"));
  // A title before the name is still a title.
  const auto titled = mentions_of("Russian President Vladimir Putin arrived in Paris on Monday.");
  CHECK(has(titled, "Vladimir Putin", tag::EntityType::Person));
  CHECK_FALSE(has_name(titled, "Russian President Vladimir Putin"));
}

TEST_CASE("a title word after Mr is a surname, but not in a form of address", "[tag][mentions]") {
  for (const std::string sentence :
       {"Mr King said the plan would fail.", "\"It is all about enthusiasm,\" Mr. King added."}) {
    const auto names = mentions_of(sentence);
    CHECK(has(names, "King", tag::EntityType::Person));
  }
  for (const std::string sentence :
       {"Thank you, Mr President, for the invitation.", "Madam Speaker, I rise today."})
    CHECK(mentions_of(sentence).empty());
}

TEST_CASE("a place after 'of' ends a person's name; 'Mr' makes a name a person's whatever its tag",
          "[tag][mentions]") {
  const auto names = mentions_of(
      "The law does not require it, said Rep. Elijah Cummings of Maryland, the ranking Democrat.");
  CHECK(has(names, "Elijah Cummings", tag::EntityType::Person));
  CHECK(has(names, "Maryland", tag::EntityType::Place));
  const auto addressed =
      mentions_of("Mr. Stenger announced in a statement this month that he had reached a settlement.");
  CHECK(has(addressed, "Stenger", tag::EntityType::Person));
}

TEST_CASE("a capitalised verb of saying in a headline stands between two names, not inside one",
          "[tag][mentions]") {
  const auto names = mentions_of("Chris Christie Calls Hillary Clinton \u2018A Disgrace\u2019 Over Police Shooting Comments.");
  CHECK(has(names, "Chris Christie", tag::EntityType::Person));
  CHECK(has(names, "Hillary Clinton", tag::EntityType::Person));
  CHECK_FALSE(has_name(names, "Chris Christie Calls Hillary Clinton"));
}
