#!/usr/bin/env python3
"""Scores Gleaner's temporal expressions against TimeML gold (TimeBank/AQUAINT as cleaned for TempEval-3).

Each document's text (tags removed) is given to `gleaner extract --json` as a JSON article whose publication
date is the document creation time (DCT); the `times` it reports are matched against the gold TIMEX3 tags,
TempEval-3 style:
  - relaxed extraction: a system expression and a gold one overlap;
  - strict extraction: same span;
  - value: relaxed match with the same normalised TIMEX3 value (precision over all system expressions,
    recall over all gold ones);
  - type: relaxed match with the same type.
Figures are given for all types and for DATE and TIME alone.

    times.py --gleaner PATH --data DIR [--errors FILE] [--markdown]
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import tempfile

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def read_document(path):
    """(dct, body, gold): the body text and gold TIMEX3 as (start, end, type, value, text) character spans."""
    source = open(path, encoding="utf-8").read()
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]*)"', source).group(1)[:10]
    inner = source[source.index("<TEXT>") + len("<TEXT>") : source.index("</TEXT>")]
    text = []
    gold = []
    open_timex = None
    position = 0
    length = 0
    for match in TAG.finditer(inner):
        chunk = html.unescape(inner[position : match.start()])
        text.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(ATTRIBUTE.findall(attributes)))
        elif open_timex:
            start, attrs = open_timex
            gold.append([start, length, attrs.get("type", ""), attrs.get("value", "")])
            open_timex = None
    chunk = html.unescape(inner[position:])
    text.append(chunk)
    full = "".join(text)
    # The article body as Gleaner parses it: surrounding white space removed.
    lead = len(full) - len(full.lstrip())
    body = full.strip()
    spans = []
    for start, end, kind, value in gold:
        spans.append((start - lead, end - lead, kind, value, full[start:end]))
    return dct, body, spans


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def score(pairs_by_doc, types=None):
    """Counts over documents; `types` restricts both sides to those TIMEX3 types."""
    totals = dict(gold=0, system=0, relaxed_gold=0, relaxed_system=0, strict=0, value=0, type=0)
    for gold, system in pairs_by_doc:
        if types:
            gold = [g for g in gold if g[2] in types]
            system = [s for s in system if s[2] in types]
        totals["gold"] += len(gold)
        totals["system"] += len(system)
        used = set()
        for s in system:
            if any(overlaps(s, g) for g in gold):
                totals["relaxed_system"] += 1
        for g in gold:
            if any(overlaps(s, g) for s in system):
                totals["relaxed_gold"] += 1
        # One-to-one pairing for strict, value and type: each gold with its best overlapping system expression.
        for g in gold:
            candidates = [(i, s) for i, s in enumerate(system) if i not in used and overlaps(s, g)]
            if not candidates:
                continue
            candidates.sort(key=lambda c: (c[1][0] != g[0] or c[1][1] != g[1], c[1][3] != g[3]))
            index, s = candidates[0]
            used.add(index)
            if s[0] == g[0] and s[1] == g[1]:
                totals["strict"] += 1
            if s[3] == g[3]:
                totals["value"] += 1
            if s[2] == g[2]:
                totals["type"] += 1
    return totals


def f1(hit_p, system, hit_r, gold):
    precision = hit_p / system if system else 0.0
    recall = hit_r / gold if gold else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gleaner", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--errors", help="write every miss, false alarm and wrong value to this file")
    parser.add_argument("--markdown", action="store_true")
    args = parser.parse_args()

    paths = []
    for root, _, names in os.walk(args.data):
        paths += [os.path.join(root, name) for name in names if name.endswith(".tml")]
    paths.sort()
    if not paths:
        sys.exit(f"eval-times: no .tml files under {args.data}")
    documents = {}
    with tempfile.TemporaryDirectory(prefix="gleaner-eval-times-") as directory:
        inputs = []
        for path in paths:
            dct, body, gold = read_document(path)
            name = os.path.basename(path)[: -len(".tml")] + ".json"
            target = os.path.join(directory, name)
            with open(target, "w", encoding="utf-8") as out:
                json.dump({"text": body, "date_publish": dct}, out)
            inputs.append(target)
            documents[target] = (path, dct, body, gold)
        result = subprocess.run(
            [args.gleaner, "extract", "--config", "/dev/null", "--json", *inputs],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            sys.exit(f"eval-times: gleaner extract failed: {result.stderr.strip()}")
        reports = json.loads(result.stdout)

    pairs = []
    errors = []
    for report in reports:
        path, dct, body, gold = documents[report["file"]]
        encoded = body.encode("utf-8")
        system = []
        for time in report.get("times") or []:
            start = len(encoded[: time["offset"]].decode("utf-8", errors="replace"))
            end = len(encoded[: time["offset"] + time["length"]].decode("utf-8", errors="replace"))
            system.append((start, end, time["type"], time["value"], body[start:end]))
        pairs.append((gold, system))
        if args.errors:
            def around(span):
                left = body[max(0, span[0] - 60) : span[0]].replace("\n", " ")
                right = body[span[1] : span[1] + 40].replace("\n", " ")
                return f"   …{left}[{body[span[0]:span[1]]}]{right}…"

            for g in gold:
                match = [s for s in system if overlaps(s, g)]
                if not match:
                    errors.append(f"MISS  {os.path.basename(path)} dct={dct} {g[2]} {g[3]!s:14} {g[4]!r}{around(g)}")
                elif match[0][3] != g[3] or match[0][:2] != g[:2]:
                    s = match[0]
                    errors.append(
                        f"DIFF  {os.path.basename(path)} dct={dct} gold {g[2]} {g[3]!s:14} {g[4]!r}"
                        f"  system {s[2]} {s[3]!s:14} {s[4]!r}{around(g)}"
                    )
            for s in system:
                if not any(overlaps(s, g) for g in gold):
                    errors.append(f"FALSE {os.path.basename(path)} dct={dct} {s[2]} {s[3]!s:14} {s[4]!r}{around(s)}")

    rows = []
    for label, types in (("all types", None), ("DATE and TIME", {"DATE", "TIME"})):
        t = score(pairs, types)
        relaxed = f1(t["relaxed_system"], t["system"], t["relaxed_gold"], t["gold"])
        strict = f1(t["strict"], t["system"], t["strict"], t["gold"])
        value = f1(t["value"], t["system"], t["value"], t["gold"])
        kind = f1(t["type"], t["system"], t["type"], t["gold"])
        rows.append((label, t, relaxed, strict, value, kind))
    if args.markdown:
        print("| expressions | gold | found | relaxed P / R / F1 | strict P / R / F1 | value P / R / F1 | type F1 |")
        print("|---|---|---|---|---|---|---|")
        for label, t, relaxed, strict, value, kind in rows:
            cell = lambda m: f"{m[0]:.3f} / {m[1]:.3f} / **{m[2]:.3f}**"
            print(f"| {label} | {t['gold']} | {t['system']} | {cell(relaxed)} | {cell(strict)} | {cell(value)} | {kind[2]:.3f} |")
    else:
        for label, t, relaxed, strict, value, kind in rows:
            print(f"{label}: {t['gold']} gold, {t['system']} found")
            for name, m in (("relaxed", relaxed), ("strict", strict), ("value", value), ("type", kind)):
                print(f"  {name:8} P {m[0]:.3f}  R {m[1]:.3f}  F1 {m[2]:.4f}")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            out.write("\n".join(sorted(errors)) + "\n")


if __name__ == "__main__":
    main()
