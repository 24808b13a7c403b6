"""The README's generated parts: the data dictionary, the codebook, the evaluation table.

Each lives between `<!-- NAME:start -->` and `<!-- NAME:end -->` markers and is
rewritten by `parley readme`, which `make run` calls after the pipeline.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from parley import config
from parley.tables import column_dictionary, row_dicts, write_atomic


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
    from parley.knowledge import codebook

    table = codebook.table()
    lines = ["#### The issue codebook (`lib/parley/data/codebook.yml`)\n", "", "| issue | label | definition | PA-X |", "|---|---|---|---|"]
    for row in table.itertuples():
        lines.append(f"| `{row.issue}` | {_cell(row.label)} | {_cell(row.definition)} | {row.pa_x or ''} |")
    topics = codebook.topics_table()
    if len(topics):
        lines += ["", "Finer topics, reported in `positions.csv`'s `topic` column under their issue:", "",
                  "| topic | issue | label | definition |", "|---|---|---|---|"]
        lines += [f"| `{t.topic}` | `{t.issue}` | {_cell(t.label)} | {_cell(t.definition)} |" for t in topics.itertuples()]
    return "\n".join(lines) + "\n"


DEV_SCORES = config.PROJECT_ROOT / "corpora" / "dev" / "scores.csv"
_COLUMNS = {"seeds": "seeds", "train": "dev train", "check": "dev check"}


def evaluation_markdown(out_dir: Path | None = None, dev_scores: Path | None = None) -> str:
    """Parley's scores on the seeds (from the last `make run`) and on the development
    corpus's two parts (recorded by `make accept-eval`), each next to its baseline."""
    from parley.evaluate import ALL, scores_by_part

    seeds_path = Path(out_dir or config.REPORTS_DIR) / "data" / "evaluation.csv"
    dev_path = Path(dev_scores or DEV_SCORES)
    if not seeds_path.is_file():
        return "Run `make run` to fill in this table.\n"
    seeds = _read_scores(seeds_path)
    frames = [seeds[seeds["part"] == ALL].assign(part="seeds")]
    if dev_path.is_file():
        dev = _read_scores(dev_path)
        frames.append(dev[dev["part"].isin(["train", "check"])])
    wide = scores_by_part(pd.concat(frames, ignore_index=True), {p: _COLUMNS[p] for p in _COLUMNS
                                                                 if any((f["part"] == p).any() for f in frames)})
    labels = [c for c in wide.columns if c not in ("table", "metric") and not c.endswith((" n", " baseline"))]
    header = ["table", "metric"]
    for label in labels:
        header += [label] + ([f"{label} baseline"] if f"{label} baseline" in wide.columns else [])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row in row_dicts(wide):
        cells = [row["table"], row["metric"]]
        for label in labels:
            n = row.get(f"{label} n", "")
            cells.append(f"{row[label]} ({n})" if row[label] != "" else "")
            if f"{label} baseline" in wide.columns:
                cells.append(row[f"{label} baseline"])
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return (
        "Parley's scores, with the number of gold items behind each in brackets, next to an off-the-shelf "
        "baseline on the same articles (blank where the baseline does not attempt the task). **seeds**: the five "
        "articles the rules were first written from (`reports/data/evaluation.csv`), an upper bound. **dev train**: "
        "the development corpus's articles that rules may be written from. **dev check**: its held-out "
        "negotiations, never read for rules: the honest figure (`corpora/dev/scores.csv`, from `make eval`).\n\n"
        + "\n".join(lines) + "\n"
    )


def _read_scores(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    return df if "part" in df.columns else df.assign(part="all")


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
