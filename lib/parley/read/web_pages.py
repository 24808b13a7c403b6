"""A saved news page (.html, .htm) to the text of its story and what the page says of itself.

trafilatura finds the story among the page's navigation, adverts, cookie banners,
related links and footer, and reads the page's own metadata: title, author, site name
(og:, meta and JSON-LD tags). The publication date is the one the markup states
(trafilatura, then htmldate on its own; both without their "extensive" search, which
would take a date from the story's text: a date is never guessed). The story's text is
what Parley reads and what every offset points into; it is stored beside the reports as
`OUT/text/<doc_id>.txt` (`parley.read.stored_text`).

Reading a page takes tens of milliseconds, and every notebook reads the folder again, so
a page's reading is cached by its bytes and the versions of this module and of both
libraries.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from importlib import metadata as package_metadata
from pathlib import Path

from parley import config

SUFFIXES = (".html", ".htm")
_MIN_STORY_WORDS = 20  # fewer is a menu or a notice; the shortest news brief is longer


class NoStoryError(ValueError):
    """A page in which no story text was found; the message says so."""


@dataclass(frozen=True)
class Page:
    text: str  # the story: its headline first where the page has one, a paragraph a line
    title: str
    author: str
    outlet: str
    published: str  # ISO date, or empty


def read_page(data: bytes) -> Page:
    """The story and metadata of a saved page (its bytes, in whatever encoding it declares)."""
    cached = _cache_path(data)
    try:
        return Page(**json.loads(cached.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        pass
    page = _read(data)
    try:
        from parley.tables import write_atomic

        write_atomic(cached, json.dumps(asdict(page), ensure_ascii=False).encode("utf-8"))
    except OSError:  # a read-only cache makes reading slower, not wrong
        pass
    return page


def _read(data: bytes) -> Page:
    import trafilatura
    from trafilatura.settings import set_date_params

    tree = trafilatura.load_html(data)
    if tree is None:
        raise NoStoryError("not an HTML page trafilatura can parse")
    text = trafilatura.extract(tree, include_comments=False, include_tables=True, deduplicate=False) or ""
    if len(text.split()) < _MIN_STORY_WORDS:  # a menu or a cookie notice is all trafilatura found
        raise NoStoryError("no story text found in the page, only page furniture (menus, notices, links)")
    # a fresh tree: extract() prunes the one it is given
    found = trafilatura.extract_metadata(trafilatura.load_html(data),
                                         date_config={**set_date_params(False), "original_date": True})
    title = (found.title or "").strip() if found else ""
    published = (found.date or "") if found else ""
    if not published:
        published = _stated_date(data)
    if title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"  # the headline heads the text, as in a page saved as text
    return Page(text=text.rstrip("\n") + "\n", title=title, author=(found.author or "").strip() if found else "",
                outlet=_outlet((found.sitename or "").strip() if found else ""), published=published)


def _stated_date(data: bytes) -> str:
    """The publication date the page's markup states, by htmldate alone, or empty."""
    from htmldate import find_date

    try:
        return find_date(data.decode("utf-8", errors="replace"), extensive_search=False, original_date=True,
                         outputformat="%Y-%m-%d") or ""
    except (ValueError, TypeError):
        return ""


def _outlet(sitename: str) -> str:
    """The site's name, as Parley names a known outlet ("Deutsche Welle" for "DW.COM")."""
    from parley.read.metadata import known_outlet

    known = known_outlet(sitename) if sitename else None
    return known.name if known else sitename


def _cache_path(data: bytes) -> Path:
    digest = hashlib.sha256(data)
    for part in (Path(__file__).read_bytes(), _version("trafilatura").encode(), _version("htmldate").encode()):
        digest.update(b"\0" + part)
    return config.cache_dir() / "pages" / f"{digest.hexdigest()[:32]}.json"


def _version(name: str) -> str:
    try:
        return package_metadata.version(name)
    except package_metadata.PackageNotFoundError:
        return "-"
