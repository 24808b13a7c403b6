"""Cells as text, and tables written byte-stably."""

import math

import pandas as pd

from parley.tables import cell_text, frame, number_text, write_table


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
