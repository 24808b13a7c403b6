"""What a news page says about itself: when it was published, and by whom.

`parley.read.corpus` hands this module the page's lines; it answers from credible patterns
only, and an empty answer beats a wrong one.

**Publication date.** A date line near the top ("Published 6:28 AM, Mar 29, 2022", "Issued
on: 10/07/2015 - 19:20", "20.07.2015 \u2013 18:02 CEST", "2/27/2023 10:41 PM", "Last
updated 2022-11-02T19:40:11Z", "Thursday, 6th December 2018", "17.08.25 10:42", "By Jane
Smith, Staff Writer Published: 17 August 2025", and what stripped markup runs together:
"August 17, 20253:42 PM GMT+3Updated 2 hours ago"), or one with a
"Published"/"Updated"/"Date" prefix anywhere; each date takes the label written before it,
and a published date beats an updated one; a date line under the headline beats one above
it (a top bar may print the day of reading). A date in another language ("17 серпня 2025",
"17 de agosto de 2025") is read by dateparser, strictly and only when the line holds a day,
a month's name and a year side by side (dateparser reads the verb "may" as a month).
Numeric dates are read day-first or month-first by the page's own evidence: a field above
12 on any numeric date of the page, a dotted date (day-first), a date the page writes out
with its month's name that only one reading gives ("03/04/2025" beside "April 3"), a
12-hour clock (month-first, as in the US), then the country of the outlet its masthead,
headline suffix or copyright line names (data/outlets.csv);
day-first otherwise, as most of the world writes. An agency dateline ("WASHINGTON, Feb 28
(Reuters) -", "MOSCOW, March 3. /TASS/.", "ISTANBUL, 9 August (AA) -") gives the day when
the page states the year elsewhere. Relative stamps ("2 hours ago") and the days of events
give none.

**Outlet.** In order of trust: a copyright line ("\u00a9 2018 WIC News"; a company holding it,
"Mediacorp Pte Ltd", is no outlet: a publisher data/publishers.csv knows gives the one of
its outlets the page names, "\u00a9 SPH Media" beside "The Straits Times"), the outlet in the
headline's suffix ("... | Africanews", or "... - Meduza" for a known outlet), a masthead
line at the top that names a known outlet or that the page names again (in a byline, a
staff line, a copyright line), the page citing itself in the present tense ("..., Trend
reports."; "X reported, citing ..." cites another outlet), an outlet-shaped masthead, a
known outlet a byline or date line credits ("By Jane Smith, CNN", "KYODO NEWS - Aug 17,
2025"), and the agency of a dateline ("(AP) \u2014", "(MENAFN- ...)") when the page names no
other publisher. Menu words and section labels ("Top Stories", "MIDDLE EAST", "EN") are
never an outlet, though a known masthead made of such words ("The National") is. Known
outlets are reported by their usual short name (data/outlets.csv: "Deutsche Welle" and
"DW.COM" are DW).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

from parley import config
from parley.text import fold

DMY, MDY = "DMY", "MDY"
_MAX_DATE_LINE_WORDS = 4  # words a date line may hold besides its date, times and labels

# "2025-08-17T10:42:00Z", "2025-08-17 10:42", "2025/08/17", "2025.08.17" (not a URL's "/2025/08/17/")
_ISO = re.compile(r"(?<![\d/])((?:19|20)\d\d)([-/.])([01]\d)\2([0-3]\d)(?![\d/])"
                  r"(?:[T ]\d\d:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?")
# "17.08.25 10:42": a dotted date with a two-digit year, read only before a clock
_SHORT_YEAR = re.compile(r"(?<![\d.,/-])([0-3]?\d)([./])([0-3]?\d)\2(\d\d)(?=\s*[,\u2013-]?\s*\d{1,2}:\d\d)")  # "17.08.25 10:42", "8/17/25 10:42 AM"
_NUMERIC = re.compile(r"(?<![\d.,/-])([0-3]?\d)([./-])([0-3]?\d)\2((?:19|20)\d\d)(?![\d])")
_MONTH_DAY_SLASH_YEAR = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+([0-3]?\d)/((?:19|20)\d\d)\b")  # "November 12/2022"
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d(?::\d\d)?\s*(?P<half>[AaPp]\.?[Mm]\.?)?(?![\d])")
_TWELVE_HOUR = re.compile(r"\b\d{1,2}[:.]\d\d\s*[AaPp]\.?[Mm]\b")
_ZONE = re.compile(r"\(?\b(?:UTC|GMT)\s*[+-]?\s*\d{0,2}(?::?\d\d)?\)?|\b[A-Z]{1,5}T\b|[+-]\d{4}\b|\bZ\b")  # "ET", "CEST"
_WEEKDAY_SHORT = {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
_PUBLISHED = re.compile(r"\b(?:published|posted|issued(?: on)?|first published|date|released)\b\s*:?", re.I)
_UPDATED = re.compile(r"\b(?:last updated|updated|modified|last modified)\b\s*:?", re.I)
_FILLER = re.compile(r"\b(?:an?|one|\d+|few)\s+(?:hour|minute|day)s?\s+ago\b|\bon\b|\bat\b|[|/\u2013\u2014,;:()\-]", re.I)

_CITY = (r"(?!(?:In|On|At|By|For|From|After|Before|Since|Until|During|Last|This|Next|Earlier|Later|But|And|Meanwhile)\b)"
         r"[A-Z\u00c0-\u00de](?:[^\W\d_]|[ .'\u2019/-]){1,40}(?:,\s*[A-Z](?:[^\W\d_]|[ .'\u2019-]){1,30})?"  # "Bogot\u00e1"
         r"(?:\s*\[[^\]\n]{2,30}\])?")  # "New Delhi [India], August 17 (ANI):"
_DATELINE_DAY = (r"(?:(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
                 r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>[A-Za-z]{3,9}))\.?"  # "ISTANBUL, 9 August (AA) -"
                 r"(?:,?\s*(?P<year>(?:19|20)\d\d))?")
# "GENEVA, Feb 9 (Reuters) -", "MOSCOW, March 3. /TASS/.", "RAMALLAH, Sunday, February 9,
# 2025 (WAFA) -", "YEREVAN, FEBRUARY 9, ARMENPRESS."
# A dateline ends in its agency, a dash, a colon or a full stop: "In Istanbul, 17 August talks"
# is a sentence. "MOSCOW. Aug 17 (Interfax) -", "Baku, August 17, AZERTAC", "Yerevan, August 17. ARMENPRESS."
_AGENCY_DATELINE = re.compile(
    rf"^{_CITY}[,.]\s*(?:(?P<weekday>[A-Za-z]{{6,9}}),\s*)?{_DATELINE_DAY}"
    r"(?:\s*(?:\((?P<agency>[^)]{2,30})\)|/(?P<agency2>[A-Za-z\u0130-]{2,20})/|(?:(?P<sep>[,.])|(?<=\.))\s*(?P<agency3>[A-Z][A-Z&-]{2,20})(?=[.\s]|$))"
    r"\s*\.?\s*[-\u2013\u2014]*|\s*[-\u2013\u2014:]|(?<=\.)|\s*\.|\s*$)"
)
# "February 9, 2025 (KHARTOUM) -": the date first, then the place in brackets
_DATE_FIRST_DATELINE = re.compile(rf"^{_DATELINE_DAY}\s*\((?P<place>[A-Z][A-Za-z .'\u2019/-]{{1,40}})\)\s*[-\u2013\u2014]")
_DATELINE_AGENCY_ONLY = re.compile(r"^(?:[A-Z\u00c0-\u00de](?:[^\W\d_]|[ .'\u2019-]){1,40}(?:,\s*[A-Z](?:[^\W\d_]|[ .'\u2019-]){1,30})?,?\s*)?"
                                   r"\((?P<agency>[A-Za-z][\w .&-]{1,30})\)\s*[-\u2013\u2014]")  # "Berlin (dpa) -": a lower-case one if known  # "ADDIS ABABA, Ethiopia (AP) —"
_DATELINE_CITY_AGENCY = re.compile(rf"^{_CITY},\s*(?P<agency>[A-Z]{{3,12}})\s*[-\u2013\u2014]")  # "Damascus, SANA-"
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}(?:\s*[-\u2013]\s*\d{4})?)?\s*(?P<name>[A-Z][\w.&' -]{1,60}?)\s*(?:[.,|]|all rights|$)", re.I)
_SELF_CITATION = re.compile(
    r"(?:[,;]\s+|^)(?P<name>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+(?:reports|has learned|has learnt|writes)\b"
    r"(?:\s*,?\s*(?P<cites>citing|per)\b|\s*\.|$)"
    r"|^(?P<learner>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s+has\s+(?:learned|learnt)\s+that\b"  # "Kestrel Times has learned that"
)
_DOMAIN = re.compile(r"\w\.(?:com|net|org|info|news|az|ua|ru|am|ge|tr|in|pk|af|ng|ke|za|et|eg|qa|ae|sa|il|ir|iq|lb|ye|co|uk|de|fr|it|es|rs|ba|mk|al|eu|tv|io)\b", re.I)
_OUTLET_WORD = re.compile(r"\b(?:News|Times|Post|Daily|Radio|Television|TV|Agency|Observer|Monitor|Standard|Tribune|Herald|"
                          r"Journal|Gazette|Press|Express|Telegraph|Chronicle|Guardian|Mirror|Star|Voice|Review|Insider|"
                          r"Report|Reports|Wire|Media|Broadcasting|Independent|Pravda|Gazeta|Week|Weekly|Today|24)\b")
_TITLE_SUFFIX = re.compile(r"\s[|\u2013\u2014]\s+(?P<name>[A-Z][\w.&' -]{1,40})$")
_TITLE_SUFFIX_HYPHEN = re.compile(r"\s-\s+(?P<name>[\w.&'/ ]{2,40})$")  # "... - Meduza": a known outlet only
_TITLE_SUFFIX_TAGLINE = re.compile(r"\s[-|\u2013\u2014]\s+(?P<name>[\w.&' -]{2,40}?):\s+[^:|]{3,80}$")
_NAME_SHAPE = re.compile(r"[A-Z0-9][\w.&'\u2019/-]*(?:\s+(?:of|the|and|&|[A-Z0-9][\w.&'\u2019/-]*)){0,5}|[a-z][\w-]*(?:\.[\w-]+)+")


# --- knowledge ---------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    name: str
    country: str
    kind: str


@functools.lru_cache(maxsize=1)
def _outlet_rows() -> tuple[tuple[Outlet, tuple[str, ...]], ...]:
    """Each known outlet of data/outlets.csv with every name it goes by."""
    with config.data_file("outlets.csv").open(encoding="utf-8", newline="") as handle:
        return tuple((Outlet(row["name"], row["country"], row["kind"]),
                      tuple(a for a in [row["name"], *row["aliases"].split("|")] if a.strip()))
                     for row in csv.DictReader(handle))


@functools.lru_cache(maxsize=1)
def _outlets() -> dict[str, Outlet]:
    """Every alias of a known outlet, folded and without spaces or dots -> the outlet."""
    found: dict[str, Outlet] = {}
    for outlet, aliases in _outlet_rows():
        for alias in aliases:
            found.setdefault(_key(alias), outlet)
    return found


@functools.lru_cache(maxsize=1)
def _publishers() -> dict[str, tuple[str, ...]]:
    """Every name of a company that publishes outlets, keyed like `_outlets` -> the outlets
    it publishes (data/publishers.csv): "Mediacorp" -> CNA, "SPH Media" -> The Straits Times."""
    found: dict[str, tuple[str, ...]] = {}
    with config.data_file("publishers.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            titles = tuple(t for t in row["outlets"].split("|") if t)
            for alias in [row["publisher"], *row["aliases"].split("|")]:
                if alias.strip():
                    found.setdefault(_key(alias), titles)
    return found


@functools.lru_cache(maxsize=1)
def _outlet_aliases() -> dict[str, tuple[str, ...]]:
    """A known outlet's name -> every name it goes by."""
    return {outlet.name: aliases for outlet, aliases in _outlet_rows()}


def published_by(name: str) -> tuple[str, ...]:
    """The outlets a publishing company of that name publishes; () for any other name
    (an outlet's own name is the outlet, not its publisher)."""
    if known_outlet(name):
        return ()
    key = _key(name)
    return _publishers().get(key) or _publishers().get(re.sub(r"^the", "", key), ())


@functools.lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    import yaml

    data = yaml.safe_load(config.data_file("boilerplate.yml").read_text(encoding="utf-8"))
    return frozenset(fold(w) for w in data["section_words"])


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", "", fold(name))


def known_outlet(name: str) -> Outlet | None:
    key = _key(name)
    return _outlets().get(key) or _outlets().get(re.sub(r"^the", "", key))


def _masthead_of_menu_words(line: str) -> bool:
    """"The National", "Daily Nation": a known outlet whose name is made of menu words, as
    its masthead writes it (with its "The" or "Daily"); "NATIONAL" alone stays a section."""
    return bool(re.match(r"(?:the|daily)\s+\w", line.strip(), re.I)) and known_outlet(line) is not None


def is_section_label(line: str) -> bool:
    """"MIDDLE EAST", "Top Stories", "World News", "EN", "AFGHANISTAN": menu and section
    words only, or a country or region alone."""
    from parley.knowledge.gazetteer import is_place
    from parley.knowledge.sides import party_of

    if re.search(r"\d", line) or _masthead_of_menu_words(line):
        return False
    words = re.findall(r"[^\W\d_]+", fold(line))
    if words and all(w in _section_words() for w in words):
        return True
    name = line.strip(" :|")
    if known_outlet(name):
        return False  # "Xinhua" is also a town
    return len(words) <= 3 and bool(name) and (is_place(name) or bool(party_of(name)))


# --- dates ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int


def date_order(text: str, country: str = "") -> str:
    """DMY or MDY for the page's numeric dates (see the module's docstring)."""
    numeric = list(_NUMERIC.finditer(text))
    for m in numeric:
        first, second = int(m.group(1)), int(m.group(3))
        if first > 12 >= second:
            return DMY
        if second > 12 >= first:
            return MDY
    for m in numeric:
        if m.group(2) == ".":
            return DMY
    if written := _order_of_written_dates(text, numeric):
        return written
    for m in numeric:
        line = text[m.start() : text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)]
        if _TWELVE_HOUR.search(line):
            return MDY
    return MDY if country == "USA" else DMY


_WRITTEN_DAY = re.compile(r"\b(?:(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>(?:19|20)\d\d))?"
                          r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>[A-Z][a-z]{2,8})\b\.?(?:,?\s+(?P<year2>(?:19|20)\d\d))?)")


def _order_of_written_dates(text: str, numeric: list[re.Match]) -> str:
    """DMY or MDY when the page writes out, with the month's name, the day that one reading
    of its ambiguous numeric date gives and not the other ("03/04/2025" beside "April 3").
    `numeric`: the page's matches of `_NUMERIC`."""
    if not numeric:  # no numeric date, no vote: the written dates need not be looked for
        return ""
    written: set[tuple[int, int, int]] = set()
    for m in _WRITTEN_DAY.finditer(text):
        month = _month_number(m["month"] or m["month2"])
        if month and 1 <= int(m["day"] or m["day2"]) <= 31:
            written.add((month, int(m["day"] or m["day2"]), int(m["year"] or m["year2"] or 0)))
    votes = set()
    for m in numeric:
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if a == b or a > 12 or b > 12:
            continue
        as_mdy = (a, b, year) in written or (a, b, 0) in written
        as_dmy = (b, a, year) in written or (b, a, 0) in written
        if as_mdy != as_dmy:
            votes.add(MDY if as_mdy else DMY)
    return votes.pop() if len(votes) == 1 else ""


def full_date(line: str, order: str = DMY) -> FoundDate | None:
    """The first complete date (day, month and year) stated in `line`, any format."""
    found = full_dates(line, order)
    return found[0] if found else None


def full_dates(line: str, order: str = DMY) -> list[FoundDate]:
    """Every complete date stated in `line`, in line order, none overlapping another."""
    from parley.extract.dates import find_dates

    found: list[FoundDate] = []
    for mention in find_dates(_title_case_months(line), ""):
        if mention.basis == "explicit" and mention.precision == "day":
            found.append(FoundDate(mention.date, mention.start, mention.end))
    for m in _ISO.finditer(line):
        if iso := iso_day(int(m.group(1)), int(m.group(3)), int(m.group(4))):
            found.append(FoundDate(iso, m.start(), m.end()))
    for m in _SHORT_YEAR.finditer(line):
        a, b = int(m.group(1)), int(m.group(3))
        day, month = (a, b) if order == DMY or m.group(2) == "." else (b, a)
        if month > 12:
            day, month = month, day
        if iso := iso_day(2000 + int(m.group(4)), month, day):
            found.append(FoundDate(iso, m.start(), m.end()))
    for m in _NUMERIC.finditer(line):
        a, b, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (a, b) if order == DMY else (b, a)
        if month > 12:
            day, month = month, day
        if iso := iso_day(year, month, day):
            found.append(FoundDate(iso, m.start(), m.end()))
    for m in _MONTH_DAY_SLASH_YEAR.finditer(line):
        month = _month_number(m.group(1))
        if month and (iso := iso_day(int(m.group(3)), month, int(m.group(2)))):
            found.append(FoundDate(iso, m.start(), m.end()))
    kept: list[FoundDate] = []
    for f in sorted(found, key=lambda f: (f.start, -f.end)):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def labelled_date_line(line: str) -> bool:
    """A short line with a "Published"/"Updated"/"Date" label, wherever it stands."""
    return len(line.split()) <= 12 and bool(_PUBLISHED.search(line) or _UPDATED.search(line))


def date_line_kind(line: str, found: FoundDate) -> str:
    """"published", "updated" or "plain" if `line` is a date line (its date, times, zones,
    weekdays, labels and a short byline at most), else ""."""
    rest = line[: found.start] + " " + line[found.end :]
    kind = "updated" if _UPDATED.search(rest) else ("published" if _PUBLISHED.search(rest) else "plain")
    return kind if _short_rest(rest) else ""


_GLUED_CLOCK = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:[01]?\d|2[0-3]):[0-5]\d)(?!\d)")  # "August 17, 20253:42 PM"
_GLUED_WORD = re.compile(r"(?<=\d)(?=[A-Z][a-z]{2,})")  # "10:42Modified:", "GMT+3Updated", "08/17/2025August 17"
_BYLINE_START = re.compile(r"^\s*(?:(?:Written|Posted|Words)\s+)?[Bb]y\s+[A-Z][\w'\u2019./-]*(?:(?:\s+|\s*,\s*)(?:and\s+|&\s+)?[A-Z][\w'\u2019./-]*){0,5}")
_LABEL_PREFERENCE = {"published": 0, "plain": 1, "updated": 2}


def unglue(line: str) -> str:
    """A date line as pages run it together once their markup is stripped: "August 17,
    20253:42 PM GMT+3Updated 2 hours ago" -> "August 17, 2025 3:42 PM GMT+3 Updated 2 hours ago"."""
    return _GLUED_WORD.sub(" ", _GLUED_CLOCK.sub(r"\1 \2", line))


def date_line(line: str, order: str = DMY, bare: bool = False) -> tuple[str, str, str, list[str]] | None:
    """(kind, ISO date, what the line says after its dates, the outlets it credits before
    them: see `credited_outlets`) if `line` is a date line: its
    dates, times, zones, weekdays, labels and a short byline ("By Jane Smith, Staff Writer")
    at most. Each date takes the label written before it ("Updated 18 Aug 2025 | Published
    17 Aug 2025"); the published one wins, then an unlabelled one, then the updated one.
    `bare`: no words besides those (and a byline's) at all: "17 Aug 2025 - 10:42"."""
    line = unglue(line)
    found = full_dates(line, order) or _foreign_dates(line, order)
    if not found or re.match(r"\s*today\b", line, re.I):  # "Today: Wednesday, December 2, 2026": the day of reading
        return None
    rest, cursor, kinds = "", 0, []
    for f in found:
        before = line[cursor : f.start]
        kinds.append("updated" if _UPDATED.search(before) else ("published" if _PUBLISHED.search(before) else "plain"))
        rest += before + " "
        cursor = f.end
    rest += line[cursor:]
    if not _short_rest(_BYLINE_START.sub(" ", rest), 0 if bare else _MAX_DATE_LINE_WORDS):
        return None
    best = min(range(len(found)), key=lambda i: (_LABEL_PREFERENCE[kinds[i]], i))
    after = re.sub(r"\b\d{1,2}[:.]\d{2}\b.*", "", line[found[-1].end :]).strip(" ,|\u2013\u2014-")
    return kinds[best], found[best].iso, after, credited_outlets(line[: found[0].start])


def credited_outlets(text: str) -> list[str]:
    """The known outlets and site addresses a byline or date line credits: "By Jane Smith,
    CNN", "Reuters | Dawn.com Published ...", "KYODO NEWS - Aug 17, 2025", "Ahram Online ,
    Sunday 17 Aug 2025". A site's address first: it names the page's own site."""
    text = _UPDATED.sub(" ", _PUBLISHED.sub(" ", text))
    found = []
    pieces = re.split(r"\s[-\u2013\u2014/]\s|[|,;\u2022\u00b7]|\s{2,}", text)
    with_agencies = any(_AGENCIES_PIECE.fullmatch(p.strip()) for p in pieces)  # "Agencies | Kestrel Times"
    for piece in pieces:
        piece = re.sub(r"^\s*source\s*:\s*", "", piece, flags=re.I)  # "Source: Xinhua| 2025-08-17 10:42:00|Editor: Liu"
        staffed = bool(_STAFF.search(piece.strip()))
        piece = _clean(_STAFF.sub("", piece.strip()))
        byline = re.match(r"(?:written\s+)?by\s+", piece, re.I)
        piece = piece[byline.end() :] if byline else piece
        if piece and (known_outlet(piece) or is_domain(piece)):
            found.append(piece)
        elif byline and (tail := _known_tail(piece)):  # "By JANE DOE Associated Press"
            found.append(tail)
        elif piece and (staffed or with_agencies) and _outlet_shaped(piece) and not _AGENCIES_PIECE.search(piece):
            found.append(piece)
    return sorted(found, key=lambda p: not is_domain(p))


# What follows an outlet's name on a staff line: "Al Jazeera Staff", "Al Jazeera and news agencies"
_AGENCIES_PIECE = re.compile(r"(?:news\s+)?agencies|(?:with\s+)?agency\s+reports?|wire\s+services|wires", re.I)
_STAFF = re.compile(r"\s+(?:staff\s+)?(?:and|with|&)\s+(?:news\s+)?(?:agencies|wires|wire\s+services)$|\s+(?:staff|staff\s+writers?|staff\s+reporters?|news\s+desk|desk|newsroom|team|"
                    r"correspondent|reporter)$", re.I)


def _known_tail(words: str) -> str:
    """The known outlet a byline ends with, written with capitals: "JANE DOE Associated Press"."""
    split = words.split()
    for i in range(1, len(split)):
        tail = " ".join(split[i:])
        if tail[0].isupper() and known_outlet(tail):
            return tail
    return ""


# A date written in another language ("17 серпня 2025", "17 de agosto de 2025", "2025年8月17日"):
# a day, a month's name, a year, and nothing else, handed to dateparser (strictly: it must
# find the day, month and year; it reads the verb "may" as a month, so it never sees prose).
_FOREIGN_DATE = re.compile(
    r"(?<![\w.])(?:(?P<day>[0-3]?\d)\.?\s+(?:de\s+)?(?P<month>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(?P<year>(?:19|20)\d\d)"
    r"|(?P<cjk>(?:19|20)\d\d\s*年\s*[01]?\d\s*月\s*[0-3]?\d\s*日))(?!\d)"
)
_DATEPARSER_LANGUAGES = ["fr", "es", "pt", "de", "it", "nl", "ru", "uk", "pl", "tr", "ar", "fa", "he", "zh", "ja", "ko",
                         "sr", "hr", "bs", "sq", "hy", "az", "ka", "ro", "bg", "el", "id", "sw", "am"]


def _foreign_dates(line: str, order: str) -> list[FoundDate]:
    m = _FOREIGN_DATE.search(line)
    if m is None:
        return []
    import dateparser

    settings = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": order}
    parsed = dateparser.parse(m.group(0), languages=_DATEPARSER_LANGUAGES, settings=settings)
    if parsed is None or str(parsed.year) not in m.group(0):
        return []
    return [FoundDate(parsed.date().isoformat(), m.start(), m.end())]


def _short_rest(rest: str, most: int = _MAX_DATE_LINE_WORDS) -> bool:
    for pattern in (_UPDATED, _PUBLISHED, _CLOCK, _ZONE, _FILLER):
        rest = pattern.sub(" ", rest)
    from parley.extract.dates import _table

    weekdays = {w.lower() for w in _table().weekdays} | _WEEKDAY_SHORT
    words = [w for w in re.findall(r"[^\W\d_]+", rest) if w.lower() not in weekdays and w.lower() not in {"am", "pm"}]
    return len(words) <= most


def _title_case_months(line: str) -> str:
    """"FEBRUARY 28, 2020" -> "February 28, 2020": month names in capitals, as mastheads print them."""
    return re.sub(r"\b[A-Z]{3,9}\b", lambda m: m.group(0).title() if _month_number(m.group(0)) else m.group(0), line)


def _month_number(name: str) -> int:
    from parley.extract.dates import _table

    t = _table()
    name = name.strip(".").title()
    return t.months.get(name) or t.abbreviations.get(name) or 0


def iso_day(year: int, month: int, day: int) -> str:
    import datetime as dt

    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return ""


def dateline(first_lines: list[str]) -> tuple[int, int, str, int] | None:
    """(month, day, agency, year or 0) of a dateline opening one of the story's first lines."""
    from parley.extract.dates import _table

    weekdays = {w.lower() for w in _table().weekdays}
    for line in first_lines:
        m = _AGENCY_DATELINE.match(line) or _DATE_FIRST_DATELINE.match(line)
        if m is None or ("weekday" in m.groupdict() and m["weekday"] and m["weekday"].lower() not in weekdays):
            continue
        groups = m.groupdict()
        if groups.get("agency3") and not (known_outlet(m["agency3"]) or line[m.end("agency3") : m.end("agency3") + 1] == "."):
            if m["sep"] == ",":
                continue  # "MOSCOW, Aug 17, NATO said"
            groups["agency3"] = None  # "MOSCOW, Aug 17. NATO said": a dateline, without an agency
        if groups.get("place") and known_outlet(m["place"]):
            groups["agency"] = m["place"]  # "Aug 17 (Reuters) -"
        month, day = _month_number(m["month"] or m["month2"]), int(m["day"] or m["day2"])
        if month and 1 <= day <= 31:
            agency = next((groups[g] for g in ("agency", "agency2", "agency3") if groups.get(g)), "")
            return month, day, agency.strip(), int(m["year"] or 0)
    return None


# "HAVANA —", "PUTRAJAYA:", "MUSCAT (AFP) —", "NEW DELHI/ISLAMABAD -": a place in capitals
# opening a paragraph, then a dash or a colon
_CAPITALS_DATELINE = re.compile(r"^(?P<place>[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\u2019-]{2,}(?:[ /][A-Z\u00c0-\u00de][A-Z\u00c0-\u00de.'\u2019-]+)*)"
                                r"(?:,\s*[A-Z][a-z]+)?\s*(?:\([^)\n]{2,30}\))?\s*[-\u2013\u2014:]\s+")


def dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) of each dateline opening a paragraph of `text` ("DOHA, July 19
    (Reuters) - ", "HAVANA — "): where a story was filed, not something it tells."""
    return _dateline_spans(text)


def in_dateline(text: str, offset: int) -> bool:
    """Whether `offset` of `text` falls in a dateline opening one of its paragraphs."""
    return any(start <= offset < end for start, end in _dateline_spans(text))


@functools.lru_cache(maxsize=32)
def _dateline_spans(text: str) -> tuple[tuple[int, int], ...]:
    spans = []
    for m in re.finditer(r"(?:^|\n\n)(?=\S)", text):
        start = m.end()
        line = text[start:start + 160].split("\n", 1)[0]
        found = (_AGENCY_DATELINE.match(line) or _DATE_FIRST_DATELINE.match(line) or _DATELINE_AGENCY_ONLY.match(line)
                 or _capitals_dateline(line))
        if found is None or found.end() >= len(line):
            continue
        if found.re is _AGENCY_DATELINE and dateline([line]) is None:
            continue  # "MOSCOW, Aug 17, NATO said": a sentence
        spans.append((start, start + found.end()))
    return tuple(spans)


def _capitals_dateline(line: str):
    """"HAVANA — ": a match of `_CAPITALS_DATELINE` whose capitals name places ("NATO:" does not)."""
    from parley.knowledge.gazetteer import is_place

    m = _CAPITALS_DATELINE.match(line)
    if m is None or not all(len(p) > 2 and is_place(p.title()) for p in m["place"].split("/")):
        return None
    return m


def dateline_agency(first_lines: list[str]) -> str:
    """The agency of a dateline with or without a date: "(Reuters) -", "/TASS/", "(AP) —"."""
    if found := dateline(first_lines):
        if found[2]:
            return found[2]
    for line in first_lines:
        if (m := _DATELINE_AGENCY_ONLY.match(line)) and (known_outlet(m["agency"]) or (
                m["agency"][0].isupper() and not is_section_label(m["agency"]))):  # "GENEVA (Switzerland) -" names a place
            return m["agency"]
        if (m := re.match(r"^[A-Z][^\W\d_]*(?:[ .'\u2019-]+[^\W\d_]+){0,3},?\s*\((?P<agency>[^)]{2,30})\)\s*:", line)) \
                and known_outlet(m["agency"]):
            return m["agency"]  # "KABUL (Pajhwok): ...": a colon, after a known agency only
        if (m := _DATELINE_CITY_AGENCY.match(line)) and known_outlet(m["agency"]):
            return m["agency"]
        if m := re.match(r"^\((?P<agency>[A-Z][\w.&-]{1,20})\)\s", line):  # "(MENAFN) Mohammed bin ..."
            return m["agency"]
        if m := re.match(r"^\((?P<agency>[A-Z][\w.&]{1,20})\s*-\s*[^)]{2,60}\)\s", line):  # "(MENAFN- Trend News Agency)"
            return m["agency"]
    return ""


# --- outlet --------------------------------------------------------------------------


def outlet(masthead: list[str], title_line: str, lines: list[str], story_start: list[str], credits: list[str] = ()) -> str:
    """The outlet whose page this is, or "" (see the module's docstring). `masthead`: the
    short name lines of the header, in page order (above or under the headline, or what
    a date line holds besides its date); `title_line`: the headline as written; `lines`:
    every line of the page; `story_start`: the story's first lines (for a dateline);
    `credits`: the known outlets a byline or date line credits ("By Jane Smith, CNN"),
    taken, like a dateline's agency, when the page names no other publisher."""
    for line in reversed(lines):  # a copyright line sits at the foot
        if name := copyright_holder(line):
            if titles := published_by(name):
                # "© 2018 Mediacorp": the company, not the outlet; its outlet the page names
                # is, and else whatever else the page shows decides
                if len(named := [t for t in titles if _names_outlet(t, lines)]) == 1:
                    return named[0]
                break
            return _canonical(name)
    if (m := _TITLE_SUFFIX.search(title_line)) and not is_section_label(m["name"]):
        return _canonical(_without_section_tail(m["name"]))
    if (m := _TITLE_SUFFIX_HYPHEN.search(title_line)) and (known_outlet(m["name"]) or _outlet_shaped(m["name"])):
        return _canonical(m["name"])
    if (m := _TITLE_SUFFIX_TAGLINE.search(title_line)) and known_outlet(m["name"]):
        return _canonical(m["name"])  # "... - Al-Monitor: Independent, trusted coverage of the Middle East"
    names = [n for n in (_clean(_STAFF.sub("", _without_tagline(line))) for line in masthead)
             if n and not is_section_label(n) and (_NAME_SHAPE.fullmatch(n) or known_outlet(n))]  # "euronews"
    for name in names:
        if known_outlet(name) or _named_again(name, lines, title_line):
            return _canonical(name)
    for line in lines:
        if m := _SELF_CITATION.search(line):
            name = m["name"] or m["learner"]
            if m["learner"] and is_section_label(name):
                continue  # "Ukraine has learned that ...": a party, not a page citing itself
            if m["cites"] or known_outlet(name) or _named_again(name, lines, title_line) or _DOMAIN.search(name) \
                    or _outlet_shaped(name):  # "Kestrel Times has learned that ..."
                return _canonical(name)
    for name in names:
        if _DOMAIN.search(name) or _OUTLET_WORD.search(_title_if_upper(name)):
            return _canonical(name)
    if credits:
        return _canonical(credits[0])
    if name := _named_source(lines):
        return _canonical(name)
    agency = dateline_agency(story_start)
    return _canonical(agency) if agency else ""


def _names_outlet(outlet_name: str, lines: list[str]) -> bool:
    """Whether the page names the known outlet anywhere, by any of its names, as a whole name
    written as the name is ("The Age", not "the age of 18")."""
    for alias in _outlet_aliases().get(outlet_name, (outlet_name,)):
        pattern = re.compile(r"(?<![\w.])" + re.escape(alias) + r"(?![\w])")
        if any(pattern.search(line) for line in lines):
            return True
    return False


def _title_if_upper(name: str) -> str:
    """"KESTREL TIMES" -> "Kestrel Times": a masthead in capitals, for the outlet words."""
    return name.title() if name.isupper() else name


def _outlet_shaped(name: str) -> bool:
    """"Kestrel Times", "Riverside Daily News": a name ending a headline after a hyphen
    that says it is a news outlet (not "What We Know", "Live Updates", "Analysis")."""
    name = name.strip()
    return (bool(_NAME_SHAPE.fullmatch(name)) and not is_section_label(name)
            and bool(re.search(_OUTLET_WORD.pattern + r"\s*$", _title_if_upper(name))))


def _without_tagline(line: str) -> str:
    """"Kestrel Times | Breaking News, World News" -> "Kestrel Times": a masthead followed by
    section words only."""
    pieces = [p.strip() for p in re.split(r"\s[|\u2013\u2014-]\s", line)]
    if len(pieces) > 1 and all(is_section_label(p) for p in re.split(r"[,|\u2013\u2014-]", " | ".join(pieces[1:])) if p.strip()) \
            and not is_section_label(pieces[0]):
        return pieces[0]
    return line


def _without_section_tail(name: str) -> str:
    """"CNN Politics" -> "CNN": a known outlet followed by section words in a headline's suffix."""
    words = name.split()
    for end in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:end]), " ".join(words[end:])
        if known_outlet(head) and not known_outlet(name) and is_section_label(tail):
            return head
    return name


# "This article was originally published by The Conversation", "This story first appeared on
# Eurasianet", "This article is republished from X under a Creative Commons license"
_FIRST_PUBLISHED = re.compile(
    r"^\W*(?i:(?:(?:this|the)\s+(?:article|story|piece|report|post|interview|column|op-ed|commentary|analysis)\s+)?"
    r"(?:was\s+|is\s+|has\s+been\s+)?(?:(?:originally|first)\s+(?:published|appeared|ran|posted)|republished))\s+"
    r"(?i:by|in|on|at|from)\s+(?P<name>(?:the\s+)?[A-Z][\w.&'\u2019/-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?[A-Z][\w.&'\u2019/-]*){0,4}"
    r"|[a-z][\w-]*(?:\.[\w-]+)+)")
# What a page says of itself at its foot: "Follow The EastAfrican on Twitter for ...", "This
# article appeared in the South China Morning Post print edition as: ..."
_OUTLET_NAME = r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w.&'\u2019/-]*(?:\s+(?:of\s+|the\s+|and\s+|&\s+)?[A-Z][\w.&'\u2019/-]*){0,4})"
_SELF_PROMOTION = (
    re.compile(r"^\W*(?i:follow)\s+" + _OUTLET_NAME + r"\s+(?i:on)\s+(?:Twitter|X|Facebook|Instagram|Telegram|"
               r"WhatsApp|LinkedIn|YouTube|Google News|Threads|TikTok|Bluesky)\b"),
    re.compile(r"\b(?i:appeared\s+in\s+(?:the\s+)?)" + _OUTLET_NAME + r"\s+(?i:print\s+edition)\b"),
)
_URL_LINE = re.compile(r"^\s*(?:https?://)?(?:www\.)?(?P<host>[\w-]+(?:\.[\w-]+)+)(?:/\S*)?\s*$", re.I)


def _named_source(lines: list[str]) -> str:
    """The publisher a page credits in a line of its own, when it names no other: a "first
    published by" line, a line asking readers to follow it ("Follow The EastAfrican on
    Twitter") or naming its print edition, or the page's address alone on a line at its top or foot
    ("https://www.dawn.com/news/..."). A "Source:" line alone names where the facts came
    from ("Source: Suspilne, with a reporter on site"), not the publisher."""
    for line in lines:
        found = _FIRST_PUBLISHED.match(line) or next((m for p in _SELF_PROMOTION if (m := p.search(line))), None)
        if found:
            name = found["name"].strip(" .")
            if known_outlet(name) or is_domain(name) or _OUTLET_WORD.search(name):
                return name
    ends = [line for line in lines if line.strip()]
    for line in ends[:2] + ends[-2:]:
        if (m := _URL_LINE.match(line)) and ("/" in line or line.strip().lower().startswith(("http", "www."))):
            host = m["host"].lower()
            for candidate in (host, ".".join(host.split(".")[-3:]), ".".join(host.split(".")[-2:])):
                if known := known_outlet(candidate):
                    return known.name
    return ""


def _named_again(name: str, lines: list[str], title_line: str) -> bool:
    """The page names `name` twice outside its headline ("Pakistan Observer" atop the page
    and in a staff line), as a whole name: not "Follow" within "follows", and not a word the
    page also writes in lower case ("Ceasefire" above a story about a ceasefire)."""
    words = re.findall(r"\w+", name)
    pattern = re.compile(r"(?<![\w.])" + r"[\W_]*".join(map(re.escape, words)) + r"(?!\w)", re.I)  # "Clash Report" == "ClashReport"
    text = "\n".join(line for line in lines if line != title_line or _key(line) == _key(name))  # the first line may be the masthead
    if not words:
        return False
    if len(name.split()) == 1 and name.lower() != name and re.search(rf"(?<![\w.]){re.escape(name.lower())}(?![\w])", text):
        return False
    return len(pattern.findall(text)) > 1


_RIGHTS = re.compile(r"\ball rights reserved\b.*|\bcopyright\b|\b(?:19|20)\d\d\b|[\u2013-]\s*$", re.I)


def copyright_holder(line: str) -> str:
    """The holder a copyright line names: "© 2018 WIC News. All rights reserved.", "Ariana
    News © All rights reserved", "All rights reserved © UNN 2025", "© Tanjug 2023." A
    caption's credit ("... in Vienna. © AFP") is no copyright line."""
    m = re.search(r"©|\(c\)|\bcopyright\b", line, re.I)
    if m is None or len(re.findall(r"\w+", line[: m.start()])) > 6:  # words, not the bars of a menu
        return ""
    if len(line[: m.start()].split()) >= 3 and re.search(r"[.!?]\s*$", line[: m.start()]):
        return ""  # "Diplomats at the talks. \u00a9 Photo Agency": a caption's credit
    for after, chunk in ((True, line[m.end() :]), (False, line[: m.start()])):
        chunk = re.sub(r"©|\(c\)", " ", chunk, flags=re.I)
        pieces = re.split(r"[|.;]\s|\.$", _RIGHTS.sub(" ", chunk).strip())
        chunk = pieces[0] if after else pieces[-1]  # "About Us | Contact | Kestrel Times \u00a9 2025"
        name = _clean(_RIGHTS.sub(" ", chunk))
        if name and _CORPORATE.search(name):  # "Mediacorp Pte Ltd": the owner, not the outlet
            name = _CORPORATE.sub("", name)
            return name if known_outlet(name) or published_by(name) else ""
        if name and _NAME_SHAPE.fullmatch(name) and not is_section_label(name):
            return name
    return ""


_CORPORATE = re.compile(r"[,\s]+(?:Pte|Pvt|Private|Trust|Ltd|Limited|Inc|LLC|L\.L\.C|Corp|Corporation|Co|Company|Group|plc|PLC|S\.A|GmbH|AG|B\.V|Holdings?)\b.*$")


def is_domain(text: str) -> bool:
    """"news.online.ua", "DW.COM": a site's address standing for its name."""
    return bool(re.fullmatch(r"[\w-]+(?:\.[\w-]+)*", text.strip())) and bool(_DOMAIN.search(text))


def _clean(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" .,|-\u2013\u2014")
    return name if 1 <= len(name.split()) <= 5 else ""


def _canonical(name: str) -> str:
    known = known_outlet(name)
    if known:
        return known.name
    return name.title() if name.isupper() and len(name) > 4 else name


