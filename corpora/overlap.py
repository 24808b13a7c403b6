"""The longest run of words an article shares with the source pages it was written from.

    python3 corpora/overlap.py ARTICLE.txt SOURCE.txt [SOURCE.txt ...]

Words are compared lower-cased with punctuation dropped, so a copied sentence with new
quotation marks still counts. Prints the longest shared run with each source and exits 1
when any run is MAX_RUN words or longer (the corpus rule: no run of 9 or more words copied).
Standard library only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

MAX_RUN = 9


def words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text.lower()) if w]


def longest_shared_run(a: list[str], b: list[str]) -> tuple[int, str]:
    """Length and text of the longest run of consecutive words found in both (dynamic
    programming over one row, so memory stays linear in len(b))."""
    best, best_end = 0, 0
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        word = a[i - 1]
        for j in range(1, len(b) + 1):
            if word == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best:
                    best, best_end = current[j], i
        previous = current
    return best, " ".join(a[best_end - best:best_end])


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__)
        return 2
    article = words(Path(argv[0]).read_text(encoding="utf-8"))
    worst = 0
    for source in argv[1:]:
        length, run = longest_shared_run(article, words(Path(source).read_text(encoding="utf-8", errors="replace")))
        worst = max(worst, length)
        print(f"{length:3d} words shared with {source}: {run}")
    return 1 if worst >= MAX_RUN else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
