#!/usr/bin/env python3
"""Turn the shared gazetteer data into the TSV lexicons under src/newsgraph/resolve/.

    python3 tools/make_gazetteers.py [--data /work/shared/data] [--out src/newsgraph/resolve]

Reads gazetteers/{mledoze_countries,world_cities,dieghernan_orgs,supraverden} and, only to decide
what to leave out, the English text in corpora/ and the given names in gazetteers/petrarch_actors and
gazetteers/kremlin_persons.tsv (nothing of those reaches the output). Writes
countries.tsv, cities.tsv, regions.tsv, organizations.tsv and organizations_supraverden.tsv.
Each source keeps its own file so that each file carries exactly one licence (see GAZETTEERS.md).
The output is sorted and byte-for-byte reproducible. Standard library only.
"""

import argparse
import collections
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

FORMAT = "newsgraph-gazetteer"
VERSION = 1

# ---------------------------------------------------------------------------------------------
# Names as the C++ lookup compares them. Must stay identical to normalize_name() in gazetteer.cpp:
# curly apostrophes become straight ones, "St." / "St" before another word becomes "Saint",
# runs of white space become one space. Letter case is kept: "Nice" is not "nice".

APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
SPACES = re.compile("[ \t\n\r\f\v\u00a0]+")
SAINT = re.compile(r"(?<![^ -])St\.?(?=[ -])")


def normalize(name):
    name = SPACES.sub(" ", name.translate(APOSTROPHES)).strip(" ")
    return SAINT.sub("Saint", name)


# Letters that Unicode does not decompose into a base letter plus accents.
FOLD_EXTRA = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                            "ß": "ss", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d",
                            "þ": "th", "ı": "i", "ʻ": "'", "ʼ": "'", "‘": "'", "’": "'"})


def ascii_fold(name):
    """"Bogotá" -> "Bogota": the spelling English news usually prints. None if not foldable."""
    folded = unicodedata.normalize("NFKD", name.translate(FOLD_EXTRA))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded if folded.isascii() else None


def is_latin(name):
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in name)


# ---------------------------------------------------------------------------------------------
# Word statistics from running English text.

TOKEN = re.compile(r"[^\W\d_]+(?:['’.\-][^\W\d_]+)*\.?|\d+|[^\w\s]")
SENTENCE_END = {".", "!", "?", ":", ";", "\"", "“", "”", "(", ")", "-", "–", "—"}


def read_corpus(corpora):
    """The documents of the English corpora, each as plain text."""
    for path in sorted((corpora / "bbc_news").glob("*/*.txt")):
        yield path.read_text(encoding="latin-1")
    with open(corpora / "kremlin_en.jsonl", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            yield record.get("title", "") + "\n\n" + record.get("text", "")


class CorpusStats:
    """Counts, for phrases of up to MAX_WORDS words, how often each appears in lowercase and how
    often capitalised but not at the start of a sentence (nor of a line: titles). Also keeps, per
    document, the set of capitalised phrases it contains, for co-occurrence questions."""

    MAX_WORDS = 4

    def __init__(self, documents, given_names):
        self.lowercase = collections.Counter()
        self.capitalised_mid = collections.Counter()
        self.preceding_names = collections.defaultdict(collections.Counter)  # "Barack Obama", "Mr Lavrov"
        self.documents = []
        for text in documents:
            capitalised = set()
            for line in text.split("\n"):
                tokens = TOKEN.findall(line)
                for i in range(len(tokens)):
                    starts_sentence = i == 0 or tokens[i - 1] in SENTENCE_END or (
                        tokens[i - 1].endswith(".") and len(tokens[i - 1]) > 1)
                    if i > 0 and tokens[i - 1].rstrip(".") in given_names:
                        self.preceding_names[tokens[i]][tokens[i - 1].rstrip(".")] += 1
                    for n in range(1, self.MAX_WORDS + 1):
                        words = tokens[i:i + n]
                        if len(words) < n or not words[-1][0].isalnum():
                            break
                        phrase = " ".join(words)
                        if phrase.islower():
                            self.lowercase[phrase] += 1
                        elif words[0][0].isupper():
                            capitalised.add(phrase)
                            if not starts_sentence:
                                self.capitalised_mid[phrase] += 1
            self.documents.append(capitalised)

    @staticmethod
    def phrase(name):
        return " ".join(TOKEN.findall(name))

    def is_common_word(self, name):
        """A name is a common word when running text has it in lowercase more often than
        capitalised in mid-sentence: "Of", "Nice", "Bath", "Split", "Central"."""
        phrase = self.phrase(name)
        lower = phrase.lower()
        if lower == phrase:
            return False
        return self.lowercase[lower] > self.capitalised_mid[phrase]

    def is_person_name(self, name):
        """A one-word name is a person's name when, in the corpora, it mostly follows a given name
        or a title: "Obama" ("Barack Obama", "President Obama"), "Lavrov". The actor lists hold some
        words that are no given names ("New", "Of"); those are common words and do not count."""
        after_names = sum(count for given, count in self.preceding_names[name].items()
                          if given in TITLES or (given[0].isupper() and not self.is_common_word(given)))
        return after_names * 2 > self.capitalised_mid[name] > 0


TITLES = {"Mr", "Mrs", "Ms", "Dr", "Sir", "Lord", "Lady", "President", "Minister", "Premier",
          "Chancellor", "Secretary", "Governor", "Senator", "Ambassador", "General", "King", "Queen",
          "Prince", "Princess", "Patriarch", "Pope"}


def read_given_names(gazetteers):
    """Given names of the people in the news-actor lists (PETRARCH's Phoenix dictionaries, MIT;
    the Kremlin's person list), plus titles: the words that precede a surname."""
    names = set(TITLES)
    for path in sorted((gazetteers / "petrarch_actors").glob("Phoenix.*.actors.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            # A person is a head line "GIVEN_SURNAME_  # comment" whose codes and dates follow on
            # the next lines; countries and groups carry their code on the same line.
            head = line.split("#")[0].strip()
            if not head or line[0] in "+ \t[" or "[" in head:
                continue
            words = [w for w in head.split("_") if w]
            if len(words) >= 2:
                names.add(words[0].title())
    with open(gazetteers / "kremlin_persons.tsv", encoding="utf-8") as f:
        for row in list(csv.reader(f, delimiter="\t"))[1:]:
            names.update(row[1].split()[1:])  # "Surname Given"
    return names


# ---------------------------------------------------------------------------------------------
# Countries (mledoze/countries, ODbL).

# Well-known English forms the data lacks. Everything else comes from the data.
EXTRA_COUNTRY_NAMES = {
    "United States": ["U.S.", "US", "U.S.A.", "America"],
    "United Kingdom": ["U.K.", "Britain"],
    "Türkiye": ["Turkey"],
    "Czechia": ["Czech Republic"],
}

# world-cities (ISO 3166 names from pycountry) spells these countries differently from mledoze.
WORLD_CITIES_COUNTRY = {
    "Cabo Verde": "Cape Verde",
    "Congo, The Democratic Republic of the": "DR Congo",
    "No country found for alpha-2 code: XK": "Kosovo",
    "Taiwan, Province of China": "Taiwan",
}


class Country:
    def __init__(self, record):
        self.canonical = record["name"]["common"]
        self.official = record["name"]["official"]
        self.independent = bool(record.get("independent"))
        self.un_member = bool(record.get("unMember"))
        self.alt_spellings = record.get("altSpellings", [])
        self.capitals = record.get("capital", [])
        demonyms = record.get("demonyms", {}).get("eng", {})
        self.demonyms = sorted({d.strip() for form in ("m", "f") for d in demonyms.get(form, "").split(",")
                                if d.strip()})
        self.names = []

    def prominence(self):
        return (self.independent, self.un_member)


def foreign_names(record):
    """Every non-English name the record knows: native names and translations."""
    names = set()
    for language, native in record["name"].get("native", {}).items():
        if language != "eng":
            names.update(native.values())
    for translation in record.get("translations", {}).values():
        names.update(translation.values())
    return names


def is_english_alt_spelling(alt, record, stats):
    """altSpellings mixes codes, English names and names in other languages. Keep an English name:
    not the 2-letter code, no inverted "Bolivia, Plurinational State of" form, capitalised, Latin
    script, and either seen capitalised in the English corpora ("Côte d'Ivoire") or, when not a
    native name or translation, made only of English words and words of the country's own name
    ("Republic of Armenia")."""
    if alt == record["cca2"] or "," in alt or not alt[0].isupper() or not is_latin(alt):
        return False
    phrase = stats.phrase(alt)
    if stats.capitalised_mid[phrase] > 0:
        return True
    if alt in foreign_names(record):
        return False
    own_words = set(stats.phrase(record["name"]["common"] + " " + record["name"]["official"]).split())
    return all(w in own_words or stats.lowercase[w.lower()] > 0 for w in phrase.split())


def load_countries(path, stats):
    records = json.loads((path / "countries.json").read_text(encoding="utf-8"))
    countries = [Country(r) for r in records]
    all_demonyms = {d for c in countries for d in c.demonyms}
    for country, record in zip(countries, records):
        names = [country.official] + EXTRA_COUNTRY_NAMES.get(country.canonical, [])
        # "Thai" and "Togolese" are listed as alternative names; they are adjectives.
        names += [a for a in country.alt_spellings if a not in all_demonyms and is_english_alt_spelling(a, record, stats)]
        country.names = unique(n for n in names if n != country.canonical)
    return countries


def resolve_demonyms(countries):
    """Demonym -> country. "French" belongs to France and to the French Southern Lands: an
    independent UN member wins. Still tied ("Congolese", "Dominican"): the word is left out."""
    claims = collections.defaultdict(list)
    for country in countries:
        for demonym in country.demonyms:
            claims[demonym].append(country)
    result, ambiguous = {}, []
    for demonym, owners in claims.items():
        best = max(c.prominence() for c in owners)
        winners = [c for c in owners if c.prominence() == best]
        if len(winners) == 1:
            result[demonym] = winners[0].canonical
        else:
            ambiguous.append(demonym)
    return result, sorted(ambiguous)


# ---------------------------------------------------------------------------------------------
# Cities and regions (datasets/world-cities, CC BY 4.0, from GeoNames).

def country_terms(countries, demonym_country):
    """Phrase -> countries it names, for co-occurrence counts."""
    terms = collections.defaultdict(set)
    for country in countries:
        for name in [country.canonical] + country.names:
            terms[CorpusStats.phrase(name)].add(country.canonical)
    for demonym, country in demonym_country.items():
        terms[CorpusStats.phrase(demonym)].add(country)
    return terms


def resolve_places(candidates, capitals, stats, terms, report, label):
    """candidates: surface name -> {country: its regions holding a place of that name}. Surfaces the
    C++ lookup cannot tell apart ("St. Petersburg", "Saint Petersburg") form one group with one
    answer:
      1. the capital of a sovereign state wins ("London", "Paris", "Moscow");
      2. else the country whose name, demonym or region of the place ("England" for Manchester) is
         mentioned in the most corpus documents containing the name, if in more of them than any
         other candidate's ("St. Petersburg" -> Russia);
      3. else the country is left empty: a place of that name exists, but not known where.
    Returns surface -> country ("" when unknown)."""
    groups = collections.defaultdict(set)
    for surface in candidates:
        groups[normalize(surface)].add(surface)
    country_of_group, undecided = {}, {}
    for key, surfaces in groups.items():
        owners = collections.defaultdict(set)
        for surface in surfaces:
            for country, regions in candidates[surface].items():
                owners[country].update(CorpusStats.phrase(r) for r in regions)
        capital_of = {capitals[s] for s in surfaces if s in capitals} & set(owners)
        if len(owners) == 1:
            country_of_group[key] = next(iter(owners))
        elif len(capital_of) == 1:
            country_of_group[key] = capital_of.pop()
        else:
            undecided[key] = owners

    groups_of_phrase = collections.defaultdict(set)
    for key in undecided:
        for surface in groups[key]:
            groups_of_phrase[CorpusStats.phrase(surface)].add(key)
    votes = collections.defaultdict(collections.Counter)
    for document in stats.documents:
        present = set().union(*(groups_of_phrase[p] for p in document if p in groups_of_phrase))
        if present:
            mentioned = set().union(*(terms[p] for p in document if p in terms))
            for key in present:
                votes[key].update(country for country, regions in undecided[key].items()
                                  if country in mentioned or regions & document)
    for key in undecided:
        ranked = votes[key].most_common(2) + [("", 0), ("", 0)]
        country_of_group[key] = ranked[0][0] if ranked[0][1] > ranked[1][1] else ""
        report[f"{label} shared by several countries, " + ("resolved" if country_of_group[key] else "unresolved")] += 1
    return {surface: country_of_group[key] for key, surfaces in groups.items() for surface in surfaces}


def load_places(path, countries, stats, terms, report):
    by_name = {}
    for country in countries:
        for name in [country.canonical, country.official] + country.alt_spellings:
            by_name.setdefault(name, country.canonical)
    cities = collections.defaultdict(lambda: collections.defaultdict(set))
    regions = collections.defaultdict(lambda: collections.defaultdict(set))
    with open(path / "world-cities.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            source_country = row["country"]
            country = by_name.get(source_country) or WORLD_CITIES_COUNTRY.get(source_country)
            if country is None:
                sys.exit(f"make_gazetteers: world-cities country {source_country!r} matches no country")
            region = row["subcountry"].strip()
            region = "" if region == "N/A" else region
            cities[row["name"].strip()][country].add(region)
            if region:
                regions[region][country]
    all_capitals = {capital for country in countries for capital in country.capitals}
    sovereign_capitals = {capital: country.canonical for country in countries if country.independent
                          for capital in country.capitals}
    # GeoNames calls "Washington D.C." just "Washington" (in "District of Columbia").
    for name, owners in cities.items():
        for capital, country in list(sovereign_capitals.items()):
            if country in owners and capital.startswith(name + " "):
                sovereign_capitals.setdefault(name, country)

    def with_ascii_forms(table):
        for name in list(table):
            folded = ascii_fold(name)
            if folded and folded != name:
                for country, places in table[name].items():
                    table[folded][country].update(places)
        return table

    def keep(table, label, exempt=frozenset()):
        dropped = {n for n in table if n not in exempt and (stats.is_common_word(n) or stats.is_person_name(n))}
        report[f"{label} dropped as common words or person names"] = len(dropped)
        report[f"{label} dropped, sample"] = ", ".join(sorted(dropped)[:60])
        return {n: c for n, c in table.items() if n not in dropped}

    capital_names = all_capitals | set(sovereign_capitals) | {ascii_fold(c) for c in all_capitals}
    cities = keep(with_ascii_forms(cities), "cities", capital_names)
    regions = keep(with_ascii_forms(regions), "regions")
    city_country = resolve_places(cities, sovereign_capitals, stats, terms, report, "city names")
    region_country = resolve_places(regions, {}, stats, terms, report, "region names")
    return city_country, region_country


# ---------------------------------------------------------------------------------------------
# Organisations (dieghernan/Country-Codes-and-International-Organizations, MIT; supraverden, CC BY-SA).

class Organization:
    def __init__(self, canonical):
        self.canonical = canonical
        self.abbreviations = []
        self.names = []

    def full_names(self):
        return [self.canonical] + self.names

    def add_abbreviation(self, abbreviation, stats):
        """Adds "G-8" with its unhyphenated "G8", and the title-case form that British papers print
        ("Nato", "Opec") when the corpora print it and it is not an ordinary word."""
        forms = [abbreviation]
        if re.fullmatch(r"[A-Z]+-\d+", abbreviation):
            forms.append(abbreviation.replace("-", ""))
        if re.fullmatch(r"[A-Z]{4,}", abbreviation):
            title = abbreviation.title()
            if stats.capitalised_mid[title] > 0 and not stats.is_common_word(title):
                forms.append(title)
        self.abbreviations = unique(self.abbreviations + forms)


def is_acronym(text):
    return bool(re.fullmatch(r"[A-Z][A-Za-z0-9]*(-[A-Z0-9]+)*", text)) and sum(c.isupper() for c in text) >= 2


def load_dieghernan(path, stats):
    """CountrycodesOrgs.csv pairs an id with a name. Most ids are the CIA Factbook abbreviation;
    ids like "ARCTIC_COUNCIL", "EuroArea" or "C" are keys, not abbreviations, and are skipped, and an
    id that is a word of the name in capitals ("BENELUX", "ENTENTE") is not an abbreviation either."""
    organizations = {}
    with open(path / "CountrycodesOrgs.csv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = SPACES.sub(" ", row["org_name"]).strip()
            organization = organizations.setdefault(name, Organization(name))
            key = row["org_id"].strip()
            if re.fullmatch(r"[A-Z0-9]+(-[0-9]+)?", key) and len(key) >= 2 and key not in name.upper().split():
                organization.add_abbreviation(key, stats)
    return list(organizations.values())


def read_simple_yaml(path):
    """Just enough YAML for general_list.yaml: top-level keys (plain or "? key" / ": field"),
    two-space-indented "Field: value" pairs, '...' or "..." quoting, null, and "- item" lists,
    which are skipped. Returns a list of {field: value}."""
    records, record = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line.startswith("  - "):
            continue
        if line.startswith("? ") or (not line.startswith((" ", ":")) and line.endswith(":")):
            record = {}
            records.append(record)
            continue
        match = re.fullmatch(r"(?:  |: )(\w+):(?: (.*))?", line)
        if match is None or record is None:
            sys.exit(f"make_gazetteers: {path}: cannot read line {line!r}")
        value = match.group(2)
        if value is None or value == "null":
            continue
        if len(value) >= 2 and value[0] == value[-1] == "'":
            value = value[1:-1].replace("''", "'")
        elif len(value) >= 2 and value[0] == value[-1] == '"':
            value = json.loads(value)
        record[match.group(1)] = value.strip()
    return records


def name_words(name):
    return set(re.findall(r"[a-z]+", name.lower().replace("labour", "labor").replace("organisation", "organization"))) - {
        "of", "the", "and", "for", "on", "in"}


def load_supraverden(path, known, stats):
    """supraverden's English names and abbreviations. An organisation that is already in the MIT
    list (same full name, or same abbreviation with mostly the same words: "International Labour
    Organization" / "International Labor Organization") is written under the MIT list's canonical
    name, so that the C++ loader merges the two rows. An abbreviation that another organisation
    already claims, in either list, is left out: the lookup could not tell which one is meant."""
    by_name = {normalize(n): o for o in known for n in o.full_names()}
    by_abbreviation = {a: o for o in known for a in o.abbreviations}
    result, claims = {}, collections.defaultdict(set)
    for record in read_simple_yaml(path / "general_list.yaml"):
        name = record.get("Name_en")
        if not name:
            continue
        names = unique([name] + [v for k, v in sorted(record.items()) if re.fullmatch(r"Name_other(_\d+)?_en", k)])
        abbreviations = [v for k, v in sorted(record.items()) if re.fullmatch(r"Abbreviation(_other(_\d+)?)?_en", k)]
        # Some "other names" are abbreviations ("SATCEN"), some abbreviations are names ("Cedefop").
        abbreviations = unique(abbreviations + [n for n in names if re.fullmatch(r"[A-Z]{2,}", n)])
        names = [n for n in names if n not in abbreviations]
        same = next((by_name[normalize(n)] for n in names if normalize(n) in by_name), None)
        for abbreviation in abbreviations:
            other = by_abbreviation.get(abbreviation)
            if same is None and other and 2 * len(name_words(other.canonical) & name_words(name)) > len(name_words(name)):
                same = other
        canonical = same.canonical if same else name
        organization = result.setdefault(canonical, Organization(canonical))
        already = set(same.full_names()) if same else {canonical}
        organization.names = unique(organization.names + [n for n in names if n not in already])
        for abbreviation in abbreviations:
            if (is_acronym(abbreviation) or re.fullmatch(r"[A-Z][a-z]+", abbreviation)) and \
                    by_abbreviation.get(abbreviation, same) is same:
                organization.add_abbreviation(abbreviation, stats)
        for abbreviation in organization.abbreviations:
            claims[abbreviation].add(canonical)
    for organization in result.values():
        organization.abbreviations = [a for a in organization.abbreviations if len(claims[a]) == 1]
    known_abbreviations = {(o.canonical, a) for o in known for a in o.abbreviations}
    known_names = {o.canonical for o in known}
    # A row about an MIT organisation that adds nothing new is left out.
    return [o for o in result.values() if o.canonical not in known_names or o.names or
            any((o.canonical, a) not in known_abbreviations for a in o.abbreviations)]


# ---------------------------------------------------------------------------------------------
# Output.

def unique(items):
    seen, result = set(), []
    for item in items:
        if item and item not in seen:
            seen.add(item)
            result.append(item)
    return result


def check_field(text):
    if any(c in text for c in "\t\n|"):
        sys.exit(f"make_gazetteers: name {text!r} contains a tab, newline or '|'")
    return text


def write_tsv(path, kind, comment, rows):
    lines = [f"# {FORMAT} {VERSION} {kind}"] + ["# " + line if line else "#" for line in comment.strip().split("\n")]
    for row in sorted(rows):
        lines.append("\t".join("|".join(check_field(v) for v in field) if isinstance(field, list) else check_field(field)
                               for field in row))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    parser.add_argument("--out", type=Path, default=root / "src/newsgraph/resolve")
    args = parser.parse_args()
    gazetteers = args.data / "gazetteers"

    stats = CorpusStats(read_corpus(args.data / "corpora"), read_given_names(gazetteers))
    report = collections.Counter()
    countries = load_countries(gazetteers / "mledoze_countries", stats)
    demonym_country, ambiguous_demonyms = resolve_demonyms(countries)
    demonyms_of = collections.defaultdict(list)
    for demonym, country in demonym_country.items():
        demonyms_of[country].append(demonym)
    terms = country_terms(countries, demonym_country)
    city_country, region_country = load_places(gazetteers / "world_cities", countries, stats, terms, report)
    organizations = load_dieghernan(gazetteers / "dieghernan_orgs", stats)
    supraverden = load_supraverden(gazetteers / "supraverden", organizations, stats)

    args.out.mkdir(parents=True, exist_ok=True)
    write_tsv(args.out / "countries.tsv", "countries", f"""
Generated by tools/make_gazetteers.py from mledoze/countries (ODbL 1.0, see GAZETTEERS.md).
This file is a derived database under the ODbL: it may be shared only under the ODbL.
One row per country or territory, four tab-separated columns; lists are separated by '|':
  canonical   the common English name ("United States")
  names       other names: the official name, English alternative spellings, well-known forms
  demonyms    English demonyms / adjectives ("American"); a demonym two countries share equally
              is left out: {", ".join(ambiguous_demonyms)}
  capitals    capital cities
""", [(c.canonical, c.names, sorted(demonyms_of[c.canonical]), c.capitals) for c in countries])
    place_comment = """
Generated by tools/make_gazetteers.py from datasets/world-cities (CC BY 4.0, from GeoNames; see
GAZETTEERS.md). Two tab-separated columns: {what} name, canonical country (countries.tsv).
Spellings with accents also appear without them ("Bogotá", "Bogota").
Names that are English common words are left out: a name is dropped when English news text (the
BBC and Kremlin corpora) has it in lowercase more often than capitalised in mid-sentence ("Of",
"Nice", "Bath"){capitals}.
A name that several countries share goes to a capital of that name, else to the country mentioned
in more corpus documents containing the name than any other; else the country column is empty.
"""
    write_tsv(args.out / "cities.tsv", "cities",
              place_comment.format(what="city", capitals="; capitals are kept regardless"),
              list(city_country.items()))
    write_tsv(args.out / "regions.tsv", "regions",
              place_comment.format(what="first-level region (state, province, GeoNames admin1)", capitals=""),
              list(region_country.items()))
    organization_comment = """
Generated by tools/make_gazetteers.py from {source}; see GAZETTEERS.md.
One row per organisation, three tab-separated columns; lists are separated by '|':
  canonical      full English name
  abbreviations  "NATO"; also "G8" beside "G-8" and the British title case "Nato" where the
                 corpora print it
  names          other full names
"""
    write_tsv(args.out / "organizations.tsv", "organizations",
              organization_comment.format(source="dieghernan/Country-Codes-and-International-Organizations (MIT; names from the CIA World Factbook)"),
              [(o.canonical, o.abbreviations, o.names) for o in organizations])
    write_tsv(args.out / "organizations_supraverden.tsv", "organizations",
              organization_comment.format(source="confirmordeny/supraverden (CC BY-SA 4.0: this file may be shared only under CC BY-SA 4.0)") +
              "Rows whose canonical name is also in organizations.tsv add names to that organisation.",
              [(o.canonical, o.abbreviations, o.names) for o in supraverden])
    for key in sorted(report):
        print(f"{key}: {report[key]}", file=sys.stderr)


if __name__ == "__main__":
    main()
