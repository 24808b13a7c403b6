"""The tables in the forms spreadsheet users and data tools open directly.

Beside every `OUT/data/<table>.csv`: `OUT/data/<table>.parquet` (the same rows, with the
column types the pipeline made: offsets and counts as integers), and `OUT/parley.xlsx`
with one sheet per table. `--excel-csv` writes the CSVs with a UTF-8 byte-order mark,
which spreadsheet programs need to read them as UTF-8; without it they stay plain UTF-8.

Both are byte-identical on a re-run: Parquet files are a function of the table and the
pyarrow version; a workbook is a zip of XML files that openpyxl stamps with the time of
saving (in its properties and every zip entry), so Parley fixes both to one date.
"""

from __future__ import annotations

import datetime
import io
import re
import zipfile
from pathlib import Path

import pandas as pd

from parley.tables import COLUMNS, write_atomic

WORKBOOK = "parley.xlsx"
UTF8_BOM = b"\xef\xbb\xbf"
# Any fixed instant would do: the workbook must not say when it was written, or two runs differ
_FIXED_TIME = datetime.datetime(2000, 1, 1)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can hold
_EXCEL_CELL_CHARS = 32_767  # Excel's limit; a longer cell is cut and says so
_SHEET_NAME_CHARS = 31
_ILLEGAL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # openpyxl's ILLEGAL_CHARACTERS_RE: XML 1.0 cannot hold them


# --- Parquet ---------------------------------------------------------------------------


def parquet_bytes(df: pd.DataFrame) -> bytes:
    """The table as Parquet. A column mixing numbers and text (pyarrow refuses those) is
    written as text, as the CSV shows it."""
    import pyarrow as pa

    buffer = io.BytesIO()
    try:
        df.to_parquet(buffer, index=False, engine="pyarrow")
    except (pa.ArrowException, TypeError, ValueError):
        buffer = io.BytesIO()
        _as_text(df).to_parquet(buffer, index=False, engine="pyarrow")
    return buffer.getvalue()


def _as_text(df: pd.DataFrame) -> pd.DataFrame:
    from parley.tables import cell_text

    df = df.copy()
    for column in df.columns:
        if df[column].dtype == object:
            df[column] = df[column].map(cell_text)
    return df


def write_parquet(df: pd.DataFrame, out_dir: str | Path, name: str) -> Path:
    return write_atomic(Path(out_dir) / "data" / f"{name}.parquet", parquet_bytes(df))


# --- the workbook ----------------------------------------------------------------------


def table_names(out_dir: Path) -> list[str]:
    """The published tables in `out_dir/data`, in the contract's order, then by name."""
    found = sorted(p.stem for p in (Path(out_dir) / "data").glob("*.csv"))
    order = {name: i for i, name in enumerate(COLUMNS)}
    return sorted(found, key=lambda n: (order.get(n, len(order)), n))


def write_workbook(out_dir: str | Path) -> Path | None:
    """`OUT/parley.xlsx`: one sheet per table of `OUT/data/`, a bold header row, frozen;
    None, and no file, where there is no table. The sources sheet leaves out the column
    per article (an article's mark on each fact): its `doc_ids` names the same articles,
    and the columns would make a sheet of millions of cells at a few thousand articles."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    from parley.publish import page_cache

    out_dir = Path(out_dir)
    names = table_names(out_dir)
    if not names:
        return None
    book = Workbook(write_only=True)
    book.properties.creator = "Parley"
    book.properties.created = book.properties.modified = _FIXED_TIME
    kept, keys = {}, {}
    context = page_cache.context()
    for index, name in enumerate(names, start=1):
        # a sheet is the XML of its table alone (strings inline, no shared table): a table
        # unchanged since an earlier run (one article edited), or whose sheet was made while
        # the notebooks ran (`prepare_sheets`), copies its sheet back
        entry = f"xl/worksheets/sheet{index}.xml"
        data = _table_bytes(out_dir, name)
        keys[entry] = _sheet_key(name, data, context)
        kept_sheet = page_cache.get(_SHEETS, keys[entry])
        if kept_sheet is not None:
            kept[entry] = kept_sheet
        # also for a kept sheet: the header keeps the workbook's styles those of a full write
        _fill(book, name, _table_of_bytes(data, name), header_only=entry in kept)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()  # not book.save(): that stamps the time of saving
    data = _without_times(buffer.getvalue(), kept)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as written:
        for entry, key in keys.items():
            if entry not in kept:
                page_cache.put(_SHEETS, key, written.read(entry))
    page_cache.prune(_SHEETS, len(keys))
    return write_atomic(out_dir / WORKBOOK, data)


def prepare_sheets(out_dir: str | Path) -> int:
    """Make and keep the sheet of every table in `OUT/data/` not kept yet, as
    `write_workbook` would write it, writing no workbook; how many were made. A sheet's
    XML does not depend on its place in the workbook (tests/test_exports.py), so each is
    made in a workbook of its own, from the table's bytes as read once (a notebook may be
    rewriting the table meanwhile)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    from parley.publish import page_cache

    out_dir = Path(out_dir)
    context = page_cache.context()
    made = 0
    for name in table_names(out_dir):
        try:
            data = _table_bytes(out_dir, name)
        except OSError:  # removed meanwhile
            continue
        key = _sheet_key(name, data, context)
        if page_cache.get(_SHEETS, key) is not None:
            continue
        book = Workbook(write_only=True)
        _fill(book, name, _table_of_bytes(data, name))
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
            ExcelWriter(book, archive).save()
        with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as written:
            page_cache.put(_SHEETS, key, written.read("xl/worksheets/sheet1.xml"))
        made += 1
    return made


def _sheet_key(name: str, table_bytes: bytes, context: str) -> str:
    from parley.publish import page_cache

    return page_cache.key(_SHEETS, name, table_bytes, within=context)


def _fill(book, name: str, df: pd.DataFrame, header_only: bool = False) -> None:
    """A sheet for table `name` in `book`: a bold, frozen header row, then the rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    if name == "sources":  # one column per article: a matrix whose cells `doc_ids` lists already
        from parley.across.sources import doc_columns

        df = df.drop(columns=doc_columns(df))
    sheet = book.create_sheet(_sheet_name(name))
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in df.columns:
        cell = WriteOnlyCell(sheet, value=_cell(str(column)))
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    if header_only:
        return
    for row in zip(*(_column_cells(sheet, df[column]) for column in df.columns)):
        sheet.append(row)


_SHEETS = "workbook-sheets"


def _table_bytes(out_dir: Path, name: str) -> bytes:
    """The file a table's sheet is made from, as bytes: its Parquet file (which keeps the
    column types) where there is one, else its CSV; which of the two is part of it."""
    parquet = Path(out_dir) / "data" / f"{name}.parquet"
    if parquet.is_file():
        return b"parquet\0" + parquet.read_bytes()
    return b"csv\0" + (Path(out_dir) / "data" / f"{name}.csv").read_bytes()


def _table_of_bytes(data: bytes, name: str) -> pd.DataFrame:
    """The table whose file `_table_bytes` read."""
    kind, _, content = data.partition(b"\0")
    if kind == b"parquet":
        return pd.read_parquet(io.BytesIO(content), engine="pyarrow")
    return pd.read_csv(io.BytesIO(content), dtype=str, keep_default_na=False)


def _sheet_name(name: str) -> str:
    return re.sub(r"[\[\]:*?/\\]", "_", name)[:_SHEET_NAME_CHARS]


def _column_cells(sheet, column: pd.Series) -> list:
    """A column's cells, numbers passed as they are (the fast path of a large table)."""
    if column.dtype.kind in "iub":  # pandas' nullable integers hold pd.NA where a value is missing
        return [None if value is pd.NA else value for value in column.tolist()] if column.hasnans else column.tolist()
    if column.dtype.kind == "f":
        return [None if value != value else value for value in column.tolist()]
    return [_text_cell(sheet, value) for value in column.tolist()]


def _cell(value):
    """A value as openpyxl takes it: Python numbers, text without the control characters
    XML cannot hold, cut to Excel's cell limit; nothing for a missing value."""
    if value is None or (isinstance(value, float) and value != value) or value is pd.NA:
        return None
    if hasattr(value, "item"):  # numpy's numbers
        value = value.item()
    if isinstance(value, (bool, int, float)):
        return value
    text = _ILLEGAL_CHARACTERS.sub(" ", str(value))
    if len(text) > _EXCEL_CELL_CHARS:
        marker = " [cut: the whole cell is in the CSV]"
        text = text[: _EXCEL_CELL_CHARS - len(marker)] + marker
    return text


def _text_cell(sheet, value):
    """A cell whose text is text: a quote starting with "=" is not a formula to Excel."""
    from openpyxl.cell import WriteOnlyCell

    value = _cell(value)
    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _without_times(data: bytes, replaced: dict[str, bytes] | None = None) -> bytes:
    """The same zip, every entry stamped with one fixed time, in the same order (the
    entries named in `replaced` with those bytes instead)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            content = (replaced or {}).get(info.filename)
            target.writestr(entry, content if content is not None else source.read(info.filename))
    return buffer.getvalue()


# --- CSVs for spreadsheets --------------------------------------------------------------


def add_byte_order_marks(out_dir: str | Path) -> list[Path]:
    """Prefix every `OUT/data/*.csv` with a UTF-8 byte-order mark (once)."""
    written = []
    for path in sorted((Path(out_dir) / "data").glob("*.csv")):
        data = path.read_bytes()
        if not data.startswith(UTF8_BOM):
            written.append(write_atomic(path, UTF8_BOM + data))
    return written
