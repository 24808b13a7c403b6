"""Every published table and column is documented, and the README's generated blocks are current."""

import re

import pandas as pd
import pytest

from parley import config
from parley.publish import docs
from parley.tables import column_dictionary


def test_every_column_of_every_published_table_is_in_the_dictionary():
    dictionary = column_dictionary()
    doc_ids = {p.stem for p in config.default_seeds_dir().glob("*.txt")}
    tables = sorted((config.REPORTS_DIR / "data").glob("*.csv"))
    assert len(tables) >= 9
    for path in tables:
        assert path.stem in dictionary, f"{path.name} has no entry in data/columns.yml"
        documented = set(dictionary[path.stem]["columns"])
        columns = set(pd.read_csv(path, nrows=0).columns) - doc_ids
        assert columns <= documented, f"{path.name}: undocumented columns {sorted(columns - documented)}"


def test_the_contract_columns_come_first_in_the_dictionary():
    from parley.tables import COLUMNS

    dictionary = column_dictionary()
    for table, columns in COLUMNS.items():
        assert list(dictionary[table]["columns"])[: len(columns)] == columns


def test_readme_generated_blocks_match_the_committed_reports():
    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.render_readme(readme) == readme, "README.md is stale: run `parley readme`"
    assert "| people | recall |" in readme
    for issue in ("ceasefire", "prisoners", "security_guarantees", "monitoring"):
        assert f"| `{issue}` |" in readme


def test_readme_starts_with_the_two_commands():
    readme = (config.PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    assert [line.split("#")[0].strip() for line in first_block.strip().splitlines()] == ["make run", "make test"]


def test_render_readme_refuses_a_readme_without_markers():
    with pytest.raises(ValueError, match="markers"):
        docs.render_readme("# no markers here\n")
