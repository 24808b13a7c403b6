"""Title phrases around a name: the title before it ("Deputy Head of the SBU X", "Lind's
aide X", "Ukraine's Minister of Defence, X") and the appositive after it ("X, Minister
of Defence", "X (Defence Minister)", "• X: Defence Minister"), as token ranges
(`_Title`) with their possessor or possessive party.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.people.context import _Article
from parley.extract.people.names import (
    _DASHES,
    _DETERMINERS,
    _POSSESSIVE,
    _is_particle,
    _mere_honorific,
    _name_like,
    honorific_before,
    lexicon,
)
from parley.knowledge.gazetteer import is_given_name, is_place
from parley.knowledge.sides import party_of
from parley.text import fold

MAX_TITLE_TOKENS = 14
MAX_APPOSITIVE_TOKENS = 25
_ACRONYM = re.compile(r"(?:[A-Z\u0130]\.?){2,6}")  # SBU, U.N., MİT
_APPOSITIVE_END = {",", ";", ":", "\u2013", "\u2014", ".", "!", "?", '"'}


# --- the title before a name -----------------------------------------------------------


@dataclass
class _Title:
    start: int  # token range of the role words (possessive party excluded)
    end: int
    quote_start: int  # token where the quote starts (possessor or possessive party included)
    has_head: bool
    possessor: str = ""
    party: str = ""  # a possessive party before the title: "Ukraine's"
    plural: bool = False


def _title_token(ctx: _Article, i: int) -> bool:
    token = ctx.doc[i]
    lex = lexicon()
    if token.text in _DASHES and (token.whitespace_ or (i > 0 and ctx.doc[i - 1].whitespace_)):
        return False  # "BRUSSELS – Serbian President X": a dateline's dash, not a hyphen in a title
    if ctx.party_at[i]:
        return True
    key = fold(token.text)
    if key in lex.connectors:
        if key == "and":  # "Prime Minister and Foreign Minister X", "Minister of Water Resources and Irrigation X"
            before = fold(ctx.doc[i - 1].text) if i > 0 else ""
            return (lex.is_head(before) or before in lex.domains) and _title_word_token(ctx.doc[i + 1])
        return True
    return _title_word_token(token)


def _title_word_token(token) -> bool:
    lex = lexicon()
    text = token.text
    if lex.is_title_word(text) or fold(text) in lex.honorifics:
        return True
    if party_of(text):
        return True
    if _ACRONYM.fullmatch(text) or (text.isupper() and 2 <= len(text) <= 6):
        return True
    return text[:1].isupper() and token.ent_type_ in {"ORG", "NORP"} and not token.is_sent_start


def _owner_before(ctx: _Article, i: int) -> tuple[int, str, str]:
    """The owner ending at token i of a possessive: (first token, party, person name)."""
    doc = ctx.doc
    seg_start = ctx.segment[i][0]
    for width in (3, 2, 1):  # "United States'", "Russian Federation's", "Ukraine's"
        first = i - width + 1
        if first >= seg_start and (party := party_of(ctx.text(first, i + 1))):
            return first, party, ""
    if doc[i].text.islower() and (party := ctx.party_at[i]) and i - 1 >= seg_start \
            and fold(doc[i - 1].text) in _DETERMINERS:
        return i, party, ""  # "the rebels' spokesman": a noun the article uses for one party
    first = i
    while first - 1 >= seg_start and (_name_like(doc[first - 1]) or _is_particle(doc[first - 1])):
        first -= 1
    if first <= i and _name_like(doc[i]):
        return first, "", ctx.text(first, i + 1)
    return i + 1, "", ""


def _title_before(ctx: _Article, name_start: int) -> _Title | None:
    """The title phrase right before a name ("Deputy Head of the SBU X", "Lind's aide X")."""
    doc = ctx.doc
    seg_start = ctx.segment[name_start][0]
    end = name_start
    while (width := honorific_before(doc, end, seg_start)) and _mere_honorific(doc[end - width : end].text):
        end -= width  # "Foreign Minister Sheikh X", "Prime Minister Dato’ Sri X": no part of the role
    if end - 1 >= seg_start and doc[end - 1].lower_ in _OWNING_PREPOSITIONS:
        return None  # "editor of Lanterna", "adviser to Lind": whose title it is, not the title of the name
    title = _scan_title_left(ctx, end, seg_start)
    if title is not None and not _ends_title(ctx, title.end - 1):
        title = None
    if title is None and end - 1 > seg_start and doc[end - 1].text == ",":
        # "Norway's Minister of Defence, X" / "Lind's special envoy, X"
        title = _scan_title_left(ctx, end - 1, seg_start)
        introduced = title is not None and (title.possessor or title.party or _after_determiner(ctx, title)
                                            or _after_owning_noun(ctx, title))
        if not (introduced and title.has_head) or title.plural:
            title = None  # "One of its members, X": a group's title, not X's
        elif _apposition_of_name_before(ctx, title, seg_start):
            title = None  # "A, the EU's foreign policy chief, X, ...": A's title, not X's
    return title


_OWNING_PREPOSITIONS = {"of", "at", "for", "to", "from", "with"}


def _scan_title_left(ctx: _Article, end: int, seg_start: int) -> _Title | None:
    doc = ctx.doc
    j = end - 1
    possessor, party, quote_start = "", "", None
    while j >= seg_start and end - j <= MAX_TITLE_TOKENS:
        token = doc[j]
        if token.text in _POSSESSIVE and j - 1 >= seg_start:
            first, owner_party, owner_name = _owner_before(ctx, j - 1)
            if owner_party:
                j = first - 1
                continue
            if owner_name:
                possessor, quote_start = owner_name, first
            break
        if not _title_token(ctx, j) and not (doc[end - 1].text.islower() and _described_title_word(ctx, j, seg_start)):
            break
        j -= 1
    start = j + 1
    start, stop = _trim_title(ctx, start, end)
    start = _own_title_start(ctx, start, stop)
    if start >= stop:
        return None
    # A possessive party before the title ("Ukraine's First Deputy Foreign Minister"):
    # evidence of the side, left out of the role as the article's own words of office.
    if stop - start >= 3 and doc[start + 1].text in _POSSESSIVE and (
            party := party_of(doc[start].text) or (doc[start].text.islower() and ctx.party_at[start])):
        quote_start = start if quote_start is None else quote_start
        start += 2
    elif stop - start >= 3 and (owner := _owner_party_prefix(ctx, start, stop)):
        party, skip = owner
        quote_start = start if quote_start is None else quote_start
        start += skip
    heads = [i for i in range(start, stop) if lexicon().is_head(doc[i].text) and doc[i].text[:1] != "("]
    plural = bool(heads) and fold(doc[heads[-1]].text) not in lexicon().heads
    return _Title(start, stop, start if quote_start is None else quote_start, bool(heads), possessor, party, plural)


def _described_title_word(ctx: _Article, i: int, seg_start: int) -> bool:
    """A lower-case describing word inside a lower-case title introduced by a possessive
    or a determiner: "nuclear" in "Iran's nuclear chief", "sanctioned" in "the sanctioned
    oligarch" (not "the strongest sanctions" before "President Trump")."""
    token = ctx.doc[i]
    if not token.text.islower() or token.pos_ not in {"ADJ", "NOUN", "VERB", "PROPN"} or fold(token.text) in _DETERMINERS:
        return False
    for k in range(i - 1, max(seg_start, i - 3) - 1, -1):
        text = ctx.doc[k].text
        if text in _POSSESSIVE or fold(text) in _DETERMINERS:
            return True
        if not (text.islower() and ctx.doc[k].pos_ in {"ADJ", "NOUN"}):
            return False
    return False


def _own_title_start(ctx: _Article, start: int, stop: int) -> int:
    """The part of a title before a name that is this person's: "spokesman for South
    African President X" and "on the side of President X" give X only "South African
    President" and "President", the words after the last of/for/to that is followed by a
    title of its own."""
    lex = lexicon()
    for i in range(stop - 1, start, -1):
        if fold(ctx.doc[i].text) in {"of", "for", "to"}:
            if any(lex.is_head(ctx.doc[k].text) for k in range(i + 1, stop)):
                new_start, _ = _trim_title(ctx, i + 1, stop)
                return new_start
            return start
    return start


def _after_owning_noun(ctx: _Article, title: _Title) -> bool:
    """"The group's spokesman, X", "the ministry's spokeswoman, X": a title owned by a
    body the text names with a common noun."""
    i = title.quote_start - 1
    return i >= 2 and ctx.doc[i].text in _POSSESSIVE and ctx.doc[i - 1].text.islower() \
        and ctx.doc[i - 1].pos_ == "NOUN" and fold(ctx.doc[i - 2].text) in _DETERMINERS


def _apposition_of_name_before(ctx: _Article, title: _Title, seg_start: int) -> bool:
    """Whether the title, with its determiner, follows a name and a comma: it describes
    that name ("Ana Quispe, the EU foreign policy chief, Tomas Rivera")."""
    i = title.quote_start - 1 if _after_determiner(ctx, title) else title.quote_start
    return i - 1 >= seg_start and ctx.doc[i - 1].text == "," and i - 2 >= seg_start and _name_like(ctx.doc[i - 2])


def _after_determiner(ctx: _Article, title: _Title) -> bool:
    """"The head of the Ukrainian delegation, X": a title introduced as a description."""
    i = title.quote_start - 1
    return i >= 0 and fold(ctx.doc[i].text) in {"the", "its", "their", "his", "her", "a", "an", "another"}


def _ends_title(ctx: _Article, i: int) -> bool:
    """The word right before a name must be a title word: "Foreign Minister X", "(SBU) X",
    never a place ("for the South Caucasus")."""
    text = ctx.doc[i].text
    return text == ")" or bool(ctx.party_at[i]) or lexicon().is_title_word(text) or bool(_ACRONYM.fullmatch(text))


def _owner_party_prefix(ctx: _Article, start: int, stop: int) -> tuple[str, int] | None:
    """A multi-word possessive party at the start of a title ("United States' envoy")."""
    for width in (3, 2):
        if start + width < stop and ctx.doc[start + width].text in _POSSESSIVE:
            if party := party_of(ctx.text(start, start + width)):
                return party, width + 1
    return None


def _trim_title(ctx: _Article, start: int, stop: int) -> tuple[int, int]:
    """Drop connectors, determiners and unmatched brackets at either end of a title."""
    doc = ctx.doc
    lex = lexicon()

    def loose(i: int) -> bool:
        key = fold(doc[i].text)
        return key in lex.connectors or key in _DETERMINERS or _mere_honorific(doc[i].text)

    while start < stop and (loose(start) and doc[start].text != "(" or doc[start].text == ")"):
        start += 1
    while stop > start and loose(stop - 1):
        if doc[stop - 1].text == ")" and "(" in [t.text for t in doc[start : stop - 1]]:
            break
        stop -= 1
    return start, stop


# --- the appositive after a name -------------------------------------------------------


def _title_after(ctx: _Article, name_end: int) -> _Title | None:
    """The appositive after a name: "X, Minister of Defence", "X, representing the ...",
    "X, Norway's foreign minister", "X, Lind's special envoy", "X (Defence Minister)",
    and in a list item "• X: Defence Minister"."""
    doc = ctx.doc
    lex = lexicon()
    seg_start, seg_end = ctx.segment[name_end - 1]
    opener = doc[name_end].text if name_end < seg_end else ""
    in_list = doc[seg_start].text in lex.bullets
    if name_end + 1 >= seg_end or not (opener in {",", "("} or opener in _DASHES or (opener == ":" and in_list)):
        return None
    start = name_end + 1
    if doc[start].pos_ in {"CCONJ", "ADP"}:
        return None  # "A, whose alias is B, and with two other commanders": the sentence goes on
    start = _skip_to_title(ctx, start, seg_end)
    quote_start, possessor, party = start, "", ""
    probe = start
    while probe < seg_end and (_name_like(doc[probe]) or _is_particle(doc[probe]) or ctx.party_at[probe]):
        probe += 1
    if start < probe < seg_end and doc[probe].text in _POSSESSIVE:
        if all(ctx.party_at[i] for i in range(start, probe)):
            party = ctx.party_at[start]
        else:
            possessor = ctx.text(start, probe)
        start = probe + 1
    if start >= seg_end:
        return None
    lead_key = fold(doc[start].text)
    stop = _appositive_end(ctx, start, seg_end, in_brackets=opener == "(")
    described = any(lex.is_head(doc[i].text) for i in range(start, stop)) and doc[start].text.islower() \
        and (doc[start].pos_ not in {"VERB", "AUX"} or _describes(doc, start))  # "X, met the rebel leader": a clause
    if not (lead_key in lex.role_cues or _title_word_token(doc[start]) or ctx.party_at[start] or described
            or _led_by_a_place(ctx, start, stop)):
        return None
    if stop < seg_end and doc[stop].pos_ in {"VERB", "AUX"} and fold(doc[stop].text) not in _RELATIVE \
            and not (doc[stop].dep_ == "acl" and doc[stop].tag_ == "VBN"):  # "a businessman arrested in 2015"
        return None  # "Meeting X, the minister smiled": the subject of a new clause
    start, stop = _trim_title(ctx, start, stop)
    if start >= stop:
        return None
    if opener == "(" and all(ctx.party_at[i] for i in range(start, stop)):
        return _Title(start, stop, quote_start, False, party=ctx.party_at[start])  # "X (Hamas)"
    heads = [fold(doc[i].text) for i in range(start, stop) if lex.is_head(doc[i].text)]
    if not (heads or lead_key in lex.role_cues):
        return None
    introduced = start > name_end + 1 or bool(possessor or party)  # "the", "Greece's": an apposition
    if heads and not any(h in lex.heads for h in heads) and not introduced:
        return None  # "X, officials said": plural heads describe others, not X
    if _names_another_person(ctx, start, stop) or _title_of_next_name(ctx, stop, seg_end):
        return None
    return _Title(start, stop, quote_start, True, possessor, party)


_RELATIVE = {"who", "whom", "whose", "which", "that"}
# "X, who now serves as Y": verbs that introduce the office in a relative clause.
_SERVES_AS = {"serve", "act", "work", "function"}
_COPULA = {"be"}


def _skip_to_title(ctx: _Article, start: int, seg_end: int) -> int:
    """Where the title of an appositive starts: past determiners and adverbs ("also an
    adviser"), and past a relative clause's "who now serves as (the)" or "who is"."""
    doc = ctx.doc
    i = start
    if i < seg_end and fold(doc[i].text) in {"who"}:
        j = i + 1
        while j < seg_end and doc[j].pos_ == "ADV":
            j += 1
        if j < seg_end and doc[j].lemma_ in _SERVES_AS and j + 1 < seg_end and fold(doc[j + 1].text) == "as":
            i = j + 2
        elif j < seg_end and doc[j].lemma_ in _COPULA:
            i = j + 1
        else:
            return start
    if i + 3 < seg_end and doc[i].like_num and doc[i + 1].text == "," and doc[i + 2].lemma_ in _COPULA \
            and fold(doc[i + 3].text) in {"a", "an"}:
        i += 3  # "X, 59, is a venture capitalist": what the person is
    if i + 2 < seg_end and fold(doc[i].text) == "one" and fold(doc[i + 1].text) == "of":
        i += 2  # "X, one of the movement's negotiators": a member of a plural office
    if i < seg_end and fold(doc[i].text) in _ONCE:
        # "X, once his deputy and now the rebels' leader": the office held now is the role
        now = next((j for j in range(i + 1, min(seg_end, i + MAX_APPOSITIVE_TOKENS))
                    if fold(doc[j].text) == "now"), -1)
        if now > 0:
            i = now + 1
    while i < seg_end and (fold(doc[i].text) in _DETERMINERS or (doc[i].pos_ == "ADV" and doc[i].text.islower())):
        i += 1  # "also an adviser"
    age = next((width for width in (7, 5) if i + width <= seg_end and _AGE.fullmatch(doc[i : i + width].text)), 0)
    if age:
        i += age  # "a 45-year-old demonstrator", "a twenty-five-year-old student": the age is no part of the title
    elif i > start and i < seg_end and doc[i].like_num and fold(doc[i - 1].text) in _DETERMINERS:
        i += 1  # "the two foreign ministers"
    return i


_ONCE = {"once", "formerly", "previously"}
_AGE = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-year-old")


def _appositive_end(ctx: _Article, start: int, seg_end: int, in_brackets: bool = False) -> int:
    """Where an appositive title ends: a comma, a clause's verb, the sentence's end; in
    brackets only the closing bracket ("X (Major General, coordinator)")."""
    doc = ctx.doc
    role_cues = lexicon().role_cues
    stop = start
    while stop < seg_end and stop - start < MAX_APPOSITIVE_TOKENS:
        token = doc[stop]
        if token.is_space or (token.text in _APPOSITIVE_END and not (in_brackets and token.text == ",")):
            break
        if stop > start and fold(token.text) in _RELATIVE:
            break  # "the Turkish Foreign Minister who is chairing the talks"
        if token.text == ")" and "(" not in [t.text for t in doc[start:stop]]:
            break
        if stop > start and token.pos_ in {"VERB", "AUX"} and fold(token.text) not in role_cues and not _describes(doc, stop):
            break
        stop += 1
    return stop


_COMPASS = re.compile(r"(?:north|south|east|west)(?:-?(?:east|west))?|(?:north|south|east|west)ern|central", re.I)


def _led_by_a_place(ctx: _Article, start: int, stop: int) -> bool:
    """"Horn of Africa director of ...", "Asia programme director at ...": a place or a
    region, then at most two lowercase words and a title's head."""
    doc = ctx.doc
    i = start
    while i < stop and (doc[i].text[:1].isupper() or (doc[i].text == "-" and not doc[i].whitespace_)):
        i += 1
    if i == start or i >= stop:
        return False
    place = ctx.text(start, i)
    words = place.replace("-", " ").split()
    named = [words]  # "Southeast Asia"; "South-West Asia" and "Central Europe" by their place
    if len(words) > 1 and _COMPASS.fullmatch(words[0]):
        named.append(words[1:])
    if len(words) > 2 and _COMPASS.fullmatch("-".join(words[:2])):
        named.append(words[2:])
    if not (is_place(place) or any(is_place(" ".join(n)) for n in named)):
        return False
    return any(lexicon().is_head(doc[k].text) for k in range(i, min(stop, i + 3))) and \
        all(doc[k].text.islower() for k in range(i, min(stop, i + 3)))


def _describes(doc, i: int) -> bool:
    """A verb form that describes the noun after it: "Washington-based", "sanctioned"
    (in "the sanctioned oligarch"), not the verb of a new clause."""
    token = doc[i]
    glued = i > 0 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return glued or (token.tag_ in {"VBN", "VBG"} and nxt is not None and nxt.pos_ in {"NOUN", "ADJ"})


def _title_of_next_name(ctx: _Article, stop: int, seg_end: int) -> bool:
    """"A, Deputy Head of the SBU B": the words after A's comma are B's title."""
    i = stop
    while i < seg_end and (ctx.doc[i].text == ")" or _title_token(ctx, i)):
        i += 1
    return i < seg_end and _name_like(ctx.doc[i])


def _names_another_person(ctx: _Article, start: int, stop: int) -> bool:
    """A phrase holding a name is the next person's title, not this one's appositive,
    unless the name is whom the title serves: "adviser to (Prime Minister) X",
    "spokesman for X"."""
    run = 0
    served = False
    for i in range(start, stop):
        token = ctx.doc[i]
        if fold(token.text) in lexicon().target_prepositions and i > start:
            served = True
        elif not (_title_token(ctx, i) or _name_like(token) or _is_particle(token)):
            served = False
        if served or _modifies_noun(ctx, i):
            continue
        if ctx.party_at[i]:  # "the former Costa Rican president": a party's word, no person's name
            run = 0
            continue
        if token.ent_type_ == "PERSON" and _name_like(token):
            return True
        run = run + 1 if _name_like(token) else 0
        if run >= 2 and not _body_name(ctx, i - 1):
            return True
    return False


def _modifies_noun(ctx: _Article, i: int) -> bool:
    """"the Sahrawi parliament", "the Trump administration": one capitalised word between an
    article and a common noun describes the noun; it names no person holding the title."""
    doc = ctx.doc
    return 0 < i < len(doc) - 1 and doc[i - 1].lower_ in {"the", "a", "an"} and doc[i + 1].text.islower() \
        and doc[i + 1].is_alpha and doc[i + 1].pos_ == "NOUN"


def _body_name(ctx: _Article, i: int) -> bool:
    """Whether the run of capitalised words through token `i` names a body ("the Northern
    Liberation Movement", "Lakeside Foundation"), not a person: it ends in a body's
    word (`organisation_heads`), or the tagger calls it an organisation and it does not
    begin with a given name (the tagger calls "(NSA) Ivan Lind" one too)."""
    doc = ctx.doc
    start, end = i, i
    while start > 0 and _name_like(doc[start - 1]):
        start -= 1
    while end + 1 < len(doc) and _name_like(doc[end + 1]):
        end += 1
    if fold(doc[end].text) in lexicon().organisation_heads:
        return True
    return all(t.ent_type_ == "ORG" for t in doc[start : end + 1]) and not is_given_name(doc[start].text)
