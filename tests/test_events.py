"""Dated events in one article: the clause a date belongs to, its description, offsets;
and, on the seeds, the gold's dated events found with the right date."""

import pandas as pd
import pytest

from parley import config, evaluate, nlp
from parley.across.timeline import resolve_years
from parley.extract.events import extract_events
from parley.read.corpus import parse_article, read_corpus
from parley.text import normalize

HEADER = "Talks resume in Geneva after a long pause\n\nThe Wire Desk\n\nJune 02, 2025\n\n"


def events_of(body: str, header: str = HEADER, doc_id: str = "t"):
    article = parse_article(header + body, doc_id=doc_id)
    return article, extract_events(article, nlp.parse(article.body))


def by_text(rows):
    return {r["date_text"]: r for r in rows}


def test_two_dates_in_one_sentence_get_their_own_clause():
    _, rows = events_of(
        "On Sunday, Ukraine struck Russian air bases in a series of drone attacks, after Russia "
        "launched a record number of drones against Ukraine overnight Saturday."
    )
    sunday, saturday = by_text(rows)["Sunday"], by_text(rows)["overnight Saturday"]
    assert (sunday["date"], saturday["date"]) == ("2025-06-01", "2025-05-31")
    assert sunday["description"].startswith("Ukraine struck Russian air bases")
    assert "overnight Saturday" not in sunday["quote"] and "Sunday" not in saturday["quote"]
    assert saturday["description"] == "Russia launched a record number of drones against Ukraine"
    assert (sunday["actors"], saturday["actors"]) == ("Ukraine", "Russia")


def test_description_is_the_core_of_the_clause():
    _, rows = events_of(
        "To recall, on May 16, 2025, Russia and Ukraine held their first direct peace talks in over three "
        "years in Istanbul, marking a cautious step toward resolving the conflict."
    )
    (row,) = rows
    assert row["description"] == "Russia and Ukraine held their first direct peace talks in Istanbul"
    assert (row["date"], row["precision"], row["basis"]) == ("2025-05-16", "day", "explicit")


def test_date_of_an_event_noun_dates_the_noun_phrase():
    _, rows = events_of("This follows a May 16 meeting that resulted in the largest prisoner swap of the war.")
    (row,) = rows
    assert row["date"] == "2025-05-16"
    assert row["description"] == "a meeting that resulted in the largest prisoner swap of the war"
    assert row["quote"] == "a May 16 meeting that resulted in the largest prisoner swap of the war"


def test_event_noun_as_subject_dates_its_clause():
    _, rows = events_of("The first round of talks on May 16 resulted in the largest prisoner swap of the conflict.")
    (row,) = rows
    assert row["description"] == "The first round of talks resulted in the largest prisoner swap of the conflict"


def test_date_of_a_thing_is_not_an_event():
    _, rows = events_of(
        "Ukraine wants a return to pre-2014 borders and rejected any recognition of territorial claims post-2014."
    )
    assert rows == []


def test_saying_on_a_day_dates_the_saying():
    _, rows = events_of(
        "The president said on Sunday he would send a delegation to Geneva for a second round of talks, "
        "even as fighting escalates."
    )
    (row,) = rows
    assert row["description"] == "The president said he would send a delegation to Geneva for a second round of talks"
    assert row["statement"] is True and row["date"] == "2025-06-01"


def test_offsets_point_into_the_raw_file():
    raw_body = "Talks\u00a0resumed on Monday in Geneva, television footage showed.\n\nThe war began in February 2022."
    article, rows = events_of(raw_body)
    assert [r["date"] for r in rows] == ["2025-06-02", "2022-02"]
    for row in rows:
        assert normalize(article.raw[row["start"] : row["end"]]) == row["quote"]
        assert article.raw[row["date_start"] : row["date_end"]] == row["date_text"]
    assert rows[0]["quote"] == "Talks resumed on Monday in Geneva"
    assert rows[1]["description"] == "The war began"


def test_unresolved_dates_are_kept_and_marked():
    _, rows = events_of(
        "The delegations began their second round of talks in Geneva on June 2, according to the ministry. "
        "The envoy said on Monday that a deal was near.",
        header="Talks resume in Geneva\n\n",
    )
    june, monday = by_text(rows)["June 2"], by_text(rows)["Monday"]
    assert (june["date"], june["resolved"], june["needs_year"], june["partial"]) == ("", False, True, "--06-02")
    assert (monday["date"], monday["resolved"], monday["needs_year"], monday["basis"]) == ("", False, False, "unresolved")
    assert "according" not in june["description"]


def test_rows_are_json_ready_and_in_text_order():
    _, rows = events_of("On Sunday, the army attacked. On May 16, 2025, the sides met. Yesterday the envoy spoke.")
    assert [r["date_text"] for r in rows] == ["Sunday", "May 16, 2025", "Yesterday"]
    for row in rows:
        assert all(isinstance(v, (str, int, bool)) for v in row.values())


# --- the seeds against the gold -------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    corpus = read_corpus(config.default_seeds_dir())
    rows = [row for a in corpus.articles for row in extract_events(a, nlp.parse(a.body))]
    events = resolve_years(pd.DataFrame(rows), corpus.documents())
    return corpus, events


def test_seed_events_against_the_gold(seeds):
    corpus, events = seeds
    gold = evaluate.load_gold(config.GOLD_PATH)
    raw = {a.doc_id: a.raw for a in corpus.articles}
    ours = evaluate.score_events(events, gold, raw)
    baseline = evaluate.score_events(evaluate.baseline_dates(corpus), gold, raw)
    print(f"\nParley: found {ours['date_recall']:.2f} with the right date, right when found {ours['date_accuracy']:.2f}")
    print(f"dateparser: found {baseline['date_recall']:.2f} with the right date, right when found {baseline['date_accuracy']:.2f}")
    assert ours["date_recall"] >= 0.90
    assert ours["date_accuracy"] >= 0.95
    assert ours["date_recall"] > baseline["date_recall"]


def test_each_gold_event_dated_by_the_expression_inside_its_evidence(seeds):
    """Stricter than overlap: the row whose date expression lies in the gold evidence has the gold date."""
    corpus, events = seeds
    raw = {a.doc_id: a.raw for a in corpus.articles}
    checked = 0
    for article in evaluate.load_gold(config.GOLD_PATH):
        rows = events[events["doc_id"] == article["doc_id"]]
        for event in article["events"]:
            start, end = evaluate.locate(raw[article["doc_id"]], event["evidence"])
            inside = rows[(rows["date_start"] >= start) & (rows["date_end"] <= end) & (rows["start"] < end) & (rows["end"] > start)]
            assert list(inside["date"]) == [event["date"]], (article["doc_id"], event["evidence"], list(inside["date"]))
            checked += 1
    assert checked == 15


def test_seed_article_without_publication_date_leaves_relative_dates_unresolved(seeds):
    _, events = seeds
    afternoon = events[events["date_text"] == "this afternoon"]
    assert len(afternoon) == 1 and afternoon.iloc[0]["date"] == "" and not afternoon.iloc[0]["resolved"]


def test_relative_clause_names_who_did_it():
    _, rows = events_of("The envoy, who met the foreign minister on Monday, left for Doha.")
    (row,) = rows
    assert row["description"] == "The envoy met the foreign minister"
    assert row["quote"] == "who met the foreign minister on Monday"


def test_coordinated_dates_both_date_the_clause():
    _, rows = events_of("Talks were held between May 16 and May 17 in Geneva.")
    assert [(r["date_text"], r["date"]) for r in rows] == [("May 16", "2025-05-16"), ("May 17", "2025-05-17")]
    assert {r["description"] for r in rows} == {"Talks were held"}


def test_a_fronted_date_the_parser_glues_to_a_title_still_dates_the_clause():
    # spaCy reads "Friday President Donald Trump" as one name
    _, rows = events_of("On Friday President Donald Trump had said that the path forward was open.\n",
                        header="Talks resume\n\nFebruary 29, 2020\n\n")
    assert [(r["date"], r["description"].split(" had said")[0]) for r in rows] == [("2020-02-28", "President Donald Trump")]


def test_a_date_that_names_a_thing_after_a_preposition_is_no_event():
    _, rows = events_of("Kyiv wants a settlement based on pre-2014 borders.\n")
    assert rows == []


def test_a_fronted_date_the_parser_makes_the_sentence_head_dates_the_clause_after_it():
    _, rows = events_of("The truce was signed on May 28. The following day both sides accused each other of violations.")
    row = by_text(rows)["The following day"]
    assert row["date"] == "2025-05-29" and "accused each other" in row["description"]


def test_the_end_of_last_year_dates_the_clause():
    _, rows = events_of("The talks in Doha collapsed at the end of last year, a diplomat said.")
    assert by_text(rows)["last year"]["date"] == "2024"
    assert by_text(rows)["last year"]["description"].startswith("The talks in Doha collapsed")


def test_a_description_stays_on_the_line_of_its_date():
    # a menu line the parser runs into the first sentence is not part of the event
    _, rows = events_of("Get the App\nRussian and Ukrainian delegations ended their meeting in Istanbul on Friday.")
    assert by_text(rows)["Friday"]["description"] == "Russian and Ukrainian delegations ended their meeting in Istanbul"


def test_a_description_drops_the_preposition_of_its_date():
    _, rows = events_of("Russian troops invaded Ukraine over a month ago, officials said.")
    assert by_text(rows)["a month ago"]["description"] == "Russian troops invaded Ukraine"


def test_a_season_passes_its_year_to_the_clause():
    _, rows = events_of("The envoys met in Doha in the spring of 2024.")
    assert by_text(rows)["2024"]["description"] == "The envoys met in Doha"


def test_a_timeline_line_dates_what_follows_its_colon():
    _, rows = events_of("Timeline\n\n- 1 March: Ghani rejects prisoner release as a precondition\n"
                        "- 2 March: Taliban resume attacks on Afghan forces\n- 3 March: Trump\u2013Baradar phone call\n\n"
                        "The talks went on.")
    found = by_text(rows)
    assert found["2 March"]["description"] == "Taliban resume attacks on Afghan forces"
    assert found["3 March"]["description"] == "Trump\u2013Baradar phone call"


def test_a_fronted_date_the_parser_hangs_from_the_subject_dates_its_verb():
    _, rows = events_of("The accord was signed on 25 May. That day Santos, flanked by ministers, walked to Congress.")
    row = by_text(rows)["That day"]
    assert row["date"] == "2025-05-25" and "walked to Congress" in row["description"]


def test_a_coordinated_verb_without_a_subject_shares_the_one_before():
    _, rows = events_of("The ceasefire took effect on May 3 and collapsed on May 15.")
    assert by_text(rows)["May 15"]["description"] == "The ceasefire collapsed"


def test_a_dated_target_is_an_event():
    _, rows = events_of("The mediators moved their May 30 target back by a week.")
    assert by_text(rows)["May 30"]["date"] == "2025-05-30"


def test_a_day_hung_from_a_noun_by_the_parse_dates_the_verb_above():
    _, rows = events_of("Dozens of envoys from both sides on Monday arrived in Jeddah.")
    (row,) = rows
    assert row["date"] == "2025-06-02" and row["description"] == "Dozens of envoys from both sides arrived in Jeddah"


@pytest.mark.parametrize("noun", ["assassination", "walkout", "ratification", "airstrike", "resignation", "siege"])
def test_a_dated_happening_noun_is_an_event(noun):
    _, rows = events_of(f"Officials pointed to the May 12 {noun} as a turning point.")
    (row,) = rows
    assert row["date"] == "2025-05-12" and row["description"].startswith(f"the {noun}")


@pytest.mark.parametrize("body, description", [
    ("The two sides June 2 held a second round of talks.", "The two sides held a second round of talks"),
    ("CAIRO \u2013 2 June 2025: Israel and Hamas have agreed to a four-day truce.",
     "Israel and Hamas have agreed to a four-day truce"),
])
def test_a_bare_day_the_parse_hangs_from_a_noun_dates_the_verb_above(body, description):
    _, rows = events_of(body)
    (row,) = rows
    assert row["date"] == "2025-06-02" and row["description"].endswith(description)


def test_a_past_tense_sentence_without_a_date_takes_the_date_of_the_sentence_before():
    _, rows = events_of("On Monday the envoys met in Doha for four hours. They agreed to extend the truce by a week.")
    carried = [r for r in rows if r["basis"] == "previous"]
    (row,) = carried
    assert (row["date"], row["date_text"]) == ("2025-06-02", "Monday")
    assert row["quote"] == "They agreed to extend the truce by a week"
    assert row["description"].startswith("They agreed to extend the truce")


@pytest.mark.parametrize("second", [
    "They hope to extend the truce by a week.",  # present tense: not the time of the sentence before
    "They agreed in March to extend the truce.",  # a date of its own
    "Meanwhile, Russia launched 400 drones at Ukraine.",  # leaves the time of the sentence before
    "They had met twice before in Istanbul.",  # a pluperfect is before the time told
    "A second round is expected to follow in Istanbul.",  # the present
])
def test_a_sentence_in_the_present_or_with_its_own_date_carries_nothing(second):
    _, rows = events_of("On Monday the envoys met in Doha for four hours. " + second)
    assert not [r for r in rows if r["basis"] == "previous"]


def test_a_month_or_year_in_the_sentence_before_is_not_carried():
    _, rows = events_of("The war began with the invasion in February 2022. Umerov led Kyiv's delegation.")
    assert not [r for r in rows if r["basis"] == "previous"]



def test_a_description_leaves_out_the_dateline():
    _, rows = events_of("HAVANA \u2014 Colombia's government and the ELN agreed on Friday to extend their ceasefire.\n")
    assert rows and all(not r["description"].startswith("HAVANA") for r in rows)
    assert any(r["description"].startswith("Colombia's government and the ELN agreed") for r in rows)
