"""The data dictionary as Markdown, made from data/columns.yml."""

from __future__ import annotations

from parley.report import column_dictionary


def dictionary_markdown() -> str:
    parts = []
    for table, spec in column_dictionary().items():
        parts.append(f"#### `{table}.csv`: {spec['about']}\n\n| column | meaning |\n|---|---|\n")
        parts.extend(f"| `{column}` | {meaning} |\n" for column, meaning in spec["columns"].items())
        parts.append("\n")
    return "".join(parts)
