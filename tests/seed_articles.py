"""The five seed articles as shipped, in a folder of their own.

Tests and nbval need the seeds exactly as the gold describes them, whatever a user has
added to `seeds/` (the README asks users to keep their own articles elsewhere, but a
test suite should not break when one doesn't). `seeds.sha256` lists the five files and
their hashes; a seed that was edited is a clear error, not a wrong score.

    python tests/seed_articles.py DEST     # what `make refresh-notebooks` runs
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
MANIFEST = HERE / "data" / "seeds.sha256"
SEEDS = HERE.parent / "seeds"


def shipped() -> dict[str, str]:
    """{file name: sha256} of the seed articles as shipped."""
    rows = (line.split() for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line.strip())
    return {name: digest for digest, name in rows}


def make_pristine_seeds(dest: Path) -> Path:
    """`dest` holding exactly the shipped seed articles, copied from seeds/ (checked by hash)."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    wanted = shipped()
    for stale in dest.iterdir():
        if stale.name not in wanted:
            stale.unlink()
    for name, digest in wanted.items():
        source = SEEDS / name
        if not source.is_file() or hashlib.sha256(source.read_bytes()).hexdigest() != digest:
            raise SystemExit(f"seeds/{name} is missing or was changed; the tests need the seed articles as shipped "
                             f"(git checkout seeds/ restores them). Keep your own articles in a folder of their own.")
        target = dest / name
        if not target.is_file() or target.read_bytes() != source.read_bytes():
            shutil.copyfile(source, target)
    return dest


if __name__ == "__main__":
    print(make_pristine_seeds(Path(sys.argv[1])))
