"""Figures: one module per figure; `save` writes them byte-identically run after run."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

from parley.tables import write_atomic  # noqa: E402

# One look for every figure: readable at report size, colour-blind safe.
STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 150,
    "font.size": 10,
    "axes.titlesize": 12,
    "axes.titleweight": "bold",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "parley",  # stable ids inside SVG files
    "svg.fonttype": "none",
}
# Okabe-Ito: distinguishable with every common colour-vision deficiency.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"]


def style():
    """A context manager applying Parley's figure style."""
    return plt.rc_context(STYLE)


def save(fig, out_dir: str | Path, name: str, svg: bool = True) -> Path:
    """Write `OUT/figures/<name>.png` (and `.svg`) with no timestamps or version stamps inside."""
    figures = Path(out_dir) / "figures"
    png = io.BytesIO()
    fig.savefig(png, format="png", bbox_inches="tight", metadata={"Software": None})
    path = write_atomic(figures / f"{name}.png", png.getvalue())
    if svg:
        vector = io.BytesIO()
        fig.savefig(vector, format="svg", bbox_inches="tight", metadata={"Date": None, "Creator": None})
        write_atomic(figures / f"{name}.svg", vector.getvalue())
    return path
