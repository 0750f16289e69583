#!/usr/bin/env python3
"""Split a corpus graph made by `newsgraph build` into one graph per article, by evidence.

A node or edge belongs to an article when one of its evidence items names the article's id
(docs/graph-json.md, "Evidence"); its evidence is cut down to that article's. An edge is kept when
both its ends are kept. Each article's graph is written as OUTDIR/NAME.json, so that

    newsgraph build a.jsonl b.jsonl ... -o all.json
    split_graph_by_article.py all.json OUTDIR --articles DIR
    score.py --pred OUTDIR --gold DIR

scores the articles as they come out of one corpus build, to compare with building each alone.

With --articles DIR (a folder of NAME.jsonl articles, like the scorer's gold folder), NAME is the
file's name and a node keeps only the aliases that article writes (the text of one of its evidence
spans) and the aliases that no article writes (names from the gazetteers). Without it, NAME is the
article's id and a node keeps all its aliases. Python 3, standard library only.
"""
import argparse
import json
import os
import sys


def read_articles(folder):
    """{document id: (NAME, title, text as UTF-8 bytes)} for every NAME.jsonl in the folder."""
    articles = {}
    for entry in sorted(os.listdir(folder)):
        if not entry.endswith(".jsonl"):
            continue
        name = entry[: -len(".jsonl")]
        with open(os.path.join(folder, entry), encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    article = json.loads(line)
                    articles[article["id"]] = (name, (article.get("title") or "").encode("utf-8"),
                                               article["text"].encode("utf-8"))
    return articles


def evidence_text(item, articles):
    """The words an evidence item points at, or None when its article is unknown."""
    if item.get("doc") not in articles:
        return None
    _, title, text = articles[item["doc"]]
    source = title if item.get("field") == "title" else text
    return source[item["start"]:item["end"]].decode("utf-8", errors="replace")


def split(graph, articles):
    """{document id: graph of that article alone}."""
    g = graph["graph"]
    nodes, edges = g.get("nodes", {}), g.get("edges", [])
    written = {}  # alias -> the documents whose evidence writes it
    if articles:
        for node in nodes.values():
            for item in node.get("metadata", {}).get("evidence", []):
                text = evidence_text(item, articles)
                if text is not None:
                    written.setdefault(text, set()).add(item["doc"])
    per_doc = {}
    for document in g.get("metadata", {}).get("documents", []):
        doc = document["id"]
        kept = {}
        for node_id, node in nodes.items():
            metadata = node.get("metadata", {})
            evidence = [e for e in metadata.get("evidence", []) if e.get("doc") == doc]
            if not evidence:
                continue
            node = json.loads(json.dumps(node))
            node["metadata"]["evidence"] = evidence
            if articles and "aliases" in metadata:
                node["metadata"]["aliases"] = [a for a in metadata["aliases"]
                                               if a not in written or doc in written[a]]
            kept[node_id] = node
        kept_edges = []
        for edge in edges:
            if edge["source"] not in kept or edge["target"] not in kept:
                continue
            edge = json.loads(json.dumps(edge))
            metadata = edge.setdefault("metadata", {})
            if "evidence" in metadata:
                evidence = [e for e in metadata["evidence"] if e.get("doc") == doc]
                if not evidence:
                    continue
                metadata["evidence"] = evidence
            kept_edges.append(edge)
        per_doc[doc] = {"graph": {"directed": g.get("directed", True), "type": g.get("type", "newsgraph"),
                                  "metadata": {**g.get("metadata", {}), "documents": [document]},
                                  "nodes": kept, "edges": kept_edges}}
    return per_doc


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", help="a JSON graph written by newsgraph build")
    parser.add_argument("outdir", help="the folder to write NAME.json into (made if missing)")
    parser.add_argument("--articles", help="the folder of the NAME.jsonl articles the graph was built from")
    args = parser.parse_args()
    with open(args.graph, encoding="utf-8") as f:
        graph = json.load(f)
    articles = read_articles(args.articles) if args.articles else {}
    os.makedirs(args.outdir, exist_ok=True)
    for doc, article_graph in split(graph, articles).items():
        name = articles[doc][0] if doc in articles else doc
        if os.sep in name or name in ("", ".", ".."):
            sys.exit(f"split_graph_by_article.py: error: document id {doc!r} is no file name; give --articles")
        with open(os.path.join(args.outdir, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(article_graph, f, ensure_ascii=False, indent=2)
            f.write("\n")


if __name__ == "__main__":
    main()
