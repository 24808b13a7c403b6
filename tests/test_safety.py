"""A user's own files, folders and published reports are safe from Parley.

Each test reproduces a defect a new user met (issue 9): a user's files deleted by
`--out`, reports unreadable by others, notebooks run by hand writing into reports/,
stale results in a kernel, relative paths resolved from the wrong folder.
"""

import os
import stat
import subprocess
import sys

import papermill as pm
import pytest
from test_pipeline import WRITE_TABLE, _notebook, _snapshot

from parley import analysis, cli, config
from parley.publish.output_folder import MANIFEST, manifest
from parley.publish.pipeline import PipelineError, run

pytestmark = pytest.mark.usefixtures("own_cache")  # conftest: its runs are throwaway


@pytest.fixture
def tiny_notebooks(tmp_path):
    folder = tmp_path / "notebooks"
    folder.mkdir()
    _notebook(folder / "01_documents.ipynb", WRITE_TABLE)
    return folder


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks resume\nThe two delegations met again on Monday for a new round of talks.\n")
    return folder


def test_an_out_folder_holding_a_users_files_is_refused_and_left_untouched(tmp_path, articles, tiny_notebooks, capsys):
    mystudy = tmp_path / "mystudy"
    mystudy.mkdir()
    (mystudy / "notes.txt").write_text("my notes")
    (mystudy / "draft.png").write_bytes(b"\x89PNG not really")
    before = _snapshot(mystudy)
    code = cli.main(["run", "--seeds", str(articles), "--out", str(mystudy), "--notebooks", str(tiny_notebooks)])
    err = capsys.readouterr().err
    assert code == 1
    assert "notes.txt" in err and "draft.png" in err and "did not write" in err
    assert err.strip().count("\n") == 0
    assert _snapshot(mystudy) == before
    assert sorted(p.name for p in mystudy.iterdir()) == ["draft.png", "notes.txt"]


def test_rerunning_into_parleys_own_folder_keeps_the_users_files_beside_the_reports(tmp_path, articles, tiny_notebooks):
    out = tmp_path / "reports"
    _notebook(tiny_notebooks / "02_extra.ipynb", "from parley import tables\nfrom parley.publish import notebooks\nimport pandas as pd\n"
              "tables.write_atomic(notebooks.out_dir(out_dir) / 'data' / 'extra.csv', b'x\\n')")
    run(articles, out, tiny_notebooks, progress=lambda m: None)
    assert "data/extra.csv" in manifest(out)
    (out / "my-notes.md").write_text("mine")
    (out / "data" / "my-table.csv").write_text("mine too")
    (tiny_notebooks / "02_extra.ipynb").unlink()  # the next run no longer writes extra.csv
    run(articles, out, tiny_notebooks, progress=lambda m: None)
    assert (out / "my-notes.md").read_text() == "mine"
    assert (out / "data" / "my-table.csv").read_text() == "mine too"
    assert not (out / "data" / "extra.csv").exists()  # Parley's own stale file is gone
    assert "my-notes.md" not in manifest(out) and (out / "data" / "documents.csv").is_file()


def test_a_file_given_as_out_is_refused(tmp_path, articles, tiny_notebooks):
    target = tmp_path / "report.html"
    target.write_text("mine")
    with pytest.raises(PipelineError, match="is a file, not a folder"):
        run(articles, target, tiny_notebooks, progress=lambda m: None)
    assert target.read_text() == "mine"


@pytest.mark.parametrize("mask, file_mode, folder_mode", [(0o022, 0o644, 0o755), (0o027, 0o640, 0o750)])
def test_published_reports_follow_the_users_umask(tmp_path, articles, tiny_notebooks, mask, file_mode, folder_mode):
    out = tmp_path / "reports"
    previous = os.umask(mask)
    try:
        run(articles, out, tiny_notebooks, progress=lambda m: None)
    finally:
        os.umask(previous)
    for path in [out, *out.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == (folder_mode if path.is_dir() else file_mode), (path, oct(mode))


def test_another_user_can_read_a_published_report(articles, tiny_notebooks):
    """As root: really read it as `nobody`. Otherwise no other user can be impersonated, and
    the permission bits for others say the same thing."""
    import shutil
    import tempfile

    shared = tempfile.mkdtemp(prefix="parley-shared-")  # /tmp/pytest-of-*/ is private to its owner
    os.chmod(shared, 0o755)
    out = os.path.join(shared, "reports")
    previous = os.umask(0o022)
    try:
        run(articles, out, tiny_notebooks, progress=lambda m: None)
    finally:
        os.umask(previous)
    try:
        index = os.path.join(out, "index.html")
        if os.geteuid() == 0:
            result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "cat", index],
                                    capture_output=True, text=True)
            assert result.returncode == 0 and "<html" in result.stdout, result.stderr
        else:
            for path in (out, os.path.join(out, "data"), index):
                assert os.stat(path).st_mode & stat.S_IROTH
    finally:
        shutil.rmtree(shared)


def test_relative_paths_start_at_the_current_directory(tmp_path, articles, tiny_notebooks, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code = cli.main(["run", "--seeds", "articles", "--out", "myreports", "--notebooks", str(tiny_notebooks)])
    assert code == 0
    assert (tmp_path / "myreports" / "data" / "documents.csv").is_file()
    assert not (config.PROJECT_ROOT / "myreports").exists()


def test_an_error_about_a_missing_out_folder_does_not_say_it_was_left_as_it_was(tmp_path, tiny_notebooks, capsys):
    code = cli.main(["run", "--seeds", str(tmp_path / "nowhere"), "--out", str(tmp_path / "never"),
                     "--notebooks", str(tiny_notebooks)])
    err = capsys.readouterr().err
    assert code == 1 and "nothing was written" in err and "left as it was" not in err
    assert not (tmp_path / "never").exists()


def test_parley_version():
    result = subprocess.run([sys.executable, "-m", "parley.cli", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout.strip().startswith("parley ")


def test_a_cell_timeout_is_one_paragraph_with_no_kernel_traceback(tmp_path, articles):
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    _notebook(notebooks / "01_slow.ipynb", "import time\ntime.sleep(30)")
    out = tmp_path / "reports"
    result = subprocess.run(
        [sys.executable, "-m", "parley.cli", "run", "--seeds", str(articles), "--out", str(out),
         "--notebooks", str(notebooks), "--cell-timeout", "1"],
        capture_output=True, text=True,
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("[1/1]")]
    assert len(lines) == 1 and lines[0].startswith("parley: Notebook 01_slow.ipynb stopped: a cell ran longer than 1 s")
    assert "Traceback" not in result.stderr and "ZMQError" not in result.stderr
    assert not out.exists()


def test_a_run_prints_no_kernel_log_lines(tmp_path, articles, tiny_notebooks):
    result = subprocess.run(
        [sys.executable, "-m", "parley.cli", "run", "--seeds", str(articles), "--out", str(tmp_path / "r"),
         "--notebooks", str(tiny_notebooks)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0
    assert "[IPKernelApp]" not in result.stderr and "Traceback" not in result.stderr
    assert all(line.startswith(("[1/1]", "extracting", "extracted", "writing", "wrote"))
               for line in filter(str.strip, result.stderr.splitlines())), result.stderr


def test_load_gives_fresh_results_when_an_article_changes(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    article = folder / "talks.txt"
    article.write_text("Talks resume\n\nMarch 04, 2024\n\nThe two delegations met in Geneva on Monday for talks.\n")
    first = analysis.load(str(folder))
    assert len(first["documents"]) == 1
    article.write_text("Talks end\n\nMarch 05, 2024\n\nThe two delegations left Geneva on Tuesday without a deal.\n")
    (folder / "more.txt").write_text("More talks\n\nMarch 06, 2024\n\nNegotiators met again on Wednesday in Doha.\n")
    second = analysis.load(str(folder))
    assert len(second["documents"]) == 2
    assert set(second["documents"]["title"]) == {"Talks end", "More talks"}


@pytest.mark.slow
def test_a_notebook_run_by_hand_without_out_dir_leaves_reports_untouched(tmp_path, articles, monkeypatch):
    monkeypatch.delenv("PARLEY_OUT_DIR", raising=False)  # as for a user: no test scratch folder set
    before = _snapshot(config.REPORTS_DIR)
    pm.execute_notebook(
        str(config.NOTEBOOKS_DIR / "01_extraction.ipynb"), str(tmp_path / "01.ipynb"),
        parameters={"seeds_dir": str(articles)}, kernel_name="python3", progress_bar=False,
        cwd=str(config.NOTEBOOKS_DIR),
    )
    assert _snapshot(config.REPORTS_DIR) == before
    written = (config.SCRATCH_DIR / "data" / "documents.csv").read_text()
    assert "a.txt" in written


@pytest.mark.slow
def test_a_notebook_pointed_at_the_published_reports_refuses(tmp_path, articles):
    assert (config.REPORTS_DIR / MANIFEST).is_file()
    before = _snapshot(config.REPORTS_DIR)
    with pytest.raises(pm.PapermillExecutionError, match="PublishedFolderError"):
        pm.execute_notebook(
            str(config.NOTEBOOKS_DIR / "01_extraction.ipynb"), str(tmp_path / "01.ipynb"),
            parameters={"seeds_dir": str(articles), "out_dir": str(config.REPORTS_DIR)},
            kernel_name="python3", progress_bar=False, cwd=str(config.NOTEBOOKS_DIR),
        )
    assert _snapshot(config.REPORTS_DIR) == before
