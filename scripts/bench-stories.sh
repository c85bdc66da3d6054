#!/usr/bin/env bash
# Story benchmark: what forming stories costs per article as the database grows.
#
#   scripts/bench-stories.sh [--markdown]
#
# Builds the release tool gleaner-bench-dedup and runs its store measurement (`--only store`): a seeded
# generated corpus is committed through ArticleStore.commit, as ingestion does, into a database filled to SMALL
# and then to BIG stored articles; at each size WINDOW articles are timed. Every canonical article is placed in
# a story inside the commit; the store counts that work (StoryStatistics: document frequencies, candidate
# look-up through story_keys, scoring, writing the choice). The summary gives, at both sizes, the story work
# per canonical article, the candidate stories scored per article, the whole commit per article, and the
# growth from SMALL to BIG (1.0 is flat).
#
# Environment:
#   SMALL=10000   stored articles at the first measurement    BIG=200000   at the second (filling takes a while)
#   WINDOW=2000   articles timed at each size                  BATCH=500    files per transaction
#   N=20000       corpus articles the windows are drawn from   SEED=20261122
#   SCRATCH=.build-bench   swift build scratch path            BINARY=...   use this gleaner-bench-dedup binary
#
# Exit status: 0 when the benchmark ran (whatever the numbers), non-zero if the build or the measurement failed.
set -euo pipefail
markdown=false
for arg in "$@"; do
    case "$arg" in
        --markdown) markdown=true ;;
        -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "bench-stories: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done
export N=${N:-20000} SMALL=${SMALL:-10000} BIG=${BIG:-200000} WINDOW=${WINDOW:-2000} BATCH=${BATCH:-500}
export SEED=${SEED:-20261122}
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
ensure_swift
ensure_build_dependencies
binary=${BINARY:-}
if [ -z "$binary" ]; then
    scratch=${SCRATCH:-.build-bench}
    swift build -c release --scratch-path "$scratch" --product gleaner-bench-dedup >&2
    binary=$scratch/release/gleaner-bench-dedup
fi
summary=$(mktemp "${TMPDIR:-/tmp}/gleaner-bench-stories.XXXXXX")
trap 'rm -f -- "$summary"' EXIT
"$binary" --only store >"$summary"
python3 - "$summary" "$markdown" <<'PY'
import json, subprocess, sys
report = json.load(open(sys.argv[1]))["store"]
first, second = report["phases"]
rows = [
    ("stored articles before the window", first["stored_before"], second["stored_before"]),
    ("story work per canonical article (µs)", first["story_us_per_article"], second["story_us_per_article"]),
    ("story work CPU per canonical article (µs)", first["story_cpu_us_per_article"], second["story_cpu_us_per_article"]),
    ("candidate stories scored per article", first["story_candidates_per_article"], second["story_candidates_per_article"]),
    ("whole commit per article (µs)", first["commit_us_per_article"], second["commit_us_per_article"]),
]
print(f"story work growth from {first['stored_before']} to {second['stored_before']} stored articles: {report['story_growth']}× (CPU {report['story_cpu_growth']}×)")
for name, small, big in rows:
    print(f"  {name}: {small} → {big}")
if sys.argv[2] == "true":
    cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True, text=True).stdout.strip()
    print(f"\n| measure | at {first['stored_before']:,} stored | at {second['stored_before']:,} stored | growth |")
    print("|---|---|---|---|")
    print(f"| story work per canonical article | {first['story_us_per_article']} µs | {second['story_us_per_article']} µs | {report['story_growth']}× |")
    print(f"| story work CPU per canonical article | {first['story_cpu_us_per_article']} µs | {second['story_cpu_us_per_article']} µs | {report['story_cpu_growth']}× |")
    print(f"| candidate stories scored per article | {first['story_candidates_per_article']} | {second['story_candidates_per_article']} | |")
    print(f"| whole commit per article | {first['commit_us_per_article']} µs | {second['commit_us_per_article']} µs | {report['commit_growth']}× |")
    print(f"\n({cpu})")
PY
