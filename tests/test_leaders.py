"""data/leaders.csv and its lookup (parley.knowledge.leaders): the table is well formed,
covers every state, and a name gives the
side of whoever held the office on the day, in every region, and none outside the term."""

import csv
import re
from collections import Counter

import pytest
from rapidfuzz import process
from rapidfuzz.distance import Indel

from parley import config
from parley.knowledge import leaders

# heads of state and government and foreign ministers only, as the brief allows: an
# organisation's officials get their side from the text ("UN Secretary-General X")
OFFICES = {"head_of_state", "head_of_government", "foreign_minister"}


def _rows(name: str) -> list[dict[str, str]]:
    with config.data_file(name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


TABLE = _rows("leaders.csv")
STATES = {row["party"]: row["status"] for row in _rows("countries.csv")}


def test_every_party_is_a_state_spelled_as_in_countries_csv():
    assert {row["party"] for row in TABLE} <= set(STATES)


def test_offices_are_the_three_the_brief_allows():
    assert {row["office"] for row in TABLE} == OFFICES


def test_dates_are_iso_and_a_term_ends_after_it_starts_and_by_the_as_of_date():
    iso = re.compile(r"\d{4}-\d{2}-\d{2}")
    for row in TABLE:
        assert iso.fullmatch(row["start"]), row
        assert not row["end"] or (iso.fullmatch(row["end"]) and row["start"] <= row["end"] <= leaders.AS_OF), row


def test_no_duplicate_rows_and_every_row_names_someone():
    assert not [row for row, n in Counter(tuple(r.values()) for r in TABLE).items() if n > 1]
    for row in TABLE:
        assert row["name"].strip() and all(alias.strip() for alias in row["aliases"].split("|") if row["aliases"]), row


def test_every_un_member_and_observer_state_is_covered():
    covered = {row["party"] for row in TABLE}
    assert [party for party in STATES if party not in covered] == []


def test_every_state_is_covered_through_the_window_it_is_asked_about():
    """Someone holds one of the three offices of each state on a day in 2015 and in 2025
    (San Marino lists only its foreign ministers; its captains regent change twice a year)."""
    for day in ("2015-06-01", "2025-06-01"):
        held = {row["party"] for row in TABLE if row["start"] <= day and (not row["end"] or day <= row["end"])}
        assert [party for party in STATES if party not in held] == [], day


def test_every_state_is_covered_before_2014_back_to_1990():
    """Earlier terms are there too: on a day in 1995, 2005 and 2010 every state that existed
    has a holder of one of the three offices, but San Marino before 2008 (of its foreign
    ministers, only those from 2008 on are known with confidence)."""
    for day, not_yet in (("1995-06-01", ["Kosovo", "South Sudan", "Timor-Leste"]), ("2005-06-01", ["South Sudan"]),
                         ("2010-06-01", ["South Sudan"])):
        held = {row["party"] for row in TABLE if row["start"] <= day and (not row["end"] or day <= row["end"])}
        missing = [party for party in STATES if party not in held and party != "San Marino"]
        assert missing == not_yet, day


@pytest.mark.parametrize("name, day, side", [
    ("Ramtane Lamamra", "2022-01-10", "Algeria"),           # Africa, foreign minister (third term)
    ("Lamamra", "2020-06-01", ""),                          # ... Boukadoum held it then
    ("Augustine Mahiga", "2017-06-01", "Tanzania"),
    ("Mahiga", "2014-06-01", ""),
    ("Vivian Balakrishnan", "2020-03-01", "Singapore"),     # Asia
    ("Balakrishnan", "2014-06-01", ""),
    ("Prachanda", "2023-06-01", "Nepal"),                   # a prime minister by his nom de guerre
    ("Santiago Cafiero", "2022-06-01", "Argentina"),        # Latin America
    ("Cafiero", "2024-06-01", ""),
    ("Tokayev", "2020-01-15", "Kazakhstan"),                # Central Asia
    ("Nikos Dendias", "2021-05-01", "Greece"),              # Europe
    ("Moussa Faki Mahamat", "2016-05-01", "Chad"),          # foreign minister, then the AU's: no row
    ("Moussa Faki Mahamat", "2020-05-01", ""),
    ("Donald Tusk", "2024-03-01", "Poland"),
    ("Donald Tusk", "2017-03-09", ""),                      # the European Council's president then
    ("Yulia Svyrydenko", "2025-09-15", "Ukraine"),          # changes after mid-2025, up to AS_OF
    ("Anutin Charnvirakul", "2025-10-01", "Thailand"),
    ("Phumtham Wechayachai", "2025-07-28", "Thailand"),     # acting prime minister at the July ceasefire talks
    ("Anutin Charnvirakul", "2025-06-01", ""),
    ("Sanae Takaichi", "2025-11-20", "Japan"),
    ("Sanae Takaichi", "2026-03-01", "Japan"),              # after AS_OF: still in office, as far as we know
    ("Nelson Mandela", "1996-06-01", "South Africa"),       # holders before 2014, back to 1990
    ("Mandela", "2001-06-01", ""),
    ("Boris Yeltsin", "1993-10-01", "Russia"),
    ("Fernando Henrique Cardoso", "1998-01-01", "Brazil"),
    ("Junichiro Koizumi", "2003-01-01", "Japan"),
    ("Koizumi", "2009-01-01", ""),
])
def test_a_name_gives_the_side_of_its_holder_on_the_day_and_none_outside_the_term(name, day, side):
    assert leaders.side_of(name, day) == side


def test_the_surname_index_finds_what_comparing_every_key_finds():
    """A surname the table spells finds that key alone; any other finds every key the fuzzy
    comparison accepts, though only keys of a length it may accept are compared:
    each surname in the table with one letter dropped, and a few spellings outside it."""
    keys = list(leaders._by_surname())
    probes = sorted({key[:i] + key[i + 1:] for key in keys if len(key) > 5 for i in (1, len(key) // 2)} - set(keys))
    probes += ["zelenskyi", "hontcharuk", "ishtayyeh", "lavrow", "guteres", "abdelazis"]
    scores = process.cdist(probes, keys, scorer=Indel.normalized_similarity, workers=1)
    for probe, row in zip(probes, scores):
        by_comparison = {key for key, score in zip(keys, row) if score >= leaders._SURNAME_SIMILARITY}
        assert set(leaders._surnames_like(probe)) == by_comparison, probe
    assert all(leaders._surnames_like(key) == (key,) for key in keys)


def test_a_spelled_surname_or_full_name_is_not_read_as_a_near_one():
    assert leaders.side_of("Mohamud", "2023-01-01") == "Somalia"  # not Djibouti's prime minister Mohamed
    assert leaders.side_of("Hoti", "2020-09-04") == "Kosovo"
    assert leaders.side_of("Juan Manuel Santos", "2016-09-26") == "Colombia"  # not José Eduardo dos Santos
    assert leaders.side_of("Santos", "2016-09-26") == ""  # the surname alone is both
    assert leaders.side_of("Abd Rabbuh Mansur Hadi", "2015-03-26") == "Yemen"


def test_a_name_written_family_name_first_is_found_by_the_full_name():
    assert leaders.side_of("Moon Jae-in", "2018-06-12") == "South Korea"
    assert leaders.side_of("Moon Jae-in", "2016-06-12") == ""  # before his term
    assert leaders.side_of("Tsai Ing-wen", "2020-01-01") == "Taiwan"


def test_an_office_narrows_holders_of_one_surname():
    assert leaders.side_of("Sharif", "2025-03-04") == ""  # Pakistan's prime minister, Sudan's foreign minister
    assert leaders.side_of("Sharif", "2025-03-04", frozenset({"head_of_government"})) == "Pakistan"
    assert leaders.side_of("Sharif", "2025-03-04", frozenset({"head_of_state"})) == ""


def test_congo_in_the_news_is_the_democratic_republic_and_brazzaville_is_named_in_full():
    from parley.knowledge.sides import party_of

    assert party_of("Congo") == "Democratic Republic of the Congo"
    assert party_of("Democratic Republic of Congo") == "Democratic Republic of the Congo"
    assert party_of("Republic of Congo") == "Republic of the Congo"
    assert party_of("Congo-Brazzaville") == "Republic of the Congo"
