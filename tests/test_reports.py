"""The committed reports are what the pipeline produces from seeds/, byte for byte."""

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
    for folder, pattern in (("notebooks", "*.ipynb"), ("html", "*.html"), (".", "index.html")):
        fresh, committed = _files(run / folder, pattern), _files(config.REPORTS_DIR / folder, pattern)
        # the only differences allowed: the scratch folders' paths where the notebooks show them
        fresh = {name: _as_published(data, run) for name, data in fresh.items()}
        assert sorted(fresh) == sorted(committed)
        assert [name for name in fresh if fresh[name] != committed[name]] == [], folder


def _as_published(data: bytes, run) -> bytes:
    from conftest import PRISTINE_SEEDS

    data = data.replace(str(run).encode(), b"reports").replace(str(PRISTINE_SEEDS).encode(), b"seeds")
    return data.replace(PRISTINE_SEEDS.relative_to(config.PROJECT_ROOT).as_posix().encode(), b"seeds")


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
