"""figures/timeline.png: what happened when, and how many articles say so.

Events span years (a war's start, earlier rounds) and crowd into a few weeks (the
round being reported), so the figure has two panels when it needs them:

- the overview, on a scale of years: every event outside the crowded stretch on a row
  of its own, and the crowded stretch as one shaded band;
- the zoom, on a scale of days: every event of the crowded stretch on a row of its own.

One row per event keeps every label clear of the others: the label is the row's tick
label (date and description) and the number of supporting articles stands at the
right end of the row. A day is a dot whose area grows with that number; a month or a
year is a bar across it.
"""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from pathlib import Path

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.lines import Line2D

from parley.publish.figures import PALETTE, kept, save, style
from parley.tables import row_dicts

PRECISION_COLOURS = {"day": PALETTE[0], "month": PALETTE[1], "year": PALETTE[2]}
LABEL_CHARS = 62
ROW_INCHES = 0.3
TOP_INCHES = 0.9  # legend and title
GAP_INCHES = 1.0  # the overview's date axis and the zoom's title
BOTTOM_INCHES = 0.45
WIDTH_INCHES = 11.0
# The crowded stretch: the window of this many days holding most events ...
DENSE_WINDOW_DAYS = 45
# ... is zoomed into when the whole timeline spans more than this many days.
ZOOM_WHEN_SPAN_DAYS = 120
MIN_ZOOMED_EVENTS = 3
# A panel shows at most this many events, the best-supported (timeline.csv has them all).
MAX_ROWS = 40
# Marks grow with the number of articles up to this many; more draw as large as this.
MAX_MARK_SOURCES = 12
MAX_TICKS = 12


def plot_timeline(timeline_df: pd.DataFrame, out_dir) -> Path:
    """Draw the timeline and write `out_dir/figures/timeline.png` (and .svg)."""
    return _plot_events(_events(timeline_df), out_dir)


@kept
def _plot_events(events: list[dict], out_dir) -> Path:
    """The figure of `_events`' rows: all it draws, so its cache key (an edit to what the
    figure does not show, an article's offsets or quotes, draws nothing again)."""
    dense = _dense_window(events)
    inside = [e for e in events if dense and _in_window(e, dense)]
    outside = _not_among(events, inside)
    shown_inside, shown_outside = _best_supported(inside), _best_supported(outside)
    with style():
        if not events:
            fig, ax = plt.subplots(figsize=(WIDTH_INCHES, 2))
            ax.axis("off")
            ax.text(0.5, 0.5, "No dated events to show.", ha="center", va="center", transform=ax.transAxes)
        elif dense:
            fig, (top, bottom) = _two_panels(len(shown_outside) + 1, len(shown_inside))
            _overview(top, shown_outside, inside, dense)
            _panel(bottom, shown_inside, dense, scale="days")
            bottom.set_title(f"Zoom: {_span_label(dense)}{_left_out(inside, shown_inside)}", loc="left")
            _legend(fig, events)
        else:
            shown = _best_supported(events)
            fig, ax = plt.subplots(figsize=(WIDTH_INCHES, _axes_inches(len(shown)) + TOP_INCHES + BOTTOM_INCHES))
            fig.subplots_adjust(top=1 - TOP_INCHES / fig.get_figheight(), bottom=BOTTOM_INCHES / fig.get_figheight())
            _panel(ax, shown, _span(events), scale="auto")
            ax.set_title(f"Timeline{_left_out(events, shown)}", loc="left")
            _legend(fig, events)
        path = save(fig, out_dir, "timeline")
        plt.close(fig)
    return path


def _axes_inches(rows: int) -> float:
    return ROW_INCHES * max(rows, 1) + 0.3


def _two_panels(top_rows: int, bottom_rows: int):
    """Two stacked panels whose rows have the same height, with fixed margins in inches."""
    heights = [_axes_inches(top_rows), _axes_inches(bottom_rows)]
    total = sum(heights) + TOP_INCHES + GAP_INCHES + BOTTOM_INCHES
    fig, axes = plt.subplots(2, 1, figsize=(WIDTH_INCHES, total), gridspec_kw={"height_ratios": heights})
    fig.subplots_adjust(top=1 - TOP_INCHES / total, bottom=BOTTOM_INCHES / total, hspace=GAP_INCHES / (sum(heights) / 2))
    return fig, axes


# --- the events --------------------------------------------------------------------------


def _events(timeline_df: pd.DataFrame) -> list[dict]:
    """Events with a drawable extent: [first day, last day] of the date at its precision."""
    out = []
    if timeline_df is None or len(timeline_df) == 0:
        return out
    for row in row_dicts(timeline_df):
        extent = _extent(str(row.get("date", "") or ""))
        if extent is None:
            continue
        first, last = extent
        out.append({
            "date": str(row["date"]),
            "precision": str(row.get("precision") or ""),
            "description": str(row.get("description") or ""),
            "n_sources": int(row.get("n_sources") or 1),
            "first": first,
            "last": last,
            "middle": first + (last - first) / 2,
        })
    # Earliest first; on one day the best-supported first.
    return sorted(out, key=lambda e: (e["first"], e["last"], -e["n_sources"], e["description"]))


def _extent(date: str) -> tuple[dt.date, dt.date] | None:
    try:
        if len(date) == 10:
            day = dt.date.fromisoformat(date)
            return day, day
        if len(date) == 7:
            first = dt.date(int(date[:4]), int(date[5:7]), 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        if len(date) == 4:
            return dt.date(int(date), 1, 1), dt.date(int(date), 12, 31)
    except ValueError:
        return None
    return None


def _best_supported(events: list[dict]) -> list[dict]:
    """At most MAX_ROWS events: the best-supported, earliest first among equals; in date order."""
    if len(events) <= MAX_ROWS:
        return events
    kept = _identities(sorted(events, key=lambda e: (-e["n_sources"], e["first"]))[:MAX_ROWS])
    return [e for e in events if _identity(e) in kept]


def _not_among(events: list[dict], among: list[dict]) -> list[dict]:
    """`events` but those equal to one of `among` (compared as `in` would, in a set)."""
    excluded = _identities(among)
    return [e for e in events if _identity(e) not in excluded]


def _identities(events: list[dict]) -> set[tuple]:
    return {_identity(e) for e in events}


def _identity(event: dict) -> tuple:
    """What `==` compares of an event, hashable: an event's values are text, numbers and dates."""
    return tuple(sorted(event.items()))


def _left_out(events: list[dict], shown: list[dict]) -> str:
    return "" if len(shown) == len(events) else f" (the {len(shown)} best-supported of {len(events)} events)"


def _dense_window(events: list[dict]) -> tuple[dt.date, dt.date] | None:
    """The stretch of at most DENSE_WINDOW_DAYS holding the most events of day or month
    precision, when the timeline is long enough to need a zoom; else None."""
    if not events or (_span(events)[1] - _span(events)[0]).days <= ZOOM_WHEN_SPAN_DAYS:
        return None
    points = sorted(e["middle"] for e in events if e["precision"] != "year")
    best, best_count = None, 0
    end = 0  # points[i:end] lie within DENSE_WINDOW_DAYS of points[i]: one pass, not one per point
    for i, start in enumerate(points):
        end = max(end, i)
        while end < len(points) and (points[end] - start).days <= DENSE_WINDOW_DAYS:
            end += 1
        if end - i > best_count:
            best, best_count = (start, points[end - 1]), end - i
    if best is None or best_count < MIN_ZOOMED_EVENTS:
        return None
    return best[0] - dt.timedelta(days=2), best[1] + dt.timedelta(days=2)


def _in_window(event: dict, window: tuple[dt.date, dt.date]) -> bool:
    return event["precision"] != "year" and window[0] <= event["middle"] <= window[1]


def _span(events: list[dict]) -> tuple[dt.date, dt.date]:
    return min(e["first"] for e in events), max(e["last"] for e in events)


def _span_label(window: tuple[dt.date, dt.date]) -> str:
    first, last = window
    return f"{first.day} {first:%b %Y} – {last.day} {last:%b %Y}"


# --- drawing ---------------------------------------------------------------------------------


def _overview(ax, outside: list[dict], inside: list[dict], dense: tuple[dt.date, dt.date]) -> None:
    """Years: the events outside the crowded stretch, and the stretch itself as a band."""
    summary = {
        "date": "", "precision": "band", "description": f"{len(inside)} events, {_span_label(dense)} (zoom below)",
        "n_sources": 0, "first": dense[0], "last": dense[1], "middle": dense[0] + (dense[1] - dense[0]) / 2,
    }
    rows = sorted(outside + [summary], key=lambda e: (e["first"], e["last"]))
    every = outside + inside + [summary]
    first, last = _span(every)
    _panel(ax, rows, (dt.date(first.year, 1, 1), dt.date(last.year, 12, 31)), scale="years")
    ax.axvspan(mdates.date2num(dense[0]), mdates.date2num(dense[1]) + 1, color="0.85", zorder=0)
    ax.set_title("Overview", loc="left")


def _panel(ax, rows: list[dict], window: tuple[dt.date, dt.date], scale: str) -> None:
    """One row per event, earliest at the top."""
    n = len(rows)
    for index, event in enumerate(rows):
        y = n - 1 - index
        _mark(ax, event, y)
        if event["precision"] != "band":
            ax.annotate(_sources_label(event["n_sources"]), xy=(1.0, y), xycoords=("axes fraction", "data"),
                        xytext=(6, 0), textcoords="offset points", va="center", fontsize=8, color="0.3")
    ax.set_yticks(range(n))
    ax.set_yticklabels([_label(e) for e in reversed(rows)], fontsize=9)
    ax.set_ylim(-0.7, n - 0.3)
    ax.grid(axis="x", color="0.9", linewidth=0.8)
    ax.grid(axis="y", color="0.95", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="y", length=0)
    _date_axis(ax, window, scale)


def _mark(ax, event: dict, y: float) -> None:
    start, end = mdates.date2num(event["first"]), mdates.date2num(event["last"]) + 1
    if event["precision"] == "band":
        ax.plot([start, end], [y, y], color="0.55", linewidth=6, solid_capstyle="butt")
        return
    colour = PRECISION_COLOURS.get(event["precision"], "0.4")
    if event["precision"] == "day":
        ax.scatter([start + 0.5], [y], s=_area(event["n_sources"]), color=colour, edgecolor="white", linewidth=0.8, zorder=3)
    else:
        ax.plot([start, end], [y, y], color=colour, linewidth=2 + 1.5 * min(event["n_sources"], MAX_MARK_SOURCES),
                solid_capstyle="butt", alpha=0.85)


def _date_axis(ax, window: tuple[dt.date, dt.date], scale: str) -> None:
    start, end = mdates.date2num(window[0]), mdates.date2num(window[1]) + 1
    days = end - start
    if scale == "auto":
        scale = "years" if days > 3 * 365 else "months" if days > 120 else "days"
    margin = 0.02 * days
    ax.set_xlim(start - margin, end + margin)
    if scale == "years":
        ax.xaxis.set_major_locator(mdates.YearLocator(base=max(1, math.ceil(days / 365.25 / MAX_TICKS))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    elif scale == "months":
        ax.xaxis.set_major_locator(mdates.MonthLocator(interval=max(1, math.ceil(days / 30.4 / MAX_TICKS))))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
    else:
        step = max(1, round(days / 12))
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=step))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
    ax.tick_params(axis="x", labelsize=8)


def _legend(fig, events: list[dict]) -> None:
    precisions = [p for p in ("day", "month", "year") if any(e["precision"] == p for e in events)]
    handles = [
        Line2D([], [], marker="o", linestyle="", markersize=7, color=PRECISION_COLOURS["day"], label="a day")
        if p == "day" else Line2D([], [], linewidth=4, color=PRECISION_COLOURS[p], label=f"a {p}")
        for p in precisions
    ]
    sizes = sorted({e["n_sources"] for e in events if e["precision"] == "day"})
    for n in (sizes[0], sizes[-1]) if len(sizes) > 1 else sizes[:1]:
        label = _sources_label(n) if n <= MAX_MARK_SOURCES else f"{MAX_MARK_SOURCES} articles or more"
        handles.append(Line2D([], [], marker="o", linestyle="", color="0.6", markersize=_area(n) ** 0.5, label=label))
    fig.legend(handles=handles, loc="upper right", ncol=len(handles), frameon=False, fontsize=8, bbox_to_anchor=(0.98, 1.0),
               title="Date known to the day, month or year; dot area: articles reporting the event", title_fontsize=8)


def _area(n_sources: int) -> float:
    return 30 + 45 * (min(n_sources, MAX_MARK_SOURCES) - 1)


def _sources_label(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


def _label(event: dict) -> str:
    text = textwrap.shorten(event["description"], width=LABEL_CHARS, placeholder="…")
    return f"{_date_text(event)}  {text}" if event["precision"] != "band" else text


def _date_text(event: dict) -> str:
    first = event["first"]
    if event["precision"] == "day":
        return f"{first.day} {first:%b %Y}"
    if event["precision"] == "month":
        return f"{first:%b %Y}"
    return f"{first:%Y}"
