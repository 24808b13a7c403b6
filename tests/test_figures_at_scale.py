"""Figures stay readable at thousands of articles: the top entries and "and N more"."""

from __future__ import annotations

import pandas as pd
from PIL import Image

from parley.across.sources import SOURCE_COLUMNS
from parley.publish.figures import delegations as delegations_figure
from parley.publish.figures import sources as sources_figure
from parley.publish.figures.positions import MAX_SIDES, plot_positions


def test_a_side_with_hundreds_of_people_shows_the_most_named_and_counts_the_rest():
    people = pd.DataFrame([{"side": "Ruritania", "name": f"Person {k:03d}", "role": "adviser", "n_docs": 500 - k,
                            "doc_ids": "a"} for k in range(300)])
    [(side, entries)] = delegations_figure._panels(people, max_sides=4)
    assert len(entries) == delegations_figure.MAX_PEOPLE
    assert entries[0]["name"] == "Person 000"
    assert entries[-1]["name"] == f"and {300 - delegations_figure.MAX_PEOPLE + 1} more"
    assert sum(e.get("people", 1) for e in entries) == 300


def test_the_positions_figure_keeps_the_sides_with_most_positions(tmp_path):
    rows = [{"issue": "ceasefire", "side": f"Side {k:02d}", "stance": "demands", "n_sources": 1, "doc_ids": "a",
             "stances": "demands:1", "quotes": "", "label": ""} for k in range(3 * MAX_SIDES)]
    few = plot_positions(pd.DataFrame(rows[:MAX_SIDES]), tmp_path / "few")
    many = plot_positions(pd.DataFrame(rows), tmp_path / "many")
    assert Image.open(many).size[0] == Image.open(few).size[0]  # no wider for the extra sides


def test_the_sources_view_of_many_articles_has_a_column_per_outlet(tmp_path):
    docs = [f"d{k:04d}" for k in range(400)]
    outlets = [f"Outlet {k % 50}" if k % 7 else "" for k in range(400)]
    reports = {f: [d for k, d in enumerate(docs) if (k + f) % 9 == 0] for f in range(40)}
    facts = pd.DataFrame([{"fact_kind": "person", "fact": f"Person {f}", "n_sources": len(reports[f]),
                           "doc_ids": "|".join(reports[f]), "conflict": 0, "disagreement": "",
                           **{d: int(d in reports[f]) for d in docs}} for f in range(40)],
                         columns=SOURCE_COLUMNS + docs)
    documents = pd.DataFrame({"doc_id": docs, "outlet": outlets})
    table, columns, labels = sources_figure._by_outlet(facts, docs, documents)
    assert len(columns) == sources_figure.MAX_OUTLET_COLUMNS and columns[-1] == sources_figure.OTHER_OUTLETS
    assert columns[0] == sources_figure.NO_OUTLET  # 58 articles without an outlet: the largest group
    assert int(table[columns].to_numpy().sum()) == int(facts[docs].to_numpy().sum())  # every report counted once
    path = sources_figure.plot_sources(facts, documents, tmp_path / "matrix")
    width, _ = Image.open(path).size
    assert width < 2500
    # beyond MAX_ARTICLE_COLUMNS articles the table has no column per article: the same figure
    # from doc_ids alone
    listed = sources_figure.plot_sources(facts[SOURCE_COLUMNS], documents, tmp_path / "listed")
    assert listed.read_bytes() == path.read_bytes()


def test_the_sources_table_of_many_articles_lists_them_without_a_column_each(monkeypatch):
    from parley.across import sources

    documents = pd.DataFrame({"doc_id": ["a1", "b2", "c3"], "outlet": ["", "", ""]})
    people = pd.DataFrame([{"doc_id": d, "person_id": "p1", "name": "Anna Berg"} for d in ("a1", "c3")])
    assert sources.doc_columns(sources.sources_table({"documents": documents, "people": people})) == ["a1", "b2", "c3"]
    monkeypatch.setattr(sources, "MAX_ARTICLE_COLUMNS", 2)
    listed = sources.sources_table({"documents": documents, "people": people})
    assert list(listed.columns) == SOURCE_COLUMNS
    assert listed.loc[listed["fact"] == "Anna Berg", "doc_ids"].tolist() == ["a1|c3"]


def test_the_convergence_text_lists_the_best_supported_and_counts_the_rest():
    from parley.across.compare import MAX_LISTED, MAX_SOURCES, convergence_markdown

    items = [{"kind": "clash", "sentence": f"Issue {k}: they clash.", "doc_ids": "|".join(f"d{j}" for j in range(k + 1))}
             for k in range(MAX_LISTED + 10)]
    text = convergence_markdown(items)
    assert f"Issue {MAX_LISTED + 9}:" in text and "Issue 0:" not in text  # the most sources first
    assert "… and 10 more, with fewer sources" in text
    assert f"and {MAX_LISTED + 10 - MAX_SOURCES} more." in text  # ids beyond the first few are counted


def test_a_long_table_shows_as_a_preview_with_its_size():
    import pandas as pd

    from parley.publish import notebooks

    with pd.option_context("display.max_rows", 60, "display.min_rows", 10):  # restored afterwards
        notebooks.show_whole_tables()
        long = pd.DataFrame({"n": range(5000)})
        html = long._repr_html_()
        assert "5000 rows" in html and html.count("<tr>") < 250
        short = pd.DataFrame({"n": range(notebooks.PREVIEW_ROWS)})
        assert "rows ×" not in short._repr_html_()


def test_long_side_names_in_neighbouring_columns_do_not_overlap(tmp_path, monkeypatch):
    from parley.publish.figures import positions as positions_figure

    drawn = []

    def keep_and_save(fig, out_dir, name):
        fig.canvas.draw()
        drawn.append([label.get_window_extent() for label in fig.axes[0].get_xticklabels()])
        return original(fig, out_dir, name)

    original = positions_figure.save
    monkeypatch.setattr(positions_figure, "save", keep_and_save)
    # a figure cache of its own: from the shared one, a second `make test` would copy the
    # figure its first run drew, and draw nothing to measure
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache" / "parley"))
    sides = ["Cameroon", "Democratic Republic of the Congo", "Eritrea", "Central African Republic"]
    rows = [{"issue": "ceasefire", "side": side, "stance": "demands", "n_sources": 1, "doc_ids": "a",
             "stances": "demands:1", "quotes": "", "label": ""} for side in sides]
    plot_positions(pd.DataFrame(rows), tmp_path)
    [boxes] = drawn
    assert all(left.x1 < right.x0 for left, right in zip(boxes, boxes[1:]))
