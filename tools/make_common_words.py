#!/usr/bin/env python3
"""Writes src/newsgraph/lexicon/common_words.tsv: English words that news writes in lower case far more
often than capitalised mid-sentence ("life", "video", "maybe"), so that such a word capitalised at the
start of a sentence or in a title-case headline is not taken for a name.

Counted over the Kremlin English news corpus (en.kremlin.ru, CC BY 4.0):
    python3 tools/make_common_words.py ../shared/data/corpora/kremlin_en.jsonl
The output is sorted, so the same corpus always gives the same file.
"""
import collections, json, re, sys

MIN_LOWER = 10       # seen in lower case at least this often
LOWER_PER_CAPITAL = 3  # and this many times more often than capitalised inside a sentence

def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/corpora/kremlin_en.jsonl"
    lower, capital = collections.Counter(), collections.Counter()
    word = re.compile(r"[A-Za-z][a-z'-]*")
    with open(corpus, encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line).get("text") or ""
            for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
                for i, match in enumerate(word.finditer(sentence)):
                    w = match.group(0)
                    if w.islower():
                        lower[w] += 1
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

if __name__ == "__main__":
    main()
