"""`parley run`: execute the numbered notebooks with papermill and publish `OUT/`.

Everything is built in a temporary folder beside OUT and published only when every
notebook succeeded, so a failed run leaves the previous reports as they were. OUT must
be empty, missing, or one Parley published before (`parley.publish.output_folder`), and nothing
else in it is touched. Executed notebooks are tidied (papermill's timestamps and the
build folder's name removed) so that re-running on the same articles changes nothing.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from parley import config
from parley.publish import stage_cache
from parley.publish import kernels
from parley.publish.ahead import Ahead, own_python, own_python_env
from parley.publish.kernels import KernelsAhead

CELL_TIMEOUT_SECONDS = 600
KERNEL = "python3"
# a kernel on this machine only: its TCP-without-encryption warning is noise here
_KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=ERROR"]
_KERNEL_LOG = ".kernel.log"
# Libraries whose warnings Parley turns into its own one-paragraph messages
# ("Timeout waiting for execute reply" becomes "a cell ran longer than ...").
_THIRD_PARTY_LOGGERS = ("papermill", "nbclient", "traitlets", "jupyter_client", "asyncio")


class PipelineError(Exception):
    """A run that could not finish; the message is one paragraph naming what is at fault."""


@dataclass(frozen=True)
class RunSummary:
    out_dir: Path
    notebooks: tuple[str, ...]
    seconds: float
    reused: tuple[str, ...] = ()  # notebooks whose outputs came from the stage cache


def notebook_paths(notebooks_dir: Path | None = None) -> list[Path]:
    folder = notebooks_dir or config.NOTEBOOKS_DIR
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def run(
    seeds_dir: str | os.PathLike | None = None,
    out_dir: str | os.PathLike | None = None,
    notebooks_dir: str | os.PathLike | None = None,
    cell_timeout: int = CELL_TIMEOUT_SECONDS,
    progress=None,
    gold_path: str | os.PathLike | None = None,
    executor: str = "local",
    scheduler: str | None = None,
    config_path: str | os.PathLike | None = None,
    excel_csv: bool = False,
) -> RunSummary:
    """Run every notebook on the articles in `seeds_dir` and publish the reports in `out_dir`
    (relative paths start at the current directory; defaults: seeds/ and reports/). With
    `gold_path`, the evaluation scores the articles against that gold file. `executor`
    "dask" extracts the articles on a Dask cluster (`scheduler`, or a local one).
    `config_path`: the project file (default: `parley.toml` in the seeds folder, if any).
    With `excel_csv`, the CSVs start with a UTF-8 byte-order mark, for spreadsheet programs."""
    from parley.publish import article_pages, exports, page_links, report
    from parley.publish.output_folder import OutputFolderError, check_writable, publish
    from parley.read.corpus import CorpusError, read_corpus

    say = progress or (lambda message: print(message, file=sys.stderr, flush=True))
    seeds = config.from_cwd(seeds_dir, config.default_seeds_dir())
    out = config.from_cwd(out_dir, config.REPORTS_DIR)
    notebooks = notebook_paths(config.from_cwd(notebooks_dir, config.NOTEBOOKS_DIR))
    gold = config.from_cwd(gold_path, config.GOLD_PATH) if gold_path else None
    if gold is not None and not gold.is_file():
        raise PipelineError(f"No gold file at {gold}: give --gold the path of a gold JSON file. Nothing was run.")
    if not notebooks:
        raise PipelineError(f"No numbered notebooks (NN_name.ipynb) in {notebooks_dir or config.NOTEBOOKS_DIR}.")
    try:
        check_writable(out, _shown(out))
    except OutputFolderError as err:
        raise PipelineError(f"{err} Nothing was run or changed.") from err
    try:
        corpus = read_corpus(seeds)
    except CorpusError as err:
        raise PipelineError(f"{err} Nothing was run; {_untouched(out)}.") from err
    for skipped in corpus.skipped:
        say(f"skipping {skipped.file}: {skipped.reason}")
    project = _project(seeds, config_path, out)
    if project is not None:
        say(f"using the project file {_shown(Path(project.path))}")

    out.parent.mkdir(parents=True, exist_ok=True)
    build = Path(tempfile.mkdtemp(prefix=f".parley-build-{out.name}-", dir=out.parent))
    started = time.monotonic()
    ahead = ahead_kernels = None
    try:
        # extraction first, here, with a progress bar on the terminal; notebook 01 then finds
        # every article in the cache and its page shows no timings that differ run to run
        keys = _notebook_keys(stage_cache.run_key(corpus, seeds, out, gold), notebooks, gold)
        to_run = [n for n, k in zip(notebooks, keys) if not stage_cache.has(k)]
        # with one core the work ahead would only take the notebooks' time
        ahead_kernels = KernelsAhead(_quiet_kernel_manager(build / _KERNEL_LOG), KERNEL, _KERNEL_ARGUMENTS) if config.jobs() > 1 else None
        began = time.monotonic()
        own_notebooks = notebooks_dir is None or config.from_cwd(notebooks_dir, config.NOTEBOOKS_DIR) == config.NOTEBOOKS_DIR
        if ahead_kernels is not None and to_run and _leaves_a_core(corpus, own_notebooks):
            ahead_kernels.start(to_run[0])
        if own_notebooks and _extract_with_progress(corpus, executor, scheduler):
            say(f"extracted {len(corpus.articles)} article(s) in {time.monotonic() - began:.1f}s")
        reused = []
        ahead = Ahead(build, seeds, project.path if project is not None else None) if config.jobs() > 1 else None
        for index, (notebook, key) in enumerate(zip(notebooks, keys), start=1):
            if stage_cache.restore(key, build):
                reused.append(notebook.name)
                say(f"[{index}/{len(notebooks)}] {notebook.name} reused: its inputs and code are unchanged")
                continue
            say(f"[{index}/{len(notebooks)}] {notebook.name} ...")
            began = time.monotonic()
            before = stage_cache.snapshot(build)
            kernel = ahead_kernels.take(notebook) if ahead_kernels is not None else None
            later = [n for n in to_run if n in notebooks[index:]]
            if ahead_kernels is not None and later:  # on the core this notebook's kernel leaves idle
                ahead_kernels.start(later[0])
            _execute(notebook, build, seeds, out, cell_timeout, gold, project, kernel)
            report.tidy_notebook(build / "notebooks" / notebook.name, seeds=seeds, out=out, build=build, gold=gold)
            stage_cache.store(key, build, before)
            if ahead is not None and index < len(notebooks):  # after the last, the run goes on itself
                ahead.changed()
            say(f"[{index}/{len(notebooks)}] {notebook.name} done in {time.monotonic() - began:.1f}s")
        if ahead is not None:
            ahead.finish()
        report.export_html(build)  # every notebook's page, most made ahead, as the notebooks ran
        _say_late_skips(build, {s.file for s in corpus.skipped}, say)
        if any(_declares(n, "gold_path") for n in notebooks) and not (build / "data" / "evaluation.csv").is_file():
            say("no evaluation: the gold annotation describes none of these articles (give --gold FILE to score them)")
        seeds_shown = str(seeds_dir) if seeds_dir else report.display_path(seeds)
        date = report.run_date()
        # what follows reads only the build folder, the articles and these: kept like a notebook
        finish = stage_cache.finish_key(key, seeds_shown, date, excel_csv)
        if stage_cache.restore(finish, build):
            say("the workbook, the index and the article pages reused: the tables are unchanged")
        else:
            say("writing the workbook, the index and the article pages ...")
            before = stage_cache.snapshot(build)
            with _workbook_beside(build):  # on the other core, meanwhile the pages
                report.write_index(build, seeds_shown=seeds_shown, date=date, workbook=bool(exports.table_names(build)))
                article_pages.write_article_pages(build, corpus.articles)
                page_links.link_pages(build)  # rows link to the article pages; multi-value cells as lists
            if excel_csv:  # last: the pages read the CSVs as they were written
                exports.add_byte_order_marks(build)
            stage_cache.store(finish, build, before)
        publish(build, out)
    finally:
        if ahead_kernels is not None:
            ahead_kernels.stop()
        if ahead is not None:
            ahead.stop()
        if build.exists():
            shutil.rmtree(build, ignore_errors=True)
    seconds = time.monotonic() - started
    say(f"wrote {_shown(out)} in {seconds:.0f}s: open {_shown(out / 'index.html')}")
    return RunSummary(out, tuple(n.name for n in notebooks), seconds, tuple(reused))


@contextlib.contextmanager
def _workbook_beside(build: Path):
    """The workbook written by another Python process (`own_python`) while the caller goes
    on (the workbook reads the tables the pages read, and writes only its own file);
    waited for, and its failure the run's, when the caller is done."""
    import subprocess

    code = "import sys; from parley.publish.exports import write_workbook; write_workbook(sys.argv[1])"
    child = subprocess.Popen(own_python(code, str(build)), env=own_python_env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        yield
    except BaseException:
        child.kill()
        child.communicate()
        raise
    _, errors = child.communicate()
    if child.returncode != 0:
        raise PipelineError(f"The workbook {build.name}/parley.xlsx could not be written{_last_line_of_text(errors)}. "
                            "Nothing was published.")


def _last_line_of_text(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return f" ({lines[-1][:200]})" if lines else ""


def _notebook_keys(run_key: str, notebooks: list[Path], gold: Path | None) -> list[str]:
    """Each notebook's stage-cache key, chained from the run's."""
    keys, key = [], run_key
    for notebook in notebooks:
        key = stage_cache.notebook_key(key, notebook, (gold or config.GOLD_PATH) if _declares(notebook, "gold_path") else None)
        keys.append(key)
    return keys


def _leaves_a_core(corpus, own_notebooks: bool) -> bool:
    """Whether extraction keeps fewer processes busy than Parley may (a rerun after a few
    articles changed): the first notebook's kernel can start on a core it leaves idle."""
    from parley.extract.run import uncached

    return not own_notebooks or len(uncached(corpus.articles)) < config.jobs()


def _extract_with_progress(corpus, executor: str = "local", scheduler: str | None = None) -> bool:
    """Extract every article not in the cache yet (a bar shows while it works); False when
    every article was in the cache."""
    from parley.extract.run import ExecutorError, extract_corpus, uncached

    if not uncached(corpus.articles):
        return False
    try:
        extract_corpus(corpus.articles, progress=True, executor=executor, scheduler=scheduler)
    except ExecutorError as err:
        raise PipelineError(f"{err} Nothing was published.") from err
    return True


def _say_late_skips(build: Path, reported: set[str], say) -> None:
    """Files the notebooks skipped after reading (an article whose extraction failed)."""
    import csv

    path = build / "data" / "skipped.csv"
    if path.is_file():
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("file") not in reported:
                    say(f"skipped {row.get('file')}: {row.get('reason')}")


def _project(seeds: Path, config_path, out: Path):
    """The project file in force for this run (activated here, for extraction), or None."""
    from parley.knowledge.project_file import ProjectFileError, use

    try:
        return use(seeds, config.from_cwd(config_path, seeds) if config_path else None)
    except ProjectFileError as err:
        raise PipelineError(f"{err} Nothing was run; {_untouched(out)}.") from err


def _execute(notebook: Path, build: Path, seeds: Path, out: Path, cell_timeout: int, gold: Path | None,
             project=None, kernel=None) -> None:
    """One notebook with papermill into `build`, its failures as one paragraph; in `kernel`
    (a kernel manager whose kernel runs, `KernelsAhead.take`), else in a kernel of its own."""
    import papermill as pm
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    from papermill.exceptions import PapermillExecutionError

    executed = build / "notebooks" / notebook.name
    executed.parent.mkdir(parents=True, exist_ok=True)
    kernel_log = build / _KERNEL_LOG
    started = {}
    if kernel is not None:
        kernels.register_engine()
        started = {"engine_name": kernels.ENGINE_NAME, "km": kernel}
    parameters = {"seeds_dir": str(seeds), "out_dir": str(build)}
    if gold is not None and _declares(notebook, "gold_path"):
        parameters["gold_path"] = str(gold)
    if project is not None and _declares(notebook, "config_file"):
        parameters["config_file"] = project.path
    levels = {name: logging.getLogger(name).level for name in _THIRD_PARTY_LOGGERS}
    for name in _THIRD_PARTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.CRITICAL)
    try:
        pm.execute_notebook(
            str(notebook),
            str(executed),
            parameters=parameters,
            kernel_name=KERNEL,
            execution_timeout=cell_timeout,
            progress_bar=False,
            cwd=str(notebook.parent),
            # written once, when it ends (or fails): the build folder is no one's to watch, and
            # writing a notebook of large tables after every cell cost seconds a run
            request_save_on_cell_execute=False,
            kernel_manager_class=_quiet_kernel_manager(kernel_log),
            extra_arguments=_KERNEL_ARGUMENTS,
            **started,
        )
    except PapermillExecutionError as err:
        raise PipelineError(_cell_failure(notebook, executed, err, out)) from err
    except CellTimeoutError as err:
        raise PipelineError(
            f"Notebook {notebook.name} stopped: a cell ran longer than {cell_timeout} s (--cell-timeout). "
            f"Nothing was published; {_untouched(out)}. Give --cell-timeout more seconds for a large corpus."
        ) from err
    except DeadKernelError as err:
        raise PipelineError(
            f"Notebook {notebook.name} stopped: its Python kernel died{_last_line_of(kernel_log)}. "
            f"Nothing was published; {_untouched(out)}."
        ) from err
    except Exception as err:  # an unreadable notebook, a kernel that would not start
        raise PipelineError(
            f"Notebook {notebook.name} could not be run: {type(err).__name__}: {_first_line(err)}. "
            f"Nothing was published; {_untouched(out)}."
        ) from err
    finally:
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


def _declares(notebook: Path, name: str) -> bool:
    """Whether the notebook's `parameters` cell sets `name` (papermill would warn of one it doesn't)."""
    import nbformat

    cells = nbformat.read(notebook, as_version=4).cells
    return any("parameters" in c.metadata.get("tags", []) and re.search(rf"^{name}\s*=", c.source, re.M) for c in cells)


def _quiet_kernel_manager(log_path: Path):
    """A kernel manager whose kernel writes its stderr to `log_path`, not the terminal: the
    kernel logs its own shutdown ("KeyboardInterrupt caught in kernel", a ZMQError after a
    timeout) as tracebacks that say nothing about the user's run."""
    from jupyter_client.manager import AsyncKernelManager

    class QuietKernelManager(AsyncKernelManager):
        async def _async_launch_kernel(self, kernel_cmd, **kw):
            with open(log_path, "ab") as log:  # the kernel process keeps its own descriptor
                kw["stderr"] = log
                return await super()._async_launch_kernel(kernel_cmd, **kw)

    return QuietKernelManager


def _cell_failure(notebook: Path, executed: Path, err, out: Path) -> str:
    source = (err.source or "").strip().splitlines()
    where = f"cell {_stored_cell_number(executed, err.cell_index)}"
    first = f' ("{source[0][:80]}")' if source else ""
    return (
        f"Notebook {notebook.name} failed in {where}{first}: {err.ename}: {_first_line(err.evalue)}. "
        f"Nothing was published; {_untouched(out)}. "
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


def _last_line_of(log_path: Path) -> str:
    try:
        lines = [line.strip() for line in log_path.read_text(encoding="utf-8", errors="replace").splitlines()]
    except OSError:
        return ""
    lines = [line for line in lines if line]
    return f" ({lines[-1][:200]})" if lines else ""


def _untouched(out: Path) -> str:
    """What a failed run says of the output folder: only one that exists was 'left as it was'."""
    return f"{_shown(out)} was left as it was" if out.exists() else "nothing was written"


def _shown(path: Path) -> str:
    from parley.publish.report import display_path

    return display_path(path) + "/" * path.is_dir()
