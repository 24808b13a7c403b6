"""figures/sources.png: which article reports which fact, and where they disagree.

A dot matrix: one row per fact (grouped by kind: people, events, positions,
quantities), one column per article (labelled by outlet and a short id), a dot where
the article reports the fact, the number of supporting articles at the right.
Facts the articles disagree about are drawn in vermillion with a ring around their
dots. Each kind shows at most `max_per_kind` facts, the best-supported first (the
sources table has them all). Beyond `MAX_ARTICLE_COLUMNS` articles a column per article
would be unreadable: the columns are then outlets, a dot where any of the outlet's
articles reports the fact.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from parley.across.sources import FACT_KINDS, doc_columns, reporting
from parley.publish.figures import PALETTE, kept, save, style
from parley.tables import row_dicts

KIND_TITLES = {"person": "People", "event": "Events", "position": "Positions", "quantity": "Quantities", "other": "Other"}
KIND_COLOURS = {"person": PALETTE[0], "event": PALETTE[2], "position": PALETTE[3], "quantity": PALETTE[7], "other": "0.55"}
CONFLICT_COLOUR = PALETTE[1]
LABEL_CHARS = 48
ROW_INCHES = 0.24
MAX_PER_KIND = 30
MAX_ARTICLE_COLUMNS = 40  # more articles than this: one column per outlet instead
MAX_OUTLET_COLUMNS = 30  # and the outlets with fewest articles share a last column
NO_OUTLET = "(no outlet)"
OTHER_OUTLETS = "other outlets"


def plot_sources(sources_df: pd.DataFrame, documents_df: pd.DataFrame | None, out_dir, max_per_kind: int = MAX_PER_KIND) -> Path:
    """Draw the fact x article matrix and write `out_dir/figures/sources.png` (and .svg)."""
    docs = doc_columns(sources_df) or _articles(sources_df, documents_df)
    by_outlet = len(docs) > MAX_ARTICLE_COLUMNS
    if by_outlet:
        sources_df, docs, labels = _by_outlet(sources_df, docs, documents_df)
    else:
        sources_df = _with_article_columns(sources_df, docs)
        labels = _article_labels(docs, documents_df)
    return _plot_drawn(_drawn(_layout(sources_df, max_per_kind), docs), docs, labels, by_outlet, out_dir)


def _articles(sources_df: pd.DataFrame, documents_df) -> list[str]:
    """The articles of a sources table without a column per article: the documents' and
    those its facts name, sorted, as `sources_table` would have made its columns."""
    known = set() if documents_df is None or "doc_id" not in documents_df else {str(d) for d in documents_df["doc_id"]}
    return sorted(known.union(*reporting(sources_df)))


def _with_article_columns(sources_df: pd.DataFrame, docs: list[str]) -> pd.DataFrame:
    missing = [d for d in docs if d not in sources_df.columns]
    if not missing:
        return sources_df
    reported = reporting(sources_df)
    columns = pd.DataFrame({d: [int(d in r) for r in reported] for d in missing}, index=sources_df.index)
    return pd.concat([sources_df, columns], axis=1)


def _drawn(rows: list[dict], docs: list[str]) -> list[dict]:
    """The rows with each fact cut down to what the figure shows of it (a dot per column,
    the count): the figure's cache key, so that an edit the figure does not show (an
    article's offsets, a fact beyond the rows shown) draws nothing again."""
    drawn = []
    for row in rows:
        if row["type"] == "fact":
            fact = row["fact"]
            row = {**row, "fact": {"dots": [x for x, doc in enumerate(docs) if int(fact.get(doc, 0) or 0)],
                                   "n_sources": int(fact["n_sources"])}}
        drawn.append(row)
    return drawn


@kept
def _plot_drawn(rows: list[dict], docs: list[str], labels: list[str], by_outlet: bool, out_dir) -> Path:
    with style():
        fig, ax = plt.subplots(figsize=_size(len(rows), len(docs)))
        if rows and docs:
            _draw(ax, rows, docs, labels, by_outlet)
        else:
            ax.axis("off")
            ax.text(0.5, 0.5, "No facts to show: the tables are empty.", ha="center", va="center", transform=ax.transAxes)
        path = save(fig, out_dir, "sources")
        plt.close(fig)
    return path


def _size(n_rows: int, n_docs: int) -> tuple[float, float]:
    column = 0.55 if n_docs <= 12 else 0.35
    return 3.6 + column * max(n_docs, 1) + 0.8, 1.6 + ROW_INCHES * max(n_rows, 3)


def _layout(sources_df: pd.DataFrame, max_per_kind: int) -> list[dict]:
    """Rows top to bottom: a header per kind, its facts, a note when some are left out."""
    rows = []
    kinds = [k for k in FACT_KINDS if k in set(sources_df["fact_kind"])] if len(sources_df) else []
    for kind in kinds:
        facts = sources_df[sources_df["fact_kind"] == kind]
        shown = facts.head(max_per_kind)
        rows.append({"type": "header", "kind": kind, "label": f"{KIND_TITLES.get(kind, kind.title())} ({len(facts)})"})
        for fact in row_dicts(shown):
            rows.append({"type": "fact", "kind": kind, "label": _shorten(str(fact["fact"])), "fact": fact,
                         "conflict": bool(int(fact.get("conflict", 0) or 0))})
        if len(facts) > len(shown):
            rows.append({"type": "note", "kind": kind,
                         "label": f"… {len(facts) - len(shown)} more with fewer sources (see the sources table)"})
    return rows


def _shorten(label: str) -> str:
    # Issue ids read better as words in a figure ("leaders_meeting" -> "leaders meeting").
    return textwrap.shorten(label.replace("_", " "), width=LABEL_CHARS, placeholder="…")


def _by_outlet(sources_df: pd.DataFrame, docs: list[str], documents_df) -> tuple[pd.DataFrame, list[str], list[str]]:
    """The sources table with one column per outlet (how many of its articles report each
    fact), the outlets with most articles first, and their labels ("Daily Post\n12 art.")."""
    outlet_of = {}
    if documents_df is not None and len(documents_df) and "outlet" in documents_df:
        outlet_of = {str(d): ("" if pd.isna(o) else str(o)) for d, o in zip(documents_df["doc_id"], documents_df["outlet"])}
    members: dict[str, list[str]] = {}
    for doc in docs:
        members.setdefault(outlet_of.get(doc) or NO_OUTLET, []).append(doc)
    ranked = sorted(members, key=lambda o: (-len(members[o]), o))
    if len(ranked) > MAX_OUTLET_COLUMNS:
        keep = ranked[: MAX_OUTLET_COLUMNS - 1]
        members = {**{o: members[o] for o in keep}, OTHER_OUTLETS: [d for o in ranked[len(keep):] for d in members[o]]}
        ranked = keep + [OTHER_OUTLETS]
    reported = reporting(sources_df)
    counts = pd.DataFrame({o: [len(r.intersection(members[o])) for r in reported] for o in ranked},
                          index=sources_df.index, dtype="int64")
    described = sources_df[[c for c in sources_df.columns if c not in docs]]
    labels = [f"{textwrap.shorten(o, width=16, placeholder='…')}\n{len(members[o])} art." for o in ranked]
    return pd.concat([described, counts], axis=1), ranked, labels


def _article_labels(docs: list[str], documents_df: pd.DataFrame | None) -> list[str]:
    """Outlet over a short id ("Daily Post\\n003"); the id alone where the outlet is unknown."""
    outlets = {}
    if documents_df is not None and len(documents_df) and "outlet" in documents_df:
        outlets = {str(d): ("" if pd.isna(o) else str(o)) for d, o in zip(documents_df["doc_id"], documents_df["outlet"])}
    labels = []
    for doc_id in docs:
        short = doc_id.split("_")[0] if "_" in doc_id and doc_id.split("_")[0] else doc_id[:8]
        outlet = textwrap.shorten(outlets.get(doc_id, ""), width=14, placeholder="…")
        labels.append(f"{outlet}\n{short}" if outlet else short)
    return labels


def _draw(ax, rows: list[dict], docs: list[str], labels: list[str], by_outlet: bool) -> None:
    n_docs = len(docs)
    for y, row in enumerate(rows):
        if row["type"] == "header":
            ax.axhspan(y - 0.5, y + 0.5, color=KIND_COLOURS.get(row["kind"], "grey"), alpha=0.12, lw=0)
            continue
        if row["type"] == "note":
            continue
        fact = row["fact"]
        colour = CONFLICT_COLOUR if row["conflict"] else KIND_COLOURS.get(row["kind"], "black")
        ax.plot([-0.4, n_docs - 0.6], [y, y], color="0.88", lw=0.6, zorder=1)
        xs = fact["dots"]
        ax.scatter(xs, [y] * len(xs), s=46, color=colour, zorder=3, linewidths=0)
        if row["conflict"]:
            ax.scatter(xs, [y] * len(xs), s=120, facecolors="none", edgecolors=CONFLICT_COLOUR, linewidths=1.2, zorder=2)
        ax.text(n_docs - 0.2, y, str(int(fact["n_sources"])), va="center", ha="left", fontsize=9,
                color=colour, fontweight="bold" if row["conflict"] else "normal")
    _axes(ax, rows, docs, labels, by_outlet)


def _axes(ax, rows: list[dict], docs: list[str], labels: list[str], by_outlet: bool) -> None:
    n_docs = len(docs)
    ax.set_xlim(-0.6, n_docs + 0.3)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r["label"] for r in rows], fontsize=9)
    for tick, row in zip(ax.get_yticklabels(), rows):
        if row["type"] == "header":
            tick.set_fontweight("bold")
            tick.set_fontsize(10)
        elif row["type"] == "note":
            tick.set_fontstyle("italic")
            tick.set_color("0.4")
        elif row["conflict"]:
            tick.set_color(CONFLICT_COLOUR)
    ax.tick_params(axis="y", length=0)
    ax.xaxis.tick_top()
    ax.set_xticks(range(n_docs))
    ax.set_xticklabels(labels, fontsize=8, rotation=0 if n_docs <= 8 else 60,
                       ha="center" if n_docs <= 8 else "left")
    ax.tick_params(axis="x", length=0)
    ax.text(n_docs - 0.2, -0.9, "n", ha="left", va="bottom", fontsize=9, fontweight="bold", transform=ax.transData,
            clip_on=False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    pad = 42 if n_docs <= 8 else 80
    title, how = ("Which article reports which fact", "a dot: the article reports it; n: how many articles do")
    if by_outlet:
        title, how = ("Which outlet reports which fact", "a dot: one or more of the outlet's articles report it; "
                      "n: how many articles do")
    ax.set_title(title, loc="left", pad=pad + 14)
    ax.annotate(how, xy=(0, 1), xycoords="axes fraction",
                xytext=(0, pad + 2), textcoords="offset points", fontsize=8.5, color="0.35", va="bottom")
    handles = [Line2D([], [], marker="o", ls="", color=KIND_COLOURS[k], label=KIND_TITLES[k])
               for k in FACT_KINDS if any(r["kind"] == k for r in rows)]
    handles.append(Line2D([], [], marker="o", ls="", color=CONFLICT_COLOUR, markeredgecolor=CONFLICT_COLOUR,
                          label="articles disagree"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.01), ncol=len(handles), frameon=False,
              fontsize=8, handletextpad=0.3, columnspacing=1.0)
