#!/usr/bin/env python3
"""The anchor of the story evaluation, on the same articles: batch TF-IDF average-link clustering.

Reads a hand-grouped corpus of the development data (as stories.py does: the news-please articles, the
TimeBank and AQUAINT documents with `--corpus timeml`, the AFP wire stories with `--corpus wire`), represents each article by the TF-IDF vector of its
title and text (scikit-learn's defaults, written out: lower-cased tokens of two or more word characters,
smoothed IDF, L2-normalised), joins the two closest clusters by the mean cosine of their members (average
link) until none is closer than a threshold, and prints the adjusted Rand index and B-cubed F1 of every
threshold from 0.05 to 0.60, then the best. Unlike Gleaner it sees every article at once and its threshold is
chosen on the answers, so its best figure is an upper bound of the method on this data, not what it would
score on unseen news. `--stop-words` leaves out Gleaner's stop words, `--lead N` keeps the first N words of
the text (the title is always kept).

    python3 scripts/eval/stories_baseline.py --data ../shared/dev-data [--corpus timeml|wire] [--stop-words] [--lead N]

Only the standard library; the articles Gleaner refuses (no text) are left out, as in stories.py.
"""
import argparse
import json
import math
import os
import re
import sys
import tempfile
from collections import Counter

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from stories import CORPORA, CORPUS_FOLDERS, REPOSITORY, adjusted_rand, annotations_of, b_cubed, corpus_articles, load_gold  # noqa: E402

TOKEN = re.compile(r"(?u)\b\w\w+\b")


def gleaner_stop_words():
    source = os.path.join(REPOSITORY, "Sources", "GleanerCore", "Stories", "StoryTerms.swift")
    with open(source, encoding="utf-8") as handle:
        text = handle.read()
    return set(re.findall(r'"([^"]+)"', text.split("stopWords: Set<String> = [", 1)[1].split("]", 1)[0]))


def read_articles(folder, gold, stop_words, lead):
    documents = {}
    for name in sorted(gold):
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as handle:
            article = json.load(handle)
        title = article.get("title") or ""
        text = article.get("text") or ""
        if not text.strip():
            continue
        words = [w for w in TOKEN.findall(text.lower()) if w not in stop_words]
        if lead:
            words = words[:lead]
        documents[name] = [w for w in TOKEN.findall(title.lower()) if w not in stop_words] + words
    return documents


def tfidf_vectors(documents):
    counts = {name: Counter(words) for name, words in documents.items()}
    frequency = Counter(term for terms in counts.values() for term in terms)
    n = len(documents)
    idf = {term: math.log((1 + n) / (1 + df)) + 1 for term, df in frequency.items()}
    vectors = {}
    for name, terms in counts.items():
        weights = {term: count * idf[term] for term, count in terms.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors[name] = {term: w / norm for term, w in weights.items()}
    return vectors


def cosine(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(term, 0.0) for term, w in a.items())


def average_link_merges(similarity):
    """The merges of average-link clustering, closest first, as (mean cosine, cluster, cluster): the mean
    cosines never rise, so the clustering at a threshold is the merges down to it."""
    size = {i: 1 for i in range(len(similarity))}
    total = {i: {j: similarity[i][j] for j in range(len(similarity)) if j != i} for i in range(len(similarity))}
    merges = []
    while len(size) > 1:
        best = None
        for x in size:
            for y, summed in total[x].items():
                if y > x:
                    mean = summed / (size[x] * size[y])
                    if best is None or mean > best[0]:
                        best = (mean, x, y)
        mean, x, y = best
        merges.append(best)
        for z in size:
            if z not in (x, y):
                total[x][z] += total[y][z]
                total[z][x] = total[x][z]
                del total[z][y]
        del total[x][y], total[y]
        size[x] += size.pop(y)
    return merges


def cut(count, merges, threshold):
    parent = list(range(count))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for mean, x, y in merges:
        if mean < threshold:
            break
        parent[root(y)] = root(x)
    return [root(i) for i in range(count)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--corpus", choices=CORPORA, default="news-please")
    parser.add_argument("--stop-words", action="store_true", help="leave out Gleaner's stop words")
    parser.add_argument("--lead", type=int, default=0, metavar="N", help="keep the first N words of the text")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.data, CORPUS_FOLDERS[args.corpus])):
        print(f"stories_baseline: skipped: no {args.corpus} data under {args.data}")
        return 0
    gold = load_gold(annotations_of(args.corpus))
    stop_words = gleaner_stop_words() if args.stop_words else set()
    with tempfile.TemporaryDirectory() as scratch:
        folder, _ = corpus_articles(args.data, args.corpus, scratch)
        documents = read_articles(folder, gold, stop_words, args.lead)
    names = sorted(documents)
    vectors = tfidf_vectors(documents)
    similarity = [[cosine(vectors[a], vectors[b]) for b in names] for a in names]
    merges = average_link_merges(similarity)
    truth = [gold[name]["story"] for name in names]
    best = None
    what = ("Gleaner's stop words left out, " if args.stop_words else "") + (
        f"the first {args.lead} words of the text" if args.lead else "the whole text"
    )
    print(f"Batch TF-IDF average-link clustering of {len(names)} {args.corpus} articles (title and {what}):")
    for step in range(5, 61):
        threshold = step / 100
        predicted = cut(len(names), merges, threshold)
        ari = adjusted_rand(truth, predicted)
        f1 = b_cubed(truth, predicted)[2]
        print(f"  threshold {threshold:.2f}: {len(set(predicted))} clusters, ARI {ari:.3f}, B-cubed F1 {f1:.3f}")
        if best is None or ari > best[1]:
            best = (threshold, ari, f1, len(set(predicted)))
    threshold, ari, f1, clusters = best
    print(f"best: threshold {threshold:.2f}, {clusters} clusters, ARI {ari:.3f}, B-cubed F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
