"""Cells as text, and tables written byte-stably."""

import math

import numpy as np
import pandas as pd

from parley.tables import cell_text, frame, number_text, read_rows, row_dicts, write_table


def test_cell_text_treats_missing_values_as_empty():
    assert [cell_text(v) for v in (None, math.nan, " Kyiv ", 3)] == ["", "", "Kyiv", "3"]


def test_number_text_writes_numbers_as_readers_do():
    assert [number_text(v) for v in (472.0, "1,000", 0.333333, "a third")] == ["472", "1000", "0.3333", "a third"]


def test_frame_puts_contract_columns_first_and_extras_in_name_order():
    df = frame("quantities", [{"zeta": 1, "value": 2, "doc_id": "a", "alpha": 3}])
    documented = ["context", "counts", "text", "verb"]  # data/columns.yml's extra columns of quantities
    assert list(df.columns) == ["doc_id", "value", "unit", "start", "end", "quote"] + sorted(["alpha", "zeta"] + documented)


def test_every_documented_column_is_there_even_when_no_row_fills_it():
    conflicts = frame("conflicts", [{"kind": "person_role", "subject": "X", "values": "a|b", "doc_ids": "d1|d2"}])
    assert {"quotes", "event_ids"} <= set(conflicts.columns)
    assert conflicts.loc[0, "event_ids"] == ""  # blank, not NaN, on a notebook page
    assert list(frame("conflicts", []).columns)[:6] == ["kind", "subject", "values", "doc_ids", "event_ids", "quotes"]


def test_write_table_refuses_a_table_missing_contract_columns(tmp_path):
    import pytest

    with pytest.raises(ValueError, match="contract"):
        write_table(pd.DataFrame({"doc_id": ["a"]}), tmp_path, "documents")
    assert not (tmp_path / "data" / "documents.csv").exists()


def _same_values(a: list[dict], b: list[dict]) -> bool:
    """Equal rows, key order, value types and values (NaN equal to NaN)."""
    return len(a) == len(b) and all(
        list(x) == list(y) and all(type(u) is type(v) and (u is v or u == v or (u != u and v != v))
                                   for u, v in zip(x.values(), y.values()))
        for x, y in zip(a, b))


def test_row_dicts_are_pandas_records_for_every_kind_of_column():
    df = pd.DataFrame({
        "count": [1, 2, 3], "text": ["x", None, "z"], "share": [1.5, np.nan, 2.0], "flag": [True, False, True],
        "maybe_count": pd.array([1, None, 3], dtype="Int64"), "maybe_flag": pd.array([True, None, False], dtype="boolean"),
        "mixed": pd.Series([np.int64(4), pd.NA, "t"], dtype=object), "day": pd.to_datetime(["2025-01-01", None, "2025-02-02"]),
        "python_text": pd.Series(["u", None, "w"], dtype="string[python]"),
    })
    for table in (df, df.astype(object), df.iloc[:0], pd.DataFrame(index=range(2))):
        assert _same_values(row_dicts(table), table.to_dict("records"))
    assert type(row_dicts(df)[1]["mixed"]) is type(None) and type(row_dicts(df)[0]["mixed"]) is int


def test_read_rows_gives_the_text_pandas_reads(tmp_path):
    text = 'doc_id,quote,value\na,"He said, ""no""\non two lines",3\nb,,\n"",c,\n'
    for name, data in (("plain", text.encode()), ("marked", b"\xef\xbb\xbf" + text.encode())):
        (tmp_path / f"{name}.csv").write_bytes(data)
        expected = pd.read_csv(tmp_path / f"{name}.csv", dtype=str, keep_default_na=False).to_dict("records")
        assert read_rows(tmp_path, name) == expected and len(expected) == 3
    assert read_rows(tmp_path, "absent") == []
