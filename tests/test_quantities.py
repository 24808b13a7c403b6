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
    assert [(r["value"], r["unit"], r["counts"]) for r in rows] == [(0.33, "fraction", "the bombers")]  # two decimals, as annotated


def test_money_and_percentages():
    assert _values("The EU pledged $1.5 billion, or 40% of the fund.") == [(1_500_000_000, "USD"), (40, "percent")]
    assert [r["quote"] for r in _rows("Turnout was 62 per cent.")] == ["was 62 per cent"]  # both words quoted


@pytest.mark.parametrize("text, expected", [
    # written numbers and scales
    ("Israel will free a dozen detainees.", [(12, "detainees")]),
    ("Some half a million people fled.", [(500_000, "people")]),
    ("Hundreds of people and dozens of soldiers gathered.", []),  # no number
    ("Two hundred and fifty prisoners were freed.", [(250, "prisoners")]),
    ("One Israeli soldier was killed.", [(1, "killed")]),  # "one" is a count of casualties
    ("The talks were postponed by a couple of days.", [(2, "days")]),
    # scales glued to a figure, currencies beyond the dollar
    ("Russia's central bank has $2bn frozen in Belgium.", [(2_000_000_000, "USD")]),
    ("The EU pledged \u20ac300m in aid and Britain \u00a35m.", [(300_000_000, "EUR"), (5_000_000, "GBP")]),
    ("Some 1.5m people fled.", [(1_500_000, "people")]),
    ("Costs run to \u20b41.2 billion.", [(1_200_000_000, "UAH")]),
    ("A $1.5-billion package was agreed.", [(1_500_000_000, "USD")]),
    ("Support fell to 40pc last month.", [(40, "percent")]),
    ("Between 10 and 15 per cent of aid arrived.", [(10, "percent"), (15, "percent")]),
    ("They built a 700m wall.", [(700, "m wall")]),  # metres, not a million
    # a decimal is no time of day, "per cent" is two words
    ("Iran may enrich to no more than 3.67 percent for 15 years.", [(3.67, "percent"), (15, "years")]),
    ("Turnout was 62 per cent.", [(62, "percent")]),
    ("The talks began at 10.30 and ended at 14.45 local time.", []),
    # ranges and brackets
    ("The ceasefire would last 24-48 hours.", [(24, "hours"), (48, "hours")]),
    ("The ceasefire would last 24\u201348 hours.", [(24, "hours")]),
    ("Some 390 (195 from each side) prisoners were exchanged.", [(390, "prisoners"), (195, "prisoners")]),
    # the counted noun elsewhere in the clause
    ("The WHO puts the death toll at close to 10,000 since the war began.", [(10_000, "killed")]),
    ("Officials said only 3 of 100 aid lorries had been let through.", [(3, "aid lorries"), (100, "aid lorries")]),
    ("The text was signed by 12 of the 15 council members.", [(12, "council members"), (15, "council members")]),
    ("Iran will cut its centrifuges by two-thirds, from almost 20,000 to 6,104; only 5,060 of those may enrich.",
     [(0.67, "fraction"), (20_000, "centrifuges"), (6104, "centrifuges"), (5060, "centrifuges")]),
    ("It will have two members from the parties and one from the monitoring team.", [(2, "members"), (1, "members")]),
    ("According to the ministry, 39 Thai citizens died in the assault and 26 were abducted.", [(39, "dead"), (26, "dead")]),
    # a bare number completing a verb: a total of the subject, a casualty, people moved
    ("The number of hostages still held rose to 48.", [(48, "hostages")]),
    ("Deaths have reached 1,000.", [(1000, "deaths")]),
    ("The tally stood at 50 on Monday.", []),  # a total of what, the clause does not say
    ("Another 20 were wounded.", [(20, "wounded")]),
    ("A further 303 were freed on Sunday.", [(303, "freed")]),
    ("Russia and Ukraine each released 84.", [(84, "released")]),
    ("Hamas said 84 returned home.", []),
    # "the" before a number and an adjective: a count when the noun is no referring one
    ("Ships have sailed from the three designated ports.", [(3, "designated ports")]),
    ("The two main parties met.", []),
    ("The two delegations have talked for nearly a decade.", [(10, "years")]),
])
def test_number_patterns_news_writes(text, expected):
    assert _values(text) == expected


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


@pytest.mark.parametrize("text, expected", [
    ("The fighting has killed more than 600 people and displaced about 700,000 inside the country.",
     [(600, "killed", "kill"), (700000, "displaced", "displace")]),
    ("The strikes killed 40 people and wounded another 120.", [(40, "killed", "kill"), (120, "wounded", "wound")]),
    ("Israel freed 39 prisoners and Hamas released another 24.",
     [(39, "prisoners", "free"), (24, "prisoners", "release")]),
])
def test_a_bare_number_after_a_casualty_count_is_counted_by_its_own_verb(text, expected):
    assert [(r["value"], r["unit"], r["verb"]) for r in _rows(text)] == expected


@pytest.mark.parametrize("text", [
    "They will hold a presidential election in the second half of 2024.",
    "Talks will resume in the first half of next year.",
])
def test_half_of_a_year_is_a_time_not_a_fraction(text):
    assert _values(text) == []


def test_half_of_a_fleet_is_a_fraction():
    assert _values("Half of the fleet left port.") == [(0.5, "fraction")]


@pytest.mark.parametrize("text, expected", [
    ("The meeting ran for two and a half hours.", [(2.5, "hours")]),
    ("The accord ended a three-and-a-half-year blockade.", [(3.5, "year")]),
    ("Two and a half million people fled the fighting.", [(2500000, "people")]),
    ("The envoys signed the five-page document.", [(5, "page")]),
    ("The six-member bloc met in the capital.", [(6, "member")]),
])
def test_and_a_half_and_a_number_word_before_a_hyphenated_measure(text, expected):
    assert _values(text) == expected


def test_a_number_after_of_counts_the_noun_before_it_where_no_noun_follows():
    assert _values("A UN peacekeeping mission of 12,000 is deployed in the country. He died at the age of 45. "
                   "A force of 5,000 troops arrived.") == [(12000, "un peacekeeping mission"), (5000, "troops")]


def test_people_driven_from_their_homes_are_counted_by_the_verb():
    assert (2000000, "driven") in _values("The war has driven two million from their homes.")


def test_a_number_of_a_noun_counts_the_noun():
    assert _values("While 181 detainees go home, 706 of their own men held by the other side return. "
                   "Twelve of the hostages were freed. One of the envoys spoke.") == [
        (181, "detainees"), (706, "own men"), (12, "hostages")]
