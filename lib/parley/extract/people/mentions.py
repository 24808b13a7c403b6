"""Finding the people an article names: runs of name-like words, kept as people when the
NER, a title, an honorific, a bulleted list item or a full name given elsewhere says
so, and left out when they are places, outlets, credits or parts of another name.
"""

from __future__ import annotations

import re
from collections import Counter

from parley import nlp
from parley.extract.people.context import Mention, _Article
from parley.extract.people.names import _DASHES, _is_particle, _name_like, honorific_before, lexicon, same_surname
from parley.extract.people.roles import _attach_role
from parley.knowledge import leaders
from parley.knowledge.gazetteer import is_given_name, is_place
from parley.knowledge.sides import party_of
from parley.read.metadata import known_outlet
from parley.text import fold

# words of a name, not counting its particles and hyphens ("Khalid al-Hamad al-Issa al-Rashid" has four)
MAX_NAME_WORDS = 6


def _name_runs(doc) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens, with particles and hyphens inside ("al-Hayya")."""
    runs, i, n = [], 0, len(doc)
    texts = nlp.columns(doc).text
    while i < n:
        # `_name_like` is False for a word not capitalised: read from the columns, no Token made
        if not texts[i][:1].isupper() or not _name_like(doc[i]):
            i += 1
            continue
        j, words = i + 1, 1
        while j < n and words < MAX_NAME_WORDS:
            token = doc[j]
            nxt = doc[j + 1] if j + 1 < n else None
            if _name_like(token) and doc[j - 1].whitespace_ != "\n":
                j += 1
                words += doc[j - 2].text != "-"  # "Al-Rashid" is one word
            elif token.text == "-" and not doc[j - 1].whitespace_ and not token.whitespace_ and nxt is not None and (
                _name_like(nxt) or _is_particle(nxt) or _name_syllable(nxt)
            ):
                j += 2 if _name_syllable(nxt) else 1  # "Ki-moon", "al-Houthi"
            elif _is_particle(token) and nxt is not None and (_name_like(nxt) or nxt.text == "-" or _is_particle(nxt)):
                j += 1  # "bin", "de la"
            elif _nickname_at(doc, j):
                j += 3  # "Rodrigo “Timochenko” Londoño"
            elif _surname_like_word(doc, i, j):
                j += 1  # "Theresa May": a month's name after a given name
            else:
                break
        runs.append((i, j))
        i = j
    return runs


_QUOTES = {'"', "\u201c", "\u201d", "'", "\u2018", "\u2019"}


def _name_syllable(token) -> bool:
    """The lower-case part of a hyphenated given name: "moon" in "Ki-moon"."""
    return token.text.isalpha() and token.text.islower() and token.pos_ in {"NOUN", "PROPN", "X"} and len(token.text) <= 5


def _nickname_at(doc, j: int) -> bool:
    """A quoted nickname inside a name, then the surname: "Rodrigo “Timochenko” Londoño"."""
    return (j + 3 < len(doc) and doc[j].text in _QUOTES and _name_like(doc[j + 1])
            and doc[j + 2].text in _QUOTES and _name_like(doc[j + 3]))


def _surname_like_word(doc, start: int, j: int) -> bool:
    """A capitalised word the rules would not take for a name ("May", a month) after a
    known given name, where the tagger reads both as one person: "Theresa May"."""
    token = doc[j]
    return (j == start + 1 and token.text[:1].isupper() and token.text.isalpha() and token.ent_type_ == "PERSON"
            and doc[start].ent_type_ == "PERSON" and is_given_name(doc[start].text) and not party_of(token.text))


def _find_mentions(ctx: _Article) -> list[Mention]:
    doc = ctx.doc
    person_tokens = {i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)}
    mentions: list[Mention] = []
    undecided: list[tuple[int, int]] = []
    for start, end in _name_runs(doc):
        start = _after_forms_of_address(doc, start, end)
        start = _drop_sentence_opener(ctx, start, end, person_tokens)
        start, end = _trim_to_person(ctx, start, end, person_tokens)
        if start >= end or any(ctx.party_at[i] for i in range(start, end)):
            continue  # "Shin Bet", "Kremlin": a party's alias is no person
        mention = _mention(ctx, start, end, from_ner=any(i in person_tokens for i in range(start, end)))
        _attach_role(ctx, mention)
        if mention.from_ner or mention.role or _after_honorific(ctx, start) or _opens_list_item(ctx, start, end):
            if not _other_kind_of_name(ctx, mention) and not _in_credit(ctx, mention):
                mentions.append(mention)
        else:
            undecided.append((start, end, mention))
    # A full name the tagger missed: a known given name first, or a leader the knowledge
    # table knows ("Volodymyr Zelenskyy and Vladimir Putin would meet").
    for start, end, mention in list(undecided):
        if end - start > 1 and _person_shaped(ctx.text(start, end)):
            mentions.append(mention)  # with the party after it ("Dag Nylander of Norway")
            undecided.remove((start, end, mention))
    # A full name listed with people is a person ("made up of A, Carlo Bautista and B"),
    # whatever the tagger took it for.
    _take_listed_with_people(ctx, mentions, undecided)
    # A surname the article gives in full elsewhere is that person ("Berg said").
    known = [m.surface for m in mentions if len(m.surface.split()) > 1]
    for start, end, _ in undecided:
        surname = ctx.text(start, end)
        if len(surname.split()) == 1 and any(same_surname(surname, name) for name in known):  # "Villanueva-Cruz" too
            mention = _mention(ctx, start, end, from_ner=False)
            mention.span = (mention.body_start, mention.body_end)
            mentions.append(mention)
    mentions = [m for m in mentions if _names_a_person(ctx, m, known)]
    return sorted(mentions, key=lambda m: m.start)


_LIST_JOINT = re.compile(r"\s*(?:,|,?\s+and)\s+")


def _take_listed_with_people(ctx: _Article, mentions: list[Mention], undecided: list) -> None:
    """Move from `undecided` to `mentions` each name of two words or more that a comma or
    "and" joins to a person's name in the same sentence, until none is left to move."""
    moved = True
    while moved:
        moved = False
        for item in list(undecided):
            start, end, mention = item
            if len(mention.surface.split()) < 2 or _other_kind_of_name(ctx, mention) or _in_credit(ctx, mention):
                continue
            for other in mentions:
                if ctx.segment[other.start] != ctx.segment[start]:
                    continue
                a, b = sorted((other, mention), key=lambda m: m.start)
                if a.body_end <= b.body_start and _LIST_JOINT.fullmatch(ctx.body[a.body_end : b.body_start]):
                    mentions.append(mention)
                    undecided.remove(item)
                    moved = True
                    break


def _names_a_person(ctx: _Article, mention: Mention, full_names: list[str]) -> bool:
    """A name-shaped mention that the article gives no reason to think is a person is not
    one: part of a place's or body's name ("the Horn of Africa"), a place ("Sanaa", "Khan
    Younis"), or a single capitalised word ("Explainer", "Email") that is neither the
    surname of a full name in the article, nor introduced by a title or honorific, nor a
    leader the knowledge table knows."""
    surface = mention.surface
    after = ctx.doc[mention.end : mention.end + 2]
    single = len(surface.split()) == 1 and not is_given_name(surface)
    if single and len(after) == 2 and after[0].lower_ == "of" and (after[1].text[:1].isupper() or after[1].lower_ == "the"):
        return False  # "the Horn of Africa", "Bank of England"
    is_surname = len(surface.split()) == 1 and any(same_surname(surface, name) for name in full_names)
    prefix = surface.split()[0] if len(surface.split()) > 1 else ctx.doc[mention.start - 1].text if mention.start else ""
    if fold(prefix) in lexicon().place_prefixes and not is_surname:
        return False  # "at Two Mile Hill, St Michael": a parish
    if single and not is_surname and _ends_a_bodys_name(ctx, mention.start):
        return False  # "an analyst at the Council on Regional Stability"
    if _begins_a_bodys_name(ctx, mention.end):
        return False  # "an analyst at the Halvard Peace Research Group"
    if single and not is_surname and mention.start > 0 and is_place(ctx.text(mention.start - 1, mention.end)):
        return False  # "General Santos": a place named with a title
    if not mention.from_ner and not is_surname and is_place(surface):
        return False  # "the deputy director of Hodeidah port"
    if mention.start > 0 and ctx.doc[mention.start - 1].lower_ == "the" and not is_surname:
        if not mention.role:
            return False  # "at the Palais Coburg", "the Salah al-Din road": a person is rarely "the X"
        if mention.start > 1 and ctx.doc[mention.start - 2].pos_ == "ADP":
            return False  # "envoy to the Middle East", "head for the Rafah crossing": where, not who
    if not mention.role and not is_surname and _described_as_a_place(ctx, mention):
        return False  # "Bocharov Dacha, the presidential residence"
    if mention.role or _after_honorific(ctx, mention.start) or is_surname:
        return True
    if is_place(surface) or all(is_place(word) for word in surface.split()):
        return False  # "Sanaa", "Khan Younis", a menu of districts "Jing'an Huangpu"
    following = ctx.text(mention.start, min(mention.end + 1, len(ctx.doc)))
    if known_outlet(surface) or known_outlet(following):
        return False  # "told Hürriyet Daily News"
    if len(surface.split()) == 1 and "-" not in surface:
        return bool(leaders.holders(surface, ctx.article.published))
    return True


# an apposition after a name: its article and up to five words, to a comma, a stop or a
# preposition ("Lindholm, a resort on the coast")
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+((?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+)(?=\s*[,.;]|\s+(?:on|in|of|near|outside|at)\b)")


def _described_as_a_place(ctx: _Article, mention: Mention) -> bool:
    """Whether an apposition right after the name calls it a place (`place_nouns`)."""
    m = _APPOSITION.match(ctx.body, mention.body_end)
    return bool(m) and fold(m.group(1).split()[-1]) in lexicon().place_nouns


def _ends_a_bodys_name(ctx: _Article, start: int) -> bool:
    """Whether the word at `start` ends a body's name: one of `organisation_heads`, "on",
    "for" or "of", then capitalised words up to it ("Centre for Regional Studies"), which a
    title before a name ("Secretary of State Rubio") does not begin with."""
    doc = ctx.doc
    i = start - 1
    while i >= 0 and start - i <= 3 and doc[i].text[:1].isupper():
        i -= 1
    if i < 1 or doc[i].lower_ not in {"on", "for", "of"}:
        return False
    head = doc[i - 1]
    return head.text[:1].isupper() and fold(head.text) in lexicon().organisation_heads


def _begins_a_bodys_name(ctx: _Article, end: int) -> bool:
    """Whether a name-shaped run ending before `end` goes on into a body's name: the next
    word is a capitalised one of `organisation_heads` ("Research Group", "Smith Foundation")."""
    if end >= len(ctx.doc):
        return False
    following = ctx.doc[end]
    return following.text[:1].isupper() and fold(following.text) in lexicon().organisation_heads


def _person_shaped(name: str) -> bool:
    words = name.split()
    return not is_place(name) and (is_given_name(words[0]) or bool(leaders.holders(name)))


def _mention(ctx: _Article, start: int, end: int, from_ner: bool) -> Mention:
    body_start = ctx.doc[start].idx
    body_end = ctx.doc[end - 1].idx + len(ctx.doc[end - 1].text)
    surface = ctx.body[body_start:body_end]
    return Mention(start, end, surface, body_start, body_end, from_ner=from_ner, span=(body_start, body_end))


def _drop_sentence_opener(ctx: _Article, start: int, end: int, person_tokens: set) -> int:
    """"Yesterday Berg said": a capitalised first word of a sentence is not the name."""
    first, _ = ctx.segment[start]
    if start == first and _after_abbreviated_honorific(ctx.doc, start):
        return start  # "Col. Nouri Hamza", which the parser split after "Col."
    if start == first and end - start > 1 and start not in person_tokens and (start + 1) in person_tokens:
        return start if is_given_name(ctx.doc[start].text) else start + 1
    opener = ctx.doc[start].text
    if start == first and end - start > 1 and len(opener) >= 7 and opener.endswith("ing") and not is_given_name(opener):
        return start + 1  # "Meeting Rivera in the capital, ...": a clause's verb, which the tagger may call a name
    return start


def _after_abbreviated_honorific(doc, start: int) -> bool:
    """Whether an abbreviation of a rank or honorific ends just before `start` ("Col.",
    "Dr.", spelled in one token or as a word and a full stop)."""
    if honorific_before(doc, start):
        return True
    return start >= 2 and doc[start - 1].text == "." and fold(doc[start - 2].text) + "." in lexicon().honorifics


def _trim_to_person(ctx: _Article, start: int, end: int, person_tokens: set) -> tuple[int, int]:
    """"Foreign Minister Anna Berg Opens Talks": where the NER found a person inside a
    run, words at either end that it left out and that are not proper nouns go."""
    if not any(i in person_tokens for i in range(start, end)):
        return start, end
    headline = _title_case_line(ctx, start)  # every word capitalised: the tagger says PROPN to all

    def loose(i: int) -> bool:
        return i not in person_tokens and (headline or ctx.doc[i].pos_ != "PROPN")

    while end - 1 > start and loose(end - 1):
        end -= 1
    while start < end - 1 and loose(start):
        start += 1
    return start, end


def _title_case_line(ctx: _Article, i: int) -> bool:
    """A headline in title case: the first sentence of its line, of four words or more,
    most capitalised, and no noun, verb or adjective of more than three letters in lower
    case (a sentence listing names, "Across the table sat A, B and C", has some)."""
    first, last = ctx.segment[i]
    begins = ctx.doc[first].idx
    if ctx.body[ctx.body.rfind("\n", 0, begins) + 1 : begins].strip():
        return False  # a sentence after another on its line ("... and Col. | Nouri Hamza ..."): no headline
    words = [t for t in ctx.doc[first:last] if t.is_alpha and len(t.text) > 3]
    if any(t.text.islower() and t.pos_ in {"NOUN", "VERB", "ADJ"} for t in words):
        return False
    return len(words) >= 4 and sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)


def _after_honorific(ctx: _Article, start: int) -> bool:
    """Whether a form of address ends just before `start`: "Dr", "Al Haj", "Dato’ Sri"."""
    return honorific_before(ctx.doc, start) > 0


def _after_forms_of_address(doc, start: int, end: int) -> int:
    """`start` past the words of a form of address of more than one word that a run of
    name words begins with ("Al Haj Yusuf Ampatuan") or ends ("Dato’ Sri Hamdan Ismail",
    where "Dato’" was left out of the run), as long as two name words stay."""
    honorifics = lexicon().honorifics
    while end - start > 2:
        if any(fold(doc[start - back : start + 1].text) in honorifics for back in (1, 2) if start >= back):
            start += 1
        elif any(fold(doc[start : start + length].text) in honorifics for length in (2, 3) if end - start - length >= 2):
            start += next(length for length in (2, 3) if fold(doc[start : start + length].text) in honorifics)
        else:
            break
    return start


def _opens_list_item(ctx: _Article, start: int, end: int) -> bool:
    """"• Name, Role" or "• Name – Role": a name at the head of a bulleted item."""
    doc = ctx.doc
    if start == 0 or doc[start - 1].text not in lexicon().bullets:
        return False
    if start - 1 != ctx.segment[start - 1][0]:
        return False
    return end < len(doc) and (doc[end].text in {",", ":", "("} or doc[end].text in _DASHES)


def _in_credit(ctx: _Article, mention: Mention) -> bool:
    """"(Reporting by X; editing by Y)", "By X": who made the article, not who is in it."""
    if mention.role:
        return False
    seg_start = ctx.doc[ctx.segment[mention.start][0]].idx
    prefix = ctx.body[seg_start : mention.body_start]
    chunk = re.split(r"[(;]", prefix)[-1]
    cues = "|".join(re.escape(c) for c in lexicon().credit_cues)
    if re.search(rf"(?:^|\b(?:{cues}))\W*\s*by\b[^.()]*$", fold(chunk)):
        return True
    suffix = ctx.body[mention.body_end : mention.body_end + 80]
    if re.match(r"(?:\s+and\s+[^.;()]{1,40}?)?\s+contributed\b", suffix):
        return True
    return _byline_with_place(ctx, mention)


_PLACE_AFTER_NAME = re.compile(r"\s*[,|\u2013\u2014-]\s*([A-Z][\w.'\u2019 -]{1,40}?)\s*")


def _byline_with_place(ctx: _Article, mention: Mention) -> bool:
    """A line that holds only the name and a place: the byline "Elena Petrova, Skopje"."""
    line_start = ctx.body.rfind("\n", 0, mention.body_start) + 1
    line_end = ctx.body.find("\n", mention.body_end)
    line_end = len(ctx.body) if line_end < 0 else line_end
    if ctx.body[line_start : mention.body_start].strip():
        return False
    place = _PLACE_AFTER_NAME.fullmatch(ctx.body[mention.body_end : line_end])
    return bool(place) and (is_place(place[1]) or bool(party_of(place[1])))


def _folded_entities(doc) -> list[tuple[str, str]]:
    """(folded text, label) of each of the Doc's entities, read once per Doc."""
    found = doc.user_data.get("_parley_folded_ents")
    if found is None:
        found = doc.user_data["_parley_folded_ents"] = [(fold(ent.text), ent.label_) for ent in doc.ents]
    return found


def _other_kind_of_name(ctx: _Article, mention: Mention) -> bool:
    """Outlets and places the NER took for people ("according to Reuters")."""
    key = fold(mention.surface)
    if key in lexicon().media:
        return True
    if mention.role or mention.end - mention.start > 1:
        return False
    labels = Counter(label for text, label in _folded_entities(ctx.doc) if text == key)
    return labels["PERSON"] < sum(labels[label] for label in ("GPE", "LOC", "FAC", "ORG", "NORP"))
