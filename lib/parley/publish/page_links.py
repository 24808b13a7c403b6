"""Tables on the report's pages that a reader can follow back to the text.

After every notebook ran, each table on `index.html` and on the notebook pages
(`html/*.html`) is rewritten for reading, from what its header and cells say and the
published CSVs: an article is named by its outlet and title (its doc_id as a tooltip)
and links to the fact's highlight on its article page (`articles/<page>.html#c-START-END`);
a cell of several values (`a|b|c`, the CSVs' format) is shown as a list; every table
scrolls sideways on its own on a narrow screen. A row finds its facts by its own
columns: a doc_id with offsets or a quote, a person_id, or (timeline, comparison,
conflicts) the CSV row it shows. The CSVs are not touched.
"""

from __future__ import annotations

import functools
import io
import json
from pathlib import Path

from parley.publish.article_pages import href
from parley.tables import column_dictionary, read_rows, write_atomic

_MATCHED_TABLES = ("timeline", "comparison", "conflicts", "persons")
_KIND_OF_TABLE = {"quantities": "quantity", "positions": "position", "events": "event", "people": "person"}


def _clean(value) -> str:
    text = "" if value is None else str(value).strip()
    return "" if text in ("nan", "NaN", "None", "<NA>") else text


@functools.lru_cache(maxsize=1)
def multi_valued_columns() -> frozenset[str]:
    """Columns the data dictionary says join several values with `|`."""
    return frozenset(column for spec in column_dictionary().values()
                     for column, meaning in spec.get("columns", {}).items() if "|" in str(meaning))


class Facts:
    """What the published tables say, indexed for finding a row's evidence."""

    def __init__(self, data_dir: Path):
        read = lambda name: read_rows(data_dir, name)  # noqa: E731 - a local shorthand
        self.labels = {}
        for row in read("documents"):
            outlet, published = row.get("outlet", ""), row.get("published", "")
            title = row.get("title") or ("untitled article" + (f" of {published}" if published else ""))
            self.labels[row["doc_id"]] = f"{outlet}: {title}" if outlet else title[0].upper() + title[1:]
        self.spans: dict[tuple, tuple[int, int]] = {}  # (doc_id, kind, quote) and (doc_id, quote)
        self.anchors: set[tuple[str, int, int]] = set()
        self.mentions: dict[tuple[str, str], tuple[int, int]] = {}  # (person_id, doc_id)
        self.positions: dict[tuple, tuple[int, int]] = {}  # (doc_id, side, issue[, stance])
        for table, kind in _KIND_OF_TABLE.items():
            for row in read(table):
                if not (row.get("start", "").isdigit() and row.get("end", "").isdigit()):
                    continue
                span = (int(row["start"]), int(row["end"]))
                doc, quote = row["doc_id"], _clean(row.get("quote"))
                self.anchors.add((doc, *span))
                self.spans.setdefault((doc, kind, quote), span)
                self.spans.setdefault((doc, quote), span)
                if kind == "person":
                    self.mentions.setdefault((row["person_id"], doc), span)
                if kind == "position":
                    self.positions.setdefault((doc, row["side"], row["issue"]), span)
                    self.positions.setdefault((doc, row["side"], row["issue"], row["stance"]), span)
        self.tables = {name: read(name) for name in _MATCHED_TABLES}
        self.persons = {row["person_id"]: row for row in self.tables["persons"]}
        self.person_by_name = {(row["name"], row["side"]): row["person_id"] for row in self.tables["persons"]}
        self._matches: dict[tuple, dict] = {}

    def label(self, doc_id: str) -> str:
        return self.labels.get(doc_id, doc_id)

    def known(self, doc_id) -> bool:
        """Whether `doc_id` is an article of documents.csv."""
        return doc_id in self.labels

    def matching_row(self, row: dict[str, str]) -> tuple[str, dict] | None:
        """The CSV row (of a table that lists doc_ids) a displayed row shows, and its table's name."""
        shown = tuple(sorted(k for k in row if k))
        for name in _MATCHED_TABLES:
            rows = self.tables[name]
            if not rows or not set(shown) <= set(rows[0]):
                continue
            key = (name, shown)
            if key not in self._matches:
                index: dict = {}
                for candidate in rows:
                    index.setdefault(tuple(_clean(candidate[c]) for c in shown), candidate)
                self._matches[key] = index
            found = self._matches[key].get(tuple(row[c] for c in shown))
            if found is not None:
                return name, found
        return None

    def evidence(self, row: dict[str, str]) -> dict[str, tuple[int, int] | None]:
        """Each article the row rests on, with the span of its evidence there (None: the article as a whole)."""
        doc = row.get("doc_id")
        if doc:  # a preview's "..." row names no article
            return {doc: self._span_in(doc, row)} if doc in self.labels else {}
        person_id = row.get("person_id") or self.person_by_name.get((row.get("name", ""), row.get("side", "")))
        if person_id in self.persons:
            docs = [d for d in _split(row.get("doc_ids") or self.persons[person_id]["doc_ids"]) if d in self.labels]
            return {d: self.mentions.get((person_id, d)) for d in docs}
        if "doc_ids" not in row:
            return {}
        matched = self.matching_row(row)
        docs = [d for d in _split(row["doc_ids"]) if d in self.labels]
        if matched is None:
            return {d: None for d in docs}
        name, csv_row = matched
        if name == "comparison":
            return {d: self.positions.get((d, csv_row["side"], csv_row["issue"], csv_row["stance"]))
                    or self.positions.get((d, csv_row["side"], csv_row["issue"])) for d in docs}
        if name == "persons":
            return {d: self.mentions.get((csv_row["person_id"], d)) for d in docs}
        kind = "event" if name == "timeline" else None
        found: dict[str, tuple[int, int] | None] = {d: None for d in docs}
        for item in _split(csv_row.get("quotes", "")):
            quoted_doc, _, quote = item.partition(": ")
            if quoted_doc in found and found[quoted_doc] is None:
                found[quoted_doc] = self.spans.get((quoted_doc, kind, quote) if kind else (quoted_doc, quote))
        return found

    def _span_in(self, doc: str, row: dict[str, str]) -> tuple[int, int] | None:
        if row.get("start", "").isdigit() and row.get("end", "").isdigit():
            span = (int(row["start"]), int(row["end"]))
            if (doc, *span) in self.anchors:
                return span
        quote = row.get("quote")
        if quote:
            for kind in _preferred_kinds(row):
                if (doc, kind, quote) in self.spans:
                    return self.spans[(doc, kind, quote)]
            return self.spans.get((doc, quote))
        if row.get("person_id"):
            return self.mentions.get((row["person_id"], doc))
        return None


def _preferred_kinds(row: dict[str, str]) -> list[str]:
    kinds = []
    if "value" in row or "unit" in row:
        kinds.append("quantity")
    if "stance" in row or "issue" in row:
        kinds.append("position")
    if "date_text" in row or "date" in row:
        kinds.append("event")
    if "person_id" in row or "name" in row:
        kinds.append("person")
    return kinds


def _split(cell: str) -> list[str]:
    return [part.strip() for part in str(cell).split("|") if part.strip()]


# --- pages ----------------------------------------------------------------------------


def link_pages(out_dir: Path) -> list[Path]:
    """Rewrite the tables of `index.html` and every `html/*.html` in `out_dir` (see the module).
    A page linked before is copied back when its HTML is the same and every question its
    linking asked of the tables gets the same answer (`_Recorded`)."""
    from parley.publish import page_cache

    written = [write_atomic(page, linked.encode("utf-8")) for page, linked in _linked_pages(Path(out_dir))]
    page_cache.prune(_LINKED, len(written))
    return written


def prepare_links(out_dir: Path, pages: dict[Path, bytes]) -> int:
    """Link and keep notebook `pages` ({where each will be: its bytes}, `report.prepare_html`)
    against the tables of `out_dir` as they are now, writing none (`parley.publish.ahead`)."""
    return sum(1 for _ in _linked_pages(Path(out_dir), pages))


def _linked_pages(out_dir: Path, pages: dict[Path, bytes] | None = None):
    """(page, its linked HTML) for `index.html` and every `html/*.html` there is (or `pages`)."""
    from parley.publish import page_cache

    facts = Facts(out_dir / "data")
    if pages is None:
        found = [out_dir / "index.html"] + sorted((out_dir / "html").glob("*.html"))
        pages = {page: page.read_bytes() for page in found if page.is_file()}
    for page, data in pages.items():
        prefix = "" if page.parent == out_dir else "../"
        text = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8").read()  # as `Path.read_text` reads it
        key = page_cache.key(_LINKED, prefix, text)
        linked = _still_valid(page_cache.get(_LINKED, key), facts)
        if linked is None:
            recorded = _Recorded(facts)
            linked = link_tables(text, recorded, prefix)
            page_cache.put(_LINKED, key, json.dumps({"asked": recorded.asked(), "page": linked},
                                                    ensure_ascii=False).encode("utf-8"))
        yield page, linked


_LINKED = "linked-pages"


class _Recorded:
    """`Facts` as `link_tables` asks it, every question and its answer noted: a page is a
    function of its HTML and of these answers alone, so a later run whose tables give the
    same answers (an article edited that the page does not show) reuses the page."""

    def __init__(self, facts: Facts):
        self._facts = facts
        self._asked: dict[str, list] = {}

    def _note(self, question: list, answer):
        self._asked.setdefault(json.dumps(question, ensure_ascii=False), [question, answer])

    def known(self, doc_id) -> bool:
        answer = self._facts.known(doc_id)
        self._note(["known", doc_id], answer)
        return answer

    def label(self, doc_id: str) -> str:
        answer = self._facts.label(doc_id)
        self._note(["label", doc_id], answer)
        return answer

    def evidence(self, row: dict[str, str]) -> dict[str, tuple[int, int] | None]:
        answer = self._facts.evidence(row)
        self._note(["evidence", row], _answer_of(answer))
        return answer

    def asked(self) -> list:
        return list(self._asked.values())


def _answer_of(evidence: dict) -> list:
    """An `evidence` answer as JSON holds it, in its order."""
    return [[doc, list(span) if span else None] for doc, span in evidence.items()]


def _still_valid(entry: bytes | None, facts: Facts) -> str | None:
    """The kept page of `entry` when `facts` answers each of its questions as before, else None."""
    if entry is None:
        return None
    try:
        kept = json.loads(entry)
        for (method, argument), answer in ((q, a) for q, a in kept["asked"]):
            now = getattr(facts, method)(argument) if method in ("known", "label", "evidence") else None
            if (_answer_of(now) if method == "evidence" else now) != answer:
                return None
        return kept["page"]
    except (ValueError, KeyError, TypeError, AttributeError):
        return None


def link_tables(page: str, facts: Facts, prefix: str) -> str:
    """`page` with each of its tables made readable and linked; `prefix` leads from the page to OUT."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page, features="html.parser")
    for table in soup.find_all("table"):
        if table.find_parent("div", class_="table-scroll") is not None:
            continue  # made readable already (a page linked twice stays as it was)
        table.wrap(soup.new_tag("div", attrs={"class": "table-scroll"}))
        header_rows = table.find("thead").find_all("tr") if table.find("thead") else []
        if len(header_rows) != 1:
            continue  # a pivot (two header rows) shows counts, not facts
        columns = [th.get_text(strip=True) for th in header_rows[0].find_all(["th", "td"])]
        documents_table = "title" in columns and "doc_id" in columns
        added = False
        for tr in (table.find("tbody") or table).find_all("tr", recursive=False):
            cells = tr.find_all(["th", "td"], recursive=False)
            if len(cells) != len(columns):
                continue
            row = {column: _clean(cell.get_text()) for column, cell in zip(columns, cells) if column}
            found = facts.evidence(row)
            for column, cell in zip(columns, cells):
                if column == "doc_id" and facts.known(row.get("doc_id")):
                    doc = row["doc_id"]
                    _replace(cell, [_link(soup, facts, doc, found.get(doc), prefix, doc if documents_table else None)])
                elif column == "doc_ids" and row.get("doc_ids") and all(facts.known(d) for d in _split(row["doc_ids"])):
                    _replace(cell, [_list(soup, [_link(soup, facts, d, found.get(d), prefix) for d in _split(row["doc_ids"])])])
                elif column in multi_valued_columns() and "|" in row.get(column, ""):
                    _replace(cell, [_list(soup, [_named(soup, facts, item) for item in _split(row[column])])])
            if found and "doc_id" not in row and "doc_ids" not in row:
                cell = soup.new_tag("td")
                cell.append(_list(soup, [_link(soup, facts, d, span, prefix) for d, span in found.items()]))
                tr.append(cell)
                added = True
        if added:
            th = soup.new_tag("th")
            th.string = "in the articles"
            header_rows[0].append(th)
    return str(soup)


def _link(soup, facts: Facts, doc: str, span, prefix: str, text: str | None = None):
    start, end = span if span else (None, None)
    a = soup.new_tag("a", attrs={"href": href(doc, start, end, prefix), "title": doc, "class": "article"})
    a.string = text or facts.label(doc)
    return a


def _named(soup, facts: Facts, item: str) -> list:
    """A value of the form "doc_id: quote" with the article named, its doc_id as a tooltip."""
    doc, separator, rest = item.partition(": ")
    if not separator or not facts.known(doc):
        return [item]
    name = soup.new_tag("span", attrs={"title": doc, "class": "article"})
    name.string = facts.label(doc)
    return [name, f": {rest}"]


def _list(soup, items):
    ul = soup.new_tag("ul", attrs={"class": "values"})
    for item in items:
        li = soup.new_tag("li")
        for part in item if isinstance(item, list) else [item]:
            li.append(part)  # a str is appended as text, escaped on output
        ul.append(li)
    return ul


def _replace(cell, children) -> None:
    cell.clear()
    for child in children:
        cell.append(child)
