"""The committed reports are what the pipeline produces from seeds/, byte for byte."""

import re

import pytest

from parley import config

pytestmark = pytest.mark.slow


def _files(folder, pattern):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.glob(pattern))}


def test_a_fresh_run_reproduces_the_committed_tables_byte_for_byte(project_seeds_report):
    fresh, committed = _files(project_seeds_report, "data/*.csv"), _files(config.REPORTS_DIR, "data/*.csv")
    assert "data/documents.csv" in fresh
    assert sorted(fresh) == sorted(committed)
    changed = [name for name in fresh if fresh[name] != committed[name]]
    assert not changed, f"{changed} differ from reports/: run `make run` and commit reports/"


def test_a_fresh_run_reproduces_the_committed_workbook_and_parquet_files_byte_for_byte(project_seeds_report):
    def exports(folder):
        return {**_files(folder, "data/*.parquet"), **_files(folder, "parley.xlsx")}

    fresh, committed = exports(project_seeds_report), exports(config.REPORTS_DIR)
    assert {"parley.xlsx", "data/documents.parquet", "data/timeline.parquet"} <= set(fresh)
    assert sorted(fresh) == sorted(committed)
    assert [name for name in fresh if fresh[name] != committed[name]] == []


def test_a_fresh_run_reproduces_the_committed_figures_byte_for_byte(project_seeds_report):
    fresh, committed = _files(project_seeds_report, "figures/*"), _files(config.REPORTS_DIR, "figures/*")
    assert {"figures/delegations.png", "figures/timeline.png", "figures/positions.png", "figures/sources.png"} <= set(fresh)
    assert sorted(fresh) == sorted(committed)
    assert [name for name in fresh if fresh[name] != committed[name]] == []


def test_a_fresh_run_reproduces_the_committed_notebooks_and_pages(project_seeds_report):
    run = project_seeds_report
    for folder, pattern in (("notebooks", "*.ipynb"), ("html", "*.html"), (".", "index.html"), ("articles", "*.html")):
        fresh, committed = _files(run / folder, pattern), _files(config.REPORTS_DIR / folder, pattern)
        committed = {name: _without_run_date(data) for name, data in committed.items()}
        # the only differences allowed: the scratch folders' paths where the notebooks show them
        fresh = {name: _as_published(data, run) for name, data in fresh.items()}
        assert sorted(fresh) == sorted(committed)
        assert [name for name in fresh if fresh[name] != committed[name]] == [], folder


def _as_published(data: bytes, run) -> bytes:
    from conftest import PRISTINE_SEEDS

    data = data.replace(str(run).encode(), b"reports").replace(str(PRISTINE_SEEDS).encode(), b"seeds")
    data = data.replace(PRISTINE_SEEDS.relative_to(config.PROJECT_ROOT).as_posix().encode(), b"seeds")
    return _without_run_date(data)


def _without_run_date(data: bytes) -> bytes:
    """The footer's date says when the run happened: the one thing meant to differ between
    runs on different days (SOURCE_DATE_EPOCH fixes it where a build must be reproducible)."""
    return re.sub(rb'<time class="run-date" datetime="[^"]*">[^<]*</time>', b'<time class="run-date"></time>', data)


def test_the_run_publishes_every_notebook_as_executed_notebook_and_html(seeds_report):
    notebooks = sorted(p.stem for p in config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    assert len(notebooks) >= 5
    assert sorted(p.stem for p in (seeds_report / "notebooks").glob("*.ipynb")) == notebooks
    assert sorted(p.stem for p in (seeds_report / "html").glob("*.html")) == notebooks
    for page in (seeds_report / "html").glob("*.html"):
        text = page.read_text()
        assert "Traceback" not in text
        assert "analysis.load(" not in text  # code hidden: a reader sees prose, tables and figures


def test_documents_table_has_one_row_per_seed(seeds_report):
    import pandas as pd

    documents = pd.read_csv(seeds_report / "data" / "documents.csv", dtype=str, keep_default_na=False)
    assert len(documents) == 5
    assert list(documents.columns[:8]) == ["doc_id", "file", "sha256", "title", "outlet", "author", "published", "words"]


def test_the_report_names_its_version_date_and_seeds_and_carries_the_data_dictionary(seeds_report):
    import datetime
    import os

    from bs4 import BeautifulSoup

    from conftest import PRISTINE_SEEDS
    from parley import __version__
    from parley.tables import column_dictionary

    index = BeautifulSoup((seeds_report / "index.html").read_text(), "html.parser")
    footer = index.find("footer").get_text(" ", strip=True)
    assert f"Parley {__version__}" in footer and str(PRISTINE_SEEDS) in footer  # the seeds folder as it was given
    date = index.find("footer").find("time")["datetime"]
    if not os.environ.get("SOURCE_DATE_EPOCH"):
        assert abs((datetime.date.fromisoformat(date) - datetime.datetime.now(datetime.timezone.utc).date()).days) <= 1
    readme = (seeds_report / "README.md").read_text()
    for table, spec in column_dictionary().items():
        assert f"`{table}.csv`" in readme and index.find(id=f"dictionary-{table}") is not None
        for column in spec["columns"]:
            assert f"`{column}`" in readme
    # the evaluation's baseline column is blank where no baseline attempts the task
    import pandas as pd

    scores = pd.read_csv(seeds_report / "data" / "evaluation.csv", dtype=str, keep_default_na=False)
    table = index.find(id="evaluation").find_next("table")
    headers = [th.get_text(strip=True) for th in table.find("thead").find_all("th")]
    shown = {(cells[0], cells[1]): cells[headers.index("all baseline")]
             for cells in ([td.get_text(strip=True) for td in tr.find_all("td")] for tr in table.find("tbody").find_all("tr"))}
    for row in scores.itertuples():
        assert shown[(row.table, row.metric)] == row.baseline, (row.table, row.metric)
    assert "" in set(scores["baseline"])
