#!/usr/bin/env python3
"""Load generator and measurement helper for scripts/bench-ingest.sh (standard library only).

Subcommands:

  burst   Phase A (throughput): write N articles to a staging folder, rename them all into the inbox as fast
          as possible, wait until the database has N rows in `files`, and measure.
  rate    Phase B (latency): write N articles to a staging folder, rename them into the inbox at a fixed rate
          paced by a monotonic clock, wait until all are committed, and measure.
  report  Print the summary block (and, with --markdown, a table for BENCHMARKS.md) from the phase results.

Every file is written to a staging folder on the same filesystem first and then renamed into the inbox
(write-then-rename, like Maildir), so the daemon only ever sees complete files. The wall-clock time right after
each rename(2) is the file's arrival time; `files.received_at` (UTC, millisecond resolution, set by SQLite when
the daemon inserts the row inside its batch transaction) is its commit time. Both are CLOCK_REALTIME.

Exit status: 0 on success, 2 on bad usage, 3 when the daemon died, 4 on timeout.
"""

import argparse
import datetime
import json
import math
import os
import random
import sqlite3
import sys
import time

EXIT_DAEMON_DIED = 3
EXIT_TIMEOUT = 4

# A few hundred common English words; sentences are drawn from them at random, so every article reads like
# (meaningless) English and no two articles share a body.
WORDS = """
the of and to in a is that for it as was with be by on not he this are or his from at which but have an they
you were her she there been one all we their has would when if so no will more other its what about time
into can only new some could these two may first then do any like my now over such our man me even most made
after also did many before must through back years where much your way well down should because each just
those people how too little state good very make world still own see men work long here get both between life
being under never day same another know while last might great old year off come since against go came right
used take three states himself few house use during without again place around however home small found
thought went say part once general high upon school every until always away something fact though water less
public put think almost hand enough far took head yet government system better set told nothing night end why
called didn't eyes find going look asked later knew point next program city business give group toward young
days let room president side social given present several order national possible rather second face per
among form important often things looked early white case john become large big need four within felt along
children saw best church ever least power development light thing seemed family interest want members mind
country area others done turned although open god service problem certain kind different thus began door help
means sense whole matter perhaps itself york times law human line above name example action company hands local
show five history gave today either act feet across taken past quite anything seen having death week field
market council report minister officials council talks agreement election economy trade energy pipeline
province capital border court ruling budget parliament committee farmers prices harbour railway bridge
""".split()

PLACES = [
    "ISLAMABAD", "LAGOS", "LIMA", "OSLO", "HANOI", "NAIROBI", "QUITO", "RIGA", "TUNIS", "DHAKA", "ACCRA", "BERN",
]


def make_article(rng, serial, prefix):
    """One `.txt` article of 2-6 KB: a header block, a dateline, and paragraphs of random sentences.

    The serial number is part of the body, so the text hash is unique even if the random words repeat.
    """
    target = rng.randint(2048, 6144)
    title = " ".join(rng.choices(WORDS, k=rng.randint(4, 9))).capitalize()
    year, month, day = rng.randint(2015, 2025), rng.randint(1, 12), rng.randint(1, 28)
    header = (
        f"Title: {title} ({prefix} {serial})\n"
        f"Date: {year:04d}-{month:02d}-{day:02d}\n"
        f"Source: bench.example\n"
        f"URL: https://bench.example/{prefix}/{serial}\n"
        "\n"
    )
    # Enough words for the target size (they average well over 4 bytes with their space), drawn in one call.
    words = rng.choices(WORDS, k=target // 4)
    body = [f"{rng.choice(PLACES)}: Dispatch {prefix}-{serial:07d} reports that "]
    size, start = len(header) + len(body[0]), 0
    while size < target and start < len(words):
        paragraph = []
        for _ in range(rng.randint(3, 6)):
            length = rng.randint(8, 22)
            sentence = " ".join(words[start:start + length])
            start += length
            if sentence:
                paragraph.append(sentence[0].upper() + sentence[1:] + rng.choice(".....?!"))
        text = " ".join(paragraph) + "\n\n"
        body.append(text)
        size += len(text)
    return (header + "".join(body))[:target].rstrip() + ".\n"


def generate(staging, count, seed, prefix):
    """Writes `count` articles into `staging`; returns their names in rename order."""
    os.makedirs(staging, exist_ok=True)
    rng = random.Random(seed)
    names = []
    started = time.monotonic()
    last_report = started
    for serial in range(count):
        name = f"{prefix}-{serial:07d}.txt"
        with open(os.path.join(staging, name), "w", encoding="utf-8") as handle:
            handle.write(make_article(rng, serial, prefix))
        names.append(name)
        now = time.monotonic()
        if now - last_report >= 3:
            log(f"  generated {serial + 1}/{count} articles")
            last_report = now
    total = sum(os.path.getsize(os.path.join(staging, name)) for name in names)
    log(
        f"  generated {count} articles ({total / 1048576:.1f} MiB, {total / count / 1024:.1f} KiB on average) "
        f"in {time.monotonic() - started:.1f}s"
    )
    return names


def log(message):
    print(message, flush=True)


# MARK: - The daemon


def daemon_state(pid):
    """The process state letter from /proc/PID/stat ('R', 'S', 'Z' ...), or None when it is gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return None


def daemon_alive(pid):
    return daemon_state(pid) not in (None, "Z", "X")


def peak_rss_kib(pid):
    """VmHWM (peak resident set size) of the process, in KiB, or None."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except FileNotFoundError:
        pass
    return None


def cpu_seconds(pid):
    """User and system CPU time the process has used so far, in seconds, or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    ticks = os.sysconf("SC_CLK_TCK")
    # After the ")" the fields are numbered from 3 (state); utime and stime are fields 14 and 15.
    return {"user": int(fields[11]) / ticks, "system": int(fields[12]) / ticks}


def thread_cpu_seconds(pid):
    """User plus system CPU time each thread of the process has used so far, in seconds, by thread id."""
    ticks = os.sysconf("SC_CLK_TCK")
    seconds = {}
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except FileNotFoundError:
        return seconds
    for thread in threads:
        try:
            with open(f"/proc/{pid}/task/{thread}/stat", encoding="ascii") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        seconds[thread] = (int(fields[11]) + int(fields[12])) / ticks
    return seconds


def log_stats(path):
    """Counts of notable lines in the daemon's stderr log (lines start with a `<N>` syslog priority)."""
    stats = {"errors": 0, "warnings": 0, "overflows": 0, "rescans": 0, "retries": 0, "examples": []}
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                if line[:3] in ("<0>", "<1>", "<2>", "<3>"):
                    stats["errors"] += 1
                elif line.startswith("<4>"):
                    stats["warnings"] += 1
                else:
                    if "event=rescan" in line:
                        stats["rescans"] += 1
                    continue
                if "queue overflowed" in line:
                    stats["overflows"] += 1
                if "retrying" in line:
                    stats["retries"] += 1
                if len(stats["examples"]) < 5:
                    stats["examples"].append(line.rstrip()[:300])
    except FileNotFoundError:
        pass
    return stats


# MARK: - The database


def open_database(path):
    """A read-only connection in autocommit mode: every query sees the latest committed state."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None, timeout=10)
    connection.execute("PRAGMA query_only = 1")
    return connection


def committed_count(connection, prefix):
    return connection.execute("SELECT count(*) FROM files WHERE name LIKE ? || '-%'", (prefix,)).fetchone()[0]


def wait_for_commits(database, prefix, expected, pid, timeout, progress_every):
    """Polls the database until `expected` rows exist; exits if the daemon dies or `timeout` passes."""
    started = time.monotonic()
    deadline = started + timeout
    connection = None
    last_report, last_count = started, 0
    while True:
        if not daemon_alive(pid):
            log(f"ERROR: the daemon (pid {pid}) died while {expected} files were being ingested")
            sys.exit(EXIT_DAEMON_DIED)
        try:
            if connection is None:
                connection = open_database(database)
            count = committed_count(connection, prefix)
        except sqlite3.Error as error:  # e.g. busy during a checkpoint: try again
            log(f"  (database not readable yet: {error})")
            connection, count = None, last_count
        now = time.monotonic()
        if count >= expected:
            log(f"  committed {count}/{expected} after {now - started:.1f}s")
            return connection
        if now - last_report >= progress_every:
            rate = (count - last_count) / (now - last_report)
            log(f"  committed {count}/{expected} ({rate:.0f} files/s over the last {now - last_report:.1f}s)")
            last_report, last_count = now, count
        if now >= deadline:
            log(f"ERROR: timed out after {timeout:.0f}s: only {count} of {expected} files committed")
            sys.exit(EXIT_TIMEOUT)
        time.sleep(0.2)


def parse_utc(text):
    """`2026-11-22T18:16:43.807Z` → seconds since the epoch."""
    moment = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ")
    return moment.replace(tzinfo=datetime.timezone.utc).timestamp()


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def measure(connection, prefix, renamed_at):
    """Joins rename times with `files.received_at` by name; returns the phase's numbers."""
    rows = connection.execute(
        "SELECT name, received_at, outcome FROM files WHERE name LIKE ? || '-%'", (prefix,)
    ).fetchall()
    committed_at = {}
    outcomes = {}
    for name, received_at, outcome in rows:
        committed_at[name] = parse_utc(received_at)  # a name appears once: every file is new
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    missing = [name for name in renamed_at if name not in committed_at]
    latencies = sorted((committed_at[name] - at) * 1000 for name, at in renamed_at.items() if name in committed_at)
    first_rename = min(renamed_at.values())
    last_rename = max(renamed_at.values())
    last_commit = max(committed_at.values())
    return {
        "files": len(renamed_at),
        "committed": len(committed_at),
        "missing": len(missing),
        "outcomes": outcomes,
        "first_rename": first_rename,
        "rename_seconds": last_rename - first_rename,
        "span_seconds": last_commit - first_rename,
        "latency_ms": {
            "p50": percentile(latencies, 50),
            "p90": percentile(latencies, 90),
            "p99": percentile(latencies, 99),
            "max": latencies[-1] if latencies else float("nan"),
            # received_at has millisecond resolution and is truncated: tiny negatives are rounding.
            "min": latencies[0] if latencies else float("nan"),
        },
    }


def finish_phase(args, renamed_at, extra, cpu_before, threads_before):
    connection = wait_for_commits(args.db, args.prefix, len(renamed_at), args.pid, args.timeout, args.progress)
    result = measure(connection, args.prefix, renamed_at)
    connection.close()
    result.update(extra)
    result["peak_rss_kib"] = peak_rss_kib(args.pid)  # at the end of the phase, the daemon still running
    cpu_after = cpu_seconds(args.pid)
    if cpu_before and cpu_after:
        result["daemon_cpu_seconds"] = {key: cpu_after[key] - cpu_before[key] for key in cpu_after}
    # The busiest thread is the one that stores (a single writer): the share of the span it was busy says
    # whether ingestion is bound by it or by the preparing threads.
    threads_after = thread_cpu_seconds(args.pid)
    if threads_after:
        result["busiest_thread_cpu_seconds"] = max(
            seconds - threads_before.get(thread, 0) for thread, seconds in threads_after.items()
        )
    result["log"] = log_stats(args.log)
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)


# MARK: - Phases


def run_burst(args):
    log(f"  writing {args.n} articles to the staging folder (seed {args.seed})")
    names = generate(args.staging, args.n, args.seed, args.prefix)
    log(f"  renaming {args.n} files into the inbox as fast as possible")
    cpu_before = cpu_seconds(args.pid)
    threads_before = thread_cpu_seconds(args.pid)
    renamed_at = {}
    rename, now = os.rename, time.time
    for name in names:
        rename(os.path.join(args.staging, name), os.path.join(args.inbox, name))
        renamed_at[name] = now()
    burst = max(renamed_at.values()) - min(renamed_at.values())
    log(f"  renamed {args.n} files in {burst:.3f}s ({args.n / max(burst, 1e-9):.0f} files/s); waiting for commits")
    finish_phase(args, renamed_at, {"phase": "burst"}, cpu_before, threads_before)


def run_rate(args):
    log(f"  writing {args.n} articles to the staging folder (seed {args.seed})")
    names = generate(args.staging, args.n, args.seed, args.prefix)
    log(f"  renaming {args.n} files into the inbox at {args.rate:g} files/s ({args.n / args.rate:.0f}s)")
    renamed_at = {}
    interval = 1.0 / args.rate
    worst_lag = 0.0
    cpu_before = cpu_seconds(args.pid)
    threads_before = thread_cpu_seconds(args.pid)
    started = time.monotonic()
    last_report = started
    for index, name in enumerate(names):
        # Absolute schedule: a late file does not push the later ones back (no drift).
        due = started + index * interval
        delay = due - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        else:
            worst_lag = max(worst_lag, -delay)
        os.rename(os.path.join(args.staging, name), os.path.join(args.inbox, name))
        renamed_at[name] = time.time()
        if not daemon_alive(args.pid):
            log(f"ERROR: the daemon (pid {args.pid}) died after {index + 1} files were dropped")
            sys.exit(EXIT_DAEMON_DIED)
        if time.monotonic() - last_report >= args.progress:
            log(f"  dropped {index + 1}/{args.n}")
            last_report = time.monotonic()
    elapsed = time.monotonic() - started
    achieved = (args.n - 1) / elapsed if elapsed > 0 else float("nan")
    log(f"  dropped {args.n} files in {elapsed:.1f}s ({achieved:.1f} files/s, worst lag {worst_lag * 1000:.1f} ms)")
    finish_phase(args, renamed_at, {"phase": "rate", "rate": args.rate, "achieved_rate": achieved,
                                    "driver_worst_lag_ms": worst_lag * 1000}, cpu_before, threads_before)


# MARK: - Report

TARGET_THROUGHPUT = 2000  # articles/s, sustained
TARGET_P99_MS = 50  # at 100 files/s
TARGET_RSS_MIB = 60


def verdict(ok):
    return "PASS" if ok else "FAIL"


def run_report(args):
    with open(args.burst, encoding="utf-8") as handle:
        burst = json.load(handle)
    with open(args.rate, encoding="utf-8") as handle:
        steady = json.load(handle)
    facts = dict(item.split("=", 1) for item in args.fact)

    throughput = burst["committed"] / burst["span_seconds"] if burst["span_seconds"] > 0 else float("inf")
    lat_a, lat_b = burst["latency_ms"], steady["latency_ms"]
    rss_a = (burst["peak_rss_kib"] or 0) / 1024
    rss_b = (steady["peak_rss_kib"] or 0) / 1024
    rss = max(rss_a, rss_b)

    def outcomes(phase):
        return ", ".join(f"{count} {outcome}" for outcome, count in sorted(phase["outcomes"].items()))

    def cpu_line(phase):
        cpu = phase.get("daemon_cpu_seconds")
        if not cpu:
            return "?"
        busy = (cpu["user"] + cpu["system"]) / phase["span_seconds"] * 100 if phase["span_seconds"] > 0 else 0
        return (
            f"{cpu['user']:.2f} s user + {cpu['system']:.2f} s system "
            f"({busy:.0f}% of one CPU from first rename to last commit)"
        )

    def busiest_line(phase):
        seconds = phase.get("busiest_thread_cpu_seconds")
        if seconds is None or phase["span_seconds"] <= 0:
            return "?"
        return f"{seconds:.2f} s ({seconds / phase['span_seconds'] * 100:.0f}% of the span; the thread that stores)"

    def log_line(phase):
        stats = phase["log"]
        return (
            f"{stats['errors']} errors, {stats['warnings']} warnings "
            f"({stats['overflows']} inotify overflows, {stats['retries']} retries), {stats['rescans']} rescans"
        )

    lines = [
        "",
        "=" * 78,
        "Gleaner ingest benchmark",
        f"  {facts.get('date', '?')}  commit {facts.get('commit', '?')}  "
        f"{facts.get('cpu', '?')} x{facts.get('nproc', '?')}  kernel {facts.get('kernel', '?')}",
        "-" * 78,
        f"Phase A: burst of {burst['files']} articles renamed into the inbox",
        f"  renames took               {burst['rename_seconds']:.3f} s",
        f"  first rename → last commit {burst['span_seconds']:.2f} s",
        f"  throughput                 {throughput:,.0f} articles/s"
        f"    target ≥ {TARGET_THROUGHPUT:,}   {verdict(throughput >= TARGET_THROUGHPUT)}",
        f"  latency p50 / p99 / max    {lat_a['p50']:.0f} / {lat_a['p99']:.0f} / {lat_a['max']:.0f} ms  (information)",
        f"  outcomes                   {outcomes(burst)}",
        f"  peak RSS (VmHWM)           {rss_a:.1f} MiB",
        f"  daemon CPU                 {cpu_line(burst)}",
        f"  busiest thread CPU         {busiest_line(burst)}",
        f"  daemon log                 {log_line(burst)}",
        "-" * 78,
        f"Phase B: {steady['files']} articles at {steady['rate']:g} files/s "
        f"(achieved {steady['achieved_rate']:.1f}/s, driver worst lag {steady['driver_worst_lag_ms']:.1f} ms)",
        f"  latency p50                {lat_b['p50']:.0f} ms",
        f"  latency p99                {lat_b['p99']:.0f} ms"
        f"    target ≤ {TARGET_P99_MS} ms   {verdict(lat_b['p99'] <= TARGET_P99_MS)}",
        f"  latency max                {lat_b['max']:.0f} ms",
        f"  outcomes                   {outcomes(steady)}",
        f"  peak RSS (VmHWM)           {rss_b:.1f} MiB",
        f"  daemon CPU                 {cpu_line(steady)}",
        f"  daemon log                 {log_line(steady)}",
        "-" * 78,
        f"Peak RSS (max of A, B)       {rss:.1f} MiB    target ≤ {TARGET_RSS_MIB} MiB   {verdict(rss <= TARGET_RSS_MIB)}",
        "  (latency = files.received_at − rename time; received_at has millisecond resolution and is stamped",
        "   at INSERT inside the batch transaction, i.e. just before its COMMIT)",
        "=" * 78,
    ]
    for phase, name in ((burst, "A"), (steady, "B")):
        for example in phase["log"]["examples"]:
            lines.insert(-1, f"  log {name}: {example}")
    print("\n".join(lines))

    if args.markdown:
        header = (
            "| Date | Commit | CPU | nproc | Kernel | Burst N | Throughput (articles/s) "
            "| Burst latency p50 / p99 (ms) | Rate (files/s) | Latency p50 / p99 / max (ms) | Peak RSS A / B (MiB) |"
        )
        rule = "|" + "---|" * header.count(" |")
        target = (
            f"| *target* | | | | | | ≥ {TARGET_THROUGHPUT:,} | | 100 | p99 ≤ {TARGET_P99_MS} | ≤ {TARGET_RSS_MIB} |"
        )
        row = (
            f"| {facts.get('date', '?')} | `{facts.get('commit', '?')}` | {facts.get('cpu', '?')} "
            f"| {facts.get('nproc', '?')} | {facts.get('kernel', '?')} | {burst['files']} "
            f"| {throughput:,.0f} | {lat_a['p50']:.0f} / {lat_a['p99']:.0f} | {steady['rate']:g} "
            f"| {lat_b['p50']:.0f} / {lat_b['p99']:.0f} / {lat_b['max']:.0f} | {rss_a:.1f} / {rss_b:.1f} |"
        )
        print("\nMarkdown for BENCHMARKS.md:\n")
        print("\n".join([header, rule, target, row]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("burst", "phase A: throughput"), ("rate", "phase B: latency at a steady rate")):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--inbox", required=True)
        command.add_argument("--staging", required=True, help="folder on the inbox's filesystem")
        command.add_argument("--db", required=True)
        command.add_argument("--pid", type=int, required=True, help="the daemon's pid")
        command.add_argument("--log", required=True, help="the daemon's stderr log")
        command.add_argument("--out", required=True, help="JSON results file")
        command.add_argument("--n", type=int, required=True)
        command.add_argument("--seed", type=int, default=20261122)
        command.add_argument("--prefix", default=name, help="file-name prefix (letters only)")
        command.add_argument("--timeout", type=float, default=300)
        command.add_argument("--progress", type=float, default=3, help="seconds between progress lines")
        if name == "rate":
            command.add_argument("--rate", type=float, default=100, help="files per second")
    report = commands.add_parser("report", help="print the summary")
    report.add_argument("--burst", required=True)
    report.add_argument("--rate", required=True)
    report.add_argument("--fact", action="append", default=[], help="KEY=VALUE machine fact")
    report.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    if args.command in ("burst", "rate"):
        if args.n < 1 or (args.command == "rate" and args.rate <= 0):
            parser.error("--n and --rate must be positive")
        (run_burst if args.command == "burst" else run_rate)(args)
    else:
        run_report(args)


if __name__ == "__main__":
    main()
