"""People across articles: one person however the name is spelled, and the delegations.

`resolve_persons`: rows whose surnames are the same after folding and transliteration
(`data/transliteration.yml`, rapidfuzz) and whose first names are compatible are one
person; namesakes and roles that disagree become conflict rows. Candidates are compared
within blocks of like surname keys (`_SurnameIndex`), never all pairs. `delegations`
lists each side's members for the report and the figures.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import pandas as pd
from rapidfuzz import fuzz, process

from parley.extract.people.names import _clean_name, _is_full, _transliteration, name_parts, same_person_name, slug
from parley.extract.people.roles import roles_compatible
from parley.extract.people.sides import FORMER_OFFICE, NAMED_NEARBY, SIDE_FROM_GROUP
from parley.tables import COLUMNS, cell_text, row_dicts
from parley.text import fold

# --- one person across articles --------------------------------------------------------


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass
class _Person:
    rows: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # full names (two words or more)


def resolve_persons(people: pd.DataFrame, documents: pd.DataFrame | None = None
                    ) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """People with `person_id`, the persons table, and conflict rows (namesakes,
    ambiguous surnames, roles and sides that disagree between articles). With the
    `documents` table, a person's side filled in from other articles comes from those
    published within `FILL_WINDOW_DAYS` of the article's own date (`_fill_sides`)."""
    people = people.reset_index(drop=True).copy()
    records = row_dicts(people)
    conflicts: list[dict] = []
    persons = _group_rows(records, conflicts)
    ids = _person_ids(records, persons)
    sides = {person_id: _person_side(records, person, conflicts) for person_id, person in zip(ids, persons)}
    person_of_row = {row: pid for pid, person in zip(ids, persons) for row in person.rows}
    people["person_id"] = [person_of_row.get(i, "") for i in range(len(records))]
    people = _fill_sides(people, sides, _sides_in_time(records, persons, _published_days(documents)))
    table = pd.DataFrame([_person_row(records, person, pid, sides[pid]) for pid, person in zip(ids, persons)],
                         columns=COLUMNS["persons"] + ["n_mentions"])
    table = table.sort_values("person_id", kind="mergesort").reset_index(drop=True)
    for person in persons:
        if conflict := _role_conflict(records, person, _canonical_name(records, person)):
            conflicts.append(conflict)
    columns = COLUMNS["people"] + [c for c in people.columns if c not in COLUMNS["people"]]
    conflicts.sort(key=lambda c: (c["kind"], c["subject"], c["values"]))
    return people[columns], table, conflicts


def _order(records: list[dict]) -> list[int]:
    def position(i: int) -> tuple:
        return cell_text(records[i].get("doc_id")), _int(records[i].get("start"), 0), i

    return sorted(range(len(records)), key=position)


class _SurnameIndex:
    """Persons filed under the surname keys of their names, so that a name is compared
    with the persons whose surname is like its own, not with everyone found so far.
    Similar keys (`same_surname`) are computed once per distinct key of the corpus."""

    def __init__(self, keys: list[str]):
        distinct = sorted({k for k in keys if k})
        threshold = _transliteration()[1]
        self._like: dict[str, tuple[str, ...]] = {}
        for key in distinct:
            near = process.extract(key, distinct, scorer=fuzz.ratio, score_cutoff=threshold, limit=None)
            self._like[key] = tuple(sorted({match for match, _, _ in near} | {key}))
        self.named: dict[str, list[int]] = defaultdict(list)  # persons with a full name of that surname
        self.nameless: dict[str, list[int]] = defaultdict(list)  # persons made of a surname alone

    def file(self, index: dict[str, list[int]], name: str, person: int) -> None:
        key = name_parts(name)[1]
        if key and person not in index[key]:
            index[key].append(person)

    def near(self, index: dict[str, list[int]], name: str) -> list[int]:
        """Persons filed under a surname like `name`'s, in the order they were made."""
        key = name_parts(name)[1]
        return sorted({p for like in self._like.get(key, ()) for p in index.get(like, ())})


def _group_rows(records: list[dict], conflicts: list[dict]) -> list[_Person]:
    """Rows of one person together: full names first (they decide who is who), then
    surnames alone, each to the one person with that surname."""
    persons: list[_Person] = []
    namesakes: set[tuple[int, int]] = set()
    order = _order(records)
    names = [cell_text(records[i].get("name")) for i in range(len(records))]
    index = _SurnameIndex([name_parts(n)[1] for n in names if n])
    for i in order:
        name = names[i]
        if not _is_full(name):
            continue
        near = index.near(index.named, name)
        home = next((k for k in near if any(same_person_name(n, name) for n in persons[k].names)), None)
        if home is None:
            namesakes.update((k, len(persons)) for k in near)  # `near` is every person of a like surname
            index.file(index.named, name, len(persons))
            persons.append(_Person([i], [name]))
        else:
            persons[home].rows.append(i)
            persons[home].names.append(name)
            index.file(index.named, name, home)
    conflicts.extend(_namesake_conflict(records, persons[a], persons[b]) for a, b in sorted(namesakes))
    for i in order:
        if names[i] and not _is_full(names[i]):
            _add_surname_row(records, i, persons, conflicts, index)
    return persons


def _add_surname_row(records: list[dict], i: int, persons: list[_Person], conflicts: list[dict],
                     index: _SurnameIndex) -> None:
    """A surname alone joins the one person with that surname; between namesakes the
    role decides, else the row is ambiguous and stays a person of its own."""
    name, role = cell_text(records[i].get("name")), cell_text(records[i].get("role"))
    candidates = [persons[k] for k in index.near(index.named, name)]
    if len(candidates) > 1:
        fitting = [p for p in candidates if role and any(_role_fits(role, records[r]) for r in p.rows)]
        if len(fitting) != 1:
            conflicts.append(_ambiguous_conflict(records, i, candidates))
        candidates = fitting if len(fitting) == 1 else []
    if not candidates:
        candidates = [persons[k] for k in index.near(index.nameless, name)]
    if candidates:
        candidates[0].rows.append(i)
    else:
        index.file(index.nameless, name, len(persons))
        persons.append(_Person([i], []))


def _role_fits(role: str, record: dict) -> bool:
    other = cell_text(record.get("role"))
    return bool(other) and roles_compatible(role, other)


def _canonical_name(records: list[dict], person: _Person) -> str:
    """The full name most articles use (ties: more mentions, diacritics kept, longer)."""
    names = person.names or [cell_text(records[r].get("name")) for r in person.rows]
    docs: dict[str, set] = defaultdict(set)
    mentions: Counter = Counter()
    for r in person.rows:
        name = cell_text(records[r].get("name"))
        if name in names:
            docs[name].add(cell_text(records[r].get("doc_id")))
            mentions[name] += _int(records[r].get("mentions"), 1)
    def preference(n: str) -> tuple:
        return -len(docs[n]), -mentions[n], -sum(ord(c) > 127 for c in n), -len(n), fold(n), n

    return min(set(names), key=preference)


def _person_ids(records: list[dict], persons: list[_Person]) -> list[str]:
    """Readable ids from the canonical name; namesakes get -2, -3 in order of appearance."""
    used: Counter = Counter()
    firsts = [min((cell_text(records[r].get("doc_id")), _int(records[r].get("start"), 0)) for r in p.rows) for p in persons]
    ids = [""] * len(persons)
    for k in sorted(range(len(persons)), key=lambda k: firsts[k]):
        base = slug(_canonical_name(records, persons[k]))
        used[base] += 1
        ids[k] = base if used[base] == 1 else f"{base}-{used[base]}"
    return ids


def _person_side(records: list[dict], person: _Person, conflicts: list[dict]) -> str:
    """The side with the most weight of evidence across the person's articles (guesses
    from a party named nearby count only where no article gives better)."""
    weight: Counter = Counter()
    strongest: dict[str, int] = {}
    only_guesses = not any(cell_text(records[r].get("side")) and not _guessed(records[r])
                           and not _only_former_office(records[r]) for r in person.rows)
    for r in person.rows:
        side = cell_text(records[r].get("side"))
        if not side or _only_former_office(records[r]) or (_guessed(records[r]) and not only_guesses):
            continue
        strength = max(_int(records[r].get("side_strength"), 1), 1)
        weight[side] += strength
        strongest[side] = max(strongest.get(side, 0), strength)
    if not weight:
        return ""
    sure = sorted(s for s, strength in strongest.items() if strength >= SIDE_FROM_GROUP)
    if len(sure) > 1:
        rows = [r for r in person.rows if cell_text(records[r].get("side")) in sure]
        conflicts.append({
            "kind": "person_side",
            "subject": _canonical_name(records, person),
            "values": "|".join(sure),
            "doc_ids": "|".join(sorted({cell_text(records[r].get("doc_id")) for r in rows})),
            "quotes": " | ".join(f"{cell_text(records[r].get('doc_id'))}: {cell_text(records[r].get('quote'))}" for r in rows),
        })
    return min(weight, key=lambda s: (-weight[s], -strongest[s], s))


def _guessed(row) -> bool:
    """A side only a party named beside the person gave: other articles' evidence wins."""
    return cell_text(row.get("side_evidence")).startswith(NAMED_NEARBY)


def _only_former_office(row) -> bool:
    """A side of `other` the article gave only because it calls the person former."""
    return cell_text(row.get("side_evidence")).startswith(FORMER_OFFICE)


FILL_WINDOW_DAYS = 5 * 365  # a term of office: a person's side years apart may be another


def _published_days(documents: pd.DataFrame | None) -> dict[str, int]:
    """{doc_id: day number} of the articles whose publication date is known."""
    if documents is None or "published" not in documents.columns:
        return {}
    days = {}
    for doc_id, published in zip(documents["doc_id"].map(cell_text), documents["published"].map(cell_text)):
        try:
            days[doc_id] = date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            continue
    return days


def _sides_in_time(records: list[dict], persons: list[_Person], days: dict[str, int]) -> dict[int, str]:
    """{row: side} for the rows of persons whose dated articles lie further apart than
    `FILL_WINDOW_DAYS`: the side from the rows published within the window of that row's
    article ("X, the rebels' commander" in 1992 is not the president another article of
    2016 names). Rows of persons whose articles are all near in time are left to the
    person's side."""
    found: dict[int, str] = {}
    for person in persons:
        dated = {r: days[d] for r in person.rows if (d := cell_text(records[r].get("doc_id"))) in days}
        if not dated or max(dated.values()) - min(dated.values()) <= FILL_WINDOW_DAYS:
            continue
        for r in person.rows:
            if r not in dated:
                continue
            near = _Person(rows=[o for o in person.rows if o not in dated or abs(dated[o] - dated[r]) <= FILL_WINDOW_DAYS])
            found[r] = _person_side(records, near, [])
    return found


def _fill_sides(people: pd.DataFrame, sides: dict[str, str], sides_in_time: dict[int, str] | None = None
                ) -> pd.DataFrame:
    """A mention the article leaves without a side, or gives one only as a former office's
    or a guess from a party named nearby, takes the person's side from the others (from
    those near in time, where `sides_in_time` gives that row's)."""
    sides_in_time = sides_in_time or {}
    for column in ("side", "side_evidence"):
        people[column] = people[column].map(cell_text) if column in people.columns else ""
    if not people.index.is_unique:  # rows by label, one at a time
        rows = ((index, people.at[index, "side"], people.loc[index], people.at[index, "person_id"]) for index in people.index)
    else:  # the same values read column by column: a row Series per mention cost seconds at a few hundred articles
        rows = zip(people.index, people["side"].tolist(), ({"side_evidence": e} for e in people["side_evidence"].tolist()),
                   people["person_id"].tolist())
    for index, side_now, row, person_id in rows:
        if cell_text(side_now) and not _only_former_office(row) and not _guessed(row):
            continue
        side = sides_in_time[index] if index in sides_in_time else sides.get(cell_text(person_id), "")
        if side and side != cell_text(side_now):
            people.at[index, "side"] = side
            people.at[index, "side_evidence"] = "other articles"
    return people


def _person_row(records: list[dict], person: _Person, person_id: str, side: str) -> dict:
    rows = [records[r] for r in person.rows]
    variants = set()
    roles: dict[str, str] = {}
    for row in rows:
        variants.add(_clean_name(cell_text(row.get("name"))))
        variants.update(_clean_name(s) for s in cell_text(row.get("surfaces")).split("|") if s.strip())
        for role in [cell_text(row.get("role"))] + cell_text(row.get("roles_seen")).split("|"):
            if role.strip():
                roles.setdefault(fold(role), role)
    doc_ids = sorted({cell_text(row.get("doc_id")) for row in rows})
    return {
        "person_id": person_id,
        "name": _canonical_name(records, person),
        "variants": "|".join(sorted(variants, key=lambda v: (fold(v), v))),
        "roles": "|".join(roles[key] for key in sorted(roles)),
        "side": side,
        "doc_ids": "|".join(doc_ids),
        "n_docs": len(doc_ids),
        "n_mentions": sum(_int(row.get("mentions"), 1) for row in rows),
    }


def _role_conflict(records: list[dict], person: _Person, name: str) -> dict | None:
    """Articles that give one person roles that cannot be one office."""
    given = [(r, cell_text(records[r].get("role"))) for r in person.rows if cell_text(records[r].get("role"))]
    clashing = set()
    for a, role_a in given:
        for b, role_b in given:
            if a < b and records[a].get("doc_id") != records[b].get("doc_id") and not roles_compatible(role_a, role_b):
                clashing.update((a, b))
    if not clashing:
        return None
    rows = sorted(clashing, key=lambda r: (cell_text(records[r].get("doc_id")), _int(records[r].get("start"), 0)))
    values = sorted({cell_text(records[r].get("role")) for r in rows}, key=lambda v: (fold(v), v))
    return {
        "kind": "person_role",
        "subject": name,
        "values": "|".join(values),
        "doc_ids": "|".join(sorted({cell_text(records[r].get("doc_id")) for r in rows})),
        "quotes": " | ".join(f"{cell_text(records[r].get('doc_id'))}: {cell_text(records[r].get('quote'))}" for r in rows),
    }


def _namesake_conflict(records: list[dict], a: _Person, b: _Person) -> dict:
    rows = sorted(a.rows + b.rows, key=lambda r: (cell_text(records[r].get("doc_id")), _int(records[r].get("start"), 0)))
    names = sorted({_canonical_name(records, a), _canonical_name(records, b)}, key=lambda v: (fold(v), v))
    return {
        "kind": "person_namesake",
        "subject": names[0].split()[-1],
        "values": "|".join(names),
        "doc_ids": "|".join(sorted({cell_text(records[r].get("doc_id")) for r in rows})),
        "quotes": " | ".join(f"{cell_text(records[r].get('doc_id'))}: {cell_text(records[r].get('quote'))}" for r in rows),
    }


def _ambiguous_conflict(records: list[dict], row: int, candidates: list[_Person]) -> dict:
    names = sorted({_canonical_name(records, p) for p in candidates}, key=lambda v: (fold(v), v))
    return {
        "kind": "person_ambiguous_name",
        "subject": cell_text(records[row].get("name")),
        "values": "|".join(names),
        "doc_ids": cell_text(records[row].get("doc_id")),
        "quotes": f"{cell_text(records[row].get('doc_id'))}: {cell_text(records[row].get('quote'))}",
    }


# --- the delegations view --------------------------------------------------------------


def delegations(people: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """For each side its members, the role most articles give them, every role, and how
    many articles name them; sorted by side (unknown last), articles, name."""
    columns = ["side", "person_id", "name", "role", "roles", "n_docs", "doc_ids"]
    if persons is None or persons.empty:
        return pd.DataFrame(columns=columns)
    # each person's mentions gathered in one pass, not one scan of every mention per person
    roles_of: dict[str, list[tuple[str, str]]] = {}
    if "person_id" in people.columns:
        for doc_id, role, person_id in zip(people["doc_id"], people["role"], people["person_id"]):
            if cell_text(role):
                roles_of.setdefault(person_id, []).append((cell_text(doc_id), cell_text(role)))
    rows = []
    for person in row_dicts(persons):
        rows.append({
            "side": cell_text(person.get("side")),
            "person_id": person["person_id"],
            "name": person["name"],
            "role": _usual_role(roles_of.get(person["person_id"], [])),
            "roles": cell_text(person.get("roles")),
            "n_docs": _int(person.get("n_docs"), 0),
            "doc_ids": cell_text(person.get("doc_ids")),
        })
    table = pd.DataFrame(rows, columns=columns)
    table["_unknown"] = table["side"] == ""
    table["_name"] = table["name"].map(fold)
    table = table.sort_values(
        ["_unknown", "side", "n_docs", "_name"], ascending=[True, True, False, True], kind="mergesort"
    )
    return table.drop(columns=["_unknown", "_name"]).reset_index(drop=True)


def _usual_role(roles: list[tuple[str, str]]) -> str:
    """The role most of the person's articles give (ties: the earliest article's), from
    (doc_id, role) of each mention that has one."""
    if not roles:
        return ""
    roles = sorted(roles)
    counts = Counter(fold(role) for _, role in roles)
    first_seen = {}
    for position, (_, role) in enumerate(roles):
        first_seen.setdefault(fold(role), (position, role))
    key = min(counts, key=lambda k: (-counts[k], first_seen[k][0]))
    return first_seen[key][1]
