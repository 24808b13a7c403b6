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
import math
import re
from pathlib import Path

import yaml
from text_to_num import text2num

from parley import config, nlp

_TIME_OF_DAY = re.compile(r"^\d{1,2}:\d{2}$")
_DOT_TIME = re.compile(r"^(?:[01]?\d|2[0-3])\.[0-5]\d$")  # "10.30": a time only where the words around say so
_DIGIT = re.compile(r"\d")
_FIGURES = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")
_FIGURE = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_GLUED = re.compile(rf"^({_FIGURE})([a-z]{{1,3}})$", re.I)  # "2bn", "300m", "5tn"
_RANGE_TOKEN = re.compile(rf"^({_FIGURE})[\u2013-]({_FIGURE})$")  # "24\u201348", "2,000-3,000"
_BEFORE_DOT_TIME = {"at", "until", "till", "by", "from", "before", "after", "around"}
_ORDINAL_FIGURES = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)


@functools.lru_cache(maxsize=4)
def _data(path: Path | None = None) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path else config.data_yaml("quantities.yml")
    for key in ("durations", "calendar_words", "time_words", "ordinals", "referring_words", "percent_words",
                "ambiguous_glued_scales", "dying_verbs", "total_verbs", "total_nouns", "counting_verbs"):
        data[key] = frozenset(str(w).lower() for w in data.get(key) or [])
    return data


# --- numbers ---------------------------------------------------------------------------


def _is_number_word(token) -> bool:
    return token.like_num and not _FIGURES.match(token.text) and token.lower_ not in _data()["ordinals"]


def _is_number(token) -> bool:
    text = token.text
    if _TIME_OF_DAY.match(text) or _ORDINAL_FIGURES.match(text):
        return False
    if _FIGURES.match(text) or _RANGE_TOKEN.match(text):
        return True
    if (m := _GLUED.match(text)) and (_glued_scale(token, m.group(2)) or m.group(2).lower() in _data()["percent_words"]):
        return True  # "2bn", "40pc"
    return _is_number_word(token) and token.lower_ not in _data()["fractions"]


def _glued_scale(token, suffix: str) -> int:
    """The scale a suffix glued to a figure stands for ("2bn", "€300m", "1.5m people"), or 0.
    An ambiguous one ("m": metres or million) only after a currency or before a plural
    noun or a currency word."""
    data = _data()
    suffix = suffix.lower()
    scale = data["glued_scales"].get(suffix, 0)
    if not scale or suffix not in data["ambiguous_glued_scales"]:
        return scale
    doc = token.doc
    run_start = token.i
    while run_start > 0 and _FIGURES.match(doc[run_start - 1].text) and doc[run_start - 1].idx + len(doc[run_start - 1].text) == doc[run_start].idx:
        run_start -= 1
    before, after = _word(doc, run_start - 1), _word(doc, token.i + 1)
    if before is not None and before.text in data["currencies"]:
        return scale
    if after is not None and (after.lower_ in data["currencies"] or (after.tag_ == "NNS" and after.pos_ == "NOUN")):
        return scale
    return 0


def _a_dozen(token) -> bool:
    """"a dozen detainees": twelve ("dozens of" is no number)."""
    before = _word(token.doc, token.i - 1)
    return token.lower_ == "dozen" and before is not None and before.lower_ in {"a", "one"}


def _value_of(tokens) -> float | None:
    """The number the tokens spell: figures, number words, a scale ("1.5 billion"), and
    "and a half" ("two and a half": 2.5)."""
    scales, glued = _data()["scales"], _data()["glued_scales"]
    plain = [t for t in tokens if t.text != "-"]
    lowers = [t.lower_ for t in plain]
    at = next((k for k in range(1, len(plain) - 2) if tuple(lowers[k : k + 3]) == _AND_A_HALF), None)
    if at is not None and all(w in scales for w in lowers[at + 3 :]):  # "two and a half million"
        whole = _value_of(plain[:at])
        return None if whole is None else (whole + 0.5) * math.prod(scales[w] for w in lowers[at + 3 :])
    scale, words, figure = 1, [], None
    for token in tokens:
        lower = token.lower_
        if lower in scales and (figure is not None or words):
            scale *= scales[lower]
        elif lower in scales and lower == "dozen":  # "a dozen"
            figure, scale = 1.0, scale * scales[lower]
        elif lower.rstrip(".") in glued and figure is not None and _glued_scale(token, lower.rstrip(".")):  # "300" "m"
            scale *= glued[lower.rstrip(".")]
        elif _FIGURES.match(token.text):
            figure = float(token.text.replace(",", ""))
        elif m := _RANGE_TOKEN.match(token.text):  # "24\u201348": its lower end
            figure = float(m.group(1).replace(",", ""))
        elif m := _GLUED.match(token.text):
            figure, scale = float(m.group(1).replace(",", "")), scale * glued.get(m.group(2).lower(), 1)
        elif token.text != "-" and lower != "and":
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
        if not run and not columns.like_num[i] and not _DIGIT.search(text) and columns.lower[i] != "dozen":
            continue  # no run to go on, and no number (`_is_number`, `_a_dozen`) to start one
        token = doc[i]
        hyphenated = (  # "twenty-five"
            run and token.text == "-" and _is_number_word(run[-1]) and token.i + 1 < len(doc)
            and _is_number_word(doc[token.i + 1])
        ) or (  # "a $1.5-billion package"
            run and token.text == "-" and _FIGURES.match(run[-1].text) and token.i + 1 < len(doc)
            and doc[token.i + 1].lower_ in scales
        ) or (  # "two hundred and fifty"
            run and token.lower_ == "and" and run[-1].lower_ in {"hundred", "thousand", "million", "billion"}
            and token.i + 1 < len(doc) and _is_number_word(doc[token.i + 1])
            and doc[token.i + 1].lower_ not in {"hundred", "thousand", "million", "billion"}
        )
        glued = (  # "€300" "m": a scale the tokenizer split off its figure
            run and _FIGURES.match(run[-1].text) and token.idx == run[-1].idx + len(run[-1].text)
            and _glued_scale(token, token.lower_.rstrip("."))  # "£5m." at a sentence's end
        )
        continues = run and token.i == run[-1].i + 1 and (
            hyphenated or (_is_number_word(token) and (_is_number_word(run[-1]) or run[-1].text == "-" or run[-1].lower_ == "and"))
            or token.lower_ in scales or glued
        )
        if continues:
            run.append(token)
            continue
        if run:
            spans.append(run)
        run = [token] if _is_number(token) or _a_dozen(token) else []
    if run:
        spans.append(run)
    return [_with_a_half(doc, span) for span in spans]


_AND_A_HALF = ("and", "a", "half")


def _with_a_half(doc, span: list) -> list:
    """The span with the "and a half" that follows it ("two and a half hours",
    "a three-and-a-half-year blockade"), whose value `_value_of` reads."""
    i, words, taken = span[-1].i + 1, 0, []
    while i < len(doc) and words < len(_AND_A_HALF):
        token = doc[i]
        if token.text == "-" and not token.whitespace_:  # "three-and-a-half-year"
            taken.append(token)
        elif token.lower_ == _AND_A_HALF[words]:
            taken.append(token)
            words += 1
        else:
            break
        i += 1
    if words < len(_AND_A_HALF):
        return span
    while i < len(doc) and doc[i].lower_ in _data()["scales"] and doc[i].lower_ != "dozen":
        taken.append(doc[i])  # "two and a half million"
        i += 1
    return span + taken


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
    if len(run) == 1 and _DOT_TIME.match(first.text) and (
        (before is not None and before.lower_ in _BEFORE_DOT_TIME) or (after is not None and after.lower_ in {"local", "hrs", "h"})
    ) and not (after is not None and (after.lower_ in _data()["percent_words"] or after.lower_ == "per")):
        return True  # "at 10.30", not "3.67 percent"
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
    if (m := _GLUED.match(last.text)) and m.group(2).lower() in data["percent_words"]:
        return "percent", "", list(run)  # "40pc"
    if after is None:  # "... and Britain £5m." at the end of the text
        if before is not None and before.text in data["currencies"]:
            return data["currencies"][before.text], "", list(doc[before.i: last.i + 1])
        return None
    if after.text == "(":  # "390 (195 from each side) prisoners": the noun after the brackets
        close = next((t for t in doc[after.i + 1: after.i + 12] if t.text == ")"), None)
        behind = _word(doc, close.i + 1) if close is not None else None
        if behind is not None and (behind.pos_ == "NOUN" or behind.lower_ in data["percent_words"]):
            after = behind
    # "24-48 hours": a range (see `_range_unit`), not a measure
    if after.text == "-" and _word(doc, last.i + 2) is not None and _is_number(doc[last.i + 2]):
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
    if after.lower_ in data["percent_words"]:
        return "percent", "", list(doc[run[0].i: after.i + 1])
    if after.lower_ == "per" and (_word(doc, after.i + 1) or after).lower_ == "cent":  # "62 per cent"
        return "percent", "", list(doc[run[0].i: after.i + 2])
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
    if counted is None and after.i == last.i + 1:
        counted = _noun_through_modifiers(last)  # "39 Thai citizens"
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
    if counted.dep_ == "nsubj" and counted.head.pos_ == "VERB" and counted.head.lemma_.lower() in data["dying_verbs"]:
        phrase = _noun_phrase_after(counted, stop_at=last.i)  # "39 citizens died"
        return casualties.get(counted.head.lemma_.lower(), "dead"), _text(phrase), list(doc[run[0].i: counted.i + 1])
    if counted.head.pos_ == "VERB" and counted.head.lower_ in casualties and (counted.head.i < run[0].i or passive_casualty):
        phrase = _noun_phrase_after(counted, stop_at=last.i)
        end = counted.head.i if passive_casualty else counted.i
        return casualties[counted.head.lower_], _text(phrase), list(doc[run[0].i: end + 1])
    phrase = _noun_phrase_after(counted, stop_at=last.i)
    if not phrase or any(_is_calendar(t) or _is_calendar_text(t.text) for t in phrase):
        return None
    if counted.lower_ == "cent" and phrase[0].lower_ == "per":  # "10 and 15 per cent"
        return "percent", "", list(doc[run[0].i: counted.i + 1])
    return _text(phrase).lower(), counted.lemma_.lower(), list(doc[run[0].i: phrase[-1].i + 1])


def _noun_through_modifiers(number):
    """The noun a number counts through the adjectives and names the parse hangs it on
    ("39 Thai citizens": 39 -> Thai -> citizens), within three words to its right."""
    node = number
    for _ in range(3):
        head = node.head
        if head.i <= node.i or head.i > number.i + 3 or node.dep_ not in {"nummod", "compound", "amod", "nmod"}:
            return None
        if head.pos_ == "NOUN":
            return head
        if head.pos_ not in {"ADJ", "PROPN"}:
            return None
        node = head
    return None


def _refers(number) -> bool:
    """Whether the noun a number word counts is one that refers ("the two sides", "the two
    main parties"), not a count ("the three designated ports", "the two other members")."""
    doc = number.doc
    after = _word(doc, number.i + 1)
    while after is not None and (after.pos_ == "ADJ" or after.dep_ == "amod") and _word(doc, after.i + 1) is not None \
            and doc[after.i + 1].pos_ in {"ADJ", "NOUN"}:
        after = doc[after.i + 1]
    return after is None or after.lower_ in _data()["referring_nouns"] or after.pos_ != "NOUN"


def _casualty_noun_unit(run):
    """"the death toll rose to 1,200", "puts the death toll at close to 10,000": a number
    with no noun of its own, a few words after a casualty noun of its clause."""
    doc = run[0].doc
    sentence_start = run[0].sent.start
    for noun, unit in _data()["casualty_nouns"].items():
        words = noun.split()
        for i in range(run[0].i - 1, max(sentence_start, run[0].i - 9) - 1, -1):
            if [t.lower_ for t in doc[i: i + len(words)]] != words:
                continue
            between = doc[i + len(words): run[0].i]
            if any(_is_number(t) or t.text in {";", ":", "."} for t in between):
                return None
            return unit, noun, list(doc[i: run[-1].i + 1])
    return None


def _bare_number_verb(run):
    """The verb a number with no noun of its own completes, and how: ("subject", verb) for
    "303 were freed", ("object", verb) for "released 84" and "rose to 48"."""
    last = run[-1]
    if last.dep_ in {"nsubj", "nsubjpass"} and last.head.pos_ == "VERB":
        return "subject", last.head
    if last.dep_ == "dobj" and last.head.pos_ == "VERB":
        return "object", last.head
    if last.dep_ == "pobj" and last.head.lower_ in {"to", "at", "past", "above", "over"} and last.head.head.pos_ == "VERB":
        return "object", last.head.head
    return None


def _total_unit(run):
    """"the number of hostages rose to 48", "deaths have reached 1,000": a number completing a
    verb of a total counts the verb's subject (or what its "number of" names)."""
    data = _data()
    found = _bare_number_verb(run)
    if found is None or found[0] != "object" or found[1].lemma_.lower() not in data["total_verbs"]:
        return None
    verb = found[1]
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subject is None or subject.i > run[0].i:
        return None
    counted = subject
    if subject.lower_ in data["total_nouns"]:
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        counted = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ == "NOUN"), None) if of is not None else None
        if counted is None:
            return None  # "the tally stood at 50": a total of what, the clause does not say
    phrase = _noun_phrase_after(counted)
    return _text(phrase).lower(), counted.lemma_.lower(), list(run[0].doc[min(subject.i, run[0].i): run[-1].i + 1])


def _size_of_unit(run):
    """"a peacekeeping mission of 9,000", "a population of 4.5 million": a number after
    "of" that no noun of its own follows counts the noun before "of"."""
    data = _data()
    doc = run[0].doc
    of, noun, after = _word(doc, run[0].i - 1), _word(doc, run[0].i - 2), _word(doc, run[-1].i + 1)
    if of is None or noun is None or of.lower_ != "of" or noun.pos_ != "NOUN":
        return None
    if after is not None and (after.pos_ in {"NOUN", "PROPN", "ADJ", "NUM"} or after.text == "-"):
        return None  # "a force of 9,000 troops" counts its own noun
    lower = noun.lower_
    if lower in data["total_nouns"] or lower in data["not_sizes"] or lower in data["durations"] or _is_calendar(noun):
        return None  # "a total of 48", "the age of 45", "the end of 2022"
    phrase = [t for t in doc[noun.left_edge.i : noun.i + 1] if t.pos_ in {"NOUN", "PROPN", "ADJ"}] or [noun]
    return _text(phrase).lower(), noun.lemma_.lower(), list(doc[phrase[0].i : run[-1].i + 1])


def _casualty_subject(run):
    """"Another 20 were wounded": a bare number the subject of a casualty verb."""
    found = _bare_number_verb(run)
    casualties = _data()["casualty_verbs"]
    if found is None or found[0] != "subject" or found[1].lower_ not in casualties:
        return None
    return casualties[found[1].lower_], "", list(run[0].doc[run[0].i: found[1].i + 1])


def _verb_unit(run):
    """"A further 303 were freed", "each side released 84": a bare number that is the subject
    or object of a verb of moving people counts those moved; the unit is the verb."""
    found = _bare_number_verb(run)
    if found is None or found[1].lemma_.lower() not in _data()["counting_verbs"]:
        return None
    how, verb = found
    if how == "subject" and not any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "84 returned home": an active subject is no count of those moved
    tokens = list(run[0].doc[min(verb.i, run[0].i): max(verb.i, run[-1].i) + 1])
    return verb.text.lower(), verb.lemma_.lower(), tokens


def _partitive_unit(run):
    """"3 of 100 aid lorries": the first number counts what the second counts; "12 of the
    hostages", "300 of their own men": what the noun after "of" names."""
    doc = run[0].doc
    of, second = _word(doc, run[-1].i + 1), _word(doc, run[-1].i + 2)
    if second is not None and second.lower_ in {"the", "its", "their", "his", "her", "our"}:  # "12 of the 15 council members"
        second = _word(doc, second.i + 1)
    if second is not None and second.lower_ == "own":  # "300 of their own men"
        second = _word(doc, second.i + 1)
    if of is None or second is None or of.lower_ != "of":
        return None
    if _is_number(second):
        return _counted_as_the_second(run, second)
    if second.pos_ == "NOUN" and not _is_calendar(second) and second.lower_ not in _data()["durations"]:
        phrase = _noun_phrase_after(second)  # "12 of the hostages", "300 of their own men"
        return _text(phrase).lower(), second.lemma_.lower(), list(doc[run[0].i : phrase[-1].i + 1])
    return None


def _counted_as_the_second(run, second):
    """(unit, counted, tokens from `run` to the unit) of the number that starts at
    `second`, which the number `run` shares its unit with; None without one."""
    doc = run[0].doc
    end = second.i + 1
    while end < len(doc) and (_is_number(doc[end]) or doc[end].lower_ in _data()["scales"]):
        end += 1
    found = _unit(list(doc[second.i:end]))
    if found is None:
        return None
    unit_text, counted, tokens = found
    return unit_text, counted, list(doc[run[0].i: tokens[-1].i + 1])


def _object_of_change(run):
    """"cut its installed centrifuges ..., from almost 20,000 to 6,104": a number with no
    noun in a "from ... to ..." phrase counts the object of the verb the phrase modifies."""
    doc = run[0].doc
    before = _word(doc, run[0].i - 1)
    while before is not None and before.pos_ == "ADV":  # "almost", "about"
        before = _word(doc, before.i - 1)
    if before is None or before.lower_ not in {"from", "to"}:
        return None
    node = run[-1]
    for _ in range(4):
        node = node.head
        if node.pos_ == "VERB":
            break
        if node.pos_ not in {"ADP", "NUM", "PART"}:
            return None
    else:
        return None
    if node.i > run[0].i:
        return None
    obj = next((c for c in node.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None:
        return None
    phrase = _noun_phrase_after(obj)
    return _text(phrase).lower(), obj.lemma_.lower(), list(run)


def _range_unit(run):
    """"24 to 48 hours", "four to five months", "from 20,000 to 6,104 centrifuges": the
    first number of a range counts what the second does."""
    doc = run[0].doc
    link, second = _word(doc, run[-1].i + 1), _word(doc, run[-1].i + 2)
    if link is None or second is None or link.lower_ not in {"to", "-", "\u2013", "and", "or"} or not _is_number(second):
        return None
    return _counted_as_the_second(run, second)


def _elided_unit(run, earlier):
    """A number with no noun of its own, after a counted number in the same sentence:
    "another 3,000", "and four of gasoline", "26 were abducted"."""
    doc = run[0].doc
    after = _word(doc, run[-1].i + 1)
    if after is not None and (after.lower_ in _data()["elided_unit_blockers"] or after.pos_ in {"NOUN", "PROPN"}):
        return None
    partitive = _word(doc, run[-1].i + 2)
    figures = any(_FIGURES.match(t.text) for t in run)
    if after is not None and after.lower_ == "of" and (partitive is None or partitive.pos_ in {"DET", "PRON"}) \
            and not (figures and partitive is not None and partitive.lower_ in {"them", "those", "these", "whom"}):
        return None  # "one of them", "two of the delegates": a part, not an elided count ("230 of them" is one)
    sentence = run[0].sent
    previous = [c for c in earlier if c[3][0].i < run[0].i and c[3][0].sent.start == sentence.start
                and c[1] != "fraction" and c[1] not in _data()["fractions"]]
    if not previous:
        return None
    unit_text, counted = previous[-1][1], previous[-1][2]
    casualties = _data()["casualty_verbs"]
    if unit_text in set(casualties.values()):
        verb = _counting_verb(run)  # "killed 600 people and displaced 700,000": the second verb counts its own
        if verb is not None and casualties.get(verb.lemma_.lower(), unit_text) != unit_text:
            return casualties[verb.lemma_.lower()], verb.lemma_.lower(), list(run)
        if verb is not None and verb.lemma_.lower() not in casualties:
            return None
    return unit_text, counted, list(run)


def _counting_verb(run):
    """The verb a bare number is the object of ("displaced about 700,000"), or None."""
    head = run[-1]
    while head.dep_ in {"nummod", "quantmod", "compound"} and head.head.i != head.i:
        head = head.head
    return head.head if head.dep_ == "dobj" and head.head.pos_ == "VERB" else None


def _half_a(run) -> bool:
    """"half a million": a scale word after "half a"."""
    doc = run[0].doc
    return (len(run) == 1 and run[0].lower_ in _data()["scales"] and run[0].i >= 2
            and doc[run[0].i - 1].lower_ == "a" and doc[run[0].i - 2].lower_ == "half")


def _coordinated(run) -> bool:
    """"... and one from the AU team": a number word joined to an earlier count by "and"/"or"."""
    before = _word(run[0].doc, run[0].i - 1)
    return before is not None and before.lower_ in {"and", "or", "plus"}


def _a_duration(token):
    """"a week of consultations", "within a fortnight": one unit of time, written "a"."""
    data = _data()
    if token.lower_ not in {"a", "an"}:
        return None
    unit = _word(token.doc, token.i + 1)
    after = _word(token.doc, token.i + 2)
    couple = _word(token.doc, token.i + 3)
    if unit is not None and unit.lower_ == "couple" and after is not None and after.lower_ == "of" \
            and couple is not None and couple.lower_ in data["durations"]:  # "a couple of days"
        return 2, couple.lower_, couple.lower_, [token, unit, after, couple], "a couple"
    if unit is None or unit.lower_ not in data["durations"] | {"fortnight"}:
        return None
    if after is not None and after.lower_ in {"ago", "later", "earlier", "after", "before", "long"}:
        return None  # "a week ago": a date
    if unit.lower_ == "decade":  # "nearly a decade": ten years
        return 10, "years", "years", [token, unit], token.text
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
    if pobj is None or _is_calendar(pobj) or _is_date_or_time([pobj]) or pobj.lemma_.lower() in data["durations"]:
        return None  # "the second half of 2024", "the first quarter of next year": a time
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
    if head.pos_ == "VERB" and head.i < tokens[-1].i:
        return head  # the verb is the quantity's own first word: "displaced about 700,000"
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
        if words_only and before is not None and before.lower_ in data["referring_words"] and _refers(run[-1]) \
                and not (after is not None and after.text == "-"):
            continue  # "the two sides", not "the three ports" nor "the five-page document"
        if words_only and run[0].lower_ == "one" and after is not None and after.lower_ == "of":
            continue  # "one of its most ambitious attacks"
        own_unit = (_unit(run) or _range_unit(run) or _partitive_unit(run) or _casualty_noun_unit(run)
                    or _object_of_change(run) or _total_unit(run) or _size_of_unit(run))
        unit = own_unit or _elided_unit(run, candidates) or _casualty_subject(run) or _verb_unit(run)
        value = _value_of(run)
        if value is not None and unit is not None and _half_a(run):  # "half a million"
            value, run = value / 2, [doc[run[0].i - 2], doc[run[0].i - 1], *run]
            unit = (unit[0], unit[1], [*run[:2], *unit[2]] if unit[2][0].i == run[2].i else unit[2])
        if unit is None or value is None:
            continue
        unit_text, counted, tokens = unit
        measured = unit_text.split()[0] in data["durations"] or (after is not None and after.text == "-")
        if measured and _is_calendar(_word(doc, tokens[-1].i + 1)):
            continue
        casualty = unit_text in set(data["casualty_verbs"].values())  # "one soldier was killed"
        if value == 1 and words_only and not measured and not casualty and (own_unit or not _coordinated(run)):
            continue  # "one matter of disagreement": an article, not a count ("two from the parties and one from the AU" is)
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
            candidates.append((round(value, 2), "fraction", counted, tokens, _text(tokens[: tokens.index(token) + 1])))
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
