#!/usr/bin/env bash
# Scores Gleaner's events (the "events" and "main_event" of `gleaner extract --json`) on real news
# (scripts/eval/events.py): PLOVER type recall, precision and F1, source and target accuracy and the full
# triple on the PLOVER gold sentences, and who/when/where of the main event of each news-please article
# against the hand annotations in docs/annotations/main-events.tsv. Reads ../shared/dev-data next to the
# repository, or $GLEANER_DEV_DATA; skips with a message when it is absent.
#
#   scripts/eval-events.sh [--markdown] [--errors FILE]     GLEANER_BINARY=PATH to score another build
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${GLEANER_DEV_DATA:-$repo/../shared/dev-data}
if [ ! -d "$data/plover-dev" ] && [ ! -d "$data/news-please" ]; then
    echo "eval-events: skipped: no PLOVER or news-please data under $data (set GLEANER_DEV_DATA to the dev-data folder)"
    exit 0
fi
binary=${GLEANER_BINARY:-}
if [ -z "$binary" ]; then
    (cd "$repo" && swift build -c release --product gleaner >&2)
    binary=$repo/.build/release/gleaner
fi
exec python3 "$repo/scripts/eval/events.py" --gleaner "$binary" --data "$data" "$@"
