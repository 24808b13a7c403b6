"""Reading a folder of articles: metadata, a clean body, and a map back to the file.

An article file is text as saved from a news page (`.txt` or `.md`, in any common
encoding: `parley.read.decoding`) or the saved page itself (`.html`, `.htm`: its story and
metadata read by `parley.read.web_pages`): a headline, often an outlet or byline line, a date
line, consent banners, picture captions, share buttons. `read_article` keeps the story
and records what it removed. The clean `body` is the kept lines joined by blank lines,
normalised one character for one (see `parley.text.normalize`), so any span of the body
maps back to exact offsets in the article's text `raw`: the file as stored on disk when
it is UTF-8 text, else the text stored beside the reports (`Article.stored_text`).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

import yaml

from parley import config
from parley.read import metadata
from parley.text import fold, normalize, quote, word_count

_LONG_LINE_WORDS = 15
_HEADER_SHORT_WORDS = 6


class CorpusError(Exception):
    """An article folder or file that cannot be read; the message says which and why."""


@dataclass(frozen=True)
class Removed:
    """A piece of the file that is not part of the story, and why."""

    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Article:
    doc_id: str
    file: str
    path: Path
    raw: str
    sha256: str
    title: str
    outlet: str
    author: str
    published: str
    body: str
    segments: tuple[tuple[int, int], ...]  # (body_start, raw_start) of each kept run of text
    removed: tuple[Removed, ...] = field(default=())
    encoding: str = "utf-8"  # how the file's bytes were read; "html" for a page
    stored: bool = False  # `raw` is not the file's bytes as UTF-8: it is written out as text/<doc_id>.txt

    @property
    def stored_text(self) -> str:
        """Where `raw` is published, relative to the output folder, when offsets cannot
        point into the file itself (a page, a file in another encoding); else empty."""
        return f"text/{self.doc_id}.txt" if self.stored else ""

    @property
    def text_sha256(self) -> str:
        """SHA-256 of the text offsets point into: what extraction reads."""
        return hashlib.sha256(self.raw.encode("utf-8", "surrogatepass")).hexdigest()

    @property
    def words(self) -> int:
        return word_count(self.body)

    def to_raw(self, body_offset: int) -> int:
        """The offset in the file of the character at `body_offset` in the body."""
        i = bisect.bisect_right([b for b, _ in self.segments], body_offset) - 1
        body_start, raw_start = self.segments[max(i, 0)]
        return raw_start + (body_offset - body_start)

    def span(self, body_start: int, body_end: int) -> tuple[int, int, str]:
        """File offsets and quote for the body span [body_start, body_end)."""
        start = self.to_raw(body_start)
        end = self.to_raw(body_end - 1) + 1 if body_end > body_start else start
        return start, end, quote(self.raw, start, end)

    def document_row(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "file": self.file,
            "sha256": self.sha256,
            "title": self.title,
            "outlet": self.outlet,
            "author": self.author,
            "published": self.published,
            "words": self.words,
            "encoding": self.encoding,
            "stored_text": self.stored_text,
        }


@dataclass(frozen=True)
class Skipped:
    file: str
    reason: str


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]

    def documents(self):
        from parley.tables import frame

        return frame("documents", [a.document_row() for a in self.articles])


# --- the boilerplate table -------------------------------------------------------------


@dataclass(frozen=True)
class _Rules:
    lines: tuple[tuple[str, re.Pattern], ...]
    spans: tuple[tuple[str, re.Pattern], ...]
    title_suffixes: tuple[re.Pattern, ...]


@functools.lru_cache(maxsize=None)
def _rules(path: Path | None = None) -> _Rules:
    data = yaml.safe_load((path or config.data_file("boilerplate.yml")).read_text(encoding="utf-8"))
    compile_ = lambda p: re.compile(p, re.I)  # noqa: E731
    return _Rules(
        lines=tuple((kind, compile_(p)) for kind, ps in data["lines"].items() for p in ps),
        spans=tuple((kind, compile_(p)) for kind, ps in data["spans"].items() for p in ps),
        title_suffixes=tuple(compile_(p) for p in data["title_suffixes"]),
    )


# --- reading ---------------------------------------------------------------------------


PROJECT_FILE = "parley.toml"  # parley.knowledge.project_file.FILE_NAME

# spaCy's own default limit: text longer than this is not one news article.
MAX_ARTICLE_CHARS = 1_000_000


def read_corpus(folder: str | Path) -> Corpus:
    """Every article in `folder` and its subfolders; a file that cannot be read is listed
    in `skipped` with its reason, never fatal. Dot-files and dot-folders are ignored."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusError(f"The seeds folder {folder} does not exist or is not a folder.")
    articles, skipped = [], []
    found = list(_article_files(folder, skipped))
    ids = _doc_ids([relative for relative, _ in found])
    code = _code_fingerprint()
    for (relative, _), read in zip(found, _read_all([(path, ids[r], r) for r, path in found], code)):
        if isinstance(read, Article):
            articles.append(read)
        else:
            skipped.append(Skipped(relative, read))
    if not articles:
        detail = "; ".join(f"{s.file}: {s.reason}" for s in skipped) or "it is empty"
        raise CorpusError(f"No readable article in {folder} ({detail}).")
    return Corpus(tuple(articles), tuple(sorted(skipped, key=lambda s: s.file)))


# Below this many articles to read afresh, starting worker processes costs more than it saves.
_PARALLEL_READS = 64


def _read_all(files: list[tuple[Path, str, str]], code: str) -> list[Article | str]:
    """Each (path, doc_id, file) read as an Article, or the reason it cannot be; the ones
    not in the cache are read on every core when there are many (reading is per-article
    work: at a thousand articles it is seconds, not milliseconds)."""
    jobs = config.jobs()
    read: list[Article | str | None] = [None] * len(files)
    if jobs > 1 and len(files) >= _PARALLEL_READS:
        read = [_cached_or_none(file, code) for file in files]
    todo = [i for i, done in enumerate(read) if done is None]
    work = functools.partial(_read_or_reason, code=code)
    if jobs > 1 and len(todo) >= _PARALLEL_READS:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            fresh = list(pool.map(work, [files[i] for i in todo], chunksize=16))
    else:
        fresh = [work(files[i]) for i in todo]
    for i, article in zip(todo, fresh):
        read[i] = article
    return read


def _read_or_reason(file: tuple[Path, str, str], code: str) -> Article | str:
    path, doc_id, relative = file
    try:
        return _read(path, doc_id=doc_id, file=relative, code=code)
    except _Unreadable as err:
        return str(err)


def _cached_or_none(file: tuple[Path, str, str], code: str) -> Article | None:
    """The article from the cache, or None: not read before, or unreadable (`_read_or_reason` says why)."""
    path, doc_id, relative = file
    try:
        return _read(path, doc_id=doc_id, file=relative, code=code, only_cached=True)
    except _Unreadable:
        return None


def _article_files(folder: Path, skipped: list[Skipped]):
    """(relative POSIX path, path) of every article file below `folder`, sorted; what is
    not an article file goes to `skipped` with the reason."""
    for root, dirs, files in os.walk(folder):  # links to folders are listed, never followed
        base = Path(root).relative_to(folder)
        for name in sorted(dirs):
            if not name.startswith(".") and (Path(root) / name).is_symlink():
                skipped.append(Skipped((base / name).as_posix(), "a link to a folder; links to folders are not followed"))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not (Path(root) / d).is_symlink())
        for name in sorted(files):
            if name.startswith(".") or (base == Path(".") and name == PROJECT_FILE):
                continue  # the project file is the user's knowledge, not an article
            path, relative = Path(root) / name, (base / name).as_posix()
            if not path.is_file():
                reason = "a broken or looping link" if path.is_symlink() else "not a regular file"
                skipped.append(Skipped(relative, reason))
            elif path.suffix.lower() not in config.ARTICLE_SUFFIXES:
                skipped.append(Skipped(relative, f"not an article file (expected {', '.join(config.ARTICLE_SUFFIXES)})"))
            else:
                yield relative, path


def _doc_ids(relatives: list[str]) -> dict[str, str]:
    """Each file's doc_id: its path without the extension, or with it where two files
    would otherwise share one ("talks.txt" and "talks.TXT")."""
    stems = Counter(str(PurePosixPath(r).with_suffix("")) for r in relatives)
    return {r: (s if stems[s] == 1 else r) for r in relatives for s in [str(PurePosixPath(r).with_suffix(""))]}


class _Unreadable(Exception):
    """Why one file is not an article Parley can read (without the file's name)."""


def read_article(path: str | Path) -> Article:
    path = Path(path)
    try:
        return _read(path, doc_id=path.stem, file=path.name)
    except _Unreadable as err:
        raise CorpusError(f"{path.name}: {err}") from err


def _read(path: Path, doc_id: str, file: str, code: str | None = None, only_cached: bool = False) -> Article | None:
    """The article in `path`, from the cache when its bytes were read before (with
    `only_cached`: None when they were not, to be read elsewhere)."""
    from parley.read import web_pages

    try:
        data = path.read_bytes()
    except OSError as err:
        raise _Unreadable(f"cannot be read ({err.strerror or err})") from err
    if not data.strip():
        raise _Unreadable("the file is empty")
    is_page = path.suffix.lower() in web_pages.SUFFIXES
    if not is_page and len(data) > 4 * MAX_ARTICLE_CHARS:  # no encoding takes more than 4 bytes a character
        raise _Unreadable(f"{len(data):,} bytes, more than one article can be ({MAX_ARTICLE_CHARS:,} characters); "
                          f"split it into its articles")
    cache = _article_cache_path(doc_id, file, data, code or _code_fingerprint())
    cached = _cached_article(cache, path)
    if cached is not None or only_cached:
        return cached
    article = _decoded_article(path, doc_id, file, data, is_page)
    _cache_article(cache, article)
    return article


def _decoded_article(path: Path, doc_id: str, file: str, data: bytes, is_page: bool) -> Article:
    from parley.read import decoding, web_pages

    page = None
    try:
        if is_page:
            page = web_pages.read_page(data)
            raw, encoding = page.text, "html"
        else:
            decoded = decoding.decode(data)
            raw, encoding = decoded.text, decoded.encoding
    except (decoding.UndecodableError, web_pages.NoStoryError) as err:
        raise _Unreadable(str(err)) from err
    if not raw.strip():
        raise _Unreadable("the file is empty")
    if len(raw) > MAX_ARTICLE_CHARS:
        raise _Unreadable(
            f"{len(raw):,} characters, more than one article can be ({MAX_ARTICLE_CHARS:,}); split it into its articles"
        )
    article = parse_article(raw, doc_id=doc_id, file=file, path=path, sha256=hashlib.sha256(data).hexdigest())
    article = replace(article, encoding=encoding, stored=encoding != decoding.UTF8)
    if page is not None:  # what the page's markup states beats what its text suggests
        stated = {"title": page.title, "outlet": page.outlet, "author": page.author, "published": page.published}
        article = replace(article, **{k: v for k, v in stated.items() if v})
    return article


# Reading an article (decoding, boilerplate, metadata) costs more than its bytes; every
# notebook of a run reads the whole folder, so a read article is kept under the cache,
# keyed by its bytes, its name and the library's code and knowledge.


def _code_fingerprint() -> str:
    from parley.extract.run import code_fingerprint

    return code_fingerprint()


def _article_cache_path(doc_id: str, file: str, data: bytes, code: str) -> Path:
    digest = hashlib.sha256(f"{doc_id}\0{file}\0{code}\0".encode())
    digest.update(data)
    return config.cache_dir() / "read" / f"{digest.hexdigest()[:32]}.json"


def _cached_article(cache: Path, path: Path) -> Article | None:
    import json

    try:
        stored = json.loads(cache.read_text(encoding="utf-8"))
        return Article(**{
            **stored,
            "path": path,
            "segments": tuple(tuple(s) for s in stored["segments"]),
            "removed": tuple(Removed(**r) for r in stored["removed"]),
        })
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _cache_article(path: Path, article: Article) -> None:
    import dataclasses
    import json

    from parley.tables import write_atomic

    fields = {f.name: getattr(article, f.name) for f in dataclasses.fields(article) if f.name != "path"}
    fields["removed"] = [dataclasses.asdict(r) for r in article.removed]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, json.dumps(fields, ensure_ascii=False).encode("utf-8", "surrogatepass"))
    except OSError:  # a cache that cannot be written only costs time
        pass


def parse_article(raw: str, doc_id: str = "article", file: str = "", path: Path | None = None, sha256: str = "") -> Article:
    """An article from its text: metadata, what was removed, and the clean body."""
    rules = _rules()
    norm = normalize(raw)
    lines = _lines(norm)
    removed: list[Removed] = []
    kept: list[tuple[int, int]] = []
    meta = {"title": "", "outlet": "", "author": "", "published": ""}

    def drop(kind: str, start: int, end: int) -> None:
        removed.append(Removed(kind, start, end, quote(raw, start, end)))

    # 1. lines that are boilerplate whatever their position
    content = []
    dated_menus: set[int] = set()  # "Jane Smith · Aug 17, 2025 · 3 min read": a date line before a menu line
    in_trailer = False
    for start, end in lines:
        line = norm[start:end]
        kind = _line_kind(line, rules)
        if kind == "menu" and metadata.full_date(line):
            kind = None
            dated_menus.add(start)
        if kind == "trailer":
            in_trailer = True
        if kind is None and in_trailer and _is_label(line):
            kind = "trailer"
        if kind:
            drop(kind, start, end)
        else:
            in_trailer = False
            content.append((start, end))

    # 2. the header: masthead, headline, date line, byline, before the second long paragraph
    header_end = _header_end(norm, content)
    top_end = _header_end(norm, content, long_lines=_TOP_LONG_LINES)
    title_index = _title_index(norm, content, header_end, rules)
    order = metadata.date_order(norm, _outlet_country(norm, content))
    seen: set[str] = set()
    masthead: list[str] = []
    credits: list[str] = []
    # (preference, above the headline, line index, ISO date): a date line under the headline
    # beats one above it, which may be the day of reading in the site's top bar
    dates: list[tuple[int, bool, int, str]] = []
    for index, (start, end) in enumerate(content):
        line = norm[start:end]
        key = fold(line)
        if key in seen or (meta["title"] and key == fold(meta["title"])):
            drop("repeat", start, end)
            continue
        seen.add(key)
        if index == title_index:
            meta["title"] = _clean_title(line, rules)
            drop("headline", start, end)
            continue
        if index < header_end and metadata.is_section_label(line):
            drop("section", start, end)
            continue
        if (found := _date_line(line, order, in_header=index < header_end, at_top=index < top_end)) is not None:
            dates.append((_DATE_PREFERENCE[found[0]], index < title_index, index, found[1]))
            masthead.append(found[2])  # "June 02, 2025Clash Report": what the date line holds besides its date
            credits.extend(found[3])  # "KYODO NEWS - Aug 17, 2025"
            drop("dateline", start, end)
            continue
        if start in dated_menus:
            drop("menu", start, end)
            continue
        if (kind := _byline(line, meta, in_header=index < header_end)) is not None:
            credits.extend(metadata.credited_outlets(line))  # "By Jane Smith, CNN"
            drop(kind, start, end)
            continue
        if (index < title_index and _words(line) <= _MASTHEAD_WORDS) or (index < header_end and _name_line(line)):
            masthead.append(line)
            drop("outlet", start, end)
            continue
        if index < title_index and _is_page_furniture(line):
            masthead.append(line)  # "UNN  |  Ukrainian National News": the site's name among its links
            drop("menu", start, end)
            continue
        if index < header_end and _words(line) <= _HEADER_SHORT_WORDS:
            credits.extend(metadata.credited_outlets(line))  # "Jane Doe | Reuters", "BBC News, Istanbul"
        kept.extend(_cut_spans(norm, start, end, rules, drop))

    # 3. what the page states of itself: its date, then an agency dateline; its outlet
    story_start = [norm[s_:e_] for s_, e_ in kept[:3]]
    if dates:
        meta["published"] = min(dates)[3]
    else:
        meta["published"] = _dateline_date(norm, story_start, removed)
    first_line = norm[content[0][0] : content[0][1]] if content else ""
    meta["outlet"] = metadata.outlet(masthead, first_line, [norm[s_:e_] for s_, e_ in lines], story_start, credits)

    body_parts, segments, cursor = [], [], 0
    for start, end in kept:
        if body_parts:
            body_parts.append("\n\n")
            cursor += 2
        segments.append((cursor, start))
        body_parts.append(norm[start:end])
        cursor += end - start
    return Article(
        doc_id=doc_id,
        file=file or f"{doc_id}.txt",
        path=path or Path(file or f"{doc_id}.txt"),
        raw=raw,
        sha256=sha256 or hashlib.sha256(raw.encode("utf-8")).hexdigest(),
        body="".join(body_parts),
        segments=tuple(segments) or ((0, 0),),
        removed=tuple(sorted(removed, key=lambda r: r.start)),
        **meta,
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, leading and trailing whitespace excluded."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


def _line_kind(line: str, rules: _Rules) -> str | None:
    for kind, pattern in rules.lines:
        if pattern.fullmatch(line):
            return kind
    return None


def _is_label(line: str) -> bool:
    """A short line without sentence punctuation, such as a tag under "Tags"."""
    return len(line.split()) <= 4 and not re.search(r"[.!?]$", line)


def _words(line: str) -> int:
    return len(line.split())


def _header_end(text: str, content: list[tuple[int, int]], long_lines: int = 2) -> int:
    long_seen = 0
    for index, (start, end) in enumerate(content):
        if _words(text[start:end]) >= _LONG_LINE_WORDS:
            long_seen += 1
            if long_seen == long_lines:
                return index
    return len(content)


# A masthead or site name above the headline is this short ("Pakistan Observer", "DW.COM").
_MASTHEAD_WORDS = 4
# A bare date line still belongs to the page's head this far down: after a standfirst and a
# caption, before the story's second paragraph.
_TOP_LONG_LINES = 4
_DATE_PREFERENCE = {"published": 0, "plain": 1, "updated": 2}


def _looks_like_headline(line: str) -> bool:
    return _words(line) <= 25 and not re.search(r"[.!?:]$", line.strip()) and not find_full_date(line)


def _clean_title(line: str, rules: _Rules) -> str:
    title = line.strip()
    for pattern in rules.title_suffixes:
        title = pattern.sub("", title).strip()
    return title


def _title_index(text: str, content: list[tuple[int, int]], header_end: int, rules: _Rules) -> int:
    """Which header line is the headline: the first that looks like one and is longer than
    a masthead ("WIC News") or a section label ("World News"); else the first that looks
    like one at all."""
    header = content[: max(header_end, 1)]
    candidates = [i for i, (s, e) in enumerate(header) if _looks_like_headline(text[s:e])]
    lines = [text[s:e].strip() for s, e in header]
    titles = [fold(_clean_title(line, rules)) for line in lines]
    for i in candidates:
        # a page states its headline twice (its title and its heading); a menu line is never
        # repeated, nor are the widgets' words ("+ ↺ − 16 px", "Become a member | Log in")
        if titles.count(titles[i]) > 1 and _words(lines[i]) > _MASTHEAD_WORDS and not _is_page_furniture(lines[i]):
            return i
    for i in candidates:
        if _is_page_furniture(lines[i]):
            continue
        line = text[header[i][0] : header[i][1]]
        if _words(line) > _MASTHEAD_WORDS and not metadata.is_section_label(line):
            return i
    return candidates[0] if candidates and candidates[0] == 0 else -1


def _is_page_furniture(line: str) -> bool:
    """A menu of short links ("Become a member  |  Log in", "News · Sport · Weather") or a
    widget with hardly a word ("+ ↺ − 16 px"): no headline."""
    words = re.findall(r"[^\W\d_]{2,}", line)
    if len(words) < 3 or len(re.findall(r"[a-z][A-Z]", line)) >= 2:  # "AfricaAfrican UnionArmed Conflict": tags run together
        return True
    parts = [p for p in re.split(r"\s[|\u00b7\u2022]\s", line) if p.strip()]
    return len(parts) > 1 and all(_words(p) <= 3 for p in parts)


def _outlet_country(text: str, content: list[tuple[int, int]]) -> str:
    """The country of a known outlet the page names as its own: a masthead line among the
    first, the headline's suffix ("... | CNN"), or a copyright line at the foot."""
    for start, end in content[:8]:
        if known := metadata.known_outlet(text[start:end]):
            return known.country
    lines = [text[s:e] for s, e in content]
    if lines and (m := re.search(r"\s[|\u2013\u2014-]\s+([^|\u2013\u2014]{2,40})$", lines[0])):
        if known := metadata.known_outlet(m.group(1)):
            return known.country
    for line in reversed(lines[-8:]):
        if (holder := metadata.copyright_holder(line)) and (known := metadata.known_outlet(holder)):
            return known.country
    return ""


def _date_line(line: str, order: str, in_header: bool, at_top: bool = False) -> tuple[str, str, str, list[str]] | None:
    """(kind, ISO date, what else the line says, the outlets it credits) of a date line: in
    the header, or with a Published/Updated label anywhere, or a bare date ("17 Aug 2025 -
    10:42") near the top, after a standfirst and a caption."""
    if in_header or metadata.labelled_date_line(line):
        return metadata.date_line(line, order)
    return metadata.date_line(line, order, bare=True) if at_top else None


def _name_line(line: str) -> bool:
    """A short header line that is a name, not a sentence: "CGTN", "Reuters"."""
    line = line.strip()
    return _words(line) <= 3 and bool(
        re.fullmatch(r"[A-Z0-9][\w.&'\u2019-]*(?: [A-Z0-9&][\w.&'\u2019-]*){0,2}", line) or metadata.is_domain(line)
    )


_BYLINE = re.compile(r"(?:(?:\w+\s*/\s*)?by|written by|words by|oleh|por|par|von)[:\s]+(?P<name>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}"
                     r"(?-i:(?:\s+(?:and|&)\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})?))"  # "By A and B"
                     r"(?:\s*[,|]\s*(?P<outlet>[\w.&' ]{2,30}))?", re.I)  # "By Jane Smith, CNN"
_STAFF_LINE = re.compile(
    r"(?P<name>[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*){0,3}\s+(?:editor|editors|staff|desk|reporter|correspondent|team|newsroom))",
    re.I,
)


# "By Jane Smith, Diplomatic Correspondent", "Por / By Ana Ruiz, enviada especial": the
# writer's job, not an outlet
_JOB_OF_THE_PRESS = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|journalist|staff|contributor"
                               r"|enviad[oa]|corresponsal|periodista|redactor|redactora|envoy[ée]e?|correspondante?"
                               r"|journaliste|korrespondent|korrespondentin)s?\b", re.I)


def _byline(line: str, meta: dict, in_header: bool) -> str | None:
    """Fill the author from a byline or staff line and say "byline", or None for story text."""
    m = _BYLINE.fullmatch(line.strip(" .,")) if _words(line) <= _HEADER_SHORT_WORDS + 2 else None
    if m and (not m["outlet"] or metadata.known_outlet(m["outlet"]) or _JOB_OF_THE_PRESS.search(m["outlet"])):
        meta["author"] = meta["author"] or m["name"]
        return "byline"
    if not in_header or _words(line) > _HEADER_SHORT_WORDS:
        return None
    if m := _STAFF_LINE.fullmatch(line.strip()):
        meta["author"] = meta["author"] or m["name"]
        return "byline"
    return None


def _cut_spans(text: str, start: int, end: int, rules: _Rules, drop) -> list[tuple[int, int]]:
    """The line [start, end) less the caption credits and datelines inside it."""
    cuts = []
    line = text[start:end]
    for kind, pattern in rules.spans:
        for m in pattern.finditer(line):
            if m.end() > m.start():
                cuts.append((start + m.start(), start + m.end(), kind))
    pieces, cursor = [], start
    for c_start, c_end, kind in sorted(cuts):
        if c_start < cursor:
            continue
        drop(kind, c_start, c_end)
        pieces.append((cursor, c_start))
        cursor = c_end
    pieces.append((cursor, end))
    trimmed = []
    for p_start, p_end in pieces:
        while p_start < p_end and text[p_start].isspace():
            p_start += 1
        while p_end > p_start and text[p_end - 1].isspace():
            p_end -= 1
        if p_end > p_start:
            trimmed.append((p_start, p_end))
    return trimmed


# --- dates stated as such --------------------------------------------------------------


def find_full_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first day-month-year date stated in `text` as (ISO date, (start, end)), or None."""
    found = metadata.full_date(text)
    return (found.iso, (found.start, found.end)) if found else None


def _dateline_date(text: str, story_start: list[str], removed: list[Removed]) -> str:
    """A dateline gives the day: a caption's ("ISTANBUL, TURKEY - JUNE 2:") or an
    agency's ("WASHINGTON, Feb 28 (Reuters) -"). The year must be stated elsewhere in the
    article: with that same day, or as the one year its full dates share. Otherwise the
    date stays empty."""
    from parley.extract.dates import find_dates

    full = [m.date for m in find_dates(text, "") if m.basis == "explicit" and m.precision == "day"]

    def with_year(month: int, day: int) -> str:
        same_day = {d[:4] for d in full if d[5:] == f"{month:02d}-{day:02d}"}
        years = same_day or {d[:4] for d in full}
        return f"{years.pop()}-{month:02d}-{day:02d}" if len(years) == 1 else ""

    for piece in removed:
        if piece.kind != "dateline":
            continue
        stated = find_dates(piece.text.title(), "")  # datelines are in capitals
        if stated and stated[0].basis == "explicit" and stated[0].precision == "day":
            return stated[0].date
        if stated and stated[0].partial.startswith("--") and len(stated[0].partial) == 7:
            if found := with_year(int(stated[0].partial[2:4]), int(stated[0].partial[5:7])):
                return found
    if (found := metadata.dateline(story_start)) is not None:
        return metadata.iso_day(found[3], found[0], found[1]) if found[3] else with_year(found[0], found[1])
    return ""


def removed_table(corpus: Corpus):
    """What the reader cleaned away from each article, with offsets into the file."""
    import pandas as pd

    rows = [
        {"doc_id": a.doc_id, "kind": r.kind, "start": r.start, "end": r.end, "text": r.text}
        for a in corpus.articles
        for r in a.removed
    ]
    return pd.DataFrame(rows, columns=["doc_id", "kind", "start", "end", "text"])
