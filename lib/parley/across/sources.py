"""The sources view: which article reports which fact, and where the articles disagree.

One row per fact, drawn from the tables that already merge across articles: a
resolved person (persons.csv), a timeline event (timeline.csv), a comparison cell
(issue, side) (comparison.csv), and a quantity (quantities.csv grouped by unit and
value). Each row says how many articles report it and which, with one 0/1 column per
article up to `MAX_ARTICLE_COLUMNS` articles, so a reader sees at a glance how much each
claim rests on. Rows of
conflicts.csv are attached to the facts they are about (`conflict`, `disagreement`);
a disagreement that names no fact of the table gets a row of its own.

Where a merged table is missing or empty, the fact is rebuilt from the per-article
table (people, events, positions) so the view still shows something sensible.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd
from rapidfuzz import fuzz

from parley.across import syndication
from parley.tables import cell_text, number_text, row_dicts
from parley.text import fold

FACT_KINDS = ("person", "event", "position", "quantity", "other")
SOURCE_COLUMNS = ["fact_kind", "fact", "n_sources", "doc_ids", "conflict", "disagreement", "copies"]
SUBJECT_SIMILARITY = 85
# A column per article is a matrix a reader can scan up to this many articles; beyond, it
# is millions of cells that `doc_ids` lists already (at 1,600 articles a 40 MB table that
# every later reader of it spends seconds parsing, and a spreadsheet holds 16,384 columns).
MAX_ARTICLE_COLUMNS = 100
# Which fact kind a conflict is about, from words in its `kind` (conflicts.csv).
_CONFLICT_KIND_WORDS = (
    ("person", ("person", "people", "name", "surname", "role", "side")),
    ("event", ("date", "event", "timeline")),
    ("quantity", ("quantit", "number", "value", "count", "figure")),
    ("position", ("position", "stance", "issue", "comparison")),
)


def sources_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The fact x article table: `fact_kind, fact, n_sources, doc_ids, conflict,
    disagreement, copies`, then one 0/1 column per article (documents' doc_ids, sorted)
    when there are at most `MAX_ARTICLE_COLUMNS` articles.
    `n_sources` counts near-copies of one article once; `copies` names them."""
    facts = _person_facts(tables) + _event_facts(tables) + _position_facts(tables) + _quantity_facts(tables)
    facts = [f for f in facts if f["docs"]]
    _attach_conflicts(facts, _table(tables, "conflicts"))
    documents = _table(tables, "documents")
    doc_ids = sorted(set(_texts(documents.get("doc_id", []))) | {d for f in facts for d in f["docs"]})
    order = {kind: i for i, kind in enumerate(FACT_KINDS)}
    copies = syndication.originals(documents)
    facts.sort(key=lambda f: (order.get(f["kind"], len(order)), -syndication.independent(f["docs"], copies),
                              fold(f["label"]), f["label"]))
    described = pd.DataFrame(
        [{
            "fact_kind": f["kind"],
            "fact": f["label"],
            "n_sources": len(f["docs"]),
            "doc_ids": "|".join(sorted(f["docs"])),
            "conflict": int(bool(f["disagreements"])),
            "disagreement": " ; ".join(dict.fromkeys(f["disagreements"])),
        } for f in facts],
        columns=SOURCE_COLUMNS,
    )
    # near-copies of one article count once (`parley.across.syndication`); `copies` lists them
    described = syndication.recount(described, "n_sources", documents)
    if len(doc_ids) > MAX_ARTICLE_COLUMNS:
        return described
    column_of = {d: i for i, d in enumerate(doc_ids)}
    reported = np.zeros((len(facts), len(doc_ids)), dtype=np.int64)
    for row, f in enumerate(facts):
        reported[row, [column_of[d] for d in f["docs"]]] = 1
    return pd.concat([described, pd.DataFrame(reported, columns=doc_ids)], axis=1)


def doc_columns(sources_df: pd.DataFrame) -> list[str]:
    """The per-article 0/1 columns of a sources table (none beyond `MAX_ARTICLE_COLUMNS`)."""
    return [c for c in sources_df.columns if c not in SOURCE_COLUMNS]


def reporting(sources_df: pd.DataFrame) -> list[frozenset[str]]:
    """Each fact's articles, read from `doc_ids` (the same as its 0/1 columns, where it has them)."""
    return [frozenset(_split(v)) for v in sources_df.get("doc_ids", pd.Series(dtype=str))]


# --- reading the tables ----------------------------------------------------------------


def _table(tables: dict, name: str) -> pd.DataFrame:
    df = tables.get(name) if tables else None
    return df if isinstance(df, pd.DataFrame) else pd.DataFrame()


def _texts(values) -> list[str]:
    return [t for t in (cell_text(v) for v in values) if t]


def _split(value) -> set[str]:
    return {part.strip() for part in cell_text(value).split("|") if part.strip()}


def _fact(kind: str, label: str, docs: set[str], keys: list[str], values: list[str] | None = None) -> dict:
    """A fact; `keys` are the strings a conflict's subject is matched against, `values`
    what a conflict's values must include for it to concern this very fact."""
    return {"kind": kind, "label": label, "docs": set(docs), "keys": [k for k in keys if k],
            "values": values or [], "disagreements": []}


def _merge_by(facts: dict, key, make) -> dict:
    if key not in facts:
        facts[key] = make()
    return facts[key]


# --- facts of each kind ----------------------------------------------------------------


def _person_facts(tables) -> list[dict]:
    persons = _table(tables, "persons")
    if len(persons):
        facts = []
        for row in row_dicts(persons):
            name, side = cell_text(row.get("name")), cell_text(row.get("side"))
            label = f"{name} ({side})" if side else name
            facts.append(_fact("person", label, _split(row.get("doc_ids")), [name, *_split(row.get("variants"))]))
        return facts
    people = _table(tables, "people")
    grouped: dict[str, dict] = {}
    for row in row_dicts(people):
        name = cell_text(row.get("name"))
        key = cell_text(row.get("person_id")) or fold(name)
        if not key:
            continue
        fact = _merge_by(grouped, key, lambda: _fact("person", name, set(), []))
        fact["docs"].add(cell_text(row.get("doc_id")))
        fact["keys"].append(name)
        if len(name) > len(fact["label"]):
            fact["label"] = name
    return list(grouped.values())


def _event_label(date: str, description: str) -> str:
    return f"{date}: {description}" if description else date


def _event_facts(tables) -> list[dict]:
    timeline = _table(tables, "timeline")
    if len(timeline):
        return [
            _fact("event", _event_label(cell_text(r.get("date")), cell_text(r.get("description"))), _split(r.get("doc_ids")),
                  [cell_text(r.get("description"))], [cell_text(r.get("date"))])
            for r in row_dicts(timeline)
        ]
    grouped: dict[str, dict] = {}  # no timeline: one fact per date
    for row in row_dicts(_table(tables, "events")):
        date = cell_text(row.get("date"))
        if not date:
            continue
        fact = _merge_by(grouped, date, lambda: _fact("event", _event_label(date, cell_text(row.get("description"))), set(), [], [date]))
        fact["docs"].add(cell_text(row.get("doc_id")))
        fact["keys"].append(cell_text(row.get("description")))
    return list(grouped.values())


def _position_label(side: str, issue: str, stance: str) -> str:
    return f"{side} {stance} {issue}" if stance else f"{side} on {issue}"


def _position_facts(tables) -> list[dict]:
    comparison = _table(tables, "comparison")
    if len(comparison):
        return [
            _fact("position", _position_label(cell_text(r.get("side")), cell_text(r.get("issue")), cell_text(r.get("stance"))),
                  _split(r.get("doc_ids")), [f"{cell_text(r.get('side'))} {cell_text(r.get('issue'))}", cell_text(r.get("issue"))],
                  [cell_text(r.get("side"))])
            for r in row_dicts(comparison)
        ]
    grouped: dict[tuple, dict] = {}
    for row in row_dicts(_table(tables, "positions")):
        side, issue = cell_text(row.get("side")), cell_text(row.get("issue"))
        if not issue:
            continue
        fact = _merge_by(grouped, (side, issue),
                         lambda: _fact("position", _position_label(side, issue, ""), set(), [f"{side} {issue}", issue], [side]))
        fact["docs"].add(cell_text(row.get("doc_id")))
    return list(grouped.values())


def _quantity_facts(tables) -> list[dict]:
    grouped: dict[tuple, dict] = {}
    for row in row_dicts(_table(tables, "quantities")):
        value, unit = number_text(row.get("value")), cell_text(row.get("unit"))
        if not value:
            continue
        fact = _merge_by(grouped, (fold(unit), value),
                         lambda: _fact("quantity", f"{value} {unit}".strip(), set(), [unit], [value]))
        fact["docs"].add(cell_text(row.get("doc_id")))
    return list(grouped.values())


# --- disagreements ---------------------------------------------------------------------


def _conflict_kind(kind: str) -> str:
    key = fold(kind)
    for fact_kind, words in _CONFLICT_KIND_WORDS:
        if any(word in key for word in words):
            return fact_kind
    return ""


# A conflict's subject is compared with every key of every fact of its articles: the same
# pairs recur thousands of times at a large corpus, and each new pattern would evict
# others from `re`'s small cache of compiled patterns, so patterns and answers are kept.
@functools.lru_cache(maxsize=1 << 16)
def _similar(subject: str, key: str) -> bool:
    a, b = fold(subject), fold(key)
    if not a or not b:
        return False
    if a == b or _within_as_words(a, b) or _within_as_words(b, a):
        return True
    return fuzz.token_set_ratio(a, b) >= SUBJECT_SIMILARITY


def _within_as_words(part: str, text: str) -> bool:
    """Whether `re.search(rf"\\b{re.escape(part)}\\b", text)` would find `part`, without
    compiling a pattern for each of thousands of subjects."""
    at = text.find(part)
    while at >= 0:
        if _word_boundary(text, at) and _word_boundary(text, at + len(part)):
            return True
        at = text.find(part, at + 1)
    return False


def _word_boundary(text: str, at: int) -> bool:
    """`\\b` at `at`: a word character on one side only (`re`'s word characters: `isalnum` and "_")."""
    def word(i: int) -> bool:
        return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")

    return word(at - 1) != word(at)


def _attach_conflicts(facts: list[dict], conflicts: pd.DataFrame) -> None:
    """Mark the facts each conflict is about; a conflict about no listed fact becomes a fact.
    A conflict is about facts its own articles report: those are the only ones compared
    with its subject, which keeps the work per conflict small however large the corpus."""
    facts_of_doc: dict[str, list[int]] = {}
    for index, fact in enumerate(facts):
        for doc in fact["docs"]:
            facts_of_doc.setdefault(doc, []).append(index)
    for row in row_dicts(conflicts):
        kind, subject, values = cell_text(row.get("kind")), cell_text(row.get("subject")), cell_text(row.get("values"))
        fact_kind = _conflict_kind(kind)
        note = f"{kind}: {values}" if values else kind
        docs = _split(row.get("doc_ids"))
        near = sorted({i for doc in docs for i in facts_of_doc.get(doc, ())}) if docs else range(len(facts))
        candidates = [f for f in (facts[i] for i in near) if (not fact_kind or f["kind"] == fact_kind)
                      and any(_similar(subject, k) for k in f["keys"])]
        conflict_values = {fold(v) for v in _split(values)}
        exact = [f for f in candidates if any(fold(number_text(v)) in conflict_values or fold(v) in conflict_values
                                              for v in f["values"])]
        targets = exact or candidates
        if not targets:
            facts.append(_fact(fact_kind or "other", subject or kind, docs, [subject]))
            for doc in docs:
                facts_of_doc.setdefault(doc, []).append(len(facts) - 1)
            targets = [facts[-1]]
        for fact in targets:
            fact["disagreements"].append(note)
