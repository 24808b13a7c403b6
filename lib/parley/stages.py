"""The pipeline's stages on disk: each notebook reads what the ones before it wrote.

    01 extraction   articles            -> documents, skipped, per-article people, events, quantities, positions
    02 across       extraction          -> people (with person_id), persons, events (years placed), timeline, conflicts
    03 comparison   extraction          -> comparison
    04, 05          every table         -> figures, sources, evaluation

A stage writes its tables as Parquet under `OUT/.stages/<stage>/` with a `stage.json`
saying which articles (their bytes) and which code (`extract.code_fingerprint`) they
come from. A later stage reads them when they match the articles in `seeds_dir` and
the code; when they are missing or stale (a notebook run on its own, an article edited
since) it says so and makes them first, so every notebook still runs alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from parley import analysis, config
from parley.read.corpus import Corpus, read_corpus
from parley.tables import write_atomic

log = logging.getLogger(__name__)

STAGES_FOLDER = ".stages"  # a dot-folder: the run keeps it, publication leaves it out
MANIFEST = "stage.json"
NOTEBOOK_OF = {"extraction": "01_extraction.ipynb", "across": "02_timeline.ipynb", "comparison": "03_comparison.ipynb"}


class StageError(Exception):
    """A stage's files could not be read or written; the message says which and what to do."""


@dataclass
class StageTables:
    """The tables of one or more stages for one corpus. `raw` holds them as the next stage
    reads them; `[name]` gives a table as published (rows in a fixed order)."""

    corpus: Corpus
    raw: dict[str, pd.DataFrame]

    def __getitem__(self, name: str) -> pd.DataFrame:
        return analysis.stable(name, self.raw[name])

    def results(self) -> analysis.Results:
        return analysis.results_of(self.corpus, self.raw)


def extraction(seeds_dir: str | None, out: Path, progress: bool = True, _by_later_stage: bool = False,
               config_file: str | None = None) -> StageTables:
    """Stage 01: every article's facts, each article on its own (cached per article).
    `config_file`: the project file (default: `parley.toml` in the seeds folder, if any)."""
    corpus = _read(seeds_dir, config_file)
    return _stage("extraction", corpus, out, lambda: analysis.extraction_tables(corpus, progress=progress),
                  announce=_by_later_stage)


def across(seeds_dir: str | None, out: Path, config_file: str | None = None) -> StageTables:
    """Stage 02, from stage 01's tables: persons, the timeline, the disagreements."""
    first = extraction(seeds_dir, out, _by_later_stage=True, config_file=config_file)
    return StageTables(first.corpus, {**first.raw, **_own(first, out, "across", announce=False)})


def comparison(seeds_dir: str | None, out: Path, config_file: str | None = None) -> StageTables:
    """Stage 03, from stage 01's positions: each side's stance on each issue (with stage
    02's tables beside it, for the disagreements it shows)."""
    first = extraction(seeds_dir, out, _by_later_stage=True, config_file=config_file)
    return StageTables(first.corpus, {**first.raw, **_own(first, out, "across"),
                                      **_own(first, out, "comparison", announce=False)})


def everything(seeds_dir: str | None, out: Path, config_file: str | None = None) -> StageTables:
    """Every table, read from the three stages (made where missing): what 04 and 05 use."""
    first = extraction(seeds_dir, out, _by_later_stage=True, config_file=config_file)
    return StageTables(first.corpus, {**first.raw, **_own(first, out, "across"), **_own(first, out, "comparison")})


_MAKERS = {"across": analysis.across_tables, "comparison": analysis.comparison_tables}


def _own(first: StageTables, out: Path, name: str, announce: bool = True) -> dict[str, pd.DataFrame]:
    """Stage `name`'s own tables, made from stage 01's where missing."""
    return _stage(name, first.corpus, out, lambda: (first.corpus, _MAKERS[name](first.raw)), announce).raw


# --- on disk ---------------------------------------------------------------------------


def _read(seeds_dir: str | None, config_file: str | None = None) -> Corpus:
    """The articles, with the project file's knowledge in force in this kernel (its text is
    part of the code fingerprint every stage is keyed by)."""
    from parley.knowledge import project_file

    seeds = config.resolve(seeds_dir, config.default_seeds_dir())
    project_file.use(seeds, config_file)
    return read_corpus(seeds)


def corpus_key(corpus: Corpus) -> str:
    """Which articles, byte for byte and as read, and which files were skipped as unreadable."""
    digest = hashlib.sha256()
    for a in corpus.articles:
        digest.update(f"{a.doc_id}\0{a.file}\0{a.sha256}\0{a.text_sha256}\n".encode())
    for s in corpus.skipped:
        digest.update(f"skipped\0{s.file}\0{s.reason}\n".encode())
    return digest.hexdigest()[:32]


def _stage(name: str, corpus: Corpus, out: Path, make, announce: bool = True) -> StageTables:
    """Stage `name`'s tables from `out` when they are of these articles and this code, else
    made by `make` and written there (`announce`: say so, naming the notebook to run first)."""
    from parley.extract.run import code_fingerprint

    folder = Path(out) / STAGES_FOLDER / name
    expected = {"stage": name, "articles": corpus_key(corpus), "code": code_fingerprint()}
    found = _manifest(folder)
    if found is not None and all(found.get(k) == v for k, v in expected.items()):
        try:
            return StageTables(analysis.without(corpus, found.get("failed", {})), _load_tables(folder, found))
        except (OSError, ValueError, KeyError) as err:
            log.warning("could not read stage %s from %s (%s); making it again", name, folder, err)
    if announce:  # a notebook making an earlier notebook's stage: that one did not run on these articles
        why = "has not been run" if found is None else "was run on other articles or older code"
        print(f"Stage {name} ({NOTEBOOK_OF[name]}) {why} for {out}; making it now.", file=sys.stderr)
    made_corpus, tables = make()
    kept = {a.doc_id for a in made_corpus.articles}
    reasons = {s.file: s.reason for s in made_corpus.skipped}
    failed = {a.doc_id: reasons.get(a.file, "extraction failed") for a in corpus.articles if a.doc_id not in kept}
    _write_tables(folder, tables, {**expected, "failed": failed})
    return StageTables(made_corpus, tables)


def _manifest(folder: Path) -> dict | None:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_tables(folder: Path, tables: dict[str, pd.DataFrame], manifest: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MANIFEST).unlink(missing_ok=True)  # the tables below are not this stage's until it is rewritten
    dtypes = {}
    for table, df in tables.items():
        buffer = _parquet_bytes(df)
        write_atomic(folder / f"{table}.parquet", buffer)
        dtypes[table] = {column: str(dtype) for column, dtype in df.dtypes.items()}
    manifest = {**manifest, "tables": sorted(tables), "dtypes": dtypes}
    write_atomic(folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _parquet_bytes(df: pd.DataFrame) -> bytes:
    import io

    buffer = io.BytesIO()
    try:
        df.to_parquet(buffer, index=False, engine="pyarrow")
    except Exception as err:  # noqa: BLE001 - pyarrow raises several types for one cause
        raise StageError(f"could not write a table as Parquet ({type(err).__name__}: {str(err)[:200]})") from err
    return buffer.getvalue()


def _load_tables(folder: Path, manifest: dict) -> dict[str, pd.DataFrame]:
    tables = {}
    for table in manifest["tables"]:
        df = pd.read_parquet(folder / f"{table}.parquet", engine="pyarrow")
        # Parquet reads text columns back as `str`; the next stage sees them as they were made
        for column, dtype in manifest["dtypes"].get(table, {}).items():
            if column in df.columns and str(df[column].dtype) != dtype and dtype == "object":
                df[column] = df[column].astype(object)
        tables[table] = df
    return tables


def facts_per_article(extracted: StageTables) -> pd.DataFrame:
    """doc_id, then how many person mentions, dated events, numbers and position
    statements stage 01 found in each article."""
    kinds = ("people", "events", "quantities", "positions")
    counts = {kind: extracted.raw[kind]["doc_id"].value_counts() if len(extracted.raw[kind]) else pd.Series(dtype=int)
              for kind in kinds}
    rows = [{"doc_id": a.doc_id, **{kind: int(counts[kind].get(a.doc_id, 0)) for kind in kinds}}
            for a in sorted(extracted.corpus.articles, key=lambda a: a.doc_id)]
    return pd.DataFrame(rows, columns=["doc_id", *kinds])
