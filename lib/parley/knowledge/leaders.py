"""Who held which office when: a side for a leader the text names without one.

`data/leaders.csv` lists the heads of state and government and the foreign ministers of
every UN member and observer state (and Kosovo and Taiwan) who held office at any time
from 1990 on, with the dates they took and left office: general knowledge, complete from
2014 to 2025-06-30; before 2014 the heads of state and government, and the foreign
ministers whose dates are known with confidence; from mid-2025 to `AS_OF` only the changes
known with confidence, such as Ukraine's, Thailand's, France's and Japan's new heads of
government. An office whose holders' dates are not known with confidence, often a small
state's foreign minister, is left out rather than guessed. Officials of organisations are
not listed: the text names their organisation
("UN Secretary-General X"). An article saying "Putin told reporters" gives no country;
the table does. What the text says always wins: the table is asked only for a person
the article gives no side. A surname the table's holders share across parties on the
day ("Santos" in 2016) gives no side.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Indel

from parley import config
from parley.text import fold

AS_OF = "2025-11-30"
_SURNAME_SIMILARITY = 0.85  # Zelensky / Zelenskyy / Zelenskiy
_GIVEN_NAME_SIMILARITY = 0.6  # Mohammed / Muhammad, Ahmad / Ahmed, Yusuf / Yousuf; not Juan / José


@dataclass(frozen=True)
class Office:
    party: str
    office: str
    names: tuple[tuple[str, ...], ...]  # each spelling as folded tokens
    start: str
    end: str  # "" while in office at AS_OF
    keys: tuple[str, ...] = ()  # each spelling's index key (`_key`)

    def held_on(self, day: str) -> bool:
        return self.start <= day and (not self.end or day <= self.end)


_FAMILY_NAME_FIRST = re.compile(r"[A-Z][a-z]+ [A-Z][a-z]+-[a-z]+")  # "Moon Jae-in", "Tsai Ing-wen"


def _tokens(name: str) -> tuple[str, ...]:
    """A name's folded words, without a generational suffix ("Ferdinand Marcos Jr." is a Marcos)."""
    tokens = [t for t in re.split(r"[^\w'-]+", fold(name).replace("-", " ")) if t]
    while len(tokens) > 1 and tokens[-1] in _name_suffixes():
        tokens.pop()
    return tuple(tokens)


@functools.lru_cache(maxsize=1)
def _name_suffixes() -> frozenset[str]:
    from parley.knowledge import project_file

    return frozenset(fold(str(s)).rstrip(".") for s in project_file.knowledge_yaml("people.yml")["name_suffixes"])


def _key(name: str) -> str:
    """The index key of a spelling: its last word, or for a Korean or Taiwanese name written
    family name first ("Moon Jae-in") its two-part given name ("jae in"), whose last
    syllable ("in") is no surname: such a holder is found by the full name."""
    tokens = _tokens(name)
    return " ".join(tokens[-2:]) if _FAMILY_NAME_FIRST.fullmatch(name.strip()) else tokens[-1]


@functools.lru_cache(maxsize=1)
def offices() -> tuple[Office, ...]:
    with config.data_file("leaders.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    spellings = [[n for n in [row["name"], *row["aliases"].split("|")] if n.strip()] for row in rows]
    return tuple(
        Office(row["party"], row["office"], tuple(_tokens(n) for n in names), row["start"], row["end"],
               tuple(_key(n) for n in names))
        for row, names in zip(rows, spellings)
    )


@functools.lru_cache(maxsize=1)
def _by_surname() -> dict[str, tuple[Office, ...]]:
    index: dict[str, list[Office]] = {}
    for office in offices():
        for key in office.keys:
            index.setdefault(key, []).append(office)
    return {k: tuple(dict.fromkeys(v)) for k, v in index.items()}


def _same_surname(a: str, b: str) -> bool:
    return a == b or (len(a) > 3 and Indel.normalized_similarity(a, b) >= _SURNAME_SIMILARITY)


@functools.lru_cache(maxsize=1)
def _keys_by_length() -> dict[int, tuple[str, ...]]:
    by_length: dict[int, list[str]] = {}
    for key in _by_surname():
        by_length.setdefault(len(key), []).append(key)
    return {n: tuple(keys) for n, keys in by_length.items()}


def _candidate_keys(surname: str) -> tuple[str, ...]:
    """The keys whose length lets `_same_surname` accept them: two spellings sharing all of
    the shorter one's letters score 2·short / (short + long), so a key much shorter or
    longer than `surname` can never reach `_SURNAME_SIMILARITY`."""
    n = len(surname)
    lengths = [m for m in _keys_by_length() if 2 * min(n, m) / (n + m) >= _SURNAME_SIMILARITY]
    return tuple(key for m in sorted(lengths) for key in _keys_by_length()[m])


@functools.lru_cache(maxsize=4096)
def _surnames_like(surname: str) -> tuple[str, ...]:
    """The table's surname keys that the mention's `surname` names, in the table's order:
    the key it spells, or when it spells none, those `_same_surname` accepts. A surname
    the table spells is not also read as a near one ("Mohamud" is Somalia's president, not
    Djibouti's prime minister Mohamed; "Hoti" not Lim Jock Hoi)."""
    index = _by_surname()
    if surname in index or len(surname) <= 3:
        return (surname,) if surname in index else ()
    found = [key for key, _, _ in process.extract(surname, list(_candidate_keys(surname)),
                                                  scorer=Indel.normalized_similarity,
                                                  score_cutoff=_SURNAME_SIMILARITY, limit=None)]
    return tuple(sorted(found, key=_key_rank().__getitem__))


@functools.lru_cache(maxsize=1)
def _key_rank() -> dict[str, int]:
    return {key: i for i, key in enumerate(_by_surname())}


def _same_given_name(a: str, b: str) -> bool:
    """Two spellings of one given name: the same initial, and one begins the other ("Abd",
    "Abdrabbuh") or they are alike ("Mohammed", "Muhammad"). A shared initial alone is not
    enough: "Juan Manuel Santos" is not "José Eduardo dos Santos", nor "Amina Mohamed"
    "Abdoulkader Kamil Mohamed"."""
    short, long_ = sorted((a, b), key=len)
    return a[0] == b[0] and ((len(short) >= 3 and long_.startswith(short))
                             or Indel.normalized_similarity(a, b) >= _GIVEN_NAME_SIMILARITY)


def _matches(mention: tuple[str, ...], holder: tuple[str, ...]) -> bool:
    """The mention names the holder: the same surname, and where the mention gives more
    words, each found in the holder's name in order or matching its initial."""
    if not mention or not holder or not _same_surname(mention[-1], holder[-1]):
        return False
    rest, pool = list(mention[:-1]), list(holder[:-1])
    if rest and pool and rest[0] not in pool and mention[-1] == holder[-1] and _same_given_name(rest[0], pool[0]):
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
    keys = dict.fromkeys([tokens[-1], _key(name)])
    candidates = [o for key in keys for like in _surnames_like(key) for o in _by_surname()[like]]
    return [o for o in dict.fromkeys(candidates)
            if any(_matches(tokens, n) for n in o.names) and (not day or o.held_on(day))]


def side_of(name: str, day: str = "", offices: frozenset[str] = frozenset()) -> str:
    """The party of the state whose leader or foreign minister `name`
    was on `day`; "" when the table knows no such holder, or more than one party's.
    `offices` (the table's office names the text's title gives: "Prime Minister Sharif")
    narrows the holders to those offices where any holds one."""
    found = holders(name, day)
    if not found and day and day > AS_OF:
        found = [o for o in holders(name) if not o.end]  # still in office at AS_OF, as far as we know
    parties = {o.party for o in found}
    if offices and len(parties) > 1:
        parties = {o.party for o in found if o.office in offices} or parties
    return parties.pop() if len(parties) == 1 else ""
