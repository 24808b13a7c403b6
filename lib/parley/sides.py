"""Parties to a negotiation and the words that name them.

`data/parties.csv` maps every alias (a country, its demonym, its capital as a
metonym, its institutions: `Kremlin` -> Russia, `SBU` -> Ukraine) to one canonical
party name. General knowledge only; add a row to teach Parley a new party.
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from parley import config
from parley.text import fold


@dataclass(frozen=True)
class Alias:
    party: str
    alias: str
    kind: str  # country, demonym, capital, organisation
    case_sensitive: bool


@functools.lru_cache(maxsize=None)
def aliases() -> tuple[Alias, ...]:
    with config.data_file("parties.csv").open(encoding="utf-8", newline="") as handle:
        return tuple(
            Alias(row["party"], row["alias"], row["kind"], row["case_sensitive"].strip().lower() == "yes")
            for row in csv.DictReader(handle)
        )


def parties() -> list[str]:
    return sorted({a.party for a in aliases()})


@functools.lru_cache(maxsize=None)
def _by_folded_alias() -> dict[str, str]:
    return {fold(a.alias): a.party for a in aliases() if not a.case_sensitive}


@functools.lru_cache(maxsize=None)
def _exact_alias() -> dict[str, str]:
    return {a.alias: a.party for a in aliases() if a.case_sensitive}


def party_of(word: str) -> str:
    """The party a single name or adjective refers to ("Ukrainian" -> "Ukraine"), else ""."""
    word = re.sub(r"['\u2019]s$", "", word.strip())
    return _exact_alias().get(word) or _by_folded_alias().get(fold(word), "")


@functools.lru_cache(maxsize=None)
def _alias_pattern() -> re.Pattern:
    # Longest aliases first so "Russian Federation" wins over "Russian".
    ordered = sorted(aliases(), key=lambda a: -len(a.alias))
    parts = []
    for a in ordered:
        body = re.escape(a.alias)
        parts.append(body if a.case_sensitive else f"(?i:{body})")
    return re.compile(r"(?<![\w.])(" + "|".join(parts) + r")(?!\w)(?:['\u2019]s)?")


@dataclass(frozen=True)
class PartyMention:
    start: int
    end: int
    text: str
    party: str


def find_parties(text: str) -> list[PartyMention]:
    """Every mention of a party in `text`, with offsets into `text`."""
    found = []
    for m in _alias_pattern().finditer(text):
        party = party_of(m.group(1))
        if party:
            found.append(PartyMention(m.start(), m.end(), m.group(0), party))
    return found
