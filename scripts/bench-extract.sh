#!/usr/bin/env bash
# Extraction speed: µs per 5 KB article (target ≤ 1 ms) in a release build for what ingestion does with an
# article (its dates: publication date check and temporal expressions; then its events), the dates alone, and
# hostile inputs (1 MB on one line, no punctuation, odd Unicode) to show the time stays linear.
#
#   scripts/bench-extract.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
ensure_swift
ensure_build_dependencies
scratch=${SCRATCH:-.build-bench}
swift build -c release --scratch-path "$scratch" --product gleaner-bench-extract >&2
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), Linux $(uname -r), $(date -u +%F), commit $(git rev-parse --short HEAD)"
"$scratch/release/gleaner-bench-extract" Tests/Fixtures/samples "${1:-200}"
