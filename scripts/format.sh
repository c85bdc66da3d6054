#!/usr/bin/env bash
# Formats the Swift sources with the repository's .swift-format; `--lint` only checks (exit 1 on findings).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--lint" ]; then
    swift format lint --strict --recursive Sources Tests Package.swift Fuzz
else
    swift format --in-place --recursive Sources Tests Package.swift Fuzz
fi
