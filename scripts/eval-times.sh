#!/usr/bin/env bash
# Scores Gleaner's temporal expressions (the "times" of `gleaner extract --json`) against the gold TIMEX3 of
# TimeBank/AQUAINT as cleaned for TempEval-3: relaxed and strict extraction F1, value F1 and type F1, for all
# types and for DATE/TIME alone (scripts/eval/times.py). Reads ../shared/dev-data/timebank next to the
# repository, or $GLEANER_DEV_DATA/timebank; skips with a message when it is absent.
#
#   scripts/eval-times.sh [--markdown] [--errors FILE]     GLEANER_BINARY=PATH to score another build
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
data=${GLEANER_DEV_DATA:-$repo/../shared/dev-data}/timebank
if [ ! -d "$data" ]; then
    echo "eval-times: skipped: no TimeML data at $data (set GLEANER_DEV_DATA to the dev-data folder)"
    exit 0
fi
binary=${GLEANER_BINARY:-}
if [ -z "$binary" ]; then
    (cd "$repo" && swift build -c release --product gleaner >&2)
    binary=$repo/.build/release/gleaner
fi
exec python3 "$repo/scripts/eval/times.py" --gleaner "$binary" --data "$data" "$@"
