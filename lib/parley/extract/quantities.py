"""Quantities: the numbers an article reports, with what they count.

`extract_quantities` finds numbers written in figures ("2,500", "1.5 billion") or in
words ("two weeks", "eleven"), and fractions ("a quarter of ..."), and reads their unit
from the parse: the noun the number counts ("85 trucks", "2,500 prisoners of war"), a
hyphenated measure ("a 10-day truce": unit "day", counting "truce"), or a casualty verb
("killed 9 ...", "25 wounded": unit "killed"/"wounded"). Dates, years,
times of day and ordinals are not quantities, and a number without a unit is left out.

Comparing articles (the same thing counted with different values) comes after, in
`parley.across.conflicts`. What the module knows about number words, units and
calendars is in `data/quantities.yml`.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml
from text_to_num import text2num

from parley import config, nlp

_TIME_OF_DAY = re.compile(r"^\d{1,2}[:.]\d{2}$")
_FIGURES = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_ORDINAL_FIGURES = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


@functools.lru_cache(maxsize=4)
def _data(path: Path | None = None) -> dict:
    data = yaml.safe_load((path or config.data_file("quantities.yml")).read_text(encoding="utf-8"))
    for key in ("durations", "calendar_words", "time_words", "ordinals", "referring_words", "percent_words"):
        data[key] = frozenset(str(w).lower() for w in data.get(key) or [])
    return data


# --- numbers ---------------------------------------------------------------------------


def _is_number_word(token) -> bool:
    return token.like_num and not _FIGURES.match(token.text) and token.lower_ not in _data()["ordinals"]


def _is_number(token) -> bool:
    text = token.text
    if _TIME_OF_DAY.match(text) or _ORDINAL_FIGURES.match(text):
        return False
    if _FIGURES.match(text):
        return True
    return _is_number_word(token) and token.lower_ not in _data()["fractions"]


def _value_of(tokens) -> float | None:
    """The number the tokens spell: figures, number words, and a scale ("1.5 billion")."""
    scales = _data()["scales"]
    scale, words, figure = 1, [], None
    for token in tokens:
        lower = token.lower_
        if lower in scales and (figure is not None or words):
            scale *= scales[lower]
        elif _FIGURES.match(token.text):
            figure = float(token.text.replace(",", ""))
        elif token.text != "-":
            words.extend(lower.split("-"))
    if figure is None:
        try:
            figure = float(text2num(" ".join(words), "en")) if words else None
        except (ValueError, TypeError):
            return None
    return None if figure is None else figure * scale


def _plain(value: float):
    """An int where the value is whole, else a float rounded to 4 places."""
    return int(value) if float(value).is_integer() else round(value, 4)


def _number_spans(doc):
    """Runs of tokens spelling one number ("twenty five", "1.5 billion", "one hundred")."""
    scales = _data()["scales"]
    columns = nlp.columns(doc)
    spans, run = [], []
    for i, text in enumerate(columns.text):
        if not run and not columns.like_num[i] and not _FIGURES.match(text):
            continue  # no run to go on, and no number (`_is_number`) to start one
        token = doc[i]
        hyphenated = (  # "twenty-five"
            run and token.text == "-" and _is_number_word(run[-1]) and token.i + 1 < len(doc)
            and _is_number_word(doc[token.i + 1])
        )
        continues = run and token.i == run[-1].i + 1 and (
            hyphenated or (_is_number_word(token) and (_is_number_word(run[-1]) or run[-1].text == "-"))
            or token.lower_ in scales
        )
        if continues:
            run.append(token)
            continue
        if run:
            spans.append(run)
        run = [token] if _is_number(token) else []
    if run:
        spans.append(run)
    return spans


# --- what is counted -----------------------------------------------------------------


def _word(doc, i):
    return doc[i] if 0 <= i < len(doc) else None


def _is_calendar(token) -> bool:
    return token is not None and token.lower_ in _data()["calendar_words"] and token.pos_ not in {"AUX", "VERB"}


def _is_date_or_time(run) -> bool:
    first, last = run[0], run[-1]
    doc = first.doc
    before, after = _word(doc, first.i - 1), _word(doc, last.i + 1)
    if _is_calendar(before) or _is_calendar(after):
        return True  # "March 3", "3 March"
    if after is not None and after.lower_ in _data()["time_words"]:
        return True  # "1 pm"
    if len(run) == 1 and re.fullmatch(r"(?:19|20)\d\d", first.text):
        return True  # a year
    following = _word(doc, last.i + 2)
    if after is not None and after.text == "-" and following is not None and (
        _is_calendar(following) or _is_calendar_text(following.text)
    ):
        return True  # "03-Mar-2024"
    if any(_is_calendar_text(t.text) for t in [after] if t is not None):
        return True
    return False


def _is_calendar_text(text: str) -> bool:
    parts = re.split(r"[-/]", text.lower())
    return len(parts) > 1 and any(p in _data()["calendar_words"] for p in parts)


def _noun_phrase_after(token, stop_at=None) -> list:
    """The noun `token` heads with the modifiers between it and the number, and an "of"
    phrase without article ("prisoners of war")."""
    doc = token.doc
    start = token.i
    while start - 1 > (stop_at if stop_at is not None else -1) and doc[start - 1].dep_ in {"amod", "compound", "nmod"} \
            and doc[start - 1].head.i == token.i:
        start -= 1
    end = token.i + 1
    of, pobj = _word(doc, end), _word(doc, end + 1)
    if token.lower_ not in _data()["durations"] and of is not None and of.lower_ == "of" and pobj is not None and pobj.head.i == of.i and pobj.pos_ == "NOUN" \
            and not any(c.dep_ in {"det", "poss"} for c in pobj.children):
        end += 2
    return list(doc[start:end])


def _text(tokens) -> str:
    """The tokens as the text has them (spacing kept: "long-range", "Israel's")."""
    if not tokens:
        return ""
    doc = tokens[0].doc
    return nlp.doc_text(doc)[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)]


def _unit(run):
    """(unit, counted thing, tokens of the unit phrase) for a number, or None."""
    data = _data()
    doc = run[0].doc
    last = run[-1]
    after = _word(doc, last.i + 1)
    before = _word(doc, run[0].i - 1)
    if after is None:
        return None
    # "10-day truce", "9-member team" (not "two-thirds", a fraction)
    if after.text == "-" and _word(doc, last.i + 2) is not None:
        measure = doc[last.i + 2]
        if measure.lower_ in data["fractions"]:
            return None
        counted = measure.head if measure.head.i > measure.i and measure.head.pos_ in {"NOUN", "PROPN"} else None
        if counted is None:
            nxt = _word(doc, measure.i + 1)
            counted = nxt if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} else None
        tokens = list(doc[run[0].i: (counted.i if counted is not None else measure.i) + 1])
        return measure.lower_, (counted.lower_ if counted is not None else ""), tokens
    # "40%", "3 percent"
    if after.lower_ in data["percent_words"] or (after.lower_ == "per" and (_word(doc, after.i + 1) or after).lower_ == "cent"):
        return "percent", "", list(doc[run[0].i: after.i + 1])
    # money: "$1.5 billion", "200 million euros"
    currencies = data["currencies"]
    if before is not None and before.text in currencies:
        return currencies[before.text], "", list(doc[before.i: last.i + 1])
    if after.lower_ in currencies:
        return currencies[after.lower_], "", list(doc[run[0].i: after.i + 1])
    casualties = data["casualty_verbs"]
    # "9 killed", "25 wounded"
    if after.lower_ in casualties and after.pos_ in {"VERB", "ADJ"}:
        return casualties[after.lower_], "", list(doc[run[0].i: after.i + 1])
    # "killed 12 soldiers", "injured 60 others"
    counted = last.head if last.dep_ == "nummod" and last.head.i > last.i and last.head.pos_ in {"NOUN", "PROPN", "PRON", "ADJ"} else None
    if before is not None and before.lower_ in casualties and before.pos_ == "VERB":
        phrase = _noun_phrase_after(counted, stop_at=last.i) if counted is not None else []
        return casualties[before.lower_], _text(phrase), list(doc[before.i: (phrase[-1].i if phrase else last.i) + 1])
    if counted is None and after.pos_ in {"NOUN", "PROPN"} and after.dep_ in {"compound", "nmod", "amod"}:
        counted = after.head if after.head.i > after.i else after
    if counted is None and after.pos_ == "NOUN":
        counted = after
    if counted is None:
        return None
    passive_casualty = counted.dep_ == "nsubjpass" and counted.head.lower_ in casualties  # "50 people were killed"
    if counted.head.pos_ == "VERB" and counted.head.lower_ in casualties and (counted.head.i < run[0].i or passive_casualty):
        phrase = _noun_phrase_after(counted, stop_at=last.i)
        end = counted.head.i if passive_casualty else counted.i
        return casualties[counted.head.lower_], _text(phrase), list(doc[run[0].i: end + 1])
    phrase = _noun_phrase_after(counted, stop_at=last.i)
    if not phrase or any(_is_calendar(t) or _is_calendar_text(t.text) for t in phrase):
        return None
    return _text(phrase).lower(), counted.lemma_.lower(), list(doc[run[0].i: phrase[-1].i + 1])


def _refers(number) -> bool:
    """Whether the noun a number word counts is one that refers ("the two sides")."""
    after = _word(number.doc, number.i + 1)
    return after is None or after.lower_ in _data()["referring_nouns"] or after.pos_ != "NOUN"


def _range_unit(run):
    """"24 to 48 hours", "four to five months", "from 20,000 to 6,104 centrifuges": the
    first number of a range counts what the second does."""
    doc = run[0].doc
    link, second = _word(doc, run[-1].i + 1), _word(doc, run[-1].i + 2)
    if link is None or second is None or link.lower_ not in {"to", "-", "\u2013", "and", "or"} or not _is_number(second):
        return None
    end = second.i + 1
    while end < len(doc) and (_is_number(doc[end]) or doc[end].lower_ in _data()["scales"]):
        end += 1
    found = _unit(list(doc[second.i:end]))
    if found is None:
        return None
    unit_text, counted, tokens = found
    return unit_text, counted, list(doc[run[0].i: tokens[-1].i + 1])


def _elided_unit(run, earlier):
    """A number with no noun of its own, after a counted number in the same sentence:
    "another 3,000", "and four of gasoline", "26 were abducted"."""
    doc = run[0].doc
    after = _word(doc, run[-1].i + 1)
    if after is not None and (after.lower_ in _data()["elided_unit_blockers"] or after.pos_ in {"NOUN", "PROPN"}):
        return None
    partitive = _word(doc, run[-1].i + 2)
    if after is not None and after.lower_ == "of" and (partitive is None or partitive.pos_ in {"DET", "PRON"}):
        return None  # "one of them", "two of the delegates": a part, not an elided count
    sentence = run[0].sent
    previous = [c for c in earlier if c[3][0].i < run[0].i and c[3][0].sent.start == sentence.start
                and c[1] != "fraction" and c[1] not in _data()["fractions"]]
    if not previous:
        return None
    unit_text, counted = previous[-1][1], previous[-1][2]
    return unit_text, counted, list(run)


def _a_duration(token):
    """"a week of consultations", "within a fortnight": one unit of time, written "a"."""
    data = _data()
    if token.lower_ not in {"a", "an"}:
        return None
    unit = _word(token.doc, token.i + 1)
    after = _word(token.doc, token.i + 2)
    if unit is None or unit.lower_ not in data["durations"] | {"fortnight"}:
        return None
    if after is not None and after.lower_ in {"ago", "later", "earlier", "after", "before", "long"}:
        return None  # "a week ago": a date
    return 1, unit.lower_, unit.lower_, [token, unit], token.text


def _fraction(token):
    """(value, counted, tokens) for "a quarter of the fleet", "two thirds of", "half of"."""
    data = _data()
    denominator = data["fractions"].get(token.lower_)
    if not denominator:  # neither branch below takes a word that is no fraction
        return None
    doc = token.doc
    after = _word(doc, token.i + 1)
    hyphen, numerator_word = _word(doc, token.i - 1), _word(doc, token.i - 2)
    if denominator and hyphen is not None and hyphen.text == "-" and numerator_word is not None and _is_number(numerator_word):
        value = (_value_of([numerator_word]) or 1) / denominator  # "two-thirds"
        phrase = [after, _word(doc, token.i + 2)] if after is not None and after.lower_ == "of" else []
        phrase = [t for t in phrase if t is not None]
        return value, _text(phrase[1:]) if phrase else "", [numerator_word, hyphen, token]
    if not denominator or after is None or after.lower_ != "of":
        return None
    before = _word(doc, token.i - 1)
    numerator, first = 1, token
    if before is not None and before.lower_ in {"a", "an", "one"}:
        first = before
    elif before is not None and _is_number(before):
        numerator, first = (_value_of([before]) or 1), before
    elif token.lower_ != "half":
        return None
    pobj = next((c for c in after.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    phrase = [t for t in pobj.subtree if t.i > after.i]
    return numerator / denominator, _text(phrase), list(doc[first.i: phrase[-1].i + 1])


def _governing_verb(tokens):
    """The verb the quantity is the object or subject of, if it stands just before it
    ("fired 85 rockets", "destroying 20 tanks")."""
    head = tokens[-1]
    for token in tokens:
        if token.head.i < tokens[0].i or token.head.i > tokens[-1].i:
            head = token
            break
    node = head.head
    for _ in range(2):
        if node.pos_ in {"VERB", "AUX"}:
            return node
        node = node.head
    return None


# --- the public function ---------------------------------------------------------------


def extract_quantities(article, doc) -> list[dict]:
    """Rows of quantities.csv for one article: doc_id, value, unit, start, end, quote, and
    `counts` (what is counted), `text` (the number as written), `verb` and `context` (the
    sentence, used to tell whether two articles count the same thing)."""
    data = _data()
    rows = []
    used: set[int] = set()
    candidates = []
    for run in _number_spans(doc):
        if any(t.i in used for t in run) or _is_date_or_time(run):
            continue
        before = _word(doc, run[0].i - 1)
        after = _word(doc, run[-1].i + 1)
        words_only = all(not _FIGURES.match(t.text) for t in run)
        if words_only and before is not None and before.lower_ in data["referring_words"] and _refers(run[-1]):
            continue  # "the two sides", not "the three ports"
        if words_only and run[0].lower_ == "one" and after is not None and after.lower_ == "of":
            continue  # "one of its most ambitious attacks"
        unit = _unit(run) or _range_unit(run) or _elided_unit(run, candidates)
        value = _value_of(run)
        if unit is None or value is None:
            continue
        unit_text, counted, tokens = unit
        measured = unit_text.split()[0] in data["durations"] or (after is not None and after.text == "-")
        if measured and _is_calendar(_word(doc, tokens[-1].i + 1)):
            continue
        if value == 1 and words_only and not measured:
            continue  # "one matter of disagreement": an article, not a count
        candidates.append((value, unit_text, counted, tokens, _text(run)))
        used |= {t.i for t in run}
    fractions = data["fractions"]
    for i, lower in enumerate(nlp.columns(doc).lower):
        if i in used:
            continue
        if lower not in {"a", "an"} and not fractions.get(lower):
            continue  # neither "a week" nor "a quarter of": both readings below would say so
        token = doc[i]
        if (single := _a_duration(token)) is not None:
            candidates.append(single)
            continue
        fraction = _fraction(token)
        if fraction:
            value, counted, tokens = fraction
            candidates.append((value, "fraction", counted, tokens, _text(tokens[: tokens.index(token) + 1])))
    for value, unit_text, counted, tokens, written in candidates:
        verb = _governing_verb(tokens)
        casualty = {v: k for k, v in data["casualty_verbs"].items() if k != v}.get(unit_text)
        quote_tokens = tokens
        if verb is not None and 0 < tokens[0].i - verb.i <= 3:
            quote_tokens = list(doc[verb.i: tokens[-1].i + 1])
        start, end, quote = article.span(quote_tokens[0].idx, quote_tokens[-1].idx + len(quote_tokens[-1].text))
        rows.append({
            "doc_id": article.doc_id,
            "value": _plain(value),
            "unit": unit_text,
            "start": start,
            "end": end,
            "quote": quote,
            "counts": counted or unit_text,
            "text": written,
            "verb": casualty or (verb.lemma_.lower() if verb is not None else ""),
            "context": re.sub(r"\s+", " ", tokens[0].sent.text).strip(),
        })
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["unit"]))
