"""Who held which office when: a side for a leader the text names without one.

`data/leaders.csv` lists the heads of state and government and the foreign ministers of
the states that negotiations in the news most often involve, with the
dates they took and left office (general knowledge, complete to 2025-06-30; later
changes are not recorded). An article saying "Putin told reporters" gives no country;
the table does. What the text says always wins: the table is asked only for a person
the article gives no side.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from parley import config
from parley.text import fold

AS_OF = "2025-06-30"
_SURNAME_SIMILARITY = 0.85  # Zelensky / Zelenskyy / Zelenskiy


@dataclass(frozen=True)
class Office:
    party: str
    office: str
    names: tuple[tuple[str, ...], ...]  # each spelling as folded tokens
    start: str
    end: str  # "" while in office at AS_OF

    def held_on(self, day: str) -> bool:
        return self.start <= day and (not self.end or day <= self.end)


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(t for t in re.split(r"[^\w'-]+", fold(name).replace("-", " ")) if t)


@functools.lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    with config.data_file("leaders.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            Office(row["party"], row["office"],
                   tuple(_tokens(n) for n in [row["name"], *row["aliases"].split("|")] if n.strip()),
                   row["start"], row["end"])
            for row in csv.DictReader(handle)
        )


@functools.lru_cache(maxsize=1)
def _by_surname() -> dict[str, tuple[Office, ...]]:
    index: dict[str, list[Office]] = {}
    for office in offices():
        for tokens in office.names:
            index.setdefault(tokens[-1], []).append(office)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


def _same_surname(a: str, b: str) -> bool:
    return a == b or (len(a) > 3 and Indel.normalized_similarity(a, b) >= _SURNAME_SIMILARITY)


def _matches(mention: tuple[str, ...], holder: tuple[str, ...]) -> bool:
    """The mention names the holder: the same surname, and where the mention gives more
    words, each found in the holder's name in order or matching its initial."""
    if not mention or not holder or not _same_surname(mention[-1], holder[-1]):
        return False
    rest, pool = list(mention[:-1]), list(holder[:-1])
    if rest and pool and rest[0] not in pool and rest[0][0] == pool[0][0] and mention[-1] == holder[-1]:
        return True  # one given name spelled two ways: "Abdrabbuh Mansour Hadi", "Abd Rabbuh Mansur Hadi"
    for word in rest:
        hit = next((i for i, w in enumerate(pool) if w == word or (len(word) == 1 and w.startswith(word))), None)
        if hit is None:
            return False
        pool = pool[hit + 1:]
    return True


def holders(name: str, day: str = "") -> list[Office]:
    """The offices a person so named held on `day` (any time, without a day)."""
    tokens = _tokens(name)
    if not tokens:
        return []
    candidates = [o for key, found in _by_surname().items() if _same_surname(tokens[-1], key) for o in found]
    return [o for o in dict.fromkeys(candidates)
            if any(_matches(tokens, n) for n in o.names) and (not day or o.held_on(day))]


def side_of(name: str, day: str = "") -> str:
    """The party of the state or organisation whose leader or foreign minister `name`
    was on `day`; "" when the table knows no such holder, or more than one party's."""
    parties = {o.party for o in holders(name, day)}
    if not parties and day and day > AS_OF:
        parties = {o.party for o in holders(name) if not o.end}  # still in office at AS_OF, as far as we know
    return parties.pop() if len(parties) == 1 else ""
