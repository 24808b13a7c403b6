"""Publishing work done ahead, while the notebooks run.

A notebook's kernel keeps one core busy; the other is idle until the last notebook ends,
and then the run writes the notebooks' pages, the workbook, the article pages and the
linked pages, which at a thousand articles is most of a minute. Each time a notebook has
run, `Ahead` starts a process of low priority that makes those from the build folder as
it is then and keeps them in the page cache (`parley.publish.page_cache`), writing
nothing into the build.
At the end the run writes every page as before; a page whose inputs did not change since
it was made ahead is copied back from the cache. The bytes of the report are the same
either way: what is kept is keyed by everything it is made from, so a table a later
notebook rewrote is simply made again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

_NICENESS = 10  # below the notebooks' kernel: the work ahead takes only what they leave
_STOP_SECONDS = 10


class Ahead:
    """One process at a time making pages ahead from `build`; `changed()` after a notebook
    ran asks for another pass; `finish()` waits for the pass running, `stop()` ends it
    (its work so far is kept)."""

    def __init__(self, build: Path, seeds: Path, project_path: str | None = None):
        self._command = own_python(
            "import sys; from parley.publish.ahead import prepare; prepare(*sys.argv[1:])",
            str(build), str(seeds), project_path or "",
        )
        self._wanted = threading.Event()
        self._lock = threading.Lock()
        self._stopping = False
        self._child: subprocess.Popen | None = None
        self._thread = threading.Thread(target=self._loop, name="parley-ahead", daemon=True)
        self._thread.start()

    def changed(self) -> None:
        self._wanted.set()

    def finish(self) -> None:
        """Start no other pass and wait for the one running: what it makes is what the end
        of the run needs next."""
        with self._lock:
            self._stopping = True
        self._wanted.set()
        self._thread.join()
        if self._child is not None:
            self._child.wait()

    def stop(self) -> None:
        with self._lock:
            self._stopping = True
            if self._child is not None and self._child.poll() is None:
                self._child.terminate()  # it ends as at an exception: no half-written file left in the cache
                try:
                    self._child.wait(timeout=_STOP_SECONDS)
                except subprocess.TimeoutExpired:
                    self._child.kill()
        self._wanted.set()
        self._thread.join()

    def _loop(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            with self._lock:
                if self._stopping:
                    return
                self._child = subprocess.Popen(self._command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                               stderr=subprocess.DEVNULL, env=own_python_env())
            self._child.wait()  # a pass that failed only leaves the end of the run more to do


def own_python(code: str, *args: str) -> list[str]:
    """The command running `code` with `args` in a new process of this Python. A process of
    its own, not a fork (`parley run` holds the notebook client's threads) nor
    multiprocessing's spawn (which would run again the script that called `run`)."""
    return [sys.executable, "-c", code, *args]


def own_python_env() -> dict[str, str]:
    """The environment for `own_python`: this one, with this process's `parley` importable."""
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}


def prepare(build: str, seeds: str, project_path: str = "") -> None:
    """One pass: the notebooks' pages (linked), the workbook's sheets and the article pages
    that `build`'s notebooks and tables make now, kept in the page cache. The project file
    in force is part of every page's key, so it is put in force here as in the run."""
    from parley.knowledge import project_file
    from parley.publish import article_pages, exports, page_links, report
    from parley.read.corpus import read_corpus

    # stopped by SIGTERM, it unwinds as at an exception: a file being written is removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        os.nice(_NICENESS)
    except OSError:  # not allowed here: still correct, only in the notebooks' way
        pass
    project_file.use(Path(seeds), Path(project_path) if project_path else None)
    build = Path(build)
    page_links.prepare_links(build, report.prepare_html(build))
    exports.prepare_sheets(build)
    article_pages.prepare_article_pages(build, read_corpus(seeds).articles)
