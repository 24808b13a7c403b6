"""figures/positions.png: the comparison matrix at a glance.

Issues are rows (codebook labels, codebook order), sides are columns (the side with the
most positions first). Each cell shows the side's dominant stance on the issue as a
marker whose colour and shape both say the stance (so it reads in grey and with any
colour-vision deficiency), sized by the number of articles that report it, and that
number written beside it.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
from matplotlib.lines import Line2D

from parley.knowledge import codebook
from parley.publish.figures import PALETTE, kept, save, style

# stance -> (colour, marker, description); Okabe-Ito colours from PALETTE
STANCE_STYLE = {
    "demands": (PALETTE[1], "^", "demands"),
    "proposes": (PALETTE[0], "o", "proposes"),
    "agrees": (PALETTE[2], "s", "agrees"),
    "rejects": (PALETTE[7], "X", "rejects"),
}
_FALLBACK_STYLE = (PALETTE[4], "D", "other")


MAX_SIDES = 10  # columns: the sides with most positions; the others are counted in a note
SIDE_LABEL_WIDTH = 14  # characters of a column's name per line; a column is 1.5 inches wide


def _marker_size(n_sources: int) -> float:
    return 90 + 70 * min(max(n_sources, 1), 6)


def _order(comparison):
    ids = codebook.load().issue_ids()
    issues = sorted(set(comparison["issue"]), key=lambda i: (ids.index(i) if i in ids else len(ids), i))
    counts = comparison.groupby("side")["issue"].count()
    sides = sorted(set(comparison["side"]), key=lambda s: (-int(counts.get(s, 0)), s))
    return issues, sides


_DRAWN_COLUMNS = ["issue", "side", "stance", "n_sources"]


def plot_positions(comparison_df, out_dir, name: str = "positions") -> Path:
    """Write OUT/figures/positions.png (and .svg) from comparison.csv; returns the PNG path."""
    drawn = comparison_df[_DRAWN_COLUMNS] if comparison_df is not None and len(comparison_df) else None
    return _plot_comparison(drawn, out_dir, name)


@kept
def _plot_comparison(comparison_df, out_dir, name: str = "positions") -> Path:
    """The figure of the columns it draws (its cache key: the doc_ids and quotes of a
    comparison cell are not drawn)."""
    book = codebook.load()
    df = comparison_df.copy() if comparison_df is not None else None
    with style():
        if df is None or len(df) == 0:
            fig, ax = plt.subplots(figsize=(6, 2))
            ax.axis("off")
            ax.text(0.5, 0.5, "No positions were found in these articles.", ha="center", va="center")
            path = save(fig, out_dir, name)
            plt.close(fig)
            return path
        df["n_sources"] = df["n_sources"].astype(int)
        issues, sides = _order(df)
        more = sides[MAX_SIDES:]
        if more:
            sides = sides[:MAX_SIDES]
            df = df[df["side"].isin(sides)]
            issues = [i for i in issues if i in set(df["issue"])]
        width = 3.2 + 1.5 * len(sides)
        height = 1.6 + 0.48 * len(issues)
        fig, ax = plt.subplots(figsize=(max(width, 6.0), height))
        for row in df.itertuples(index=False):
            y, x = issues.index(row.issue), sides.index(row.side)
            colour, marker, _ = STANCE_STYLE.get(row.stance, _FALLBACK_STYLE)
            ax.scatter(x, y, s=_marker_size(row.n_sources), c=colour, marker=marker, edgecolors="white",
                       linewidths=0.8, zorder=3)
            ax.annotate(str(row.n_sources), (x, y), xytext=(13, 0), textcoords="offset points", va="center",
                        ha="left", fontsize=9, color="#333333")
        ax.set_xticks(range(len(sides)))
        # "Democratic Republic of the Congo" beside "Cameroon": long names on lines of their own
        ax.set_xticklabels([textwrap.fill(side, SIDE_LABEL_WIDTH) for side in sides], fontweight="bold")
        ax.xaxis.tick_top()
        ax.set_yticks(range(len(issues)))
        ax.set_yticklabels([book.label(i) for i in issues])
        ax.set_xlim(-0.6, len(sides) - 0.4)
        ax.set_ylim(len(issues) - 0.5, -0.5)
        ax.tick_params(length=0)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.set_axisbelow(True)
        ax.grid(True, color="#dddddd", linewidth=0.8)
        handles = [
            Line2D([], [], linestyle="", marker=marker, markersize=9, markerfacecolor=colour, markeredgecolor="white",
                   label=description)
            for colour, marker, description in STANCE_STYLE.values()
        ]
        legend = ax.legend(handles=handles, title="Dominant stance", loc="upper left", bbox_to_anchor=(1.02, 1.0),
                           frameon=False, borderaxespad=0)
        legend.get_title().set_fontweight("bold")
        ax.text(1.02, 0.0, "Marker size and number:\narticles reporting the\nside's position on the issue",
                transform=ax.transAxes, fontsize=8.5, color="#444444", va="bottom")
        fig.suptitle("Where each side stands, issue by issue", x=0.01, ha="left", fontweight="bold", fontsize=12)
        if more:
            ax.text(1.02, -0.04, f"and {len(more)} more sides with fewer\npositions: see comparison.csv",
                    transform=ax.transAxes, fontsize=8.5, color="#444444", va="top", fontstyle="italic")
        fig.tight_layout()
        path = save(fig, out_dir, name)
        plt.close(fig)
        return path
