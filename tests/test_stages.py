"""Stages that are stages: each notebook's tables on disk for the next, the same tables as
one pass in memory, and `parley run` reusing what has not changed."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import PRISTINE_SEEDS
from parley import analysis, stages
from parley.publish.output_folder import files_under


def _csv(tables):
    return {name: df.to_csv(index=False) for name, df in tables.items()}


@pytest.fixture(scope="module")
def staged(tmp_path_factory):
    out = tmp_path_factory.mktemp("staged")
    stages.extraction(str(PRISTINE_SEEDS), out)
    return out


def test_the_stages_on_disk_give_the_tables_of_one_pass_in_memory(staged):
    from_disk = stages.everything(str(PRISTINE_SEEDS), staged).results()
    in_memory = analysis.analyse(str(PRISTINE_SEEDS))
    assert list(from_disk.tables) == list(in_memory.tables)
    assert _csv(from_disk.tables) == _csv(in_memory.tables)
    assert from_disk.convergence == in_memory.convergence
    for stage in ("extraction", "across", "comparison"):
        assert (staged / ".stages" / stage / "stage.json").is_file()


def test_a_later_stage_reads_the_earlier_ones_and_does_not_redo_them(staged, monkeypatch, capsys):
    stages.across(str(PRISTINE_SEEDS), staged)
    capsys.readouterr()

    def no_extraction(*args, **kwargs):
        raise AssertionError("stage 01 was made again although its tables were there")

    monkeypatch.setattr(analysis, "extraction_tables", no_extraction)
    monkeypatch.setattr(analysis, "across_tables", no_extraction)
    tables = stages.across(str(PRISTINE_SEEDS), staged)
    assert len(tables["persons"]) > 0
    assert capsys.readouterr().err == ""


def test_a_notebook_run_alone_says_which_stage_it_made_first(tmp_path, capsys):
    stages.comparison(str(PRISTINE_SEEDS), tmp_path)
    said = capsys.readouterr().err
    assert "Stage extraction (01_extraction.ipynb) has not been run" in said
    assert "Stage across (02_timeline.ipynb) has not been run" in said
    assert "comparison (03" not in said  # its own stage, made without a word


def test_an_edited_article_makes_the_stages_again(tmp_path, capsys):
    seeds = tmp_path / "seeds"
    shutil.copytree(PRISTINE_SEEDS, seeds)
    out = tmp_path / "out"
    before = stages.across(str(seeds), out)
    first = sorted(seeds.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8").replace("Istanbul", "Geneva"), encoding="utf-8")
    after = stages.across(str(seeds), out)
    assert "Stage extraction (01_extraction.ipynb) was run on other articles" in capsys.readouterr().err
    assert before["events"]["quote"].str.contains("Istanbul").sum() > after["events"]["quote"].str.contains("Istanbul").sum()


@pytest.mark.slow
def test_a_rerun_with_nothing_changed_reuses_every_notebook_and_writes_the_same_bytes(seeds_report, tmp_path):
    before = {path: (seeds_report / path).read_bytes() for path in files_under(seeds_report)}
    result = subprocess.run([sys.executable, "-m", "parley.cli", "run", "--seeds", str(PRISTINE_SEEDS),
                             "--out", str(seeds_report)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    reused = [line for line in result.stderr.splitlines() if "reused" in line]
    assert len(reused) == 6, result.stderr  # five notebooks, then the workbook, index and article pages
    assert "article pages reused" in reused[-1]
    assert {path: (seeds_report / path).read_bytes() for path in files_under(seeds_report)} == before


def test_a_notebook_is_reused_only_for_the_same_articles_code_libraries_and_notebook(tmp_path, monkeypatch):
    from parley.publish import stage_cache
    from parley.read.corpus import read_corpus

    corpus = read_corpus(PRISTINE_SEEDS)
    notebook = tmp_path / "01_x.ipynb"
    notebook.write_text("{}", encoding="utf-8")

    def key():
        return stage_cache.notebook_key(stage_cache.run_key(corpus, PRISTINE_SEEDS, tmp_path / "out", None), notebook, None)

    first = key()
    assert key() == first
    finish = stage_cache.finish_key(first, "seeds", "2026-01-01", False)
    assert finish == stage_cache.finish_key(key(), "seeds", "2026-01-01", False)
    # the pages also show where the articles were, the day of the run, and --excel-csv marks the CSVs
    assert len({finish, stage_cache.finish_key(first, "other", "2026-01-01", False),
                stage_cache.finish_key(first, "seeds", "2026-01-02", False),
                stage_cache.finish_key(first, "seeds", "2026-01-01", True)}) == 4
    monkeypatch.setattr(stage_cache, "_versions", lambda: "pandas==0.0")
    assert key() != first  # an upgraded library may draw differently
    monkeypatch.undo()
    notebook.write_text('{"cells": []}', encoding="utf-8")
    assert key() != first  # an edited notebook
    notebook.write_text("{}", encoding="utf-8")
    assert key() == first
    fewer = read_corpus(PRISTINE_SEEDS)
    fewer = type(fewer)(fewer.articles[1:], fewer.skipped)
    assert stage_cache.run_key(fewer, PRISTINE_SEEDS, tmp_path / "out", None) != stage_cache.run_key(
        corpus, PRISTINE_SEEDS, tmp_path / "out", None)
