"""Numbers that disagree between articles: the same thing counted with different values.

`quantity_conflicts` links the rows of quantities.csv that count the same thing in
different articles (same unit and verb, alike context words) and reports each linked
group holding more than one value as a conflicts.csv row. Rows are compared within
blocks of one unit, through candidate pairs only (`_candidate_pairs`, prefix
filtering), never all pairs. Disagreements about people are found in
`parley.across.persons`, about dates in `parley.across.timeline`.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter

from parley.extract.quantities import _data, _plain
from parley.tables import row_dicts

_STOPWORDS = frozenset(
    "a an the of to in on at for from by with and or but as is was were be been are has have had that this "
    "these those it its their his her which who than more less over under about after before since".split()
)


def _content_words(text: str) -> set[str]:
    words = re.findall(r"[a-z]+", str(text).lower())
    return {w.rstrip("s") for w in words if w not in _STOPWORDS and len(w) > 2}


def _key(row) -> tuple[str, str]:
    unit = str(row.get("unit") or "").lower()
    counts = str(row.get("counts") or unit).lower()
    singular = lambda s: " ".join(w.rstrip("s") if len(w) > 3 else w for w in s.split())  # noqa: E731
    return singular(unit), singular(counts)


def _candidate_pairs(block: list[int], words: list[frozenset], threshold: float):
    """The pairs of rows of `block` whose word sets may reach `threshold` (Jaccard), in
    order; the others cannot. Prefix filtering: with words in one fixed order (rarest
    first), two sets with Jaccard >= t share a word among the first |x| - ceil(t|x|) + 1 of
    each (floor is used: a longer prefix only adds candidates, never loses one)."""
    if threshold <= 0:
        yield from itertools.combinations(block, 2)
        return
    frequency = Counter(w for i in block for w in words[i])
    rank = {w: (n, w) for w, n in frequency.items()}
    seen_with: dict[str, list[int]] = {}
    for j in block:
        prefix = sorted(words[j], key=rank.__getitem__)[: len(words[j]) - math.floor(threshold * len(words[j])) + 1]
        partners = sorted({i for w in prefix for i in seen_with.get(w, ())})
        for i in partners:
            yield i, j
        for w in prefix:
            seen_with.setdefault(w, []).append(j)


def quantity_conflicts(quantities) -> list[dict]:
    """Numbers that disagree between articles about the same thing: rows of conflicts.csv
    (`kind` "quantity", `subject`, `values` and `doc_ids` joined by "|", and `quotes`,
    "doc_id: quote" joined by " | ")."""
    if quantities is None or len(quantities) == 0:
        return []
    threshold = float(_data().get("conflict_min_similarity", 0.3))
    rows = [r for r in row_dicts(quantities) if _number(r.get("value")) is not None]
    rows.sort(key=lambda r: (str(r.get("doc_id")), _number(r.get("start")) or 0))
    # link rows that count the same thing in different articles; conflicts are the linked
    # groups holding more than one value
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i, j):
        parent[find(j)] = find(i)

    # Rows alike in unit, verb and context words ("alike") link or not as one: compared
    # once per pair of such sets rather than per pair of rows, within blocks of one unit,
    # through candidate pairs only (`_candidate_pairs`). The linked groups are the same as
    # comparing every pair of rows.
    alike: dict[tuple, list[int]] = {}
    for index, row in enumerate(rows):
        words = frozenset(_content_words(row.get("context") or row.get("quote") or ""))
        if words:  # no content word: like nothing (Jaccard 0)
            alike.setdefault((_key(row), str(row.get("verb") or ""), words), []).append(index)
    sets = list(alike.items())
    docs = [{rows[i]["doc_id"] for i in members} for _, members in sets]
    for (_, _, _), members in sets:
        if len({rows[i]["doc_id"] for i in members}) > 1:  # identical rows of two articles link
            for i in members[1:]:
                union(members[0], i)
    blocks: dict[tuple[str, str], list[int]] = {}
    for index, ((key, _, _), _) in enumerate(sets):
        blocks.setdefault(key, []).append(index)
    words_of = [words for (_, _, words), _ in sets]
    for block in blocks.values():
        for a, b in _candidate_pairs(block, words_of, threshold):
            (_, verb_a, words_a), members_a = sets[a]
            (_, verb_b, words_b), members_b = sets[b]
            if find(members_a[0]) == find(members_b[0]) or (len(docs[a]) == 1 and docs[a] == docs[b]):
                continue  # already one group, or one article's rows alone: no link
            if verb_a and verb_b and verb_a != verb_b:
                continue
            if len(words_a & words_b) / len(words_a | words_b) >= threshold:
                for i in members_a + members_b:  # every row of a set links to the other set
                    union(members_a[0], i)
    groups: dict[int, list[dict]] = {}
    for index, row in enumerate(rows):
        groups.setdefault(find(index), []).append(row)
    conflicts = []
    for members in groups.values():
        values = sorted({_number(r["value"]) for r in members})
        if len(values) < 2 or len({r["doc_id"] for r in members}) < 2:
            continue
        unit, counts = _key(members[0])
        subject = str(members[0].get("counts") or members[0].get("unit"))
        if members[0].get("unit") and str(members[0]["unit"]).lower() not in subject.lower():
            subject = f"{subject} ({members[0]['unit']})"
        conflicts.append({
            "kind": "quantity",
            "subject": subject,
            "values": "|".join(_format(v) for v in values),
            "doc_ids": "|".join(sorted({str(r["doc_id"]) for r in members})),
            "quotes": " | ".join(dict.fromkeys(f"{r['doc_id']}: {r.get('quote') or ''}" for r in members)),
        })
    return sorted(conflicts, key=lambda c: (c["subject"], c["values"]))


def _number(value) -> float | None:
    try:
        number = float(str(value).replace(",", ""))
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _format(value: float) -> str:
    return str(_plain(value))
