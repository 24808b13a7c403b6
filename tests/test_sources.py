"""The sources view: which article reports which fact, where articles disagree, and its figure."""

from __future__ import annotations

import pandas as pd

from parley.across.sources import SOURCE_COLUMNS, doc_columns, sources_table
from parley.publish.figures.sources import plot_sources

DOCS = pd.DataFrame({"doc_id": ["a1", "b2", "c3"], "outlet": ["Daily Post", "", "Wire"]})


def _tables():
    return {
        "documents": DOCS,
        "persons": pd.DataFrame([
            {"person_id": "p1", "name": "Anna Berg", "variants": "Anna Berg|Ana Berg", "roles": "", "side": "Norway",
             "doc_ids": "b2|a1", "n_docs": 2},
            {"person_id": "p2", "name": "Karl Smith", "variants": "Karl Smith", "roles": "", "side": "", "doc_ids": "a1", "n_docs": 1},
            {"person_id": "p3", "name": "John Smith", "variants": "John Smith", "roles": "", "side": "", "doc_ids": "b2", "n_docs": 1},
        ]),
        "timeline": pd.DataFrame([
            {"event_id": "e1", "date": "2024-03-01", "precision": "day", "description": "talks opened", "n_sources": 2, "doc_ids": "a1|b2"},
        ]),
        "comparison": pd.DataFrame([
            {"issue": "ceasefire", "side": "Norway", "stance": "demands", "n_sources": 1, "doc_ids": "a1"},
        ]),
        "quantities": pd.DataFrame([
            {"doc_id": "a1", "value": "1000", "unit": "prisoners", "start": 1, "end": 2, "quote": ""},
            {"doc_id": "b2", "value": 1000.0, "unit": "Prisoners", "start": 1, "end": 2, "quote": ""},
            {"doc_id": "b2", "value": 1200, "unit": "prisoners", "start": 5, "end": 6, "quote": ""},
            {"doc_id": "a1", "value": 12, "unit": "killed", "start": 5, "end": 6, "quote": ""},
        ]),
        "conflicts": pd.DataFrame(columns=["kind", "subject", "values", "doc_ids"]),
    }


def _row(df, fact):
    matches = df[df["fact"] == fact]
    assert len(matches) == 1, (fact, list(df["fact"]))
    return matches.iloc[0]


def test_one_row_per_fact_with_a_column_per_article():
    df = sources_table(_tables())
    assert list(df.columns) == SOURCE_COLUMNS + ["a1", "b2", "c3"]
    assert doc_columns(df) == ["a1", "b2", "c3"]
    anna = _row(df, "Anna Berg (Norway)")
    assert (anna["fact_kind"], anna["n_sources"], anna["doc_ids"]) == ("person", 2, "a1|b2")
    assert (anna["a1"], anna["b2"], anna["c3"]) == (1, 1, 0)
    assert _row(df, "2024-03-01: talks opened")["fact_kind"] == "event"
    assert _row(df, "Norway demands ceasefire")["doc_ids"] == "a1"
    assert df["c3"].sum() == 0  # an article reporting nothing still has its column


def test_quantities_are_grouped_by_unit_and_value():
    df = sources_table(_tables())
    quantities = df[df["fact_kind"] == "quantity"]
    assert set(quantities["fact"]) == {"1000 prisoners", "1200 prisoners", "12 killed"}
    assert _row(df, "1000 prisoners")["n_sources"] == 2


def test_rows_are_grouped_by_kind_then_best_supported_first():
    df = sources_table(_tables())
    kinds = list(df["fact_kind"])
    assert kinds == sorted(kinds, key=["person", "event", "position", "quantity"].index)
    people = df[df["fact_kind"] == "person"]
    assert list(people["fact"]) == ["Anna Berg (Norway)", "John Smith", "Karl Smith"]
    assert df["conflict"].sum() == 0 and (df["disagreement"] == "").all()


def test_conflicts_mark_the_facts_they_are_about():
    tables = _tables()
    tables["conflicts"] = pd.DataFrame([
        {"kind": "role", "subject": "Ana Berg", "values": "Foreign Minister|Deputy Foreign Minister", "doc_ids": "a1|b2"},
        {"kind": "same_surname", "subject": "Smith", "values": "Karl Smith|John Smith", "doc_ids": "a1|b2"},
        {"kind": "quantity", "subject": "prisoners", "values": "1000|1200", "doc_ids": "a1|b2"},
        {"kind": "date", "subject": "a ferry sank", "values": "2024-01-01|2024-01-02", "doc_ids": "b2|c3"},
    ])
    df = sources_table(tables)
    anna = _row(df, "Anna Berg (Norway)")
    assert anna["conflict"] == 1
    assert anna["disagreement"] == "role: Foreign Minister|Deputy Foreign Minister"
    assert _row(df, "Karl Smith")["conflict"] == 1 and _row(df, "John Smith")["conflict"] == 1
    assert _row(df, "1000 prisoners")["conflict"] == 1 and _row(df, "1200 prisoners")["conflict"] == 1
    assert _row(df, "12 killed")["conflict"] == 0
    assert _row(df, "2024-03-01: talks opened")["conflict"] == 0
    # a disagreement about no fact in the tables still shows, as its own row
    ferry = _row(df, "a ferry sank")
    assert (ferry["fact_kind"], ferry["conflict"], ferry["doc_ids"], ferry["c3"]) == ("event", 1, "b2|c3", 1)


def test_a_quantity_conflict_only_marks_the_values_in_dispute():
    tables = _tables()
    tables["quantities"] = pd.concat([tables["quantities"], pd.DataFrame([
        {"doc_id": "c3", "value": 50, "unit": "prisoners", "start": 1, "end": 2, "quote": ""},
    ])], ignore_index=True)
    tables["conflicts"] = pd.DataFrame([{"kind": "quantity", "subject": "prisoners", "values": "1000|1200", "doc_ids": "a1|b2"}])
    df = sources_table(tables)
    assert _row(df, "50 prisoners")["conflict"] == 0
    assert _row(df, "1200 prisoners")["conflict"] == 1


def test_without_merged_tables_the_per_article_tables_are_used():
    tables = {
        "documents": DOCS,
        "people": pd.DataFrame([
            {"doc_id": "a1", "person_id": "", "name": "Anna Berg", "role": "", "side": ""},
            {"doc_id": "b2", "person_id": "", "name": "anna berg", "role": "", "side": ""},
        ]),
        "events": pd.DataFrame([
            {"doc_id": "a1", "date": "2024-03-01", "description": "talks opened"},
            {"doc_id": "c3", "date": "2024-03-01", "description": "the talks began"},
            {"doc_id": "c3", "date": "", "description": "unresolved"},
        ]),
        "positions": pd.DataFrame([
            {"doc_id": "a1", "side": "Norway", "issue": "ceasefire", "stance": "demands"},
            {"doc_id": "c3", "side": "Norway", "issue": "ceasefire", "stance": "proposes"},
        ]),
        "timeline": pd.DataFrame(),
    }
    df = sources_table(tables)
    assert _row(df, "Anna Berg")["n_sources"] == 2
    assert _row(df, "2024-03-01: talks opened")["doc_ids"] == "a1|c3"
    assert _row(df, "Norway on ceasefire")["n_sources"] == 2
    assert len(df) == 3


def test_missing_and_empty_tables_give_an_empty_view():
    assert list(sources_table({}).columns) == SOURCE_COLUMNS
    assert sources_table({"persons": pd.DataFrame(), "conflicts": pd.DataFrame()}).empty


def test_plot_sources_writes_png_and_svg_deterministically(tmp_path):
    tables = _tables()
    tables["conflicts"] = pd.DataFrame([{"kind": "role", "subject": "Anna Berg", "values": "x|y", "doc_ids": "a1|b2"}])
    df = sources_table(tables)
    path = plot_sources(df, DOCS, tmp_path / "one")
    assert path == tmp_path / "one" / "figures" / "sources.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = (tmp_path / "one" / "figures" / "sources.svg").read_text(encoding="utf-8")
    assert "Anna Berg (Norway)" in svg and "Daily Post" in svg and "articles disagree" in svg
    again = plot_sources(df, DOCS, tmp_path / "two")
    assert again.read_bytes() == path.read_bytes()


def test_plot_sources_limits_rows_per_kind_and_handles_an_empty_table(tmp_path):
    people = pd.DataFrame([{"doc_id": "a1", "person_id": f"p{i}", "name": f"Person {i:02d}"} for i in range(12)])
    df = sources_table({"documents": DOCS, "people": people})
    plot_sources(df, DOCS, tmp_path, max_per_kind=5)
    svg = (tmp_path / "figures" / "sources.svg").read_text(encoding="utf-8")
    assert "7 more with fewer sources" in svg
    assert "Person 04" in svg and "Person 05" not in svg
    assert plot_sources(sources_table({}), None, tmp_path / "empty").is_file()


def test_a_conflict_is_attached_only_to_facts_its_own_articles_report():
    tables = _tables()
    # "Karl Smith" (a1) and "John Smith" (b2) share a surname; the conflict is about two
    # other Smiths, in c3 alone: neither listed Smith is what it is about
    tables["conflicts"] = pd.DataFrame([
        {"kind": "person_namesake", "subject": "Smith", "values": "Eva Smith|Per Smith", "doc_ids": "c3"},
        {"kind": "person_namesake", "subject": "Smith", "values": "Karl Smith|John Smith", "doc_ids": "a1|b2"},
    ])
    df = sources_table(tables)
    assert _row(df, "Karl Smith")["disagreement"] == "person_namesake: Karl Smith|John Smith"
    assert _row(df, "John Smith")["disagreement"] == "person_namesake: Karl Smith|John Smith"
    own = _row(df, "Smith")  # the c3 conflict stands as a fact of its own, reported by c3
    assert (own["fact_kind"], own["doc_ids"], own["c3"]) == ("person", "c3", 1)


def test_a_subject_within_another_as_whole_words_is_found_as_a_pattern_would():
    import random
    import re

    from parley.across.sources import _within_as_words

    chance = random.Random(3)
    letters = "ab _-.(é1"
    for _ in range(20_000):
        part = "".join(chance.choice(letters) for _ in range(chance.randint(1, 3)))
        text = "".join(chance.choice(letters) for _ in range(chance.randint(0, 9)))
        assert _within_as_words(part, text) == bool(re.search(rf"\b{re.escape(part)}\b", text)), (part, text)
    assert _within_as_words("prisoner exchange", "the prisoner exchange of june")
    assert not _within_as_words("prisoner", "prisoners")
