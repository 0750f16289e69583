#!/usr/bin/env python3
"""Writes src/newsgraph/lexicon/first_names.tsv: first names with the gender news gives the people
who bear them, so that "she" passes over Donald Trump and finds Hillary Clinton where the article
never writes "Mr Trump" or "Mrs Clinton".

Three signs, counted per article:
  - a form of address: an article naming "Patricia Hewitt" and "Ms Hewitt" (and never "Mr Hewitt"
    nor another Hewitt) gives "Patricia" a female vote; "Mr" a male one, Mrs, Ms and Miss female ones (weight 3);
  - a word of kinship or rank right before the name: "his wife Lyudmila", "Queen Elizabeth" give
    female votes, "her husband Denis", "King Abdullah" male ones (weight 3, once per article);
  - a pronoun: in the Groningen Meaning Bank, whose sentences mark people's names, a sentence naming
    exactly one person by two or more names followed by one that opens with "He" or "She" gives the
    first name a vote (weight 1; the pronoun may well be someone else's).
A name is kept when its weighted votes reach MIN_WEIGHT (so one article alone never decides) and one
gender has SHARE of them. Words that
are titles, forms of address or common English words are no first names ("President", "Mrs"), and
no surnames either ("Russian President" ... "Mr President").

Counted over the Kremlin English news corpus (en.kremlin.ru, CC BY 4.0), the BBC news corpus, the
PolNeAR training articles and the Groningen Meaning Bank sentences; only the resulting names and
genders go into the repository:
    python3 tools/make_first_names.py ../shared
The output is sorted, so the same data always gives the same file.
"""
import collections, csv, json, os, re, sys

MIN_WEIGHT = 6  # two articles' forms of address, or six pronouns
SHARE = 0.85
ADDRESS_WEIGHT = 3
FORMS_OF_ADDRESS = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}

NAME = r"((?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?)"
FULL_NAME = re.compile(r"\b([A-Z][a-z]{2,})(?: [A-Z]\.)? " + NAME + r"\b(?! [A-Z])")
ADDRESSED = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.? " + NAME + r"\b")
KIN = {"wife": "female", "widow": "female", "daughter": "female", "mother": "female", "sister": "female",
       "Queen": "female", "Princess": "female", "husband": "male", "widower": "male", "son": "male",
       "father": "male", "brother": "male", "King": "male", "Prince": "male"}
KIN_NAME = re.compile(r"\b(" + "|".join(KIN) + r"),? ([A-Z][a-z]{2,})\b")
SHARED_SURNAME = re.compile(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) " + NAME + r"\b")
WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def articles(shared):
    corpora = os.path.join(shared, "data", "corpora")
    with open(os.path.join(corpora, "kremlin_en.jsonl"), encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line).get("text") or ""
    for root, folders, files in os.walk(os.path.join(corpora, "bbc_news")):
        folders.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                    yield f.read()
    polnear = os.path.join(shared, "data", "polnear", "train", "text")
    for name in sorted(os.listdir(polnear)):
        with open(os.path.join(polnear, name), encoding="utf-8") as f:
            yield f.read()


def gmb_sentences(shared):
    """The Groningen Meaning Bank's sentences in order, as (word, tag) lists."""
    sentence = []
    with open(os.path.join(shared, "data", "gmb", "ner_dataset.csv"), encoding="latin-1") as f:
        rows = csv.reader(f)
        next(rows)
        for row in rows:
            if row[0].startswith("Sentence") and sentence:
                yield sentence
                sentence = []
            sentence.append((row[1], row[3]))
    if sentence:
        yield sentence


def count_article(text, votes, not_names):
    by_surname = collections.defaultdict(collections.Counter)
    for match in ADDRESSED.finditer(text):
        by_surname[match.group(2)][FORMS_OF_ADDRESS[match.group(1)]] += 1
    first_names = collections.defaultdict(set)
    for match in FULL_NAME.finditer(text):
        first_names[match.group(2)].add(match.group(1))
    for match in SHARED_SURNAME.finditer(text):
        first_names[match.group(3)].update((match.group(1), match.group(2)))
    for surname, firsts in first_names.items():
        genders = by_surname.get(surname)
        # "Vladimir and Lyudmila Putin", "Bill and Hillary Clinton": Mr or Mrs stands for one of them.
        if genders and len(genders) == 1 and len(firsts) == 1 and surname.lower() not in not_names:
            votes[next(iter(firsts))][next(iter(genders))] += ADDRESS_WEIGHT
    for name, gender in {(match.group(2), KIN[match.group(1)]) for match in KIN_NAME.finditer(text)}:
        votes[name][gender] += ADDRESS_WEIGHT


def count_gmb(shared, votes):
    previous = None
    for sentence in gmb_sentences(shared):
        if previous is not None and sentence[0][0] in ("He", "She"):
            names, current = [], None
            for word, tag in previous:
                if tag == "B-per":
                    current = [word]
                    names.append(current)
                elif tag == "I-per" and current:
                    current.append(word)
                else:
                    current = None
            full = [name for name in names if len(name) >= 2]
            if len(full) == 1:
                votes[full[0][0]]["male" if sentence[0][0] == "He" else "female"] += 1
        previous = sentence


def lexicon_words(path):
    with open(path, encoding="utf-8") as f:
        return {line.split("\t")[0].strip().lower() for line in f if line.strip() and not line.startswith("#")}


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared"
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "newsgraph", "lexicon")
    not_names = lexicon_words(os.path.join(here, "titles.tsv")) | lexicon_words(os.path.join(here, "common_words.tsv"))
    not_names |= {form.lower() for form in FORMS_OF_ADDRESS} | {"messrs", "mesdames"}
    not_names |= {word + "s" for word in not_names}  # "Presidents Putin and Bush"
    votes = collections.defaultdict(collections.Counter)
    for text in articles(shared):
        count_article(text, votes, not_names)
    count_gmb(shared, votes)
    kept = []
    for name, genders in votes.items():
        gender, weight = genders.most_common(1)[0]
        total = sum(genders.values())
        if (total >= MIN_WEIGHT and weight >= SHARE * total and name.lower() not in not_names
                and WORD.fullmatch(name)):
            kept.append((name, gender))
    with open(os.path.join(here, "first_names.tsv"), "w", encoding="utf-8") as out:
        out.write("# newsgraph-lexicon 1 first-names\n"
                  "# First names and the gender news gives the people who bear them, counted by\n"
                  "# tools/make_first_names.py (forms of address and the pronouns that follow a name) over the\n"
                  "# Kremlin English news (en.kremlin.ru, CC BY 4.0), BBC news, PolNeAR training articles and the\n"
                  "# Groningen Meaning Bank. Columns: first name, male or female. Add rows to extend.\n")
        for name, gender in sorted(kept):
            out.write(f"{name}\t{gender}\n")
    print(f"{len(kept)} first names, {sum(1 for _, g in kept if g == 'female')} of them female", file=sys.stderr)


if __name__ == "__main__":
    main()
