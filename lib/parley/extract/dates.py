"""Dates in news text, normalised against the article's publication date.

`find_dates(text, published)` finds every temporal expression that names a point in
time and says which date it is, with a precision (`year`, `month`, `day`) and the
`basis` of the reading:

- `explicit`: the text states the date in full ("March 3, 2024", "October 2023", "in 2008").
- `published`: read against the publication date: weekdays ("on Monday"), relative
  phrases ("yesterday", "last month"), and yearless dates ("March 9", "mid-March") which
  take the year that puts them no more than two months after publication (the latest
  such date: an article mostly reports what has happened, sometimes what is planned);
  "in March last year", "on May 3 this year" take the year the phrase names. A range of
  days ("March 3-5", "between 10 and 12 July") is dated by its first day.
- `article`: in an article with no publication date, read against the latest full date
  the article itself states: a yearless date takes its year ("on March 3, 2024 ... on
  March 9"), a weekday or "last month" is counted from it.
- `previous`: relative to the date mentioned just before ("earlier the same day", "the
  evening before"); a day of the month alone ("collapsed on the 15th") takes that date's
  month (with no date before it, the publication month). A count ("three days later", "a
  week earlier") counts from the date told just before, when that is a day; with none it
  is a duration, not a date, and after "about", "some", "over" it is vague.
- A month in a clause that looks ahead ("elections are expected in October") is the first
  such month from the publication month on. "By the end of the year", "this spring": the
  publication year (month). Numeric dates ("30.05.2025", "03/06/2025") are read when the
  caller says in which order the article writes them (`day_first`).
- `unresolved`: nothing in the article places it. Relative expressions in an article
  without a publication date stay here: nothing is guessed. A yearless month-day or
  month is marked `needs_year` (with `partial`, "--05-24" or "--05") so that the
  corpus step (`parley.across.timeline.resolve_years`) can place it.
- `vague`: a stretch longer than a day that no single date stands for ("this week",
  "over the weekend"): found so that a report can list it, never resolved.

Not dates: durations and ages ("30-day", "four hours", "three years", "under 18",
"for months"), the verb "may", times of day ("1:00 pm"), ordinals ("the second day").
Nothing matches them because every pattern needs a month name, a weekday, a year in
its place or a phrase from the table; lower-case "may" is never a month.

The words (month names, cue words, relative phrases, exclusions) are data:
`data/time_expressions.yml`.

Why not dateparser: tested in tests/test_dates.py, `dateparser.search.search_dates`
reads the verb "may" as a month, "four hours on Monday afternoon" as a date in
April, "a March 3 meeting" as 1 March 2003, "one week" and "three years of" as dates,
puts "on Monday" a week before a Monday publication date when told to prefer the
past (and "on Sunday" after a Saturday one when not), finds no "mid-May" or
"post-2008", and gives every date a day even where the text names only a month.
`dateparser_baseline` keeps it as the off-the-shelf baseline for the evaluation.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace

from parley import config

# A yearless date is read as the latest such date at most this far after publication.
FUTURE_WINDOW_DAYS = 61
FUTURE_WINDOW_MONTHS = 2
# How far back (in words, within the sentence) a future-tense cue governs a weekday.
FUTURE_CUE_WORDS = 18
# An undated article is told from its first full date (True) or its latest (False).
ANCHOR_BY_FIRST_DATE = True
# A month and day looks ahead only after a cue this close ("will meet on May 9"): a
# "will" earlier in the sentence governs another clause ("will be the first since Feb. 28").
DATE_FUTURE_CUE_WORDS = 5

_GAP = r"[^\S\n]+"  # spaces but never a line break: an expression stays in its paragraph
# A date ends at a word boundary, or where page furniture is glued to its digits ("June 02, 2025Clash Report").
_END = r"(?:(?!\w)|(?<=\d)(?=[A-Z][a-z]))"
_ORD = r"(?:st|nd|rd|th)?"


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets into the text given to find_dates
    end: int
    text: str
    date: str  # ISO prefix YYYY, YYYY-MM or YYYY-MM-DD; "" when unresolved
    precision: str  # year | month | day ("" for vague stretches)
    resolved: bool
    basis: str  # explicit | published | article | previous | unresolved | vague
    needs_year: bool = False
    partial: str = ""  # yearless date as ISO "--MM-DD" or "--MM" when needs_year
    kind: str = ""  # which pattern: full, month_day, month_year, month, year, weekday, relative, ...
    deadline: bool = False  # "by March 10", "until Monday": a limit, not when something happened


# --- the table --------------------------------------------------------------------


@dataclass(frozen=True)
class _Table:
    months: dict[str, int]
    abbreviations: dict[str, int]
    weekdays: dict[str, int]
    data: dict


@functools.lru_cache(maxsize=None)
def _table() -> _Table:
    data = config.data_yaml("time_expressions.yml")
    months = {}
    for name, number in data["months"].items():
        months[name] = months[name.upper()] = number
    abbreviations = {}
    for name, number in data["month_abbreviations"].items():
        abbreviations[name] = abbreviations[name.upper()] = number
    weekdays = {}
    for name, number in data["weekdays"].items():
        weekdays[name] = weekdays[name.upper()] = number
    return _Table(months, abbreviations, weekdays, data)


def _alternation(words, case_insensitive: bool = False) -> str:
    """A regex alternation of `words`, longest first so that the longest phrase wins."""
    parts = [re.escape(w).replace(r"\ ", _GAP) for w in sorted(set(words), key=lambda w: (-len(w), w))]
    body = "|".join(parts)
    return f"{_first_letters(words)}(?i:{body})" if case_insensitive else f"(?:{body})"


def _first_letters(words) -> str:
    """A look-ahead for the first letters of `words`, ignoring case: the regex engine tries
    each case-insensitive alternative in turn at every word it scans (it skips one whose
    exact first letter differs by itself), so this makes the date patterns a third faster
    and matches where the alternation does (none where a word starts with a space, which
    the alternation reads as any space, or with a letter outside ASCII)."""
    firsts = {str(w)[:1].lower() for w in words}
    if not all(len(c) == 1 and c.isascii() and not c.isspace() for c in firsts):
        return ""
    return "(?=(?i:[" + "".join(re.escape(c) for c in sorted(firsts)) + "]))"


@functools.lru_cache(maxsize=None)
def _patterns() -> dict[str, re.Pattern]:
    t = _table()
    month = _alternation(t.months)
    month_or_abbr = _alternation(list(t.months) + list(t.abbreviations))
    weekday = _alternation(t.weekdays)
    day = rf"(?P<day>[0-3]?\d){_ORD}(?:[-\u2013][0-3]?\d{_ORD})?"
    year = r"(?P<year>(?:19|20)\d\d)"
    lead_weekday = rf"(?:(?P<lead>{weekday}),?{_GAP})?"
    part = _alternation(t.data["month_parts"], case_insensitive=True)
    cue = _alternation(t.data["month_only_cues"], case_insensitive=True)
    prefix = _alternation(t.data["year_prefixes"], case_insensitive=True)
    modifier = _alternation(t.data["weekday_modifiers"], case_insensitive=True)
    day_part = _alternation(t.data["day_parts"], case_insensitive=True)
    number = _alternation(t.data["number_words"], case_insensitive=True)
    ago_unit = _alternation(t.data["ago_units"], case_insensitive=True)
    part_sep = rf"(?:-|{_GAP})"
    # "in March last year", "on May 3 this year": the year counted from the reference
    rel_year = rf",?{_GAP}(?P<rel>{_alternation(t.data['month_relative_years'], True)})(?!['\u2019]s\b)"
    # "10 July", "10-12 July", "between 10 and 12 July": a range is dated by its first day
    day_range = rf"(?P<day>[0-3]?\d){_ORD}(?:(?:[-\u2013]|{_GAP}(?:and|to){_GAP})[0-3]?\d{_ORD})?"
    ordinal_cue = _alternation(t.data["ordinal_day_cues"], case_insensitive=True)
    ordinal_follower = _alternation(t.data["ordinal_day_followers"], case_insensitive=True)
    return {
        # "March 3, 2024", "Monday, April 7th", "Apr 7 2024", "March 3-4"
        "month_day": re.compile(
            rf"\b{lead_weekday}(?P<month>{month_or_abbr})\.?{_GAP}{day}(?:,?{_GAP}{year}|{rel_year})?{_END}"
        ),
        # "3 March 2024", "14 August", "the 7th of April"
        "day_month": re.compile(
            rf"\b{lead_weekday}(?:the{_GAP})?{day_range}(?:{_GAP}of)?{_GAP}(?P<month>{month_or_abbr})\b\.?(?:,?{_GAP}{year}|{rel_year})?{_END}"
        ),
        # "2024-04-07", "07-Apr-2024"
        "iso": re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
        "dmy_dashed": re.compile(rf"\b(?P<day>[0-3]?\d)[-/](?P<month>{month_or_abbr})[-/](?P<year>(?:19|20)\d\d)\b"),
        # "October 2023", "mid-March 2024"
        "month_year": re.compile(rf"\b(?:(?P<part>{part}){part_sep})?(?P<month>{month}),?{_GAP}{year}\b"),
        # "mid-May", "late May", "the end of June"
        "month_part": re.compile(rf"\b(?P<part>{part}){part_sep}(?P<month>{month})\b(?:{rel_year})?(?!['\u2019]s\b)"),
        # "in February" (the cue word is context, not part of the expression)
        "month_cue": re.compile(rf"\b(?:{cue}){_GAP}(?P<month>{month})\b(?:{rel_year})?(?!['\u2019]s\b)"),
        # "post-2008", "in 2008", "the 2019 talks"
        "year": re.compile(rf"(?<![\w$\u20ac\u00a3#.,/-])(?P<prefix>{prefix})?{year}(?![\w%/]|[.,]\d|-\d)"),
        # "overnight Saturday", "Monday afternoon", "last Tuesday"
        "weekday": re.compile(
            rf"\b(?:(?P<modifier>{modifier}){_GAP})?(?P<weekday>{weekday})(?:{_GAP}(?P<day_part>{day_part}))?\b"
        ),
        "relative_days": re.compile(rf"\b(?P<phrase>{_alternation(t.data['relative_days'], True)})\b"),
        "relative_months": re.compile(rf"\b(?P<phrase>{_alternation(t.data['relative_months'], True)})\b"),
        "relative_years": re.compile(rf"\b(?P<phrase>{_alternation(t.data['relative_years'], True)})\b"),
        "anaphoric": re.compile(rf"\b(?P<phrase>{_alternation(t.data['anaphoric_days'], True)})\b"),
        # "the following month", "that year": a month or year from the date told before
        "anaphoric_coarse": re.compile(
            rf"\b(?P<phrase>{_alternation(list(t.data['anaphoric_months']) + list(t.data['anaphoric_years']), True)})\b"),
        # "collapsed on the 15th": a day of the month the date before names
        "ordinal_day": re.compile(
            rf"\b(?:{ordinal_cue}){_GAP}(?P<expr>the{_GAP}(?P<day>[0-3]?\d)(?:st|nd|rd|th)"
            rf"(?:{_GAP}(?P<month_of>{_alternation(t.data['ordinal_day_months'], True)})\b"
            rf"|(?=[^\S\n]*(?:[,.;:)]|$)|{_GAP}{ordinal_follower}\b)))"
        ),
        "vague": re.compile(rf"\b(?P<phrase>{_alternation(t.data['vague'], True)})\b"),
        "ago": re.compile(rf"\b(?P<count>\d{{1,3}}|{number}){_GAP}(?P<unit>{ago_unit}){_GAP}ago\b"),
        # "three days later", "a week earlier": counted from the date mentioned before
        "anaphoric_count": re.compile(
            rf"\b(?P<count>\d{{1,2}}|{number}){_GAP}"
            rf"(?P<unit>{_alternation(list(t.data['anaphoric_units']) + list(t.data['anaphoric_coarse_units']), True)})"
            rf"{_GAP}(?P<direction>{_alternation(t.data['anaphoric_directions'], True)})\b"
        ),
        # "30.05.2025", "03/06/2025": day and month in the order the article writes them
        "numeric": re.compile(
            r"(?<![\w./-])(?P<first>[0-3]?\d)(?P<sep>[./-])(?P<second>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d\d)(?![\w]|[./-]\d)"
        ),
        # "in January and February", "from March to May": the second month of a pair
        "month_pair": re.compile(
            rf"\b(?:{cue}){_GAP}{month}(?:{_GAP}(?:and|or|to|through|until){_GAP}|[-\u2013])(?P<month>{month})\b(?!['\u2019]s\b|,?{_GAP}\d)"
        ),
        "not_dates": re.compile(rf"\b{_alternation(t.data['not_dates'])}\b"),
        "future_cue": re.compile(rf"(?<![\w']){_alternation(t.data['future_cues'], True)}\b"),
        # "U.S.", "Mr.", "Feb.": a full stop that ends a word, not the sentence
        "abbreviation_end": re.compile(rf"(?:\b[A-Z]|\b{_alternation(t.data['abbreviations'])})\.$"),
        "conditional_cue": re.compile(rf"(?<![\w']){_alternation(t.data['conditional_cues'], True)}\b"),
    }


# --- finding ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    kind: str
    match: re.Match


def find_dates(text: str, published: str = "", day_first: bool | None = None) -> list[DateMention]:
    """Every temporal expression in `text`, resolved against the publication date
    `published` (ISO "YYYY-MM-DD", or "" when the article states none); in text order.
    Numeric dates ("03/06/2025") are read only when `day_first` says in which order the
    article writes them (`parley.read.metadata.date_order` decides it from the page)."""
    reference = parse_iso(published)
    candidates = _non_overlapping([c for c in _candidates(text) if c.kind != "numeric" or day_first is not None])
    mentions = [m for m in (_read(c, text, reference, day_first=day_first) for c in candidates) if m is not None]
    latest_full = max((m.date for m in mentions if m.basis == "explicit" and m.precision == "day"), default="")
    if reference is None and latest_full:
        # No publication date: the article's own latest full date anchors its yearless
        # dates, weekdays and relative phrases (basis "article"), never another article's.
        anchor = parse_iso(_anchor_date(mentions, latest_full))
        mentions = [_as_article_anchored(m) for m in (_read(c, text, anchor, forward=True, day_first=day_first) for c in candidates) if m is not None]
        mentions = [_place_in_year_of(m, int(latest_full[:4])) for m in mentions]
        mentions = _weekdays_of_stated_dates(mentions)
    return _resolve_anaphora(mentions, text, reference)


def own_date(text: str) -> str:
    """The date an article with no publication date is told from: its own full dates
    (`_anchor_date`), as ISO; "" when it states none."""
    candidates = _non_overlapping([c for c in _candidates(text) if c.kind != "numeric"])
    mentions = [m for m in (_read(c, text, None) for c in candidates) if m is not None]
    latest_full = max((m.date for m in mentions if m.basis == "explicit" and m.precision == "day"), default="")
    return _anchor_date(mentions, latest_full) if latest_full else ""


def _weekdays_of_stated_dates(mentions: list[DateMention]) -> list[DateMention]:
    """In an article with no date of its own, "the same Thursday" or "on Thursday" is the
    one Thursday among the full dates it states ("Thursday, 25 August 2016"), when there
    is exactly one; counting from its anchor is a guess."""
    stated: dict[int, set[str]] = {}
    for m in mentions:
        if m.basis == "explicit" and m.precision == "day":
            stated.setdefault(dt.date.fromisoformat(m.date).weekday(), set()).add(m.date)
    table = _table()
    out = []
    for m in mentions:
        words = m.text.split()
        modifier = table.data["weekday_modifiers"].get(words[0].lower(), "same") if len(words) > 1 else "same"
        day = next((table.weekdays[w] for w in words if w in table.weekdays), None)
        if m.kind == "weekday" and modifier == "same" and day is not None and len(stated.get(day, ())) == 1:
            m = replace(m, date=next(iter(stated[day])), basis="article")
        out.append(m)
    return out


def _anchor_date(mentions: list[DateMention], latest_full: str) -> str:
    """The date an undated article is told from: its first full date, unless a later full
    date comes within a week after it (the lede dates the news; a plebiscite months away
    or a war's start years ago does not)."""
    full = [m.date for m in mentions if m.basis == "explicit" and m.precision == "day"]
    return full[0] if full and ANCHOR_BY_FIRST_DATE else latest_full


def _as_article_anchored(mention: DateMention) -> DateMention:
    """A reading against the article's own date. "Today", "this afternoon", "yesterday"
    are not read against it: they count from the day of writing, which a date the
    article reports need not be; weeks, months and years are coarse enough."""
    if mention.basis != "published":
        return mention
    if mention.kind in ("relative_days", "ago") and mention.precision == "day":
        return replace(mention, date="", resolved=False, basis="unresolved")
    return replace(mention, basis="article")


def _candidates(text: str) -> list[_Candidate]:
    patterns = _patterns()
    excluded = [m.span() for m in patterns["not_dates"].finditer(text)]
    found = []
    for kind, pattern in patterns.items():
        if kind in ("not_dates", "future_cue", "conditional_cue", "abbreviation_end"):
            continue
        for m in pattern.finditer(text):
            start, end = m.span()
            if kind in ("month_cue", "month_pair"):
                start = m.start("month")
            if kind == "ordinal_day":
                start = m.start("expr")
            if any(s < end and start < e for s, e in excluded):
                continue
            if kind == "year" and not _plausible_year(text, m):
                continue
            if kind == "day_month" and text[end - 1] == "." and m["month"] in _table().months:
                end -= 1  # "by 15 December.": the full stop ends the sentence, not an abbreviation
            found.append(_Candidate(start, end, kind, m))
    return found


def _non_overlapping(candidates: list[_Candidate]) -> list[_Candidate]:
    """The longest expression wins where two overlap ("March 3, 2024" over "2024")."""
    chosen: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), c.start, c.kind)):
        if all(c.end <= o.start or o.end <= c.start for o in chosen):
            chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


def _plausible_year(text: str, m: re.Match) -> bool:
    """A four-digit number is a year unless it numbers a thing or measures something."""
    data = _table().data
    before = re.findall(r"[\w.]+", text[max(0, m.start() - 20) : m.start()])
    after = re.findall(r"\w+", text[m.end() : m.end() + 20])
    if before and before[-1].lower() in data["not_year_after_words"]:
        return False
    if after and after[0].lower() in data["not_year_before_words"]:
        return False
    return True


# --- reading one expression ---------------------------------------------------------


def _read(c: _Candidate, text: str, reference: dt.date | None, forward: bool = False,
          day_first: bool | None = None) -> DateMention | None:
    """One expression read against `reference`; with `forward` (the reference is a date
    the article reports, not its publication day) a weekday is the first such day on or
    after it."""
    m, t = c.match, _table()
    base = dict(start=c.start, end=c.end, text=text[c.start : c.end], kind=c.kind, deadline=_deadline_before(text, c.start))
    if c.kind in ("month_day", "day_month", "iso", "dmy_dashed"):
        month = _month_number(m["month"])
        day = int(re.match(r"\d+", m["day"]).group())
        if not _valid_day(month, day):
            return None
        if m["year"]:
            return DateMention(**base, date=_iso(int(m["year"]), month, day), precision="day", resolved=True, basis="explicit")
        if m.groupdict().get("rel"):
            return _in_relative_year(base, month, day, m["rel"], reference)
        ahead = _deadline_before(text, c.start) or _future_cue_before(text, c.start, words=DATE_FUTURE_CUE_WORDS)
        mention = _yearless(base, month, day, reference, direction="ahead" if ahead else "")
        return _year_of_weekday(mention, t.weekdays[m["lead"]]) if m["lead"] and mention.resolved else mention
    if c.kind == "month_year":
        date = f"{int(m['year']):04d}-{t.months[m['month']]:02d}"
        return DateMention(**base, date=date, precision="month", resolved=True, basis="explicit")
    if c.kind in ("month_part", "month_cue", "month_pair"):
        if m.groupdict().get("rel"):
            return _in_relative_year(base, t.months[m["month"]], None, m["rel"], reference)
        cue = _preceding_word(text, c.start)
        ahead = not _direction_of(cue) and _future_cue_before(text, c.start, words=DATE_FUTURE_CUE_WORDS)
        return _yearless(base, t.months[m["month"]], None, reference, cue=cue, direction="ahead" if ahead else "")
    if c.kind == "numeric":
        return _numeric(base, m, bool(day_first))
    if c.kind == "anaphoric_count":
        data = t.data
        if _preceding_word(text, c.start).lower() in data["approximate_words"]:
            return DateMention(**base, date="", precision="", resolved=False, basis="vague")
        count = int(m["count"]) if m["count"].isdigit() else data["number_words"][m["count"].lower()]
        direction = data["anaphoric_directions"][_phrase_key(m["direction"], data["anaphoric_directions"])]
        unit = m["unit"].lower()
        if unit in data["anaphoric_coarse_units"]:
            return DateMention(**base, date="", precision=data["anaphoric_coarse_units"][unit], resolved=False,
                               basis="previous", partial=str(count * direction))
        return DateMention(**base, date="", precision="day", resolved=False, basis="previous",
                           partial=str(count * data["anaphoric_units"][unit] * direction))
    if c.kind == "anaphoric_coarse":
        months, years = t.data["anaphoric_months"], t.data["anaphoric_years"]
        key = re.sub(r"\s+", " ", m["phrase"].lower())
        precision, offset = ("month", months[key]) if key in months else ("year", years[key])
        return DateMention(**base, date="", precision=precision, resolved=False, basis="previous", partial=str(offset))
    if c.kind == "year":
        return DateMention(**base, date=m["year"], precision="year", resolved=True, basis="explicit")
    if c.kind == "weekday":
        return _weekday(base, m, text, reference, forward)
    if c.kind.startswith("relative_"):
        return _relative(base, c.kind, _phrase_key(m["phrase"], t.data[c.kind]), reference)
    if c.kind == "anaphoric":
        offset = t.data["anaphoric_days"][_phrase_key(m["phrase"], t.data["anaphoric_days"])]
        return DateMention(**base, date="", precision="day", resolved=False, basis="previous", partial=str(offset))
    if c.kind == "ordinal_day":
        day = int(m["day"])
        if not 1 <= day <= 31:
            return None
        if m["month_of"]:  # "the 3rd of last month"
            months = t.data["ordinal_day_months"]
            if reference is None:
                return DateMention(**base, date="", precision="day", resolved=False, basis="unresolved")
            month = _shift(reference, "month", months[_phrase_key(m["month_of"], months)])
            year, number = int(month[:4]), int(month[5:])
            if not _valid_day(number, day, year):
                return None
            return DateMention(**base, date=_iso(year, number, day), precision="day", resolved=True, basis="published")
        return DateMention(**base, date="", precision="day", resolved=False, basis="previous", partial=str(day))
    if c.kind == "vague":
        return DateMention(**base, date="", precision="", resolved=False, basis="vague")
    if c.kind == "ago":
        return _ago(base, m, reference)
    raise AssertionError(c.kind)


def _yearless(base: dict, month: int, day: int | None, reference: dt.date | None, cue: str = "",
              direction: str = "") -> DateMention:
    """A month-day ("March 9") or month ("mid-March") without a year."""
    precision = "day" if day else "month"
    partial = f"--{month:02d}-{day:02d}" if day else f"--{month:02d}"
    if reference is None:
        return DateMention(
            **base, date="", precision=precision, resolved=False, basis="unresolved", needs_year=True, partial=partial
        )
    year = year_near(reference, month, day, direction=direction or _direction_of(cue))
    date = _iso(year, month, day) if day else f"{year:04d}-{month:02d}"
    return DateMention(**base, date=date, precision=precision, resolved=True, basis="published")


def _year_of_weekday(mention: DateMention, weekday: int) -> DateMention:
    """"on Thursday, November 14": where the weekday does not fall on the month-day in the
    year chosen, the year next to it where it does (only one of the two can)."""
    date = dt.date.fromisoformat(mention.date)
    if date.weekday() == weekday:
        return mention
    for year in (date.year - 1, date.year + 1):
        if _valid_day(date.month, date.day, year) and dt.date(year, date.month, date.day).weekday() == weekday:
            return replace(mention, date=_iso(year, date.month, date.day))
    return mention


def _in_relative_year(base: dict, month: int, day: int | None, rel: str, reference: dt.date | None) -> DateMention:
    """"in March last year", "on May 3 this year": the month(-day) in the year the phrase
    counts from the reference."""
    precision = "day" if day else "month"
    if reference is None:
        return DateMention(**base, date="", precision=precision, resolved=False, basis="unresolved")
    year = reference.year + _table().data["month_relative_years"][_phrase_key(rel, _table().data["month_relative_years"])]
    if day and not _valid_day(month, day, year):
        return DateMention(**base, date="", precision=precision, resolved=False, basis="unresolved")
    date = _iso(year, month, day) if day else f"{year:04d}-{month:02d}"
    return DateMention(**base, date=date, precision=precision, resolved=True, basis="published")


def year_near(reference: dt.date, month: int, day: int | None = None, direction: str = "") -> int:
    """The year that places month(-day) nearest before/around `reference`: the latest such
    date no more than two months after it. `direction` "past" ("last May") wants the
    latest before the reference's month, "future" ("next May") the first after it,
    "ahead" ("by 15 December", "will meet on May 9") the first on or after the day."""
    ref_month = reference.year * 12 + reference.month - 1
    if direction == "ahead" and day:  # "by 15 December": the first such day from the reference on
        return next(y for y in (reference.year, reference.year + 1, reference.year + 2)
                    if _valid_day(month, day, y) and dt.date(y, month, day) >= reference)
    if direction == "ahead":  # "elections are expected in October": the first such month from the reference's on
        return reference.year if month >= reference.month else reference.year + 1
    for year in (reference.year + 1, reference.year, reference.year - 1, reference.year - 2):
        here = year * 12 + month - 1
        if direction == "past":
            ok = here < ref_month
        elif direction == "future":
            ok = here > ref_month and (year - 1) * 12 + month - 1 <= ref_month
        elif day:
            ok = _valid_day(month, day, year) and dt.date(year, month, day) <= reference + dt.timedelta(days=FUTURE_WINDOW_DAYS)
        else:
            ok = here <= ref_month + FUTURE_WINDOW_MONTHS
        if ok:
            return year
    return reference.year


def _numeric(base: dict, m: re.Match, day_first: bool) -> DateMention | None:
    """"30.05.2025", "03/06/2025": a number above 12 says which is the day; otherwise the
    order the article uses."""
    first, second, year = int(m["first"]), int(m["second"]), int(m["year"])
    if first > 12 or (second <= 12 and day_first):
        day, month = first, second
    else:
        month, day = first, second
    if not 1 <= month <= 12 or not _valid_day(month, day, year):
        return None
    return DateMention(**base, date=_iso(year, month, day), precision="day", resolved=True, basis="explicit")


def _direction_of(cue: str) -> str:
    """"last May" lies before the publication month, "next May" after it."""
    direction = _table().data["weekday_modifiers"].get(cue.lower(), "")
    return direction if direction in ("past", "future") else ""


def _weekday(base: dict, m: re.Match, text: str, reference: dt.date | None, forward: bool = False) -> DateMention:
    if reference is None:
        return DateMention(**base, date="", precision="day", resolved=False, basis="unresolved")
    target = _table().weekdays[m["weekday"]]
    modifier = _table().data["weekday_modifiers"].get((m["modifier"] or "").lower(), "same")
    if modifier == "same" and (forward or _future_cue_before(text, base["start"])):
        modifier = "future_or_same"
    back = (reference.weekday() - target) % 7
    ahead = (target - reference.weekday()) % 7
    if modifier == "past":
        date = reference - dt.timedelta(days=back or 7)
    elif modifier == "future":
        date = reference + dt.timedelta(days=ahead or 7)
    elif modifier == "future_or_same":
        date = reference + dt.timedelta(days=ahead)
    else:  # the publication day itself, or the last such day before it
        date = reference - dt.timedelta(days=back)
    return DateMention(**base, date=date.isoformat(), precision="day", resolved=True, basis="published")


def _deadline_before(text: str, start: int) -> bool:
    """"by March 10", "until Monday", "no later than ...": a time limit."""
    return _preceding_word(text, start).lower() in _table().data["deadline_words"]


def _future_cue_before(text: str, start: int, words: int = FUTURE_CUE_WORDS) -> bool:
    """Is there a future-tense cue ("will", "is due to") shortly before, in the same
    sentence? A modal ("would", "could") counts too, reported or not ("said the first
    ships could sail on Saturday": a day after the saying, itself on or just before the
    publication day), but not as a past conditional ("could have met on Monday")."""
    sentence = text[_sentence_start(text, start) : start]
    window = sentence
    found = list(re.finditer(r"\S+", window))
    if len(found) > words:
        window = window[found[-words].start() :]
    patterns = _patterns()
    if patterns["future_cue"].search(window):
        return True
    return any(not re.match(r"\s+(?:not\s+)?(?:have|had)\b", window[m.end() :])
               for m in patterns["conditional_cue"].finditer(window))


def _sentence_start(text: str, start: int) -> int:
    """Where the sentence holding `start` begins: after the last line break, "? ", "! "
    or ". " that is not an abbreviation's full stop."""
    line_start = text.rfind("\n", 0, start) + 1
    for m in reversed(list(re.finditer(r"[.?!](?=\s)", text[line_start:start]))):
        end = line_start + m.end()
        if text[end - 1] != "." or not _patterns()["abbreviation_end"].search(text[line_start:end]):
            return end
    return line_start


def _relative(base: dict, kind: str, phrase: str, reference: dt.date | None) -> DateMention:
    precision = {"relative_days": "day", "relative_months": "month", "relative_years": "year"}[kind]
    if reference is None:
        return DateMention(**base, date="", precision=precision, resolved=False, basis="unresolved")
    offset = _table().data[kind][phrase]
    return DateMention(**base, date=_shift(reference, precision, offset), precision=precision, resolved=True, basis="published")


def _ago(base: dict, m: re.Match, reference: dt.date | None) -> DateMention:
    data = _table().data
    precision = data["ago_units"][m["unit"].lower()]
    if precision == "vague":
        return DateMention(**base, date="", precision="", resolved=False, basis="vague")
    if reference is None:
        return DateMention(**base, date="", precision=precision, resolved=False, basis="unresolved")
    count = int(m["count"]) if m["count"].isdigit() else data["number_words"][m["count"].lower()]
    return DateMention(**base, date=_shift(reference, precision, -count), precision=precision, resolved=True, basis="published")


def _shift(reference: dt.date, precision: str, offset: int) -> str:
    if precision == "day":
        return (reference + dt.timedelta(days=offset)).isoformat()
    if precision == "month":
        index = reference.year * 12 + reference.month - 1 + offset
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{reference.year + offset:04d}"


# --- what the article alone settles ------------------------------------------------


def _place_in_year_of(mention: DateMention, year: int) -> DateMention:
    """Without a publication date, a yearless date takes the year of the article's
    latest full date."""
    if not mention.needs_year:
        return mention
    month_day = mention.partial[2:]  # "--05-24" or "--05"
    if mention.precision == "day" and not _valid_day(int(month_day[:2]), int(month_day[3:]), year):
        return mention  # 29 February in a year without one
    return replace(mention, date=f"{year:04d}-{month_day}", resolved=True, basis="article", needs_year=False, partial="")


def _resolve_anaphora(mentions: list[DateMention], text: str = "", published: dt.date | None = None) -> list[DateMention]:
    """"the same day", "the next day": the day mentioned last before them; in a clause
    that tells of the past ("Earlier in the day X was received"), not a day still to come
    after publication ("talks are to open on March 10")."""
    out: list[DateMention] = []
    for mention in mentions:
        if mention.kind == "ordinal_day" and mention.basis == "previous":
            mention = _month_of_ordinal_day(mention, out, text, published)
        if mention.kind in ("anaphoric_coarse", "anaphoric_count") and mention.basis == "previous" \
                and mention.precision != "day":
            mention = _coarse_anaphor(mention, out)
            if mention is None:
                continue
        elif mention.kind in ("anaphoric", "anaphoric_count") and mention.basis == "previous":
            offset = int(mention.partial)
            telling_past = published is not None and not _future_cue_before(text, mention.start)
            antecedent = next((m for m in reversed(out) if m.precision == "day" and not m.deadline
                               and not (telling_past and m.resolved and m.date > published.isoformat())), None)
            if mention.kind == "anaphoric_count" and (not out or antecedent is not out[-1] or not antecedent.resolved):
                continue  # "three days later" counts from the date just told; with none it is a duration
            if antecedent is None or not (antecedent.resolved or antecedent.needs_year):
                mention = replace(mention, basis="unresolved", partial="")
            elif antecedent.resolved:
                day = dt.date.fromisoformat(antecedent.date) + dt.timedelta(days=offset)
                mention = replace(mention, date=day.isoformat(), resolved=True, partial="")
            elif offset == 0:  # the antecedent awaits its year: so does this
                mention = replace(mention, basis="unresolved", needs_year=True, partial=antecedent.partial)
            else:
                mention = replace(mention, basis="unresolved", partial="")
        out.append(mention)
    return out


def _coarse_anaphor(mention: DateMention, before: list[DateMention]) -> DateMention | None:
    """"The war began in February 2022. A month later ...": a month or year counted from the
    date told last before it, when that date is at least as fine. A count ("two months
    later") with no such date just before it is a duration: None."""
    finer = ("day", "month") if mention.precision == "month" else ("day", "month", "year")
    told = [m for m in before if m.basis != "vague"]
    if mention.kind == "anaphoric_count":
        told = told[-1:]
    antecedent = next((m for m in reversed(told) if m.precision in finer and m.resolved and not m.deadline), None)
    if antecedent is None:
        return None if mention.kind == "anaphoric_count" else replace(mention, basis="unresolved", partial="")
    month = int(antecedent.date[5:7]) if len(antecedent.date) >= 7 else 1
    date = _shift(dt.date(int(antecedent.date[:4]), month, 1), mention.precision, int(mention.partial))
    return replace(mention, date=date, resolved=True, partial="")


def _month_of_ordinal_day(mention: DateMention, before: list[DateMention], text: str,
                          published: dt.date | None) -> DateMention:
    """"The truce took effect on September 3 and collapsed on the 15th": the month of the
    date mentioned last before it; with none, the publication month (the month before
    when the day is still to come, unless the clause looks ahead)."""
    day = int(mention.partial)
    antecedent = next((m for m in reversed(before) if m.precision in ("day", "month") and not m.deadline
                       and (m.resolved or m.needs_year)), None)
    if antecedent is not None and antecedent.resolved:
        year, month = int(antecedent.date[:4]), int(antecedent.date[5:7])
        if _valid_day(month, day, year):
            return replace(mention, date=_iso(year, month, day), resolved=True, partial="")
    elif antecedent is not None:  # the antecedent awaits its year: so does this
        month = int(antecedent.partial[2:4])
        if _valid_day(month, day):
            return replace(mention, basis="unresolved", needs_year=True, partial=f"--{month:02d}-{day:02d}")
    elif published is not None:
        index = published.year * 12 + published.month - 1
        if day > published.day and not _future_cue_before(text, mention.start):
            index -= 1
        elif day < published.day and _future_cue_before(text, mention.start):
            index += 1
        year, month = divmod(index, 12)
        if _valid_day(month + 1, day, year):
            return replace(mention, date=_iso(year, month + 1, day), resolved=True, basis="published", partial="")
    return replace(mention, basis="unresolved", partial="")


# --- small helpers -------------------------------------------------------------------


def parse_iso(value: str | None) -> dt.date | None:
    """The day an ISO date string names, or None for "" and anything that is not one."""
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _month_number(name: str) -> int:
    t = _table()
    name = name.rstrip(".")
    return t.months.get(name) or t.abbreviations.get(name) or int(name)


def _valid_day(month: int, day: int, year: int = 2000) -> bool:  # 2000: a leap year, so 29 Feb passes
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _iso(year: int, month: int, day: int) -> str:
    return dt.date(year, month, day).isoformat()


def _phrase_key(phrase: str, table: dict) -> str:
    key = re.sub(r"\s+", " ", phrase.lower())
    return key if key in table else next(k for k in table if k.lower() == key)


def _preceding_word(text: str, start: int) -> str:
    words = re.findall(r"[\w-]+", text[max(0, start - 20) : start])
    return words[-1] if words else ""


# --- the off-the-shelf baseline --------------------------------------------------------


def dateparser_baseline(text: str, published: str = "", fallback_base: str = "") -> list[tuple[str, str]]:
    """What `dateparser.search.search_dates` alone finds in `text`, with RELATIVE_BASE the
    publication date: [(expression, ISO day)]. dateparser always answers with a day.
    Without a publication date dateparser reads relative to the clock; pass
    `fallback_base` (ISO date) to make such runs reproducible."""
    from dateparser.search import search_dates

    base = parse_iso(published) or parse_iso(fallback_base)
    settings = {"RELATIVE_BASE": dt.datetime.combine(base, dt.time())} if base else {}
    found = search_dates(text, languages=["en"], settings=settings) or []
    return [(expression, value.date().isoformat()) for expression, value in found]
