"""Helpers for the notebooks themselves: their output folder, and refreshing the
outputs stored in `notebooks/` that nbval checks against."""

from __future__ import annotations

from pathlib import Path

from parley import config
from parley.tables import write_atomic


PREVIEW_ROWS = 300  # a page shows tables up to this long whole; longer ones as a preview


def show_whole_tables() -> None:
    """A published report shows every row of a table up to `PREVIEW_ROWS` rows, and whole
    quotes; a longer table shows its first and last 100 rows and its size (the whole table
    is in data/, listed at the end of each notebook), so that a page stays small."""
    import pandas as pd

    pd.set_option("display.max_rows", PREVIEW_ROWS)
    pd.set_option("display.min_rows", 200)
    pd.set_option("display.max_columns", 50)
    pd.set_option("display.max_colwidth", 400)
    pd.set_option("display.width", 250)


class PublishedFolderError(Exception):
    """A notebook run by hand was pointed at reports published by `parley run`."""


def out_dir(value: str | None = None) -> Path:
    """The folder a notebook writes to: its `out_dir` parameter resolved from the project
    root; empty means the scratch folder. A folder `parley run` published is refused: a
    notebook run by hand would leave its tables out of step with the report's pages."""
    from parley.publish.output_folder import is_published

    folder = config.resolve(value, config.default_out_dir())
    if is_published(folder):
        raise PublishedFolderError(
            f"{folder} holds reports published by `parley run`, which alone writes there. "
            f"Leave out_dir empty to write to the scratch folder {config.SCRATCH_DIR}, or give another folder."
        )
    return folder


def seeds_dir(value: str | None = None) -> Path:
    return config.resolve(value, config.default_seeds_dir())


def refresh_stored_outputs(executed_dir: Path, notebooks_dir: Path) -> list[Path]:
    """Copy each executed notebook's outputs into the stored notebook of the same name, cell by
    cell (matched by cell id), leaving sources untouched and dropping papermill's injected cell.
    This is how a change in results is accepted on purpose: `make refresh-notebooks`."""
    import nbformat  # here, not at the top: every notebook imports this module, and nbformat costs seconds

    refreshed = []
    for stored_path in sorted(notebooks_dir.glob("[0-9][0-9]_*.ipynb")):
        executed_path = executed_dir / stored_path.name
        if not executed_path.is_file():
            continue
        stored = nbformat.read(stored_path, as_version=4)
        executed = nbformat.read(executed_path, as_version=4)
        by_id = {cell.get("id"): cell for cell in executed.cells}
        for cell in stored.cells:
            if cell.cell_type != "code":
                continue
            source = by_id.get(cell.get("id"))
            if source is None:
                raise ValueError(f"{stored_path.name}: cell {cell.get('id')} is not in {executed_path}; run the pipeline first")
            cell.outputs = source.get("outputs", [])
            cell.execution_count = source.get("execution_count")
            cell.metadata.pop("execution", None)
            cell.metadata.pop("papermill", None)
        stored.metadata.pop("papermill", None)
        write_atomic(stored_path, nbformat.writes(stored).encode("utf-8"))
        refreshed.append(stored_path)
    return refreshed
