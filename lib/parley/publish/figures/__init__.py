"""Figures: one module per figure; `save` writes them byte-identically run after run, and
`kept` keeps a figure's files for the data it plotted, so a run whose data for a figure
did not change (one article edited, the figure's top entries the same) copies them back
rather than drawing the figure again."""

from __future__ import annotations

import functools
import hashlib
import inspect
import io
import json
import os
import shutil
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


KEEP_FIGURES = 40  # the figures of the last few runs


def kept(plot):
    """`plot(..., out_dir, ...)`, which draws one figure and saves it with `save`, its PNG
    and SVG kept under `.cache/figures/<key>/`. The key is everything the figure is drawn
    from: the function, every argument but `out_dir` (tables by their every value and
    type), the library's code and data with the project file (`code_fingerprint`) and
    the plotting libraries' versions. The files copied back are the bytes `plot` wrote."""
    signature = inspect.signature(plot)

    @functools.wraps(plot)
    def wrapper(*args, **kwargs):
        arguments = signature.bind(*args, **kwargs)
        arguments.apply_defaults()
        figures = Path(arguments.arguments["out_dir"]) / "figures"
        entry = _figures_cache() / _figure_key(plot, {k: v for k, v in arguments.arguments.items() if k != "out_dir"})
        try:
            names = json.loads((entry / "entry.json").read_text(encoding="utf-8"))["files"]
            for name in names:
                write_atomic(figures / name, (entry / name).read_bytes())
            os.utime(entry)  # recently used: kept by the pruning
            return figures / names[0]
        except (OSError, ValueError, KeyError, IndexError):
            pass
        path = Path(plot(*args, **kwargs))
        names = [path.name] + [p.name for p in [path.with_suffix(".svg")] if p != path and p.is_file()]
        _keep(entry, path.parent, names)
        return path

    return wrapper


def _figures_cache() -> Path:
    from parley import config

    return config.cache_dir().parent / "figures"


def _figure_key(plot, arguments: dict) -> str:
    from importlib import metadata

    from parley.extract.run import code_fingerprint

    digest = hashlib.sha256()
    versions = " ".join(f"{n}=={metadata.version(n)}" for n in ("matplotlib", "numpy", "pandas"))
    for part in ("parley-figure-1", plot.__module__, plot.__qualname__, code_fingerprint(), versions):
        digest.update(part.encode() + b"\0")
    for name, value in sorted(arguments.items()):
        digest.update(name.encode() + b"\0" + _value_bytes(value) + b"\0")
    return digest.hexdigest()[:32]


def _value_bytes(value) -> bytes:
    import pandas as pd

    if isinstance(value, pd.DataFrame):  # every value, its type, the order of rows and columns
        described = json.dumps([[str(c), str(t)] for c, t in value.dtypes.items()] + [[str(value.index.dtype)]])
        return b"frame\0" + described.encode() + b"\0" + value.to_csv(index=True).encode("utf-8")
    return repr(value).encode("utf-8")


def _keep(entry: Path, folder: Path, names: list[str]) -> None:
    partial = entry.with_name(entry.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        partial.mkdir(parents=True)
        for name in names:
            shutil.copyfile(folder / name, partial / name)
        (partial / "entry.json").write_text(json.dumps({"files": names}), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(partial, entry)  # whole or absent
    except OSError:  # a read-only cache makes runs slower, not wrong
        shutil.rmtree(partial, ignore_errors=True)
        return
    entries = sorted((p for p in entry.parent.iterdir() if p.is_dir() and not p.name.endswith(".partial")),
                     key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[KEEP_FIGURES:]:
        shutil.rmtree(old, ignore_errors=True)
