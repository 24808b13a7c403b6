"""The folder Parley publishes into, and the promise that nothing else in it is touched.

`parley run --out OUT` accepts an empty or missing folder, or one Parley published
before, recognised by the manifest it leaves there (`MANIFEST`): the list of files it
wrote. Anything else is refused before any work starts. Publishing moves each new file
into place (one rename each), then removes only the files the previous manifest lists
and this run did not write again. A user's own files beside the reports, even inside
`data/` or `figures/`, are never deleted or overwritten.

Files and folders are published with the user's umask (0644 and 0755 under the usual
0022), whatever modes the temporary build folder had.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

MANIFEST = ".parley-manifest.json"
_FORMAT = 1


class OutputFolderError(Exception):
    """An output folder Parley must not write into; the message says why and what to do."""


def umask() -> int:
    """The process's umask (reading it means setting it; it is set straight back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def file_mode() -> int:
    return 0o666 & ~umask()


def folder_mode() -> int:
    return 0o777 & ~umask()


def manifest(folder: Path) -> list[str] | None:
    """The files Parley wrote into `folder` last time, or None when it is not Parley's."""
    path = Path(folder) / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("written_by") != "parley" or not isinstance(data.get("files"), list):
        return None
    return [f for f in data["files"] if isinstance(f, str)]


def is_published(folder: Path) -> bool:
    return manifest(folder) is not None


def check_writable(out: Path, shown: str | None = None) -> None:
    """Raise OutputFolderError unless `out` is missing, empty, or a folder Parley published."""
    out = Path(out)
    shown = shown or str(out)
    if not out.exists() and not out.is_symlink():
        return
    if not out.is_dir():
        raise OutputFolderError(
            f"The output folder {shown} is a file, not a folder. Give --out a folder name: "
            f"an empty or missing folder, or one Parley wrote before."
        )
    if is_published(out):
        return
    try:
        entries = sorted(p.name for p in out.iterdir())
    except OSError as err:
        raise OutputFolderError(f"The output folder {shown} cannot be read ({err.strerror or err}).") from err
    if entries:
        listed = ", ".join(entries[:5]) + (f" and {len(entries) - 5} more" if len(entries) > 5 else "")
        raise OutputFolderError(
            f"The output folder {shown} already holds files Parley did not write ({listed}). "
            f"Parley writes only into an empty or missing folder, or one it wrote before, so that "
            f"nothing of yours is overwritten or deleted. Give --out a new folder name."
        )


def files_under(folder: Path) -> list[str]:
    """Every file below `folder`, as sorted POSIX paths relative to it (dot-files excluded)."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(root).relative_to(folder)
        found += [(base / f).as_posix() for f in files if not f.startswith(".")]
    return sorted(found)


def publish(build: Path, out: Path) -> list[str]:
    """Move every file of `build` into `out`, drop what the previous run wrote and this one
    did not, and record the new manifest. Returns the published files."""
    build, out = Path(build), Path(out)
    previous = set(manifest(out) or [])
    new = files_under(build)
    _make_folder(out)
    for relative in new:
        target = out / relative
        _make_folder(target.parent)
        os.chmod(build / relative, file_mode())
        os.replace(build / relative, target)
    for relative in sorted(previous - set(new)):
        stale = out / relative
        if stale.is_file() and not stale.is_symlink() and _inside(stale, out):
            stale.unlink()
            _remove_empty_parents(stale.parent, out)
    _write_manifest(out, new)
    return new


def _make_folder(folder: Path) -> None:
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for path in reversed(missing):
        path.mkdir()
        os.chmod(path, folder_mode())  # mkdir's mode is already masked; chmod states it plainly


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _remove_empty_parents(folder: Path, top: Path) -> None:
    while folder != top and _inside(folder, top):
        try:
            folder.rmdir()  # only succeeds when empty: a user's file keeps its folder
        except OSError:
            return
        folder = folder.parent


def _write_manifest(out: Path, files: list[str]) -> None:
    from parley.tables import write_atomic

    data = {"written_by": "parley", "format": _FORMAT, "files": files}
    write_atomic(out / MANIFEST, (json.dumps(data, indent=1) + "\n").encode("utf-8"))
