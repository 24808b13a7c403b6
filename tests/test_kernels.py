"""Kernels started ahead (`parley.publish.kernels`): the next notebook's kernel starts and
imports its modules while the one before runs, and the executed notebook is the same."""

from __future__ import annotations

import nbformat
from jupyter_core.utils import run_sync
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from parley.publish import kernels, pipeline, report


def _notebook(path, *sources):
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [new_code_cell('seeds_dir = ""\nout_dir = ""', metadata={"tags": ["parameters"]})]
    nb.cells += [new_markdown_cell("# A report")]
    nb.cells += [new_code_cell(source) for source in sources]
    nbformat.write(nb, path)
    return path


def test_the_imports_of_a_notebook_are_its_top_level_ones_outside_the_parameters(tmp_path):
    notebook = _notebook(tmp_path / "01_a.ipynb",
                         "import json\nfrom collections import Counter, OrderedDict\n\ndef f():\n    import csv",
                         "%matplotlib inline\nimport textwrap",  # a magic: the kernel's own to run
                         "from os import path as p\nimport json")
    assert kernels.imported_modules(notebook) == (
        "json", "collections", "collections.Counter", "collections.OrderedDict", "os", "os.path")


def test_import_all_imports_what_imports_and_passes_over_the_rest():
    kernels.import_all(("textwrap", "collections.Counter", "no_such_module_anywhere"))
    import sys

    assert "textwrap" in sys.modules and "no_such_module_anywhere" not in sys.modules


def _executed(tmp_path, name: str, kernel) -> bytes:
    source = tmp_path / "src" / "01_a.ipynb"
    if not source.is_file():  # one notebook for both runs: nbformat gives each new one its own cell ids
        source.parent.mkdir()
        _notebook(source, "import textwrap\nfrom collections import Counter\nprint(Counter('abca').most_common(1))",
                  "import sys\nprint('textwrap' in sys.modules, len(In))", "Counter('xyz')")
    build = tmp_path / name
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    pipeline._execute(source, build, seeds, tmp_path / "out", 60, None, None, kernel)
    report.tidy_notebook(build / "notebooks" / source.name, seeds=seeds, out=tmp_path / "out", build=build)
    return (build / "notebooks" / source.name).read_bytes()


def test_a_notebook_run_in_a_kernel_started_ahead_is_the_one_a_kernel_of_its_own_gives(tmp_path):
    on_its_own = _executed(tmp_path, "own", None)
    ahead = kernels.KernelsAhead(pipeline._quiet_kernel_manager(tmp_path / "kernel.log"), pipeline.KERNEL,
                                 pipeline._KERNEL_ARGUMENTS)
    ahead.start(tmp_path / "src" / "01_a.ipynb")
    manager = ahead.take(tmp_path / "src" / "01_a.ipynb")
    assert manager is not None and run_sync(manager.is_alive)()
    in_the_kernel_ahead = _executed(tmp_path, "ahead", manager)
    assert in_the_kernel_ahead == on_its_own
    assert not run_sync(manager.is_alive)()  # the run shut it down, as a kernel of its own


def test_kernels_not_taken_are_shut_down(tmp_path):
    notebook = _notebook(tmp_path / "01_a.ipynb", "import json")
    ahead = kernels.KernelsAhead(pipeline._quiet_kernel_manager(tmp_path / "kernel.log"), pipeline.KERNEL,
                                 pipeline._KERNEL_ARGUMENTS)
    ahead.start(notebook)
    manager, _ = ahead._started[notebook]
    ahead.stop()
    assert not run_sync(manager.is_alive)()
    assert ahead.take(notebook) is None
