#!/usr/bin/env bash
# Scores Gleaner's stories (scripts/eval/stories.py): ingests the news-please articles of the development data
# one database in arrival order (by their publication date), reads `gleaner stories --json`, and compares the
# grouping with the hand grouping in docs/annotations/stories.tsv: adjusted Rand index and B-cubed precision,
# recall and F1. Reads ../shared/dev-data next to the repository, or $GLEANER_DEV_DATA; skips with a message
# when it is absent.
#
#   scripts/eval-stories.sh [--markdown] [--errors]     GLEANER_BINARY=PATH to score another build
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
exec python3 "$repo/scripts/eval/stories.py" --gleaner "$binary" --data "$data" "$@"
