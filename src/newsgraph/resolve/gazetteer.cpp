#include "newsgraph/resolve/gazetteer.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>

#include "newsgraph/embedded.hpp"
#include "newsgraph/error.hpp"

namespace newsgraph::resolve {
namespace {

constexpr std::string_view kFormat = "newsgraph-gazetteer";
constexpr unsigned kVersion = 1;

constexpr std::string_view kCountriesFile = "resolve/countries.tsv";
constexpr std::string_view kCitiesFile = "resolve/cities.tsv";
constexpr std::string_view kRegionsFile = "resolve/regions.tsv";
constexpr std::string_view kOrganizationsFile = "resolve/organizations.tsv";
constexpr std::string_view kSupraverdenFile = "resolve/organizations_supraverden.tsv";
constexpr std::string_view kRegionAbbreviationsFile = "resolve/region_abbreviations.tsv";

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& message) {
  throw ModelError(std::string(file) + ":" + std::to_string(line) + ": " + message);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> pieces;
  for (std::size_t begin = 0;;) {
    const std::size_t end = text.find(separator, begin);
    pieces.push_back(text.substr(begin, end == std::string_view::npos ? end : end - begin));
    if (end == std::string_view::npos) return pieces;
    begin = end + 1;
  }
}

// A '|'-separated list; an empty column is an empty list.
std::vector<std::string_view> split_list(std::string_view column) {
  std::vector<std::string_view> items;
  for (std::string_view item : split(column, '|'))
    if (!item.empty()) items.push_back(item);
  return items;
}

void check_header(std::string_view line, std::string_view file, std::string_view kind) {
  const std::string expected =
      "# " + std::string(kFormat) + " " + std::to_string(kVersion) + " " + std::string(kind);
  const std::string prefix = "# " + std::string(kFormat) + " ";
  if (!line.starts_with(prefix))
    fail(file, 1, "expected the header \"" + expected + "\", found \"" + std::string(line) + "\"");
  const std::vector<std::string_view> words = split(line.substr(prefix.size()), ' ');
  unsigned version = 0;
  const auto [end, error] = std::from_chars(words[0].data(), words[0].data() + words[0].size(), version);
  if (error != std::errc() || end != words[0].data() + words[0].size())
    fail(file, 1, "expected the header \"" + expected + "\", found \"" + std::string(line) + "\"");
  if (version != kVersion)
    fail(file, 1, "expected version " + std::to_string(kVersion) + ", found " + std::string(words[0]));
  if (words.size() != 2 || words[1] != kind)
    fail(file, 1, "expected a gazetteer of " + std::string(kind) + ", found \"" + std::string(line) + "\"");
}

// Calls on_row(columns) for every row of a lexicon after checking its header; lines starting with
// '#' are comments. An empty text has no rows. Columns are at most kMaxColumns.
constexpr std::size_t kMaxColumns = 4;

template <typename OnRow>
void read_rows(std::string_view text, std::string_view file, std::string_view kind, std::size_t column_count,
               OnRow&& on_row) {
  if (text.empty()) return;
  std::array<std::string_view, kMaxColumns> columns;
  std::size_t line_number = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line_number == 1) {
      check_header(line, file, kind);
      continue;
    }
    if (line.starts_with('#')) continue;
    std::size_t found = 0;
    for (std::size_t column_begin = 0;; ++found) {
      const std::size_t tab = line.find('\t', column_begin);
      if (found < kMaxColumns) columns[found] = line.substr(column_begin, tab - column_begin);
      if (tab == std::string_view::npos) break;
      column_begin = tab + 1;
    }
    ++found;
    if (found != column_count)
      fail(file, line_number,
           "expected " + std::to_string(column_count) + " columns, found " + std::to_string(found));
    if (columns[0].empty()) fail(file, line_number, "the name in the first column is empty");
    on_row(std::span<const std::string_view>(columns.data(), column_count));
  }
}

bool starts_with_the(std::string_view name) {
  return name.starts_with("the ") || name.starts_with("The ");
}

template <typename Map>
const typename Map::mapped_type* find_normalized(const Map& index, std::string_view name) {
  std::string key = normalize_name(name);
  auto found = index.find(key);
  if (found == index.end() && starts_with_the(key)) found = index.find(key.substr(4));
  return found == index.end() ? nullptr : &found->second;
}

// "E.U." -> "EU": an abbreviation written with periods, when it is one (capitals and periods only).
std::optional<std::string> without_periods(std::string_view name) {
  if (name.find('.') == std::string_view::npos) return std::nullopt;
  std::string letters;
  for (const char c : name) {
    if (c >= 'A' && c <= 'Z')
      letters += c;
    else if (c != '.')
      return std::nullopt;
  }
  if (letters.size() < 2) return std::nullopt;
  return letters;
}

void append_new(std::vector<std::string>& list, std::string_view item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) list.emplace_back(item);
}

}  // namespace

std::string normalize_name(std::string_view name) {
  // Most names need no change (no "S" that could start "St", nothing outside ASCII, single spaces):
  // returning them at once keeps loading fast.
  const bool plain = std::none_of(name.begin(), name.end(),
                                  [](char c) {
                                    return c == '`' || c == 'S' || static_cast<unsigned char>(c) >= 0x80 ||
                                           (c != ' ' && std::isspace(static_cast<unsigned char>(c)));
                                  }) &&
                     name.find("  ") == std::string_view::npos && !name.starts_with(' ') &&
                     !name.ends_with(' ');
  if (plain) return std::string(name);

  std::string flat;
  flat.reserve(name.size());
  for (std::size_t i = 0; i < name.size();) {
    const std::string_view rest = name.substr(i);
    if (rest.starts_with("\u2019") || rest.starts_with("\u2018")) {
      flat += '\'';
      i += 3;
    } else if (rest.starts_with("\u02BC")) {
      flat += '\'';
      i += 2;
    } else if (rest[0] == '`') {
      flat += '\'';
      ++i;
    } else if (rest.starts_with("\u00A0") ||
               std::string_view(" \t\n\r\f\v").find(rest[0]) != std::string_view::npos) {
      if (!flat.empty() && flat.back() != ' ') flat += ' ';
      i += static_cast<unsigned char>(rest[0]) < 0x80 ? 1 : 2;
    } else {
      flat += rest[0];
      ++i;
    }
  }
  if (flat.ends_with(' ')) flat.pop_back();

  // "St" or "St." at the start of a word and followed by another one: "St. Petersburg", "St-Denis".
  std::string normalized;
  normalized.reserve(flat.size() + 8);
  for (std::size_t i = 0; i < flat.size();) {
    const bool word_start = i == 0 || flat[i - 1] == ' ' || flat[i - 1] == '-';
    if (word_start && flat.compare(i, 2, "St") == 0) {
      std::size_t end = i + 2;
      if (end < flat.size() && flat[end] == '.') ++end;
      if (end < flat.size() && (flat[end] == ' ' || flat[end] == '-')) {
        normalized += "Saint";
        i = end;
        continue;
      }
    }
    normalized += flat[i++];
  }
  return normalized;
}

Gazetteer::Gazetteer(const GazetteerSources& sources) {
  // One copy of all lexicons, reserved up front so that views into it stay valid.
  text_.reserve(sources.countries.size() + sources.cities.size() + sources.regions.size() +
                sources.region_abbreviations.size());
  const auto own = [this](std::string_view text) {
    const std::size_t offset = text_.size();
    text_ += text;
    return std::string_view(text_).substr(offset);
  };
  const std::string_view countries = own(sources.countries);
  const std::string_view cities = own(sources.cities);
  const std::string_view regions = own(sources.regions);
  const std::string_view region_abbreviations = own(sources.region_abbreviations);
  const auto newlines = [](std::string_view text) {
    return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
  };
  places_.reserve(newlines(cities) + newlines(regions) + newlines(region_abbreviations));
  place_index_.reserve(newlines(countries) * 4 + newlines(cities) + newlines(regions) +
                       newlines(region_abbreviations));

  // Insertion order is priority order: the first place to claim a name keeps it.
  read_countries(countries);
  read_places(cities, kCitiesFile, PlaceKind::City);
  read_places(regions, kRegionsFile, PlaceKind::Region);
  read_region_abbreviations(region_abbreviations);
  sort_place_index();
  read_organizations(sources.organizations, kOrganizationsFile);
  read_organizations(sources.organizations_supraverden, kSupraverdenFile);
}

const Gazetteer& Gazetteer::embedded() {
  static const Gazetteer gazetteer(GazetteerSources{
      .countries = require_embedded(kCountriesFile),
      .cities = require_embedded(kCitiesFile),
      .regions = require_embedded(kRegionsFile),
      .region_abbreviations = require_embedded(kRegionAbbreviationsFile),
      .organizations = require_embedded(kOrganizationsFile),
      .organizations_supraverden = require_embedded(kSupraverdenFile),
  });
  return gazetteer;
}

void Gazetteer::add_place(std::string_view name, const Place& place) {
  std::string key = normalize_name(name);
  const std::string_view stored_key =
      key == name ? name : std::string_view(normalized_keys_.emplace_back(std::move(key)));
  place_index_.emplace_back(stored_key, static_cast<std::uint32_t>(places_.size()));
  places_.push_back(place);
}

void Gazetteer::sort_place_index() {
  // Pairs sort by name, then by index: of equal names the first added comes first and is kept.
  std::sort(place_index_.begin(), place_index_.end());
  place_index_.erase(
      std::unique(place_index_.begin(), place_index_.end(),
                  [](const auto& left, const auto& right) { return left.first == right.first; }),
      place_index_.end());
}

void Gazetteer::read_countries(std::string_view text) {
  // canonical, names, demonyms, capitals. Capitals come before every city of cities.tsv, so that
  // "Washington D.C." and capitals GeoNames lacks are always known.
  std::vector<Place> capitals;
  read_rows(text, kCountriesFile, "countries", 4, [&](std::span<const std::string_view> columns) {
    const Place country{columns[0], columns[0], PlaceKind::Country};
    add_place(columns[0], country);
    for (std::string_view name : split_list(columns[1])) add_place(name, country);
    for (std::string_view demonym : split_list(columns[2]))
      demonyms_.try_emplace(normalize_name(demonym), columns[0]);
    for (std::string_view capital : split_list(columns[3]))
      capitals.push_back({capital, columns[0], PlaceKind::City});
  });
  for (const Place& capital : capitals) add_place(capital.canonical, capital);
}

void Gazetteer::read_places(std::string_view text, std::string_view file, PlaceKind kind) {
  // name, country (empty when unknown).
  const std::string_view lexicon = kind == PlaceKind::City ? "cities" : "regions";
  read_rows(text, file, lexicon, 2, [&](std::span<const std::string_view> columns) {
    add_place(columns[0], Place{columns[0], columns[1], kind});
  });
}

void Gazetteer::read_region_abbreviations(std::string_view text) {
  // abbreviation, region, country: "Okla." finds Oklahoma.
  read_rows(text, kRegionAbbreviationsFile, "region-abbreviations", 3,
            [&](std::span<const std::string_view> columns) {
              add_place(columns[0], Place{columns[1], columns[2], PlaceKind::Region});
            });
}

void Gazetteer::read_organizations(std::string_view text, std::string_view file) {
  // canonical, abbreviations, names. A row whose canonical name is already known adds to that entry.
  read_rows(text, file, "organizations", 3, [&](std::span<const std::string_view> columns) {
    std::uint32_t index = static_cast<std::uint32_t>(organizations_.size());
    const auto known = organization_index_.find(normalize_name(columns[0]));
    if (known != organization_index_.end() && organizations_[known->second].canonical == columns[0])
      index = known->second;
    else
      organizations_.push_back(OrganizationEntry{std::string(columns[0]), {}, {}});
    OrganizationEntry& entry = organizations_[index];
    for (std::string_view abbreviation : split_list(columns[1]))
      append_new(entry.abbreviations, abbreviation);
    for (std::string_view name : split_list(columns[2])) append_new(entry.names, name);

    organization_index_.try_emplace(normalize_name(entry.canonical), index);
    for (const std::string& name : entry.names) organization_index_.try_emplace(normalize_name(name), index);
    for (const std::string& abbreviation : entry.abbreviations)
      organization_index_.try_emplace(normalize_name(abbreviation), index);
  });
}

std::optional<PlaceEntry> Gazetteer::find_place(std::string_view name) const {
  const auto find = [this](std::string_view key) -> const Place* {
    const auto found =
        std::lower_bound(place_index_.begin(), place_index_.end(), key,
                         [](const auto& entry, std::string_view value) { return entry.first < value; });
    return found != place_index_.end() && found->first == key ? &places_[found->second] : nullptr;
  };
  const std::string key = normalize_name(name);
  const Place* place = find(key);
  if (place == nullptr && starts_with_the(key)) place = find(std::string_view(key).substr(4));
  if (place == nullptr) return std::nullopt;
  return PlaceEntry{std::string(place->canonical), place->kind, std::string(place->country)};
}

std::optional<std::string> Gazetteer::country_of_demonym(std::string_view word) const {
  if (const std::string* country = find_normalized(demonyms_, word)) return *country;
  // The plural of the noun: "Russians", "Americans".
  if (word.size() > 1 && word.ends_with('s'))
    if (const std::string* country = find_normalized(demonyms_, word.substr(0, word.size() - 1)))
      return *country;
  return std::nullopt;
}

std::optional<OrganizationEntry> Gazetteer::find_organization(std::string_view name) const {
  const std::uint32_t* index = find_normalized(organization_index_, name);
  if (index == nullptr)
    if (const auto abbreviation = without_periods(name))
      index = find_normalized(organization_index_, *abbreviation);
  if (index == nullptr) return std::nullopt;
  return organizations_[*index];
}

}  // namespace newsgraph::resolve
