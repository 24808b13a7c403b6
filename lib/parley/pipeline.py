"""`parley run`: execute the numbered notebooks with papermill and publish `OUT/`.

Everything is built in a temporary folder beside OUT and swapped into place only
when every notebook succeeded, so a failed run leaves the previous reports as they
were. Executed notebooks are tidied (papermill's timestamps and the build folder's
name removed) so that re-running on the same articles changes as little as possible.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from parley import config

CELL_TIMEOUT_SECONDS = 600
KERNEL = "python3"


class PipelineError(Exception):
    """A run that could not finish; the message is one paragraph naming what is at fault."""


@dataclass(frozen=True)
class RunSummary:
    out_dir: Path
    notebooks: tuple[str, ...]
    seconds: float


def notebook_paths(notebooks_dir: Path | None = None) -> list[Path]:
    folder = notebooks_dir or config.NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def run(
    seeds_dir: str | os.PathLike | None = None,
    out_dir: str | os.PathLike | None = None,
    notebooks_dir: str | os.PathLike | None = None,
    cell_timeout: int = CELL_TIMEOUT_SECONDS,
    progress=None,
) -> RunSummary:
    """Run every notebook on the articles in `seeds_dir` and write the reports to `out_dir`."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    from parley import report
    from parley.corpus import CorpusError, read_corpus

    say = progress or (lambda message: print(message, file=sys.stderr, flush=True))
    seeds = config.resolve(seeds_dir, config.default_seeds_dir())
    out = config.resolve(out_dir, config.default_out_dir())
    notebooks = notebook_paths(config.resolve(notebooks_dir, config.NOTEBOOKS_DIR))
    if not notebooks:
        raise PipelineError(f"No numbered notebooks (NN_name.ipynb) in {notebooks_dir or config.NOTEBOOKS_DIR}.")
    try:
        corpus = read_corpus(seeds)
    except CorpusError as err:
        raise PipelineError(f"{err} Nothing was run; {_shown(out)} was left as it was.") from err
    for skipped in corpus.skipped:
        say(f"skipping {skipped.file}: {skipped.reason}")

    out.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".parley-build-{out.name}-", dir=out.parent))
    started = time.monotonic()
    try:
        for index, notebook in enumerate(notebooks, start=1):
            say(f"[{index}/{len(notebooks)}] {notebook.name} ...")
            began = time.monotonic()
            executed = build / "notebooks" / notebook.name
            executed.parent.mkdir(parents=True, exist_ok=True)
            try:
                pm.execute_notebook(
                    str(notebook),
                    str(executed),
                    parameters={"seeds_dir": str(seeds), "out_dir": str(build)},
                    kernel_name=KERNEL,
                    execution_timeout=cell_timeout,
                    progress_bar=False,
                    cwd=str(notebook.parent),
                    # a kernel on this machine only: its TCP-without-encryption warning is noise here
                    extra_arguments=["--IPKernelApp.log_level=ERROR"],
                )
            except PapermillExecutionError as err:
                raise PipelineError(_cell_failure(notebook, executed, err, out)) from err
            except Exception as err:  # kernel died, timeout, unreadable notebook
                raise PipelineError(
                    f"Notebook {notebook.name} could not be run: {type(err).__name__}: {_first_line(err)}. "
                    f"{_shown(out)} was left as it was."
                ) from err
            report.tidy_notebook(executed, seeds=seeds, out=out, build=build)
            say(f"[{index}/{len(notebooks)}] {notebook.name} done in {time.monotonic() - began:.1f}s")
        say("exporting HTML and the index page ...")
        report.export_html(build)
        report.write_index(build)
        _swap_into_place(build, out)
    finally:
        if build.exists():
            shutil.rmtree(build, ignore_errors=True)
    seconds = time.monotonic() - started
    say(f"wrote {_shown(out)} in {seconds:.0f}s: open {_shown(out / 'index.html')}")
    return RunSummary(out, tuple(n.name for n in notebooks), seconds)


def _swap_into_place(build: Path, out: Path) -> None:
    """Replace `out` by `build` with two renames on one file system."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".parley-old-{out.name}-", dir=out.parent))
        os.replace(out, old / out.name)
    try:
        os.replace(build, out)
    except OSError:
        if old is not None:
            os.replace(old / out.name, out)
        raise
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _cell_failure(notebook: Path, executed: Path, err, out: Path) -> str:
    source = (err.source or "").strip().splitlines()
    where = f"cell {_stored_cell_number(executed, err.cell_index)}"
    first = f' ("{source[0][:80]}")' if source else ""
    return (
        f"Notebook {notebook.name} failed in {where}{first}: {err.ename}: {_first_line(err.evalue)}. "
        f"Nothing was published; {_shown(out)} was left as it was. "
        f"Open the notebook in JupyterLab and run it to see the whole traceback."
    )


def _stored_cell_number(executed: Path, index: int) -> int:
    """The 1-based number of the failing cell in the notebook as stored, not counting the
    parameters cell papermill injected into the executed copy."""
    import nbformat

    try:
        cells = nbformat.read(executed, as_version=4).cells
    except Exception:  # the executed copy may not have been written
        return index + 1
    injected = sum(1 for c in cells[:index] if "injected-parameters" in c.metadata.get("tags", []))
    return index - injected + 1


def _first_line(value) -> str:
    text = str(value).strip()
    return text.splitlines()[0][:300] if text else "(no message)"


def _shown(path: Path) -> str:
    from parley.report import display_path

    return display_path(path) + "/" * path.is_dir()
