"""The README's generated parts: the data dictionary, the codebook, the evaluation table.

Each lives between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers and is
rewritten by `parley readme`, which `make run` calls after the pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from parley import config
from parley.tables import column_dictionary
from parley.tables import write_atomic


def dictionary_markdown() -> str:
    parts = []
    for table, spec in column_dictionary().items():
        parts.append(f"#### `{table}.csv`: {spec['about']}\n\n| column | meaning |\n|---|---|\n")
        parts.extend(f"| `{column}` | {_cell(meaning)} |\n" for column, meaning in spec["columns"].items())
        parts.append("\n")
    return "".join(parts)


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a literal | would end the cell."""
    return str(text).replace("|", "\\|")


def codebook_markdown() -> str:
    from parley import codebook

    table = codebook.table()
    lines = ["#### The issue codebook (`lib/parley/data/codebook.yml`)\n", "", "| issue | label | definition | PA-X |", "|---|---|---|---|"]
    for row in table.itertuples():
        lines.append(f"| `{row.issue}` | {_cell(row.label)} | {_cell(row.definition)} | {row.pa_x or ''} |")
    return "\n".join(lines) + "\n"


def evaluation_markdown(out_dir: Path | None = None) -> str:
    path = Path(out_dir or config.REPORTS_DIR) / "data" / "evaluation.csv"
    if not path.is_file():
        return "Run `make run` to fill in this table.\n"
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    header = "| " + " | ".join(df.columns) + " |\n|" + "---|" * len(df.columns) + "\n"
    rows = "".join("| " + " | ".join(_cell(v) for v in row) + " |\n" for row in df.itertuples(index=False))
    return (
        "Scores of the pipeline's own tables against the gold reading of the seeds, next to an "
        "off-the-shelf baseline on the same articles (from `reports/data/evaluation.csv`):\n\n" + header + rows
    )


def blocks(out_dir: Path | None = None) -> dict[str, str]:
    return {
        "dictionary": dictionary_markdown() + "\n" + codebook_markdown(),
        "evaluation": evaluation_markdown(out_dir),
    }


def render_readme(text: str, out_dir: Path | None = None) -> str:
    for name, content in blocks(out_dir).items():
        pattern = re.compile(rf"(<!-- {name}:start -->\n).*?(<!-- {name}:end -->)", re.S)
        if not pattern.search(text):
            raise ValueError(f"README.md lacks the <!-- {name}:start --> ... <!-- {name}:end --> markers")
        text = pattern.sub(lambda m: m.group(1) + content + m.group(2), text)
    return text


def update_readme(path: Path | None = None, out_dir: Path | None = None) -> bool:
    """Rewrite the generated blocks of README.md; True when anything changed."""
    path = path or config.PROJECT_ROOT / "README.md"
    before = path.read_text(encoding="utf-8")
    after = render_readme(before, out_dir)
    if after != before:
        write_atomic(path, after.encode("utf-8"))
    return after != before
