"""One edited article rewrites its own pages: article pages, notebook pages and their
links, and the workbook's sheets are kept by what they are made from, and a kept one is
the same bytes a fresh write gives."""

import io
import shutil
import time
import zipfile
from types import SimpleNamespace

import nbformat
import pandas as pd
import pytest

from parley import tables
from parley.publish import article_pages, exports, page_links, report


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache" / "parley"))


def _article(doc_id, raw):
    return SimpleNamespace(doc_id=doc_id, raw=raw, title=f"Talks {doc_id}", outlet="Wire", published="2025-06-02",
                           author="", file=f"{doc_id}.txt")


def _report(folder, raws: dict[str, str]):
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "documents.csv").write_text("doc_id,title,outlet,published\n" + "".join(
        f"{d},Talks {d},Wire,2025-06-02\n" for d in raws))
    (data / "quantities.csv").write_text("doc_id,value,unit,start,end,quote\n" + "".join(
        f"{d},12,delegates,{raw.index('12')},{raw.index('12') + 12},12 delegates\n" for d, raw in raws.items()))
    return [_article(d, raw) for d, raw in raws.items()]


def test_an_edited_article_renders_its_own_page_again_and_the_others_are_kept(tmp_path, monkeypatch, count_calls):
    raws = {"a": "In Geneva 12 delegates met.", "b": "In Doha 12 delegates met again."}
    first = {p.name: p.read_bytes() for p in article_pages.write_article_pages(tmp_path / "one", _report(tmp_path / "one", raws))}
    rendered = count_calls(article_pages, "highlight")
    edited = {**raws, "a": "On Monday in Geneva 12 delegates met."}
    second = article_pages.write_article_pages(tmp_path / "two", _report(tmp_path / "two", edited))
    assert [args[0] for args in rendered] == [edited["a"]]  # b's page was not made again
    pages = {p.name: p.read_bytes() for p in second}
    assert pages["b.html"] == first["b.html"] and pages["a.html"] != first["a.html"]
    assert b"On Monday" in pages["a.html"]
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "empty-cache" / "parley"))  # a fresh write, same bytes
    fresh = article_pages.write_article_pages(tmp_path / "three", _report(tmp_path / "three", edited))
    assert {p.name: p.read_bytes() for p in fresh} == pages


def _timeline_page(doc_ids="a|b"):
    table = ("<table><thead><tr><th>date</th><th>description</th><th>n_sources</th><th>doc_ids</th></tr></thead>"
             f"<tbody><tr><td>2025-06-02</td><td>talks resumed</td><td>2</td><td>{doc_ids}</td></tr></tbody></table>")
    return f"<html><body>{table}</body></html>"


def test_a_linked_page_is_kept_while_the_tables_answer_its_questions_as_before(tmp_path, monkeypatch, count_calls):
    raws = {"a": "In Geneva 12 delegates met.", "b": "In Doha 12 delegates met again."}
    _report(tmp_path, raws)
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "02_timeline.html").write_text(_timeline_page())
    page_links.link_pages(tmp_path)
    linked = (tmp_path / "html" / "02_timeline.html").read_text()
    assert "Wire: Talks a" in linked

    linking = count_calls(page_links, "link_tables")
    (tmp_path / "html" / "02_timeline.html").write_text(_timeline_page())
    # another article's facts changed (its offsets): this page asks nothing about them
    (tmp_path / "data" / "quantities.csv").write_text("doc_id,value,unit,start,end,quote\na,12,delegates,10,22,12 delegates\n")
    page_links.link_pages(tmp_path)
    assert linking == [] and (tmp_path / "html" / "02_timeline.html").read_text() == linked

    (tmp_path / "html" / "02_timeline.html").write_text(_timeline_page())
    (tmp_path / "data" / "documents.csv").write_text("doc_id,title,outlet,published\na,Talks end,Wire,2025-06-02\n"
                                                     "b,Talks b,Wire,2025-06-02\n")
    page_links.link_pages(tmp_path)  # a title the page shows changed: linked again
    assert len(linking) == 1 and "Wire: Talks end" in (tmp_path / "html" / "02_timeline.html").read_text()


def test_a_notebook_executed_to_the_same_bytes_is_not_exported_again(tmp_path, monkeypatch, count_calls):
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Timeline\n\nSome text.")])
    (tmp_path / "notebooks").mkdir()
    nbformat.write(notebook, tmp_path / "notebooks" / "02_timeline.ipynb")
    [page] = report.export_html(tmp_path)
    first = page.read_bytes()
    exporters = count_calls(report, "_exporter")
    assert report.export_html(tmp_path)[0].read_bytes() == first and exporters == []
    notebook.cells.append(nbformat.v4.new_markdown_cell("More text."))
    nbformat.write(notebook, tmp_path / "notebooks" / "02_timeline.ipynb")
    assert b"More text." in report.export_html(tmp_path)[0].read_bytes() and len(exporters) == 1


def _sheets(path):
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def test_a_workbook_keeps_the_sheets_of_unchanged_tables_and_equals_a_fresh_write(tmp_path, monkeypatch, count_calls):
    people = tables.frame("people", [{"doc_id": "a", "name": "Rustem Umerov", "start": 3, "end": 16, "quote": "x"}])
    skipped = tables.frame("skipped", [{"file": "x.pdf", "reason": "not an article file"}])
    for name, df in (("people", people), ("skipped", skipped)):
        tables.write_table(df, tmp_path, name)
    exports.write_workbook(tmp_path)
    rows_written = count_calls(exports, "_column_cells")
    people = tables.frame("people", [{"doc_id": "a", "name": "Rustem Umerov", "start": 13, "end": 26, "quote": "x"}])
    tables.write_table(people, tmp_path, "people")
    kept = exports.write_workbook(tmp_path).read_bytes()
    assert {args[1].name for args in rows_written} == set(people.columns)  # the skipped sheet was copied back
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "empty-cache" / "parley"))
    assert exports.write_workbook(tmp_path).read_bytes() == kept
    assert b"13" in _sheets(io.BytesIO(kept))["xl/worksheets/sheet1.xml"]


def test_the_cache_keeps_about_ten_runs_of_entries_the_most_recently_used():
    import os

    from parley.publish import page_cache

    keys = [page_cache.key("test-kind", str(i), within="context") for i in range(25)]
    for i, key in enumerate(keys):
        page_cache.put("test-kind", key, f"page {i}".encode())
        path = page_cache._folder("test-kind") / key
        os.utime(path, ns=(i * 10**9, i * 10**9))
    assert page_cache.get("test-kind", keys[0]) == b"page 0"  # used again: the most recent now
    page_cache.prune("test-kind", used_by_run=2)
    kept = {key for key in keys if (page_cache._folder("test-kind") / key).is_file()}
    assert kept == {keys[0], *keys[-19:]}


def _seed_build(folder):
    """A build folder as the notebooks leave it for the seeds: their tables, and an executed
    notebook showing a table of the timeline."""
    from parley import config

    shutil.copytree(config.PROJECT_ROOT / "reports" / "data", folder / "data")
    table = _timeline_page("000_ce0af6095adf2135|001_c0741157f515660f")
    cell = nbformat.v4.new_code_cell("timeline", outputs=[
        nbformat.v4.new_output("execute_result", data={"text/html": table, "text/plain": "a table"}, execution_count=1)])
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Timeline", id="title"), cell])
    cell.id = "table"  # not a random one: two builds are the same notebook
    (folder / "notebooks").mkdir()
    nbformat.write(notebook, folder / "notebooks" / "02_timeline.ipynb")
    return folder


def _files(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_made_ahead_are_copied_back_at_the_end_and_are_the_bytes_of_a_fresh_write(tmp_path, monkeypatch, count_calls):
    from parley import config
    from parley.publish import ahead
    from parley.read.corpus import read_corpus

    build = _seed_build(tmp_path / "build")
    before = _files(build)
    ahead.prepare(str(build), str(config.PROJECT_ROOT / "seeds"))
    assert _files(build) == before  # made ahead into the cache, nothing written into the build

    articles = read_corpus(config.PROJECT_ROOT / "seeds").articles
    made = {name: count_calls(module, name) for module, name in
            ((exports, "_column_cells"), (article_pages, "highlight"), (page_links, "link_tables"),
             (report, "_exporter"))}

    def the_end_of_a_run(folder):
        report.export_html(folder)
        workbook = exports.write_workbook(folder).read_bytes()
        pages = {p.name: p.read_bytes() for p in article_pages.write_article_pages(folder, articles)}
        page_links.link_pages(folder)
        return workbook, pages, (folder / "html" / "02_timeline.html").read_bytes()

    workbook, pages, linked = the_end_of_a_run(build)
    assert all(calls == [] for calls in made.values()), {name: len(calls) for name, calls in made.items()}
    assert len(pages) == 5 and b"Istanbul" in linked

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "empty-cache" / "parley"))  # a fresh write, same bytes
    assert the_end_of_a_run(_seed_build(tmp_path / "fresh")) == (workbook, pages, linked)
    assert all(calls for calls in made.values())


def test_a_sheet_made_on_its_own_is_the_sheet_of_its_place_in_the_workbook(tmp_path, monkeypatch):
    for name, row in (("documents", {"doc_id": "a", "title": "=1+1"}), ("people", {"doc_id": "a", "name": "Umerov"}),
                      ("skipped", {"file": "x.pdf", "reason": "not an article file"})):
        tables.write_table(tables.frame(name, [row]), tmp_path, name)
    whole = _sheets(exports.write_workbook(tmp_path))
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "empty-cache" / "parley"))
    assert exports.prepare_sheets(tmp_path) == 3 and exports.prepare_sheets(tmp_path) == 0  # kept: not made twice
    (tmp_path / exports.WORKBOOK).unlink()
    assert _sheets(exports.write_workbook(tmp_path)) == whole


def test_work_ahead_runs_in_its_own_process_and_stops_with_the_run(tmp_path):
    from parley import config
    from parley.publish import ahead, page_cache

    build = _seed_build(tmp_path / "build")
    runner = ahead.Ahead(build, config.PROJECT_ROOT / "seeds")
    runner.changed()
    sheets = page_cache._folder(exports._SHEETS)
    for _ in range(600):  # until the pass has kept the workbook's sheets (or a minute has gone)
        if len(list(sheets.glob("*"))) >= len(exports.table_names(build)):
            break
        time.sleep(0.1)
    runner.stop()
    assert len(list(sheets.glob("*"))) >= len(exports.table_names(build))
    assert not runner._thread.is_alive() and runner._child.poll() is not None

    again = ahead.Ahead(build, config.PROJECT_ROOT / "seeds")
    again.changed()
    time.sleep(1)  # stopped while it works, it leaves no half-written file in the cache
    again.stop()
    assert again._child.poll() is not None
    assert not [p for p in (tmp_path / "cache").rglob(".*.tmp")]
