"""Notebook kernels started ahead, while the notebook before them runs.

A notebook's own work can take less time than its kernel's start and its imports
(pandas, matplotlib, spaCy's and Parley's modules): about two and a half seconds a
notebook here, most of a rerun after one article changed. The kernel one core runs
a notebook on leaves the other core idle, so `KernelsAhead` starts the next notebook's
kernel there and has it import what the notebook imports. Nothing else runs in it
ahead: the imports are silent (no output, no execution count, no name bound in the
notebook's namespace), so the executed notebook is the one a kernel started late
would give, byte for byte.
"""

from __future__ import annotations

import ast
import logging
from pathlib import Path

log = logging.getLogger(__name__)

ENGINE_NAME = "parley-started-kernel"


def imported_modules(notebook: Path) -> tuple[str, ...]:
    """The modules the notebook's code cells import at their top level, in order, without
    repeats (`from a import b` gives "a" and "a.b", which may be a submodule)."""
    import nbformat

    found: dict[str, None] = {}
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type != "code" or "parameters" in cell.metadata.get("tags", ()):
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:  # a cell with IPython magics: its imports are the kernel's own to run
            continue
        for node in tree.body:
            if isinstance(node, ast.Import):
                found.update((alias.name, None) for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found[node.module] = None
                found.update((f"{node.module}.{alias.name}", None) for alias in node.names if alias.name != "*")
    return tuple(found)


def import_all(names) -> None:
    """Import each of `names` that imports; run in a kernel ahead of its notebook."""
    import importlib

    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - "a.b" may name a function; the notebook meets any real failure itself
            continue


class KernelsAhead:
    """Kernels of notebooks still to run, each started (`start`) while an earlier notebook
    runs and handed over (`take`) when its turn comes; `stop` shuts down any not taken."""

    def __init__(self, kernel_manager_class, kernel_name: str, extra_arguments: list[str]):
        self._manager_class = kernel_manager_class
        self._kernel_name = kernel_name
        self._extra_arguments = extra_arguments
        self._started: dict[Path, tuple] = {}  # notebook: (kernel manager, the client that sent its imports)

    def start(self, notebook: Path) -> None:
        """Start the kernel `notebook` will run in (in its folder, as papermill would) and
        send it the notebook's imports; a kernel that fails to start is left to papermill."""
        from jupyter_client.blocking import BlockingKernelClient
        from jupyter_core.utils import run_sync

        if notebook in self._started:
            return
        manager = self._manager_class(kernel_name=self._kernel_name)
        try:
            run_sync(manager.start_kernel)(extra_arguments=self._extra_arguments, cwd=str(notebook.parent))
            client = BlockingKernelClient()
            client.load_connection_info(manager.get_connection_info())
            client.start_channels(hb=False)
            modules = imported_modules(notebook)
            if modules:
                code = f"__import__({__name__!r}, fromlist=['import_all']).import_all({modules!r})"
                client.execute(code, silent=True, store_history=False, allow_stdin=False)
        except Exception:  # noqa: BLE001 - only time is lost: the notebook starts its own kernel
            log.debug("starting a kernel ahead for %s failed", notebook.name, exc_info=True)
            self._shut_down(manager, None)
            return
        self._started[notebook] = (manager, client)

    def take(self, notebook: Path):
        """The running kernel manager started for `notebook`, now the caller's, or None."""
        from jupyter_core.utils import run_sync

        manager, client = self._started.pop(notebook, (None, None))
        if client is not None:
            client.stop_channels()
        if manager is not None and not run_sync(manager.is_alive)():
            self._shut_down(manager, None)
            return None
        return manager

    def stop(self) -> None:
        for manager, client in self._started.values():
            self._shut_down(manager, client)
        self._started.clear()

    @staticmethod
    def _shut_down(manager, client) -> None:
        from jupyter_core.utils import run_sync

        if client is not None:
            client.stop_channels()
        try:
            if manager.has_kernel:
                run_sync(manager.shutdown_kernel)(now=True)
        except Exception:  # noqa: BLE001 - a kernel already gone
            log.debug("shutting down a kernel started ahead failed", exc_info=True)


def register_engine() -> None:
    """papermill's engine `ENGINE_NAME`: nbclient on a kernel manager handed to it (`km=`),
    which the client then owns as one it started: it shuts the kernel down and closes its
    channels at the end, as for its own."""
    from papermill.clientwrap import PapermillNotebookClient
    from papermill.engines import NBClientEngine, papermill_engines

    class OwningClient(PapermillNotebookClient):
        def __init__(self, nb_man, km=None, **kwargs):
            super().__init__(nb_man, km=km, **kwargs)
            self.owns_km = True

    class StartedKernelEngine(NBClientEngine):
        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False, stdout_file=None, stderr_file=None,
                                     start_timeout=60, execution_timeout=None, **kwargs):
            # as NBClientEngine's, with the client that owns the kernel handed to it
            from papermill.utils import merge_kwargs, remove_args

            kwargs = remove_args(["input_path"], **kwargs)
            safe_kwargs = remove_args(["timeout", "startup_timeout"], **kwargs)
            final_kwargs = merge_kwargs(
                safe_kwargs, timeout=execution_timeout if execution_timeout else kwargs.get("timeout"),
                startup_timeout=start_timeout, kernel_name=kernel_name, log=logging.getLogger("papermill"),
                log_output=log_output, stdout_file=stdout_file, stderr_file=stderr_file,
            )
            return OwningClient(nb_man, **final_kwargs).execute()

    papermill_engines.register(ENGINE_NAME, StartedKernelEngine)
