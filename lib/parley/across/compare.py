"""The comparison: each side's stance on each issue across articles, and where the
sides converge or clash.

`compare_positions` turns positions.csv into comparison.csv, one row per (issue, side):
the dominant stance, how many articles support it, which ones, their quotes, and every
stance seen with its count. `convergence` reads that table and states, issue by issue,
where two sides meet (both agree, or one proposes or demands what the other agrees to)
and where they clash (one demands or proposes what the other rejects, or both make
demands on the same issue), each with a sentence for the report written from the data.
"""

from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from parley.knowledge import codebook
from parley.tables import COLUMNS, row_dicts

STANCES = ("demands", "proposes", "rejects", "agrees")
# Tie rule for the dominant stance: the stance reported by the most articles; then by
# the most rows; then the one that commits the side the most, in this order (a rejection
# or a demand is the position a side must be held to; an agreement the least contested).
STANCE_PRECEDENCE = ("rejects", "demands", "proposes", "agrees")

COMPARISON_COLUMNS = COLUMNS["comparison"] + ["stances", "quotes", "label"]


def _issue_order(issue: str) -> tuple[int, str]:
    ids = codebook.load().issue_ids()
    return (ids.index(issue) if issue in ids else len(ids), issue)


def dominant_stance(counts: dict[str, tuple[int, int]]) -> str:
    """The stance with the most articles, then the most rows, then by STANCE_PRECEDENCE.
    `counts` maps a stance to (articles, rows)."""
    return min(counts, key=lambda s: (-counts[s][0], -counts[s][1], STANCE_PRECEDENCE.index(s)
                                      if s in STANCE_PRECEDENCE else len(STANCE_PRECEDENCE)))


def compare_positions(positions: pd.DataFrame, copies: dict[str, str] | None = None) -> pd.DataFrame:
    """comparison.csv: issue, side, stance (dominant), n_sources (articles), doc_ids, and
    stances ("demands:3|proposes:1", articles per stance), quotes (one per article), label.
    `copies` ({doc_id: original}, `parley.across.syndication`): near-copies of one article count
    once in n_sources and in the stances' counts."""
    copies = copies or {}
    if positions is None or len(positions) == 0:
        return pd.DataFrame(columns=COMPARISON_COLUMNS)
    df = positions.copy()
    for column in ("side", "issue", "stance", "doc_id", "quote"):
        df[column] = df[column].fillna("").astype(str) if column in df else ""
    df = df[(df["side"].str.strip() != "") & (df["issue"].str.strip() != "") & (df["stance"].str.strip() != "")]
    if "start" in df:
        df = df.assign(_start=pd.to_numeric(df["start"], errors="coerce").fillna(0))
    else:
        df = df.assign(_start=0)
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in row_dicts(df[["issue", "side", "stance", "doc_id", "quote", "_start"]]):
        groups.setdefault((row["issue"], row["side"]), []).append(row)
    rows = []
    for (issue, side), group in groups.items():
        group.sort(key=lambda r: (r["doc_id"], r["_start"]))  # stable: rows of one place keep their order
        docs_of: dict[str, set] = {}
        rows_of: Counter = Counter()
        for r in group:
            docs_of.setdefault(r["stance"], set()).add(copies.get(r["doc_id"], r["doc_id"]))
            rows_of[r["stance"]] += 1
        counts = {stance: (len(docs), rows_of[stance]) for stance, docs in docs_of.items()}
        stance = dominant_stance(counts)
        ordered = sorted(counts, key=lambda s: (-counts[s][0], -counts[s][1], STANCE_PRECEDENCE.index(s)
                                                if s in STANCE_PRECEDENCE else 9))
        doc_ids = sorted({r["doc_id"] for r in group})
        # one quote per article, from a row with the dominant stance where there is one
        first_of_doc: dict[str, dict] = {}
        preferred_of_doc: dict[str, dict] = {}
        for r in group:
            first_of_doc.setdefault(r["doc_id"], r)
            if r["stance"] == stance:
                preferred_of_doc.setdefault(r["doc_id"], r)
        quotes = [str(preferred_of_doc.get(d, first_of_doc[d])["quote"]).replace("|", "/") for d in doc_ids]
        rows.append({
            "issue": issue,
            "side": side,
            "stance": stance,
            "n_sources": len({copies.get(d, d) for d in doc_ids}),
            "doc_ids": "|".join(doc_ids),
            "stances": "|".join(f"{s}:{counts[s][0]}" for s in ordered),
            "quotes": "|".join(quotes),
            "label": codebook.load().label(issue),
        })
    rows.sort(key=lambda r: (_issue_order(r["issue"]), r["side"]))
    return pd.DataFrame(rows, columns=COMPARISON_COLUMNS)


# --- convergence and clashes -----------------------------------------------------------

_PROPOSING = {"demands", "proposes"}


def _relation(a: str, b: str) -> tuple[str, str] | None:
    """(kind, how) for two sides' stances on one issue, or None when they neither meet nor clash."""
    pair = {a, b}
    if pair == {"agrees"}:
        return "converge", "both agree"
    if "agrees" in pair and pair & _PROPOSING:
        other = (pair - {"agrees"}).pop()
        return "converge", f"one {other[:-1]}s, the other agrees"
    if "rejects" in pair and pair & _PROPOSING:
        other = (pair - {"rejects"}).pop()
        return "clash", f"one {other[:-1]}s, the other rejects"
    if pair == {"demands"}:
        # both want something on this issue; whether their terms meet, the stances can't say
        return "contested", "both make demands; their terms may differ"
    return None


def _stances_seen(row: dict) -> dict[str, int]:
    """Every stance the side took on the issue with its number of articles (the `stances`
    column), else the dominant one."""
    seen = {}
    for part in str(row.get("stances") or "").split("|"):
        stance, _, count = part.partition(":")
        if stance:
            seen[stance] = int(count) if count.isdigit() else 1
    return seen or {str(row["stance"]): int(row["n_sources"])}


def _articles(n: int) -> str:
    return f"{n} article{'s' if n != 1 else ''}"


def _sentence(kind: str, label: str, how: str, first: dict, second: dict) -> str:
    """"Ceasefire: A demands (4 articles), B rejects (1 article); the sides clash (...)."."""
    outcome = {"clash": "the sides clash", "converge": "the sides converge", "contested": "both press it"}[kind]
    return (
        f"{label}: {first['side']} {first['stance']} ({_articles(int(first['n_sources']))}), "
        f"{second['side']} {second['stance']} ({_articles(int(second['n_sources']))}); {outcome} ({how})."
    )


def convergence(comparison: pd.DataFrame) -> list[dict]:
    """Where sides converge or clash, issue by issue, from the dominant stances of
    comparison.csv. Each item: kind ("converge", "clash", or "contested" when both make
    demands), issue, label, sides and
    stances ("A|B"), relation, n_sources ("n|m"), doc_ids, and a sentence for the report."""
    if comparison is None or len(comparison) == 0:
        return []
    records = row_dicts(comparison)
    by_issue: dict[str, list[dict]] = {}
    for row in records:
        by_issue.setdefault(str(row["issue"]), []).append(row)
    found = []
    for issue in sorted(by_issue, key=_issue_order):
        rows = sorted(by_issue[issue], key=lambda r: str(r["side"]))
        for i, first in enumerate(rows):
            for second in rows[i + 1:]:
                relation = _relation(str(first["stance"]), str(second["stance"]))
                if "agrees" in _stances_seen(first) and "agrees" in _stances_seen(second):
                    # an agreement both are reported to have made outweighs their other stances
                    relation = ("converge", "both agree")
                    first = {**first, "stance": "agrees", "n_sources": _stances_seen(first)["agrees"]}
                    second = {**second, "stance": "agrees", "n_sources": _stances_seen(second)["agrees"]}
                if relation is None:
                    continue
                kind, how = relation
                label = str(first.get("label") or codebook.load().label(issue))
                doc_ids = sorted(set(str(first["doc_ids"]).split("|")) | set(str(second["doc_ids"]).split("|")))
                found.append({
                    "kind": kind,
                    "issue": issue,
                    "label": label,
                    "sides": f"{first['side']}|{second['side']}",
                    "stances": f"{first['stance']}|{second['stance']}",
                    "relation": how,
                    "n_sources": f"{int(first['n_sources'])}|{int(second['n_sources'])}",
                    "doc_ids": "|".join(d for d in doc_ids if d),
                    "sentence": _sentence(kind, label, how, first, second),
                })
    kind_order = {"clash": 0, "contested": 1, "converge": 2}
    return sorted(found, key=lambda f: (kind_order[f["kind"]], _issue_order(f["issue"]), f["sides"]))


# --- for the report --------------------------------------------------------------------


def matrix(comparison: pd.DataFrame) -> pd.DataFrame:
    """The comparison as issues x sides for reading: each cell "stance (n)", n the number of
    articles; rows are codebook labels in codebook order, columns the sides with the most
    positions first; empty where a side has no position on the issue."""
    if comparison is None or len(comparison) == 0:
        return pd.DataFrame()
    df = comparison.copy()
    df["cell"] = df["stance"].astype(str) + " (" + df["n_sources"].astype(int).astype(str) + ")"
    issues = sorted(df["issue"].unique(), key=_issue_order)
    counts = df.groupby("side")["issue"].count()
    sides = sorted(df["side"].unique(), key=lambda side: (-int(counts[side]), side))
    table = df.pivot(index="issue", columns="side", values="cell").reindex(index=issues, columns=sides).fillna("")
    table.index = [codebook.load().label(i) for i in issues]
    table.index.name = "issue"
    table.columns.name = None
    return table


MAX_LISTED = 25  # sentences per kind on the page; the rest are counted (all are in comparison.csv)
MAX_SOURCES = 6  # article ids per sentence


def convergence_markdown(items: list[dict]) -> str:
    """The clashes and convergences as Markdown bullet lists, one sentence each; the ones
    most articles support first where there are more than `MAX_LISTED` of a kind."""
    if not items:
        return "The articles report no issue on which two sides both take a position."
    parts = []
    for kind, title in (("clash", "Where the sides clash"), ("contested", "Where both sides make demands"),
                        ("converge", "Where the sides converge")):
        of_kind = [item for item in items if item["kind"] == kind]
        shown = of_kind
        if len(of_kind) > MAX_LISTED:
            shown = sorted(of_kind, key=lambda item: -len(item["doc_ids"].split("|")))[:MAX_LISTED]
        # escaped: the Markdown is rendered as HTML, and names and ids come from the articles
        sentences = [f"- {html.escape(item['sentence'])} Sources: {_sources(item['doc_ids'])}." for item in shown]
        if len(of_kind) > len(shown):
            sentences.append(f"- … and {len(of_kind) - len(shown)} more, with fewer sources (see `comparison.csv`).")
        parts.append(f"**{title}**\n\n" + ("\n".join(sentences) if sentences else "- none found"))
    return "\n\n".join(parts) + "\n"


def _sources(doc_ids: str) -> str:
    ids = doc_ids.split("|")
    listed = html.escape(", ".join(ids[:MAX_SOURCES]))
    return listed if len(ids) <= MAX_SOURCES else f"{listed} and {len(ids) - MAX_SOURCES} more"
