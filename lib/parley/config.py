"""Every path Parley uses, resolved from the project root, never from the working directory."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]  # lib/parley/ -> the repository
DATA_DIR = PACKAGE_DIR / "data"  # the library's knowledge: tables, codebook, cue words

SEEDS_DIR = PROJECT_ROOT / "seeds"
REPORTS_DIR = PROJECT_ROOT / "reports"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
TESTS_DIR = PROJECT_ROOT / "tests"
GOLD_PATH = TESTS_DIR / "data" / "seeds_gold.json"

ARTICLE_SUFFIXES = (".txt",)


def default_seeds_dir() -> Path:
    """The project's seeds/, or $PARLEY_SEEDS_DIR when set."""
    return Path(os.environ.get("PARLEY_SEEDS_DIR") or SEEDS_DIR)


def default_out_dir() -> Path:
    """The project's reports/, or $PARLEY_OUT_DIR when set (the notebook tests write elsewhere)."""
    return Path(os.environ.get("PARLEY_OUT_DIR") or REPORTS_DIR)


def cache_dir() -> Path:
    """Where per-article extraction results are cached (PARLEY_CACHE_DIR overrides)."""
    return Path(os.environ.get("PARLEY_CACHE_DIR") or PROJECT_ROOT / ".cache" / "parley")


def resolve(path: str | os.PathLike | None, default: Path) -> Path:
    """A user-given path: empty means `default`, relative means relative to the project root."""
    if path is None or str(path).strip() == "":
        return default
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else (PROJECT_ROOT / candidate).resolve()


def data_file(name: str) -> Path:
    return DATA_DIR / name
