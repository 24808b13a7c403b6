"""Incremental runs: a notebook whose inputs and code are unchanged is not executed again.

`parley run` gives each notebook a key: the articles (their bytes), the library's code
and data, the spaCy model and the versions of the libraries that shape the output,
where the run reads and publishes (both appear in the pages),
every notebook up to this one (their bytes) and the gold file where the notebook reads
one. After a notebook ran, every file it added to the build folder (its executed copy,
HTML page, tables, figures and the stage tables of `.stages/`) is kept under
`.cache/runs/<key>/`; a later run with the same key copies them back instead of
executing the notebook. Keys chain, so a change reaches every notebook after it.
Per-article extraction has its own cache (`parley.extract.run`): one edited article
re-extracts that article alone. The notebooks that run again after it reuse what the
edit does not change: figures by what they draw (`parley.publish.figures.kept`), pages
and workbook sheets by what they are made from (`parley.publish.page_cache`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

from parley import config

FILES = "files"
KEEP_ENTRIES = 60  # a dozen runs of five notebooks
MANIFEST = "entry.json"


def cache_root() -> Path:
    return config.cache_dir().parent / "runs"


def run_key(corpus, seeds: Path, out: Path, gold: Path | None) -> str:
    from parley import nlp
    from parley.extract.run import code_fingerprint
    from parley.stages import corpus_key

    parts = ["parley-run-1", corpus_key(corpus), code_fingerprint(), nlp.installed_model(), _versions(), str(seeds),
             str(out), _file_hash(gold) if gold is not None else ""]
    return _hash("\0".join(parts))


# the libraries whose upgrade can change a table, a figure or a page
_LIBRARIES = ("spacy", "pandas", "numpy", "matplotlib", "pyarrow", "nbconvert", "papermill", "rapidfuzz", "dateparser",
              "trafilatura", "htmldate", "charset-normalizer", "openpyxl")


def _versions() -> str:
    from importlib import metadata

    def version(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "-"

    return " ".join(f"{name}=={version(name)}" for name in _LIBRARIES)


def notebook_key(previous: str, notebook: Path, gold: Path | None) -> str:
    """`gold`: the gold file the notebook reads, if it reads one (its split.csv counts too)."""
    gold_parts = [_file_hash(gold), _file_hash(gold.parent / "split.csv")] if gold is not None else []
    return _hash("\0".join([previous, notebook.name, _file_hash(notebook), *gold_parts]))


def finish_key(last_notebook: str, seeds_shown: str, date: str, excel_csv: bool) -> str:
    """The key of what the run writes after the notebooks (workbook, index, article pages):
    the last notebook's key chains the articles, code and every notebook; the rest is what
    the pages show besides the tables."""
    return _hash("\0".join([last_notebook, "finish", seeds_shown, date, str(bool(excel_csv))]))


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` (dot-folders included) with its size and mtime."""
    found = {}
    for root, _, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            stat = path.stat()
            found[path.relative_to(folder).as_posix()] = (stat.st_size, stat.st_mtime_ns)
    return found


def store(key: str, build: Path, before: dict[str, tuple[int, int]]) -> None:
    """Keep what the notebook just wrote into `build` (files new or changed since `before`)."""
    written = sorted(path for path, stamp in snapshot(build).items() if before.get(path) != stamp)
    entry = cache_root() / key
    partial = entry.with_name(entry.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        for relative in written:
            target = partial / FILES / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(build / relative, target)
        (partial / MANIFEST).write_text(json.dumps({"files": written}, indent=1), encoding="utf-8")
        shutil.rmtree(entry, ignore_errors=True)
        os.replace(partial, entry)  # whole or absent: a run stopped half-way leaves no half entry
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)  # a read-only cache makes runs slower, not wrong
        return
    _prune()


def _prune(keep: int = KEEP_ENTRIES) -> None:
    """Only the entries of the last few runs stay: old ones would fill the disk."""
    entries = sorted((p for p in cache_root().iterdir() if p.is_dir() and not p.name.endswith(".partial")),
                     key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in entries[keep:]:
        shutil.rmtree(old, ignore_errors=True)


def has(key: str) -> bool:
    """Whether a notebook's files are kept for `key` (`restore` may still find them unreadable)."""
    return (cache_root() / key / MANIFEST).is_file()


def restore(key: str, build: Path) -> bool:
    """Copy a notebook's kept files into `build`; False when there are none for `key`."""
    entry = cache_root() / key
    try:
        written = json.loads((entry / MANIFEST).read_text(encoding="utf-8"))["files"]
        for relative in written:
            target = build / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(entry / FILES / relative, target)
    except (OSError, ValueError, KeyError):
        return False
    os.utime(entry)  # recently used: kept by _prune
    return True


def _file_hash(path: Path | None) -> str:
    if path is None or not path.is_file():
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
