"""figures/delegations.png: who sat at the table for each side, in what role.

One panel per side, side by side (the sides with most members first; sides beyond
`max_sides` share an "Other sides" panel, people whose side no article states are
in the last panel). In each panel one entry per person: a bar and a count for how
many articles name them, the name in bold and the usual role beneath, wrapped so
that no text runs into the next entry or panel. Entries are placed on a fixed grid
of text lines, so nothing can overlap however many people there are.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from parley.publish.figures import PALETTE, kept, save, style
from parley.tables import row_dicts

MAX_SIDES = 4
MAX_PEOPLE = 20  # per panel: the people most articles name; the rest are counted in a last line
PANEL_INCHES = 3.5
LINE_INCHES = 0.19
ROLE_CHARS = 34
TOP_INCHES = 0.55  # the title
BOTTOM_INCHES = 0.35  # the note on how to read it
NAME_CHARS = 30
ROLE_LINES = 4
UNKNOWN = "Side not stated"
OTHERS = "Other sides"
BAR_WIDTH = 0.16  # of the panel's width, for a person named by every article
TEXT_X = 0.30


def plot_delegations(delegations_df: pd.DataFrame, out_dir, max_sides: int = MAX_SIDES) -> Path:
    """Draw the delegations side by side; write `out_dir/figures/delegations.png` (+ .svg)."""
    return _plot_panels(_panels(delegations_df, max_sides), _total_docs(delegations_df), out_dir)


@kept
def _plot_panels(panels: list[tuple[str, list[dict]]], total_docs: int, out_dir) -> Path:
    """The figure of what it draws (its cache key: the panels' entries and the number of articles)."""
    with style():
        fig = _draw_panels(panels, total_docs)
        path = save(fig, out_dir, "delegations")
        plt.close(fig)
    return path


def draw_delegations(delegations_df: pd.DataFrame, max_sides: int = MAX_SIDES):
    """The figure (call inside `parley.publish.figures.style()`); `plot_delegations` saves it."""
    return _draw_panels(_panels(delegations_df, max_sides), _total_docs(delegations_df))


def _draw_panels(panels: list[tuple[str, list[dict]]], total_docs: int):
    n_lines = max([_panel_lines(entries) for _, entries in panels] + [6])
    n_panels = max(len(panels), 1)
    width, height = PANEL_INCHES * n_panels, TOP_INCHES + LINE_INCHES * n_lines + BOTTOM_INCHES
    fig = plt.figure(figsize=(width, height))
    axes = [fig.add_axes((k / n_panels, BOTTOM_INCHES / height, 1 / n_panels, LINE_INCHES * n_lines / height))
            for k in range(n_panels)]
    if not panels:
        axes[0].axis("off")
        axes[0].text(0.5, 0.5, "No people found in the articles.", ha="center", va="center")
    for index, ((side, entries), ax) in enumerate(zip(panels, axes)):
        colour = "0.45" if side == UNKNOWN else PALETTE[index % len(PALETTE)]
        _draw_panel(ax, side, entries, colour, total_docs, n_lines)
    fig.text(0.0, 1 - 0.12 / height, "Delegations: who the articles name for each side", ha="left", va="top",
             fontsize=13, fontweight="bold")
    fig.text(0.0, 0.05 / height, f"Bar and count: how many of the {total_docs} article(s) name the person; "
             "role: the one most articles give.", fontsize=8, color="0.35", ha="left", va="bottom")
    return fig


def _total_docs(df: pd.DataFrame) -> int:
    if df is None or df.empty or "doc_ids" not in df:
        return int(df["n_docs"].max()) if df is not None and not df.empty else 0
    docs = {d for cell in df["doc_ids"].fillna("") for d in str(cell).split("|") if d}
    return max(len(docs), int(pd.to_numeric(df["n_docs"], errors="coerce").fillna(0).max()))


def _panels(df: pd.DataFrame, max_sides: int) -> list[tuple[str, list[dict]]]:
    """(title, entries) per panel: main sides by size, then "Other sides", then unknown."""
    if df is None or df.empty:
        return []
    rows = row_dicts(df.fillna(""))
    by_side: dict[str, list[dict]] = {}
    for row in rows:
        by_side.setdefault(str(row.get("side") or ""), []).append(row)
    named = sorted((s for s in by_side if s), key=lambda s: (-len(by_side[s]), s))
    panels = []
    keep = named if len(named) <= max_sides else named[: max_sides - 1]
    for side in keep:
        panels.append((side, _entries(by_side[side], show_side=False)))
    rest = [s for s in named if s not in keep]
    if rest:
        panels.append((OTHERS, _entries([r for s in rest for r in by_side[s]], show_side=True)))
    if "" in by_side:
        panels.append((UNKNOWN, _entries(by_side[""], show_side=False)))
    return panels


def _entries(rows: list[dict], show_side: bool) -> list[dict]:
    rows = sorted(rows, key=lambda r: (-int(r.get("n_docs") or 0), str(r.get("name", "")).casefold()))
    entries = []
    if len(rows) > MAX_PEOPLE:
        rest = rows[MAX_PEOPLE - 1:]
        rows = rows[: MAX_PEOPLE - 1]
    else:
        rest = []
    for row in rows:
        name = textwrap.shorten(str(row.get("name", "")), width=NAME_CHARS, placeholder="…")
        role = str(row.get("role") or "")
        if show_side and row.get("side"):
            role = f"{row['side']}: {role}" if role else str(row["side"])
        lines = textwrap.wrap(role, width=ROLE_CHARS, max_lines=ROLE_LINES, placeholder=" …") if role else []
        entries.append({"name": name, "role_lines": lines, "n_docs": int(row.get("n_docs") or 0)})
    if rest:
        entries.append({"name": f"and {len(rest)} more", "role_lines": ["named by fewer articles: see persons.csv"],
                        "n_docs": None, "people": len(rest)})
    return entries


def _entry_lines(entry: dict) -> int:
    return 1 + len(entry["role_lines"]) + 1  # name, role lines, a blank line


def _panel_lines(entries: list[dict]) -> int:
    return 2 + sum(_entry_lines(e) for e in entries)


def _draw_panel(ax, side: str, entries: list[dict], colour: str, total_docs: int, n_lines: int) -> None:
    ax.set_xlim(0, 1)
    ax.set_ylim(n_lines, 0)  # y counts text lines from the top
    ax.axis("off")
    people = sum(e.get("people", 1) for e in entries)
    ax.text(0, 0.2, f"{side} ({people})", fontsize=12, fontweight="bold", color=colour, va="top", ha="left")
    ax.plot([0, 0.92], [1.5, 1.5], color=colour, linewidth=1.5, solid_capstyle="butt")
    y = 2.0
    for entry in entries:
        if entry["n_docs"] is None:  # the "and N more" line
            ax.text(TEXT_X, y, entry["name"], fontsize=10, fontstyle="italic", va="top", ha="left", color="0.3")
            ax.text(TEXT_X, y + 1, entry["role_lines"][0], fontsize=8.5, color="0.45", va="top", ha="left")
            y += _entry_lines(entry)
            continue
        share = entry["n_docs"] / total_docs if total_docs else 0
        ax.barh(y + 0.45, BAR_WIDTH, height=0.55, left=0, color="0.9", edgecolor="none")
        ax.barh(y + 0.45, BAR_WIDTH * share, height=0.55, left=0, color=colour, edgecolor="none")
        ax.text(BAR_WIDTH + 0.015, y + 0.45, str(entry["n_docs"]), fontsize=8.5, va="center", ha="left", color="0.25")
        ax.text(TEXT_X, y, entry["name"], fontsize=10, fontweight="bold", va="top", ha="left")
        for k, line in enumerate(entry["role_lines"], start=1):
            ax.text(TEXT_X, y + k, line, fontsize=8.5, color="0.3", va="top", ha="left")
        y += _entry_lines(entry)
