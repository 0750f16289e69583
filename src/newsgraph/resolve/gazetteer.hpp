// A gazetteer: the countries, cities, first-level regions and international organisations that news
// names, read from the lexicons resolve/countries.tsv, cities.tsv, regions.tsv, organizations.tsv and
// organizations_supraverden.tsv (made by tools/make_gazetteers.py; the format is described in each
// file's header comment), and region_abbreviations.tsv ("Okla." for Oklahoma, written by hand). Lookups take a name as written in the text, letter case included ("Nice"
// is a city, "nice" is not); they also accept "St" or "St." for "Saint", curly apostrophes for
// straight ones, and a leading "the" ("the United States"). When a name is both, a country beats a
// city and a city beats a region ("Georgia" is the country). No offsets here: names are UTF-8
// strings. A Gazetteer never changes after construction, so one object is safe to share between
// threads; Gazetteer::embedded() builds the one from the embedded lexicons once, thread-safely.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::resolve {

enum class PlaceKind { Country, City, Region };

struct PlaceEntry {
  std::string canonical;  // "Russia", "Saint Petersburg"
  PlaceKind kind = PlaceKind::Country;
  // The canonical name of the country the place is in; for a country, the country itself. Empty
  // for a city or region name that places in several countries share when nothing in the data
  // says which one news means ("Springfield").
  std::string country;
};

struct OrganizationEntry {
  std::string canonical;                   // "North Atlantic Treaty Organization"
  std::vector<std::string> abbreviations;  // "NATO", "Nato"
  std::vector<std::string> names;          // other full names
};

// The text of each lexicon file. An empty view stands for a file with no rows (tests use this).
struct GazetteerSources {
  std::string_view countries;
  std::string_view cities;
  std::string_view regions;
  std::string_view region_abbreviations;  // "Okla." for Oklahoma
  std::string_view organizations;
  std::string_view organizations_supraverden;  // rows merge into organizations.tsv's by canonical name
};

class Gazetteer {
 public:
  // Throws newsgraph::ModelError naming the file and line when a header or row is malformed
  // ("resolve/cities.tsv:12: expected 2 columns, found 1").
  explicit Gazetteer(const GazetteerSources& sources);
  // Not copyable or movable: entries point into the object's own copy of the lexicons.
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The gazetteer of the lexicons embedded in the binary, parsed on first use.
  static const Gazetteer& embedded();

  // "Sochi" -> city in Russia; "U.S." -> the country United States.
  std::optional<PlaceEntry> find_place(std::string_view name) const;
  // "Russian" -> "Russia", "Americans" -> "United States".
  std::optional<std::string> country_of_demonym(std::string_view word) const;
  // "NATO", "Nato" or "North Atlantic Treaty Organization"; an abbreviation also with periods ("E.U.").
  std::optional<OrganizationEntry> find_organization(std::string_view name) const;

 private:
  // Places are many (some 40,000), so they are stored compactly: views into text_ (the lexicons,
  // copied once) and, for the few names normalize_name changes, into normalized_keys_.
  struct Place {
    std::string_view canonical;
    std::string_view country;
    PlaceKind kind;
  };

  void read_countries(std::string_view text);
  void read_places(std::string_view text, std::string_view file, PlaceKind kind);
  void read_region_abbreviations(std::string_view text);
  void read_organizations(std::string_view text, std::string_view file);
  void add_place(std::string_view name, const Place& place);
  void sort_place_index();

  std::string text_;
  std::deque<std::string> normalized_keys_;  // a deque never moves its strings, so views stay valid
  std::vector<Place> places_;
  // (normalised name, index into places_), sorted by name; of equal names only the first added stays.
  std::vector<std::pair<std::string_view, std::uint32_t>> place_index_;
  std::unordered_map<std::string, std::string> demonyms_;  // demonym -> country
  std::vector<OrganizationEntry> organizations_;
  std::unordered_map<std::string, std::uint32_t> organization_index_;  // normalised name or abbreviation
};

// The form names are compared in: curly apostrophes made straight, "St." or "St" before another word
// made "Saint", runs of white space made one space; case is kept. Must match normalize() in
// tools/make_gazetteers.py, which groups the names the lookup cannot tell apart.
std::string normalize_name(std::string_view name);

}  // namespace newsgraph::resolve
