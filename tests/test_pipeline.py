"""`parley run`: publishing atomically, clear errors, and the report layout.

These runs use tiny notebooks of the tests' own so the mechanics are checked in
seconds; tests/test_reports.py runs the real notebooks on the seeds.
"""

import json
import subprocess
import sys

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from parley import cli
from parley.publish.pipeline import PipelineError, run

pytestmark = pytest.mark.usefixtures("own_cache")  # conftest: its runs are throwaway


def _notebook(path, *sources):
    parameters = new_code_cell('seeds_dir = ""\nout_dir = ""')
    parameters.metadata["tags"] = ["parameters"]
    cells = [new_markdown_cell(f"# {path.stem}"), parameters] + [new_code_cell(s) for s in sources]
    nb = new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)


WRITE_TABLE = """
from parley import analysis, tables
from parley.publish import notebooks
from parley.read.corpus import read_corpus
corpus = read_corpus(notebooks.seeds_dir(seeds_dir))
tables.write_table(corpus.documents(), notebooks.out_dir(out_dir), "documents")
print(len(corpus.articles), "articles")
"""


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\nThe two delegations met again on Monday for a new round of talks in the capital.\n")
    (folder / "b.txt").write_text("Talks end\n<script>alert(1)</script> The meeting ended after four hours without any agreement at all.\n")
    return folder


@pytest.fixture
def previous_reports(tmp_path):
    """Reports an earlier run published (with Parley's manifest), to be replaced or kept."""
    from parley.publish.output_folder import publish

    build = tmp_path / "earlier-build"
    (build / "data").mkdir(parents=True)
    (build / "data" / "documents.csv").write_text("previous good report\n")
    (build / "index.html").write_text("<p>previous</p>")
    out = tmp_path / "reports"
    publish(build, out)
    return out


def _snapshot(folder):
    return {p.relative_to(folder): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_run_publishes_notebooks_html_data_and_index(tmp_path, articles, previous_reports):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_documents.ipynb", WRITE_TABLE)
    _notebook(notebooks / "02_more.ipynb", "print('second')")
    messages = []
    summary = run(articles, previous_reports, notebooks, progress=messages.append)
    assert summary.notebooks == ("01_documents.ipynb", "02_more.ipynb")
    files = _snapshot(previous_reports)
    assert {str(p) for p in files} >= {
        "index.html", "data/documents.csv", "notebooks/01_documents.ipynb", "notebooks/02_more.ipynb",
        "html/01_documents.html", "html/02_more.html",
    }
    assert b"previous good report" not in files[__import__("pathlib").Path("data/documents.csv")]
    assert any(m.startswith("[1/2] 01_documents.ipynb") for m in messages)
    assert any(m.startswith("[2/2] 02_more.ipynb done") for m in messages)
    # no build folder is left behind
    assert [p.name for p in previous_reports.parent.iterdir() if p.name.startswith(".parley")] == []


def test_an_article_with_markup_is_shown_as_text_in_every_report(tmp_path, articles, previous_reports):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_documents.ipynb", WRITE_TABLE,
              "from parley.read.corpus import read_corpus\nread_corpus(notebooks.seeds_dir(seeds_dir)).documents()",
              "print(read_corpus(notebooks.seeds_dir(seeds_dir)).articles[1].body)")
    run(articles, previous_reports, notebooks, progress=lambda m: None)
    for page in list(previous_reports.rglob("*.html")):
        text = page.read_text()
        assert "<script>alert(1)</script>" not in text, page


def test_executed_notebooks_show_the_final_folders_not_the_build_folder(tmp_path, articles, previous_reports):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_documents.ipynb", "print(out_dir)")
    run(articles, previous_reports, notebooks, progress=lambda m: None)
    executed = (previous_reports / "notebooks" / "01_documents.ipynb").read_text()
    assert ".parley-build" not in executed
    assert str(previous_reports) in executed
    assert "start_time" not in executed and "end_time" not in executed


def test_a_failing_notebook_names_the_cell_and_leaves_reports_untouched(tmp_path, articles, previous_reports):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_documents.ipynb", WRITE_TABLE)
    _notebook(notebooks / "02_broken.ipynb", "x = 1", "raise ValueError('the comparison went wrong')")
    before = _snapshot(previous_reports)
    with pytest.raises(PipelineError) as failure:
        run(articles, previous_reports, notebooks, progress=lambda m: None)
    message = str(failure.value)
    assert "02_broken.ipynb" in message and "cell 4" in message  # counted from 1 in the notebook as stored
    assert "ValueError: the comparison went wrong" in message
    assert "\n" not in message
    assert _snapshot(previous_reports) == before
    assert [p.name for p in previous_reports.parent.iterdir() if p.name.startswith(".parley")] == []


def test_cli_on_a_missing_seeds_folder_exits_non_zero_with_one_paragraph(tmp_path, previous_reports, capsys):
    before = _snapshot(previous_reports)
    code = cli.main(["run", "--seeds", "/no/such/dir", "--out", str(previous_reports)])
    err = capsys.readouterr().err
    assert code != 0
    assert "/no/such/dir" in err and "does not exist" in err and "left as it was" in err
    assert err.strip().count("\n") == 0
    assert _snapshot(previous_reports) == before


def test_cli_on_an_empty_seeds_folder_is_a_clear_error(tmp_path, previous_reports):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "parley.cli", "run", "--seeds", str(empty), "--out", str(previous_reports)],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    assert "No readable article" in result.stderr and "Traceback" not in result.stderr


def test_printed_text_is_one_output_however_the_kernel_split_it(tmp_path, articles, previous_reports):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_prints.ipynb", "import sys, time\nprint('a'); sys.stdout.flush(); time.sleep(0.3)\nprint('b')")
    run(articles, previous_reports, notebooks, progress=lambda m: None)
    executed = nbformat.read(previous_reports / "notebooks" / "01_prints.ipynb", as_version=4)
    [cell] = [c for c in executed.cells if c.cell_type == "code" and "print('a')" in c.source]
    assert [(o.output_type, o.text) for o in cell.outputs] == [("stream", "a\nb\n")]


EVALUATE = """
from parley import analysis, evaluate, tables
from parley.publish import notebooks
scores = evaluate.evaluate_corpus(analysis.load(seeds_dir), gold_path)
if scores is not None:
    tables.write_table(scores.table, notebooks.out_dir(out_dir), "evaluation")
"""


def _evaluation_notebooks(tmp_path):
    """A folder with one notebook that scores the articles, taking `gold_path` as a parameter."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_evaluation.ipynb", EVALUATE)
    nb = nbformat.read(notebooks / "01_evaluation.ipynb", as_version=4)
    nb.cells[1].source += '\ngold_path = ""'
    nbformat.write(nb, notebooks / "01_evaluation.ipynb")
    return notebooks


def test_parley_evaluate_scores_a_corpus_against_any_gold_and_prints_each_part(tmp_path, articles, capsys):
    notebooks = _evaluation_notebooks(tmp_path)
    gold = tmp_path / "gold" / "gold.json"
    gold.parent.mkdir()
    gold.write_text(json.dumps([
        {"file": "a.txt", "published": None, "outlet": None, "people": [], "events": [], "quantities": [], "positions": []},
        {"file": "b.txt", "published": "2024-03-04", "outlet": None, "people": [], "events": [], "quantities": [],
         "positions": []},
    ]), encoding="utf-8")
    (gold.parent / "split.csv").write_text("file,negotiation,part\na.txt,x,train\nb.txt,y,check\n", encoding="utf-8")
    out = tmp_path / "scored"
    code = cli.main(["evaluate", "--gold", str(gold), "--seeds", str(articles), "--out", str(out),
                     "--notebooks", str(notebooks)])
    printed = capsys.readouterr().out
    assert code == 0
    header, *rows = printed.splitlines()
    assert header.split()[:4] == ["table", "metric", "all", "all"] and "check" in header and "train" in header
    published = next(r for r in rows if "published_accuracy" in r).split()
    assert published[:5] == ["documents", "published_accuracy", "0.5", "2", "1.0"]  # a right, b wrong
    assert (out / "data" / "evaluation.csv").is_file()
    assert "How good is it?" in (out / "index.html").read_text()


def test_a_run_without_gold_for_its_articles_says_so_in_one_line(tmp_path, articles):
    notebooks = _evaluation_notebooks(tmp_path)
    messages = []
    run(articles, tmp_path / "out", notebooks, progress=messages.append)
    said = [m for m in messages if "evaluation" in m and "gold" in m]
    assert len(said) == 1 and said[0].startswith("no evaluation:")
