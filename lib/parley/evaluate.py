"""Scoring Parley's tables against a hand-annotated gold reading, and off-the-shelf baselines.

The gold (`tests/data/seeds_gold.json` for the seeds) is a list of articles, each with
`file`, `published`, `outlet` and lists of `people` (name, role, side), `events` (date,
what, evidence), `quantities` (value, unit, evidence) and `positions` (side, issue,
stance, evidence). An `evidence` is a quote from the article; `locate` finds it in the
article's raw text so that predicted rows can be matched by their offsets.

Only the articles the gold describes are scored; predicted rows of other articles are
ignored. A ratio whose denominator is 0 is NaN (undefined), never 0 or 1. Every `Score`
holds the ratios and the counts behind them in `metrics`, and one row per error in
`errors` (columns `doc_id, kind, expected, got, quote`).

Metric definitions (tests of other modules assert thresholds on these):

documents
    published_accuracy = articles whose predicted `published` equals the gold's ISO
    date (gold null == empty) / gold articles; outlet_accuracy likewise for `outlet`,
    compared after `fold` with spaces, punctuation and a leading "The" removed ("Daily
    Post" == "DailyPost" == "The Daily Post"), the names of one known outlet as one ("Xinhua News
    Agency" == "Xinhua", data/outlets.csv). An article missing from the prediction is wrong.
people
    Predicted persons of an article are its distinct `person_id`s (rows without one:
    their distinct folded `name`s). A person's name is its longest name, its roles
    every non-empty role of its rows, its side the most frequent non-empty side (ties:
    the earliest mention's). A gold person and a predicted person of the same article
    are compatible when their surnames (last token after `fold`) are equal or
    transliteration-similar (rapidfuzz `ratio` >= 80: Zhukovsky/Zhukovskii) and, when both
    give a first name, the first names start with the same letter or are similar
    (ratio >= 80). Matching is one-to-one, best pairs first.
    recall = matched gold / gold; precision = matched predicted / predicted;
    side_accuracy = matched with equal side / matched;
    role_accuracy = matched gold people with a gold role whose predicted person has a
    role matching it (after `fold` and punctuation removal one contains the other as
    whole words, or rapidfuzz `token_set_ratio` >= 85) / matched gold people with a
    gold role;
    role_recall = the same numerator / all gold people with a gold role.
events
    A gold event is found when a predicted event row of the same article has a span
    [start, end) overlapping the located evidence span; its date is right when one such
    row has `date` equal to the gold date (same ISO string, so precision must agree).
    recall = found / gold; date_recall = found with right date / gold;
    date_accuracy = found with right date / found.
quantities
    A gold quantity is found when a predicted row of the same article has a numerically
    equal `value` and a span overlapping the evidence span; when the evidence cannot be
    located or the row has no offsets, an equal value anywhere in the article suffices.
    recall = found / gold.
positions
    A gold position is found when a predicted row of the same article has the same side
    and issue and a span overlapping the evidence's sentence(s): the evidence span
    widened to the sentences it touches. Sentences are split by a regex over the raw
    text at line breaks and at `.`, `!` or `?` followed by space and a capital, digit
    or quote (not after a single capital letter, as in "U.S."); see `sentence_bounds`.
    recall = found / gold; stance_accuracy = found with one such row having the gold
    stance / found; pair_precision = predicted distinct (doc_id, side, issue) that are
    among the gold's (side, issue) pairs of that article / predicted distinct pairs,
    summed over articles (`per_doc` has the per-article figures, and
    pair_precision_macro is their mean over articles with predictions).

Baselines: `baseline_people` (spaCy's NER alone) and `baseline_dates` (dateparser's
`search_dates` alone) produce tables shaped like people.csv and events.csv, so the same
functions score them. `evaluate_tables` scores every table and both baselines at once;
`evaluation_table` lays the result out for the notebook and the README, `all_errors`
lists the errors.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from rapidfuzz import fuzz
from rapidfuzz.distance import Indel

from parley.tables import cell_text, row_dicts
from parley.text import fold, normalize, quote

ERROR_COLUMNS = ["doc_id", "kind", "expected", "got", "quote"]
SURNAME_SIMILARITY = 80
FIRST_NAME_SIMILARITY = 80
ROLE_SIMILARITY = 85
LOCATE_SIMILARITY = 85
# Tokens that end a name without being its surname ("Martin Luther King Jr.").
_NAME_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


class GoldError(ValueError):
    """A gold file that is missing or not in the expected format; the message says why."""


@dataclass
class Score:
    """Ratios and their counts in `metrics`; one row per error in `errors`.

    `ratios` maps each ratio metric to the name of the count that is its denominator
    (used by `evaluation_table` for its `n` column)."""

    metrics: dict[str, float]
    errors: pd.DataFrame
    ratios: dict[str, str] = field(default_factory=dict)
    per_doc: pd.DataFrame = field(default_factory=pd.DataFrame)
    attempted: frozenset[str] | None = None  # the ratios a baseline attempts; None: all of them

    def __getitem__(self, name: str) -> float:
        return self.metrics[name]


# --- the gold --------------------------------------------------------------------------

# The fields each gold item must have (others, such as `role` or `what`, may be null).
_GOLD_LISTS = {
    "people": ("name",),
    "events": ("date", "evidence"),
    "quantities": ("value", "evidence"),
    "positions": ("side", "issue", "stance", "evidence"),
}


def load_gold(path: str | Path) -> list[dict]:
    """The gold articles, each with `doc_id` added, null metadata as "", sides canonical."""
    path = Path(path)
    if not path.is_file():
        raise GoldError(f"No gold file at {path}: without one, there is nothing to score against.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise GoldError(f"The gold file {path} is not valid UTF-8 JSON ({err}).") from err
    if not isinstance(data, list):
        raise GoldError(f"The gold file {path} must hold a JSON list of articles, not a {type(data).__name__}.")
    return [_gold_article(entry, index, path) for index, entry in enumerate(data)]


def _gold_article(entry, index: int, path: Path) -> dict:
    where = f"{path.name}, article {index}"
    if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or not entry["file"]:
        raise GoldError(f"{where}: each article must be an object with a non-empty `file`.")
    article = dict(entry)
    article["doc_id"] = Path(entry["file"]).stem
    article["published"] = entry.get("published") or ""
    article["outlet"] = entry.get("outlet") or ""
    for key, required in _GOLD_LISTS.items():
        items = entry.get(key) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise GoldError(f"{where} ({entry['file']}): `{key}` must be a list of objects.")
        for number, item in enumerate(items):
            missing = [f for f in required if item.get(f) in (None, "")]
            if missing:
                raise GoldError(f"{where} ({entry['file']}): {key}[{number}] lacks {', '.join(missing)}.")
        article[key] = [_canonical_side(i) for i in items]
    return article


def _canonical_side(item: dict) -> dict:
    """Gold sides as the contract spells them ("USA" -> "United States")."""
    from parley.knowledge.sides import party_of

    item = dict(item)
    if item.get("side"):
        item["side"] = party_of(item["side"]) or item["side"]
    return item


# --- finding evidence ------------------------------------------------------------------


def locate(raw_text: str, evidence: str) -> tuple[int, int] | None:
    """Offsets of `evidence` in `raw_text`: exact after normalising both (odd spaces, curly
    quotes, any run of whitespace), then ignoring case, then the best fuzzy alignment
    (rapidfuzz partial ratio >= 85). None when the quote is not there."""
    evidence = normalize(evidence).strip()
    if not evidence or not raw_text:
        return None
    text = normalize(raw_text)
    words = [re.escape(w) for w in evidence.split()]
    pattern = r"\s+".join(words)
    for flags in (0, re.IGNORECASE):
        m = re.search(pattern, text, flags)
        if m:
            return m.start(), m.end()
    return _fuzzy_locate(text, evidence)


def _fuzzy_locate(text: str, evidence: str) -> tuple[int, int] | None:
    flat = re.sub(r"\s", " ", text).lower()  # one for one, so offsets stay valid
    alignment = fuzz.partial_ratio_alignment(evidence.lower(), flat, score_cutoff=LOCATE_SIMILARITY)
    if alignment is None:
        return None
    start, end = alignment.dest_start, alignment.dest_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


_SENTENCE_END = re.compile(
    r"\n|(?<=[.!?])(?<![\s.][A-Z]\.)(?<!Mr\.)(?<!Ms\.)(?<!Dr\.)(?<!Mrs\.)(?<!St\.)(?P<close>[\"')\]]*)\s+(?=[\"'(\[]?[A-Z0-9])"
)


def sentence_bounds(raw_text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `raw_text`: split at line breaks and at . ! ? before
    a space and a capital, digit or quote, except after a lone capital ("U.S. officials")."""
    text = normalize(raw_text)
    bounds, cursor = [], 0
    for m in _SENTENCE_END.finditer(text):
        end = m.end("close") if m["close"] is not None else m.start()  # closing quotes belong to the sentence
        if end > cursor:
            bounds.append((cursor, end))
        cursor = m.end()
    if cursor < len(text):
        bounds.append((cursor, len(text)))
    return bounds


def _sentence_span(bounds: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the sentences it touches."""
    touched = [(s, e) for s, e in bounds if s < end and start < e]
    if not touched:
        return start, end
    return min(start, touched[0][0]), max(end, touched[-1][1])


def _overlaps(a_start, a_end, b_start, b_end) -> bool:
    return a_start < b_end and b_start < a_end


# --- shared helpers --------------------------------------------------------------------


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else math.nan


def _errors(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame([{c: cell_text(row.get(c)) for c in ERROR_COLUMNS} for row in rows], columns=ERROR_COLUMNS)


def _offset(value) -> int | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else int(number)


def _rows_by_doc(df: pd.DataFrame | None, doc_ids) -> dict[str, list[dict]]:
    """Predicted rows (as dicts, offsets as int or None) of each gold article, in file order."""
    wanted = {d: [] for d in doc_ids}
    if df is None or len(df) == 0:
        return wanted
    for row in row_dicts(df):
        doc_id = cell_text(row.get("doc_id"))
        if doc_id in wanted:
            row = dict(row)
            row["start"], row["end"] = _offset(row.get("start")), _offset(row.get("end"))
            wanted[doc_id].append(row)
    for rows in wanted.values():
        rows.sort(key=lambda r: (r["start"] if r["start"] is not None else -1, r["end"] or -1))
    return wanted


def _context(raw: str, start: int, end: int, pad: int = 60) -> str:
    """A quote of the span with a little context, for error listings."""
    s, e = max(0, start - pad), min(len(raw), end + pad)
    return ("…" if s > 0 else "") + quote(raw, s, e).strip() + ("…" if e < len(raw) else "")


def _located(article: dict, raw_texts: dict, items_key: str) -> list[tuple[dict, tuple[int, int] | None]]:
    raw = raw_texts.get(article["doc_id"], "")
    return [(item, locate(raw, item.get("evidence") or "")) for item in article[items_key]]


# --- documents -------------------------------------------------------------------------


def _outlet_key(outlet: str) -> str:
    """Outlets compared as one when they are one: "Deutsche Welle", "DW.COM" and "DW" are
    the same known outlet (data/outlets.csv); others after folding, without spaces or a
    leading "The"."""
    from parley.read.metadata import known_outlet

    known = known_outlet(outlet) if outlet else None
    name = re.sub(r"^the\s+", "", fold(known.name if known else outlet))
    return re.sub(r"[\W_]+", "", name)


def score_documents(documents_df: pd.DataFrame, gold: list[dict]) -> Score:
    predicted = {}
    if documents_df is not None and len(documents_df):
        for row in row_dicts(documents_df):
            predicted.setdefault(cell_text(row.get("doc_id")), row)
    errors, right_date, right_outlet = [], 0, 0
    for article in gold:
        row = predicted.get(article["doc_id"], {})
        got_date, got_outlet = cell_text(row.get("published")), cell_text(row.get("outlet"))
        if row and got_date == article["published"]:
            right_date += 1
        else:
            errors.append({"doc_id": article["doc_id"], "kind": "wrong_published", "expected": article["published"], "got": got_date})
        if row and _outlet_key(got_outlet) == _outlet_key(article["outlet"]):
            right_outlet += 1
        else:
            errors.append({"doc_id": article["doc_id"], "kind": "wrong_outlet", "expected": article["outlet"], "got": got_outlet})
    n = len(gold)
    metrics = {
        "published_accuracy": _ratio(right_date, n),
        "outlet_accuracy": _ratio(right_outlet, n),
        "n_gold": n,
        "n_published_right": right_date,
        "n_outlet_right": right_outlet,
    }
    return Score(metrics, _errors(errors), {"published_accuracy": "n_gold", "outlet_accuracy": "n_gold"})


# --- people ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _honorifics() -> frozenset[str]:
    """Forms of address and ranks written before a name (data/titles.yml), without dots."""
    import yaml

    from parley import config

    titles = yaml.safe_load(config.data_file("titles.yml").read_text(encoding="utf-8"))
    return frozenset(fold(w).rstrip(".") for w in titles["honorifics"] if " " not in w)


def _name_parts(name: str) -> tuple[str, str]:
    """(first name, surname) as fold keys; first is "" for a surname alone. Honorifics and
    ranks before the name ("Sheikh", "Gen.") are not its first name."""
    tokens = [t for t in re.split(r"[^\w'-]+", fold(name)) if t]
    tokens = [t.strip("'-") for t in tokens if t.strip(".") not in _NAME_SUFFIXES] or tokens
    while len(tokens) > 1 and tokens[0] in _honorifics():
        tokens = tokens[1:]
    if not tokens:
        return "", ""
    return (tokens[0] if len(tokens) > 1 else ""), tokens[-1]


def name_similarity(gold_name: str, predicted_name: str) -> float | None:
    """How alike two names are (0-200), or None when they cannot be the same person."""
    g_first, g_last = _name_parts(gold_name)
    p_first, p_last = _name_parts(predicted_name)
    if not g_last or not p_last:
        return None
    surname = 100.0 if g_last == p_last else Indel.normalized_similarity(g_last, p_last) * 100
    if surname < SURNAME_SIMILARITY:
        return None
    if g_first and p_first:
        first = Indel.normalized_similarity(g_first, p_first) * 100
        if g_first[0] != p_first[0] and first < FIRST_NAME_SIMILARITY:
            return None
        return surname + first
    return surname + 50  # one side gives no first name: compatible, but less sure


def _role_key(role: str) -> str:
    return re.sub(r"[\W_]+", " ", fold(role)).strip()


def role_matches(gold_role: str, predicted_role: str) -> bool:
    """Same title as the gold: one contains the other, or the same words mostly."""
    g, p = _role_key(gold_role), _role_key(predicted_role)
    if not g or not p:
        return False
    if f" {g} " in f" {p} " or f" {p} " in f" {g} ":  # whole words: "head" is not in "headquarters"
        return True
    return fuzz.token_set_ratio(g, p) >= ROLE_SIMILARITY


def _predicted_persons(rows: list[dict]) -> list[dict]:
    """The article's distinct persons: by person_id where a row has one, else by name."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        person_id, name = cell_text(row.get("person_id")), fold(cell_text(row.get("name")))
        key = f"id:{person_id}" if person_id else (f"name:{name}" if name else "")
        if key:
            groups.setdefault(key, []).append(row)
    persons = []
    for key, members in groups.items():
        names = [cell_text(r.get("name")) for r in members]
        sides = [cell_text(r.get("side")) for r in members if cell_text(r.get("side"))]
        side = max(sides, key=lambda s: (Counter(sides)[s], -sides.index(s))) if sides else ""
        roles = list(dict.fromkeys(cell_text(r.get("role")) for r in members if cell_text(r.get("role"))))
        persons.append({
            "key": key,
            "name": max(names, key=lambda n: (len(n), n)),
            "roles": roles,
            "side": side,
            "quote": cell_text(members[0].get("quote")),
        })
    return sorted(persons, key=lambda p: p["key"])


def _match_people(gold_people: list[dict], persons: list[dict]) -> dict[int, int]:
    """One-to-one gold index -> predicted index, most similar pairs first."""
    candidates = []
    for gi, g in enumerate(gold_people):
        for pi, p in enumerate(persons):
            similarity = name_similarity(g["name"], p["name"])
            if similarity is not None:
                candidates.append((-similarity, gi, pi))
    matched, used = {}, set()
    for _, gi, pi in sorted(candidates):
        if gi not in matched and pi not in used:
            matched[gi] = pi
            used.add(pi)
    return matched


def _first_mention(raw: str, name: str) -> str:
    """Where a missed gold person is named in the article, for the error listing."""
    _, surname = _name_parts(name)
    if not raw or not surname:
        return ""
    m = re.search(re.escape(name), normalize(raw), re.I) or re.search(
        r"\b" + re.escape(name.split()[-1]) + r"\b", normalize(raw), re.I
    )
    return _context(raw, m.start(), m.end()) if m else ""


def score_people(people_df: pd.DataFrame, gold: list[dict], raw_texts: dict[str, str] | None = None) -> Score:
    raw_texts = raw_texts or {}
    by_doc = _rows_by_doc(people_df, [a["doc_id"] for a in gold])
    n_gold = n_pred = n_matched = n_side = n_role_gold = n_role_right = n_gold_with_role = 0
    errors = []
    for article in gold:
        doc_id, gold_people = article["doc_id"], article["people"]
        persons = _predicted_persons(by_doc[doc_id])
        matched = _match_people(gold_people, persons)
        n_gold += len(gold_people)
        n_pred += len(persons)
        n_matched += len(matched)
        for gi, g in enumerate(gold_people):
            gold_role = cell_text(g.get("role"))
            n_gold_with_role += bool(gold_role)
            expected = f"{g['name']} ({gold_role or 'no role'}; {g.get('side') or 'no side'})"
            if gi not in matched:
                errors.append({"doc_id": doc_id, "kind": "missed", "expected": expected, "got": "",
                               "quote": _first_mention(raw_texts.get(doc_id, ""), g["name"])})
                continue
            p = persons[matched[gi]]
            if cell_text(g.get("side")) == p["side"]:
                n_side += 1
            else:
                errors.append({"doc_id": doc_id, "kind": "wrong_side", "expected": f"{g['name']}: {g.get('side') or ''}",
                               "got": f"{p['name']}: {p['side']}", "quote": p["quote"]})
            if gold_role:
                n_role_gold += 1
                if any(role_matches(gold_role, r) for r in p["roles"]):
                    n_role_right += 1
                else:
                    errors.append({"doc_id": doc_id, "kind": "wrong_role", "expected": f"{g['name']}: {gold_role}",
                                   "got": f"{p['name']}: {' | '.join(p['roles'])}", "quote": p["quote"]})
        used = set(matched.values())
        for pi, p in enumerate(persons):
            if pi not in used:
                errors.append({"doc_id": doc_id, "kind": "spurious", "expected": "",
                               "got": f"{p['name']} ({' | '.join(p['roles']) or 'no role'}; {p['side'] or 'no side'})",
                               "quote": p["quote"]})
    metrics = {
        "recall": _ratio(n_matched, n_gold),
        "precision": _ratio(n_matched, n_pred),
        "side_accuracy": _ratio(n_side, n_matched),
        "role_accuracy": _ratio(n_role_right, n_role_gold),
        "role_recall": _ratio(n_role_right, n_gold_with_role),
        "n_gold": n_gold,
        "n_predicted": n_pred,
        "n_matched": n_matched,
        "n_side_right": n_side,
        "n_matched_with_gold_role": n_role_gold,
        "n_role_right": n_role_right,
        "n_gold_with_role": n_gold_with_role,
    }
    ratios = {"recall": "n_gold", "precision": "n_predicted", "side_accuracy": "n_matched",
              "role_accuracy": "n_matched_with_gold_role", "role_recall": "n_gold_with_role"}
    return Score(metrics, _errors(errors), ratios)


# --- events ----------------------------------------------------------------------------


def score_events(events_df: pd.DataFrame, gold: list[dict], raw_texts: dict[str, str]) -> Score:
    by_doc = _rows_by_doc(events_df, [a["doc_id"] for a in gold])
    n_gold = n_found = n_right = n_unlocated = 0
    errors = []
    for article in gold:
        doc_id, raw = article["doc_id"], raw_texts.get(article["doc_id"], "")
        for event, span in _located(article, raw_texts, "events"):
            n_gold += 1
            expected = f"{event.get('date')}: {event.get('what') or event.get('evidence')}"
            if span is None:
                n_unlocated += 1
                errors.append({"doc_id": doc_id, "kind": "evidence_not_found", "expected": expected, "got": "",
                               "quote": event.get("evidence", "")})
                continue
            overlapping = [r for r in by_doc[doc_id] if r["start"] is not None and r["end"] is not None
                           and _overlaps(r["start"], r["end"], *span)]
            if not overlapping:
                errors.append({"doc_id": doc_id, "kind": "missed", "expected": expected, "got": "",
                               "quote": _context(raw, *span)})
                continue
            n_found += 1
            if any(cell_text(r.get("date")) == cell_text(event.get("date")) for r in overlapping):
                n_right += 1
            else:
                got = " | ".join(dict.fromkeys(f"{cell_text(r.get('date'))} ({cell_text(r.get('date_text'))})" for r in overlapping))
                errors.append({"doc_id": doc_id, "kind": "wrong_date", "expected": expected, "got": got,
                               "quote": _context(raw, *span)})
    n_pred = sum(len(rows) for rows in by_doc.values())
    metrics = {
        "recall": _ratio(n_found, n_gold),
        "date_recall": _ratio(n_right, n_gold),
        "date_accuracy": _ratio(n_right, n_found),
        "n_gold": n_gold,
        "n_found": n_found,
        "n_date_right": n_right,
        "n_predicted": n_pred,
        "n_evidence_not_found": n_unlocated,
    }
    ratios = {"recall": "n_gold", "date_recall": "n_gold", "date_accuracy": "n_found"}
    return Score(metrics, _errors(errors), ratios)


# --- quantities ------------------------------------------------------------------------


def _number(value) -> float | None:
    if isinstance(value, (int, float)):
        return None if isinstance(value, float) and math.isnan(value) else float(value)
    try:
        return float(cell_text(value).replace(",", "").replace("_", ""))
    except ValueError:
        return None


def _same_number(a, b) -> bool:
    x, y = _number(a), _number(b)
    return x is not None and y is not None and math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-9)


def score_quantities(quantities_df: pd.DataFrame, gold: list[dict], raw_texts: dict[str, str]) -> Score:
    by_doc = _rows_by_doc(quantities_df, [a["doc_id"] for a in gold])
    n_gold = n_found = n_by_value_only = 0
    errors = []
    for article in gold:
        doc_id, raw = article["doc_id"], raw_texts.get(article["doc_id"], "")
        rows = by_doc[doc_id]
        for item, span in _located(article, raw_texts, "quantities"):
            n_gold += 1
            expected = f"{item.get('value')} {item.get('unit') or ''}".strip()
            same_value = [r for r in rows if _same_number(r.get("value"), item.get("value"))]
            if span is not None:
                overlapping = [r for r in rows if r["start"] is not None and r["end"] is not None
                               and _overlaps(r["start"], r["end"], *span)]
                found = [r for r in overlapping if r in same_value]
                unplaced = [r for r in same_value if r["start"] is None or r["end"] is None]
                if not found and unplaced:  # a row without offsets: its value alone decides
                    found, n_by_value_only = unplaced, n_by_value_only + 1
            else:
                overlapping, found = [], same_value
                n_by_value_only += bool(found)
            if found:
                n_found += 1
                continue
            kind = "wrong_value" if overlapping else "missed"
            got = " | ".join(f"{cell_text(r.get('value'))} {cell_text(r.get('unit'))}".strip() for r in overlapping)
            errors.append({"doc_id": doc_id, "kind": kind, "expected": expected, "got": got,
                           "quote": _context(raw, *span) if span else item.get("evidence", "")})
    metrics = {
        "recall": _ratio(n_found, n_gold),
        "n_gold": n_gold,
        "n_found": n_found,
        "n_found_by_value_only": n_by_value_only,
        "n_predicted": sum(len(rows) for rows in by_doc.values()),
    }
    return Score(metrics, _errors(errors), {"recall": "n_gold"})


# --- positions -------------------------------------------------------------------------


def _side_key(side: str) -> str:
    return fold(cell_text(side))


def score_positions(positions_df: pd.DataFrame, gold: list[dict], raw_texts: dict[str, str]) -> Score:
    by_doc = _rows_by_doc(positions_df, [a["doc_id"] for a in gold])
    n_gold = n_found = n_stance = 0
    errors, per_doc = [], []
    for article in gold:
        doc_id, raw = article["doc_id"], raw_texts.get(article["doc_id"], "")
        rows = [r for r in by_doc[doc_id] if r["start"] is not None and r["end"] is not None]
        bounds = sentence_bounds(raw)
        for item, span in _located(article, raw_texts, "positions"):
            n_gold += 1
            side, issue, stance = _side_key(item.get("side")), cell_text(item.get("issue")), cell_text(item.get("stance"))
            expected = f"{item.get('side')} {stance} {issue}"
            if span is None:
                errors.append({"doc_id": doc_id, "kind": "evidence_not_found", "expected": expected, "got": "",
                               "quote": item.get("evidence", "")})
                continue
            region = _sentence_span(bounds, *span)
            nearby = [r for r in rows if _overlaps(r["start"], r["end"], *region)]
            found = [r for r in nearby if _side_key(r.get("side")) == side and cell_text(r.get("issue")) == issue]
            if found:
                n_found += 1
                if any(cell_text(r.get("stance")) == stance for r in found):
                    n_stance += 1
                else:
                    errors.append({"doc_id": doc_id, "kind": "wrong_stance", "expected": expected,
                                   "got": " | ".join(dict.fromkeys(cell_text(r.get("stance")) for r in found)),
                                   "quote": _context(raw, *span)})
                continue
            kind = "missed"
            if any(cell_text(r.get("issue")) == issue for r in nearby):
                kind = "wrong_side"
            elif any(_side_key(r.get("side")) == side for r in nearby):
                kind = "wrong_issue"
            got = " | ".join(dict.fromkeys(f"{cell_text(r.get('side'))} {cell_text(r.get('stance'))} {cell_text(r.get('issue'))}" for r in nearby))
            errors.append({"doc_id": doc_id, "kind": kind, "expected": expected, "got": got, "quote": _context(raw, *span)})
        gold_pairs = {(_side_key(i.get("side")), cell_text(i.get("issue"))) for i in article["positions"]}
        first_quote: dict[tuple[str, str], tuple[str, str]] = {}
        for r in by_doc[doc_id]:
            pair = (_side_key(r.get("side")), cell_text(r.get("issue")))
            first_quote.setdefault(pair, (f"{cell_text(r.get('side'))} {cell_text(r.get('issue'))}", cell_text(r.get("quote"))))
        right = sum(pair in gold_pairs for pair in first_quote)
        per_doc.append({"doc_id": doc_id, "n_pairs": len(first_quote), "n_pairs_in_gold": right,
                        "pair_precision": _ratio(right, len(first_quote))})
        for pair in sorted(first_quote):
            if pair not in gold_pairs:
                label, q = first_quote[pair]
                errors.append({"doc_id": doc_id, "kind": "spurious_pair", "expected": "", "got": label, "quote": q})
    per_doc_df = pd.DataFrame(per_doc, columns=["doc_id", "n_pairs", "n_pairs_in_gold", "pair_precision"])
    n_pairs, n_pairs_right = int(per_doc_df["n_pairs"].sum()), int(per_doc_df["n_pairs_in_gold"].sum())
    with_pairs = per_doc_df[per_doc_df["n_pairs"] > 0]
    metrics = {
        "recall": _ratio(n_found, n_gold),
        "stance_accuracy": _ratio(n_stance, n_found),
        "pair_precision": _ratio(n_pairs_right, n_pairs),
        "pair_precision_macro": float(with_pairs["pair_precision"].mean()) if len(with_pairs) else math.nan,
        "n_gold": n_gold,
        "n_found": n_found,
        "n_stance_right": n_stance,
        "n_pairs": n_pairs,
        "n_pairs_in_gold": n_pairs_right,
        "n_predicted": sum(len(rows) for rows in by_doc.values()),
    }
    ratios = {"recall": "n_gold", "stance_accuracy": "n_found", "pair_precision": "n_pairs"}
    return Score(metrics, _errors(errors), ratios, per_doc_df)


# --- baselines -------------------------------------------------------------------------


def _articles(corpus):
    return corpus.articles if hasattr(corpus, "articles") else list(corpus)


def baseline_people(corpus) -> pd.DataFrame:
    """spaCy's NER alone: every PERSON entity of each article's body, no role, no side."""
    from parley import nlp
    from parley.tables import frame

    rows = []
    for article in _articles(corpus):
        for ent in nlp.parse(article.body).ents:
            if ent.label_ == "PERSON":
                start, end, q = article.span(ent.start_char, ent.end_char)
                rows.append({"doc_id": article.doc_id, "person_id": "", "name": ent.text, "role": "", "side": "",
                             "start": start, "end": end, "quote": q})
    return frame("people", rows)


def baseline_dates(corpus) -> pd.DataFrame:
    """dateparser's `search_dates` alone on each body (`parley.extract.dates.dateparser_baseline`),
    every hit an event at day precision.

    Relative expressions are resolved from the article's publication day. For an article
    with no publication date, the base is the latest publication day in the corpus, so
    the baseline's output never depends on the day it is run (dateparser's own default
    would be today); with no dated article at all, dateparser's default applies."""
    from parley.extract.dates import dateparser_baseline
    from parley.tables import frame

    articles = _articles(corpus)
    fallback = max((a.published for a in articles if a.published), default="")
    rows = []
    for article in articles:
        cursor = 0
        for text, iso in dateparser_baseline(article.body, article.published, fallback_base=fallback):
            at = article.body.find(text, cursor)
            if at < 0:  # out of order: search from the top
                at = article.body.find(text)
            if at < 0:
                continue
            cursor = at + len(text)
            start, end, q = article.span(at, at + len(text))
            rows.append({"doc_id": article.doc_id, "date": iso, "precision": "day",
                         "date_text": text, "description": "", "start": start, "end": end, "quote": q})
    return frame("events", rows)


# --- everything at once, for the evaluation notebook ----------------------------------


# What each baseline attempts: spaCy's NER finds names but gives no side or role, so its
# side and role scores are blank, not a misleading 0.
_BASELINE_TASKS = {"people": frozenset({"recall", "precision"}), "events": None}


def baseline_tables(corpus, gold: list[dict]) -> dict[str, pd.DataFrame]:
    """spaCy's people and dateparser's events for the gold's articles (nothing else is parsed)."""
    gold_docs = {a["doc_id"] for a in gold}
    scored = [a for a in _articles(corpus) if a.doc_id in gold_docs]
    return {"people": baseline_people(scored), "events": baseline_dates(scored)}


# The positions scored without the classifier's rows (attribution `learned`), next to the
# `positions` row that counts them: "rules alone" against "combined". Present only where the
# classifier gave a row, so that a run without it scores as before.
RULES_ALONE = "positions_rules_alone"
LEARNED = "learned"  # parley.extract.positions.learned.LEARNED, without importing the extractors


def without_learned_rows(positions: pd.DataFrame) -> pd.DataFrame | None:
    """The positions table less the classifier's rows; None when it has none."""
    if positions is None or "attribution" not in positions.columns:
        return None
    learned = positions["attribution"].astype(str) == LEARNED
    return positions[~learned].reset_index(drop=True) if learned.any() else None


def evaluate_tables(tables: dict[str, pd.DataFrame], corpus, gold: list[dict], baselines: bool | dict = True) -> dict[str, dict]:
    """Parley's tables (contract names) and, with `baselines`, spaCy's and dateparser's,
    scored on the gold's articles: {table: {"parley": Score, "baseline": Score | None}}.
    `baselines` may be the tables `baseline_tables` made, to score several parts of one
    gold without parsing twice."""
    raw_texts = {a.doc_id: a.raw for a in _articles(corpus)}
    empty = pd.DataFrame()
    scores = {
        "documents": {"parley": score_documents(tables.get("documents", empty), gold), "baseline": None},
        "people": {"parley": score_people(tables.get("people", empty), gold, raw_texts), "baseline": None},
        "events": {"parley": score_events(tables.get("events", empty), gold, raw_texts), "baseline": None},
        "quantities": {"parley": score_quantities(tables.get("quantities", empty), gold, raw_texts), "baseline": None},
        "positions": {"parley": score_positions(tables.get("positions", empty), gold, raw_texts), "baseline": None},
    }
    rules_alone = without_learned_rows(tables.get("positions", empty))
    if rules_alone is not None:
        scores[RULES_ALONE] = {"parley": score_positions(rules_alone, gold, raw_texts), "baseline": None}
    if baselines is not False:
        made = baselines if isinstance(baselines, dict) else baseline_tables(corpus, gold)
        people = score_people(made["people"], gold, raw_texts)
        events = score_events(made["events"], gold, raw_texts)
        people.attempted, events.attempted = _BASELINE_TASKS["people"], _BASELINE_TASKS["events"]
        scores["people"]["baseline"], scores["events"]["baseline"] = people, events
    return scores


def all_errors(scores: dict, which: str = "parley") -> pd.DataFrame:
    """Every error of `which` ("parley" or "baseline") as one table with a `table` column."""
    frames = []
    for table, entry in scores.items():
        if table == RULES_ALONE:
            continue  # its errors are the positions' own, less the classifier's rows
        score = entry.get(which) if isinstance(entry, dict) else (entry if which == "parley" else None)
        if score is not None and len(score.errors):
            frames.append(score.errors.assign(table=table))
    columns = ["table", *ERROR_COLUMNS]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)[columns]


# --- the table for the notebook and the README -----------------------------------------


def evaluation_table(scores: dict) -> pd.DataFrame:
    """One row per (table, ratio metric): `table, metric, parley, baseline, n`.

    `scores` maps a table name to its `Score`, or to `{"parley": Score, "baseline": Score}`
    (either may be None). `n` is the denominator of Parley's ratio; values are rounded to
    3 decimals; the baseline is empty (NaN) where there is none."""
    rows = []
    for table, entry in scores.items():
        ours, theirs = (entry.get("parley"), entry.get("baseline")) if isinstance(entry, dict) else (entry, None)
        reference = ours or theirs
        if reference is None:
            continue
        for metric, count in reference.ratios.items():
            rows.append({
                "table": table,
                "metric": metric,
                "parley": _rounded(ours.metrics.get(metric)) if ours else math.nan,
                "baseline": _rounded(theirs.metrics.get(metric))
                if theirs and (theirs.attempted is None or metric in theirs.attempted) else math.nan,
                "n": int(reference.metrics.get(count, 0)),
            })
    return pd.DataFrame(rows, columns=["table", "metric", "parley", "baseline", "n"])


def _rounded(value) -> float:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return math.nan
    return round(float(value), 3)


# --- the evaluation notebook's entry point ----------------------------------------------


@dataclass
class Evaluation:
    table: pd.DataFrame  # part, table, metric, parley, baseline, n
    errors: pd.DataFrame  # part, table, doc_id, kind, expected, got, quote
    scores: dict  # the whole gold's scores: {table: {"parley": Score, "baseline": Score}}
    doc_ids: list[str]

    @property
    def readable(self) -> pd.DataFrame:
        """The scores table for a reader: a blank where there is no baseline, not NaN."""
        table = self.table.astype(object)
        return table.where(self.table.notna(), "")


ALL = "all"
SPLIT_FILE = "split.csv"  # beside a gold file: which part (train, check) each article is in


def load_split(gold_path: str | Path) -> dict[str, str]:
    """{doc_id: part} from the split.csv beside the gold file; {} when there is none."""
    path = Path(gold_path).parent / SPLIT_FILE
    if not path.is_file():
        return {}
    split = pd.read_csv(path, dtype=str, keep_default_na=False)
    return {Path(row.file).stem: row.part for row in split.itertuples()}


def evaluate_corpus(results, gold_path: str | Path | None = None) -> Evaluation | None:
    """Score a `parley.analysis.Results` against the gold at `gold_path` (default: the
    seeds' gold in tests/data). None when the gold annotates none of these articles.

    With a `split.csv` beside the gold, every score is given for the whole gold (`part`
    "all") and for each part ("train", "check") too; the pipeline runs once, over every
    article, and each part is scored on its own articles."""
    from parley import config

    gold_file = config.resolve(gold_path, config.GOLD_PATH)
    gold = load_gold(gold_file)
    present = {a.doc_id for a in results.corpus.articles}
    gold = [article for article in gold if article["doc_id"] in present]
    if not gold:
        return None
    split = load_split(gold_file)
    made = baseline_tables(results.corpus, gold)
    scores = evaluate_tables(results.tables, results.corpus, gold, made)
    tables = [evaluation_table(scores).assign(part=ALL)]
    for part in sorted({split[a["doc_id"]] for a in gold if a["doc_id"] in split}, key=_part_order):
        subset = [a for a in gold if split.get(a["doc_id"]) == part]
        tables.append(evaluation_table(evaluate_tables(results.tables, results.corpus, subset, made)).assign(part=part))
    table = pd.concat(tables, ignore_index=True)[["part", "table", "metric", "parley", "baseline", "n"]]
    errors = all_errors(scores)
    errors.insert(0, "part", [split.get(d, ALL if not split else "") for d in errors["doc_id"]])
    return Evaluation(
        table=table,
        errors=errors.sort_values(["table", "doc_id", "kind", "expected"], kind="mergesort").reset_index(drop=True),
        scores=scores,
        doc_ids=sorted(article["doc_id"] for article in gold),
    )


def _part_order(part: str) -> tuple[int, str]:
    return ({"train": 0, "check": 1}.get(part, 2), part)


def scores_by_part(evaluation, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """An evaluation table (a frame, or the path of evaluation.csv) laid out wide: one row
    per (table, metric), and per part Parley's score, the baseline's and n. `labels`
    renames and selects parts ({"train": "dev train"}); by default every part is shown."""
    df = evaluation if isinstance(evaluation, pd.DataFrame) else pd.read_csv(evaluation, dtype=str, keep_default_na=False)
    if "part" not in df.columns:
        df = df.assign(part=ALL)
    parts = list(dict.fromkeys(df["part"]))
    if labels is None:
        labels = {p: p for p in parts}
    keys = list(dict.fromkeys(zip(df["table"], df["metric"])))
    rows = []
    for table, metric in keys:
        row = {"table": table, "metric": metric}
        for part, label in labels.items():
            match = df[(df["part"] == part) & (df["table"] == table) & (df["metric"] == metric)]
            first = match.iloc[0] if len(match) else None
            row[label] = "" if first is None else cell_text(first["parley"])
            row[f"{label} baseline"] = "" if first is None else cell_text(first["baseline"])
            row[f"{label} n"] = "" if first is None else cell_text(first["n"])
        rows.append(row)
    wide = pd.DataFrame(rows)
    blank_baselines = [c for c in wide.columns if c.endswith(" baseline") and (wide[c] == "").all()]
    return wide.drop(columns=blank_baselines)
