"""Forty near-copies of one wire story, as outlets reprint it: the test corpus of
syndication (tests/test_syndication.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).parent / "data" / "syndication"
OUTLETS = ["Coastal Times", "The Fjord Herald", "Northern Daily", "Island Post", "Arctic Ledger"]
# a changed word or two, as an editor makes them
EDITS = [("negotiators said", "officials said"), ("has fallen by a third", "has dropped by a third"),
         ("two days of talks", "two days of negotiations"), ("to continue the talks", "to resume the talks"),
         ("Scientists have warned", "Researchers have warned"), ("16 percent", "15 percent")]


def copies_folder(folder: Path, n_copies: int = 40) -> Path:
    """`folder` with the wire story, `n_copies - 1` reprints of it (outlet line and a word
    or two changed, one a day later), and one independent report of the same talks."""
    folder.mkdir(parents=True, exist_ok=True)
    story = (DATA / "wire_story.txt").read_text(encoding="utf-8")
    (folder / "nordic_wire.txt").write_text(story, encoding="utf-8")
    for i in range(1, n_copies):
        text = story.replace("Nordic Wire Service", f"{OUTLETS[i % len(OUTLETS)]} (from Nordic Wire Service)")
        old, new = EDITS[i % len(EDITS)]
        text = text.replace(old, new)
        if i % 7 == 0:  # a reprint a day later
            text = text.replace("October 14, 2025", "October 15, 2025")
        (folder / f"reprint_{i:02d}.txt").write_text(text, encoding="utf-8")
    shutil.copy(DATA / "independent_report.txt", folder / "independent_report.txt")
    return folder
