#!/usr/bin/env bash
# Scores Gleaner's stories (scripts/eval/stories.py) on the three hand-grouped corpora of the development data:
# the news-please articles (docs/annotations/stories.tsv), the TimeBank and AQUAINT documents
# (docs/annotations/stories-timeml.tsv) and two weeks of AFP wire stories (docs/annotations/stories-wire.tsv).
# Each is ingested into a fresh database in arrival order (by publication date), `gleaner stories --json` is
# read, and the grouping is compared with the hand grouping: adjusted Rand index and B-cubed precision, recall
# and F1. Reads ../shared/dev-data next to the repository, or
# $GLEANER_DEV_DATA; skips with a message when it is absent.
#
#   scripts/eval-stories.sh [--markdown] [--errors] [--warm-up N]     GLEANER_BINARY=PATH to score another build
#
# --warm-up N ingests N wire stories of 2005-2006 first, as a database that already holds articles would.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${GLEANER_DEV_DATA:-$repo/../shared/dev-data}
if [ ! -d "$data/news-please" ]; then
    echo "eval-stories: skipped: no news-please data under $data (set GLEANER_DEV_DATA to the dev-data folder)"
    exit 0
fi
binary=${GLEANER_BINARY:-}
if [ -z "$binary" ]; then
    (cd "$repo" && swift build -c release --product gleaner >&2)
    binary=$repo/.build/release/gleaner
fi
for corpus in news-please timeml wire; do
    if [ "$corpus" = timeml ] && [ ! -d "$data/timebank" ]; then
        echo "eval-stories: timeml skipped: no timebank data under $data"
        continue
    fi
    if [ "$corpus" = wire ] && [ ! -d "$data/wire-news-silver" ]; then
        echo "eval-stories: wire skipped: no wire-news-silver data under $data"
        continue
    fi
    python3 "$repo/scripts/eval/stories.py" --gleaner "$binary" --data "$data" --corpus "$corpus" --check-replica "$@"
done
