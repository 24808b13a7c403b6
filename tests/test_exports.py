"""The workbook and Parquet files hold the tables as they are, whatever the articles say."""

import datetime
import zipfile

import pandas as pd
from openpyxl import load_workbook

from parley import tables
from parley.publish import exports


def _write(out, name, df):
    tables.write_table(df, out, name)


def test_cells_that_look_like_formulas_or_hold_control_characters_stay_text(tmp_path):
    df = tables.frame("conflicts", [
        {"kind": "quantity", "subject": "=HYPERLINK(\"http://x\",\"y\")", "values": "a\x0bb", "doc_ids": "x" * 40_000},
    ])
    _write(tmp_path, "conflicts", df)
    exports.write_workbook(tmp_path)
    sheet = load_workbook(tmp_path / exports.WORKBOOK)["conflicts"]
    header = [c.value for c in sheet[1]]
    row = {h: c for h, c in zip(header, sheet[2])}
    assert row["subject"].value == "=HYPERLINK(\"http://x\",\"y\")" and row["subject"].data_type == "s"
    assert row["values"].value == "a b"  # XML cannot hold U+000B
    assert len(row["doc_ids"].value) == 32_767 and row["doc_ids"].value.endswith("the whole cell is in the CSV]")
    assert pd.read_csv(tmp_path / "data" / "conflicts.csv", dtype=str)["doc_ids"][0] == "x" * 40_000


def test_a_column_mixing_numbers_and_text_is_written_to_parquet_as_text(tmp_path):
    df = tables.frame("quantities", [{"doc_id": "a", "value": 3, "unit": "km", "start": 0, "end": 1, "quote": "3"},
                                     {"doc_id": "b", "value": "two", "unit": "km", "start": 4, "end": 7, "quote": "two"}])
    _write(tmp_path, "quantities", df)
    back = pd.read_parquet(tmp_path / "data" / "quantities.parquet")
    assert back["value"].tolist() == ["3", "two"] and back["start"].tolist() == [0, 4]


def test_the_workbook_is_the_same_bytes_every_time_and_absent_without_tables(tmp_path):
    assert exports.write_workbook(tmp_path) is None and not (tmp_path / exports.WORKBOOK).exists()
    _write(tmp_path, "skipped", tables.frame("skipped", [{"file": "a.pdf", "reason": "not an article file"}]))
    first = exports.write_workbook(tmp_path).read_bytes()
    assert exports.write_workbook(tmp_path).read_bytes() == first
    book = load_workbook(tmp_path / exports.WORKBOOK)
    assert book.sheetnames == ["skipped"]
    # nothing in it says when it was written (two runs a second apart would differ otherwise)
    assert book.properties.created == book.properties.modified == datetime.datetime(2000, 1, 1)
    with zipfile.ZipFile(tmp_path / exports.WORKBOOK) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_byte_order_marks_are_added_once(tmp_path):
    _write(tmp_path, "skipped", tables.frame("skipped", [{"file": "é.txt", "reason": "empty"}]))
    plain = (tmp_path / "data" / "skipped.csv").read_bytes()
    exports.add_byte_order_marks(tmp_path)
    exports.add_byte_order_marks(tmp_path)
    assert (tmp_path / "data" / "skipped.csv").read_bytes() == exports.UTF8_BOM + plain


def test_the_index_counts_each_tables_rows_as_the_csv_holds_them(tmp_path):
    from parley.publish import report

    quotes = tables.frame("quantities", [{"doc_id": "a", "value": "3", "unit": "km", "start": 0, "end": 1,
                                          "quote": "three\nkilometres"}, {"doc_id": "b", "value": "", "unit": "",
                                                                          "start": 4, "end": 7, "quote": ""}])
    _write(tmp_path, "quantities", quotes)
    one_column = pd.DataFrame({"file": ["a.pdf", "", "b.pdf"]})  # a one-column CSV is read, as before
    (tmp_path / "data" / "one.csv").write_text(one_column.to_csv(index=False, lineterminator="\n"))
    exports.write_parquet(one_column, tmp_path, "one")
    counted = {name: report._count_rows(tmp_path / "data" / f"{name}.csv") for name in ("quantities", "one")}
    read = {name: len(tables.read_table(tmp_path, name)) for name in ("quantities", "one")}
    assert counted == read and counted["quantities"] == 2
