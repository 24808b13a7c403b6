"""Quantities: numbers with their unit, in figures and in words, never dates or times;
and numbers that disagree between articles."""

from __future__ import annotations

import pandas as pd
import pytest

from parley import config, nlp
from parley import evaluate as ev
from parley.across.conflicts import quantity_conflicts
from parley.extract.quantities import extract_quantities
from parley.read.corpus import parse_article, read_corpus
from parley.text import quote

HEADLINE = "Talks resume in the capital\n\n"


def _rows(text: str, doc_id: str = "synthetic"):
    article = parse_article(HEADLINE + text, doc_id=doc_id)
    return extract_quantities(article, nlp.parse(article.body))


def _values(text: str) -> list[tuple]:
    return [(r["value"], r["unit"]) for r in _rows(text)]


def test_numbers_in_figures_with_the_noun_they_count():
    assert _values("Russia launched 472 drones and 48 missiles at Ukraine overnight.") == [
        (472, "drones"), (48, "missiles")]
    assert _values("The talks ended in an agreement to exchange 1,000 prisoners of war from each side.") == [
        (1000, "prisoners of war")]
    assert _values("The second day saw 307 military personnel swapped.") == [(307, "military personnel")]


def test_hyphenated_measures():
    rows = _rows("Ukraine's proposal includes a 30-day renewable ceasefire. Ukraine's 14-member delegation arrived.")
    assert [(r["value"], r["unit"], r["counts"]) for r in rows] == [(30, "day", "ceasefire"), (14, "member", "delegation")]


def test_casualties_take_the_verb_as_unit():
    assert _values("A missile strike killed 12 Ukrainian soldiers and injured 60 others.") == [
        (12, "killed"), (60, "injured")]
    assert _values("Officials reported 12 killed and 60 injured on Monday.") == [(12, "killed"), (60, "injured")]
    assert _values("More than 50,000 people have been killed since the war began.") == [(50000, "killed")]


def test_number_words_and_fractions():
    assert _values("The delegation will withdraw for one week.") == [(1, "week")]
    assert _values("Fourteen members and twenty-five prisoners were named.") == [(14, "members"), (25, "prisoners")]
    rows = _rows("The strike disabled a third of the bombers.")
    assert [(round(r["value"], 4), r["unit"], r["counts"]) for r in rows] == [(0.3333, "fraction", "the bombers")]


def test_money_and_percentages():
    assert _values("The EU pledged $1.5 billion, or 40% of the fund.") == [(1_500_000_000, "USD"), (40, "percent")]


def test_dates_times_ordinals_and_references_are_not_quantities():
    text = ("On May 16, 2025, the talks began at 1:00 pm local time. Updated 21:17, 02-Jun-2025. "
            "The second round followed the first in February 2022. The two sides met; both delegations sat down. "
            "It was one of the largest attacks.")
    assert _rows(text) == []


def test_rows_carry_offsets_into_the_raw_file():
    raw = HEADLINE + "Overnight,\u00a0Russia launched 472\u00a0drones at Ukraine."
    article = parse_article(raw, doc_id="offsets")
    [row] = extract_quantities(article, nlp.parse(article.body))
    assert list(row)[:6] == ["doc_id", "value", "unit", "start", "end", "quote"]
    assert quote(raw, row["start"], row["end"]) == row["quote"] == "launched 472 drones"
    assert row["text"] == "472" and row["verb"] == "launch"


# --- conflicts -------------------------------------------------------------------------


def _table(*texts) -> pd.DataFrame:
    rows = []
    for index, text in enumerate(texts):
        rows += _rows(text, doc_id=f"doc{index}")
    return pd.DataFrame(rows)


def test_conflict_when_articles_count_the_same_thing_differently():
    table = _table("Russia launched 472 drones at Ukraine overnight, officials said.",
                   "Overnight Russia launched 479 drones at Ukraine, the air force said.")
    assert [(c["kind"], c["values"], c["doc_ids"]) for c in quantity_conflicts(table)] == [
        ("quantity", "472|479", "doc0|doc1")]
    assert "drones" in quantity_conflicts(table)[0]["subject"]


def test_no_conflict_for_agreeing_or_unrelated_numbers():
    assert quantity_conflicts(_table("Russia launched 472 drones at Ukraine overnight.",
                                     "Russia launched 472 drones at Ukraine overnight.")) == []
    # same unit, different events
    assert quantity_conflicts(_table("The first round lasted less than two hours in Istanbul.",
                                     "Peace negotiations hosted by Turkey on Monday afternoon lasted four hours.")) == []
    # different things counted
    assert quantity_conflicts(_table("Russia launched 472 drones at Ukraine overnight.",
                                     "Russia launched 40 missiles at Ukraine overnight.")) == []
    assert quantity_conflicts(pd.DataFrame()) == []


# --- acceptance against the gold -------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    corpus = read_corpus(config.default_seeds_dir())
    rows = []
    for article in corpus.articles:
        rows += extract_quantities(article, nlp.parse(article.body))
    return pd.DataFrame(rows), ev.load_gold(config.GOLD_PATH), {a.doc_id: a.raw for a in corpus.articles}


def test_gold_quantities_found_with_the_right_value(seeds):
    quantities, gold, raw = seeds
    score = ev.score_quantities(quantities, gold, raw)
    assert score["recall"] >= 0.95, score.errors.to_string()
    assert score["n_found_by_value_only"] == 0  # every one found at its place in the text


def test_no_dates_or_years_among_the_seed_quantities(seeds):
    quantities, _, _ = seeds
    assert not quantities["value"].between(1900, 2100).any()
    assert quantity_conflicts(quantities) == []  # the seeds agree on every number they share
