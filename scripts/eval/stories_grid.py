#!/usr/bin/env python3
"""Scores many settings of the story matcher's replica (stories_replica.py) on every hand-grouped corpus.

Reads settings from a file of JSON objects, one per line (`{"threshold": 0.38, "lead_words": 120}`; the names
are the replica's `--set` names, anything left out keeps its default), groups each corpus in a fresh database
in arrival order with each, on two processes, and prints one line per setting: ARI and B-cubed F1 per corpus
and the mean ARI. With `--leave-one-out`, it then says, for each corpus, which setting is best on the others
and what it scores on the one left out: how well a choice made on some corpora carries to another.

    python3 scripts/eval/stories_grid.py --data ../shared/dev-data SETTINGS.jsonl [--leave-one-out]
        [--events-from GLEANER]
"""
import argparse
import json
import os
import sys
from multiprocessing import Pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories  # noqa: E402
import stories_replica as replica  # noqa: E402

CORPORA = {}


def load(data, gleaner):
    for corpus, (articles, gold) in replica.available_corpora(data).items():
        events = replica.extracted_events(gleaner, data, corpus) if gleaner else {}
        CORPORA[corpus] = (articles, gold, events)


def score(changed):
    settings = dict(replica.DEFAULTS)
    settings.update(changed)
    figures = {}
    for corpus, (articles, gold, events) in CORPORA.items():
        replica.EVENTS.clear()
        replica.EVENTS.update(events)
        matcher = replica.Matcher(settings)
        story_of = replica.group(matcher, articles, settings)
        ari, _, _, f1 = stories.figures(gold, story_of)
        figures[corpus] = (round(ari, 3), round(f1, 3))
    return changed, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("settings", help="a file of JSON objects, one per line")
    parser.add_argument("--leave-one-out", action="store_true")
    parser.add_argument("--events-from", metavar="GLEANER", help="a gleaner binary, for the replica's event variants")
    args = parser.parse_args()
    with open(args.settings, encoding="utf-8") as handle:
        grid = [json.loads(line) for line in handle if line.strip()]
    for changed in grid:
        unknown = set(changed) - set(replica.DEFAULTS)
        if unknown:
            sys.exit(f"stories_grid: {args.settings}: no setting {', '.join(sorted(unknown))}")
    load(args.data, args.events_from)
    if not CORPORA:
        print(f"stories_grid: skipped: no corpus under {args.data}")
        return
    rows = []
    with Pool(2) as pool:
        for changed, figures in pool.imap(score, grid):
            mean = sum(ari for ari, _ in figures.values()) / len(figures)
            rows.append((changed, figures))
            shown = "  ".join(f"{corpus} {ari:.3f}/{f1:.3f}" for corpus, (ari, f1) in figures.items())
            print(f"mean ARI {mean:.3f}  {shown}  {json.dumps(changed)}", flush=True)
    if args.leave_one_out and len(CORPORA) > 1:
        for left in CORPORA:
            others = [corpus for corpus in CORPORA if corpus != left]
            changed, figures = max(rows, key=lambda row: sum(row[1][corpus][0] for corpus in others))
            print(f"best on {' and '.join(others)}: {json.dumps(changed)}: {left} {figures[left][0]:.3f}")


if __name__ == "__main__":
    main()
