#!/usr/bin/env bash
# Search and export benchmark.
#
#   scripts/bench-search.sh [--markdown]
#
# Builds the release binary, writes N generated articles (the generator of scripts/bench/ingest_load.py: 2-6 KB of
# pseudo-English drawn from a few hundred common words, fixed seed) plus an edited copy of every COPY_EVERY-th
# one, ingests them once with `gleaner ingest` into a fresh database, then times, each with its peak RSS
# (/usr/bin/time -v):
#
#   - `gleaner search` for a few queries (a word in nearly every article, a phrase, operators, a prefix, a
#     word in one article, a word with --since);
#   - `gleaner export KIND --format FORMAT > /dev/null` for every kind and format, and articles with --since
#     (a tenth of the rows: the same peak RSS means memory does not grow with the rows);
#   - the size of the database and of the full-text index in it (dbstat).
#
# Environment:
#   N=200000        articles                    COPY_EVERY=20     one edited copy per this many articles
#   SEED=20261122   generator seed              SCRATCH=.build-bench   swift build scratch path
#   BINARY=...      skip the build and benchmark this gleaner binary
#   WORK=DIR        keep the articles and database in DIR (reused by the next run when it holds a database
#                   of the same N); default: a temporary directory, removed at the end
#
# Exit status: 0 when the benchmark ran, non-zero when the build, the ingestion or a command failed.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

markdown=false
for arg in "$@"; do
    case "$arg" in
        --markdown) markdown=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench-search: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

N=${N:-200000}
COPY_EVERY=${COPY_EVERY:-20}
SEED=${SEED:-20261122}
SCRATCH=${SCRATCH:-.build-bench}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench-search: ERROR: %s\n' "$*" >&2; exit 1; }

[[ -x /usr/bin/time ]] || die "/usr/bin/time is missing (apt-get install time)"
command -v python3 >/dev/null || die "python3 is missing"

if [[ -n "${BINARY:-}" ]]; then
    gleaner=$BINARY
else
    say "building the release binary ($SCRATCH)"
    swift build -c release --scratch-path "$SCRATCH" --product gleaner >&2
    gleaner="$SCRATCH/release/gleaner"
fi
[[ -x "$gleaner" ]] || die "no gleaner binary at $gleaner"

if [[ -n "${WORK:-}" ]]; then
    work=$WORK
    mkdir -p "$work"
else
    work=$(mktemp -d -t gleaner-bench-search.XXXXXX)
    trap 'rm -rf "$work"' EXIT
fi
db="$work/gleaner.sqlite"
articles="$work/articles"

# Runs a command under /usr/bin/time -v; prints "SECONDS MAX_RSS_KIB" on stdout, the command's output to $2.
timed() {
    local out=$1
    shift
    local stats="$work/time.txt"
    /usr/bin/time -v -o "$stats" "$@" >"$out" 2>"$work/stderr.txt" || {
        cat "$work/stderr.txt" >&2
        die "failed: $*"
    }
    python3 - "$stats" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1).split(":")
seconds = sum(float(part) * 60 ** index for index, part in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
print(f"{seconds:.2f} {rss}")
EOF
}

if [[ -f "$db" && "$(cat "$work/n" 2>/dev/null)" == "$N" ]]; then
    say "reusing the database in $work ($N articles)"
    ingest_line="(reused)"
else
    rm -rf "$articles" "$db" "$db-wal" "$db-shm"
    say "generating $N articles and $((N / COPY_EVERY)) edited copies in $articles"
    python3 - "$repo/scripts/bench/ingest_load.py" "$articles" "$N" "$SEED" "$COPY_EVERY" <<'EOF'
import importlib.util, os, sys
spec = importlib.util.spec_from_file_location("ingest_load", sys.argv[1])
load = importlib.util.module_from_spec(spec)
spec.loader.exec_module(load)
folder, count, seed, every = sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
# 1,000 files per folder; the serial makes every body unique.
for start in range(0, count, 1000):
    names = load.generate(os.path.join(folder, f"{start // 1000:04d}"), min(1000, count - start), seed + start,
                          f"search{start // 1000:04d}")
    for name in names[::every]:
        path = os.path.join(folder, f"{start // 1000:04d}", name)
        text = open(path, encoding="utf-8").read()
        # A wire copy: the same report with a line added at the end (a near-duplicate, containment).
        with open(path.replace(".txt", "-copy.txt"), "w", encoding="utf-8") as handle:
            handle.write(text.rstrip() + "\nDistributed by the bench wire service.\n")
EOF
    say "ingesting with gleaner ingest (this takes a while)"
    read -r seconds rss < <(timed "$work/ingest.txt" "$gleaner" ingest --db "$db" "$articles")
    tail -n 1 "$work/ingest.txt" >&2
    echo "$N" >"$work/n"
    ingest_line="$seconds s, $(python3 -c "print(round($N * (1 + 1 / $COPY_EVERY) / $seconds))") articles/s, peak RSS $((rss / 1024)) MiB"
    say "ingested in $ingest_line"
fi

read -r total_articles index_bytes db_bytes text_bytes < <(python3 - "$db" <<'EOF'
import os, sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
try:
    index = db.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'article_search%'").fetchone()[0] or 0
except sqlite3.OperationalError:
    index = -1
size = os.path.getsize(sys.argv[1])
text = db.execute("SELECT sum(length(CAST(text AS BLOB)) + coalesce(length(CAST(title AS BLOB)), 0)) FROM articles").fetchone()[0]
print(articles, index, size, text)
EOF
)
mib() { python3 -c "print(f'{$1 / 1048576:.0f}')"; }
say "database: $(mib "$db_bytes") MiB, $total_articles articles ($(mib "$text_bytes") MiB of title and body text); full-text index: $(mib "$index_bytes") MiB"

results=()
search() {
    local label=$1
    shift
    read -r seconds rss < <(timed "$work/out.txt" "$gleaner" search --db "$db" "$@" --json)
    local hits
    hits=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/out.txt")
    results+=("| search | \`$label\` | $hits hits | $seconds | $((rss / 1024)) |")
    say "search $label: $hits hits in $seconds s, peak RSS $((rss / 1024)) MiB"
}
search "pipeline" pipeline
search "pipeline --limit 100" pipeline --limit 100
search "\"pipeline talks\"" '"pipeline talks"'
search "parliament AND budget NOT railway" 'parliament AND budget NOT railway'
search "harb*" 'harb*'
search "title:harbour" 'title:harbour'
search "\"search0123 0000456\" (one article)" '"search0123 0000456"'
search "pipeline --since 2025-01-01" pipeline --since 2025-01-01

export_() {
    local label=$1
    shift
    read -r seconds rss < <(timed /dev/null "$gleaner" export --db "$db" "$@")
    results+=("| export | \`$label\` | | $seconds | $((rss / 1024)) |")
    say "export $label: $seconds s, peak RSS $((rss / 1024)) MiB"
}
for format in csv jsonl; do
    for kind in articles events duplicates; do export_ "$kind --format $format" "$kind" --format "$format"; done
done
export_ "events --format gdelt" events --format gdelt
export_ "articles --format csv --since 2025-01-01" articles --format csv --since 2025-01-01

read -r events duplicates < <(python3 - "$db" <<'EOF'
import sqlite3, sys
db = sqlite3.connect(f"file:{sys.argv[1]}?mode=ro", uri=True)
print(db.execute("SELECT count(*) FROM events").fetchone()[0],
      db.execute("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0])
EOF
)
printf '\n%s articles (%s copies), %s events; database %s MiB, full-text index %s MiB (title and body text %s MiB)\n' \
    "$total_articles" "$duplicates" "$events" "$(mib "$db_bytes")" "$(mib "$index_bytes")" "$(mib "$text_bytes")"
printf 'ingestion: %s\n' "$ingest_line"
if $markdown; then
    printf '\n| what | command | result | wall (s) | peak RSS (MiB) |\n|---|---|---|---|---|\n'
    printf '%s\n' "${results[@]}"
fi
