"""Publishing: tidy executed notebooks, export them as HTML, and write `OUT/index.html`.

All text taken from articles reaches HTML through Jinja2 with autoescaping or
pandas' escaping, so an article that contains `<script>` shows it as text.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import nbformat
import pandas as pd

from parley import config
from parley.publish.exports import WORKBOOK
from parley.tables import column_dictionary, write_atomic

_VOLATILE_PAPERMILL_KEYS = ("start_time", "end_time", "duration", "exception")
_INDEX_TABLES = (
    ("delegations", "persons", "The delegations", ["side", "name", "role", "n_docs", "doc_ids"]),
    ("timeline", "timeline", "Timeline", ["date", "precision", "description", "n_sources", "doc_ids"]),
    ("comparison", "comparison", "Positions compared, issue by issue", ["issue", "side", "stance", "n_sources", "stances", "doc_ids"]),
    ("conflicts", "conflicts", "Where the sources disagree", ["kind", "subject", "values", "doc_ids"]),
)
_FIGURE_ORDER = {"delegations": 0, "timeline": 1, "positions": 2, "sources": 3}
_FIGURE_CAPTIONS = {
    "delegations": "Who sat at the table: each side's delegation, with how many articles name each member.",
    "timeline": "What happened when: events merged across articles; marker size is the number of articles.",
    "positions": "Each side's stance on each issue; the number is how many articles support it.",
    "sources": "Which article reports which fact, and where articles disagree.",
}


def display_path(path: Path) -> str:
    """A path as a report shows it: relative to the project root when inside it."""
    try:
        return str(Path(path).resolve().relative_to(config.PROJECT_ROOT))
    except ValueError:
        return str(path)


# --- executed notebooks ----------------------------------------------------------------


def tidy_notebook(path: Path, seeds: Path, out: Path, build: Path, gold: Path | None = None) -> None:
    """Drop papermill's timestamps and show the final output folder instead of the build folder."""
    nb = nbformat.read(path, as_version=4)
    params = nb.metadata.get("papermill", {}).get("parameters", {})
    shown = {"seeds_dir": display_path(seeds), "out_dir": display_path(out)}
    if gold is not None and "gold_path" in params:
        shown["gold_path"] = display_path(gold)
    if params.get("config_file"):  # the project file the run used
        shown["config_file"] = display_path(Path(params["config_file"]))
    params.update({k: v for k, v in shown.items() if k in params})
    for key in _VOLATILE_PAPERMILL_KEYS:
        nb.metadata.get("papermill", {}).pop(key, None)
    nb.metadata.get("papermill", {}).pop("input_path", None)
    nb.metadata.get("papermill", {}).pop("output_path", None)
    for cell in nb.cells:
        for key in _VOLATILE_PAPERMILL_KEYS:
            cell.metadata.get("papermill", {}).pop(key, None)
        cell.metadata.pop("execution", None)
        if "injected-parameters" in cell.metadata.get("tags", []):
            cell.id = "injected-parameters"  # papermill's id is random: keep re-runs byte-identical
            cell.source = "# Parameters\n" + "\n".join(f"{k} = {v!r}" for k, v in shown.items()) + "\n"
        if "outputs" in cell:
            cell.outputs = _coalesce_streams(cell.outputs)
        for output in cell.get("outputs", []):
            _replace_in_output(output, str(build), shown["out_dir"])
    write_atomic(path, nbformat.writes(nb).encode("utf-8"))


def _coalesce_streams(outputs: list) -> list:
    """One output per run of printed text: how the kernel splits stdout into messages
    depends on timing, and would make identical runs differ."""
    merged = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if (output.get("output_type") == "stream" and previous is not None
                and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
            previous["text"] += output["text"]
        else:
            merged.append(output)
    return merged


def _replace_in_output(output, old: str, new: str) -> None:
    if "text" in output:
        output["text"] = output["text"].replace(old, new)
    for mime, value in output.get("data", {}).items():
        if mime.startswith("text/") and isinstance(value, str):
            output["data"][mime] = value.replace(old, new)


def export_html(out_dir: Path, only: list[str] | None = None) -> list[Path]:
    """`OUT/html/<notebook>.html` for each executed notebook (or those named in `only`), code hidden.

    nbconvert's `sanitize_html` is not used: it escapes headings and paragraphs of
    Markdown cells. Article text reaches outputs only as escaped DataFrame HTML, plain
    text, or Markdown made by library functions that escape it (tests/test_browser.py)."""
    from parley.publish import page_cache

    written = [write_atomic(out_dir / "html" / f"{stem}.html", page) for stem, page in _exported(out_dir, only)]
    # keep runs' worth of every notebook's page
    page_cache.prune(_EXPORTED, max(len(written), len(list(config.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")))))
    return written


def prepare_html(out_dir: Path) -> dict[Path, bytes]:
    """The pages `export_html` would write now, made and kept, none written
    (`parley.publish.ahead`): {where it would write each: its bytes}."""
    return {out_dir / "html" / f"{stem}.html": page for stem, page in _exported(out_dir)}


def _exported(out_dir: Path, only: list[str] | None = None):
    """(notebook name, its page's bytes) for each executed notebook, kept pages copied back."""
    from parley.publish import page_cache

    exporter = None
    for notebook in sorted((out_dir / "notebooks").glob("*.ipynb")):
        if only is not None and notebook.stem not in only:
            continue
        # a notebook that ran again with the same outputs (an edited article its pages do
        # not show) makes the same page: kept by the executed notebook's bytes
        key = page_cache.key(_EXPORTED, notebook.stem, notebook.read_bytes())
        page = page_cache.get(_EXPORTED, key)
        if page is None:
            exporter = exporter or _exporter()
            nb = nbformat.read(notebook, as_version=4)
            body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": _title(nb, notebook.stem)}})
            page = _describe_images(body).encode("utf-8")
            page_cache.put(_EXPORTED, key, page)
        yield notebook.stem, page


_EXPORTED = "notebook-html"


def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="parley_offline",  # JupyterLab's page without its CDN scripts
        extra_template_basedirs=[str(config.PACKAGE_DIR / "publish" / "templates" / "nbconvert")],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.log.setLevel("ERROR")  # it warns of missing alt text, which _describe_images then gives
    return exporter


def _describe_images(page: str) -> str:
    """Give each figure the heading it sits under as its alternative text, for screen readers."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, features="html.parser")
    for image in soup.find_all("img"):
        heading = image.find_previous(["h2", "h3", "h1"])
        if heading is not None:
            image["alt"] = "Figure: " + heading.get_text(" ", strip=True).rstrip("¶").strip()
    return str(soup)


def _title(nb, fallback: str) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


# --- the index page --------------------------------------------------------------------


def _read(out_dir: Path, name: str) -> pd.DataFrame:
    path = out_dir / "data" / f"{name}.csv"
    if not path.is_file():
        return pd.DataFrame()
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def corpus_summary(documents: pd.DataFrame, skipped: pd.DataFrame | None = None) -> str:
    """One paragraph: how many articles, from which outlets, over which dates, and how many
    files were not read."""
    n_skipped = 0 if skipped is None else len(skipped)
    not_read = f" {n_skipped} file{'s were' if n_skipped != 1 else ' was'} not read (listed below)." if n_skipped else ""
    if documents.empty:
        return "No articles." + not_read
    n = len(documents)
    outlets = sorted({o for o in documents["outlet"] if o})
    dates = sorted(d for d in documents["published"] if d)
    parts = [f"{n} article{'s' * (n != 1)}"]
    if outlets:
        parts.append(f"from {len(outlets)} named outlet{'s' * (len(outlets) != 1)} ({', '.join(outlets)})")
    undated = n - len(dates)
    if dates:
        span = dates[0] if dates[0] == dates[-1] else f"{dates[0]} to {dates[-1]}"
        parts.append(f"published {span}" + (f"; {undated} state no publication date" if undated else ""))
    else:
        parts.append("none of which states its publication date")
    words = sum(int(w) for w in documents["words"] if str(w).isdigit())
    return " ".join(parts) + f". {words:,} words of story text after boilerplate was removed." + not_read


def _table_html(df: pd.DataFrame, columns: list[str], limit: int = 40) -> str:
    if df.empty:
        return '<p class="empty">No rows.</p>'
    shown = df[[c for c in columns if c in df.columns]].head(limit)
    more = f'<p class="more">{len(df) - limit} more rows in the CSV.</p>' if len(df) > limit else ""
    table = shown.to_html(index=False, escape=True, border=0, classes="data")
    # a date breaks at its hyphens in a narrow column; keep it on one line
    table = re.sub(r"<td>(\d{4}-\d\d(?:-\d\d)?)</td>", r'<td class="date">\1</td>', table)
    return table + more


def run_date() -> str:
    """The day of the run (UTC), or of $SOURCE_DATE_EPOCH where a build must be reproducible."""
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch.isdigit()
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.date().isoformat()


def write_readme(out_dir: Path, seeds_shown: str, date: str) -> Path:
    """`OUT/README.md`: what the folder holds and the data dictionary, for a reader of the files alone."""
    from parley import __version__
    from parley.publish.docs import codebook_markdown, dictionary_markdown

    text = (
        "# Parley report\n\n"
        f"Made by Parley {__version__} on {date} from the articles in `{seeds_shown}`. Open `index.html`.\n\n"
        "- `index.html`: the report page; `html/`: each notebook as a page; `notebooks/`: the executed notebooks\n"
        "- `articles/`: each article's text with its extracted facts highlighted; every table row links there\n"
        "- `data/*.csv`: the tables (UTF-8, header row, comma separated; several values in a cell joined by `|`);"
        " `start`/`end` are character offsets into the article's text, `quote` the text they span\n"
        "- `figures/`: the figures as PNG and SVG\n\n"
        "## Data dictionary\n\n" + dictionary_markdown() + "\n" + codebook_markdown()
    )
    return write_atomic(out_dir / "README.md", text.encode("utf-8"))


def write_index(out_dir: Path, seeds_shown: str = "", date: str | None = None, workbook: bool | None = None) -> Path:
    """`OUT/index.html` (the report page linking every notebook, figure and table) and
    `OUT/README.md`; the footer names Parley's version, the run's date and `seeds_shown`.
    `workbook`: whether the page links `parley.xlsx` (default: whether it is there; a
    caller still writing it says it will be)."""
    from parley import __version__

    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(str(config.PACKAGE_DIR / "publish" / "templates")),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    documents = _read(out_dir, "documents")
    skipped = _read(out_dir, "skipped")
    evaluation = _read(out_dir, "evaluation")
    dictionary = column_dictionary()
    figures = sorted((out_dir / "figures").glob("*.png"), key=lambda p: (_FIGURE_ORDER.get(p.stem, 99), p.stem))
    date = date or run_date()
    seeds_shown = seeds_shown or "seeds"
    write_readme(out_dir, seeds_shown, date)
    page = env.get_template("index.html").render(
        version=__version__,
        date=date,
        seeds=seeds_shown,
        dictionary=[
            {"name": name, "about": spec.get("about", ""), "columns": list(spec.get("columns", {}).items())}
            for name, spec in dictionary.items()
        ],
        summary=corpus_summary(documents, skipped),
        documents=_table_html(documents, ["doc_id", "title", "outlet", "author", "published", "words"]),
        skipped=_table_html(skipped, ["file", "reason"], limit=200) if not skipped.empty else "",
        figures=[
            {"file": f"figures/{p.name}", "svg": f"figures/{p.stem}.svg" if p.with_suffix(".svg").exists() else "",
             "name": p.stem, "caption": _FIGURE_CAPTIONS.get(p.stem, p.stem.replace("_", " ").capitalize())}
            for p in figures
        ],
        tables=[
            {"name": name, "csv": csv, "title": title, "html": _table_html(_index_table(out_dir, name), columns)}
            for name, csv, title, columns in _INDEX_TABLES
        ],
        evaluation=_evaluation_html(evaluation),
        notebooks=[
            {"file": f"html/{p.name}", "notebook": f"notebooks/{p.stem}.ipynb", "title": _html_title(p)}
            for p in sorted((out_dir / "html").glob("*.html"))
        ],
        csvs=[
            {"file": f"data/{p.name}", "name": p.stem, "rows": _count_rows(p),
             "about": dictionary.get(p.stem, {}).get("about", "")}
            for p in sorted((out_dir / "data").glob("*.csv"))
        ],
        workbook=WORKBOOK if (workbook if workbook is not None else (out_dir / WORKBOOK).is_file()) else "",
    )
    return write_atomic(out_dir / "index.html", page.encode("utf-8"))


def _evaluation_html(evaluation: pd.DataFrame) -> str:
    """The scores, one column group per part of the gold (all; train and check with a split)."""
    if evaluation.empty:
        return ""
    from parley.evaluate import scores_by_part

    wide = scores_by_part(evaluation)
    return _table_html(wide, list(wide.columns), limit=200)


def _index_table(out_dir: Path, name: str) -> pd.DataFrame:
    if name != "delegations":
        return _read(out_dir, name)
    from parley.across.persons import delegations

    people, persons = _read(out_dir, "people"), _read(out_dir, "persons")
    if people.empty or persons.empty:
        return pd.DataFrame()
    return delegations(people, persons.assign(n_docs=persons["n_docs"].astype(int)))


def _html_title(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    start, end = text.find("<title>"), text.find("</title>")
    return html.unescape(text[start + 7 : end].strip()) if start >= 0 and end > start else path.stem


def _count_rows(path: Path) -> int:
    """The CSV's rows; from the Parquet file written with it (`tables.write_table`) where
    there is one, which holds the count without reading a table of thousands of columns.
    A one-column CSV is read: pandas skips its blank lines, the rows of an empty value."""
    parquet = path.with_suffix(".parquet")
    if parquet.is_file():
        import pyarrow.parquet as pq

        metadata = pq.ParquetFile(parquet).metadata
        if metadata.num_columns > 1:
            return metadata.num_rows
    return len(pd.read_csv(path, dtype=str, keep_default_na=False))
