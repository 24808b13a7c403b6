"""Every path Parley uses, from the project root.

Paths a user types on the command line start at the current directory, as with any
command-line tool (`from_cwd`); paths given to a notebook's parameters start at the
project root (`resolve`), so a notebook means the same folder wherever its kernel runs.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parents[1]  # lib/parley/ -> the repository
DATA_DIR = PACKAGE_DIR / "data"  # the library's knowledge: tables, codebook, cue words

SEEDS_DIR = PROJECT_ROOT / "seeds"
REPORTS_DIR = PROJECT_ROOT / "reports"  # published by `parley run` only
SCRATCH_DIR = PROJECT_ROOT / ".cache" / "scratch"  # where notebooks run by hand write
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
TESTS_DIR = PROJECT_ROOT / "tests"
GOLD_PATH = TESTS_DIR / "data" / "seeds_gold.json"

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")  # see parley.read.corpus


def default_seeds_dir() -> Path:
    """The project's seeds/, or $PARLEY_SEEDS_DIR when set."""
    return Path(os.environ.get("PARLEY_SEEDS_DIR") or SEEDS_DIR)


def default_out_dir() -> Path:
    """Where a notebook run by hand writes: $PARLEY_OUT_DIR when set, else the scratch
    folder. Never the published reports/: only `parley run` publishes there."""
    return Path(os.environ.get("PARLEY_OUT_DIR") or SCRATCH_DIR)


def cache_dir() -> Path:
    """Where per-article extraction results are cached (PARLEY_CACHE_DIR overrides)."""
    return Path(os.environ.get("PARLEY_CACHE_DIR") or PROJECT_ROOT / ".cache" / "parley")


def jobs() -> int:
    """How many processes Parley's work may keep busy: PARLEY_JOBS, else the machine's cores."""
    return int(os.environ.get("PARLEY_JOBS", "0")) or os.cpu_count() or 1


def resolve(path: str | os.PathLike | None, default: Path, base: Path | None = None) -> Path:
    """A user-given path: empty means `default`; relative means relative to `base`, the
    project root unless given."""
    if path is None or str(path).strip() == "":
        return default
    candidate = Path(path).expanduser()
    return candidate if candidate.is_absolute() else ((base or PROJECT_ROOT) / candidate).resolve()


def from_cwd(path: str | os.PathLike | None, default: Path) -> Path:
    """A path typed on the command line: relative to the current directory."""
    return resolve(path, default, base=Path.cwd())


def data_file(name: str) -> Path:
    return DATA_DIR / name


def data_yaml(name: str):
    """A YAML file of the library's `data/`, parsed. With libyaml's parser where PyYAML has
    it (ten times faster: each worker reads a dozen of these files on start), which gives
    these files the same data as the pure-Python one (tests/test_config.py checks)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(data_file(name).read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
