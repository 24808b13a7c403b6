"""Syndication: near-copies of one article (reprints with another outlet line and a word
or two changed) are grouped, and count as one source."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from parley.across import syndication
from parley.read.corpus import parse_article, read_corpus
from syndicated_copies import DATA, copies_folder

WIRE = (DATA / "wire_story.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def forty_copies_report(made_in_background):
    """`parley run` on forty near-copies of one wire story and one independent report (conftest's BACKGROUND_JOBS)."""
    return made_in_background("forty-copies")


def _table(out, name):
    return pd.read_csv(out / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


def test_forty_copies_are_one_original_and_thirty_nine_copies_in_documents(forty_copies_report):
    documents = _table(forty_copies_report, "documents").set_index("doc_id")
    assert len(documents) == 41
    # the group's earliest published article, ties by doc_id: nordic_wire before reprint_01
    assert documents.loc["nordic_wire", "duplicate_of"] == ""
    assert documents.loc["independent_report", "duplicate_of"] == ""
    copies = documents.drop(index=["nordic_wire", "independent_report"])
    assert set(copies["duplicate_of"]) == {"nordic_wire"} and len(copies) == 39


def test_forty_copies_count_as_one_source_in_the_timeline(forty_copies_report):
    timeline = _table(forty_copies_report, "timeline")
    bergen = timeline[timeline["date"] == "2025-11-20"]
    assert len(bergen) == 1
    row = bergen.iloc[0]
    # the wire story (in its forty copies) and the independent report: two sources
    assert row["n_sources"] == "2"
    assert len(row["doc_ids"].split("|")) == 41
    assert set(row["copies"].split("|")) == {f"reprint_{i:02d}" for i in range(1, 40)}
    stock = timeline[timeline["description"].str.contains("mackerel stock")]
    assert stock["n_sources"].tolist() == ["1"]  # only the wire story says it, forty times


def test_forty_copies_count_as_one_source_in_persons(forty_copies_report):
    persons = _table(forty_copies_report, "persons").set_index("name")
    assert persons.loc["Ingrid Solberg", "n_docs"] == "1"
    assert persons.loc["Einar Magnusson", "n_docs"] == "2"
    assert len(persons.loc["Ingrid Solberg", "doc_ids"].split("|")) == 40


def test_forty_copies_count_as_one_source_in_the_comparison_and_the_sources_view(forty_copies_report):
    comparison = _table(forty_copies_report, "comparison")
    assert comparison["n_sources"].astype(int).max() <= 2
    sources = _table(forty_copies_report, "sources")
    assert sources["n_sources"].astype(int).max() <= 2
    solberg = sources[sources["fact"].str.contains("Solberg")]
    # she and what she said are the wire story's alone, however many copies print it
    assert "person" in set(solberg["fact_kind"]) and set(solberg["n_sources"]) == {"1"}


def test_a_copy_with_an_edited_number_does_not_disagree_with_its_original(forty_copies_report):
    # reprint 06, 12, ... print "15 percent" where the wire story says 16
    documents = _table(forty_copies_report, "documents")
    assert documents["doc_id"].isin(["reprint_06"]).any()
    conflicts = _table(forty_copies_report, "conflicts")
    quantities = conflicts[conflicts["kind"] == "quantity"]
    assert not quantities["values"].str.contains("15").any(), quantities


# --- the grouping itself --------------------------------------------------------------


def _article(doc_id, text, published=""):
    article = parse_article(text, doc_id=doc_id)
    return dataclasses.replace(article, published=published)


def test_the_earliest_published_copy_is_the_original_whatever_its_name():
    early = WIRE.replace("negotiators said", "officials said")
    articles = [_article("a_late", WIRE, "2025-10-15"), _article("z_early", early, "2025-10-14"),
                _article("m_undated", WIRE.replace("Tuesday", "Monday"))]
    assert syndication.duplicates(articles) == {"a_late": "z_early", "m_undated": "z_early"}


def test_different_articles_about_the_same_talks_are_not_copies():
    independent = (DATA / "independent_report.txt").read_text(encoding="utf-8")
    assert syndication.duplicates([_article("wire", WIRE), _article("other", independent)]) == {}


def test_the_seed_articles_are_five_originals(tmp_path):
    from conftest import PRISTINE_SEEDS

    assert syndication.duplicates(read_corpus(PRISTINE_SEEDS).articles) == {}


def test_grouping_is_the_same_whatever_order_the_articles_come_in(tmp_path):
    articles = list(read_corpus(copies_folder(tmp_path / "a", n_copies=12)).articles)
    assert syndication.duplicates(articles) == syndication.duplicates(list(reversed(articles)))


def _bare_article(**fields):
    from types import SimpleNamespace

    return SimpleNamespace(**fields)


def test_signature_bands_are_datasketchs_and_an_edited_body_alone_is_hashed_again(monkeypatch, tmp_path, count_calls):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache" / "parley"))
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=syndication.SIMILARITY, num_perm=syndication.PERMUTATIONS)
    assert (lsh.b, lsh.r) == (syndication.BANDS, syndication.ROWS)
    story = "Negotiators from both sides met in Geneva on Monday and agreed to continue the talks next week. " * 3
    articles = [_bare_article(doc_id=d, body=story.replace("Monday", day), published="")
                for d, day in (("a", "Monday"), ("b", "Tuesday"), ("c", "Sunday"))]
    assert syndication.duplicates(articles) == {"b": "a", "c": "a"}
    hashed = count_calls(syndication, "_signature")
    edited = [*articles[:2], _bare_article(doc_id="c", body="A wholly different story about fishing quotas.", published="")]
    assert syndication.duplicates(edited) == {"b": "a"}
    assert hashed == [(edited[2].body,)]
