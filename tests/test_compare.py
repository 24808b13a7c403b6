"""The comparison matrix, convergence and clashes, and the positions figure."""

from __future__ import annotations

import pandas as pd

from parley.across.compare import COMPARISON_COLUMNS, compare_positions, convergence
from parley.publish.figures.positions import plot_positions
from parley.tables import COLUMNS


def _positions(rows) -> pd.DataFrame:
    """rows: (doc_id, side, issue, stance[, quote])"""
    records = []
    for i, row in enumerate(rows):
        doc_id, side, issue, stance = row[:4]
        records.append({"doc_id": doc_id, "side": side, "issue": issue, "stance": stance,
                        "start": 10 * i, "end": 10 * i + 5, "quote": row[4] if len(row) > 4 else f"quote {i}"})
    return pd.DataFrame(records)


def _cell(comparison, issue, side) -> dict:
    [row] = comparison[(comparison["issue"] == issue) & (comparison["side"] == side)].to_dict("records")
    return row


def test_matrix_counts_articles_and_keeps_every_stance():
    comparison = compare_positions(_positions([
        ("a", "Ukraine", "ceasefire", "demands", "Ukraine demanded a ceasefire"),
        ("a", "Ukraine", "ceasefire", "demands", "again"),
        ("b", "Ukraine", "ceasefire", "demands", "a full ceasefire"),
        ("c", "Ukraine", "ceasefire", "proposes", "a 30-day ceasefire"),
        ("b", "Russia", "ceasefire", "rejects", "a demand the Kremlin rejected"),
        ("b", "", "ceasefire", "demands"),  # no side: not in the matrix
    ]))
    assert list(comparison.columns[:5]) == COLUMNS["comparison"]
    ukraine = _cell(comparison, "ceasefire", "Ukraine")
    assert (ukraine["stance"], ukraine["n_sources"], ukraine["doc_ids"]) == ("demands", 3, "a|b|c")
    assert ukraine["stances"] == "demands:2|proposes:1"
    assert ukraine["quotes"] == "Ukraine demanded a ceasefire|a full ceasefire|a 30-day ceasefire"
    assert ukraine["label"] == "Ceasefire"
    russia = _cell(comparison, "ceasefire", "Russia")
    assert (russia["stance"], russia["n_sources"], russia["doc_ids"]) == ("rejects", 1, "b")
    assert len(comparison) == 2


def test_ties_go_to_rows_then_to_the_more_committing_stance():
    by_rows = compare_positions(_positions([
        ("a", "Ukraine", "sanctions", "proposes"), ("a", "Ukraine", "sanctions", "proposes"),
        ("b", "Ukraine", "sanctions", "demands"),
    ]))
    assert _cell(by_rows, "sanctions", "Ukraine")["stance"] == "proposes"  # 1 article each; 2 rows beat 1
    by_precedence = compare_positions(_positions([
        ("a", "Ukraine", "territory", "agrees"), ("b", "Ukraine", "territory", "rejects"),
        ("c", "Ukraine", "territory", "proposes"), ("d", "Ukraine", "territory", "demands"),
    ]))
    assert _cell(by_precedence, "territory", "Ukraine")["stance"] == "rejects"


def test_rows_follow_the_codebook_order():
    comparison = compare_positions(_positions([
        ("a", "Ukraine", "monitoring", "proposes"), ("a", "Russia", "ceasefire", "rejects"),
        ("a", "Ukraine", "ceasefire", "demands"), ("a", "Ukraine", "prisoners", "agrees"),
    ]))
    assert list(zip(comparison["issue"], comparison["side"])) == [
        ("ceasefire", "Russia"), ("ceasefire", "Ukraine"), ("prisoners", "Ukraine"), ("monitoring", "Ukraine")]


def test_empty_positions_give_an_empty_matrix():
    empty = compare_positions(pd.DataFrame(columns=COLUMNS["positions"]))
    assert list(empty.columns) == COMPARISON_COLUMNS and len(empty) == 0
    assert convergence(empty) == []


def test_convergence_and_clashes_are_read_from_the_matrix():
    comparison = compare_positions(_positions([
        ("a", "Ukraine", "ceasefire", "demands"), ("b", "Ukraine", "ceasefire", "demands"),
        ("a", "Russia", "ceasefire", "rejects"),
        ("a", "Ukraine", "prisoners", "proposes"), ("b", "Russia", "prisoners", "agrees"),
        ("a", "Ukraine", "humanitarian", "agrees"), ("c", "Russia", "humanitarian", "agrees"),
        ("a", "Ukraine", "nato_eu", "demands"), ("a", "Russia", "nato_eu", "demands"),
        ("a", "Ukraine", "monitoring", "proposes"),  # one side only: neither
        ("a", "Ukraine", "sanctions", "proposes"), ("a", "Russia", "sanctions", "demands"),  # neither
    ]))
    found = {(f["kind"], f["issue"], f["sides"], f["stances"], f["relation"]) for f in convergence(comparison)}
    assert found == {
        ("clash", "ceasefire", "Russia|Ukraine", "rejects|demands", "one demands, the other rejects"),
        ("contested", "nato_eu", "Russia|Ukraine", "demands|demands", "both make demands; their terms may differ"),
        ("converge", "prisoners", "Russia|Ukraine", "agrees|proposes", "one proposes, the other agrees"),
        ("converge", "humanitarian", "Russia|Ukraine", "agrees|agrees", "both agree"),
    }
    [ceasefire] = [f for f in convergence(comparison) if f["issue"] == "ceasefire"]
    assert ceasefire["sentence"] == (
        "Ceasefire: Russia rejects (1 article), Ukraine demands (2 articles); the sides clash "
        "(one demands, the other rejects).")
    assert ceasefire["doc_ids"] == "a|b"
    assert [f["kind"] for f in convergence(comparison)] == ["clash", "contested", "converge", "converge"]


def test_an_agreement_both_report_is_convergence_whatever_else_they_said():
    comparison = compare_positions(_positions([
        ("a", "Ukraine", "prisoners", "demands"), ("b", "Ukraine", "prisoners", "demands"),
        ("c", "Ukraine", "prisoners", "agrees"), ("c", "Russia", "prisoners", "agrees"),
    ]))
    [item] = convergence(comparison)
    assert (item["kind"], item["relation"], item["stances"], item["n_sources"]) == (
        "converge", "both agree", "agrees|agrees", "1|1")
    assert item["sentence"] == (
        "Prisoners of war: Russia agrees (1 article), Ukraine agrees (1 article); the sides converge (both agree).")


# --- the figure ------------------------------------------------------------------------


def test_figure_is_written_as_png_and_svg_and_is_deterministic(tmp_path):
    comparison = compare_positions(_positions([
        ("a", "Ukraine", "ceasefire", "demands"), ("b", "Ukraine", "ceasefire", "demands"),
        ("a", "Russia", "ceasefire", "rejects"), ("a", "Russia", "prisoners", "agrees"),
        ("a", "Ukraine", "territory", "rejects"), ("b", "Ukraine", "leaders_meeting", "proposes"),
    ]))
    first = plot_positions(comparison, tmp_path / "one")
    second = plot_positions(comparison, tmp_path / "two")
    assert first == tmp_path / "one" / "figures" / "positions.png"
    assert first.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert first.read_bytes() == second.read_bytes()
    svg = (tmp_path / "one" / "figures" / "positions.svg").read_text(encoding="utf-8")
    for text in ("Ceasefire", "Leaders' meeting", "Ukraine", "Russia", "demands", "rejects", "agrees", "proposes"):
        assert text in svg


def test_figure_without_positions_still_says_so(tmp_path):
    path = plot_positions(pd.DataFrame(columns=COMPARISON_COLUMNS), tmp_path)
    assert path.is_file()
    assert "No positions" in (tmp_path / "figures" / "positions.svg").read_text(encoding="utf-8")


def test_matrix_and_markdown_for_the_report():
    from parley.across.compare import convergence_markdown, matrix

    comparison = compare_positions(_positions([
        ("a", "Ukraine", "ceasefire", "demands"), ("b", "Ukraine", "ceasefire", "demands"),
        ("a", "Russia", "ceasefire", "rejects"), ("a", "Ukraine", "monitoring", "proposes"),
    ]))
    table = matrix(comparison)
    assert list(table.columns) == ["Ukraine", "Russia"]
    assert list(table.index) == ["Ceasefire", "Monitoring and verification"]
    assert table.loc["Ceasefire", "Ukraine"] == "demands (2)" and table.loc["Monitoring and verification", "Russia"] == ""
    text = convergence_markdown(convergence(comparison))
    assert "**Where the sides clash**" in text and "- Ceasefire: Russia rejects (1 article)" in text
    assert "**Where the sides converge**\n\n- none found" in text
    assert convergence_markdown([]).startswith("The articles report no issue")
