#!/usr/bin/env bash
# Ingest benchmark for the Gleaner daemon.
#
#   scripts/bench-ingest.sh [--markdown]
#
# Builds the release binary, then runs two phases, each against a fresh daemon with a fresh state directory:
#
#   A  throughput: N articles (2–6 KB of pseudo-English, unique, fixed seed) are written to a staging folder,
#      renamed into the inbox as fast as possible, and timed until the last one is committed.
#   B  latency:    RATE_N articles are renamed into the inbox at RATE files/s, paced by a clock; latency is
#      files.received_at minus the rename time.
#
# The peak RSS (VmHWM) of the daemon is read at the end of each phase. With --markdown, rows for BENCHMARKS.md
# (with the machine's facts) are printed after the summary.
#
# Environment:
#   N=20000          articles in phase A           RATE_N=3000   articles in phase B
#   RATE=100         files/s in phase B            TIMEOUT=300   seconds to wait for commits, per phase
#   SEED=20261122    generator seed                SCRATCH=.build-bench   swift build scratch path
#   EXTRA_CONF=""    extra Key=Value settings for the daemon, separated by spaces
#                    (e.g. EXTRA_CONF="BatchMaxFiles=2048 BatchMaxDelay=0.5")
#   BINARY=...       skip the build and benchmark this gleaner binary
#
# Exit status: 0 when the benchmark ran (whatever the numbers), non-zero if the build failed, the daemon did
# not start or died, or the commits did not arrive within TIMEOUT.
set -euo pipefail

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; }

markdown=false
for arg in "$@"; do
    case "$arg" in
        --markdown) markdown=true ;;
        -h | --help) usage; exit 0 ;;
        *) echo "bench-ingest: unknown argument: $arg (try --help)" >&2; exit 2 ;;
    esac
done

N=${N:-20000}
RATE_N=${RATE_N:-3000}
RATE=${RATE:-100}
TIMEOUT=${TIMEOUT:-300}
SEED=${SEED:-20261122}
SCRATCH=${SCRATCH:-.build-bench}
EXTRA_CONF=${EXTRA_CONF:-}
READY_TIMEOUT=60 # seconds for the daemon to print "ready:"
# Readiness is the notice-level "ready:" log line: a quieter LogLevel would hide it.
if [[ "$EXTRA_CONF" =~ LogLevel=(warning|error|critical) ]]; then
    echo "bench-ingest: EXTRA_CONF sets LogLevel=${BASH_REMATCH[1]}, which hides the notice-level \"ready:\" line" \
        "the benchmark waits for; use LogLevel=notice at most" >&2
    exit 2
fi
STOP_TIMEOUT=30  # seconds for the daemon to exit after SIGTERM

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
helper="$repo/scripts/bench/ingest_load.py"
cd "$repo"

say() { printf '==> %s\n' "$*"; }

# --- State shared with the EXIT trap --------------------------------------------------------------------------

daemon_pid=""  # the running daemon, if any
daemon_log=""  # its stderr
temp_dirs=()   # removed on exit

# Prints the message and the tail of the daemon log, then exits non-zero (the trap stops the daemon).
die() {
    printf '\nbench-ingest: ERROR: %s\n' "$*" >&2
    if [[ -n "$daemon_log" && -s "$daemon_log" ]]; then
        printf -- '--- last 30 lines of the daemon log (%s) ---\n' "$daemon_log" >&2
        tail -n 30 "$daemon_log" >&2
        printf -- '--- end of the daemon log ---\n' >&2
    fi
    exit 1
}

# SIGTERM, then wait up to STOP_TIMEOUT seconds, then SIGKILL. Returns the daemon's exit status.
stop_daemon() {
    [[ -n "$daemon_pid" ]] || return 0
    local pid=$daemon_pid status=0 waited=0
    daemon_pid=""
    kill -TERM "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]; do
        if ((waited >= STOP_TIMEOUT * 10)); then
            echo "bench-ingest: the daemon (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s; killing it" >&2
            kill -KILL "$pid" 2>/dev/null || true
            break
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    wait "$pid" 2>/dev/null || status=$?
    return "$status"
}

cleanup() {
    local status=$?
    stop_daemon || true
    if ((${#temp_dirs[@]} > 0)); then rm -rf -- "${temp_dirs[@]}"; fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Prerequisites and build ----------------------------------------------------------------------------------

# Installs apt packages that are missing (only python3 is needed beyond the Swift toolchain).
need_packages() {
    local missing=()
    command -v python3 >/dev/null 2>&1 || missing+=(python3)
    ((${#missing[@]} == 0)) && return 0
    say "installing missing packages: ${missing[*]}"
    local sudo=()
    ((EUID == 0)) || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq "${missing[@]}"
}
need_packages
python3 -c 'import sqlite3' 2>/dev/null || die "python3 has no sqlite3 module"

if [[ -z "${BINARY:-}" ]]; then
    say "building the release binary (swift build -c release --scratch-path $SCRATCH)"
    swift build -c release --scratch-path "$SCRATCH" || die "swift build failed"
    BINARY="$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/gleaner"
fi
[[ -x "$BINARY" ]] || die "no executable at $BINARY"

# --- The daemon -------------------------------------------------------------------------------------------------

# Creates a fresh state directory, writes its configuration and starts the daemon; sets `state`, `daemon_pid`,
# `daemon_log`. Returns once the daemon has logged "ready:".
start_daemon() {
    state=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-bench.XXXXXX")
    temp_dirs+=("$state")
    mkdir -p "$state/staging" # same filesystem as the inbox, so rename(2) works
    local conf="$state/gleaner.conf"
    {
        echo "# written by scripts/bench-ingest.sh"
        echo "Inbox=$state/inbox"
        echo "Processed=$state/processed"
        echo "Failed=$state/failed"
        echo "Database=$state/gleaner.sqlite"
        local setting settings
        read -ra settings <<<"$EXTRA_CONF"
        for setting in "${settings[@]}"; do echo "$setting"; done
    } >"$conf"
    daemon_log="$state/daemon.log"
    # Without JOURNAL_STREAM the daemon logs `<N>message` lines to stderr (not to the journal).
    env -u JOURNAL_STREAM -u NOTIFY_SOCKET -u WATCHDOG_USEC "$BINARY" run --config "$conf" \
        </dev/null >/dev/null 2>"$daemon_log" &
    daemon_pid=$!
    local waited=0
    until grep -q 'ready:' "$daemon_log" 2>/dev/null; do
        kill -0 "$daemon_pid" 2>/dev/null || die "the daemon exited before it was ready"
        ((waited < READY_TIMEOUT * 10)) || die "the daemon was not ready after ${READY_TIMEOUT}s"
        sleep 0.1
        waited=$((waited + 1))
    done
    say "daemon pid $daemon_pid ready (state $state)"
}

# Runs one phase of the helper against the running daemon; on failure, reports why with the daemon log.
run_phase() {
    local phase=$1 out=$2
    shift 2
    local status=0
    python3 "$helper" "$phase" --inbox "$state/inbox" --staging "$state/staging" --db "$state/gleaner.sqlite" \
        --pid "$daemon_pid" --log "$daemon_log" --out "$out" --seed "$SEED" --timeout "$TIMEOUT" "$@" || status=$?
    case "$status" in
        0) ;;
        3) daemon_pid=""; die "the daemon died during phase $phase" ;;
        4) die "the files were not all committed within ${TIMEOUT}s (phase $phase)" ;;
        *) die "the load helper failed (phase $phase, exit $status)" ;;
    esac
}

results=$(mktemp -d "${TMPDIR:-/tmp}/gleaner-bench-results.XXXXXX")
temp_dirs+=("$results")

# --- Phase A: throughput ----------------------------------------------------------------------------------------

say "phase A: throughput, $N articles dropped at once"
start_daemon
run_phase burst "$results/burst.json" --n "$N"
stop_daemon || die "the daemon exited with an error after phase A"

# --- Phase B: latency at a steady rate --------------------------------------------------------------------------

say "phase B: latency, $RATE_N articles at $RATE files/s"
start_daemon
run_phase rate "$results/rate.json" --n "$RATE_N" --rate "$RATE"
stop_daemon || die "the daemon exited with an error after phase B"

# --- Summary ----------------------------------------------------------------------------------------------------

cpu=$(awk -F': *' '/^model name/ {print $2; exit}' /proc/cpuinfo)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit+="-dirty"; fi
report_args=(
    --burst "$results/burst.json" --rate "$results/rate.json"
    --fact "date=$(date -u +%Y-%m-%d)" --fact "commit=$commit" --fact "cpu=${cpu:-unknown}"
    --fact "nproc=$(nproc)" --fact "kernel=$(uname -r)"
)
if [[ -n "$EXTRA_CONF" ]]; then say "daemon settings: $EXTRA_CONF"; fi
if $markdown; then report_args+=(--markdown); fi
python3 "$helper" report "${report_args[@]}"
