"""Parties to a negotiation and the words that name them.

Tables of general knowledge in `data/`:
- `countries.csv`: every UN member and observer state (and Kosovo and Taiwan), with the
  names, demonyms and capital articles use for it; built from pycountry and countryinfo
  by `tools/build_countries.py`.
- `organisations.csv`: intergovernmental organisations and their agencies (the UN and
  UNHCR, the EU, the AU, NATO, the OSCE, the IAEA, the ICRC...), the armed groups and
  movements of current conflicts with their aliases (Hamas, Hezbollah, the Houthis or
  Ansar Allah, the Taliban, the TPLF, the RSF, M23/AFC...), and the institutions that
  stand for a state in news (the Kremlin, the Pentagon, the IDF).
- `states_faced.csv`: the state whose government each armed group fights, so that "the
  government delegation" in an article about the LTTE is Sri Lanka's.
Each alias maps to one canonical party name. An alias in capitals or with a full stop
("US", "U.N.", "M23") matches only as written; any other in any case. Add a row to teach
Parley a party.
"""

from __future__ import annotations

import csv
import functools
import re
from collections import ChainMap
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from parley import config
from parley.text import fold

# The side of whoever acts for no party: the NGOs and think tanks in organisations.csv.
NO_PARTY = "other"

# An alias matched only as written: an acronym or an abbreviation ("US" is not "us").
_AS_WRITTEN = re.compile(r"[A-Z0-9.&/'’\-]*[A-Z][A-Z0-9.&/'’\-]*|.*\.")


@dataclass(frozen=True)
class Alias:
    party: str
    alias: str
    kind: str  # country, demonym, capital, igo, agency, armed_group, institution, bloc, party
    case_sensitive: bool


def _alias(party: str, alias: str, kind: str) -> Alias:
    alias = alias.strip()
    return Alias(party, alias, kind, bool(_AS_WRITTEN.fullmatch(alias)) and not alias.istitle())


def _read(name: str) -> list[dict]:
    with config.data_file(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.lru_cache(maxsize=None)
def aliases() -> tuple[Alias, ...]:
    found: list[Alias] = []
    for row in _read("countries.csv"):
        for column, kind in (("names", "country"), ("demonyms", "demonym"), ("capital", "capital")):
            found += [_alias(row["party"], a, kind) for a in row[column].split("|") if a.strip()]
    for row in _read("organisations.csv"):
        found += [_alias(row["party"], a, row["kind"]) for a in row["aliases"].split("|") if a.strip()]
    return _with_project_parties(found)


def _with_project_parties(found: list[Alias]) -> tuple[Alias, ...]:
    """The project file's parties added (`parley.knowledge.project_file`); an alias it gives a party
    no longer names the party the library gave it ("Brussels" for the EU, not Belgium)."""
    from parley.knowledge import project_file

    added = [_alias(party, alias, "country" if kind == "state" else kind)
             for party, alias, kind in project_file.party_aliases()]
    taken = {fold(a.alias) for a in added}
    return tuple([a for a in found if fold(a.alias) not in taken] + added)


def parties() -> list[str]:
    return sorted({a.party for a in aliases()})


def kind_of_party() -> dict[str, str]:
    """{party: "state" | "igo" | "armed_group" | ...}: what kind of party each one is,
    the parties the article being read introduces itself (`parties_introduced_in`) too."""
    local = _INTRODUCED.get()
    return ChainMap({a.party: a.kind for a in local}, _kind_of_party()) if local else _kind_of_party()


@functools.lru_cache(maxsize=None)
def _kind_of_party() -> dict[str, str]:
    kinds = {row["party"]: "state" for row in _read("countries.csv")}
    for row in _read("organisations.csv"):
        if row["kind"] != "institution":
            kinds.setdefault(row["party"], row["kind"])
    from parley.knowledge import project_file

    for party, _, kind in project_file.party_aliases():
        if kind != "institution":
            kinds[party] = kind
    return kinds


@functools.lru_cache(maxsize=None)
def _kind_of_alias() -> dict[str, str]:
    return {fold(a.alias): a.kind for a in aliases()}


@functools.lru_cache(maxsize=None)
def _by_folded_alias() -> dict[str, str]:
    return {fold(a.alias): a.party for a in aliases() if not a.case_sensitive}


@functools.lru_cache(maxsize=None)
def _exact_alias() -> dict[str, str]:
    return {a.alias: a.party for a in aliases() if a.case_sensitive}


_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_THE_START = re.compile(r"^(?i:the)\s+")


def party_of(word: str) -> str:
    """The party a name, adjective or institution refers to ("Ukrainian" -> "Ukraine",
    "Ansar Allah" -> "Houthis", "the Kremlin" -> "Russia"), else ""."""
    word = _POSSESSIVE_END.sub("", word.strip())
    word = _THE_START.sub("", word)
    found = _exact_alias().get(word) or _by_folded_alias().get(fold(word), "")
    if not found and (local := _INTRODUCED.get()):
        found = next((a.party for a in local if (a.alias == word if a.case_sensitive else fold(a.alias) == fold(word))), "")
    return found


# --- the parties an article introduces itself ------------------------------------------

# The parties of the article being read that no table knows: "the Northern Liberation
# Movement (NLM)" makes "NLM" a party of that article, under its acronym.
_INTRODUCED: ContextVar[tuple[Alias, ...]] = ContextVar("parley_introduced_parties", default=())

_CONNECTORS = r"of|the|for|and|de|del|la|du|des|al|el|in|on|to"
_NAMED_BODY = re.compile(rf"(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|{_CONNECTORS})){{1,8}})"
                         r"\s*\((?P<acronym>[A-Z][A-Z0-9-]{1,7})\)")


@functools.lru_cache(maxsize=1)
def _body_heads() -> dict[str, str]:
    """{folded word: kind} of the words that make a name a party's (`named_body_heads`)."""
    table = _noun_table().get("named_body_heads") or {}
    return {fold(str(word)): kind for kind, words in table.items() for word in words}


def introduced_parties(text: str) -> tuple[Alias, ...]:
    """The parties `text` introduces by a full name and an acronym no table knows ("the
    Party of Civic Renewal (PCR)", "Frente Popular del Valle (FPV)"), each under its
    acronym, with a kind from the name's words (`named_body_heads`: a party's word wins
    over an armed group's). Names of no such word ("Valley Dialogue Initiative (VDI)")
    are left out: what a body is, the text does not say."""
    heads = _body_heads()
    found: dict[str, tuple[Alias, ...]] = {}
    for m in _NAMED_BODY.finditer(text):
        # "Ruritania and the Northern Liberation Movement (NLM)": the name after the last "and"
        words = re.split(r"\s+", m["name"])
        cut = max((i + 1 for i, w in enumerate(words) if w in {"and", "the", "The"}), default=0)
        words = words[cut:]
        while words and not words[0][:1].isupper():
            words = words[1:]
        if len(words) < 2 or m["acronym"] in found:
            continue
        name = " ".join(words)
        kinds = [heads[fold(w)] for w in words if fold(w) in heads]
        if not kinds or party_of(m["acronym"]) or party_of(name):
            continue
        kind = "party" if "party" in kinds else kinds[0]
        found[m["acronym"]] = (_alias(m["acronym"], m["acronym"], kind), _alias(m["acronym"], name, kind))
    return tuple(a for aliases_of in found.values() for a in aliases_of)


@contextmanager
def parties_introduced_in(text: str):
    """While reading `text`, the parties it introduces (`introduced_parties`) are parties
    like the tables' own."""
    token = _INTRODUCED.set(introduced_parties(text))
    try:
        yield
    finally:
        _INTRODUCED.reset(token)


# not inside a name with a particle ("Mohammed Ali al-Houthi" is a person, not the Houthis)
_PARTICLES = ("al", "Al", "el", "El", "ad", "as", "ash", "an", "ar", "az")
# (a particle is a word of its own: "Egyptian-Qatari" names Qatar, whose "an-" ends a demonym)
_BEFORE = r"(?<![\w.])" + "".join(rf"(?<!(?<!\w){p}-)" for p in _PARTICLES)
_AFTER = r"(?!\w)(?:['\u2019]s)?"


@functools.lru_cache(maxsize=None)
def _alias_parts() -> tuple[tuple[re.Pattern, re.Pattern, str], ...]:
    """(a pattern of its first letter, one of its first two, the alias's pattern) of every
    alias, longest first so "Russian Federation" wins over "Russian"."""
    ordered = sorted(aliases(), key=lambda a: (-len(a.alias), a.alias))
    parts = []
    for a in ordered:
        body = re.escape(a.alias).replace(r"\ ", r"\s+")
        first = re.escape(a.alias[0])
        head = re.escape(a.alias[:2]).replace(r"\ ", r"\s")  # every alias has two letters or more
        if not a.case_sensitive:
            body, first, head = f"(?i:{body})", f"(?i:{first})", f"(?i:{head})"
        parts.append((re.compile(first), re.compile(head), body))
    return tuple(parts)


@functools.lru_cache(maxsize=None)
def _alias_pattern() -> re.Pattern:
    """Every alias in one alternation (what `_pattern_at` splits by how they start)."""
    return re.compile(_BEFORE + "(" + "|".join(part for _, _, part in _alias_parts()) + ")" + _AFTER)


@functools.lru_cache(maxsize=None)
def _word_starts() -> re.Pattern:
    """The places an alias may start: where `_alias_pattern`'s look-behinds hold."""
    return re.compile(_BEFORE + r"(?=\w)")


@functools.lru_cache(maxsize=None)
def _starting_with(char: str) -> tuple[tuple[re.Pattern, str], ...]:
    """The aliases whose first letter matches `char` as the regex engine compares them
    (exactly, or ignoring case), in `_alias_parts`'s order."""
    return tuple((head, part) for first, head, part in _alias_parts() if first.fullmatch(char))


@functools.lru_cache(maxsize=None)
def _pattern_at(start: str) -> re.Pattern | None:
    """`_alias_pattern` with only the aliases whose first two letters match `start` (a
    text's next two characters) as the regex engine compares them, in the same order;
    None where none does. Where a text goes on with `start` it matches exactly what the
    whole alternation would, and runs far faster."""
    parts = [part for head, part in _starting_with(start[:1]) if head.match(start) is not None]
    return re.compile(_BEFORE + "(" + "|".join(parts) + ")" + _AFTER) if parts else None


def _alias_matches(text: str):
    """`_alias_pattern().finditer(text)`, one first letter's aliases tried at each word start."""
    starts = _word_starts()
    pos = 0
    while True:
        candidate = starts.search(text, pos)
        if candidate is None:
            return
        at = candidate.start()
        pattern = _pattern_at(text[at : at + 2])
        m = pattern.match(text, at) if pattern is not None else None
        if m is None:
            pos = at + 1
            continue
        yield m
        pos = m.end()


@dataclass(frozen=True)
class PartyMention:
    start: int
    end: int
    text: str
    party: str
    kind: str = ""  # country, demonym, capital, igo, armed_group, institution...


def find_parties(text: str, include_no_party: bool = False) -> list[PartyMention]:
    """Every mention of a party in `text`, with offsets into `text`; with
    `include_no_party`, also the organisations that are no party (`NO_PARTY`)."""
    found = _find_parties(text, _INTRODUCED.get())
    return list(found) if include_no_party else [m for m in found if m.party != NO_PARTY]


@functools.lru_cache(maxsize=4096)
def _find_parties(text: str, introduced: tuple[Alias, ...] = ()) -> tuple[PartyMention, ...]:
    # every party, NO_PARTY's organisations too: one scan answers both questions; the
    # same texts are asked about often
    found = []
    for m in _alias_matches(text):
        alias = re.sub(r"\s+", " ", m.group(1))
        party = party_of(alias)
        if party:
            found.append(PartyMention(m.start(), m.end(), m.group(0), party, _kind_of_alias().get(fold(alias), "")))
    for a in sorted(introduced, key=lambda a: -len(a.alias)):
        body = re.escape(a.alias).replace(r"\ ", r"\s+")
        pattern = re.compile(_BEFORE + (f"({body})" if a.case_sensitive else f"((?i:{body}))") + _AFTER)
        for m in pattern.finditer(text):
            if not any(f.start < m.end() and m.start() < f.end for f in found):
                found.append(PartyMention(m.start(), m.end(), m.group(0), a.party, a.kind))
    return tuple(sorted(found, key=lambda f: f.start))


@functools.lru_cache(maxsize=1)
def _noun_table() -> dict:
    from parley.knowledge import project_file

    return project_file.knowledge_yaml("party_nouns.yml")


def _party_nouns() -> frozenset[str]:
    return frozenset(str(n).lower() for n in _noun_table()["nouns"])


# "Saudi-backed", "Iran-aligned": the party named is the sponsor of what follows.
_SPONSORED = re.compile(r"[\s-]*(?:backed|supported|sponsored|allied|aligned|funded|armed|controlled)\b", re.I)

# Words that may stand between a party and its noun: "internationally recognised", "Saudi-backed".
_DESCRIBING = re.compile(r"(?:ed|ly|al|ive|ist|ary|ous|ian|-\w+)$")


def article_party_nouns(text: str) -> dict[str, str]:
    """{noun: party} for the common nouns that stand for one party in this article:
    "Yemen's internationally recognised government" makes "the government" Yemen's,
    "the Houthi rebels" makes "the rebels" the Houthis', "the Inter-American Commission on
    Human Rights" makes "the commission" the OAS's."""
    ties: dict[str, set[str]] = {}
    nouns = _party_nouns()
    body_nouns = {fold(str(n)) for n in _noun_table()["organisation_nouns"]}
    for found in find_parties(text):
        # "the Inter-American Commission on Human Rights ... the commission's rapporteur"
        for word in {fold(w) for w in re.findall(r"[A-Za-z]+", found.text)} & body_nouns:
            ties.setdefault(word, set()).add(found.party)
        after = text[found.end : found.end + 60]
        before = text[max(0, found.start - 30) : found.start]
        if _SPONSORED.match(after):
            continue  # "the Saudi-backed government": the backer's, not the government's party
        # "Yemen's (internationally recognised) government", "the Houthi rebels", "Afghan government"
        following = re.match(r"(?:-\w+)?((?:\s+(?:[a-z][\w-]*|[A-Z]\w*-[a-z]+)){1,3})", after)
        words = following.group(1).split() if following else []
        noun = next((w for w in words if w in nouns), "")
        if noun and all(_DESCRIBING.search(w) for w in words[: words.index(noun)]):
            ties.setdefault(noun, set()).add(found.party)
        # "the government of Yemen"
        m = re.search(r"\b(?:the|The)\s+([a-z]+)\s+(?:of|in)\s+(?:the\s+)?$", before)
        if m and m.group(1) in nouns:
            ties.setdefault(m.group(1), set()).add(found.party)
        # "the opposition Unitary Platform": the noun before the party's name
        m = re.search(r"\b(?:the|The)\s+([a-z]+)\s+$", before)
        if m and m.group(1) in nouns:
            ties.setdefault(m.group(1), set()).add(found.party)
    found = {noun: parties.pop() for noun, parties in ties.items() if len(parties) == 1}
    kinds = kind_of_party()
    named = {f.party for f in find_parties(text)}
    for kind, nouns in (("igo", "organisation_nouns"), ("armed_group", "armed_group_nouns")):
        of_kind = {p for p in named if kinds.get(p) == kind}
        if len(of_kind) == 1:  # "the bloc", "the rebels" where the article names one such party
            found.update({str(noun): next(iter(of_kind)) for noun in _noun_table()[nouns] if str(noun) not in found})
    faced = {states_faced().get(p, "") for p in named if kinds.get(p) == "armed_group"}
    if len(faced) == 1 and (state := faced.pop()):  # "the LTTE ... the government delegation": Sri Lanka's
        found.update({str(noun): state for noun in _noun_table()["state_nouns"] if str(noun) not in found})
    return found


@functools.lru_cache(maxsize=1)
def states_faced() -> dict[str, str]:
    """{armed group: the state whose government it fights} (`data/states_faced.csv`)."""
    return {row["armed_group"]: row["state"] for row in _read("states_faced.csv")}
