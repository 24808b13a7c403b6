"""Pages kept between runs by what they are made from, so that one edited article
rewrites its own pages, not every page of the report.

The notebooks' cache (`parley.publish.stage_cache`) keeps whole stages; a stage that
ran again after one article changed still writes most pages exactly as before (a
long table shows its first and last rows, an article page shows that article's facts).
Each page is kept here under a key that covers everything it is made from: its
inputs' bytes, the library's code and data (`code_fingerprint`), the page templates
and the versions of the libraries that write it. A page whose key is found is copied
back byte for byte; any other is made as before and kept. Entries not used by the last
few runs are removed (`prune`); entries are compressed (a workbook sheet of a large
corpus is tens of megabytes of XML).
"""

from __future__ import annotations

import functools
import hashlib
import os
import zlib
from pathlib import Path

from parley import config

ROOT = "pages"
RUNS_KEPT = 10  # entries of one kind kept: about this many runs' worth of them


def _folder(kind: str) -> Path:
    return config.cache_dir().parent / ROOT / kind


def context() -> str:
    """What every page depends on: the library's code and data, the templates, the
    libraries' versions. A caller making many keys at once asks for it once (it walks
    the package's files) and hands it to `key`."""
    from parley.extract.run import code_fingerprint

    return f"{code_fingerprint()} {_environment()}"


def key(kind: str, *parts: str | bytes, within: str | None = None) -> str:
    """A key for a page of `kind` made from `parts`, the code and templates included
    (`within`: `context()`, when the caller has it already)."""
    digest = hashlib.sha256()
    for part in ("parley-page-2", kind, within if within is not None else context(), *parts):
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def _environment() -> str:
    """The page templates (not among the files `code_fingerprint` reads) and the
    versions of the libraries that turn tables and notebooks into HTML."""
    from importlib import metadata

    digest = hashlib.sha256()
    templates = config.PACKAGE_DIR / "publish" / "templates"
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        digest.update(path.relative_to(templates).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    versions = []
    for name in ("nbconvert", "nbformat", "beautifulsoup4", "jinja2", "markupsafe", "mistune", "pygments", "pandas",
                 "jupyterlab_pygments", "openpyxl", "lxml", "pyarrow"):
        try:
            versions.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}==-")
    return digest.hexdigest() + " " + " ".join(versions)


def get(kind: str, page_key: str) -> bytes | None:
    path = _folder(kind) / page_key
    try:
        data = zlib.decompress(path.read_bytes())
    except (OSError, zlib.error):
        return None
    try:
        os.utime(path)  # recently used: kept by `prune`
    except OSError:
        pass
    return data


def put(kind: str, page_key: str, data: bytes) -> None:
    from parley.tables import write_atomic

    try:
        _folder(kind).mkdir(parents=True, exist_ok=True)
        write_atomic(_folder(kind) / page_key, zlib.compress(data, 1))
    except OSError:  # a read-only cache makes runs slower, not wrong
        pass


def prune(kind: str, used_by_run: int) -> None:
    """Keep the entries of `kind` most recently used: about `RUNS_KEPT` runs of
    `used_by_run` pages each."""
    keep = RUNS_KEPT * max(used_by_run, 1)
    try:
        entries = [(entry.stat().st_mtime_ns, entry.path) for entry in os.scandir(_folder(kind))
                   if entry.is_file() and not entry.name.startswith(".")]  # not a file being written
    except OSError:
        return
    if len(entries) <= keep:
        return
    for _, path in sorted(entries, reverse=True)[keep:]:
        try:
            os.unlink(path)
        except OSError:
            pass
