#!/usr/bin/env python3
"""Scores Gleaner's stories against a hand grouping of development articles.

Three corpora of the development data are grouped by hand:
- `news-please` (the default): the 69 crawled articles, grouped in docs/annotations/stories.tsv;
- `timeml`: the 256 TimeBank and AQUAINT documents (wire, broadcast and Wall Street Journal news of 1989–2000),
  grouped in docs/annotations/stories-timeml.tsv. Each is turned into a news-please-like JSON article first:
  its TITLE (when it has one), its TEXT without the TimeML tags, and its creation time (DCT) as `date_publish`;
- `wire`: the AFP wire stories of 1–14 April 1997 in `wire-news-silver/`, grouped in
  docs/annotations/stories-wire.tsv, turned into JSON articles the same way.

With `--warm-up N`, N wire stories of 2005–2006 (`wire-news-silver/`, years away from all three corpora, so
that none can join their stories) are ingested first: the grouping should not depend on whether the database is
new or already holds thousands of articles.

The articles are ingested into a fresh database in arrival order (by publication date, else download date,
then file name), as a crawler would deliver them; `gleaner stories --json` gives each article's story. The
grouping is compared with the annotation's `story` column (the coarser `topic` column is scored too, for
information) by the adjusted Rand index (Hubert and Arabie 1985) and B-cubed precision, recall and F1 (Bagga
and Baldwin 1998). Articles Gleaner refuses (no text) are left out of both sides.
"""
import argparse
import html
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from math import comb

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def arrival_order(folder):
    rows = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            try:
                article = json.load(handle)
            except ValueError:
                article = {}
        date = next(
            (str(article.get(k)) for k in ("date_publish", "date_download") if article.get(k) not in (None, "None", "")),
            "",
        )
        rows.append((date, name))
    return [name for _, name in sorted(rows)]


def timeml_articles(folder, scratch):
    """Writes each TimeML document under `folder` as a JSON article into `scratch`; returns the JSON file
    names in arrival order (creation time, then name)."""
    rows = []
    for directory, _, names in sorted(os.walk(folder)):
        for name in sorted(names):
            if not name.endswith(".tml"):
                continue
            with open(os.path.join(directory, name), encoding="utf-8") as handle:
                document = handle.read()
            created = re.search(r"<DCT>.*?value=\"([^\"]+)\"", document, re.S)
            title = re.search(r"<TITLE>(.*?)</TITLE>", document, re.S)
            text = re.search(r"<TEXT>(.*?)</TEXT>", document, re.S)
            plain = lambda match: html.unescape(re.sub(r"<[^>]+>", "", match.group(1))).strip() if match else None
            date = created.group(1).replace("T", " ") if created else None
            article = {"title": plain(title) or None, "text": plain(text), "date_publish": date}
            stem = name[: -len(".tml")]
            with open(os.path.join(scratch, stem + ".json"), "w", encoding="utf-8") as handle:
                json.dump(article, handle)
            rows.append((date or "", stem + ".json"))
    return [name for _, name in sorted(rows)]


CORPORA = ("news-please", "timeml", "wire")
# Where each corpus's articles are in the development data.
CORPUS_FOLDERS = {"news-please": "news-please", "timeml": "timebank", "wire": "wire-news-silver"}


def annotations_of(corpus):
    """The hand grouping of a corpus in docs/annotations."""
    name = {"news-please": "stories.tsv", "timeml": "stories-timeml.tsv", "wire": "stories-wire.tsv"}[corpus]
    return os.path.join(REPOSITORY, "docs", "annotations", name)


def corpus_articles(data, corpus, scratch):
    """The folder of a corpus's articles as Gleaner reads them, and their names in arrival order: the
    news-please files as they are, the TimeML documents turned into JSON articles under `scratch`."""
    if corpus == "news-please":
        folder = os.path.join(data, "news-please")
        return folder, arrival_order(folder)
    folder = os.path.join(scratch, "articles")
    os.mkdir(folder)
    if corpus == "timeml":
        return folder, timeml_articles(os.path.join(data, "timebank"), folder)
    # The wire corpus: the wire stories the annotation names, out of the whole wire folder.
    chosen = os.path.join(scratch, "wire-tml")
    os.mkdir(chosen)
    for name in load_gold(annotations_of(corpus)):
        original = os.path.join(data, "wire-news-silver", re.sub(r"\.json$", ".tml", name))
        os.symlink(os.path.abspath(original), os.path.join(chosen, os.path.basename(original)))
    return folder, timeml_articles(chosen, folder)


def warm_up(gleaner, database, folder, count, scratch):
    """Ingests `count` wire stories of 2005-2006 (a fixed sample) into `database`."""
    chosen = sorted(name for name in os.listdir(folder) if re.search(r"_200[56]\d{4}\.", name))
    random.Random(20261203).shuffle(chosen)
    if len(chosen) < count:
        sys.exit(f"stories: --warm-up {count}: only {len(chosen)} wire stories of 2005-2006 in {folder}")
    originals = os.path.join(scratch, "warm-up-tml")
    articles = os.path.join(scratch, "warm-up")
    os.mkdir(originals)
    os.mkdir(articles)
    for name in chosen[:count]:
        os.symlink(os.path.abspath(os.path.join(folder, name)), os.path.join(originals, name))
    order = timeml_articles(originals, articles)
    ingest(gleaner, database, [os.path.join(articles, name) for name in order], quiet=True)


def ingest(gleaner, database, paths, quiet=False):
    """`gleaner ingest` of `paths` into `database`, in that order; `quiet` hides its notices too."""
    subprocess.run(
        [gleaner, "ingest", "--db", database, "--config", "/dev/null", "--json"] + paths,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL if quiet else None,
    )


def load_gold(path):
    """The annotation rows by article, keyed by the JSON file name Gleaner ingests."""
    gold = {}
    with open(path, encoding="utf-8") as handle:
        header = handle.readline().rstrip("\n").split("\t")
        for line in handle:
            fields = dict(zip(header, line.rstrip("\n").split("\t")))
            gold[re.sub(r"\.tml$", ".json", fields["file"])] = fields
    return gold


def adjusted_rand(labels_true, labels_pred):
    n = len(labels_true)
    if n < 2:
        return 1.0
    pairs = Counter(zip(labels_true, labels_pred))
    sum_cells = sum(comb(c, 2) for c in pairs.values())
    sum_true = sum(comb(c, 2) for c in Counter(labels_true).values())
    sum_pred = sum(comb(c, 2) for c in Counter(labels_pred).values())
    expected = sum_true * sum_pred / comb(n, 2)
    maximum = (sum_true + sum_pred) / 2
    return 1.0 if maximum == expected else (sum_cells - expected) / (maximum - expected)


def figures(gold, story_of, names=None):
    """ARI, B-cubed precision, recall and F1 of a grouping (article name → story) against the gold stories, over
    `names` (by default every grouped article the annotation labels)."""
    if names is None:
        names = [name for name in story_of if name in gold]
    truth, predicted = [gold[name]["story"] for name in names], [story_of[name] for name in names]
    return (adjusted_rand(truth, predicted), *b_cubed(truth, predicted))


def b_cubed(labels_true, labels_pred):
    n = len(labels_true)
    precision = recall = 0.0
    for i in range(n):
        same_pred = [j for j in range(n) if labels_pred[j] == labels_pred[i]]
        same_true = [j for j in range(n) if labels_true[j] == labels_true[i]]
        both = sum(1 for j in same_pred if labels_true[j] == labels_true[i])
        precision += both / len(same_pred)
        recall += both / len(same_true)
    precision, recall = precision / n, recall / n
    return precision, recall, 2 * precision * recall / (precision + recall)


def check_replica(args, names, predicted, gold):
    """Groups the corpus with the Python replica of the matcher (the same warm-up) and says whether its ARI and
    B-cubed F1 are Gleaner's: the replica is where changes are tried first, and must not drift from the matcher."""
    import stories_replica

    settings = dict(stories_replica.DEFAULTS)
    matcher, articles = stories_replica.warmed_matcher(args.data, args.corpus, settings, args.warm_up)
    story_of = stories_replica.group(matcher, articles, settings)
    ours = figures(gold, dict(zip(names, predicted)), names)[::3]
    missing = [name for name in names if name not in story_of]
    if missing:
        print(f"  replica: differs: it refuses {len(missing)} article(s) Gleaner grouped ({missing[0]} …)")
        return
    theirs = figures(gold, story_of, names)[::3]
    if all(abs(a - b) < 0.0005 for a, b in zip(ours, theirs)):
        print("  replica (scripts/eval/stories_replica.py): the same figures")
    else:
        print(
            f"  replica: differs: ARI {theirs[0]:.3f} and B-cubed F1 {theirs[1]:.3f} against Gleaner's {ours[0]:.3f} and "
            f"{ours[1]:.3f}; bring scripts/eval/stories_replica.py up to date with the matcher"
        )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gleaner", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--corpus", choices=CORPORA, default="news-please")
    parser.add_argument("--annotations", help="the hand grouping (default: the corpus's file in docs/annotations)")
    parser.add_argument("--warm-up", type=int, default=0, metavar="N", help="ingest N wire stories of 2005-2006 first")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--errors", action="store_true", help="print the stories that mix or split the gold ones")
    parser.add_argument(
        "--check-replica",
        action="store_true",
        help="also group the corpus with scripts/eval/stories_replica.py and say whether it gives the same figures",
    )
    args = parser.parse_args()
    gold = load_gold(args.annotations or annotations_of(args.corpus))
    with tempfile.TemporaryDirectory() as scratch:
        folder, order = corpus_articles(args.data, args.corpus, scratch)
        database = os.path.join(scratch, "stories.db")
        if args.warm_up:
            warm_up(args.gleaner, database, os.path.join(args.data, "wire-news-silver"), args.warm_up, scratch)
        ingest(args.gleaner, database, [os.path.join(folder, name) for name in order])
        stories = json.loads(
            subprocess.run(
                [args.gleaner, "stories", "--db", database, "--config", "/dev/null", "--json", "--limit", "100000"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        )
    story_of = {}
    for story in stories:
        for article in story["articles"]:
            story_of[os.path.basename(article["file"])] = story["story"]
    names = [name for name in order if name in story_of and name in gold]
    missing = [name for name in order if name in gold and name not in story_of]
    predicted = [story_of[name] for name in names]
    results = {}
    for level in ("story", "topic"):
        truth = [gold[name][level] for name in names]
        results[level] = (adjusted_rand(truth, predicted), *b_cubed(truth, predicted), len(set(truth)))
    if args.markdown:
        warm = f" after {args.warm_up} other articles" if args.warm_up else ""
        print(f"Stories of the {args.corpus} articles ({len(names)} articles in arrival order{warm}, {len(set(predicted))} stories formed):\n")
        print("| grouping | gold stories | ARI | B-cubed P | B-cubed R | B-cubed F1 |")
        print("|---|---|---|---|---|---|")
        for level, (ari, p, r, f, count) in results.items():
            print(f"| {level} | {count} | **{ari:.3f}** | {p:.3f} | {r:.3f} | **{f:.3f}** |")
    else:
        warm = f" after {args.warm_up} other articles" if args.warm_up else ""
        print(f"Stories ({args.corpus}): {len(names)} articles in arrival order{warm}, {len(set(predicted))} stories formed")
        for level, (ari, p, r, f, count) in results.items():
            print(f"  against the {level} grouping ({count} gold): ARI {ari:.3f}, B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
        if missing:
            print(f"  not in any story (refused): {len(missing)}")
    if args.check_replica:
        check_replica(args, names, predicted, gold)
    if args.errors:
        by_story = {}
        for name in names:
            by_story.setdefault(story_of[name], []).append(name)
        for story, members in sorted(by_story.items()):
            labels = sorted({gold[name]["story"] for name in members})
            if len(labels) > 1:
                print(f"MIXED  story {story}: {', '.join(labels)}")
        by_gold = {}
        for name in names:
            by_gold.setdefault(gold[name]["story"], set()).add(story_of[name])
        for label, found in sorted(by_gold.items()):
            if len(found) > 1:
                print(f"SPLIT  {label}: stories {sorted(found)}")


if __name__ == "__main__":
    sys.exit(main())
