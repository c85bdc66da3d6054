#!/usr/bin/env bash
# Builds a release binary and runs the daemon in the foreground with everything under ./var:
# inbox ./var/inbox, processed ./var/processed, quarantine ./var/failed, database ./var/gleaner.sqlite.
# Installs missing system packages first (apt-get; needs root or sudo). Extra arguments go to `gleaner run`.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
ensure_swift
ensure_build_dependencies

swift build -c release
mkdir -p var
binary=.build/release/gleaner
state=$(pwd)/var
cat <<INFO
Gleaner is starting in the foreground (Ctrl-C stops it).
  Drop .txt, .json or .jsonl articles into:  $state/inbox
  Ingested files are moved to:               $state/processed
  Files it cannot ingest are moved to:       $state/failed
  In another terminal:  $binary status --state-dir $state
                        $binary articles --state-dir $state
INFO
exec "$binary" run --config etc/gleaner/gleaner.conf --state-dir "$state" "$@"
