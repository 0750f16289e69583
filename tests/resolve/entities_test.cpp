// Entity resolution within one article: one entity per real person, organisation or place.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "newsgraph/lexicon/lexicon.hpp"
#include "newsgraph/pipeline.hpp"

using namespace newsgraph;

namespace {

Analysis analysed(const std::string& text) {
  Document document;
  document.id = "test";
  document.date = "2011-09-01";
  document.text = text;
  return analyse(document, embedded_models());
}

// The entities of the given type, by name.
std::vector<std::string> names_of(const Analysis& analysis, tag::EntityType type) {
  std::vector<std::string> names;
  for (const resolve::Entity& entity : analysis.entities.entities)
    if (entity.type == type) names.push_back(entity.name);
  std::sort(names.begin(), names.end());
  return names;
}

const resolve::Entity& entity_named(const Analysis& analysis, const std::string& name) {
  for (const resolve::Entity& entity : analysis.entities.entities)
    if (entity.name == name) return entity;
  FAIL("no entity named " << name);
  throw;
}

std::vector<std::string> references_of(const Analysis& analysis, const resolve::Entity& entity) {
  std::vector<std::string> references;
  for (const Span span : entity.references) references.emplace_back(slice(analysis.text, span));
  return references;
}

}  // namespace

TEST_CASE("a name with a middle initial and the name without it are one person", "[resolve][entities]") {
  const Analysis analysis =
      analysed("George W. Bush arrived in Berlin on Monday. George Bush said the talks went well.");
  CHECK(names_of(analysis, tag::EntityType::Person) == std::vector<std::string>{"George W. Bush"});
}

TEST_CASE("two different middle initials are two people, and the bare name is neither",
          "[resolve][entities]") {
  const Analysis analysis = analysed(
      "Former president George H. W. Bush praised his son George W. Bush on Monday. George Bush was not "
      "there.");
  CHECK(names_of(analysis, tag::EntityType::Person) ==
        std::vector<std::string>{"George Bush", "George H. W. Bush", "George W. Bush"});
}

TEST_CASE("two people who share a surname in one article stay two", "[resolve][entities]") {
  const Analysis analysis =
      analysed("Laura Bush met Jenna Bush in Dallas on Monday. Laura Bush said it went well.");
  CHECK(names_of(analysis, tag::EntityType::Person) == std::vector<std::string>{"Jenna Bush", "Laura Bush"});
}

TEST_CASE("Mr with a surname joins the man of a couple that shares it, not the woman",
          "[resolve][entities]") {
  const Analysis analysis = analysed(
      "Mr Putin opened the talks with Mr Chirac in the Kremlin. In the evening, Vladimir and Lyudmila Putin "
      "gave an official dinner in honour of Jacques and Bernadette Chirac.");
  CHECK(names_of(analysis, tag::EntityType::Person) ==
        std::vector<std::string>{"Bernadette Chirac", "Jacques Chirac", "Lyudmila Putin", "Vladimir Putin"});
  const auto aliases = entity_named(analysis, "Vladimir Putin").aliases;
  CHECK(std::find(aliases.begin(), aliases.end(), "Putin") != aliases.end());
}

TEST_CASE("Mrs joins the woman of a couple even after Mr joined the man; a lone surname has no gender",
          "[resolve][entities]") {
  const Analysis couple = analysed(
      "Vladimir and Lyudmila Putin gave a dinner in the Kremlin on Monday. Mrs Putin thanked the guests. Mr "
      "Putin spoke about trade with the visitors.");
  CHECK(names_of(couple, tag::EntityType::Person) ==
        std::vector<std::string>{"Lyudmila Putin", "Vladimir Putin"});
  for (const std::string name : {"Lyudmila Putin", "Vladimir Putin"}) {
    const auto aliases = entity_named(couple, name).aliases;
    CHECK(std::find(aliases.begin(), aliases.end(), "Putin") != aliases.end());
  }
  const Analysis senator =
      analysed("Senator Warren criticized the bank on Monday. She said the plan would fail.");
  CHECK(references_of(senator, entity_named(senator, "Warren")) == std::vector<std::string>{"She"});
}

TEST_CASE("a name is joined by its beginning before a particle and by its particle word",
          "[resolve][entities]") {
  const Analysis analysis = analysed(
      "Saudi intelligence chief Turki al-Faisal bin Abdul-Aziz met Lavrov in Moscow on Monday. Turki "
      "al-Faisal said "
      "the talks were useful. Al-Faisal also visited a school.");
  CHECK(names_of(analysis, tag::EntityType::Person) ==
        std::vector<std::string>{"Lavrov", "Turki al-Faisal bin Abdul-Aziz"});
  CHECK(names_of(analysis, tag::EntityType::Organization).empty());
}

TEST_CASE("an organisation without its country's adjective or with a trailing common word is the same",
          "[resolve][entities]") {
  const Analysis analysis = analysed(
      "The Russian Foreign Ministry issued a statement on Monday. The Foreign Ministry said the talks were "
      "useful. "
      "Jane Smith told BBC News the plan was sound. The BBC asked the ministry for comment.");
  const auto organizations = names_of(analysis, tag::EntityType::Organization);
  CHECK(organizations == std::vector<std::string>{"BBC", "Russian Foreign Ministry"});
}

TEST_CASE("a description by title stands for the person who was given that title", "[resolve][entities]") {
  const Analysis analysis = analysed(
      "NATO Secretary-General Jens Stoltenberg arrived in Kiev on Monday. "
      "The Secretary-General met students at the university.");
  CHECK(references_of(analysis, entity_named(analysis, "Jens Stoltenberg")) ==
        std::vector<std::string>{"The Secretary-General"});
}

TEST_CASE("a description stands only for a person whose own title holds all its title words",
          "[resolve][entities]") {
  // The Chancellor's title is not Putin's, though it stands a few words before his name; a Prime
  // Minister is no defence minister, and a Deputy Prime Minister no Prime Minister.
  const Analysis analysis = analysed(
      "The German Chancellor and President Vladimir Putin met in Berlin on Monday. "
      "The German Chancellor said the talks were useful. "
      "Prime Minister Tony Blair arrived on Tuesday. The defence minister stayed at home. "
      "The minister spoke first. Deputy Prime Minister John Prescott followed. The Prime Minister "
      "left early.");
  CHECK(references_of(analysis, entity_named(analysis, "Vladimir Putin")).empty());
  CHECK(references_of(analysis, entity_named(analysis, "Tony Blair")) ==
        std::vector<std::string>{"The minister", "The Prime Minister"});
  // A title of two heads, or with "of", is one title.
  const Analysis two_heads = analysed(
      "Attorney General John Ashcroft spoke on Monday. The Attorney General said the law was clear. "
      "Secretary of State Colin Powell arrived later. The Secretary said little.");
  CHECK(references_of(two_heads, entity_named(two_heads, "John Ashcroft")) ==
        std::vector<std::string>{"The Attorney General"});
  CHECK(references_of(two_heads, entity_named(two_heads, "Colin Powell")) ==
        std::vector<std::string>{"The Secretary"});
}

TEST_CASE("a description in apposition stands for the person before it", "[resolve][entities]") {
  const Analysis analysis =
      analysed("Jane Smith, the Trade and Industry Secretary, visited Leeds on Monday.");
  CHECK(references_of(analysis, entity_named(analysis, "Jane Smith")) ==
        std::vector<std::string>{"the Trade and Industry Secretary"});
}

TEST_CASE("a pronoun stands for a person of its own sentence, else the latest subject of a sentence",
          "[resolve][entities]") {
  const Analysis analysis = analysed(
      "Sergei Lavrov met Ellen Tauscher in Geneva on Monday. He said the talks went well. "
      "Speaking later, Anders Fogh Rasmussen said he agreed.");
  CHECK(references_of(analysis, entity_named(analysis, "Sergei Lavrov")) == std::vector<std::string>{"He"});
  CHECK(references_of(analysis, entity_named(analysis, "Ellen Tauscher")).empty());
  CHECK(references_of(analysis, entity_named(analysis, "Anders Fogh Rasmussen")) ==
        std::vector<std::string>{"he"});
}

TEST_CASE("a subject after an opening phrase set off by a comma opens its sentence for pronouns",
          "[resolve][entities]") {
  const Analysis analysis = analysed(
      "John Smith met reporters in Leeds on Monday. On Tuesday, Peter Jones spoke to the council about "
      "the budget and Mary Brown. He said the plan was sound.");
  CHECK(references_of(analysis, entity_named(analysis, "Peter Jones")) == std::vector<std::string>{"He"});
  CHECK(references_of(analysis, entity_named(analysis, "John Smith")).empty());
}

TEST_CASE("a pronoun stands for the person named last, outside quotations", "[resolve][entities]") {
  const Analysis analysis =
      analysed("Sergei Lavrov arrived in Geneva on Monday. He met students at the university.");
  CHECK(references_of(analysis, entity_named(analysis, "Sergei Lavrov")) == std::vector<std::string>{"He"});
}

TEST_CASE("a pronoun passes over a person of the other gender", "[resolve][entities]") {
  const Analysis analysis = analysed("Ms Smith thanked Mr Jones on Monday. She said the plan was sound.");
  CHECK(references_of(analysis, entity_named(analysis, "Smith")) == std::vector<std::string>{"She"});
  CHECK(references_of(analysis, entity_named(analysis, "Jones")).empty());
}

TEST_CASE(
    "each way an article names an entity joins it: surname, acronym, demonym, country forms, "
    "'the ministry', a party's nickname",
    "[resolve][entities]") {
  const Analysis analysis = analysed(
      "Sergei Lavrov spoke at the Moscow State Institute of International Relations (MGIMO) on Thursday. "
      "Lavrov told MGIMO students that Russian diplomacy had changed. Russia and the U.S. disagree; US "
      "officials said America would decide.\n\n"
      "The Foreign Ministry issued a statement. The ministry said the talks would go on.\n\n"
      "The Conservative Party leader spoke. The Tories said they would win.");
  const auto aliases_of = [&](const std::string& name) {
    std::vector<std::string> aliases = entity_named(analysis, name).aliases;
    std::sort(aliases.begin(), aliases.end());
    return aliases;
  };
  CHECK(aliases_of("Sergei Lavrov") == std::vector<std::string>{"Lavrov"});
  CHECK(aliases_of("Moscow State Institute of International Relations") == std::vector<std::string>{"MGIMO"});
  CHECK(entity_named(analysis, "Moscow State Institute of International Relations").mentions.size() == 3);
  CHECK(aliases_of("Russia") == std::vector<std::string>{"Russian"});
  CHECK(aliases_of("United States") == std::vector<std::string>{"America", "U.S.", "US"});
  CHECK(references_of(analysis, entity_named(analysis, "Foreign Ministry")) ==
        std::vector<std::string>{"The ministry"});
  CHECK(aliases_of("Conservative Party") == std::vector<std::string>{"Tories"});
  CHECK(names_of(analysis, tag::EntityType::Person) == std::vector<std::string>{"Sergei Lavrov"});
}

TEST_CASE("a pronoun passes over a person whose first name is of the other gender", "[resolve][entities]") {
  const Analysis analysis = analysed(
      "Donald Smith met Hillary Jones in Ohio on Monday. Smith praised the plan. She said it would fail.");
  CHECK(references_of(analysis, entity_named(analysis, "Hillary Jones")) == std::vector<std::string>{"She"});
  CHECK(references_of(analysis, entity_named(analysis, "Donald Smith")).empty());
}

TEST_CASE("the first-name lexicon holds names news gives a gender, and no titles", "[lexicon]") {
  const auto& names = lexicon::FirstNames::embedded();
  CHECK(names.gender_of("Hillary") == lexicon::Gender::Female);
  CHECK(names.gender_of("Vladimir") == lexicon::Gender::Male);
  CHECK(names.gender_of("President") == lexicon::Gender::Unknown);
  CHECK(names.gender_of("Mrs") == lexicon::Gender::Unknown);
}
