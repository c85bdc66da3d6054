#!/usr/bin/env python3
"""A replica of Gleaner's story matcher in Python, for trying a change to it in seconds without a build.

It reads the corpora as scripts/eval/stories.py does and groups them in arrival order as `StoryMatcher` does
(Sources/GleanerCore/Stories): terms of the title (4 times) and the first 80 words, plurals folded, stop words
left out; TF-IDF with the stored document frequencies and the English word frequencies as a background of
3,000 articles; each story the sum of its articles' vectors (60 heaviest terms kept); an article joins the
story of the highest cosine plus 0.05 per shared rare name (two at most, within the window) when that is at
least 0.34 within 14 days of the story's span, or at least the follow-up threshold up to 90 days away.

Two things differ: every story is a candidate (Gleaner reads the few its terms and entities find), and the
extracted entities are not read (Gleaner does not score them by default). With the default settings it gives
the figures of `scripts/eval-stories.sh` (news-please ARI 0.798; timeml 0.952): check that it still does
before trusting a variant, and measure a variant kept with Gleaner itself.

    python3 scripts/eval/stories_replica.py --data DEV_DATA [--corpus timeml|wire] [--warm-up N] [--errors]
        [--gold-pairs] [--events-from GLEANER] [--set NAME=VALUE ...]

Settings (`--set`), with their defaults, the first ones Gleaner's own:
    threshold=0.34 window=14 follow_up_threshold=0.37 follow_up_window=90 name_weight=0.05 max_names=2
    lead_words=80 title_weight=4 background_documents=3000 kept_terms=60 rare_name_share=0.001
Variants (0 = off), each tried on 2026-12-03 and documented in docs/ACCURACY.md:
    unicode_words=1       a word is Unicode letters, digits and marks; other punctuation (curly quotes,
                          dashes) separates words, and ’ is an apostrophe (Gleaner reads bytes above 0x7F as
                          letters)
    letters_only=1        a term needs a letter (drops terms of punctuation only, such as "”")
    bigrams=W             pairs of adjacent terms of the title and lead as terms, weighed W times a word
    body_words=N          terms of the text up to word N beyond the lead, each counting body_weight=W
    title_share=S         score = (1 − S) × cosine + S × cosine of the titles alone with the story's titles
    average_link=A        divide the dot product by |story|^(1 − A) × articles^A (1: average link)
    days_slope=D          the threshold rises by D per day of distance from the story's span
    acronyms=1            words of two capitals ("EA", "UN") as terms
    numbers=N             numbers of N digits or more as terms (years 1900–2099 left out)
    names_follow_up=1     shared rare names count beyond the window too
    merge_threshold=M     after an article joins a story, the story absorbs another within the window whose
                          summed vector has a cosine of M or more with its own
Variants that read what Gleaner extracted (`--events-from GLEANER`: the corpus is ingested with that binary
first, and each article's main event and events read from its database):
    where_penalty=P       minus P when the article's main event happened in a country none of the story's did
    where_name_penalty=P  the same with the place's name
    who_bonus=B           plus B when the article's main actor is one of the story's
    event_bonus=B         plus B per event (CAMEO root with actor or target) shared with the story, max_events=2
    when_penalty=P        minus P when the main event's day is more than when_gap=D days from every day of the
                          story's main events
"""
import argparse
import json
import math
import os
import random
import re
import sqlite3
import sys
import tempfile
import unicodedata
from datetime import date

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stories  # noqa: E402

# File name → what Gleaner extracted from the article (its main event and events), when read with
# --events-from: the features of the event variants below.
EVENTS = {}

SOURCES = os.path.join(stories.REPOSITORY, "Sources", "GleanerCore", "Stories")
DEFAULTS = dict(
    threshold=0.34, window=14, follow_up_threshold=0.37, follow_up_window=90, name_weight=0.05, max_names=2,
    lead_words=80, title_weight=4, background_documents=3000, kept_terms=60, rare_name_share=0.001,
    unicode_words=0, letters_only=0, bigrams=0, body_words=0, body_weight=0, title_share=0, average_link=0,
    days_slope=0, acronyms=0, numbers=0, names_follow_up=0, merge_threshold=0, where_penalty=0,
    where_name_penalty=0, who_bonus=0, event_bonus=0, max_events=2, when_gap=0, when_penalty=0,
)
STOP_WORDS = set(
    re.findall(r'"([^"]+)"', open(os.path.join(SOURCES, "StoryTerms.swift"), encoding="utf-8").read().split("static let stopWords")[1])
)
APOSTROPHES, HYPHENS = {"'", "\u2019", "\u02bc"}, {"-", "\u2010", "\u2011"}
SENTENCE_MARKS = set('.!?:"\n\u201c\u201d\u00ab\u00bb\u201e')


def stem(word):
    """StoryTerms.stem: a possessive and a regular plural folded, on UTF-8 bytes."""
    while word and word[-1:] in (b"'", b"-"):
        word = word[:-1]
    if word.endswith(b"'s"):
        word = word[:-2]
    if word.endswith("\u2019s".encode()):
        word = word[:-4]
    if not (len(word) > 4 and word.endswith(b"s") and not word.endswith((b"ss", b"us", b"is"))):
        return word
    if word.endswith(b"ies"):
        return word[:-3] + b"y"
    if word.endswith((b"sses", b"xes", b"ches", b"shes")):
        return word[:-2]
    return word[:-1]


def words(text, settings):
    """(word as lower-cased UTF-8 bytes, capitalised, all capitals, starts a sentence) for each word."""
    if settings["unicode_words"]:
        yield from unicode_words(text)
        return
    word, capital, upper, start = bytearray(), False, False, True
    for byte in text.encode():
        if 0x41 <= byte <= 0x5A:
            if not word:
                capital = upper = True
            word.append(byte + 0x20)
        elif 0x61 <= byte <= 0x7A or 0x30 <= byte <= 0x39 or byte >= 0x80:
            upper = upper and not 0x61 <= byte <= 0x7A
            word.append(byte)
        elif byte in (0x27, 0x2D) and word:
            word.append(byte)
        else:
            if word:
                yield bytes(word), capital, capital and upper, start
                start, word, capital, upper = False, bytearray(), False, False
            if chr(byte) in '.!?:"\n':
                start = True
    if word:
        yield bytes(word), capital, capital and upper, start


def unicode_words(text):
    word, capital, upper, start = [], False, False, True
    for character in text:
        category = unicodedata.category(character)
        if category[0] in "LNM":
            if not word and category == "Lu":
                capital = upper = True
            upper = upper and category != "Ll"
            word.append(character.lower())
        elif character in APOSTROPHES and word:
            word.append("'")
        elif character in HYPHENS and word:
            word.append("-")
        else:
            if word:
                yield "".join(word).encode(), capital, capital and upper, start
                start, word, capital, upper = False, [], False, False
            if character in SENTENCE_MARKS:
                start = True
    if word:
        yield "".join(word).encode(), capital, capital and upper, start


def term(word, upper, settings):
    if settings["acronyms"] and len(word) == 2 and upper:
        return word.decode()
    if settings["numbers"] and word.isdigit() and len(word) >= settings["numbers"] and not re.fullmatch(rb"(19|20)\d\d", word):
        return "#" + word.decode()
    if len(word) < 3 or not any(byte >= 0x61 for byte in word):
        return None
    text = stem(word).decode("utf-8", "replace")
    if len(text.encode()) < 3 or text in STOP_WORDS:
        return None
    if settings["letters_only"] and not any(character.isalpha() for character in text):
        return None
    return text


def terms(text, limit, settings):
    found = []
    for word, _, upper, _ in words(text, settings):
        if len(found) >= limit:
            break
        found.append(term(word, upper, settings))
        if found[-1] is None:
            found.pop()
    return found


def names(text, limit, settings):
    found, count = set(), 0
    for word, capital, upper, start in words(text, settings):
        count += 1
        if capital and not start and (name := term(word, upper, settings)):
            found.add(name)
        if count >= limit:
            break
    return found


def background_shares():
    """StoryBackground.shares: the share of ordinary articles that contain each term, from the Zipf values."""
    source = open(os.path.join(SOURCES, "GeneratedWordFrequencies.swift"), encoding="utf-8").read()
    shares = {}
    for line in source.split('#"""')[1].split('"""#')[0].strip().split("\n"):
        word, zipf = line.split("\t")
        folded = stem(word.encode()).decode()
        share = 1 - math.exp(-(10 ** (float(zipf) - 9)) * 400)
        shares[folded] = 1 - (1 - shares.get(folded, 0)) * (1 - share)
    return shares


SHARES = background_shares()


def share(term_, settings):
    if " " in term_:
        first, second = term_.split(" ", 1)
        return min(SHARES.get(first, 0), SHARES.get(second, 0)) * 0.1
    return SHARES.get(term_, 0)


def day_of(article):
    value = article.get("date_publish")
    if value in (None, "", "None"):
        return None
    return (date.fromisoformat(str(value)[:10]) - date(1970, 1, 1)).days


def features(article, settings):
    counts, title_counts = {}, {}
    title = terms(article.get("title") or "", 40, settings)
    for item in title:
        counts[item] = counts.get(item, 0) + settings["title_weight"]
        title_counts[item] = title_counts.get(item, 0) + 1
    text = article.get("maintext") or article.get("text") or ""
    body = terms(text, max(settings["lead_words"], settings["body_words"]), settings)
    lead = body[: settings["lead_words"]]
    for item in lead:
        counts[item] = counts.get(item, 0) + 1
    for item in body[settings["lead_words"] :]:
        counts[item] = counts.get(item, 0) + settings["body_weight"]
    if settings["bigrams"]:
        for sequence, weight in ((title, settings["title_weight"]), (lead, 1)):
            for first, second in zip(sequence, sequence[1:]):
                pair = first + " " + second
                counts[pair] = counts.get(pair, 0) + weight * settings["bigrams"]
    rare = {name for name in names(text, settings["lead_words"], settings) if SHARES.get(name, 0) < settings["rare_name_share"]}
    info = EVENTS.get(article.get("_name"), {}) or {}
    main = info.get("main") or {}
    where = main.get("where") or {}
    who = main.get("who") or {}
    when = main.get("when") or {}
    when_day = None
    if when.get("precision") == "day" and when.get("start"):
        when_day = (date.fromisoformat(when["start"]) - date(1970, 1, 1)).days
    sigs = set()
    for event in info.get("events", []):
        for role in ("actor", "target"):
            if event.get(role):
                sigs.add(event["root"] + ":" + event[role].lower())
    return dict(counts=counts, title_counts=title_counts, names=rare, day=day_of(article),
                where_country={where["country"]} if where.get("country") else set(),
                where_name={where["name"].lower()} if where.get("name") else set(),
                who={who["name"].lower()} if who.get("name") else set(), when={when_day} if when_day is not None else set(),
                sigs=sigs)


def unit(vector):
    length = math.sqrt(sum(weight * weight for weight in vector.values()))
    return {key: weight / length for key, weight in vector.items()} if length else {}


def new_story():
    return dict(
        terms={}, titles={}, names=set(), first=None, last=None, articles=0, where_country=set(), where_name=set(),
        who=set(), when=set(), sigs=set(),
    )


def extracted_events(gleaner, data, corpus):
    """File name → {"main": main event, "events": [...]} as `gleaner` extracts them from the corpus."""
    with tempfile.TemporaryDirectory() as scratch:
        folder, order = stories.corpus_articles(data, corpus, scratch)
        database = os.path.join(scratch, "events.sqlite")
        stories.ingest(gleaner, database, [os.path.join(folder, name) for name in order], quiet=True)
        connection = sqlite3.connect(database)
        found = {}
        for article, name, main in connection.execute(
            "SELECT a.id, f.name, a.main_event FROM articles a JOIN files f ON f.id = a.file_id"
        ):
            events = [
                dict(root=root, actor=actor, target=target)
                for root, actor, target in connection.execute(
                    "SELECT e.root, e.actor_name, e.target_name FROM event_mentions m JOIN events e ON e.id = m.event_id"
                    " WHERE m.article_id = ?",
                    (article,),
                )
            ]
            found[os.path.basename(name)] = dict(main=json.loads(main) if main else None, events=events)
        connection.close()
    return found


class Matcher:
    def __init__(self, settings):
        self.settings, self.frequencies, self.documents, self.stories = settings, {}, 0, []

    def idf(self, term_):
        prior = self.settings["background_documents"]
        return math.log((self.documents + prior + 1) / (self.frequencies.get(term_, 0) + prior * share(term_, self.settings) + 1)) + 1

    def vector(self, counts):
        return unit({key: ((1 + math.log(count)) if count >= 1 else count) * self.idf(key) for key, count in counts.items()})

    def score(self, vector, titles, article, story):
        settings, least, within = self.settings, self.settings["threshold"], True
        if article["day"] is not None and story["first"] is not None:
            gap = max(0, article["day"] - story["last"], story["first"] - article["day"])
            within = gap <= settings["window"]
            if gap > settings["follow_up_window"]:
                least = math.inf
            elif settings["days_slope"]:
                least = settings["threshold"] + settings["days_slope"] * gap
            elif gap > settings["window"]:
                least = max(settings["threshold"], settings["follow_up_threshold"])
        summed = story["terms"]
        length = math.sqrt(sum(weight * weight for weight in summed.values()))
        dot = sum(weight * summed.get(key, 0) for key, weight in vector.items())
        link = settings["average_link"]
        score = dot / (length ** (1 - link) * story["articles"] ** link) if length else 0
        if settings["title_share"]:
            title_length = math.sqrt(sum(weight * weight for weight in story["titles"].values()))
            title_dot = sum(weight * story["titles"].get(key, 0) for key, weight in titles.items())
            title_cosine = title_dot / title_length if title_length else 0
            score = (1 - settings["title_share"]) * score + settings["title_share"] * title_cosine
        if settings["where_penalty"] and article["where_country"] and story["where_country"] and not (article["where_country"] & story["where_country"]):
            score -= settings["where_penalty"]
        if settings["where_name_penalty"] and article["where_name"] and story["where_name"] and not (article["where_name"] & story["where_name"]):
            score -= settings["where_name_penalty"]
        if settings["who_bonus"] and article["who"] & story["who"]:
            score += settings["who_bonus"]
        if settings["event_bonus"]:
            score += settings["event_bonus"] * min(len(article["sigs"] & story["sigs"]), settings["max_events"])
        if settings["when_penalty"] and article["when"] and story["when"]:
            gap = min(abs(a - b) for a in article["when"] for b in story["when"])
            if gap > settings["when_gap"]:
                score -= settings["when_penalty"]
        if (within or settings["names_follow_up"]) and settings["name_weight"] > 0:
            score += settings["name_weight"] * min(len(article["names"] & story["names"]), settings["max_names"])
        return score, least

    def add(self, article):
        """The index of the story the article joins (a new one at the end when none)."""
        for key in article["counts"]:
            self.frequencies[key] = self.frequencies.get(key, 0) + 1
        self.documents += 1
        vector, titles = self.vector(article["counts"]), self.vector(article["title_counts"])
        best = None
        for index, story in enumerate(self.stories):
            if story.get("merged_into") is not None:
                continue
            score, least = self.score(vector, titles, article, story)
            if score >= least and (best is None or score > best[1]):
                best = (index, score)
        if best is None:
            self.stories.append(new_story())
        index = len(self.stories) - 1 if best is None else best[0]
        self.place(index, article, vector, titles)
        if self.settings["merge_threshold"]:
            self.merge_into(index)
        return index

    def place(self, index, article, vector, titles):
        """Story `index` after the article (with its vectors) joins it."""
        story = self.stories[index]
        for field, values in (("terms", vector), ("titles", titles)):
            for key, weight in values.items():
                story[field][key] = story[field].get(key, 0) + weight
        if len(story["terms"]) > self.settings["kept_terms"]:
            kept = sorted(story["terms"].items(), key=lambda item: (-item[1], item[0]))[: self.settings["kept_terms"]]
            story["terms"] = dict(kept)
        story["names"] |= article["names"]
        for key in ("where_country", "where_name", "who", "when", "sigs"):
            story[key] |= article[key]
        if article["day"] is not None:
            story["first"] = article["day"] if story["first"] is None else min(story["first"], article["day"])
            story["last"] = article["day"] if story["last"] is None else max(story["last"], article["day"])
        story["articles"] += 1

    def merge_into(self, index):
        """Story `index` absorbs the stories within the window most like it (cosine of the summed vectors)."""
        story = self.stories[index]
        for other_index, other in enumerate(self.stories):
            if other_index == index or other["articles"] == 0 or other.get("merged_into") is not None:
                continue
            if story["first"] is not None and other["first"] is not None:
                gap = max(0, story["first"] - other["last"], other["first"] - story["last"])
                if gap > self.settings["window"]:
                    continue
            cosine = sum(w * other["terms"].get(k, 0) for k, w in story["terms"].items())
            lengths = math.sqrt(sum(w * w for w in story["terms"].values())) * math.sqrt(sum(w * w for w in other["terms"].values()))
            if lengths and cosine / lengths >= self.settings["merge_threshold"]:
                for field in ("terms", "titles"):
                    for key, weight in other[field].items():
                        story[field][key] = story[field].get(key, 0) + weight
                kept = sorted(story["terms"].items(), key=lambda item: (-item[1], item[0]))[: self.settings["kept_terms"]]
                story["terms"] = dict(kept)
                story["names"] |= other["names"]
                for end, pick in (("first", min), ("last", max)):
                    values = [value for value in (story[end], other[end]) if value is not None]
                    story[end] = pick(values) if values else None
                story["articles"] += other["articles"]
                other["articles"] = 0
                other["merged_into"] = index

    def resolve(self, index):
        while self.stories[index].get("merged_into") is not None:
            index = self.stories[index]["merged_into"]
        return index


def read_articles(folder, order):
    loaded = []
    for name in order:
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            try:
                article = json.load(handle)
            except ValueError:
                continue
        if (article.get("maintext") or article.get("text") or "").strip():
            article["_name"] = name
            loaded.append((name, article))
    return loaded


def warm_up_articles(data, count, scratch):
    """The wire stories scripts/eval/stories.py ingests first with --warm-up, in the same order."""
    folder = os.path.join(data, "wire-news-silver")
    chosen = sorted(name for name in os.listdir(folder) if re.search(r"_200[56]\d{4}\.", name))
    random.Random(20261203).shuffle(chosen)
    originals, converted = os.path.join(scratch, "warm-up-tml"), os.path.join(scratch, "warm-up")
    os.mkdir(originals)
    os.mkdir(converted)
    for name in chosen[:count]:
        os.symlink(os.path.abspath(os.path.join(folder, name)), os.path.join(originals, name))
    return [article for _, article in read_articles(converted, stories.timeml_articles(originals, converted))]


def print_gold_pairs(matcher, articles, gold, settings):
    """Scores each article against every story formed before it, the stories being the gold ones (an article
    joins its gold story, whatever its score): how far apart same-story and other-story scores are."""
    story_of_label, rows = {}, []
    for name, article in articles:
        if name not in gold:
            continue
        label, found = gold[name]["story"], features(article, settings)
        for key in found["counts"]:
            matcher.frequencies[key] = matcher.frequencies.get(key, 0) + 1
        matcher.documents += 1
        vector, titles = matcher.vector(found["counts"]), matcher.vector(found["title_counts"])
        for other, index in story_of_label.items():
            score, least = matcher.score(vector, titles, found, matcher.stories[index])
            if score >= 0.25:
                rows.append((score, least, label, other))
        # Counted above already: join the gold story without counting the terms again.
        for key in found["counts"]:
            matcher.frequencies[key] -= 1
        matcher.documents -= 1
        if label not in story_of_label:
            matcher.stories.append(new_story())
            story_of_label[label] = len(matcher.stories) - 1
        join(matcher, story_of_label[label], found)
    for score, least, label, other in sorted(rows, reverse=True):
        kind = "same " if label == other else "other"
        print(f"{kind}  {score:.3f} (joins at {least:.2f})  {label}" + ("" if label == other else f"  with {other}"))


def join(matcher, index, article):
    """Adds the article to story `index` as Matcher.add would have, counting its terms."""
    for key in article["counts"]:
        matcher.frequencies[key] = matcher.frequencies.get(key, 0) + 1
    matcher.documents += 1
    matcher.place(index, article, matcher.vector(article["counts"]), matcher.vector(article["title_counts"]))


def add_dense_score(matcher, weight=0.0, centre=0.0, alone=False):
    """Makes `matcher` score with a dense vector too: each article carries one as "dense" (length 1), a story
    sums its articles'; the score becomes the replica's plus `weight` × (their cosine − `centre`), or the cosine
    `alone`. For trying word vectors and sentence embeddings beside the terms (stories_dense.py,
    stories_minilm.py)."""
    plain_score, plain_place = matcher.score, matcher.place

    def score(vector, titles, article, story):
        value, least = plain_score(vector, titles, article, story)
        summed = story.get("dense")
        length = float(summed @ summed) ** 0.5 if summed is not None else 0.0
        if not length:  # a story with no dense vector yet, or only empty ones: the terms alone decide
            return (0.0 if alone else value), least
        cosine = float(article["dense"] @ summed) / length
        return (cosine if alone else value + weight * (cosine - centre)), least

    def place(index, article, vector, titles):
        plain_place(index, article, vector, titles)
        story = matcher.stories[index]
        story["dense"] = story["dense"] + article["dense"] if "dense" in story else article["dense"].copy()

    matcher.score, matcher.place = score, place


def available_corpora(data):
    """Corpus → (its articles in arrival order, its gold stories), for each hand-grouped corpus under `data`."""
    corpora = {}
    for corpus in stories.CORPORA:
        if not os.path.isdir(os.path.join(data, stories.CORPUS_FOLDERS[corpus])):
            continue
        with tempfile.TemporaryDirectory() as scratch:
            folder, order = stories.corpus_articles(data, corpus, scratch)
            corpora[corpus] = (read_articles(folder, order), stories.load_gold(stories.annotations_of(corpus)))
    return corpora


def warmed_matcher(data, corpus, settings, warm_up=0):
    """A matcher that has grouped `warm_up` wire stories of 2005–2006 (as stories.py's --warm-up), and the
    corpus's articles in arrival order."""
    matcher = Matcher(settings)
    with tempfile.TemporaryDirectory() as scratch:
        if warm_up:
            for article in warm_up_articles(data, warm_up, scratch):
                matcher.add(features(article, settings))
        folder, order = stories.corpus_articles(data, corpus, scratch)
        articles = read_articles(folder, order)
    return matcher, articles


def group(matcher, articles, settings):
    """File name → story index of each article, grouped in order (absorbed stories resolved at the end)."""
    story_of = {name: matcher.add(features(article, settings)) for name, article in articles}
    return {name: matcher.resolve(index) for name, index in story_of.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--corpus", choices=stories.CORPORA, default="news-please")
    parser.add_argument("--warm-up", type=int, default=0, metavar="N")
    parser.add_argument("--errors", action="store_true")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--events-from", metavar="GLEANER", help="a gleaner binary, for the event variants")
    parser.add_argument(
        "--gold-pairs",
        action="store_true",
        help="form the gold stories instead, and print each article's score with every earlier story (0.25 or more)",
    )
    args = parser.parse_args()
    settings = dict(DEFAULTS)
    for assignment in args.set:
        name, _, value = assignment.partition("=")
        if name not in settings:
            sys.exit(f"stories_replica: --set {assignment}: no setting {name!r}; the settings are {', '.join(settings)}")
        settings[name] = float(value)
    for name in ("window", "follow_up_window", "max_names", "lead_words", "title_weight", "background_documents", "kept_terms", "body_words", "numbers"):
        settings[name] = int(settings[name])
    if args.events_from:
        EVENTS.update(extracted_events(args.events_from, args.data, args.corpus))
    gold = stories.load_gold(stories.annotations_of(args.corpus))
    matcher, articles = warmed_matcher(args.data, args.corpus, settings, args.warm_up)
    if args.gold_pairs:
        return print_gold_pairs(matcher, articles, gold, settings)
    story_of = group(matcher, articles, settings)
    names_ = [name for name, _ in articles if name in gold]
    ari, precision, recall, f1 = stories.figures(gold, story_of, names_)
    changed = {name: value for name, value in settings.items() if value != DEFAULTS[name]}
    warm = f" after {args.warm_up} other articles" if args.warm_up else ""
    print(
        f"Replica ({args.corpus}{warm}, {changed or 'defaults'}): {len(names_)} articles, "
        f"{len({story_of[name] for name in names_})} stories: "
        f"ARI {ari:.3f}, B-cubed P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
    )
    if args.errors:
        members, found = {}, {}
        for name in names_:
            members.setdefault(story_of[name], set()).add(gold[name]["story"])
            found.setdefault(gold[name]["story"], set()).add(story_of[name])
        for labels in members.values():
            if len(labels) > 1:
                print(f"MIXED  {', '.join(sorted(labels))}")
        for label, indices in sorted(found.items()):
            if len(indices) > 1:
                print(f"SPLIT  {label}: in {len(indices)} stories")


if __name__ == "__main__":
    main()
