"""From a folder of articles to every table of the contract.

Extraction runs per article (cached, in parallel: `parley.extract.run`); what follows
looks across articles (`parley.across`): people resolved to persons, years placed from
the corpus, events merged into a timeline, positions compared, disagreements collected.
Every notebook calls `analyse`, so each runs on its own; the cache makes the
repeated calls cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from parley import config
from parley.across import syndication
from parley.extract.run import EVENT_FEATURES, FACT_KINDS, extract_corpus
from parley.read.corpus import Corpus, Skipped, read_corpus
from parley.tables import frame, number_text, row_dicts

_SORT_KEYS = {
    "documents": ["doc_id"],
    "people": ["doc_id", "start", "end", "name"],
    "persons": ["person_id"],
    "events": ["doc_id", "start", "end", "date"],
    "timeline": ["date", "event_id"],
    "quantities": ["doc_id", "start", "end", "unit"],
    "positions": ["doc_id", "start", "end", "side", "issue", "stance"],
    "comparison": ["issue", "side"],
    "conflicts": ["kind", "subject", "values"],
    "skipped": ["file"],
}


@dataclass
class Results:
    corpus: Corpus
    tables: dict[str, pd.DataFrame]
    convergence: list[dict] = field(default_factory=list)

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    @property
    def skipped(self) -> pd.DataFrame:
        return self.tables["skipped"]

    @property
    def raw_texts(self) -> dict[str, str]:
        return {a.doc_id: a.raw for a in self.corpus.articles}


def analyse(seeds_dir: str | None = None, jobs: int | None = None, use_cache: bool = True) -> Results:
    """Read, extract, resolve, merge and compare: every table for the articles in `seeds_dir`
    (with the knowledge of its `parley.toml`, if it has one)."""
    from parley.knowledge import project_file

    seeds = config.resolve(seeds_dir, config.default_seeds_dir())
    project_file.use(seeds)
    return _analyse(read_corpus(seeds), jobs=jobs, use_cache=use_cache)


def _analyse(corpus: Corpus, jobs: int | None = None, use_cache: bool = True) -> Results:
    corpus, extracted = extraction_tables(corpus, jobs=jobs, use_cache=use_cache)
    return results_of(corpus, {**extracted, **across_tables(extracted), **comparison_tables(extracted)})


# --- the stages: each a function of the tables of the one before (`parley.stages` keeps them on disk)


def extraction_tables(corpus: Corpus, jobs: int | None = None, use_cache: bool = True,
                      progress: bool = False) -> tuple[Corpus, dict[str, pd.DataFrame]]:
    """Stage 1, per article: documents, skipped, and each article's people, events,
    quantities and positions, in the corpus's order (before any resolution). The corpus
    returned leaves out the articles whose extraction failed; `skipped` names them."""
    failures: dict[str, str] = {}
    facts = extract_corpus(corpus.articles, jobs=jobs, use_cache=use_cache, failures=failures, progress=progress)
    corpus = without(corpus, failures)
    rows = {kind: [row for doc_facts in facts.values() for row in doc_facts[kind]] for kind in FACT_KINDS}
    features = {row["description"]: row for doc_facts in facts.values() for row in doc_facts.get(EVENT_FEATURES, [])}
    quantity_table = frame("quantities", rows["quantities"])
    # as text: one fraction in the column would otherwise print every value as a float
    quantity_table["value"] = quantity_table["value"].map(number_text)
    return corpus, {
        "documents": syndication.with_duplicates(corpus.documents(), corpus.articles),
        "skipped": frame("skipped", [{"file": s.file, "reason": s.reason} for s in corpus.skipped]),
        "people": frame("people", rows["people"]),
        "events": frame("events", rows["events"]),
        "quantities": quantity_table,
        "positions": frame("positions", rows["positions"]),
        EVENT_FEATURES: pd.DataFrame([features[d] for d in sorted(features)],
                                     columns=["description", "words", "kinds", "ordinals"]),
    }


def without(corpus: Corpus, failures: dict[str, str]) -> Corpus:
    """`corpus` less the articles whose extraction failed, which join the skipped files:
    one bad article is named and skipped, never fatal."""
    if not failures:
        return corpus
    return Corpus(
        tuple(a for a in corpus.articles if a.doc_id not in failures),
        tuple(sorted(corpus.skipped + tuple(Skipped(a.file, failures[a.doc_id]) for a in corpus.articles
                                             if a.doc_id in failures), key=lambda s: s.file)),
    )


def across_tables(extracted: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Stage 2, across articles: people resolved to persons, years placed from the corpus,
    events merged into a timeline, and every disagreement (people, dates, numbers).
    Counts of articles count near-copies of one article once (`parley.across.syndication`)."""
    from parley.across import timeline
    from parley.across.conflicts import quantity_conflicts
    from parley.across.persons import resolve_persons

    people_rows, persons, person_conflicts = resolve_persons(extracted["people"], extracted["documents"])
    timeline.learn_features(extracted.get(EVENT_FEATURES))  # tagged in extraction: no model here
    events = timeline.resolve_years(extracted["events"], extracted["documents"])
    timeline_table, date_conflicts = timeline.build_timeline(events)
    # a reprint's edited number is not a second source's figure: numbers of originals only
    originals = syndication.originals_only(extracted["quantities"], extracted["documents"])
    conflicts = person_conflicts + date_conflicts + quantity_conflicts(originals)
    documents = extracted["documents"]
    return {
        "people": frame("people", row_dicts(people_rows)),
        "persons": syndication.recount(frame("persons", row_dicts(persons)), "n_docs", documents),
        "events": events,
        "timeline": syndication.recount(frame("timeline", row_dicts(timeline_table)), "n_sources", documents),
        "conflicts": syndication.without_self_conflicts(frame("conflicts", conflicts), documents),
    }


def comparison_tables(extracted: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Stage 3: each side's stance on each issue across articles."""
    from parley.across import compare

    documents = extracted["documents"]
    compared = compare.compare_positions(extracted["positions"], copies=syndication.originals(documents))
    return {"comparison": syndication.recount(frame("comparison", row_dicts(compared)), "n_sources", documents)}


def results_of(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> Results:
    """The tables as published: rows in a fixed order, and the convergence they show."""
    from parley.across import compare

    tables = {name: df for name, df in tables.items() if name != EVENT_FEATURES}  # stage 02's input, not a result
    order = [name for name in _SORT_KEYS if name in tables] + [name for name in tables if name not in _SORT_KEYS]
    tables = {name: stable(name, tables[name]) for name in order}
    convergence = compare.convergence(tables["comparison"]) if "comparison" in tables else []
    return Results(corpus, tables, convergence)


def stable(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order and a fresh index, so the same input writes the same bytes."""
    keys = [k for k in _SORT_KEYS[name] if k in df.columns]
    if keys and len(df):
        df = df.sort_values(keys, kind="mergesort", key=_sort_key)
    return df.reset_index(drop=True)


def _sort_key(column: pd.Series) -> pd.Series:
    if column.name in {"start", "end"}:
        return pd.to_numeric(column, errors="coerce")
    return column.astype(str)


_MEMO: dict[tuple, Results] = {}


def load(seeds_dir: str | None = None) -> Results:
    """`analyse`, memoised within one Python process (one notebook kernel) by the articles'
    content: an article edited, added or removed gives fresh results on the next Run All."""
    corpus = read_corpus(config.resolve(seeds_dir, config.default_seeds_dir()))
    key = (tuple((a.doc_id, a.file, a.sha256) for a in corpus.articles), corpus.skipped)
    if key not in _MEMO:
        _MEMO.clear()  # one corpus at a time: a kernel need not hold every version it saw
        _MEMO[key] = _analyse(corpus)
    return _MEMO[key]
