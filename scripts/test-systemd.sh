#!/usr/bin/env bash
# End-to-end test of Gleaner as a systemd service, under a REAL systemd booted as PID 1 of private namespaces
# (scripts/lib/systemd-sandbox.sh): install, verify, security score, status, drops by cp and mv from a group
# member, journal fields, reload, watchdog restart after a deliberate stall, clean stop, restart without
# double ingestion, a failing start's message, ten restarts while files stream in (each recorded once),
# uninstall. Needs root; skipped with a message otherwise.
#
# The sandbox starts from an empty spool, database and /etc/gleaner whatever the host holds, and never writes
# to the host. To prove it, the test first leaves an earlier installation's leftovers (a bad configuration,
# spool files, a database) on the host where there is no Gleaner state yet, checks at the end that they are
# untouched, and removes them again. GLEANER_E2E_LEFTOVERS=0 skips planting them.
#
#   scripts/test-systemd.sh            uses .build/debug/gleaner (built by scripts/test.sh)
#   GLEANER_BINARY=PATH scripts/test-systemd.sh
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

if [ "$(id -u)" -ne 0 ]; then
    echo "test-systemd: skipped: booting a sandboxed systemd needs root (run as root, as CI does)"
    exit 0
fi
for tool in unshare nsenter setpriv /lib/systemd/systemd; do
    command -v "$tool" >/dev/null 2>&1 || [ -x "$tool" ] || {
        echo "test-systemd: skipped: $tool is missing (util-linux and systemd are needed)"
        exit 0
    }
done

# shellcheck source=scripts/lib/systemd-sandbox.sh
source scripts/lib/systemd-sandbox.sh
binary=${GLEANER_BINARY:-$repo/.build/debug/gleaner}
binary=$(readlink -f "$binary")
[ -x "$binary" ] || { echo "test-systemd: no gleaner binary at $binary; run swift build first" >&2; exit 1; }
case "$binary" in
    "$repo"/*) ;;
    *) echo "test-systemd: the binary must be inside the repository ($repo)" >&2; exit 1 ;;
esac

name=gleaner-e2e-$$
src=/run/gleaner-src
started=$SECONDS
passed=0
failed=0
# What an installed Gleaner leaves on a machine; none of it may be seen inside the sandbox.
host_state=(/etc/gleaner /var/spool/gleaner /var/lib/gleaner)
SANDBOX_EMPTY="${host_state[*]} /usr/local/bin/gleaner /usr/local/lib/systemd/system/gleaner.service
    /usr/local/lib/sysusers.d/gleaner.conf /usr/local/lib/tmpfiles.d/gleaner.conf
    /usr/local/share/man/man8/gleaner.8 /usr/local/share/man/man5/gleaner.conf.5"
planted=()
remove_planted() { [ ${#planted[@]} -eq 0 ] || rm -rf "${planted[@]}"; }
trap 'sandbox_down "$name" || true; remove_planted' EXIT

in_sandbox() { sandbox_exec "$name" "$@"; }
ok() { passed=$((passed + 1)); printf '  ok    %s\n' "$1"; }
fail() {
    failed=$((failed + 1))
    printf '  FAIL  %s\n' "$1"
    in_sandbox journalctl -u gleaner --no-pager -n 25 2>/dev/null | sed 's/^/        /' || true
}
check() { # check "description" command...
    local what=$1
    shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}
# wait_for SECONDS "description" command...   (polls every 0.1 s)
wait_for() {
    local limit=$1 what=$2 deadline
    shift 2
    deadline=$((SECONDS + limit))
    while [ $SECONDS -lt $deadline ]; do
        if "$@" >/dev/null 2>&1; then ok "$what"; return 0; fi
        sleep 0.1
    done
    fail "$what (not within ${limit}s)"
    return 1
}
cli_status_has() { in_sandbox runuser -u alice -- gleaner status | grep -qF -- "$1"; }
status_json() { in_sandbox runuser -u alice -- gleaner status --json; }
articles_are() { status_json | grep -q "\"articles\" : $1,"; }
files_are() { status_json | grep -q "\"files\" : $1,"; }
journal_has() { in_sandbox journalctl -u gleaner --no-pager -o cat "${@:2}" | grep -qF -- "$1"; }
# The last lines of an exiting process can reach journald before it has looked up the sender's unit, so they
# are matched by what is certain: the process id and the identifier.
journal_of_pid_has() { in_sandbox journalctl --no-pager -o cat "_PID=$1" SYSLOG_IDENTIFIER=gleaner | grep -qF -- "$2"; }
# A listing of a host path (names, sizes, modes, times, contents' hashes), to tell whether it changed.
host_listing() {
    [ -e "$1" ] || { echo "absent"; return; }
    find "$1" -printf '%p %s %m %T@\n' | sort
    find "$1" -type f -exec sha256sum {} + | sort
}
count_in_sandbox() { [ "$(in_sandbox sh -c "ls -A '$1' | wc -l")" -eq "$2" ]; }
unit_property() { in_sandbox systemctl show -P "$1" gleaner; }
status_text_has() { unit_property StatusText | grep -qF -- "$1"; }
restarted_since() { [ "$(unit_property NRestarts)" -gt "$1" ] && [ "$(unit_property SubState)" = running ]; }
exists_in_sandbox() { in_sandbox test -e "$1"; }
missing_in_sandbox() { ! in_sandbox test -e "$1"; }
user_missing() { ! in_sandbox getent passwd "$1" >/dev/null; }
# drop NAME SOURCE cp|mv  — as alice, a member of group gleaner
drop() {
    if [ "$3" = cp ]; then
        in_sandbox runuser -u alice -- cp "$2" "/var/spool/gleaner/inbox/$1"
    else
        in_sandbox runuser -u alice -- sh -c 'cat "$1" > "/var/spool/gleaner/inbox/.$2.tmp" && mv "/var/spool/gleaner/inbox/.$2.tmp" "/var/spool/gleaner/inbox/$2"' _ "$2" "$1"
    fi
}

echo "== leftovers of an earlier Gleaner on the host"
if [ "${GLEANER_E2E_LEFTOVERS:-1}" = 1 ]; then
    for path in "${host_state[@]}"; do
        [ -e "$path" ] && continue
        planted+=("$path")
        mkdir -p "$path"
    done
    for path in "${planted[@]}"; do
        case "$path" in
            /etc/gleaner) printf 'RescanInterval=often\nInbox=/nonexistent/leftover\n' >"$path/gleaner.conf" ;;
            /var/spool/gleaner)
                mkdir -p "$path/inbox" "$path/processed" "$path/failed"
                for index in 1 2 3; do echo "leftover article $index" >"$path/processed/leftover-$index.txt"; done
                echo "a leftover in the inbox" >"$path/inbox/leftover.txt"
                echo "?" >"$path/failed/leftover.bin"
                ;;
            /var/lib/gleaner) echo "not a database" >"$path/gleaner.sqlite" ;;
        esac
    done
    echo "   planted: ${planted[*]:-nothing (the host already has Gleaner state; it is checked untouched)}"
fi
declare -A host_before
for path in "${host_state[@]}"; do host_before[$path]=$(host_listing "$path"); done

echo "== booting a real systemd in private namespaces"
SANDBOX_EMPTY=$SANDBOX_EMPTY sandbox_up "$name" "$repo:$src"
echo "   $(in_sandbox systemctl --version | head -1), up in $((SECONDS - started))s"
for path in "${host_state[@]}"; do
    check "the sandbox starts without the host's $path" missing_in_sandbox "$path"
done
for user in gleaner alice; do
    if in_sandbox getent passwd "$user" >/dev/null; then in_sandbox userdel "$user" 2>/dev/null || true; fi
    if in_sandbox getent group "$user" >/dev/null; then in_sandbox groupdel "$user" 2>/dev/null || true; fi
done

echo "== install"
in_sandbox "$src/scripts/install.sh" --binary "$src${binary#"$repo"}" | sed 's/^/   /'
in_sandbox useradd --no-create-home --groups gleaner alice

verify=$(in_sandbox systemd-analyze verify --man=no /usr/local/lib/systemd/system/gleaner.service 2>&1 || true)
check "systemd-analyze verify prints nothing" test -z "$verify"
[ -z "$verify" ] || echo "$verify" | sed 's/^/        /'
exposure=$(in_sandbox systemd-analyze security --offline=yes /usr/local/lib/systemd/system/gleaner.service 2>&1 \
    | sed -n 's/.*Overall exposure level for gleaner.service: \([0-9.]*\).*/\1/p')
check "exposure score $exposure <= 1.5" awk -v score="${exposure:-99}" 'BEGIN { exit !(score <= 1.5) }'

status=$(in_sandbox systemctl status --no-pager gleaner || true)
check "systemctl status: active (running)" grep -q 'Active: active (running)' <<<"$status"
check "systemctl status: STATUS line" grep -q 'Status: "watching /var/spool/gleaner/inbox: 0 ingested' <<<"$status"
echo "$status" | sed -n '1,8p' | sed 's/^/        /'

echo "== five samples dropped by a member of group gleaner (one by cp, four by write-then-mv)"
method=cp
for sample in "$repo"/Tests/Fixtures/samples/*.txt; do
    drop "$(basename "$sample")" "$src${sample#"$repo"}" "$method"
    method=mv
done
wait_for 30 "gleaner status (run by the group member) counts 5 articles" articles_are 5
wait_for 10 "STATUS counts them" status_text_has "5 ingested, 0 duplicates, 0 failed, 0 queued"
wait_for 5 "gleaner status shows the current STATUS line" cli_status_has "status:         watching /var/spool/gleaner/inbox: 5 ingested"
for sample in "$repo"/Tests/Fixtures/samples/*.txt; do
    file=$(basename "$sample")
    entry=$(in_sandbox journalctl -u gleaner --no-pager -o verbose "GLEANER_FILE=$file")
    if grep -q 'GLEANER_OUTCOME=ingested' <<<"$entry" && grep -q 'GLEANER_SHA256=' <<<"$entry" \
        && grep -q 'GLEANER_ARTICLE=' <<<"$entry"; then
        ok "journal entry for $file with GLEANER_OUTCOME, GLEANER_SHA256, GLEANER_ARTICLE"
    else
        fail "journal entry for $file"
    fi
done
wait_for 10 "the spool moved them to processed" count_in_sandbox /var/spool/gleaner/processed 5

echo "== reload picks up a configuration change"
in_sandbox sh -c 'echo "MaxFileSize=1K" >> /etc/gleaner/gleaner.conf'
in_sandbox systemctl reload gleaner
wait_for 10 "journal: reloaded configuration with MaxFileSize=1024" journal_has "MaxFileSize=1024"
in_sandbox sh -c 'head -c 3000 /dev/zero | tr "\0" "a" > /tmp/big.txt'
drop big.txt /tmp/big.txt cp
wait_for 10 "a 3 KB file is now quarantined (GLEANER_OUTCOME=failed, GLEANER_REASON=too-large)" \
    journal_has "quarantined big.txt" GLEANER_OUTCOME=failed GLEANER_REASON=too-large
in_sandbox sed -i '/^MaxFileSize=1K$/d' /etc/gleaner/gleaner.conf
in_sandbox systemctl reload gleaner

echo "== a stalled pipeline stops the watchdog pings; systemd restarts the service"
in_sandbox mkdir -p /etc/systemd/system/gleaner.service.d
in_sandbox sh -c 'printf "[Service]\nEnvironment=GLEANER_TEST_FAULTS=stall-file=/var/lib/gleaner/stall\nWatchdogSec=3s\n" > /etc/systemd/system/gleaner.service.d/test-stall.conf'
in_sandbox systemctl daemon-reload
in_sandbox systemctl restart gleaner
restarts_before=$(unit_property NRestarts)
in_sandbox touch /var/lib/gleaner/stall
wait_for 10 "the daemon stalls on purpose" journal_has "stalling the pipeline on purpose"
# Three different articles (texts differing only in a number would be near duplicates: digits are folded).
waiting_texts=(
    "The harbour authority opened a new container terminal after years of delays and disputes."
    "Farmers in the northern valley reported the largest wheat harvest seen there in a decade."
    "A museum of maritime history welcomed its millionth visitor on a rainy Sunday afternoon."
)
for index in 1 2 3; do
    in_sandbox sh -c "echo '${waiting_texts[$((index - 1))]}' > /tmp/waiting-$index.txt"
    drop "waiting-$index.txt" "/tmp/waiting-$index.txt" mv
done
wait_for 30 "systemd's watchdog restarts it" restarted_since "$restarts_before"
wait_for 5 "journal: systemd saw the watchdog timeout" journal_has "Watchdog timeout" --system
wait_for 30 "the three waiting files are ingested after the restart" articles_are 8
check "nothing was ingested twice (9 file records: 5 + big.txt + 3)" files_are 9
in_sandbox rm -f /etc/systemd/system/gleaner.service.d/test-stall.conf
in_sandbox systemctl daemon-reload
in_sandbox systemctl restart gleaner

echo "== stop, restart"
main_pid=$(unit_property MainPID)
stop_started=$SECONDS
in_sandbox systemctl stop gleaner
check "systemctl stop returns within TimeoutStopSec (15s): $((SECONDS - stop_started))s" test $((SECONDS - stop_started)) -lt 15
check "it exited 0 (Result=success)" test "$(unit_property Result)" = success
wait_for 10 "journal: the daemon said it stopped" journal_of_pid_has "$main_pid" "stopped: watching /var/spool/gleaner/inbox"
in_sandbox systemctl start gleaner
in_sandbox systemctl restart gleaner
check "after start and restart, nothing was ingested twice" files_are 9
check "the inbox is empty" test -z "$(in_sandbox ls -A /var/spool/gleaner/inbox)"

echo "== a failing start tells the user what to fix"
in_sandbox sh -c 'echo "RescanInterval=often" >> /etc/gleaner/gleaner.conf'
in_sandbox systemctl restart gleaner 2>/dev/null && fail "restart with a bad configuration should fail" || true
wait_for 10 "exit status 78 (EX_CONFIG), not restarted" test "$(unit_property ExecMainStatus)" = 78
failed_pid=$(unit_property ExecMainPID)
bad_line=$(in_sandbox grep -n '^RescanInterval=often$' /etc/gleaner/gleaner.conf | cut -d: -f1)
wait_for 10 "journal names the file, line and problem" \
    journal_of_pid_has "$failed_pid" "/etc/gleaner/gleaner.conf:$bad_line: RescanInterval=often: expected a duration"
wait_for 10 "journal says how to check the fix" journal_of_pid_has "$failed_pid" "gleaner check-config"
in_sandbox sed -i '/^RescanInterval=often$/d' /etc/gleaner/gleaner.conf
in_sandbox systemctl reset-failed gleaner
in_sandbox systemctl start gleaner
check "fixed configuration: active again" test "$(unit_property ActiveState)" = active

echo "== install again (idempotent)"
again=$(in_sandbox "$src/scripts/install.sh" --binary "$src${binary#"$repo"}")
check "a second install keeps the configuration" grep -q "/etc/gleaner/gleaner.conf.*kept (already present)" <<<"$again"
check "a second install restarts the running service" grep -q "enabled, restarted" <<<"$again"
wait_for 10 "still active after the second install" test "$(unit_property ActiveState)" = active
check "and still nothing ingested twice" files_are 9

echo "== ten restarts while files stream in"
stream=300
in_sandbox runuser -u alice -- perl "$src/scripts/lib/gen-articles.pl" /var/spool/gleaner/inbox "$stream" restart \
    --delay 0.01 &
streamer=$!
restart_failures=0
for _ in $(seq 10); do
    # Ten restarts in a few seconds exceed the default start rate limit (5 per 10 s); reset-failed resets it.
    in_sandbox systemctl reset-failed gleaner
    in_sandbox systemctl restart gleaner || restart_failures=$((restart_failures + 1))
    sleep 0.2
done
check "ten restarts succeeded" test "$restart_failures" -eq 0
check "the writer streamed $stream files" wait "$streamer"
wait_for 60 "every streamed file is recorded once ($((9 + stream)) file records)" files_are $((9 + stream))
check "they are $((8 + stream)) articles" articles_are $((8 + stream))
wait_for 10 "processed/ holds each once" count_in_sandbox /var/spool/gleaner/processed $((8 + stream))
wait_for 10 "the inbox is empty" count_in_sandbox /var/spool/gleaner/inbox 0
if command -v sqlite3 >/dev/null 2>&1; then
    twice=$(in_sandbox runuser -u alice -- sqlite3 -readonly /var/lib/gleaner/gleaner.sqlite \
        'SELECT count(*) FROM (SELECT 1 FROM files WHERE sha256 IS NOT NULL GROUP BY sha256 HAVING count(*) > 1)' \
        2>&1 || true)
    check "no content recorded twice (by SHA-256): ${twice:-no answer}" test "$twice" = 0
fi
check "systemd counted the restarts as clean (Result=success)" test "$(unit_property Result)" = success

echo "== uninstall"
in_sandbox "$src/scripts/uninstall.sh" | sed 's/^/   /'
check "the binary and unit are gone" missing_in_sandbox /usr/local/bin/gleaner
check "the data is kept without --purge" exists_in_sandbox /var/lib/gleaner/gleaner.sqlite
in_sandbox "$src/scripts/uninstall.sh" --purge | sed 's/^/   /'
check "--purge removes the database" missing_in_sandbox /var/lib/gleaner
check "--purge removes the spool" missing_in_sandbox /var/spool/gleaner
check "--purge removes the configuration" missing_in_sandbox /etc/gleaner
check "--purge removes the gleaner user" user_missing gleaner

echo "== the host's Gleaner state is untouched"
sandbox_down "$name"
for path in "${host_state[@]}"; do
    if [ "${host_before[$path]}" = "$(host_listing "$path")" ]; then
        ok "$path on the host is as it was"
    elif pgrep -x gleaner >/dev/null; then
        echo "  skip  $path on the host changed, but a gleaner process runs on the host"
    else
        fail "$path on the host is as it was"
    fi
done
remove_planted
planted=()

echo "systemd e2e took $((SECONDS - started))s"
echo "systemd: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
