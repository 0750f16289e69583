// Roles, claims and meetings read from whole sentences through the pipeline (tagger included).
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "newsgraph/graph/assemble.hpp"
#include "newsgraph/pipeline.hpp"

using namespace newsgraph;

namespace {

struct Read {
  Document document;
  Analysis analysis;

  std::string name_of(std::size_t entity) const { return analysis.entities.entities[entity].name; }
  std::string text_of(Span span) const { return std::string(slice(analysis.text, span)); }
};

Read read(std::string text, std::string date = "2011-09-01") {
  Read result;
  result.document.id = "test";
  result.document.date = std::move(date);
  result.document.text = std::move(text);
  result.analysis = analyse(result.document, embedded_models());
  return result;
}

}  // namespace

TEST_CASE("a title before a name gives a role of the country or body before the title", "[extract][roles]") {
  const auto r = read(
      "The talks were held by Russian Deputy Foreign Minister Sergei Ryabkov. "
      "NATO Secretary-General Anders Fogh Rasmussen spoke later.");
  REQUIRE(r.analysis.roles.size() == 2);
  CHECK(r.name_of(r.analysis.roles[0].person) == "Sergei Ryabkov");
  CHECK(r.analysis.roles[0].title == "Deputy Foreign Minister");
  CHECK(r.name_of(r.analysis.roles[0].owner) == "Russia");
  CHECK(r.name_of(r.analysis.roles[1].person) == "Anders Fogh Rasmussen");
  CHECK(r.analysis.roles[1].title == "Secretary-General");
  CHECK(r.name_of(r.analysis.roles[1].owner) == "NATO");
}

TEST_CASE("a country's name used as its adjective before a title gives a role of that country",
          "[extract][roles]") {
  // The tagger marks "Saudi" as a miscellaneous name, as it marks "Russian"; "Saudi" is no demonym
  // in the gazetteer (that is "Saudi Arabian") but a short name of the country.
  const auto r = read(
      "The talks in Riyadh were opened by Saudi Foreign Minister Adel al-Jubeir on Monday. "
      "Arsenal signed a deal with Emirates to sponsor the stadium.");
  REQUIRE(r.analysis.roles.size() == 1);
  CHECK(r.name_of(r.analysis.roles[0].person) == "Adel al-Jubeir");
  CHECK(r.analysis.roles[0].title == "Foreign Minister");
  CHECK(r.name_of(r.analysis.roles[0].owner) == "Saudi Arabia");
  // Before "to" the name is no adjective: nothing stands for the United Arab Emirates.
  for (const auto& entity : r.analysis.entities.entities) CHECK(entity.name != "United Arab Emirates");
}

TEST_CASE("a city with its state after it, set off by commas, owns the title that follows",
          "[extract][roles]") {
  const auto r = read(
      "Fresno, Calif., police officer Maria Lopez was praised on Monday. "
      "At Annapolis, Md., Admiral John Harris trained as a pilot. "
      "After talks with Germany, France, Foreign Minister Jean Dupont said little.");
  REQUIRE(r.analysis.roles.size() == 1);
  CHECK(r.name_of(r.analysis.roles[0].person) == "Maria Lopez");
  CHECK(r.analysis.roles[0].title == "police officer");
  CHECK(r.name_of(r.analysis.roles[0].owner) == "Fresno");
}

TEST_CASE("plural titles pair their holders with their countries in order", "[extract][roles]") {
  const auto r = read(
      "In July 2009 Presidents of Russia and the United States, Dmitry Medvedev and Barack Obama, agreed to "
      "join efforts.");
  REQUIRE(r.analysis.roles.size() == 2);
  CHECK(r.name_of(r.analysis.roles[0].person) == "Dmitry Medvedev");
  CHECK(r.name_of(r.analysis.roles[0].owner) == "Russia");
  CHECK(r.name_of(r.analysis.roles[1].person) == "Barack Obama");
  CHECK(r.name_of(r.analysis.roles[1].owner) == "United States");
  CHECK(r.analysis.roles[0].title == "President");
}

TEST_CASE("'X, the Y of Z' gives X the title Y of Z, even where the tagger takes 'Y of Z' for a name",
          "[extract][roles]") {
  const auto r = read("Jens Stoltenberg, the Secretary-General of NATO, arrived in Kiev.");
  REQUIRE(r.analysis.roles.size() == 1);
  CHECK(r.name_of(r.analysis.roles[0].person) == "Jens Stoltenberg");
  CHECK(r.analysis.roles[0].title == "Secretary-General");
  CHECK(r.name_of(r.analysis.roles[0].owner) == "NATO");
}

TEST_CASE("an apposition after a name gives its role; an abbreviated title is spelled out",
          "[extract][roles]") {
  const auto r = read(
      "New Jersey Gov. Chris Christie spoke to Sergei Ryabkov, Russia's deputy foreign minister, on Monday.");
  REQUIRE(r.analysis.roles.size() == 2);
  CHECK(r.name_of(r.analysis.roles[0].person) == "Chris Christie");
  CHECK(r.analysis.roles[0].title == "Governor");
  CHECK(r.name_of(r.analysis.roles[0].owner) == "New Jersey");
  CHECK(r.name_of(r.analysis.roles[1].person) == "Sergei Ryabkov");
  CHECK(r.analysis.roles[1].title == "deputy foreign minister");
  CHECK(r.name_of(r.analysis.roles[1].owner) == "Russia");
}

TEST_CASE("an apposition read from the tree may run on past its title, but a list is no apposition",
          "[extract][roles]") {
  for (const std::string sentence :
       {"Sergei Ryabkov, Russia's deputy foreign minister who leads the talks, met Ellen Tauscher on Friday.",
        "Anders Fogh Rasmussen met Sergei Ryabkov, the deputy foreign minister of Russia who leads the "
        "talks, "
        "in Sochi."}) {
    const auto r = read(sentence);
    REQUIRE(r.analysis.roles.size() == 1);
    CHECK(r.name_of(r.analysis.roles[0].person) == "Sergei Ryabkov");
    CHECK(r.analysis.roles[0].title == "deputy foreign minister");
    CHECK(r.name_of(r.analysis.roles[0].owner) == "Russia");
  }
  const auto list = read(
      "The talks were attended by Benita Ferrero-Waldner and Peter Mandelson, British Ambassador to Russia "
      "Anthony Brenton and other officials.");
  for (const extract::Role& role : list.analysis.roles) CHECK(list.name_of(role.person) != "Peter Mandelson");
}

TEST_CASE("a quotation followed by its speaker and cue is a claim of that speaker", "[extract][claims]") {
  const auto r = read("\u201CNow it is necessary to act,\u201D Sergei Lavrov noted.");
  REQUIRE(r.analysis.claims.size() == 1);
  const auto& claim = r.analysis.claims[0];
  CHECK(r.text_of(claim.content) == "Now it is necessary to act");
  CHECK(r.text_of(claim.cue) == "noted");
  CHECK(claim.quote);
  REQUIRE(claim.speaker);
  CHECK(r.name_of(*claim.speaker) == "Sergei Lavrov");
}

TEST_CASE("reported speech gives the complement as the claim, and a pronoun finds its speaker",
          "[extract][claims]") {
  const auto r = read(
      "Ellen Tauscher said that the United States was preparing for talks. \u201CWe hope so,\u201D she "
      "said.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "the United States was preparing for talks");
  CHECK_FALSE(r.analysis.claims[0].quote);
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Ellen Tauscher");
}

TEST_CASE("an attribution closing the sentence takes the content before it, and its date",
          "[extract][claims]") {
  const auto r = read(
      "Meanwhile, Moscow insists on legally binding guarantees, the Foreign Ministry said on Saturday, "
      "August 13.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK(r.text_of(r.analysis.claims[0].content) == "Meanwhile, Moscow insists on legally binding guarantees");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Foreign Ministry");
  CHECK(r.analysis.claims[0].date == "2011-08-13");
}

TEST_CASE("a meeting between two people has both as participants, its place and its date",
          "[extract][meetings]") {
  const auto r = read(
      "This issue was raised at a meeting between Sergei Ryabkov and Ellen Tauscher in St. Petersburg on "
      "Friday, August 12.");
  REQUIRE(r.analysis.meetings.size() == 1);
  const auto& meeting = r.analysis.meetings[0];
  REQUIRE(meeting.participants.size() == 2);
  CHECK(r.name_of(meeting.participants[0]) == "Sergei Ryabkov");
  CHECK(r.name_of(meeting.participants[1]) == "Ellen Tauscher");
  REQUIRE(meeting.place);
  CHECK(r.name_of(*meeting.place) == "Saint Petersburg");
  CHECK(meeting.date == "2011-08-12");
  CHECK_FALSE(meeting.planned);
}

TEST_CASE("'A and B met' names the participants; a claim made there is said at the meeting",
          "[extract][meetings]") {
  const auto r = read(
      "Speaking after a meeting of the Russia-NATO Council in Sochi in early July, Anders Fogh Rasmussen "
      "said "
      "he was convinced that it would work. Angela Merkel and Nicolas Sarkozy will meet in Paris next week.");
  REQUIRE(r.analysis.meetings.size() == 2);
  const auto& council = r.analysis.meetings[0];
  REQUIRE(council.participants.size() == 2);
  CHECK(r.name_of(council.participants[0]) == "Russia-NATO Council");
  CHECK(r.name_of(council.participants[1]) == "Anders Fogh Rasmussen");
  CHECK(council.date == "2011-07");
  REQUIRE(r.analysis.said_at.size() == 1);
  CHECK(r.analysis.said_at[0] == 0);
  const auto& planned = r.analysis.meetings[1];
  CHECK(planned.planned);
  REQUIRE(planned.place);
  CHECK(r.name_of(*planned.place) == "Paris");
}

TEST_CASE("a quotation with no cue is its neighbour's, and an apposition does not hide the speaker",
          "[extract][claims]") {
  const auto r = read(
      "Mr Baker, the Lib Dem environment spokesman, said: \"I have been warning for months.\"\n"
      "\"Once again our needs are being ignored.\"");
  REQUIRE(r.analysis.claims.size() == 2);
  for (const auto& claim : r.analysis.claims) {
    REQUIRE(claim.speaker);
    CHECK(r.name_of(*claim.speaker) == "Baker");
  }
  CHECK(r.text_of(r.analysis.claims[0].content) == "I have been warning for months.");
  CHECK(r.text_of(r.analysis.claims[1].content) == "Once again our needs are being ignored.");
}

TEST_CASE("'according to X' and 'in his opinion' attribute the rest of the sentence", "[extract][claims]") {
  const auto r = read(
      "Anders Fogh Rasmussen spoke in Sochi. In his opinion, Russia and NATO need tactical cooperation. "
      "According to Sergei Lavrov, the talks went well.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "Russia and NATO need tactical cooperation");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Anders Fogh Rasmussen");
  CHECK(r.text_of(r.analysis.claims[1].content) == "the talks went well");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Sergei Lavrov");
}

TEST_CASE("each way of saying a meeting took place gives one with its participants", "[extract][meetings]") {
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases = {
      {"Vladimir Putin met Jacques Chirac in Paris on Monday.", {"Vladimir Putin", "Jacques Chirac"}},
      {"Vladimir Putin and Jacques Chirac met in Paris on Monday.", {"Vladimir Putin", "Jacques Chirac"}},
      {"Vladimir Putin received Jacques Chirac in the Kremlin on Monday.",
       {"Vladimir Putin", "Jacques Chirac"}},
      {"The Russian-French talks were held in Paris on Monday.", {"Russia", "France"}},
      {"Vladimir Putin held talks with Jacques Chirac in Paris on Monday.",
       {"Vladimir Putin", "Jacques Chirac"}},
      {"NATO and Russian Defence Ministers met in late June.", {"NATO", "Russia"}},
      {"The summit of European Union leaders in Brussels ended on Friday.", {"EU"}},
      {"A meeting between Russia and NATO took place in Sochi in July.", {"Russia", "NATO"}},
  };
  for (const auto& [sentence, participants] : cases) {
    INFO(sentence);
    const auto r = read(sentence);
    REQUIRE(r.analysis.meetings.size() == 1);
    std::vector<std::string> names;
    for (const std::size_t p : r.analysis.meetings[0].participants) names.push_back(r.name_of(p));
    CHECK(names == participants);
    CHECK_FALSE(r.analysis.meetings[0].planned);
  }
}

TEST_CASE("a verb that only looks like a meeting makes none", "[extract][meetings]") {
  CHECK(read("Tony Blair said he would do everything he could to meet concerns about the bill.")
            .analysis.meetings.empty());
}

TEST_CASE("a headline meeting takes the document's date and the dateline's place", "[extract][meetings]") {
  Read r;
  r.document.id = "kremlin";
  r.document.date = "2002-04-18";
  r.document.title = "Meeting with President of Uganda Yoweri Museveni";
  r.document.text = "April 18, 2002 19:00 The Kremlin, Moscow\n\nVladimir Putin welcomed the guest.";
  r.document.dateline_span = Span{0, r.document.text.find('\n')};
  r.analysis = analyse(r.document, embedded_models());
  REQUIRE(r.analysis.meetings.size() == 1);
  const auto& meeting = r.analysis.meetings[0];
  REQUIRE(meeting.participants.size() == 1);
  CHECK(r.name_of(meeting.participants[0]) == "Yoweri Museveni");
  CHECK(meeting.date == "2002-04-18");
  REQUIRE(meeting.place);
  CHECK(r.name_of(*meeting.place) == "Kremlin");
}

TEST_CASE("'X described Y as Z' claims the object, and a title finds the person who bore it",
          "[extract][claims]") {
  const auto r = read(
      "New Jersey Gov. Chris Christie described Hillary Clinton as a disgrace and complained about it. "
      "President Vladimir Putin met deputy prime minister Viktor Khristenko. "
      "According to the deputy prime minister, a decree will be prepared.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "Hillary Clinton as a disgrace");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Chris Christie");
  CHECK(r.text_of(r.analysis.claims[1].content) == "a decree will be prepared");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Viktor Khristenko");

  // An infinitive joined on goes on with the appeal; the finite "complained" above does not.
  const auto appeal = read(
      "Senator Adam Schiff called on the administration to call out Russia and consider "
      "further sanctions.");
  REQUIRE(appeal.analysis.claims.size() == 1);
  CHECK(appeal.text_of(appeal.analysis.claims[0].content) ==
        "the administration to call out Russia and consider further sanctions");
}

// The patterns below are read from the sentence's dependency tree.
TEST_CASE("a reporting verb after an auxiliary or an aside still finds its subject and complement",
          "[extract][claims]") {
  const auto r = read(
      "Senator John Whitfield has repeatedly said that the program must be reformed. "
      "Rep. Mary Calloway (D-Ohio) said the agreement would cost billions.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "the program must be reformed");
  CHECK(r.text_of(r.analysis.claims[0].cue) == "said");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "John Whitfield");
  CHECK(r.text_of(r.analysis.claims[1].content) == "the agreement would cost billions");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Mary Calloway");
}

TEST_CASE("a claim nested in another gives both, each with its own speaker", "[extract][claims]") {
  const auto r = read("Angela Merkel recalled that Barack Obama had declared the sanctions would stay.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "Barack Obama had declared the sanctions would stay");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Angela Merkel");
  CHECK(r.text_of(r.analysis.claims[1].content) == "the sanctions would stay");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Barack Obama");
}

TEST_CASE("the person an apposition names speaks for a description; a plural speaks for no one named",
          "[extract][claims]") {
  // The description would find the chairman named before; the apposition names the speaker.
  const auto r = read(
      "Campaign chairman Paul Manafort spoke on Monday. "
      "The state's campaign chairman, Phil Lovas, said he had not seen the letter. "
      "Many lawmakers say there are also national security concerns.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "he had not seen the letter");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Phil Lovas");
  CHECK(r.text_of(r.analysis.claims[1].content) == "there are also national security concerns");
  CHECK_FALSE(r.analysis.claims[1].speaker);
}

TEST_CASE("'spoke of' claims what was spoken of, 'spoke at' a place claims nothing", "[extract][claims]") {
  const auto r = read(
      "Chief Justice John Roberts spoke of the legacy of racism in the country. "
      "President Barack Obama spoke at a gathering of conservatives in Ohio.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK(r.text_of(r.analysis.claims[0].content) == "the legacy of racism in the country");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "John Roberts");
}

TEST_CASE("a word of a name is never a reporting cue", "[extract][claims]") {
  const auto r = read("The United States led negotiations among 195 countries in Paris last year.");
  CHECK(r.analysis.claims.empty());
}

TEST_CASE("a cue of several words that runs past its sentence is no cue there", "[extract][claims]") {
  // A paragraph break ends a sentence even without a full stop; "pointed out" must not join across it.
  const auto r = read("Sergei Lavrov has pointed\n\nout that the talks would go on into the autumn.");
  for (const auto& claim : r.analysis.claims) CHECK(r.text_of(claim.cue) != "pointed\n\nout");
}

TEST_CASE("names joined by 'and' make a claim jointly; the names inside a claim are its mentions",
          "[extract][claims]") {
  const auto r = read(
      "Vladimir Putin and Tony Blair said the talks in London had been useful. "
      "Sergei Lavrov told reporters that NATO had given no guarantees to Russia.");
  REQUIRE(r.analysis.claims.size() == 2);
  const auto& joint = r.analysis.claims[0];
  CHECK(r.text_of(joint.content) == "the talks in London had been useful");
  REQUIRE(joint.speaker);
  REQUIRE(joint.joint_speakers.size() == 1);
  CHECK(r.name_of(*joint.speaker) == "Tony Blair");
  CHECK(r.name_of(joint.joint_speakers[0]) == "Vladimir Putin");
  const auto& told = r.analysis.claims[1];
  CHECK(r.text_of(told.content) == "NATO had given no guarantees to Russia");
  CHECK(r.text_of(told.cue) == "told reporters");

  // The second name may follow its title or form of address.
  const auto titled = read("Mr Putin and Prince Saud re-emphasised the importance of involving Europe.");
  REQUIRE(titled.analysis.claims.size() == 1);
  REQUIRE(titled.analysis.claims[0].speaker);
  REQUIRE(titled.analysis.claims[0].joint_speakers.size() == 1);
  CHECK(titled.name_of(*titled.analysis.claims[0].speaker) == "Saud");
  CHECK(titled.name_of(titled.analysis.claims[0].joint_speakers[0]) == "Putin");
  REQUIRE(told.speaker);
  CHECK(r.name_of(*told.speaker) == "Sergei Lavrov");
  std::vector<std::string> mentioned;
  for (const std::size_t m : told.mentioned)
    mentioned.push_back(r.name_of(r.analysis.entities.entity_of_mention[m]));
  CHECK(mentioned == std::vector<std::string>{"NATO", "Russia"});
}

TEST_CASE("a reported clause that denies is negative, as is a denying cue", "[extract][claims]") {
  const auto r = read(
      "Anders Fogh Rasmussen said he personally did not think there was a need for an agreement. "
      "Sergei Lavrov said there was no need for new guarantees. "
      "Ellen Tauscher said the talks had gone well. "
      "The Foreign Ministry denied that the plan had been changed.");
  REQUIRE(r.analysis.claims.size() == 4);
  CHECK(r.analysis.claims[0].negative);
  CHECK(r.analysis.claims[1].negative);
  CHECK_FALSE(r.analysis.claims[2].negative);
  CHECK(r.text_of(r.analysis.claims[3].content) == "the plan had been changed");
  CHECK(r.analysis.claims[3].negative);
}

TEST_CASE("a meeting verb finds its subjects across an apposition, read from the tree",
          "[extract][meetings]") {
  const auto r = read("The two presidents, Vladimir Putin and George Bush, met in Moscow on Friday.");
  REQUIRE(r.analysis.meetings.size() == 1);
  std::vector<std::string> participants;
  for (const std::size_t p : r.analysis.meetings[0].participants) participants.push_back(r.name_of(p));
  CHECK(participants == std::vector<std::string>{"Vladimir Putin", "George Bush"});
}

TEST_CASE("reported content ends before a new clause joined on, but not before a second 'that'",
          "[extract][claims]") {
  const auto r = read(
      "The IMF said Tuesday that it is lowering its forecast for U.S. growth this year, and the downgrade is "
      "cast as a warning. "
      "Vladimir Putin said that he was concerned about the region and that he deemed it important to act.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "it is lowering its forecast for U.S. growth this year");
  CHECK(r.text_of(r.analysis.claims[1].content) ==
        "he was concerned about the region and that he deemed it important to act");
}

TEST_CASE("a participle after the content is no part of it", "[extract][claims]") {
  const auto r = read(
      "Ellen Tauscher said earlier that the United States was preparing for talks with Russia, seeking to "
      "consolidate positive results.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK_THAT(r.text_of(r.analysis.claims[0].content),
             Catch::StartsWith("the United States was preparing for talks with Russia"));
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Ellen Tauscher");
}

TEST_CASE("'called on X to do Y' claims the appeal without its 'on'", "[extract][claims]") {
  const auto r =
      read("Vladimir Putin called on the Caspian states to settle all problems by peaceful means.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK(r.text_of(r.analysis.claims[0].content) ==
        "the Caspian states to settle all problems by peaceful means");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Vladimir Putin");
}

TEST_CASE("an attribution set inside what was said is an aside of the claim, left out of its text",
          "[extract][claims]") {
  const auto r = read(
      "Chief Justice John Roberts spoke on Saturday. To understand the real Dred Scott, Chief Justice "
      "Roberts said, one should visit this museum.\n\n"
      "The agency published a plan. The average weekly benefit, the agency says, would be $300.");
  REQUIRE(r.analysis.claims.size() == 2);
  const extract::Claim& fronted = r.analysis.claims[0];
  CHECK(r.text_of(fronted.content) ==
        "To understand the real Dred Scott, Chief Justice Roberts said, one should visit this museum");
  CHECK(r.text_of(fronted.aside) == ", Chief Justice Roberts said, ");
  REQUIRE(fronted.speaker);
  CHECK(r.name_of(*fronted.speaker) == "John Roberts");
  CHECK(r.text_of(r.analysis.claims[1].content) ==
        "The average weekly benefit, the agency says, would be $300");
  CHECK(r.text_of(r.analysis.claims[1].aside) == ", the agency says, ");

  // The graph's claim text joins the words on either side of the aside.
  graph::Graph graph;
  graph::assemble(graph, r.document, r.analysis, graph::corpus_names({r.analysis}, nullptr));
  std::vector<std::string> texts;
  const auto& g = graph.boost_graph();
  for (const auto v : boost::make_iterator_range(boost::vertices(g)))
    if (g[v].type == graph::NodeType::Claim) texts.push_back(g[v].text);
  CHECK(std::find(texts.begin(), texts.end(),
                  "To understand the real Dred Scott one should visit this museum") != texts.end());
}

TEST_CASE("a claim nested in a claim of the same speaker goes; a verb the speaker did ends the content",
          "[extract][claims]") {
  const auto r = read(
      "Senator Mary Calloway said she hoped the bill would pass before the summer. "
      "Donald Trump said he would order a review of the nation's computer defenses and warned against "
      "hackers from China.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "she hoped the bill would pass before the summer");
  CHECK(r.text_of(r.analysis.claims[1].content) ==
        "he would order a review of the nation's computer defenses");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Donald Trump");

  // Such a verb that is a cue itself speaks with the subject of the cue above, where the parser hung
  // it inside the first content.
  const auto joined = read(
      "Senator Mary Calloway said the country would formally declare its intention to leave by the end of "
      "March and suggested that it would withdraw from the single market.");
  REQUIRE(joined.analysis.claims.size() == 2);
  CHECK(joined.text_of(joined.analysis.claims[0].content) ==
        "the country would formally declare its intention to leave by the end of March");
  CHECK(joined.text_of(joined.analysis.claims[1].content) == "it would withdraw from the single market");
  for (const extract::Claim& claim : joined.analysis.claims) {
    REQUIRE(claim.speaker);
    CHECK(joined.name_of(*claim.speaker) == "Mary Calloway");
  }
}

TEST_CASE("a clause joined on after a comma is no longer what was said; one joined without a comma is",
          "[extract][claims]") {
  const auto r = read(
      "Mayor John Smith said the city had been flooded, and the governor declared an emergency on Sunday. "
      "Police chief Ann Bell said a second device was found in Chelsea and that location is being treated "
      "as a crime scene.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[0].content) == "the city had been flooded");
  CHECK(r.text_of(r.analysis.claims[1].content) ==
        "a second device was found in Chelsea and that location is being treated as a crime scene");
}

TEST_CASE("an outer cue is read even where only the nested cue has a subject in the tree",
          "[extract][claims]") {
  const auto r = read(
      "Retired Lt. Gen. John Smith said the senator was \u201cabsolutely right\u201d when he said on Monday "
      "that the army had been reduced to rubble.");
  REQUIRE(r.analysis.claims.size() == 2);
  const extract::Claim& outer = r.analysis.claims[0];
  CHECK(
      r.text_of(outer.content) ==
      "the senator was \u201cabsolutely right\u201d when he said on Monday that the army had been reduced to "
      "rubble");
  REQUIRE(outer.speaker);
  CHECK(r.name_of(*outer.speaker) == "John Smith");
  CHECK(r.text_of(r.analysis.claims[1].content) == "the army had been reduced to rubble");
}

TEST_CASE("a question's speaker follows in the next sentence; a dash and a name sign a quotation",
          "[extract][claims]") {
  const auto asked = read(
      "Maria Lopez spoke first.\n\n\u201cWho would have believed that we would win so many votes?\u201d "
      "John Smith said, looking out on the crowd.");
  REQUIRE(asked.analysis.claims.size() == 1);
  CHECK(asked.text_of(asked.analysis.claims[0].content) ==
        "Who would have believed that we would win so many votes?");
  REQUIRE(asked.analysis.claims[0].speaker);
  CHECK(asked.name_of(*asked.analysis.claims[0].speaker) == "John Smith");

  const auto signed_ = read(
      "Readers sent their thoughts after the debate.\n\n\u201cThe candidate did not answer a single "
      "question.\u201d "
      "\u2015 Esther Tapia\n\n\u201cHe scares me.\u201d \u2015 Karen Bobadilla");
  REQUIRE(signed_.analysis.claims.size() == 2);
  for (const extract::Claim& claim : signed_.analysis.claims) {
    REQUIRE(claim.speaker);
    CHECK(claim.quote);
  }
  CHECK(signed_.text_of(signed_.analysis.claims[0].content) ==
        "The candidate did not answer a single question.");
  CHECK(signed_.name_of(*signed_.analysis.claims[0].speaker) == "Esther Tapia");
  CHECK(signed_.text_of(signed_.analysis.claims[1].content) == "He scares me.");
  CHECK(signed_.name_of(*signed_.analysis.claims[1].speaker) == "Karen Bobadilla");
}

TEST_CASE("a reporting verb's form used as a noun is no cue, but a verb the tagger takes for a noun is",
          "[extract][claims]") {
  CHECK(read("In the battleground state Florida, nearly three percent of voters are Polish American.")
            .analysis.claims.empty());
  const auto r = read(
      "Obama Says African-American Museum Will Tell of Suffering and Delight\n\n"
      "WASHINGTON - President Obama opened the museum on Saturday.");
  REQUIRE_FALSE(r.analysis.claims.empty());
  CHECK(r.text_of(r.analysis.claims[0].content) ==
        "African-American Museum Will Tell of Suffering and Delight");
}

TEST_CASE("a report of a meeting places its participants' later claims there, and 'the meeting' is that one",
          "[extract][meetings]") {
  Read r;
  r.document.id = "kremlin";
  r.document.date = "2002-04-18";
  r.document.title = "President Vladimir Putin met with Saudi Foreign Minister Saud al-Faisal";
  r.document.text =
      "April 18, 2002 The Kremlin, Moscow\n\nAt the meeting, Mr Putin reiterated Russia's support for the "
      "peace plan.\nMr Putin said that trade between the two countries was far below its potential.\nThe "
      "minister said the region needed calm.";
  r.document.dateline_span = Span{0, r.document.text.find('\n')};
  r.analysis = analyse(r.document, embedded_models());
  REQUIRE(r.analysis.meetings.size() == 1);
  REQUIRE(r.analysis.claims.size() == 3);
  for (std::size_t c = 0; c < r.analysis.claims.size(); ++c) {
    INFO(r.text_of(r.analysis.claims[c].content));
    CHECK(r.analysis.said_at[c] == 0);
  }
}

TEST_CASE("a meeting named in the aside of a broken quotation is where it was said", "[extract][meetings]") {
  const auto r = read(
      "Sergei Lavrov met Hillary Clinton in Geneva on Friday.\n\n\u201cWe agreed on nothing,\u201d Lavrov "
      "said at the meeting, \u201cand we will meet again.\u201d");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK_FALSE(r.analysis.claims[0].aside.empty());
  REQUIRE(r.analysis.said_at[0]);
  CHECK(*r.analysis.said_at[0] == 0);
}

TEST_CASE("a claim that only talks about a meeting was not said at it", "[extract][meetings]") {
  const auto r = read(
      "Sergei Ryabkov met Ellen Tauscher in Geneva on Friday. Ryabkov said the United States was preparing "
      "for "
      "talks with Russia on further cuts.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK_FALSE(r.analysis.said_at[0]);
}

TEST_CASE("each way of quoting and reporting gives its claim, with the speaker resolved",
          "[extract][claims]") {
  const auto r = read(
      "MOSCOW, August 13 (Itar-Tass) -- Russian Foreign Minister Sergei Lavrov met students on Friday.\n\n"
      "\"The talks were useful,\" Lavrov said. \"We will continue them next month.\"\n\n"
      "\"There is no need for new guarantees,\" said NATO Secretary-General Anders Fogh Rasmussen.\n\n"
      "Lavrov expressed confidence that the two sides would find a compromise. He said the proposals were "
      "\"a good basis\" for work.\n\n"
      "The Russian Foreign Ministry issued a statement on Saturday. The ministry said Moscow would insist on "
      "legally binding guarantees. Russia says the shield threatens its security.\n\n"
      "Sergei Ryabkov told a news conference: \"We are ready to work with our partners. We have made "
      "proposals.\n\n"
      "\"The answer is in the hands of Washington.\"",
      "2011-08-13");
  struct Expected {
    const char* text;
    const char* speaker;
    bool quote;
  };
  const std::vector<Expected> expected{
      {"The talks were useful", "Sergei Lavrov", true},                        // speaker after, surname
      {"We will continue them next month.", "Sergei Lavrov", true},            // interrupted: a second claim
      {"There is no need for new guarantees", "Anders Fogh Rasmussen", true},  // inverted
      {"the two sides would find a compromise", "Sergei Lavrov", false},       // a phrase as cue
      {"the proposals were \"a good basis\" for work", "Sergei Lavrov", false},  // partial quotation, pronoun
      {"Moscow would insist on legally binding guarantees", "Russian Foreign Ministry",
       false},                                                 // "the ministry"
      {"the shield threatens its security", "Russia", false},  // a country speaks
      {"We are ready to work with our partners. We have made proposals.", "Sergei Ryabkov", true},  // colon
      {"The answer is in the hands of Washington.", "Sergei Ryabkov", true},  // runs on past a paragraph
  };
  REQUIRE(r.analysis.claims.size() == expected.size());
  for (std::size_t c = 0; c < expected.size(); ++c) {
    const extract::Claim& claim = r.analysis.claims[c];
    CHECK(r.text_of(claim.content) == expected[c].text);
    REQUIRE(claim.speaker);
    CHECK(r.name_of(*claim.speaker) == expected[c].speaker);
    CHECK(claim.quote == expected[c].quote);
  }
}

TEST_CASE("a quoted sentence broken off by its attribution is one claim; whole sentences stay two",
          "[extract][claims]") {
  const auto r = read(
      "President Barack Obama spoke in Hawaii. \u201cMy hope,\u201d he said, \u201cis that as ex-president I "
      "can have more influence.\u201d \u201cIt is over,\u201d he said. \u201cWe won.\u201d");
  REQUIRE(r.analysis.claims.size() == 3);
  const extract::Claim& broken = r.analysis.claims[0];
  CHECK(r.text_of(broken.content) ==
        "My hope,\u201d he said, \u201cis that as ex-president I can have more influence.");
  CHECK(r.text_of(broken.aside) == ",\u201d he said, \u201c");
  CHECK(broken.quote);
  REQUIRE(broken.speaker);
  CHECK(r.name_of(*broken.speaker) == "Barack Obama");
  CHECK(r.text_of(r.analysis.claims[1].content) == "It is over");
  CHECK(r.text_of(r.analysis.claims[2].content) == "We won.");
}

TEST_CASE("a claim restated by a pronoun of no one named goes; 'and said' ends an object's content",
          "[extract][claims]") {
  const auto r = read(
      "Officials said they believed the bridge would reopen in May. "
      "Donald Trump described his wealth as a shield and said it ensured he was not beholden to special "
      "interests.");
  std::vector<std::string> texts;
  for (const extract::Claim& claim : r.analysis.claims) texts.push_back(r.text_of(claim.content));
  CHECK(texts == std::vector<std::string>{"they believed the bridge would reopen in May",
                                          "his wealth as a shield",
                                          "it ensured he was not beholden to special interests"});
}

TEST_CASE("an attribution may name whom it was said to before a comma; 'according to X,' opens a quotation",
          "[extract][claims]") {
  const auto r = read(
      "Rush Limbaugh told his radio audience on Monday, \u201cWhat has happened is this. The campaign has "
      "sent its orders.\u201d\n\nAccording to Limbaugh, \u201cThe debate is rigged. The moderator will "
      "help her.\u201d\n\nRobby Mook told the crowd in Ohio that, \u201cof course he will defend "
      "himself\u201d "
      "against the attacks.");
  REQUIRE(r.analysis.claims.size() == 3);
  CHECK(r.text_of(r.analysis.claims[0].content) ==
        "What has happened is this. The campaign has sent its orders.");
  CHECK(r.analysis.claims[0].quote);
  CHECK(r.text_of(r.analysis.claims[1].content) == "The debate is rigged. The moderator will help her.");
  CHECK(r.analysis.claims[1].quote);
  for (std::size_t c = 0; c < 2; ++c) {
    REQUIRE(r.analysis.claims[c].speaker);
    CHECK(r.name_of(*r.analysis.claims[c].speaker) == "Rush Limbaugh");
  }
  // A quotation after "that," is part of the reported claim.
  CHECK(r.text_of(r.analysis.claims[2].content) ==
        "\u201cof course he will defend himself\u201d against the attacks");
  CHECK_FALSE(r.analysis.claims[2].quote);
  REQUIRE(r.analysis.claims[2].speaker);
  CHECK(r.name_of(*r.analysis.claims[2].speaker) == "Robby Mook");
}

TEST_CASE("'according to X' set inside what was said, and 'has said' closing it, attribute the sentence",
          "[extract][claims]") {
  const auto r = read(
      "Concessions on the bill were not a political ploy, Lord Falconer has said.\n\n"
      "Trade turnover stood at $120 million, which, according to President Vladimir Putin, was tantamount to "
      "a lack of commerce.\n\nGrowth, according to the International Monetary Fund, will slow next year.");
  REQUIRE(r.analysis.claims.size() == 3);
  CHECK(r.text_of(r.analysis.claims[0].content) == "Concessions on the bill were not a political ploy");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Falconer");
  // After "which" the attribution is the relative clause's.
  CHECK(r.text_of(r.analysis.claims[1].content) == "was tantamount to a lack of commerce");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Vladimir Putin");
  CHECK(r.text_of(r.analysis.claims[2].content) ==
        "Growth, according to the International Monetary Fund, will slow next year");
  CHECK(r.text_of(r.analysis.claims[2].aside) == ", according to the International Monetary Fund, ");
}

TEST_CASE(
    "what is said of an object ends with its quotation, before 'but' and a verb, before 'after' "
    "and before the medium",
    "[extract][claims]") {
  const auto r = read(
      "Governor Chris Christie blasted Hillary Clinton as a \u201cdisgrace\u201d on Wednesday on a radio "
      "show.\n\n"
      "Trump further described the incident as a \u201cterrible situation\u201d but stopped short of "
      "blaming the officer.\n\n"
      "Former Conservative leader Iain Duncan Smith, one of the chief critics of the plans, condemned the "
      "debate as a charade after the vote.\n\n"
      "Michael Oren referenced \u201cpolitical tensions\u201d in advanced economies that are generating "
      "uncertainty.\n\nUnion leader Keron Blair called for more school investment in a statement on "
      "Thursday.");
  struct Expected {
    const char* text;
    const char* speaker;
  };
  const std::vector<Expected> expected{
      {"Hillary Clinton as a \u201cdisgrace\u201d", "Chris Christie"},
      {"the incident as a \u201cterrible situation\u201d",
       "Trump"},                                         // an adverb ("further": RBR) before the cue
      {"the debate as a charade", "Iain Duncan Smith"},  // the person before the apposition
      // An object's quotation is inside its claim, not a claim of its own.
      {"\u201cpolitical tensions\u201d in advanced economies that are generating uncertainty",
       "Michael Oren"},
      {"more school investment", "Keron Blair"},
  };
  REQUIRE(r.analysis.claims.size() == expected.size());
  for (std::size_t c = 0; c < expected.size(); ++c) {
    CHECK(r.text_of(r.analysis.claims[c].content) == expected[c].text);
    CHECK_FALSE(r.analysis.claims[c].quote);
    REQUIRE(r.analysis.claims[c].speaker);
    CHECK(r.name_of(*r.analysis.claims[c].speaker) == expected[c].speaker);
  }
}

TEST_CASE("a cue's object, a subjectless content and a place are no claims; whom it was told to is no object",
          "[extract][claims]") {
  const auto r = read(
      "In her 2003 book, Living History, Hillary Clinton noted the clot's existence.\n\n"
      "The peace talks would resume in March, Sergei Lavrov told a news conference.\n\n"
      "Many readers disagreed. Everything Donald Trump says is a lie unless proven otherwise.\n\n"
      "President Barack Obama spoke in a cottage on a Marine base that overlooks Kaneohe Bay.\n\n"
      "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa.");
  std::vector<std::string> texts;
  for (const extract::Claim& claim : r.analysis.claims) texts.push_back(r.text_of(claim.content));
  CHECK(texts == std::vector<std::string>{"the clot's existence", "The peace talks would resume in March",
                                          "the death of Terence Crutcher in Tulsa"});
}

TEST_CASE("a passive object cue claims what the speaker after 'by' called its subject", "[extract][claims]") {
  const auto r = read(
      "Plans to store foreign nuclear waste in the UK have been branded \u201cdeeply irresponsible\u201d by "
      "the Liberal Democrats.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK(r.text_of(r.analysis.claims[0].content) == "\u201cdeeply irresponsible\u201d");
  CHECK(r.text_of(r.analysis.claims[0].cue) == "branded");
  REQUIRE(r.analysis.claims[0].speaker);
  CHECK(r.name_of(*r.analysis.claims[0].speaker) == "Liberal Democrats");
}

TEST_CASE(
    "a paragraph after 'The governor added:' is a block quotation of the governor's; a show is no topic",
    "[extract][claims]") {
  const auto r = read(
      "New Jersey Gov. Chris Christie spoke on a radio show on Wednesday. He was asked about Hillary "
      "Clinton.\n\nThe governor added:\n\nIt is typical of her. She knows nothing about policing.\n\n"
      "Police officers in Tulsa were not available for comment.");
  REQUIRE(r.analysis.claims.size() == 1);
  const extract::Claim& block = r.analysis.claims[0];
  CHECK(r.text_of(block.content) == "It is typical of her. She knows nothing about policing.");
  CHECK(block.quote);
  REQUIRE(block.speaker);
  CHECK(r.name_of(*block.speaker) == "Chris Christie");  // "the governor" of "Gov. Chris Christie"
}

TEST_CASE("a quoting cue reports a quotation, not an object", "[extract][claims]") {
  const auto r = read(
      "Mr Putin and Mr Blair continued their talks in expanded format.\n\n"
      "\u201cWe have much to do,\u201d Mr Blair continued.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK(r.text_of(r.analysis.claims[0].content) == "We have much to do");
  CHECK(r.analysis.claims[0].quote);
}

TEST_CASE("a condition on what was said belongs to it, a dash's apposition after it does not",
          "[extract][claims]") {
  const auto r = read(
      "Union leader Mark Serwotka warned last week that there could be further strikes unless there was a "
      "government rethink.\n\nOfficer Betty Shelby later said she suspected the driver was under the "
      "influence "
      "of drugs \u2014 something a caller also told a dispatcher.");
  REQUIRE(r.analysis.claims.size() >= 2);
  CHECK(r.text_of(r.analysis.claims[0].content) ==
        "there could be further strikes unless there was a government rethink");
  CHECK(r.text_of(r.analysis.claims[1].content) ==
        "she suspected the driver was under the influence of drugs");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Betty Shelby");
}

TEST_CASE(
    "an attribution before a question keeps it, and a partial quotation closes in its own sentence only",
    "[extract][claims]") {
  const auto asked =
      read("Maria Lopez asked the crowd: \u201cWho is ready to win?\u201d John Smith said he was.");
  REQUIRE_FALSE(asked.analysis.claims.empty());
  CHECK(asked.text_of(asked.analysis.claims[0].content) == "Who is ready to win?");
  REQUIRE(asked.analysis.claims[0].speaker);
  CHECK(asked.name_of(*asked.analysis.claims[0].speaker) == "Maria Lopez");

  const auto unclosed = read(
      "Officials said that the agreement would \u201cbring peace to the region.\n\u201cWe will see,\u201d he "
      "added.");
  REQUIRE_FALSE(unclosed.analysis.claims.empty());
  CHECK(unclosed.text_of(unclosed.analysis.claims[0].content) ==
        "the agreement would \u201cbring peace to the region");
}

TEST_CASE("a claim whose attribution gives its own time was not said at the day's meeting",
          "[extract][meetings]") {
  const auto r = read(
      "Vladimir Putin met Barack Obama in Moscow.\n\nThe two leaders discussed trade.\n\nIn a 2009 interview "
      "with Time, Putin said the treaty was vital for Europe.");
  REQUIRE(r.analysis.claims.size() == 1);
  CHECK(r.text_of(r.analysis.claims[0].content) == "the treaty was vital for Europe");
  CHECK_FALSE(r.analysis.said_at[0]);
}

TEST_CASE("'it said' is the body named shortly before", "[extract][claims]") {
  const auto r = read(
      "In a statement, the Department of Trade and Industry said the new policy would cut shipments. And it "
      "said the waste would be returned to its home country sooner.");
  REQUIRE(r.analysis.claims.size() == 2);
  CHECK(r.text_of(r.analysis.claims[1].content) == "the waste would be returned to its home country sooner");
  REQUIRE(r.analysis.claims[1].speaker);
  CHECK(r.name_of(*r.analysis.claims[1].speaker) == "Department of Trade and Industry");
}
