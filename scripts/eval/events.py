#!/usr/bin/env python3
"""Scores Gleaner's events (the "events" and "main_event" of `gleaner extract --json`) on real news.

Three measurements, each made when its data is present:

PLOVER: the 161 gold sentences of the PLOVER development set. Each sentence is given to `gleaner extract` as
an article of its own (fixed publication date); each extracted event's CAMEO code is mapped to a PLOVER type
with CAMEO2PLOVER-2021.txt (longest code prefix in the table). The gold uses PLOVER 0.5 type names, which are
normalised to the 2021 ones (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
  - type recall: the gold type is among the sentence's event types;
  - type precision: events of the gold type / all events produced on the sentences;
  - source and target accuracy given the type, over the sentences where the type was found: an event of that
    type whose actor (target) matches a gold source (target) by country code or by a shared significant word
    of the names; a gold event without a target (source) is right when such an event has none;
  - full triple: one event with the type, the source and the target right, over all sentences.

Main events: the 69 news-please articles against the hand annotations in docs/annotations/main-events.tsv.
Each article's "main_event" ({"who", "what", "whom", "cameo", "when", "where", "sentence_index"}) is scored
for who, when and where: precision over the articles where the field was produced, recall over the articles
whose annotation has it. An article without the key (or with null) has no main event. Alternatives written in
the annotation's notes (`who also: A | B`, `when also: …`, `where also: …`) count as right answers.
  - who: a shared significant word of the names, or the party's country is the country the annotation names;
  - when: the produced period overlaps the annotated one and is no coarser (a day inside an annotated month
    is right, a month around an annotated day is not);
  - where: a shared significant word of the names, or the same country.
For comparison the same fields are scored for a baseline that takes the article's first event (lowest
sentence index) as its main event.

Wire coverage: the 2,452 real wire stories of wire-news-silver (no event gold), each given as a record with
its title, its text without tags and its creation date: how many get a coded event and a main event (with a
named who, a known when and where), and how many coded events have no actor or an actor no gazetteer places
in a country. These are not accuracy figures; they show how much of real news the extractor reads at all.

    events.py --gleaner PATH --data DIR [--annotations TSV] [--errors FILE] [--markdown] [--wire-limit N]
"""
import argparse
import calendar
import datetime
import html
import json
import os
import re
import subprocess
import sys
import tempfile

REPOSITORY = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PLOVER_05 = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Words that name no one in particular: sharing one of them is not a match.
GENERIC = set(
    """the and for of from with into over new a an mr mrs ms dr u.s us his her its their
    president prime minister ministers secretary official officials spokesman spokeswoman people group groups
    leader leaders government state states national international party member members chief head
    general senior former some several other others who that this""".split()
)
FIXED_DATE = "2000-01-01"


def words(name):
    """The significant words of a name, lower-cased: three letters or more, or a two-letter acronym (EA, UN)."""
    found = re.findall(r"[^\W_]+", name or "")
    return {w.lower() for w in found if (len(w) >= 3 or (len(w) == 2 and w.isupper())) and w.lower() not in GENERIC}


def load_countries():
    """Lower-cased country names, aliases and demonyms -> ISO 3166-1 alpha-3, from Gleaner's own lexicon."""
    path = os.path.join(REPOSITORY, "Sources", "GleanerEvents", "Resources", "lexicon", "countries.tsv")
    names = {}
    if not os.path.exists(path):
        return names
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = [f.strip() for f in line.rstrip("\n").split("\t")]
        code = fields[0].upper()
        for field in fields[1:4]:
            for name in field.split("|"):
                if name:
                    names.setdefault(name.lower(), code)
    for name, code in (("u.s.", "USA"), ("us", "USA"), ("uk", "GBR"), ("britain", "GBR"), ("north korea", "PRK"), ("south korea", "KOR")):
        names.setdefault(name, code)
    return names


COUNTRIES = load_countries()


def country_of(name):
    """The code of a name that is, as a whole, a country (name, alias or demonym), else None."""
    return COUNTRIES.get(re.sub(r"^the\s+", "", (name or "").strip().lower()))


def run_extract(gleaner, paths, refused=None):
    """The reports of `gleaner extract --json` on all paths at once. When `refused` is a list, a batch that
    fails is run again file by file, and the files gleaner refuses (no text …) are added to it."""
    command = [gleaner, "extract", "--config", "/dev/null", "--json"]
    result = subprocess.run([*command, *paths], capture_output=True, text=True)
    if result.returncode == 0:
        return json.loads(result.stdout)
    if refused is None or len(paths) == 1:
        sys.exit(f"eval-events: gleaner extract failed: {result.stderr.strip()}")
    reports = []
    for path in paths:
        single = subprocess.run([*command, path], capture_output=True, text=True)
        if single.returncode == 0:
            reports += json.loads(single.stdout)
        else:
            refused.append((path, single.stderr.strip().splitlines()[0] if single.stderr.strip() else "failed"))
    return reports


def ratio(hit, total):
    return hit / total if total else 0.0


def f1(precision, recall):
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ---------------------------------------------------------------------------------------------------------
# PLOVER


def load_table(path):
    """CAMEO code -> PLOVER type; the first entry for a code wins, the appendix after '~~~~~' is not read."""
    table = {}
    for line in open(path, encoding="utf-8"):
        if line.startswith("~~~~~"):
            break
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match:
            table.setdefault(match.group(1), match.group(2))
    return table


def plover_type(cameo, table):
    cameo = (cameo or "").strip()
    for length in range(len(cameo), 1, -1):
        if cameo[:length] in table:
            return table[cameo[:length]]
    return None


def gold_parties(value):
    """A gold source or target list, tolerating the set's stray strings and nulls."""
    if not isinstance(value, list):
        return []
    return [p for p in value if isinstance(p, dict) and (p.get("actorText") or p.get("code"))]


def party_matches(party, gold):
    if not party:
        return False
    for g in gold:
        code = (g.get("code") or "").upper()
        if code and party.get("country") and party["country"].upper() == code:
            return True
        if words(g.get("actorText")) & (words(party.get("text")) | words(party.get("name"))):
            return True
    return False


def describe_party(party):
    if not party:
        return "-"
    name = party.get("name") or party.get("text") or "?"
    return f"{name}/{party['country']}" if party.get("country") else name


def score_plover(args, errors):
    folder = os.path.join(args.data, "plover-dev")
    gold_path = os.path.join(folder, "plover-gsr-dev.json")
    table_path = os.path.join(folder, "CAMEO2PLOVER-2021.txt")
    if not (os.path.exists(gold_path) and os.path.exists(table_path)):
        print(f"eval-events: PLOVER skipped: no gold at {folder}", file=sys.stderr)
        return None
    table = load_table(table_path)
    records = json.load(open(gold_path, encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="gleaner-eval-events-") as directory:
        paths = []
        for index, record in enumerate(records):
            path = os.path.join(directory, f"plover-{index:03d}.json")
            with open(path, "w", encoding="utf-8") as out:
                json.dump({"text": record["text"], "date_publish": FIXED_DATE}, out)
            paths.append(path)
        reports = {os.path.basename(r["file"]): r for r in run_extract(args.gleaner, paths)}

    totals = dict(sentences=0, events=0, events_of_type=0, type_found=0, source=0, target=0, triple=0)
    per_type = {}
    for index, record in enumerate(records):
        gold_type = PLOVER_05.get(record["event"], record["event"])
        sources = gold_parties(record.get("source"))
        targets = gold_parties(record.get("target"))
        events = (reports.get(f"plover-{index:03d}.json") or {}).get("events") or []
        typed = [(plover_type(e.get("cameo"), table), e) for e in events]
        typed = [(PLOVER_05.get(t, t) if t else None, e) for t, e in typed]
        of_type = [e for t, e in typed if t == gold_type]
        totals["sentences"] += 1
        totals["events"] += len(events)
        totals["events_of_type"] += len(of_type)
        row = per_type.setdefault(gold_type, [0, 0])
        row[0] += 1

        def source_ok_for(event):
            return event.get("actor") is None if not sources else party_matches(event.get("actor"), sources)

        def target_ok(event):
            return event.get("target") is None if not targets else party_matches(event.get("target"), targets)

        found = bool(of_type)
        source_ok = any(source_ok_for(e) for e in of_type)
        target_right = any(target_ok(e) for e in of_type)
        triple = any(source_ok_for(e) and target_ok(e) for e in of_type)
        if found:
            row[1] += 1
            totals["type_found"] += 1
            totals["source"] += source_ok
            totals["target"] += target_right
        totals["triple"] += triple
        if not triple:
            gold_text = (
                f"gold {gold_type} {'; '.join(describe_party({'name': p.get('actorText'), 'country': p.get('code')}) for p in sources) or '-'}"
                f" -> {'; '.join(describe_party({'name': p.get('actorText'), 'country': p.get('code')}) for p in targets) or '-'}"
            )
            produced = ", ".join(
                f"{t or 'unmapped'}({e.get('cameo')}) {describe_party(e.get('actor'))} -> {describe_party(e.get('target'))}"
                for t, e in typed
            ) or "no event"
            kind = "TYPE  " if not found else ("SOURCE" if not source_ok else ("TARGET" if not target_right else "TRIPLE"))
            errors.append(f"PLOVER {kind} {record.get('id', index)}  {gold_text}  produced: {produced}  | {record['text']}")
    return totals, per_type


# ---------------------------------------------------------------------------------------------------------
# Main events


def parse_period(text):
    """(start, end) dates of 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' at the start of text, else None."""
    match = re.match(r"\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", text or "")
    if not match:
        return None
    year = int(match.group(1))
    try:
        if match.group(3):
            day = datetime.date(year, int(match.group(2)), int(match.group(3)))
            return day, day
        if match.group(2):
            month = int(match.group(2))
            return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    except ValueError:
        return None


def produced_period(date):
    if not isinstance(date, dict):
        return None
    start = parse_period(date.get("start"))
    if not start:
        return None
    end = parse_period(date.get("end")) if date.get("end") else None
    return start[0], (end or start)[1]


def split_alternatives(text):
    """'A | B (why)' -> ['A', 'B'] with explanations in parentheses removed."""
    return [a.strip() for a in re.sub(r"\([^)]*\)", "", text or "").split("|") if a.strip()]


def load_annotations(path):
    rows = {}
    lines = open(path, encoding="utf-8").read().splitlines()
    header = lines[0].split("\t")
    for line in lines[1:]:
        if not line.strip():
            continue
        fields = dict(zip(header, line.split("\t")))
        also = {"who": [], "when": [], "where": []}
        for entry in (fields.get("notes") or "").split(";"):
            match = re.match(r"\s*(who|when|where) also:\s*(.*)", entry)
            if match:
                also[match.group(1)] += split_alternatives(match.group(2))
        fields["also"] = also
        fields["annotated"] = any(fields.get(k) for k in ("who", "what", "whom", "when", "where"))
        rows[fields["file"]] = fields
    return rows


def who_matches(party, names):
    if not isinstance(party, dict):
        return False
    produced = words(party.get("text")) | words(party.get("name"))
    for name in names:
        if words(name) & produced:
            return True
        code = country_of(name)
        if code and (party.get("country") or "").upper() == code:
            return True
    return False


def where_matches(place, names):
    if not isinstance(place, dict):
        return False
    produced = words(place.get("name"))
    for name in names:
        for part in name.split(","):
            if words(part) & produced:
                return True
            code = country_of(part)
            if code and (place.get("country") or "").upper() == code:
                return True
    return False


def when_matches(period, annotations):
    for text in annotations:
        gold = parse_period(text)
        if gold and period[0] <= gold[1] and gold[0] <= period[1] and (period[1] - period[0]) <= (gold[1] - gold[0]):
            return True
    return False


def first_event(report):
    events = report.get("events") or []
    if not events:
        return None
    event = min(events, key=lambda e: e.get("sentence_index") if e.get("sentence_index") is not None else 1 << 30)
    return {"who": event.get("actor"), "whom": event.get("target"), "when": event.get("date"), "where": event.get("location")}


def score_main(args, errors):
    folder = os.path.join(args.data, "news-please")
    if not os.path.isdir(folder):
        print(f"eval-events: main events skipped: no articles at {folder}", file=sys.stderr)
        return None
    if not os.path.exists(args.annotations):
        print(f"eval-events: main events skipped: no annotations at {args.annotations}", file=sys.stderr)
        return None
    gold = load_annotations(args.annotations)
    paths = sorted(os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(".json"))
    refused = []
    reports = {os.path.basename(r["file"]): r for r in run_extract(args.gleaner, paths, refused)}
    for path, reason in refused:
        errors.append(f"MAIN   REFUSED {os.path.basename(path)}: {reason}")

    systems = {"main event": lambda r: r.get("main_event") or None, "first event (baseline)": first_event}
    results = {}
    for label, pick in systems.items():
        t = {"articles": 0, "with_main": 0}
        for field in ("who", "when", "where"):
            t[field] = dict(gold=0, produced=0, right_p=0, right_r=0)
        for name in sorted(gold):
            row = gold[name]
            if not row["annotated"]:
                continue
            t["articles"] += 1
            main = pick(reports.get(name) or {})
            if main:
                t["with_main"] += 1
            elif label == "main event":
                errors.append(f"MAIN   NONE  {name}  gold who={row['who'] or '-'} when={row['when'] or '-'} where={row['where'] or '-'}")
            checks = {
                "who": (main or {}).get("who"),
                "when": (main or {}).get("when"),
                "where": (main or {}).get("where"),
            }
            for field, value in checks.items():
                main_gold = split_alternatives(row[field]) if field != "when" else ([row["when"]] if row["when"] else [])
                accepted = main_gold + row["also"][field]
                if field == "who":
                    produced = isinstance(value, dict) and bool(value.get("name") or value.get("text") or value.get("country"))
                    right = produced and who_matches(value, accepted)
                    shown = describe_party(value) if produced else "-"
                elif field == "when":
                    period = produced_period(value)
                    produced = period is not None
                    right = produced and when_matches(period, accepted)
                    shown = f"{period[0]}..{period[1]}" if produced else "-"
                else:
                    produced = isinstance(value, dict) and bool(value.get("name") or value.get("country"))
                    right = produced and where_matches(value, accepted)
                    shown = describe_party(value) if produced else "-"
                counts = t[field]
                if main_gold:
                    counts["gold"] += 1
                    counts["right_r"] += right
                if produced:
                    counts["produced"] += 1
                    counts["right_p"] += right
                if main and label == "main event" and not right and (main_gold or produced):
                    kind = "MISS " if not produced else "WRONG"
                    errors.append(
                        f"MAIN   {kind} {name} {field}: gold {row[field] or '-'}"
                        f"{' (also ' + ' | '.join(row['also'][field]) + ')' if row['also'][field] else ''}  produced {shown}"
                    )
        results[label] = t
    return results


# ---------------------------------------------------------------------------------------------------------
# Coverage on real wire news without event gold


def wire_article(path):
    """A TimeML wire story as a news-please-style record: title, text without tags, its creation date."""
    with open(path, encoding="utf-8") as handle:
        document = handle.read()

    def section(tag):
        found = re.search(rf"<{tag}>(.*?)</{tag}>", document, re.S)
        return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip() if found else ""

    dct = re.search(r'<DCT>.*?value="([0-9]{4}-[0-9]{2}-[0-9]{2})', document, re.S)
    return {"title": section("TITLE") or None, "text": section("TEXT"), "date_publish": dct.group(1) if dct else None}


def score_wire(args):
    folder = os.path.join(args.data, "wire-news-silver")
    if not os.path.isdir(folder):
        print(f"eval-events: wire coverage skipped: no stories at {folder}", file=sys.stderr)
        return None
    names = sorted(name for name in os.listdir(folder) if name.endswith(".tml"))
    if args.wire_limit:
        names = names[: args.wire_limit]
    t = dict(articles=0, events=0, no_actor=0, actor_unknown_country=0, main=0, who=0, when=0, where=0,
             with_event=0)
    with tempfile.TemporaryDirectory() as scratch:
        paths = []
        for name in names:
            record = wire_article(os.path.join(folder, name))
            if not record["text"]:
                continue
            path = os.path.join(scratch, name[:-4] + ".json")
            with open(path, "w", encoding="utf-8") as out:
                json.dump(record, out)
            paths.append(path)
        for start in range(0, len(paths), 400):
            for report in run_extract(args.gleaner, paths[start : start + 400], refused=[]):
                t["articles"] += 1
                events = report.get("events") or []
                t["events"] += len(events)
                t["with_event"] += bool(events)
                for event in events:
                    actor = event.get("actor")
                    if not actor:
                        t["no_actor"] += 1
                    elif not actor.get("country"):
                        t["actor_unknown_country"] += 1
                main = report.get("main_event")
                if main:
                    t["main"] += 1
                    t["who"] += bool(main.get("who"))
                    t["when"] += bool(main.get("when"))
                    t["where"] += bool(main.get("where"))
    return t


# ---------------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--gleaner", required=True)
    parser.add_argument("--data", required=True, help="the dev-data folder (with plover-dev/ and news-please/)")
    parser.add_argument("--annotations", default=os.path.join(REPOSITORY, "docs", "annotations", "main-events.tsv"))
    parser.add_argument("--errors", help="write every miss and wrong answer to this file")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--wire-limit", type=int, default=0, help="read only the first N wire stories (0: all)")
    args = parser.parse_args()

    errors = []
    plover = score_plover(args, errors)
    main_events = score_main(args, errors)
    md = args.markdown

    if plover:
        t, per_type = plover
        recall = ratio(t["type_found"], t["sentences"])
        precision = ratio(t["events_of_type"], t["events"])
        rows = [
            ("type recall (gold type among the sentence's events)", f"{t['type_found']} / {t['sentences']}", recall),
            ("type precision (events of the gold type / all events)", f"{t['events_of_type']} / {t['events']}", precision),
            ("type F1", "", f1(precision, recall)),
            ("source accuracy, given the type", f"{t['source']} / {t['type_found']}", ratio(t["source"], t["type_found"])),
            ("target accuracy, given the type", f"{t['target']} / {t['type_found']}", ratio(t["target"], t["type_found"])),
            ("full triple (type, source, target)", f"{t['triple']} / {t['sentences']}", ratio(t["triple"], t["sentences"])),
        ]
        if md:
            print(f"PLOVER development set ({t['sentences']} sentences, {t['events']} events produced):\n")
            print("| measure | count | value |")
            print("|---|---|---|")
            for label, count, value in rows:
                print(f"| {label} | {count} | **{value:.3f}** |")
            print("\n| PLOVER type | gold | found | recall |")
            print("|---|---|---|---|")
            for kind, (gold, found) in sorted(per_type.items(), key=lambda kv: (-kv[1][0], kv[0])):
                print(f"| {kind} | {gold} | {found} | {ratio(found, gold):.3f} |")
            print()
        else:
            print(f"PLOVER: {t['sentences']} sentences, {t['events']} events produced")
            for label, count, value in rows:
                print(f"  {label:55} {count:>10}  {value:.3f}")
            print("  per type (gold, found, recall):")
            for kind, (gold, found) in sorted(per_type.items(), key=lambda kv: (-kv[1][0], kv[0])):
                print(f"    {kind:10} {gold:4} {found:4}  {ratio(found, gold):.3f}")
    if main_events:
        if md:
            print(f"Main events of the news-please articles ({next(iter(main_events.values()))['articles']} annotated):\n")
            print("| system | articles with a main event | who P / R | when P / R | where P / R |")
            print("|---|---|---|---|---|")
        else:
            print(f"Main events: {next(iter(main_events.values()))['articles']} annotated articles")
        for label, t in main_events.items():
            cells = []
            for field in ("who", "when", "where"):
                c = t[field]
                p, r = ratio(c["right_p"], c["produced"]), ratio(c["right_r"], c["gold"])
                cells.append((field, p, r, c))
            if md:
                body = " | ".join(
                    f"{p:.3f} ({c['right_p']}/{c['produced']}) / **{r:.3f}** ({c['right_r']}/{c['gold']})" for _, p, r, c in cells
                )
                print(f"| {label} | {t['with_main']} / {t['articles']} | {body} |")
            else:
                print(f"  {label}: {t['with_main']} of {t['articles']} articles have one")
                for field, p, r, c in cells:
                    print(f"    {field:6} P {p:.3f} ({c['right_p']}/{c['produced']})  R {r:.3f} ({c['right_r']}/{c['gold']})")
        if md:
            print()
    wire = score_wire(args)
    if wire:
        a, e = wire["articles"], wire["events"]
        rows = [
            ("articles with at least one coded event", wire["with_event"], a),
            ("articles with a main event", wire["main"], a),
            ("  … whose who is named", wire["who"], a),
            ("  … whose when is known", wire["when"], a),
            ("  … whose where is known", wire["where"], a),
            ("coded events without an actor", wire["no_actor"], e),
            ("coded events whose actor has no country (a name no gazetteer holds)", wire["actor_unknown_country"], e),
        ]
        if md:
            print(f"Coverage on {a} real wire stories without event gold ({e} coded events):\n")
            print("| measure | count | share |")
            print("|---|---|---|")
            for label, count, total in rows:
                print(f"| {label.strip()} | {count} / {total} | {ratio(count, total):.3f} |")
            print()
        else:
            print(f"Wire coverage: {a} stories, {e} coded events")
            for label, count, total in rows:
                print(f"  {label:70} {count:>6} / {total:<6} {ratio(count, total):.3f}")
    if not plover and not main_events and not wire:
        print("eval-events: nothing scored (no PLOVER gold and no news-please articles found)")
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as out:
            out.write("\n".join(sorted(errors)) + "\n")


if __name__ == "__main__":
    main()
