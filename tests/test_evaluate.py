"""The evaluation library: each metric on small hand-made tables, and the baselines on the seeds."""

from __future__ import annotations

import json
import math

import pandas as pd
import pytest

from parley import config
from parley import evaluate as ev
from parley.read.corpus import read_corpus

# --- the gold file ---------------------------------------------------------------------


def _write_gold(tmp_path, data, name="gold.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_load_gold_adds_doc_id_canonical_sides_and_empty_metadata(tmp_path):
    path = _write_gold(tmp_path, [{
        "file": "a_1.txt", "published": None, "outlet": None,
        "people": [{"name": "Keith Kellogg", "role": "envoy", "side": "USA"}],
        "events": [], "quantities": [], "positions": [{"side": "USA", "issue": "ceasefire", "stance": "proposes", "evidence": "x"}],
    }])
    [article] = ev.load_gold(path)
    assert article["doc_id"] == "a_1"
    assert article["published"] == "" and article["outlet"] == ""
    assert article["people"][0]["side"] == "United States"
    assert article["positions"][0]["side"] == "United States"


def test_load_gold_on_the_seeds_gold():
    gold = ev.load_gold(config.GOLD_PATH)
    assert [a["doc_id"] for a in gold][:1] == ["000_ce0af6095adf2135"]
    assert all(p["side"] != "USA" for a in gold for p in a["people"])
    assert any(p["side"] == "United States" for a in gold for p in a["people"])


def test_load_gold_missing_file_names_the_path(tmp_path):
    with pytest.raises(ev.GoldError, match="nowhere.json"):
        ev.load_gold(tmp_path / "nowhere.json")


@pytest.mark.parametrize(
    "content, message",
    [
        ("{not json", "not valid"),
        ('{"file": "a.txt"}', "list of articles"),
        ('[{"published": "2025-01-01"}]', "non-empty `file`"),
        ('[{"file": "a.txt", "people": {"name": "x"}}]', "`people` must be a list"),
        ('[{"file": "a.txt", "events": [{"date": "2024", "evidence": ""}]}]', r"events\[0\] lacks evidence"),
    ],
)
def test_load_gold_rejects_malformed_files(tmp_path, content, message):
    path = tmp_path / "gold.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ev.GoldError, match=message):
        ev.load_gold(path)


# --- locate ----------------------------------------------------------------------------


def test_locate_matches_curly_quotes_and_odd_spaces_in_the_raw_text():
    raw = "Intro.\nUkraine\u2019s 14-member\u00a0delegation arrived \u201cearly\u201d."
    start, end = ev.locate(raw, "Ukraine's 14-member delegation arrived \"early\"")
    assert raw[start:end] == "Ukraine\u2019s 14-member\u00a0delegation arrived \u201cearly\u201d"


def test_locate_matches_curly_quotes_in_the_evidence_and_a_line_break_in_the_text():
    raw = "He said Ukraine's team\nwould stay."
    start, end = ev.locate(raw, "Ukraine\u2019s team would stay")
    assert raw[start:end] == "Ukraine's team\nwould stay"


def test_locate_falls_back_to_case_insensitive_then_fuzzy():
    raw = "First line. The Talks Lasted four hours on Monday. Last line."
    start, end = ev.locate(raw, "the talks lasted four hours")
    assert raw[start:end] == "The Talks Lasted four hours"
    start, end = ev.locate(raw, "talks lasted for hours on Monday")  # a typo in the gold
    assert "four hours on Monday" in raw[start:end]
    assert ev.locate(raw, "an entirely different sentence about sanctions") is None
    assert ev.locate(raw, "") is None


def test_sentence_bounds_keep_initials_and_split_at_line_breaks():
    text = 'The U.S. envoy spoke. "We agree." Then\nA list item'
    assert [text[s:e] for s, e in ev.sentence_bounds(text)] == [
        "The U.S. envoy spoke.", '"We agree."', "Then", "A list item",
    ]


# --- documents -------------------------------------------------------------------------


def test_score_documents_outlet_ignores_spaces_and_gold_null_is_empty():
    gold = [
        {"doc_id": "a", "published": "2025-06-02", "outlet": "Clash Report"},
        {"doc_id": "b", "published": "", "outlet": ""},
        {"doc_id": "c", "published": "2025-06-02", "outlet": "CGTN"},
        {"doc_id": "d", "published": "", "outlet": "Harbour Courier"},
        {"doc_id": "e", "published": "", "outlet": "Theatre Weekly"},
    ]
    docs = pd.DataFrame([
        {"doc_id": "a", "published": "2025-06-02", "outlet": "ClashReport"},
        {"doc_id": "b", "published": "2025-06-01", "outlet": ""},
        {"doc_id": "d", "published": "", "outlet": "The Harbour Courier"},  # a leading "The" is no other outlet
        {"doc_id": "e", "published": "", "outlet": "atre Weekly"},
    ])
    score = ev.score_documents(docs, gold)
    assert score.metrics["published_accuracy"] == pytest.approx(3 / 5)
    assert score.metrics["outlet_accuracy"] == pytest.approx(3 / 5)
    kinds = sorted(zip(score.errors["doc_id"], score.errors["kind"]))
    assert kinds == [("b", "wrong_published"), ("c", "wrong_outlet"), ("c", "wrong_published"), ("e", "wrong_outlet")]


# --- people ----------------------------------------------------------------------------


def _gold(doc_id="d1", **lists):
    article = {"doc_id": doc_id, "published": "", "outlet": "", "people": [], "events": [], "quantities": [], "positions": []}
    article.update(lists)
    return article


def test_people_one_right_one_spurious_gives_half_recall_and_precision():
    gold = [_gold(people=[
        {"name": "Anna Berg", "role": "Foreign Minister", "side": "Norway"},
        {"name": "Tomas Lind", "role": "Defence Minister", "side": "Sweden"},
    ])]
    predicted = pd.DataFrame([
        {"doc_id": "d1", "name": "Anna Berg", "role": "Foreign Minister", "side": "Norway"},
        {"doc_id": "d1", "name": "Oslo", "role": "", "side": ""},
        {"doc_id": "other", "name": "Tomas Lind", "role": "", "side": "Sweden"},  # another article: ignored
    ])
    score = ev.score_people(predicted, gold)
    assert score.metrics["recall"] == 0.5
    assert score.metrics["precision"] == 0.5
    assert score.metrics["side_accuracy"] == 1.0
    assert score.metrics["role_accuracy"] == 1.0
    assert score.metrics["role_recall"] == 0.5
    assert (score.metrics["n_gold"], score.metrics["n_predicted"], score.metrics["n_matched"]) == (2, 2, 1)
    errors = score.errors.set_index("kind")
    assert errors.loc["missed", "expected"].startswith("Tomas Lind")
    assert errors.loc["spurious", "got"].startswith("Oslo")
    assert list(score.errors.columns) == ["doc_id", "kind", "expected", "got", "quote"]


@pytest.mark.parametrize(
    "gold_name, predicted_name",
    [
        ("Sergiy Kyslytsya", "Serhii Kyslytsia"),
        ("Vladimir Medinskii", "Vladimir Medinsky"),
        ("Zelensky", "Volodymyr Zelenskyy"),
        ("Metin Gürak", "Metin Gurak"),
        ("İbrahim Kalın", "Ibrahim Kalin"),
        ("Mihail Galuzin", "Mikhail Galuzin"),
    ],
)
def test_people_transliteration_variants_match(gold_name, predicted_name):
    gold = [_gold(people=[{"name": gold_name, "role": None, "side": "X"}])]
    predicted = pd.DataFrame([{"doc_id": "d1", "name": predicted_name, "role": "", "side": "X"}])
    assert ev.score_people(predicted, gold).metrics["recall"] == 1.0


@pytest.mark.parametrize(
    "gold_name, predicted_name",
    [("Anna Smith", "John Smith"), ("Anna Smith", "Anna Schmidtberg"), ("Li", "Lu")],
)
def test_people_different_people_do_not_match(gold_name, predicted_name):
    gold = [_gold(people=[{"name": gold_name, "role": None, "side": "X"}])]
    predicted = pd.DataFrame([{"doc_id": "d1", "name": predicted_name, "role": "", "side": "X"}])
    assert ev.score_people(predicted, gold).metrics["recall"] == 0.0


def test_people_matching_is_one_to_one():
    gold = [_gold(people=[
        {"name": "Anna Smith", "role": None, "side": "X"},
        {"name": "Smith", "role": None, "side": "X"},
    ])]
    predicted = pd.DataFrame([{"doc_id": "d1", "name": "Anna Smith", "role": "", "side": "X"}])
    score = ev.score_people(predicted, gold)
    assert score.metrics["n_matched"] == 1
    assert score.metrics["precision"] == 1.0 and score.metrics["recall"] == 0.5


def test_people_are_grouped_by_person_id_when_present():
    gold = [_gold(people=[{"name": "Anna Berg", "role": "Foreign Minister", "side": "Norway"}])]
    predicted = pd.DataFrame([
        {"doc_id": "d1", "person_id": "P1", "name": "Anna Berg", "role": "", "side": "Norway"},
        {"doc_id": "d1", "person_id": "P1", "name": "Berg", "role": "Norwegian Foreign Minister", "side": "Norway"},
    ])
    score = ev.score_people(predicted, gold)
    assert score.metrics["n_predicted"] == 1
    assert score.metrics["precision"] == 1.0
    assert score.metrics["role_accuracy"] == 1.0  # any role of the person's mentions counts


@pytest.mark.parametrize(
    "gold_role, predicted_role, right",
    [
        ("Defense Minister", "Ukrainian Defense Minister", True),  # the gold inside the prediction
        ("Turkish Foreign Minister", "Foreign Minister", True),  # the prediction inside the gold
        ("MİT chief", "MIT chief", True),  # folded
        ("Deputy Head of Ukraine\u2019s Security Service (SBU)", "Deputy Head of Ukraine's Security Service", True),
        ("Foreign Minister", "Deputy Head of Intelligence", False),
        ("Foreign Minister", "", False),
    ],
)
def test_people_role_matching(gold_role, predicted_role, right):
    gold = [_gold(people=[{"name": "Anna Berg", "role": gold_role, "side": "Norway"}])]
    predicted = pd.DataFrame([{"doc_id": "d1", "name": "Anna Berg", "role": predicted_role, "side": "Norway"}])
    score = ev.score_people(predicted, gold)
    assert score.metrics["role_accuracy"] == (1.0 if right else 0.0)
    assert ("wrong_role" in set(score.errors["kind"])) is not right


def test_people_wrong_side_and_null_gold_role_not_counted_for_roles():
    gold = [_gold(people=[{"name": "Anna Berg", "role": None, "side": "Norway"}])]
    predicted = pd.DataFrame([{"doc_id": "d1", "name": "Anna Berg", "role": "Minister", "side": "Sweden"}])
    score = ev.score_people(predicted, gold)
    assert score.metrics["side_accuracy"] == 0.0
    assert score.metrics["n_matched_with_gold_role"] == 0
    assert math.isnan(score.metrics["role_accuracy"])  # nothing to judge: undefined, not 0 or 1
    assert score.errors.loc[0, "kind"] == "wrong_side"
    assert score.errors.loc[0, "got"] == "Anna Berg: Sweden"


def test_people_missed_error_quotes_the_article_when_raw_text_is_given():
    gold = [_gold(people=[{"name": "Tomas Lind", "role": None, "side": "Sweden"}])]
    raw = {"d1": "The talks began. Minister Tomas Lind arrived late."}
    score = ev.score_people(pd.DataFrame(columns=["doc_id", "name"]), gold, raw)
    assert score.metrics["recall"] == 0.0 and math.isnan(score.metrics["precision"])
    assert "Minister Tomas Lind arrived" in score.errors.loc[0, "quote"]


# --- events ----------------------------------------------------------------------------

EVENT_TEXT = "Intro line.\nThe envoys met on Monday in Geneva. A truce began on May 16. Nothing else."


def _span(text, part):
    start = text.index(part)
    return start, start + len(part)


def test_events_found_by_overlap_and_date_compared():
    gold = [_gold(events=[
        {"date": "2025-06-02", "what": "met", "evidence": "The envoys met on Monday in Geneva"},
        {"date": "2025-05-16", "what": "truce", "evidence": "A truce began on May 16"},
        {"date": "2025", "what": "nothing", "evidence": "Nothing else"},
    ])]
    monday, may = _span(EVENT_TEXT, "on Monday"), _span(EVENT_TEXT, "May 16")
    predicted = pd.DataFrame([
        {"doc_id": "d1", "date": "2025-06-02", "date_text": "on Monday", "start": monday[0], "end": monday[1]},
        {"doc_id": "d1", "date": "2024-05-16", "date_text": "May 16", "start": may[0], "end": may[1]},
        {"doc_id": "d1", "date": "2025", "date_text": "Intro", "start": 0, "end": 5},  # overlaps no evidence
    ])
    score = ev.score_events(predicted, gold, {"d1": EVENT_TEXT})
    assert score.metrics["recall"] == pytest.approx(2 / 3)
    assert score.metrics["date_recall"] == pytest.approx(1 / 3)
    assert score.metrics["date_accuracy"] == 0.5
    errors = score.errors.set_index("kind")
    assert errors.loc["wrong_date", "got"] == "2024-05-16 (May 16)"
    assert errors.loc["missed", "expected"] == "2025: nothing"
    assert "Nothing else" in errors.loc["missed", "quote"]


def test_events_offsets_may_be_strings_as_read_from_csv():
    gold = [_gold(events=[{"date": "2025-05-16", "what": "truce", "evidence": "A truce began on May 16"}])]
    start, end = _span(EVENT_TEXT, "May 16")
    predicted = pd.DataFrame([{"doc_id": "d1", "date": "2025-05-16", "start": str(start), "end": str(end)}])
    assert ev.score_events(predicted, gold, {"d1": EVENT_TEXT}).metrics["date_recall"] == 1.0


def test_events_precision_must_agree():
    gold = [_gold(events=[{"date": "2022-02", "what": "war", "evidence": "A truce began"}])]
    start, end = _span(EVENT_TEXT, "A truce began")
    predicted = pd.DataFrame([{"doc_id": "d1", "date": "2022-02-15", "start": start, "end": end}])
    score = ev.score_events(predicted, gold, {"d1": EVENT_TEXT})
    assert score.metrics["recall"] == 1.0 and score.metrics["date_accuracy"] == 0.0


# --- quantities ------------------------------------------------------------------------

QUANTITY_TEXT = "They swapped 1,000 prisoners. Later, 1,000 more were promised and 41 aircraft were hit."


def test_quantities_need_the_value_and_an_overlapping_span():
    gold = [_gold(quantities=[
        {"value": 1000, "unit": "prisoners", "evidence": "swapped 1,000 prisoners"},
        {"value": 41, "unit": "aircraft", "evidence": "41 aircraft were hit"},
    ])]
    later = _span(QUANTITY_TEXT, "1,000 more")
    aircraft = _span(QUANTITY_TEXT, "41 aircraft")
    predicted = pd.DataFrame([
        {"doc_id": "d1", "value": "1,000", "unit": "", "start": later[0], "end": later[1]},  # right value, wrong place
        {"doc_id": "d1", "value": "14", "unit": "aircraft", "start": aircraft[0], "end": aircraft[1]},
    ])
    score = ev.score_quantities(predicted, gold, {"d1": QUANTITY_TEXT})
    assert score.metrics["recall"] == 0.0
    assert sorted(score.errors["kind"]) == ["missed", "wrong_value"]
    assert score.errors.set_index("kind").loc["wrong_value", "got"] == "14 aircraft"

    start, end = _span(QUANTITY_TEXT, "1,000 prisoners")
    right = pd.DataFrame([{"doc_id": "d1", "value": 1000.0, "unit": "prisoners", "start": start, "end": end}])
    predicted = pd.concat([predicted, right], ignore_index=True)
    assert ev.score_quantities(predicted, gold, {"d1": QUANTITY_TEXT}).metrics["recall"] == 0.5


def test_quantities_fall_back_to_value_when_nothing_has_offsets():
    gold = [_gold(quantities=[{"value": 41, "unit": "aircraft", "evidence": "41 aircraft were hit"}])]
    predicted = pd.DataFrame([{"doc_id": "d1", "value": 41, "unit": "aircraft"}])
    score = ev.score_quantities(predicted, gold, {"d1": QUANTITY_TEXT})
    assert score.metrics["recall"] == 1.0 and score.metrics["n_found_by_value_only"] == 1


# --- positions -------------------------------------------------------------------------

POSITION_TEXT = (
    "Ukraine demanded a full ceasefire and the return of children. "
    "Russia rejected the plan.\n"
    "Both sides agreed to swap prisoners."
)


def test_positions_found_in_the_same_sentence_with_stance_checked():
    gold = [_gold(positions=[
        {"side": "Ukraine", "issue": "ceasefire", "stance": "demands", "evidence": "a full ceasefire"},
        {"side": "Ukraine", "issue": "children", "stance": "demands", "evidence": "the return of children"},
        {"side": "Russia", "issue": "prisoners", "stance": "agrees", "evidence": "Both sides agreed to swap prisoners"},
    ])]
    verb = _span(POSITION_TEXT, "Ukraine demanded")  # same sentence as both evidences, overlapping neither
    swap = _span(POSITION_TEXT, "swap prisoners")
    predicted = pd.DataFrame([
        {"doc_id": "d1", "side": "Ukraine", "issue": "ceasefire", "stance": "demands", "start": verb[0], "end": verb[1]},
        {"doc_id": "d1", "side": "Ukraine", "issue": "children", "stance": "proposes", "start": verb[0], "end": verb[1]},
        {"doc_id": "d1", "side": "Russia", "issue": "prisoners", "stance": "agrees", "start": swap[0], "end": swap[1]},
        {"doc_id": "d1", "side": "Russia", "issue": "territory", "stance": "rejects", "start": swap[0], "end": swap[1]},
    ])
    score = ev.score_positions(predicted, gold, {"d1": POSITION_TEXT})
    assert score.metrics["recall"] == 1.0
    assert score.metrics["stance_accuracy"] == pytest.approx(2 / 3)
    assert score.metrics["pair_precision"] == 0.75  # Russia/territory is not in the gold
    assert (score.metrics["n_pairs"], score.metrics["n_pairs_in_gold"]) == (4, 3)
    kinds = sorted(score.errors["kind"])
    assert kinds == ["spurious_pair", "wrong_stance"]
    assert score.errors.set_index("kind").loc["spurious_pair", "got"] == "Russia territory"


def test_positions_in_another_sentence_are_missed_and_wrong_side_is_named():
    gold = [_gold(positions=[
        {"side": "Ukraine", "issue": "ceasefire", "stance": "demands", "evidence": "a full ceasefire"},
        {"side": "Russia", "issue": "prisoners", "stance": "agrees", "evidence": "Both sides agreed to swap prisoners"},
    ])]
    rejected = _span(POSITION_TEXT, "Russia rejected the plan")
    swap = _span(POSITION_TEXT, "swap prisoners")
    predicted = pd.DataFrame([
        {"doc_id": "d1", "side": "Ukraine", "issue": "ceasefire", "stance": "demands", "start": rejected[0], "end": rejected[1]},
        {"doc_id": "d1", "side": "Ukraine", "issue": "prisoners", "stance": "agrees", "start": swap[0], "end": swap[1]},
    ])
    score = ev.score_positions(predicted, gold, {"d1": POSITION_TEXT})
    assert score.metrics["recall"] == 0.0
    assert math.isnan(score.metrics["stance_accuracy"])
    assert sorted(score.errors["kind"]) == ["missed", "spurious_pair", "wrong_side"]


def test_positions_pair_precision_per_article_and_overall():
    gold = [
        _gold("a", positions=[{"side": "Ukraine", "issue": "ceasefire", "stance": "demands", "evidence": "x"}]),
        _gold("b", positions=[{"side": "Russia", "issue": "territory", "stance": "demands", "evidence": "y"}]),
    ]
    predicted = pd.DataFrame([
        {"doc_id": "a", "side": "Ukraine", "issue": "ceasefire", "stance": "demands", "start": 0, "end": 1},
        {"doc_id": "a", "side": "Ukraine", "issue": "ceasefire", "stance": "proposes", "start": 5, "end": 6},  # same pair
        {"doc_id": "b", "side": "Russia", "issue": "territory", "stance": "demands", "start": 0, "end": 1},
        {"doc_id": "b", "side": "Russia", "issue": "sanctions", "stance": "demands", "start": 0, "end": 1},
        {"doc_id": "b", "side": "Ukraine", "issue": "territory", "stance": "rejects", "start": 0, "end": 1},
    ])
    score = ev.score_positions(predicted, gold, {"a": "x", "b": "y"})
    assert score.metrics["pair_precision"] == pytest.approx(2 / 4)
    assert score.metrics["pair_precision_macro"] == pytest.approx((1 + 1 / 3) / 2)
    per_doc = score.per_doc.set_index("doc_id")
    assert per_doc.loc["a", "pair_precision"] == 1.0
    assert per_doc.loc["b", "pair_precision"] == pytest.approx(1 / 3)


# --- the evaluation table --------------------------------------------------------------


def test_evaluation_table_rounds_and_leaves_missing_baselines_empty():
    gold = [_gold(people=[
        {"name": "Anna Berg", "role": None, "side": "N"},
        {"name": "Tomas Lind", "role": None, "side": "S"},
        {"name": "Eva Holm", "role": None, "side": "S"},
    ])]
    ours = ev.score_people(pd.DataFrame([{"doc_id": "d1", "name": "Anna Berg", "side": "N"}]), gold)
    theirs = ev.score_people(pd.DataFrame([{"doc_id": "d1", "name": "Eva Holm"}, {"doc_id": "d1", "name": "Tomas Lind"}]), gold)
    documents = ev.score_documents(pd.DataFrame([{"doc_id": "d1", "published": "", "outlet": ""}]), gold)
    table = ev.evaluation_table({"people": {"parley": ours, "baseline": theirs}, "documents": documents})
    assert list(table.columns) == ["table", "metric", "parley", "baseline", "n"]
    people = table[table["table"] == "people"].set_index("metric")
    assert people.loc["recall", "parley"] == 0.333
    assert people.loc["recall", "baseline"] == 0.667
    assert people.loc["recall", "n"] == 3
    assert people.loc["side_accuracy", "baseline"] == 0.0
    docs = table[table["table"] == "documents"]
    assert list(docs["metric"]) == ["published_accuracy", "outlet_accuracy"]
    assert docs["baseline"].isna().all()


# --- on the seeds: the baselines run live ----------------------------------------------


@pytest.fixture(scope="module")
def seeds():
    corpus = read_corpus(config.default_seeds_dir())
    gold = ev.load_gold(config.GOLD_PATH)
    raw = {a.doc_id: a.raw for a in corpus.articles}
    return corpus, gold, raw


def test_every_gold_evidence_is_located_in_the_seeds(seeds):
    _, gold, raw = seeds
    for article in gold:
        for key in ("events", "quantities", "positions"):
            for item in article[key]:
                assert ev.locate(raw[article["doc_id"]], item["evidence"]) is not None, item["evidence"]


def test_spacy_baseline_finds_people_but_no_sides_and_takes_a_city_for_a_person(seeds):
    corpus, gold, raw = seeds
    people = ev.baseline_people(corpus)
    for row in people.itertuples():  # provenance: offsets into the raw file
        assert raw[row.doc_id][row.start:row.end].replace("\u00a0", " ") == row.quote
    score = ev.score_people(people, gold, raw)
    assert score.metrics["recall"] > 0.5
    assert score.metrics["side_accuracy"] == 0.0
    # en_core_web_sm labels the capital "Kyiv" a PERSON in the first seed article.
    spurious = score.errors[score.errors["kind"] == "spurious"]
    assert "Kyiv (no role; no side)" in set(spurious.loc[spurious["doc_id"] == "000_ce0af6095adf2135", "got"])


def test_dateparser_baseline_finds_dates_and_misreads_may_the_verb(seeds):
    corpus, gold, raw = seeds
    events = ev.baseline_dates(corpus)
    hits = {(r.doc_id, r.date_text): r.date for r in events.itertuples()}
    assert hits[("002_7a536f094c51d690", "on May 16, 2025")] == "2025-05-16"
    # "the presence of Turkey may have aided proceedings": the verb read as May of the
    # publication year (2 June 2025), the day taken from the base date.
    assert hits[("004_509f9f2df3541ffd", "may")] == "2025-05-02"
    # "under 18" (an age) read as the 18th of the publication month.
    assert hits[("004_509f9f2df3541ffd", "18")] == "2025-06-18"
    for row in events.itertuples():
        assert normalize_quote(raw[row.doc_id][row.start:row.end]) == row.quote
    score = ev.score_events(events, gold, raw)
    assert score.metrics["recall"] > 0.5
    assert score.metrics["date_accuracy"] < 0.9  # what Parley's own date handling must beat


def normalize_quote(span: str) -> str:
    from parley.text import quote

    return quote(span, 0, len(span))


def _tables_from_gold(gold, raw):
    """Tables that say exactly what the gold says, spans where its evidence stands."""
    def located(article, key, fields):
        rows = []
        for item in article[key]:
            start, end = ev.locate(raw[article["doc_id"]], item["evidence"])
            rows.append({"doc_id": article["doc_id"], "start": start, "end": end, **{f: item[f] for f in fields}})
        return rows

    return {
        "documents": pd.DataFrame([{"doc_id": a["doc_id"], "published": a["published"], "outlet": a["outlet"]} for a in gold]),
        "people": pd.DataFrame([{"doc_id": a["doc_id"], "name": p["name"], "role": p["role"] or "", "side": p["side"]}
                                for a in gold for p in a["people"]]),
        "events": pd.DataFrame([r for a in gold for r in located(a, "events", ["date"])]),
        "quantities": pd.DataFrame([r for a in gold for r in located(a, "quantities", ["value", "unit"])]),
        "positions": pd.DataFrame([r for a in gold for r in located(a, "positions", ["side", "issue", "stance"])]),
    }


def test_evaluate_tables_scores_the_gold_itself_perfectly_next_to_the_baselines(seeds):
    corpus, gold, raw = seeds
    scores = ev.evaluate_tables(_tables_from_gold(gold, raw), corpus, gold)
    table = ev.evaluation_table(scores)
    assert (table["parley"] == 1.0).all(), table
    assert set(table["table"]) == {"documents", "people", "events", "quantities", "positions"}
    with_baseline = table.dropna(subset=["baseline"])
    assert set(with_baseline["table"]) == {"people", "events"}
    assert ev.all_errors(scores).empty
    baseline_errors = ev.all_errors(scores, "baseline")
    assert list(baseline_errors.columns) == ["table", "doc_id", "kind", "expected", "got", "quote"]
    assert {"people", "events"} == set(baseline_errors["table"])


def test_the_readable_scores_show_a_blank_where_there_is_no_baseline():
    table = pd.DataFrame({"table": ["people", "positions"], "metric": ["recall", "recall"],
                          "parley": [1.0, 0.9], "baseline": [0.8, float("nan")], "n": [4, 5]})
    readable = ev.Evaluation(table, pd.DataFrame(), {}, []).readable
    assert list(readable["baseline"]) == [0.8, ""]
    assert table["baseline"].isna().sum() == 1  # the scores themselves are untouched
