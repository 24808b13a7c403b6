"""Cross-article work compares candidates within blocks, not all pairs: the blocking must
never lose a pair the all-pairs comparison would have linked."""

from itertools import combinations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from parley.across.conflicts import _candidate_pairs
from parley.across.persons import resolve_persons


def _jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.frozensets(st.sampled_from("abcdefghij"), max_size=7), min_size=2, max_size=12),
    st.sampled_from([0.1, 0.2, 0.3, 0.5, 0.7, 1.0]),
)
def test_prefix_filtering_keeps_every_pair_at_or_above_the_threshold(sets, threshold):
    block = list(range(len(sets)))
    candidates = set(_candidate_pairs(block, sets, threshold))
    for i, j in combinations(block, 2):
        if sets[i] | sets[j] and _jaccard(sets[i], sets[j]) >= threshold:
            assert (i, j) in candidates, (sets[i], sets[j])


def test_persons_found_through_the_surname_index_match_the_all_pairs_rules():
    # a transliterated surname (Peskov/Peskow) still joins; a namesake stays apart; a
    # surname alone joins the one person of a like surname
    rows = pd.DataFrame([
        {"doc_id": "a", "start": 0, "end": 1, "name": "Dmitry Peskov", "role": "spokesman", "side": "Russia", "mentions": 1, "quote": ""},
        {"doc_id": "b", "start": 0, "end": 1, "name": "Dmitri Peskow", "role": "", "side": "", "mentions": 1, "quote": ""},
        {"doc_id": "c", "start": 0, "end": 1, "name": "Anna Peskova", "role": "", "side": "", "mentions": 1, "quote": ""},
        {"doc_id": "d", "start": 0, "end": 1, "name": "Ivan Lind", "role": "envoy", "side": "Norway", "mentions": 1, "quote": ""},
        {"doc_id": "e", "start": 0, "end": 1, "name": "Lind", "role": "", "side": "", "mentions": 1, "quote": ""},
    ])
    table, persons, _ = resolve_persons(rows)
    ids = dict(zip(table["name"], table["person_id"]))
    assert ids["Dmitry Peskov"] == ids["Dmitri Peskow"]
    assert ids["Ivan Lind"] == ids["Lind"]
    assert ids["Anna Peskova"] != ids["Dmitry Peskov"]


def _all_pairs_conflicts(df, threshold=0.3):
    """quantity_conflicts' groups the slow way: every pair of rows compared."""
    from parley.across.conflicts import _content_words, _key, _number

    rows = sorted(df.to_dict("records"), key=lambda r: (str(r["doc_id"]), _number(r["start"]) or 0))
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(rows)), 2):
        a, b = rows[i], rows[j]
        x, y = _content_words(a["context"]), _content_words(b["context"])
        if (a["doc_id"] != b["doc_id"] and _key(a) == _key(b) and len({a["verb"], b["verb"]} - {""}) <= 1
                and x | y and len(x & y) / len(x | y) >= threshold):
            parent[find(j)] = find(i)
    groups = {}
    for i, row in enumerate(rows):
        groups.setdefault(find(i), []).append(row)
    return sorted(
        ("|".join(sorted({str(_number(r["value"])) for r in g})), "|".join(sorted({r["doc_id"] for r in g})))
        for g in groups.values() if len({_number(r["value"]) for r in g}) > 1 and len({r["doc_id"] for r in g}) > 1
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(
    st.tuples(st.sampled_from(["a", "b", "c"]), st.sampled_from([10, 20, 30]), st.sampled_from(["prisoners", "trucks"]),
              st.sampled_from(["", "freed", "sent"]),
              st.lists(st.sampled_from(["border", "camp", "released", "convoy", "night", "north", "aid"]), max_size=4)),
    min_size=2, max_size=14,
))
def test_quantity_groups_are_those_of_comparing_every_pair(rows):
    from parley.across.conflicts import _number, quantity_conflicts

    df = pd.DataFrame([{"doc_id": d, "value": v, "unit": u, "counts": "", "verb": verb, "start": k, "end": k + 1,
                        "quote": "", "context": " ".join(words)} for k, (d, v, u, verb, words) in enumerate(rows)])
    found = sorted(("|".join(sorted(str(_number(x)) for x in c["values"].split("|"))), c["doc_ids"])
                   for c in quantity_conflicts(df))
    assert found == _all_pairs_conflicts(df)
