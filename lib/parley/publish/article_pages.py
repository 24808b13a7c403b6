"""`OUT/articles/<page>.html`: each article's text with every fact extracted from it highlighted.

A reader clicks a row of a table and lands on the sentence it came from: each fact's
span carries the anchor `c-START-END` (its offsets into `Article.raw`), a colour for its
kind (displaCy's entity colours, `data/highlights.yml`) and a title saying what was
extracted. Facts overlap (a person inside a dated clause, a position crossing it):
nested spans nest, and a span that crosses the end of another is split into marks that
share its `data-fact`; the first mark carries the anchor. Every character of the article
reaches the page escaped.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from parley import config
from parley.publish import page_cache
from parley.tables import read_rows, write_atomic

ARTICLES_FOLDER = "articles"
_PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")


def page_name(doc_id: str) -> str:
    """The article page's file name. A doc_id that is a plain file name (ASCII letters,
    digits, `.`, `_`, `-`) is used as it is; any other (a subfolder's `/`, spaces,
    accents) has those characters made `_` and 8 hex digits of its SHA-1 added, so that
    two doc_ids never share a page: `2024/talks` -> `2024_talks-<sha1>.html`."""
    if _PLAIN_NAME.fullmatch(doc_id):
        return f"{doc_id}.html"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", doc_id).strip("._-")[:80] or "article"
    return f"{slug}-{hashlib.sha1(doc_id.encode('utf-8')).hexdigest()[:8]}.html"


def anchor(start: int, end: int) -> str:
    return f"c-{start}-{end}"


def href(doc_id: str, start=None, end=None, prefix: str = "") -> str:
    """The link to an article page (from a page `prefix` away from OUT), at a fact's highlight."""
    target = f"{prefix}{ARTICLES_FOLDER}/{page_name(doc_id)}"
    return f"{target}#{anchor(int(start), int(end))}" if start is not None and end is not None else target


@functools.lru_cache(maxsize=1)
def kinds() -> dict[str, dict]:
    import yaml

    return yaml.safe_load(config.data_file("highlights.yml").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Fact:
    kind: str
    start: int
    end: int
    title: str


@dataclass
class _Span:
    start: int
    end: int
    kinds: list[str] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return anchor(self.start, self.end)


# --- facts from the published tables --------------------------------------------------


def facts_by_article(data_dir: Path) -> dict[str, list[Fact]]:
    """Every fact in people, events, quantities and positions, grouped by article."""
    found: dict[str, list[Fact]] = {}

    def add(doc_id, kind, start, end, title):
        if str(start).isdigit() and str(end).isdigit():
            found.setdefault(doc_id, []).append(Fact(kind, int(start), int(end), title))

    for row in read_rows(data_dir, "people"):
        role = f", {row['role']}" if row.get("role") else ""
        side = f" ({row['side']})" if row.get("side") else ""
        add(row["doc_id"], "person", row["start"], row["end"], f"Person: {row['name']}{role}{side}")
    for row in read_rows(data_dir, "events"):
        date = row.get("date") or "undated"
        add(row["doc_id"], "event", row["start"], row["end"], f"Event ({date}): {row.get('description', '')}")
        if row.get("date_start") and row.get("date_end"):
            basis = f", {row['basis']}" if row.get("basis") else ""
            add(row["doc_id"], "date", row["date_start"], row["date_end"],
                f"Date: {date} ({row.get('precision') or 'unresolved'}{basis}) from “{row.get('date_text', '')}”")
    for row in read_rows(data_dir, "quantities"):
        add(row["doc_id"], "quantity", row["start"], row["end"], f"Quantity: {row['value']} {row['unit']}")
    for row in read_rows(data_dir, "positions"):
        topic = f" ({row['topic']})" if row.get("topic") else ""
        add(row["doc_id"], "position", row["start"], row["end"],
            f"Position: {row['side'] or 'a side'} {row['stance']} {row['issue']}{topic}")
    return found


# --- highlighting ---------------------------------------------------------------------


def highlight(text: str, facts: list[Fact]) -> str:
    """`text` as escaped HTML with a `<mark>` for every fact (see the module's docstring)."""
    order = {kind: i for i, kind in enumerate(kinds())}
    spans: dict[tuple[int, int], _Span] = {}
    for fact in sorted(facts, key=lambda f: (f.start, f.end, order.get(f.kind, 99), f.title)):
        if not 0 <= fact.start < fact.end <= len(text):
            continue
        span = spans.setdefault((fact.start, fact.end), _Span(fact.start, fact.end))
        if fact.title not in span.titles:
            span.kinds.append(fact.kind)
            span.titles.append(fact.title)
    starting: dict[int, list[_Span]] = {}
    for span in sorted(spans.values(), key=lambda s: (s.start, -s.end)):
        starting.setdefault(span.start, []).append(span)  # outermost first
    boundaries = sorted({0, len(text), *(s.start for s in spans.values()), *(s.end for s in spans.values())})
    parts: list[str] = []
    open_spans: list[_Span] = []
    position = 0
    for point in boundaries:
        parts.append(html.escape(text[position:point], quote=False))
        position = point
        ending = [i for i, span in enumerate(open_spans) if span.end == point]
        if ending:
            # close down to the outermost span ending here; spans inside it that go on are reopened
            outermost = ending[0]
            reopen = [span for span in open_spans[outermost:] if span.end != point]
            parts.append("</mark>" * (len(open_spans) - outermost))
            del open_spans[outermost:]
            for span in reopen:
                parts.append(_open(span, first=False))
                open_spans.append(span)
        for span in starting.get(point, []):
            parts.append(_open(span, first=True))
            open_spans.append(span)
    parts.append("</mark>" * len(open_spans))
    return "".join(parts)


def _open(span: _Span, first: bool) -> str:
    kinds_shown = " ".join(dict.fromkeys(span.kinds))
    attributes = f'class="fact {span.kinds[0]}{"" if first else " continued"}" data-fact="{span.id}" data-kinds="{kinds_shown}"'
    if first:
        attributes = f'id="{span.id}" ' + attributes
    return f'<mark {attributes} title="{html.escape(chr(10).join(span.titles), quote=True)}">'


# --- the pages ------------------------------------------------------------------------


def write_article_pages(out_dir: Path, articles) -> list[Path]:
    """One page per article of `documents.csv` (an article the notebooks skipped has none)."""
    out_dir = Path(out_dir)
    written = [write_atomic(out_dir / ARTICLES_FOLDER / page_name(article.doc_id), page)
               for article, page in _pages(out_dir, articles)]
    page_cache.prune(_PAGES, len(written))
    return written


def prepare_article_pages(out_dir: Path, articles) -> int:
    """Make and keep the pages `write_article_pages` would write from the tables as they are
    now, writing none (`parley.publish.ahead`); how many pages there are."""
    return sum(1 for _ in _pages(Path(out_dir), articles))


def _pages(out_dir: Path, articles):
    """(article, its page's bytes) for each published article, kept pages copied back."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape
    from markupsafe import Markup

    published = {row["doc_id"] for row in read_rows(out_dir / "data", "documents")}
    facts = facts_by_article(out_dir / "data")
    env = Environment(loader=FileSystemLoader(str(config.PACKAGE_DIR / "publish" / "templates")),
                      autoescape=select_autoescape(["html"]), keep_trailing_newline=True)
    template = env.get_template("article.html")
    context = page_cache.context()
    for article in sorted(articles, key=lambda a: a.doc_id):
        if article.doc_id not in published:
            continue
        mine = facts.get(article.doc_id, [])
        # a page is its article and its facts: one edited article renders its own page again
        key = page_cache.key(_PAGES, *_page_inputs(article), *(f"{f.kind}\0{f.start}\0{f.end}\0{f.title}" for f in mine),
                             within=context)
        page = page_cache.get(_PAGES, key)
        if page is None:
            counts = {kind: sum(1 for f in mine if f.kind == kind) for kind in kinds()}
            page = template.render(
                article=article,
                legend=[{"kind": kind, **spec, "count": counts[kind]} for kind, spec in kinds().items()],
                text=Markup(highlight(article.raw, mine)),
            ).encode("utf-8")
            page_cache.put(_PAGES, key, page)
        yield article, page


_PAGES = "articles"


def _page_inputs(article) -> tuple[str, ...]:
    """What the page shows of the article besides its facts (the template's fields)."""
    return (article.doc_id, article.file, article.title, article.outlet, article.author, article.published,
            article.raw)
