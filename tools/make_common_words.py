#!/usr/bin/env python3
"""Writes src/newsgraph/lexicon/common_words.tsv: English words that news writes in lower case far more
often than capitalised mid-sentence ("life", "video", "maybe"), so that such a word capitalised at the
start of a sentence or in a title-case headline is not taken for a name.

Also writes src/newsgraph/lexicon/lowercase_words.tsv: every word news writes in lower case often
enough to be an ordinary English word, however often it is also capitalised ("affairs", "finance",
"monopoly"): the words an organisation's name may list as its field ("Ministry of Economic Affairs,
Finance and Industry") where a name of its own ("Lockheed") could not stand. The parts of hyphenated
words count as words ("anti-monopoly": "anti", "monopoly").

Counted over the Kremlin English news corpus (en.kremlin.ru, CC BY 4.0):
    python3 tools/make_common_words.py ../shared/data/corpora/kremlin_en.jsonl
The output is sorted, so the same corpus always gives the same file.
"""
import collections, json, re, sys

MIN_LOWER = 10       # seen in lower case at least this often
LOWER_PER_CAPITAL = 3  # and this many times more often than capitalised inside a sentence
MIN_LOWER_ANY = 3    # lowercase_words.tsv: seen in lower case at least this often

def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/corpora/kremlin_en.jsonl"
    lower, capital, lower_parts = collections.Counter(), collections.Counter(), collections.Counter()
    word = re.compile(r"[A-Za-z][a-z'-]*")
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                for i, match in enumerate(word.finditer(sentence)):
                    w = match.group(0)
                    if w.islower():
                        lower[w] += 1
                        if "-" in w:
                            for part in w.split("-"):
                                if part:
                                    lower_parts[part] += 1
                    elif i > 0 and w[0].isupper() and w[1:].islower():
                        capital[w.lower()] += 1
    common = sorted(w for w, n in lower.items() if n >= MIN_LOWER and n >= LOWER_PER_CAPITAL * capital[w])
    out = "src/newsgraph/lexicon/common_words.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# newsgraph-lexicon 1 common-words\n")
        f.write("# Words news writes in lower case far more often than capitalised mid-sentence, counted by\n")
        f.write("# tools/make_common_words.py over the Kremlin English news corpus (en.kremlin.ru, CC BY 4.0).\n")
        for w in common:
            f.write(w + "\n")
    print(f"{out}: {len(common)} words")

    lowercase = sorted(w for w in set(lower) | set(lower_parts)
                       if "-" not in w and len(w) > 1 and lower[w] + lower_parts[w] >= MIN_LOWER_ANY)
    out = "src/newsgraph/lexicon/lowercase_words.tsv"
    with open(out, "w", encoding="utf-8") as f:
        f.write("# newsgraph-lexicon 1 lowercase-words\n")
        f.write(f"# Words news writes in lower case at least {MIN_LOWER_ANY} times, however often they are also capitalised\n")
        f.write("# (\"affairs\", \"finance\"; the parts of hyphenated words count), counted by tools/make_common_words.py\n")
        f.write("# over the Kremlin English news corpus (en.kremlin.ru, CC BY 4.0).\n")
        for w in lowercase:
            f.write(w + "\n")
    print(f"{out}: {len(lowercase)} words")

if __name__ == "__main__":
    main()
