"""The published tables: their columns (../shared/CONTRACT.md) and deterministic, atomic writing."""

from __future__ import annotations

import csv
import functools
import os
import re
import tempfile
from pathlib import Path

import pandas as pd

# Minimum columns per the contract, in order; extra columns follow them.
COLUMNS: dict[str, list[str]] = {
    "documents": ["doc_id", "file", "sha256", "title", "outlet", "author", "published", "words"],
    "people": ["doc_id", "person_id", "name", "role", "side", "start", "end", "quote"],
    "persons": ["person_id", "name", "variants", "roles", "side", "doc_ids", "n_docs"],
    "events": ["doc_id", "date", "precision", "date_text", "description", "start", "end", "quote"],
    "timeline": ["event_id", "date", "precision", "description", "n_sources", "doc_ids"],
    "quantities": ["doc_id", "value", "unit", "start", "end", "quote"],
    "positions": ["doc_id", "side", "issue", "stance", "start", "end", "quote"],
    "comparison": ["issue", "side", "stance", "n_sources", "doc_ids"],
    "conflicts": ["kind", "subject", "values", "doc_ids"],
    "skipped": ["file", "reason"],
}


@functools.lru_cache(maxsize=None)
def column_dictionary() -> dict[str, dict]:
    """Every published table's purpose and columns (data/columns.yml)."""
    import yaml

    from parley import config

    return yaml.safe_load(config.data_file("columns.yml").read_text(encoding="utf-8"))


def cell_text(value) -> str:
    """A table cell as text: empty for None and NaN (pandas' missing value), else stripped."""
    if value is None or (isinstance(value, float) and value != value):
        return ""
    return str(value).strip()


def number_text(value) -> str:
    """A number as a reader writes it: 472, not 472.0; 0.3333 for a fraction. Text that is
    not a number comes back as it was."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)  # exactly: a float would round 2**53 + 1
    text = cell_text(value)
    if re.fullmatch(r"-?\d{1,3}(?:,\d{3})+|-?\d+", text):
        return text.replace(",", "")
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        return text
    return str(int(number)) if number.is_integer() else f"{number:.4g}"


def frame(name: str, rows) -> pd.DataFrame:
    """Rows (dicts) as a table with the contract's columns first, in a stable order; every
    column the data dictionary documents is there, empty when no row fills it."""
    df = pd.DataFrame(list(rows))
    for column in COLUMNS[name] + list(column_dictionary().get(name, {}).get("columns", {})):
        if column not in df.columns:  # blank, as in the CSV, rather than NaN on a notebook page
            df[column] = pd.Series([""] * len(df), index=df.index, dtype="object")
    # extra columns sorted by name: rows from the cache and fresh rows list keys in different orders
    extra = sorted(c for c in df.columns if c not in COLUMNS[name])
    return df[COLUMNS[name] + extra]


def row_dicts(df: pd.DataFrame) -> list[dict]:
    """`df.to_dict("records")`: the same rows, values and types (tests/test_tables.py), made
    column by column. pandas makes them row by row, which at a hundred thousand rows of its
    Arrow-backed text costs seconds of every stage that walks a table."""
    from pandas.api.extensions import ExtensionDtype
    from pandas.core.dtypes.cast import maybe_box_native  # what to_dict makes of such a column's values

    def boxed(dtype) -> bool:  # as to_dict: object and extension columns, but text missing as NaN is native already
        text = isinstance(dtype, pd.StringDtype) and dtype.na_value is not pd.NA
        return dtype == object or (isinstance(dtype, ExtensionDtype) and not text)

    names = df.columns.tolist()
    columns = [list(map(maybe_box_native, df.iloc[:, i])) if boxed(df.dtypes.iloc[i]) else df.iloc[:, i].tolist()
               for i in range(len(names))]
    return [dict(zip(names, values)) for values in zip(*columns)] if names else [{} for _ in range(len(df))]


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write `data` to `path` so that readers see the old file or the new one, never half of one.
    The file gets the user's umask, as any other file they write would (mkstemp's is 0600)."""
    from parley.publish.output_folder import file_mode

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, file_mode())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_table(df: pd.DataFrame, out_dir: str | Path, name: str) -> Path:
    """`OUT/data/<name>.csv`: UTF-8, header row, comma separated, `\\n` line ends, byte-stable;
    and `OUT/data/<name>.parquet` beside it (`parley.publish.exports`)."""
    missing = [c for c in COLUMNS.get(name, []) if c not in df.columns]
    if missing:
        raise ValueError(f"{name}.csv lacks the contract's columns {missing}")
    from parley.publish.exports import write_parquet

    text = df.to_csv(index=False, lineterminator="\n")
    write_parquet(df, out_dir, name)  # the same rows with their types, for data tools
    return write_atomic(Path(out_dir) / "data" / f"{name}.csv", text.encode("utf-8"))


def read_table(out_dir: str | Path, name: str) -> pd.DataFrame:
    path = Path(out_dir) / "data" / f"{name}.csv"
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def read_rows(data_dir: str | Path, name: str) -> list[dict[str, str]]:
    """`<data_dir>/<name>.csv` as one dict of text per row (the values `read_table` gives),
    [] where there is no such table. For code that walks rows: a DataFrame's `to_dict`
    costs seconds at a hundred thousand rows of pandas' Arrow-backed text."""
    path = Path(data_dir) / f"{name}.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:  # -sig: a CSV given Excel's byte-order mark
        return list(csv.DictReader(handle))
