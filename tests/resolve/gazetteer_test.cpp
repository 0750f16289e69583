#include <catch2/catch.hpp>

#include <string>

#include "newsgraph/error.hpp"
#include "newsgraph/resolve/gazetteer.hpp"

using newsgraph::ModelError;
using newsgraph::resolve::Gazetteer;
using newsgraph::resolve::GazetteerSources;
using newsgraph::resolve::normalize_name;
using newsgraph::resolve::PlaceKind;

namespace {

const Gazetteer& gazetteer() {
  return Gazetteer::embedded();
}

void require_place(std::string_view name, std::string_view canonical, PlaceKind kind,
                   std::string_view country) {
  INFO("name: " << name);
  const auto place = gazetteer().find_place(name);
  REQUIRE(place.has_value());
  CHECK(place->canonical == canonical);
  CHECK(place->kind == kind);
  CHECK(place->country == country);
}

// The message of the error that loading `text` as one lexicon, all others empty, throws.
std::string error_of(std::string_view GazetteerSources::*lexicon, std::string_view text) {
  GazetteerSources sources;
  sources.*lexicon = text;
  try {
    Gazetteer gazetteer(sources);
  } catch (const ModelError& error) {
    return error.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("gazetteer: countries by common, official and well-known names", "[resolve][gazetteer]") {
  require_place("Russia", "Russia", PlaceKind::Country, "Russia");
  require_place("Russian Federation", "Russia", PlaceKind::Country, "Russia");
  require_place("U.S.", "United States", PlaceKind::Country, "United States");
  require_place("US", "United States", PlaceKind::Country, "United States");
  require_place("USA", "United States", PlaceKind::Country, "United States");
  require_place("America", "United States", PlaceKind::Country, "United States");
  require_place("United States of America", "United States", PlaceKind::Country, "United States");
  require_place("the United States", "United States", PlaceKind::Country, "United States");
  require_place("UK", "United Kingdom", PlaceKind::Country, "United Kingdom");
  require_place("U.K.", "United Kingdom", PlaceKind::Country, "United Kingdom");
  require_place("Britain", "United Kingdom", PlaceKind::Country, "United Kingdom");
  require_place("Great Britain", "United Kingdom", PlaceKind::Country, "United Kingdom");
  require_place("People's Republic of China", "China", PlaceKind::Country, "China");
  require_place("People\u2019s Republic of China", "China", PlaceKind::Country, "China");
  // A country beats the US state of the same name.
  require_place("Georgia", "Georgia", PlaceKind::Country, "Georgia");
  // Lookups keep letter case: "us" is a pronoun.
  CHECK_FALSE(gazetteer().find_place("us"));
  CHECK_FALSE(gazetteer().find_place("Narnia"));
}

TEST_CASE("gazetteer: demonyms name their country", "[resolve][gazetteer]") {
  CHECK(gazetteer().country_of_demonym("Russian") == "Russia");
  CHECK(gazetteer().country_of_demonym("American") == "United States");
  CHECK(gazetteer().country_of_demonym("Americans") == "United States");
  CHECK(gazetteer().country_of_demonym("British") == "United Kingdom");
  CHECK(gazetteer().country_of_demonym("Chinese") == "China");
  // France's, not the French Southern Lands'.
  CHECK(gazetteer().country_of_demonym("French") == "France");
  // Two countries share it equally.
  CHECK_FALSE(gazetteer().country_of_demonym("Congolese"));
  CHECK_FALSE(gazetteer().country_of_demonym("russian"));
}

TEST_CASE("gazetteer: cities and regions", "[resolve][gazetteer]") {
  require_place("Sochi", "Sochi", PlaceKind::City, "Russia");
  require_place("Lisbon", "Lisbon", PlaceKind::City, "Portugal");
  require_place("Prague", "Prague", PlaceKind::City, "Czechia");
  // Saint Petersburg in Russia beats St. Petersburg in Florida, however it is spelt.
  require_place("St. Petersburg", "Saint Petersburg", PlaceKind::City, "Russia");
  require_place("St Petersburg", "Saint Petersburg", PlaceKind::City, "Russia");
  require_place("Saint Petersburg", "Saint Petersburg", PlaceKind::City, "Russia");
  // Capitals win over the other places of the same name (Paris, Texas; London, Ontario).
  require_place("Paris", "Paris", PlaceKind::City, "France");
  require_place("London", "London", PlaceKind::City, "United Kingdom");
  require_place("Washington D.C.", "Washington D.C.", PlaceKind::City, "United States");
  require_place("Bogota", "Bogota", PlaceKind::City, "Colombia");
  require_place("Bogotá", "Bogotá", PlaceKind::City, "Colombia");
  require_place("Texas", "Texas", PlaceKind::Region, "United States");
  require_place("Chechnya", "Chechnya", PlaceKind::Region, "Russia");
  // A state as written after a city ("Tulsa, Okla.").
  require_place("Okla.", "Oklahoma", PlaceKind::Region, "United States");
  require_place("N.C.", "North Carolina", PlaceKind::Region, "United States");
}

TEST_CASE("gazetteer: city names that are common words or surnames are left out", "[resolve][gazetteer]") {
  CHECK_FALSE(gazetteer().find_place("Of"));     // Of, Turkey
  CHECK_FALSE(gazetteer().find_place("Nice"));   // "nice" far outnumbers the French city in news text
  CHECK_FALSE(gazetteer().find_place("Obama"));  // Obama, Japan: "Barack Obama"
  CHECK_FALSE(gazetteer().find_place("Can"));
}

TEST_CASE("gazetteer: organisations by abbreviation and full name", "[resolve][gazetteer]") {
  const auto nato = gazetteer().find_organization("NATO");
  REQUIRE(nato.has_value());
  CHECK(nato->canonical == "North Atlantic Treaty Organization");
  CHECK(gazetteer().find_organization("North Atlantic Treaty Organization")->canonical == nato->canonical);
  CHECK(gazetteer().find_organization("Nato")->canonical == nato->canonical);
  CHECK(gazetteer().find_organization("UN")->canonical == "United Nations");
  CHECK(gazetteer().find_organization("the United Nations")->canonical == "United Nations");
  CHECK(gazetteer().find_organization("EU")->canonical == "European Union");
  CHECK(gazetteer().find_organization("International Monetary Fund")->abbreviations.front() == "IMF");
  CHECK(gazetteer().find_organization("IMF")->canonical == "International Monetary Fund");
  CHECK(gazetteer().find_organization("G8")->canonical == "Group of 8");
  // organizations_supraverden.tsv adds the British spelling to the Factbook's entry.
  const auto ilo = gazetteer().find_organization("International Labour Organization");
  REQUIRE(ilo.has_value());
  CHECK(ilo->canonical == "International Labor Organization");
  CHECK(gazetteer().find_organization("ILO")->canonical == ilo->canonical);
  CHECK_FALSE(gazetteer().find_organization("nato"));
}

TEST_CASE("gazetteer: an abbreviation written with periods is the abbreviation", "[resolve][gazetteer]") {
  CHECK(gazetteer().find_organization("E.U.")->canonical == "European Union");
  CHECK(gazetteer().find_organization("U.N.")->canonical == "United Nations");
  CHECK(gazetteer().find_organization("N.A.T.O.")->canonical == "North Atlantic Treaty Organization");
  CHECK_FALSE(gazetteer().find_organization("E.u."));
  CHECK_FALSE(gazetteer().find_organization("Gov."));
}

TEST_CASE("gazetteer: names are normalised the same way the generator groups them", "[resolve][gazetteer]") {
  CHECK(normalize_name("St. Petersburg") == "Saint Petersburg");
  CHECK(normalize_name("St Petersburg") == "Saint Petersburg");
  CHECK(normalize_name("St.-Denis") == "Saint-Denis");
  CHECK(normalize_name("Stavropol") == "Stavropol");
  CHECK(normalize_name("Main St") == "Main St");
  CHECK(normalize_name("Cote d\u2019Ivoire") == "Cote d'Ivoire");
  CHECK(normalize_name("  New \n York ") == "New York");
}

TEST_CASE("gazetteer: small lexicons load from strings", "[resolve][gazetteer]") {
  const Gazetteer small(GazetteerSources{
      .countries = "# newsgraph-gazetteer 1 countries\n# a comment\nGeorgia\t\tGeorgian\tTbilisi\n",
      .cities = "# newsgraph-gazetteer 1 cities\nGeorgia\tUnited States\nSpringfield\t\n",
      .regions = "# newsgraph-gazetteer 1 regions\nGeorgia\tUnited States\n",
      .region_abbreviations = "# newsgraph-gazetteer 1 region-abbreviations\nGa.\tGeorgia\tUnited States\n",
      .organizations = "# newsgraph-gazetteer 1 organizations\nUnited Nations\tUN\t\n",
      .organizations_supraverden = "# newsgraph-gazetteer 1 organizations\nUnited Nations\tONU\tThe UN\n",
  });
  CHECK(small.find_place("Georgia")->kind == PlaceKind::Country);
  CHECK(small.find_place("Tbilisi")->country == "Georgia");
  CHECK(small.find_place("Springfield")->country.empty());
  CHECK(small.find_place("Ga.")->kind == PlaceKind::Region);
  const auto un = small.find_organization("ONU");
  REQUIRE(un.has_value());
  CHECK(un->abbreviations == std::vector<std::string>{"UN", "ONU"});
  CHECK(un->names == std::vector<std::string>{"The UN"});
}

TEST_CASE("gazetteer: malformed lexicons give the file and line", "[resolve][gazetteer]") {
  CHECK(error_of(&GazetteerSources::cities, "# newsgraph-gazetteer 1 cities\nSochi\tRussia\nSpringfield\n") ==
        "resolve/cities.tsv:3: expected 2 columns, found 1");
  CHECK(error_of(&GazetteerSources::cities, "# newsgraph-gazetteer 3 cities\n") ==
        "resolve/cities.tsv:1: expected version 1, found 3");
  CHECK(error_of(&GazetteerSources::regions, "Texas\tUnited States\n") ==
        "resolve/regions.tsv:1: expected the header \"# newsgraph-gazetteer 1 regions\", found "
        "\"Texas\tUnited States\"");
  CHECK(
      error_of(&GazetteerSources::countries, "# newsgraph-gazetteer 1 cities\n") ==
      "resolve/countries.tsv:1: expected a gazetteer of countries, found \"# newsgraph-gazetteer 1 cities\"");
  CHECK(error_of(&GazetteerSources::organizations, "# newsgraph-gazetteer 1 organizations\n\tUN\t\n") ==
        "resolve/organizations.tsv:2: the name in the first column is empty");
}
