"""Cross-article work compares candidates within blocks, not all pairs: the blocking must
never lose a pair the all-pairs comparison would have linked."""

from itertools import combinations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from parley import people
from parley.quantities import _candidate_pairs


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
    table, persons, _ = people.resolve_persons(rows)
    ids = dict(zip(table["name"], table["person_id"]))
    assert ids["Dmitry Peskov"] == ids["Dmitri Peskow"]
    assert ids["Ivan Lind"] == ids["Lind"]
    assert ids["Anna Peskova"] != ids["Dmitry Peskov"]
