"""Whole-pipeline runs that fixtures need, made in subprocesses while other tests run.

On a fresh clone most of the suite's time goes to a few whole-pipeline runs (`parley run`
on a small corpus: five notebook kernels, each starting Python and importing its
libraries), and while a kernel starts, a core mostly waits. Started one after another
when the session begins, these runs overlap with the hundreds of tests that need none.
A fixture asks for its run with `wait(name)`: at once if it is done, after it if it is
running, and if it has not started yet, the fixture runs it itself. Each run is the
command a user types, so what a fixture hands its tests is what the command publishes.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from dataclasses import dataclass, field
from typing import Any


class BackgroundRunFailed(Exception):
    pass


@dataclass
class Job:
    name: str
    command: list[str]
    result: Any  # what `wait` hands the fixture once the command succeeded
    state: str = "queued"  # queued, running, done
    process: subprocess.Popen | None = None
    returncode: int | None = None
    output: str = ""
    finished: threading.Event = field(default_factory=threading.Event)


class BackgroundRuns:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._queue: list[Job] = []
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._stopped = False
        # as the session began: a test may change its own environment or folder meanwhile
        # (monkeypatch.setenv("PARLEY_CACHE_DIR", ...), monkeypatch.chdir), not these runs'
        self._env = dict(os.environ)
        self._cwd = os.getcwd()

    def __contains__(self, name: str) -> bool:
        return name in self._jobs

    def add(self, name: str, command: list[str], result: Any = None) -> None:
        """Queue `command`; `wait(name)` returns `result` once it has succeeded."""
        with self._lock:
            job = self._jobs[name] = Job(name, command, result)
            self._queue.append(job)

    def start(self) -> None:
        """Run the queued commands one after another, in a thread of their own."""
        self._thread = threading.Thread(target=self._work, name="background-runs", daemon=True)
        self._thread.start()

    def wait(self, name: str) -> Any:
        job = self._jobs[name]
        if self._take(job):
            self._execute(job)
        job.finished.wait()
        if job.returncode != 0:
            raise BackgroundRunFailed(f"{' '.join(job.command)} exited with {job.returncode}:\n{job.output[-4000:]}")
        return job.result

    def stop(self) -> None:
        """At the end of the session: nothing more starts, and a run still going (a session
        stopped early by a failure) is ended with its notebook kernels."""
        with self._lock:
            self._stopped = True
            self._queue.clear()
            running = [job for job in self._jobs.values() if job.state == "running" and job.process is not None]
        for job in running:
            try:
                os.killpg(job.process.pid, signal.SIGTERM)  # its own session: the kernels it started too
            except ProcessLookupError:
                pass

    def _take(self, job: Job) -> bool:
        with self._lock:
            if job.state != "queued":
                return False
            job.state = "running"
            if job in self._queue:
                self._queue.remove(job)
            return True

    def _work(self) -> None:
        while True:
            with self._lock:
                if self._stopped or not self._queue:
                    return
                job = self._queue.pop(0)
                job.state = "running"
            self._execute(job)

    def _execute(self, job: Job) -> None:
        try:
            job.process = subprocess.Popen(job.command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                           env=self._env, cwd=self._cwd, start_new_session=True)
            job.output, _ = job.process.communicate()
            job.returncode = job.process.returncode
        except OSError as err:
            job.output, job.returncode = str(err), -1
        finally:
            job.state = "done"
            job.finished.set()
