#!/usr/bin/env python3
"""datasketch side of scripts/bench-dedup.sh, and its summary (standard library + datasketch only).

Subcommands:

  measure  Read the corpus JSON Lines written by gleaner-bench-dedup ({"id", "title", "text", "copy_of"}, in
           arrival order), build 5-word shingles, and measure datasketch on it:
             - MinHash(num_perm=128).update_batch(shingle bytes) per article (median of a few timed passes after
               a warm-up; the MinHash is constructed outside the timed region, and separately timed);
             - MinHashLSH(threshold=0.8, num_perm=128): query + insert per article, streaming the corpus in order
               (query each article; with no candidate it is inserted as new, otherwise it is a duplicate: the
               same rule as Gleaner, where only canonical articles are indexed);
             - recall on the (copy, source) pairs with exact Jaccard >= 0.8 and >= 0.9 on these shingles:
               the fraction of copies whose source's cluster is among their LSH candidates (datasketch has no
               verification step, so every candidate is a reported match), and false positives (reported
               pairs with exact Jaccard < 0.5).
           Writes a JSON summary.
  report   Print the side-by-side summary (and, with --markdown, rows for BENCHMARKS.md) from the Gleaner and
           datasketch JSON summaries.

The comparison text follows Gleaner's ComparisonText approximately: the same boilerplate rules (teaser and
navigation lines, a short block after a trailing "Must Read"-style marker, a first line repeating the title),
then NFKC, lower case, tokens of letters and digits (every other character separates), and runs of ASCII digits
folded to "0". Differences: Python's str.isalnum() stands in for Gleaner's Unicode "alphabetic or numeric"
test, combining marks split a token instead of staying with their letter, and shingles are hashed by
datasketch's default (SHA-1, 32 bits) rather than Gleaner's FNV-1a/MurmurHash3 64-bit. On the generated corpus
(ASCII only) the shingle sets are the same sets of word 5-grams; only their hashes differ.
"""

import argparse
import importlib.metadata
import json
import re
import statistics
import sys
import time
import unicodedata

SHINGLE_SIZE = 5
NUM_PERM = 128
THRESHOLD = 0.8

# Targets (scripts/bench-dedup.sh and BENCHMARKS.md).
TARGET_SIGNATURE_SPEEDUP = 50  # Gleaner's signature at least this many times faster than update_batch
TARGET_DEDUP_US = 100  # dedup work (lookup + verification + indexing) per article at BIG stored articles
FLAT_GROWTH = 1.25  # "flat": cost at BIG at most this many times the cost at SMALL

# --- Comparison text (mirrors Sources/GleanerCore/Dedup/BoilerplateRules.swift and ComparisonText.swift) -------

EXACT_LINES = {
    "must read", "more from this section", "translate this news in", "read more", "also read", "related",
    "related articles", "related news", "recommended", "advertisement", "sponsored", "share this article",
    "share", "click here", "subscribe", "follow us", "trending", "top stories", "latest news", "read also",
    "you may also like", "editor's picks", "most read", "more stories", "watch", "listen", "comments",
}
TEASER_PREFIXES = ("read:", "also read:", "read more:", "see also:", "watch:", "related:", "read also:")
MAXIMUM_TEASER_LENGTH = 240
MAXIMUM_TRAILING_TEASER = 600
TRAILING_MARKERS = {"must read", "read more", "also read", "related", "more stories"}
LINE_BREAKS = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")
DIGITS = re.compile(r"[0-9]+")
WORD = re.compile(r"[^\W_]+")  # runs of str.isalnum() characters


def is_boilerplate(line):
    trimmed = line.strip().lower()
    if not trimmed or len(trimmed) > MAXIMUM_TEASER_LENGTH:
        return False
    bare = trimmed.rstrip(":.…»>")
    if bare.strip() in EXACT_LINES:
        return True
    return trimmed.startswith(TEASER_PREFIXES)


def normalize(text):
    """NFKC, lower case, letters and digits kept, everything else one space (TextNormalizer, approximately)."""
    return " ".join(WORD.findall(unicodedata.normalize("NFKC", text).lower()))


def comparison_words(title, text):
    lines = LINE_BREAKS.split(text)
    markers = [i for i, line in enumerate(lines) if line.strip().lower().rstrip(":.") in TRAILING_MARKERS]
    if markers:
        marker = markers[-1]
        if sum(len(line) for line in lines[marker + 1:]) < MAXIMUM_TRAILING_TEASER:
            lines = lines[:marker]
    lines = [line for line in lines if not is_boilerplate(line)]
    if title:
        first = next((i for i, line in enumerate(lines) if line.strip()), None)
        if first is not None and normalize(lines[first]) == normalize(title):
            del lines[first]
    return DIGITS.sub("0", normalize("\n".join(lines))).split()


def shingles(words):
    """Word k-shingles as a set of UTF-8 byte strings; a text shorter than k words is one shingle."""
    if not words:
        return set()
    if len(words) < SHINGLE_SIZE:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + SHINGLE_SIZE]).encode() for i in range(len(words) - SHINGLE_SIZE + 1)}


def jaccard(a, b):
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


# --- measure -------------------------------------------------------------------------------------------------


def progress(message):
    print(f"  {message}", file=sys.stderr, flush=True)


def measure(args):
    from datasketch import MinHash, MinHashLSH

    documents = []
    with open(args.corpus, encoding="utf-8") as corpus:
        for line in corpus:
            documents.append(json.loads(line))
    count = len(documents)
    progress(f"datasketch {importlib.metadata.version('datasketch')}: {count} articles from {args.corpus}")

    start = time.perf_counter()
    sets = [shingles(comparison_words(d["title"], d["text"])) for d in documents]
    shingling_us = (time.perf_counter() - start) / count * 1e6
    batches = [list(s) for s in sets]

    # update_batch per article: a warm-up pass, then timed passes. Only update_batch is inside the timed region.
    passes = []
    construct_passes = []
    minhashes = None
    for number in range(args.passes + 1):
        update = 0.0
        construct = 0.0
        current = []
        for batch in batches:
            t0 = time.perf_counter()
            minhash = MinHash(num_perm=NUM_PERM)
            t1 = time.perf_counter()
            minhash.update_batch(batch)
            t2 = time.perf_counter()
            construct += t1 - t0
            update += t2 - t1
            current.append(minhash)
        minhashes = current
        if number == 0:
            progress(f"update_batch warm-up pass: {update / count * 1e6:.1f} µs/article")
            continue
        progress(f"update_batch pass {number}/{args.passes}: {update / count * 1e6:.1f} µs/article")
        passes.append(update / count * 1e6)
        construct_passes.append(construct / count * 1e6)

    # MinHashLSH, streaming: query, then insert when nothing was found.
    lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
    query_time = 0.0
    insert_time = 0.0
    inserted = 0
    cluster = {}
    candidates_of = {}
    for document, minhash in zip(documents, minhashes):
        key = document["id"]
        t0 = time.perf_counter()
        found = lsh.query(minhash)
        t1 = time.perf_counter()
        query_time += t1 - t0
        if not found:
            t2 = time.perf_counter()
            lsh.insert(key, minhash)
            insert_time += time.perf_counter() - t2
            inserted += 1
            cluster[key] = key
        else:
            cluster[key] = min(found)
        candidates_of[key] = found

    # Recall and false positives against exact Jaccard on these shingles.
    position = {d["id"]: i for i, d in enumerate(documents)}
    buckets = {"j80": [0.8, 0, 0], "j90": [0.9, 0, 0]}  # bound, pairs, detected
    pairs = 0
    pairs_below = 0
    detected_below = 0
    false_positives = 0
    wrong_cluster = 0
    candidate_total = 0
    for i, document in enumerate(documents):
        found = candidates_of[document["id"]]
        candidate_total += len(found)
        for other in found:
            if jaccard(sets[i], sets[position[other]]) < 0.5:
                false_positives += 1
        source = document["copy_of"]
        if source is None:
            if found:
                wrong_cluster += 1
            continue
        if found and cluster[source] not in found:
            wrong_cluster += 1
        pairs += 1
        similarity = jaccard(sets[i], sets[position[source]])
        detected = cluster[source] in found
        for bucket in buckets.values():
            if similarity >= bucket[0]:
                bucket[1] += 1
                bucket[2] += int(detected)
        if similarity < 0.8:
            pairs_below += 1
            detected_below += int(detected)

    summary = {
        "tool": "datasketch",
        "version": importlib.metadata.version("datasketch"),
        "python": sys.version.split()[0],
        "articles": count,
        "minhash_scheme": getattr(minhashes[0], "scheme", "legacy"),
        "lsh_bands": lsh.b,
        "lsh_rows": lsh.r,
        "mean_shingles": round(sum(len(s) for s in sets) / count, 1),
        "shingling_us": round(shingling_us, 2),
        "update_batch_us": round(statistics.median(passes), 2),
        "update_batch_us_by_pass": [round(p, 2) for p in passes],
        "construct_us": round(statistics.median(construct_passes), 2),
        "lsh_query_us": round(query_time / count * 1e6, 2),
        "lsh_insert_us": round(insert_time / max(inserted, 1) * 1e6, 2),
        "lsh_us_per_article": round((query_time + insert_time) / count * 1e6, 2),
        "recall": {
            "pairs": pairs,
            **{
                name: {"pairs": b[1], "detected": b[2], "recall": round(b[2] / b[1], 4) if b[1] else None}
                for name, b in buckets.items()
            },
            "pairs_below80": pairs_below,
            "detected_below80": detected_below,
            "false_positives_below50": false_positives,
            "wrong_cluster": wrong_cluster,
            "mean_candidates": round(candidate_total / count, 3),
        },
    }
    with open(args.out, "w", encoding="utf-8") as out:
        json.dump(summary, out, indent=2, sort_keys=True)
        out.write("\n")


# --- report --------------------------------------------------------------------------------------------------


def verdict(ok):
    return "PASS" if ok else "MISS"


def report(args):
    with open(args.gleaner, encoding="utf-8") as file:
        gleaner = json.load(file)
    with open(args.datasketch, encoding="utf-8") as file:
        datasketch = json.load(file)
    facts = dict(fact.split("=", 1) for fact in args.fact)
    corpus = gleaner["corpus"]
    parameters = gleaner["parameters"]
    signature = gleaner["signature"]
    recall = gleaner["recall"]
    store = gleaner.get("store")

    # The signature from an article's words: Gleaner's shingle hashing + MinHash against update_batch, which
    # hashes the shingle strings (SHA-1) and applies the permutations.
    signature_us = signature["shingles_us"] + signature["minhash_us"]
    speedup = datasketch["update_batch_us"] / signature_us
    whole_speedup = (datasketch["shingling_us"] + datasketch["update_batch_us"]) / signature["us_per_article"]

    def recall_line(r, key):
        bucket = r[key]
        value = "n/a" if bucket["recall"] is None else f"{bucket['recall'] * 100:.1f}%"
        return f"{value} ({bucket['detected']}/{bucket['pairs']})"

    width = 96
    lines = [
        "",
        "=" * width,
        "Gleaner near-duplicate benchmark (scripts/bench-dedup.sh)",
        f"  {facts.get('date', '?')}  commit {facts.get('commit', '?')}  {facts.get('cpu', '?')} "
        f"x{facts.get('nproc', '?')}  kernel {facts.get('kernel', '?')}",
        f"  load average before / after: {facts.get('load_before', '?')} / {facts.get('load_after', '?')}",
        f"  corpus: {corpus['articles']:,} articles ({corpus['originals']:,} originals + {corpus['copies']:,} "
        f"edited copies), {corpus['mean_words']:.0f} words on average, seed {corpus['seed']}",
        f"  Gleaner: k={parameters['shingle_size']}, {parameters['permutations']} permutations, "
        f"{parameters['bands']} bands x {parameters['rows']} rows, J >= {parameters['threshold']}, "
        f"containment >= {parameters['containment_threshold']}",
        f"  datasketch {datasketch['version']} (Python {datasketch['python']}): MinHash scheme "
        f"{datasketch['minhash_scheme']}, MinHashLSH(threshold={THRESHOLD}) = {datasketch['lsh_bands']} bands x "
        f"{datasketch['lsh_rows']} rows",
        "-" * width,
        f"{'per article, single thread':44} {'Gleaner':>16} {'datasketch':>16}",
        f"{'  text to comparison words':44} {signature['words_us']:>13.1f} µs {'(in next row)':>16}",
        f"{'  words to shingle hashes':44} {signature['shingles_us']:>13.1f} µs"
        f" {datasketch['shingling_us']:>13.1f} µs   (datasketch: words + shingle strings)",
        f"{'  MinHash signature (128) from the shingles':44} {signature['minhash_us']:>13.1f} µs"
        f" {datasketch['update_batch_us']:>13.1f} µs   (update_batch: hashing + permutations)",
        f"{'  signature from words (shingles + MinHash)':44} {signature_us:>13.1f} µs"
        f" {datasketch['update_batch_us']:>13.1f} µs   (update_batch)",
        f"{'  shingle hashes to sorted set (verification)':44} {signature.get('shingle_set_us', 0):>13.1f} µs"
        f" {'(none)':>16}   (for exact Jaccard; datasketch does not verify)",
        f"{'  text to signature, all steps':44} {signature['us_per_article']:>13.1f} µs"
        f" {datasketch['shingling_us'] + datasketch['update_batch_us']:>13.1f} µs"
        f"   (Gleaner CPU time: {signature['cpu_us_per_article']:.1f} µs)",
        f"  Gleaner's signature from words vs update_batch: {speedup:.1f}x faster"
        f"    target >= {TARGET_SIGNATURE_SPEEDUP}x   {verdict(speedup >= TARGET_SIGNATURE_SPEEDUP)}",
        f"  (MinHash step alone: {datasketch['update_batch_us'] / signature['minhash_us']:.1f}x; text to signature,"
        f" all steps of both: {whole_speedup:.1f}x; MinHash kernel: {signature['kernel']}; datasketch's MinHash()"
        f" construction, untimed above: {datasketch['construct_us']:.1f} µs)",
        f"{'  in-memory LSH query + verify + insert':44} {recall['us_per_article']:>13.1f} µs"
        f" {datasketch['lsh_us_per_article']:>13.1f} µs   (datasketch: no verification)",
        "-" * width,
        "Recall on (copy, source) pairs, exact Jaccard on each tool's own shingles (in-memory index for Gleaner;",
        "datasketch: the source's cluster among the copy's MinHashLSH candidates, which it reports unverified)",
        f"{'  pairs with J >= 0.8':44} {recall_line(recall, 'j80'):>16} {recall_line(datasketch['recall'], 'j80'):>16}",
        f"{'  pairs with J >= 0.9':44} {recall_line(recall, 'j90'):>16} {recall_line(datasketch['recall'], 'j90'):>16}",
        f"{'  pairs with J < 0.8 detected anyway':44} {recall['detected_below80']:>10}/{recall['pairs_below80']:<5}"
        f" {datasketch['recall']['detected_below80']:>10}/{datasketch['recall']['pairs_below80']:<5}",
        f"{'  reported pairs with J < 0.5':44} {recall['false_positives_below50']:>16}"
        f" {datasketch['recall']['false_positives_below50']:>16}",
        f"{'  articles put in the wrong cluster':44} {recall['wrong_cluster']:>16}"
        f" {datasketch['recall']['wrong_cluster']:>16}",
        f"{'  LSH candidates per article':44} {recall['mean_candidates']:>16.3f}"
        f" {datasketch['recall']['mean_candidates']:>16.3f}",
        f"  (copy J to source: min {recall['jaccard_min']:.3f}, median {recall['jaccard_median']:.3f}; "
        f"Gleaner matches: {recall['matches_near']} near, {recall['matches_contained']} contained)",
    ]
    if store:
        small, big = store["phases"]
        growth = store["commit_growth"]
        lines += [
            "-" * width,
            f"SQLite store (ArticleStore.commit, {store['batch']} one-article files per transaction, "
            f"synchronous={store['synchronous']}), per article",
            f"{'':44} {format(small['stored_before'], ',') + ' stored':>16}"
            f" {format(big['stored_before'], ',') + ' stored':>16}",
        ]

        def row(label, key, unit="µs"):
            return f"{label:44} {small[key]:>13.1f} {unit} {big[key]:>13.1f} {unit}"

        def pair(label, first, second):
            cells = [f"{phase[first]:.2f} / {phase[second]:.2f}" for phase in (small, big)]
            return f"{label:44} {cells[0]:>16} {cells[1]:>16}"

        lines += [
            row("  commit (whole transaction, wall)", "commit_us_per_article"),
            row("    of which dedup work (lookup, verify, index)", "dedup_us_per_article"),
            row("      its CPU time", "dedup_cpu_us_per_article"),
            row("      of which shingles of candidates' texts", "dedup_verification_us_per_article"),
            pair(
                "      candidates / verified per article", "dedup_candidates_per_article", "dedup_verified_per_article"
            ),
            row("    of which CPU on the committing thread", "commit_cpu_us_per_article"),
            row("    bytes written (WAL + checkpoints)", "written_ki_b_per_article", "KiB"),
            row("  lookup proxy: similarArticles (prepared)", "query_net_us"),
            row("    of which CPU on the querying thread", "query_cpu_us"),
            row("    originals", "query_net_originals_us"),
            row("    copies (with verification)", "query_net_copies_us"),
            row("  prepare (hash + fingerprint, outside tx)", "prepare_us"),
            f"{'  window: articles / copies / detected':44} "
            f"{str(small['window']) + ' / ' + str(small['window_copies']) + ' / ' + str(small['copies_detected']):>16} "
            f"{str(big['window']) + ' / ' + str(big['window_copies']) + ' / ' + str(big['copies_detected']):>16}",
            f"{'  decisions unlike the in-memory index':44} {small.get('disagreements_with_in_memory', 'n/a'):>16}"
            f" {big.get('disagreements_with_in_memory', 'n/a'):>16}",
            f"{'  database + WAL':44} {small['database_mi_b']:>12.1f} MiB {big['database_mi_b']:>12.1f} MiB",
            f"  dedup work at {big['stored_before']:,} stored: {big['dedup_us_per_article']:.1f} µs/article "
            f"(CPU {big['dedup_cpu_us_per_article']:.1f})"
            f"    target <= {TARGET_DEDUP_US} µs   {verdict(big['dedup_us_per_article'] <= TARGET_DEDUP_US)}",
            f"  (whole commit at {big['stored_before']:,} stored: {big['commit_us_per_article']:.0f} µs/article, "
            "with the file and article rows and the fsynced COMMIT)",
            f"  lookup alone (similarArticles on the prepared article) {big['query_net_us']:.0f} µs/article"
            f"    target <= {TARGET_DEDUP_US} µs   {verdict(big['query_net_us'] <= TARGET_DEDUP_US)}",
            f"  flat from {small['stored_before']:,} to {big['stored_before']:,}: lookups and indexing "
            f"x{store['dedup_lookup_and_index_growth']:.2f}, verification per candidate "
            f"x{store['verification_per_candidate_growth']:.2f}    target <= x{FLAT_GROWTH}   "
            + verdict(
                store["dedup_lookup_and_index_growth"] <= FLAT_GROWTH
                and store["verification_per_candidate_growth"] <= FLAT_GROWTH
            ),
            f"  (dedup work x{store['dedup_growth']:.2f}, as the windows hold {small['window_copies']} and "
            f"{big['window_copies']} copies to verify; lookup proxy x{store['query_net_growth']:.2f}; "
            f"whole commit x{growth:.2f})",
            f"  (the same preparation work took x{big['prepare_us'] / small['prepare_us']:.2f} as long at BIG: "
            "a busier machine inflates every growth above)",
            f"  in-memory index at {big['stored_before'] + big['window']:,} stored: loaded in "
            f"{store['index_load_ms']:.0f} ms by a newly opened store, {store['index_entries']:,} entries, "
            f"{store['index_mi_b']:.1f} MiB",
            f"  fill: {store['fill_articles']:,} articles in {store['fill_seconds']:.0f} s; commit µs/article while "
            "filling: "
            + ", ".join(
                f"{p['stored'] // 1000}k {p['commit_us_per_article']:.0f}"
                for p in store["fill_curve"][:: max(1, len(store["fill_curve"]) // 6)]
            ),
        ]
    lines += ["=" * width]
    print("\n".join(lines))

    if args.markdown:
        header = (
            "| Date | Commit | CPU | nproc | Kernel | Corpus | Signature from words µs (Gleaner shingles + MinHash / datasketch update_batch) "
            "| Speed-up | Recall J≥0.8 / J≥0.9 (Gleaner) | Recall J≥0.8 / J≥0.9 (datasketch) "
            "| Commit µs/article at SMALL / BIG | Dedup work µs/article at SMALL / BIG "
            "| Lookup µs/article at SMALL / BIG | Index load at BIG |"
        )
        rule = "|" + "---|" * header.count(" |")
        target = (
            f"| *target* | | | | | | | **≥ {TARGET_SIGNATURE_SPEEDUP}×** | | "
            f"| | **≤ {TARGET_DEDUP_US} at BIG, flat** | | |"
        )

        def pct(r, key):
            value = r[key]["recall"]
            return "n/a" if value is None else f"{value * 100:.1f}%"

        commit_cell = dedup_cell = lookup_cell = load_cell = "—"
        if store:
            small, big = store["phases"]
            commit_cell = (
                f"{small['commit_us_per_article']:.0f} / {big['commit_us_per_article']:.0f} "
                f"({small['stored_before'] // 1000}k / {big['stored_before'] // 1000}k)"
            )
            dedup_cell = (
                f"{small['dedup_us_per_article']:.1f} / {big['dedup_us_per_article']:.1f} "
                f"(CPU {small['dedup_cpu_us_per_article']:.1f} / {big['dedup_cpu_us_per_article']:.1f})"
            )
            lookup_cell = f"{small['query_net_us']:.0f} / {big['query_net_us']:.0f}"
            load_cell = f"{store['index_load_ms']:.0f} ms, {store['index_mi_b']:.0f} MiB"
        row = (
            f"| {facts.get('date', '?')} | `{facts.get('commit', '?')}` | {facts.get('cpu', '?')} "
            f"| {facts.get('nproc', '?')} | {facts.get('kernel', '?')} "
            f"| {corpus['articles']:,} ({corpus['copies']:,} copies) "
            f"| {signature_us:.1f} / {datasketch['update_batch_us']:.1f} | {speedup:.1f}× "
            f"| {pct(recall, 'j80')} / {pct(recall, 'j90')} "
            f"| {pct(datasketch['recall'], 'j80')} / {pct(datasketch['recall'], 'j90')} "
            f"| {commit_cell} | {dedup_cell} | {lookup_cell} | {load_cell} |"
        )
        print("\nMarkdown for BENCHMARKS.md:\n")
        print("\n".join([header, rule, target, row]))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("measure", help="measure datasketch on the corpus")
    run.add_argument("--corpus", required=True, help="JSON Lines written by gleaner-bench-dedup --jsonl")
    run.add_argument("--out", required=True, help="JSON summary to write")
    run.add_argument("--passes", type=int, default=3, help="timed update_batch passes after a warm-up")
    summary = commands.add_parser("report", help="print the side-by-side summary")
    summary.add_argument("--gleaner", required=True, help="gleaner-bench-dedup's JSON summary")
    summary.add_argument("--datasketch", required=True, help="the measure subcommand's JSON summary")
    summary.add_argument("--fact", action="append", default=[], help="KEY=VALUE machine fact")
    summary.add_argument("--markdown", action="store_true")
    args = parser.parse_args()
    if args.command == "measure":
        measure(args)
    else:
        report(args)


if __name__ == "__main__":
    main()
