"""One timeline from every article's dated events.

Two corpus-level steps follow the per-article extraction (`parley.extract.events`):

1. `resolve_years`: a yearless date ("on April 7") in an article that states neither a
   publication date nor a full date has no year of its own. The corpus supplies one:
   the year that puts the date nearest before/around the median publication date of
   the corpus's dated articles (the same rule `parley.extract.dates` applies to one article:
   the latest such date no more than two months after the reference). Such rows get
   `basis` "corpus"; rows resolved within their article are never touched.

2. `build_timeline`: mentions with the same date and precision are merged when they
   tell of the same happening. Descriptions are compared by their content lemmas
   (synonyms folded, `data/event_terms.yml`), their kind of happening (talks, attack,
   exchange), the parties doing the deed and their ordinals:
   - a statement ("X said ...") and a deed are never one happening;
   - mentions whose actors are disjoint parties ("Hamas fired" / "Israel struck")
     or whose ordinals differ ("first round" / "second round") are never merged;
   - otherwise they merge when they name the same kind of happening, or share at least
     two content words making up half of the shorter description, or are near copies.
   The same test, made stricter, finds one happening that different articles date
   differently (days apart, no article giving both dates): a `conflicts` row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz

from parley import config, nlp
from parley.extract import dates, event_features
from parley.tables import COLUMNS, row_dicts
from parley.text import fold

# Two dates for one happening further apart than this are taken for two happenings.
MAX_CONFLICT_DAYS = 7
# Share of the shorter description's content words that two descriptions must share.
MIN_OVERLAP = 0.5
MIN_SHARED_WORDS = 2
NEAR_COPY_RATIO = 88
SLUG_WORDS = 4


# --- 1. years from the corpus ------------------------------------------------------------


def resolve_years(events: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """`events` with each `needs_year` row placed in a year only where another article
    reports the same happening on the same day with its year (basis "corpus"); a month
    and day no article pins down stays without a year. An article's own dates come
    first (`parley.extract.dates`); the corpus never lends its usual year to a lone date."""
    out = events.copy()
    if out.empty or "needs_year" not in out.columns:
        return out
    for flag in ("needs_year", "resolved"):  # booleans, also when read back from a CSV file
        if flag in out.columns:
            out[flag] = out[flag].map(_flag).astype(bool)
    for column in ("date", "basis", "partial"):
        out[column] = out[column].fillna("").astype(object) if column in out.columns else ""
    if "description" in out.columns:
        _prepare_features(str(d or "") for d in out["description"])
    dated = [m for m in _mentions(out) if m.precision in ("day", "month")]
    by_day: dict[str, list[_Mention]] = {}
    for m in dated:
        by_day.setdefault(m.date[5:], []).append(m)
    for index in out.index[out["needs_year"]]:
        partial = str(out.at[index, "partial"] or "")
        if not re.fullmatch(r"--\d\d(?:-\d\d)?", partial):
            continue
        lone = _mention_of(index, out.loc[index], date=partial)
        doc_id = str(out.at[index, "doc_id"])
        years = {m.date[:4] for m in by_day.get(partial[2:], []) if m.doc_id != doc_id and same_happening(lone, m)}
        if len(years) != 1:
            continue
        _place(out, index, int(years.pop()))
    # An article that had no year of its own has one now: its other yearless dates follow it.
    placed = out[out["basis"].eq("corpus")]
    for doc_id, rows in placed.groupby("doc_id"):
        anchor = dates.parse_iso(max(rows["date"]))
        for index in out.index[out["needs_year"] & out["doc_id"].eq(doc_id)]:
            match = re.fullmatch(r"--(\d\d)(?:-(\d\d))?", str(out.at[index, "partial"] or ""))
            if match and anchor is not None:
                month, day = int(match[1]), int(match[2]) if match[2] else None
                _place(out, index, dates.year_near(anchor, month, day))
    return out


def _place(events: pd.DataFrame, index, year: int) -> None:
    """Give the yearless row `index` its year (basis "corpus")."""
    partial = str(events.at[index, "partial"])
    events.at[index, "date"] = f"{year:04d}-{partial[2:]}"
    events.at[index, "basis"] = "corpus"
    events.at[index, "resolved"] = True
    events.at[index, "needs_year"] = False
    events.at[index, "partial"] = ""


# --- 2. the timeline ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Mention:
    row: int
    doc_id: str
    date: str
    precision: str
    description: str
    quote: str
    date_text: str
    words: frozenset[str]
    kinds: frozenset[str]
    actors: frozenset[str]
    ordinals: frozenset[int]
    statement: bool


def build_timeline(events: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Events merged across articles (timeline.csv rows) and the date conflicts
    (conflicts.csv rows) among them."""
    mentions = _mentions(events)
    by_day: dict[tuple[str, str], list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_day[(m.date, m.precision)].append(m)
    clusters = []
    for key in sorted(by_day):
        clusters.extend(_cluster(by_day[key], same_happening))
    rows = _timeline_rows(clusters)
    order = sorted(range(len(rows)), key=lambda i: (rows[i]["date"], rows[i]["event_id"]))
    clusters, rows = [clusters[i] for i in order], [rows[i] for i in order]
    timeline = pd.DataFrame(rows, columns=COLUMNS["timeline"] + ["n_mentions", "quotes", "date_texts", "descriptions"])
    return timeline, _conflicts(clusters, rows)


def _mentions(events: pd.DataFrame) -> list[_Mention]:
    if events.empty:
        return []
    usable = events[events["date"].fillna("").astype(str).ne("")]  # resolved rows only
    order = usable.assign(_start=pd.to_numeric(usable["start"], errors="coerce"))  # numbers, also from a CSV file
    usable = usable.loc[order.sort_values(["date", "doc_id", "_start", "description"], kind="stable").index]
    if "description" in usable.columns:
        _prepare_features(str(d or "") for d in usable["description"])
    # rows as dicts, not `iterrows`' Series: the same values, without a Series per row
    return [_mention_of(index, row) for index, row in zip(usable.index, row_dicts(usable))]


def _mention_of(index, row, date: str | None = None) -> _Mention:
    text = str(row.get("description", "") or "")
    words, kinds, ordinals = _features(text)
    return _Mention(
        row=index,
        doc_id=str(row["doc_id"]),
        date=str(row["date"]) if date is None else date,
        precision=str(row["precision"]),
        description=text,
        quote=str(row.get("quote", "") or ""),
        date_text=str(row.get("date_text", "") or ""),
        words=words,
        kinds=kinds,
        actors=frozenset(a for a in str(row.get("actors", "") or "").split("|") if a),
        ordinals=ordinals,
        statement=_flag(row.get("statement", False)),
    )


_FEATURES: dict[str, tuple[frozenset[str], frozenset[str], frozenset[int]]] = {}


def learn_features(table: pd.DataFrame | None) -> None:
    """Take the features extraction tagged with each article (its `event_features` table),
    so that the descriptions it covers need no model here."""
    if table is not None and len(table):
        _FEATURES.update(event_features.from_rows(row_dicts(table)))


def _prepare_features(descriptions) -> None:
    """Tag every description not seen yet in one batch: one spaCy call per description
    costs more in overhead than in tagging, thousands of times over in a large corpus."""
    descriptions = set(descriptions)
    if not descriptions <= _FEATURES.keys():
        _FEATURES.update(_stored_features())
    todo = sorted(d for d in descriptions if d not in _FEATURES)
    if not todo:  # every description tagged in an earlier run: no model to load
        return
    _FEATURES.update(event_features.tag_descriptions(todo, nlp.load()))
    _store_features()


# The tags of a description depend only on it, the model and the code: kept under the cache
# between runs, so a rerun after one article changed tags only that article's events.


def _features_path() -> Path:
    from parley.extract.run import code_fingerprint

    key = hashlib.sha256(f"{code_fingerprint()}\0{nlp.installed_model()}".encode()).hexdigest()[:32]
    return config.cache_dir() / "timeline" / f"{key}.json"


def _stored_features() -> dict:
    try:
        stored = json.loads(_features_path().read_text(encoding="utf-8"))
        return {d: (frozenset(w), frozenset(k), frozenset(o)) for d, (w, k, o) in stored.items()}
    except (OSError, ValueError, TypeError, AttributeError):
        return {}


def _store_features() -> None:
    from parley.tables import write_atomic

    try:
        path = _features_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        stored = {d: [sorted(w), sorted(k), sorted(o)] for d, (w, k, o) in sorted(_FEATURES.items())}
        write_atomic(path, json.dumps(stored, ensure_ascii=False).encode("utf-8"))
    except OSError:  # a cache that cannot be written only costs time
        pass


def _features(description: str) -> tuple[frozenset[str], frozenset[str], frozenset[int]]:
    """Content words (synonyms folded), kinds of happening, ordinals of a description."""
    if description not in _FEATURES:
        _prepare_features([description])
    return _FEATURES[description]


def _compatible(a: _Mention, b: _Mention) -> bool:
    """Nothing says these are different happenings: same sort (statement or deed),
    overlapping actors, the same ordinal."""
    if a.statement != b.statement:
        return False
    if a.actors and b.actors and a.actors.isdisjoint(b.actors):
        return False
    return not (a.ordinals and b.ordinals and a.ordinals.isdisjoint(b.ordinals))


def _word_overlap(a: _Mention, b: _Mention) -> tuple[int, float]:
    shared = len(a.words & b.words)
    return shared, shared / max(1, min(len(a.words), len(b.words)))


def same_happening(a: _Mention, b: _Mention) -> bool:
    """On one day: do these two mentions tell of the same happening?"""
    if not _compatible(a, b):
        return False
    if not a.statement and a.kinds & b.kinds:
        return True
    shared, overlap = _word_overlap(a, b)
    if shared >= MIN_SHARED_WORDS and overlap >= MIN_OVERLAP:
        return True
    return fuzz.token_sort_ratio(fold(a.description), fold(b.description)) >= NEAR_COPY_RATIO


def _same_happening_strictly(a: _Mention, b: _Mention) -> bool:
    """On two days: the same kind of happening and the same words, not just one of them."""
    if not _compatible(a, b) or (not a.statement and not a.kinds & b.kinds):
        return False
    shared, overlap = _word_overlap(a, b)
    return shared >= MIN_SHARED_WORDS and overlap >= MIN_OVERLAP


def _cluster(group: list[_Mention], linked) -> list[list[_Mention]]:
    """Connected components of `linked` over `group`, in a deterministic order. Chaining
    never joins mentions that are themselves incompatible."""
    parent = list(range(len(group)))
    members = {i: [m] for i, m in enumerate(group)}  # each root's mentions

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(group)):
        for j in range(i + 1, len(group)):
            left, right = root(i), root(j)
            if left != right and linked(group[i], group[j]) and all(
                _compatible(a, b) for a in members[left] for b in members[right]
            ):
                parent[right] = left
                members[left].extend(members.pop(right))
    components: dict[int, list[_Mention]] = {}
    for i, mention in enumerate(group):
        components.setdefault(root(i), []).append(mention)
    return [components[k] for k in sorted(components)]


def _representative(cluster: list[_Mention]) -> _Mention:
    """The mention sharing most words with the others (the first such, in table order)."""
    def centrality(m: _Mention) -> int:
        return sum(len(m.words & o.words) for o in cluster if o is not m)

    return max(cluster, key=lambda m: (centrality(m), -cluster.index(m)))


def _timeline_rows(clusters: list[list[_Mention]]) -> list[dict]:
    rows, used = [], set()
    for cluster in clusters:
        lead = _representative(cluster)
        event_id = _event_id(lead, used)
        doc_ids = sorted({m.doc_id for m in cluster})
        rows.append(
            {
                "event_id": event_id,
                "date": lead.date,
                "precision": lead.precision,
                "description": lead.description,
                "n_sources": len(doc_ids),
                "doc_ids": "|".join(doc_ids),
                "n_mentions": len(cluster),
                "quotes": "|".join(f"{m.doc_id}: {m.quote}" for m in cluster),
                "date_texts": "|".join(m.date_text for m in cluster),
                "descriptions": "|".join(dict.fromkeys(m.description for m in cluster)),
            }
        )
    return rows


def _event_id(lead: _Mention, used: set[str]) -> str:
    """`<date>-<first content words>`: readable, and the same run after run."""
    words = [w for w in re.findall(r"[a-z0-9]+", fold(lead.description)) if w not in _STOP_SLUG][:SLUG_WORDS]
    base = "-".join([lead.date, *words]) if words else f"{lead.date}-event"
    event_id, n = base, 2
    while event_id in used:
        event_id, n = f"{base}-{n}", n + 1
    used.add(event_id)
    return event_id


_STOP_SLUG = frozenset("a an the of in on at to for and or by with its their his her this that".split())


# --- conflicts ----------------------------------------------------------------------------------


def _conflicts(clusters: list[list[_Mention]], rows: list[dict]) -> list[dict]:
    """One happening that different articles put on different days."""
    found = []
    # in date order; each day and each cluster's articles read once, not once per pair
    days = [(c, r, dt.date.fromisoformat(r["date"]), {m.doc_id for m in c})
            for c, r in zip(clusters, rows) if r["precision"] == "day"]
    for i, (left, left_row, left_day, left_docs) in enumerate(days):
        last_day = left_day + dt.timedelta(days=MAX_CONFLICT_DAYS)
        for j in range(i + 1, len(days)):
            right, right_row, right_day, right_docs = days[j]
            if right_day > last_day:
                break  # the days further on are further still
            if not _dated_differently(left, left_day, left_docs, right, right_day, right_docs):
                continue
            found.append(
                {
                    "kind": "event_date",
                    "subject": left_row["description"],
                    "values": f"{left_row['date']}|{right_row['date']}",
                    "doc_ids": "|".join(sorted({m.doc_id for m in left + right})),
                    "quotes": "|".join(f"{m.doc_id} ({m.date}): {m.quote}" for m in left + right),
                    "event_ids": f"{left_row['event_id']}|{right_row['event_id']}",
                }
            )
    return found


def _dated_differently(left, left_day: dt.date, left_docs: set[str], right, right_day: dt.date,
                       right_docs: set[str]) -> bool:
    gap = abs((left_day - right_day).days)
    if gap == 0 or gap > MAX_CONFLICT_DAYS:
        return False
    if left_docs & right_docs:
        return False  # an article giving both dates tells of two happenings
    if not all(_compatible(a, b) for a in left for b in right):
        return False
    return any(_same_happening_strictly(a, b) for a in left for b in right)


# --- small helpers ------------------------------------------------------------------------------


def _flag(value) -> bool:
    """A boolean cell, whether it came from Python or back from a CSV file."""
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    if value is None or (isinstance(value, float) and value != value):
        return False
    return bool(value)


def _column(df: pd.DataFrame | None, name: str) -> list[str]:
    if df is None or df.empty or name not in df.columns:
        return []
    return [str(v) for v in df[name].fillna("")]
