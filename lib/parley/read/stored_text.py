"""`OUT/text/<doc_id>.txt`: the text offsets point into, where it is not the article file.

Offsets are indices into an article's text (`Article.raw`). For a UTF-8 text file that
is the file itself. For a web page it is the story trafilatura found, and for a file in
another encoding the decoded text: neither can be read back from the seeds folder, so
the text is written beside the reports, UTF-8 with line ends as they were, and
`documents.csv` names it (`stored_text`). Nothing is ever written into the seeds folder.
"""

from __future__ import annotations

from pathlib import Path

from parley.read.corpus import Corpus
from parley.tables import write_atomic


def write_texts(corpus: Corpus, out_dir: str | Path) -> list[Path]:
    """Write the stored text of every article that has one; the paths written."""
    return [write_atomic(Path(out_dir) / article.stored_text, article.raw.encode("utf-8"))
            for article in corpus.articles if article.stored_text]


def read_text(out_dir: str | Path, seeds_dir: str | Path, document: dict) -> str:
    """The text a `documents.csv` row's offsets point into, as a reader gets it back: the
    stored copy in `out_dir`, else the article file in `seeds_dir` (line ends untouched)."""
    path = Path(out_dir) / document["stored_text"] if document.get("stored_text") else Path(seeds_dir) / document["file"]
    return path.read_bytes().decode("utf-8")
