#!/usr/bin/env bash
# Near-duplicate benchmark: Gleaner's shingling + MinHash + LSH next to datasketch, on one generated corpus.
#
#   scripts/bench-dedup.sh [--markdown]
#
# Builds the release tool gleaner-bench-dedup (Sources/GleanerBenchDedup, not shipped), which generates a
# seeded corpus (SyntheticCorpus: articles of 300–1,000 words and edited copies) and writes it as JSON Lines,
# then measures on it:
#
#   signature  ComparisonText.wordHashes + Shingles.hashes + MinHasher.signature per article (k=5, 128
#              permutations), then the sorted shingle set exact verification uses, single-threaded, median of
#              PASSES passes after a warm-up, each step timed; the target compares the signature from an
#              article's words (shingle hashes + MinHash) with update_batch;
#   recall     (copy, source) pairs with exact Jaccard ≥ 0.8 and ≥ 0.9 detected in the right cluster, and
#              reported pairs with exact Jaccard < 0.5, with the in-memory index (InMemoryLSHIndex +
#              NearDuplicateMatcher: the store's keys and verification, without SQLite);
#   store      ArticleStore.commit (batches of BATCH one-article files per transaction, synchronous=FULL) of
#              WINDOW corpus articles at SMALL and at BIG stored articles (filled with more generated
#              originals): the whole commit, and the dedup work inside it as the store counts it (exact-hash
#              and bucket lookup, verification, indexing); similarArticles(to:limit:) on the same articles as a
#              read-only proxy for the lookup alone; and the time a newly opened store takes to load the
#              in-memory bucket index at BIG.
#
# scripts/bench/dedup_datasketch.py then measures datasketch (installed with pip if missing) on the same JSON
# Lines: MinHash(num_perm=128).update_batch per article, MinHashLSH(threshold=0.8) query + insert, and its
# recall on the same pairs. The summary puts both side by side with the targets; --markdown adds rows for
# BENCHMARKS.md with the machine's facts.
#
# Environment:
#   N=20000            corpus articles (originals + copies)   COPIES_PERCENT=10   share of edited copies
#   SMALL=10000        stored articles at the first store measurement
#   BIG=200000         stored articles at the second (filling takes a while: progress on stderr)
#   WINDOW=2000        corpus articles timed per store window  BATCH=500   files per transaction
#   PASSES=5           timed signature passes (datasketch: PY_PASSES=3)
#   SEED=20261122      corpus seed                             SCRATCH=.build-bench   swift build scratch path
#   SKIP_STORE=1       skip the SQLite store measurement       BINARY=...   use this gleaner-bench-dedup binary
#   DATASKETCH_VERSION=2.0.0   installed when datasketch is missing (the newest if that one is unavailable)
#   RESULTS=dir        keep the two raw JSON summaries there
#
# A quick run: N=2000 BIG=20000 scripts/bench-dedup.sh (the first window then sits at SMALL=10000 stored).
#
# Exit status: 0 when the benchmark ran (whatever the numbers), non-zero if the build or a measurement failed.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

markdown=false
for arg in "$@"; do
    case "$arg" in
        --markdown) markdown=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench-dedup: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

# Sizes are passed to the tool through the environment (it reads N, COPIES_PERCENT, SMALL, BIG, WINDOW, BATCH,
# PASSES and SEED itself); defaults are repeated here for the messages.
export N=${N:-20000} COPIES_PERCENT=${COPIES_PERCENT:-10} SMALL=${SMALL:-10000} BIG=${BIG:-200000}
export WINDOW=${WINDOW:-2000} BATCH=${BATCH:-500} PASSES=${PASSES:-5} SEED=${SEED:-20261122}
PY_PASSES=${PY_PASSES:-3}
SCRATCH=${SCRATCH:-.build-bench}
SKIP_STORE=${SKIP_STORE:-}
DATASKETCH_VERSION=${DATASKETCH_VERSION:-2.0.0}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
helper="$repo/scripts/bench/dedup_datasketch.py"
cd "$repo"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench-dedup: ERROR: %s\n' "$*" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-bench-dedup.XXXXXX")
cleanup() { rm -rf -- "$work"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Prerequisites: python3 with datasketch ---------------------------------------------------------------------

command -v python3 >/dev/null 2>&1 || die "python3 is required (apt-get install python3 python3-pip)"
if ! python3 -c 'import datasketch' 2>/dev/null; then
    say "installing datasketch==$DATASKETCH_VERSION with pip"
    if ! python3 -m pip install --quiet "datasketch==$DATASKETCH_VERSION"; then
        say "datasketch $DATASKETCH_VERSION is not available; installing the newest datasketch instead"
        python3 -m pip install --quiet datasketch || die "pip could not install datasketch"
    fi
fi
installed=$(python3 -c 'import importlib.metadata as m; print(m.version("datasketch"))')
if [[ "$installed" != "$DATASKETCH_VERSION" ]]; then
    say "NOTE: measuring datasketch $installed, not $DATASKETCH_VERSION"
fi

# --- Build ------------------------------------------------------------------------------------------------------

# The commit being measured, read before the build (the tree may move on while the benchmark runs).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit+="-dirty"; fi

if [[ -z "${BINARY:-}" ]]; then
    say "building gleaner-bench-dedup (swift build -c release --scratch-path $SCRATCH)"
    swift build -c release --scratch-path "$SCRATCH" --product gleaner-bench-dedup >&2 || die "swift build failed"
    BINARY="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/gleaner-bench-dedup"
fi
[[ -x "$BINARY" ]] || die "no executable at $BINARY"

# --- Measurements -------------------------------------------------------------------------------------------------

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
corpus="$work/corpus.jsonl"
tool_args=(--jsonl "$corpus" --db-dir "$work")
if [[ -n "$SKIP_STORE" ]]; then tool_args+=(--skip-store); fi

say "Gleaner: N=$N COPIES_PERCENT=$COPIES_PERCENT SMALL=$SMALL BIG=$BIG WINDOW=$WINDOW BATCH=$BATCH PASSES=$PASSES"
"$BINARY" "${tool_args[@]}" >"$work/gleaner.json" || die "gleaner-bench-dedup failed"

say "datasketch $installed on the same corpus"
python3 "$helper" measure --corpus "$corpus" --out "$work/datasketch.json" --passes "$PY_PASSES" ||
    die "the datasketch measurement failed"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- Summary ------------------------------------------------------------------------------------------------------

cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
report_args=(
    --gleaner "$work/gleaner.json" --datasketch "$work/datasketch.json"
    --fact "date=$(date -u +%Y-%m-%d)" --fact "commit=$commit" --fact "cpu=${cpu:-unknown}"
    --fact "nproc=$(nproc)" --fact "kernel=$(uname -r)"
    --fact "load_before=$load_before" --fact "load_after=$load_after"
)
if $markdown; then report_args+=(--markdown); fi
python3 "$helper" report "${report_args[@]}"

# The raw summaries, for a closer look.
if [[ -n "${RESULTS:-}" ]]; then
    mkdir -p "$RESULTS"
    cp "$work/gleaner.json" "$work/datasketch.json" "$RESULTS/"
    say "raw summaries in $RESULTS"
fi
