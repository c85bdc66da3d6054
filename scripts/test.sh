#!/usr/bin/env bash
# Builds Gleaner and runs the whole test suite: unit tests of the pure core, store tests on a real SQLite
# file, and integration tests that run the real daemon binary with real inotify and a real notify socket.
# Installs missing system packages first (apt-get; needs root or sudo).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/lib/deps.sh
source scripts/lib/deps.sh
ensure_swift
ensure_build_dependencies

echo "== build (debug, with tests)"
swift build --build-tests
echo "== swift test"
swift test --skip-build

echo "== end to end under a real systemd"
bash scripts/test-systemd.sh
