"""Sentences and the dependency parse: the units positions are read in, and the helpers
every reading shares (a multi-word cue's anchor, an issue phrase's head and extent,
negation, clause boundaries).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from parley import nlp

_VERBAL = {"VERB", "AUX"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Dependency labels that stay inside one noun phrase.
_NP_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "flat", "quantmod"}
# Function words that point at the word they modify: a cue on them belongs to their head.
_FUNCTION_DEPS = {"aux", "auxpass", "advmod", "neg", "mark", "prt", "prep", "det", "cc", "case", "punct", "agent"}
_MAX_QUOTE_TOKENS = 30


# --- units of text ---------------------------------------------------------------------


@dataclass
class _Unit:
    """A sentence within one paragraph; `offset` maps its doc's char offsets to the body."""

    span: object  # spaCy Span
    offset: int
    paragraph: int

    def chars(self, tokens) -> tuple[int, int]:
        if hasattr(tokens, "start_char"):  # a Span: its ends without a Token per word
            return self.offset + tokens.start_char, self.offset + tokens.end_char
        tokens = list(tokens)
        return self.offset + tokens[0].idx, self.offset + tokens[-1].idx + len(tokens[-1].text)


def _paragraph_of(bounds, offset: int) -> int:
    for index, (start, end) in enumerate(bounds):
        if start <= offset <= end:
            return index
    return len(bounds) - 1


def _units(doc, body: str, bounds) -> list[_Unit]:
    """The doc's sentences, re-parsed paragraph by paragraph where one runs across a
    paragraph break (headings and bullet items glued to the next sentence parse badly)."""
    plan = _plan(doc, body, bounds)
    pieces = [piece for item in plan if isinstance(item, tuple) for piece in item[1:]]
    parsed = iter(_parsed(pieces))
    units = []
    for item in plan:
        if not isinstance(item, tuple):
            units.append(_Unit(item, 0, _paragraph_of(bounds, item.start_char)))
            continue
        start = item[0]
        for sub in next(parsed).sents:
            if sub.text.strip():
                units.append(_Unit(sub, start, _paragraph_of(bounds, start)))
    return units


def _plan(doc, body: str, bounds) -> list:
    """Each of the doc's sentences as it is, or, for one that runs across a paragraph
    break, (start, piece) for each paragraph's piece of it, to be parsed again."""
    plan = []
    for sent in doc.sents:
        text = body[sent.start_char:sent.end_char].strip()  # sent.text, without joining its tokens
        if "\n\n" not in text:
            if text:
                plan.append(sent)
            continue
        for p_start, p_end in bounds:
            start, end = max(p_start, sent.start_char), min(p_end, sent.end_char)
            piece = body[start:end]
            if piece.strip():
                plan.append((start, piece))
    return plan


def parse_pieces_ahead(docs, bodies) -> None:
    """Parse, in one batch, the pieces `_units` will ask for in each of these articles (a
    batch's docs and bodies): one call of the parser per article cost a quarter of the
    re-parsing more. The Docs are `_parsed`'s, so each piece is still parsed on its own."""
    from parley.text import paragraph_spans

    _parsed([item[1] for doc, body in zip(docs, bodies) if doc is not None
             for item in _plan(doc, body, paragraph_spans(body)) if isinstance(item, tuple)])


# pieces a worker has parsed, kept for the articles after: a piece is parsed on its own, so
# a list item or a heading that comes back (reprints, a wire's stock lines) parses the same
_KEPT_PIECES = 2000


def _parsed(pieces: list[str]) -> list:
    """The Doc of each piece, parsed in one batch (those parsed before are not parsed again)."""
    kept = _parsed_before()
    todo = list(dict.fromkeys(p for p in pieces if p not in kept))
    if todo:
        if len(kept) + len(todo) > _KEPT_PIECES:
            kept.clear()
            todo = list(dict.fromkeys(pieces))
        # the readings of positions use no entity (`ent_type_`, `doc.ents`): the entity
        # recognizer, which the other components do not listen to, is left out of the re-parse
        model = nlp.load()
        with nlp.quick_attribute_ruler(model):
            kept.update(zip(todo, model.pipe(todo, disable=["ner"])))
    return [kept[p] for p in pieces]


@functools.lru_cache(maxsize=None)  # emptied with the knowledge when the project file changes
def _parsed_before() -> dict:
    return {}


# --- parse helpers ---------------------------------------------------------------------


def _refers_back(noun) -> bool:
    """"the demand", "this proposal", "Israel's terms": a noun naming a position already stated."""
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any", "no"} for c in noun.children)


def _anchor(tokens):
    """The token a multi-word cue hangs from: the last content word whose head lies outside
    the cue, a function word standing for its head ("should" -> the verb it modifies)."""
    ids = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    content = [t for t in outside if t.dep_ not in _FUNCTION_DEPS]
    anchor = content[-1] if content else outside[0] if outside else tokens[0]
    for _ in range(3):
        if (anchor.dep_ in _FUNCTION_DEPS or anchor.dep_ == "compound") and anchor.head.i != anchor.i:
            anchor = anchor.head
        else:
            break
    return anchor


def _head_of(tokens):
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def _negates(token, negators) -> bool:
    if token.lower_ in negators or token.lemma_.lower() in negators:
        return token.dep_ not in {"conj"} or token.pos_ != "ADJ"
    if token.lower_.startswith("non-"):
        return True
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "non":
        return True
    return any(c.dep_ in {"det", "neg", "advmod", "amod", "preconj"} and c.lower_ in negators for c in token.children)


def _inside_clause(token, clause_head) -> bool:
    """Whether `token` belongs to `clause_head`'s clause, not to a clause with its own subject."""
    node = token
    for _ in range(20):
        if node.i == clause_head.i:
            return True
        if node.pos_ in _VERBAL and node.i != token.i and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _phrase(head, issue_tokens) -> list:
    """The noun phrase that states the issue ("the release of all detainees"), without
    the items coordinated with it; the issue words alone when that would be too long."""
    top = node = head
    for _ in range(6):
        if node.dep_ in {"pobj", "prep", "compound", "amod", "nmod", "poss", "case"} and node.head.i != node.i \
                and node.head.pos_ in {"NOUN", "PROPN", "ADP", "ADJ"}:
            node = node.head
            if node.pos_ != "ADP":
                top = node
        else:
            break
    excluded = set()
    for child in top.children:
        if child.dep_ in {"conj", "cc"} or (child.dep_ == "punct" and child.i > head.i):
            excluded |= {t.i for t in child.subtree}
    kept = {t.i for t in top.subtree if t.i not in excluded}
    first, last = min(t.i for t in issue_tokens), max(t.i for t in issue_tokens)
    lo, hi = first, last
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    chosen = list(doc[lo:hi + 1])
    while chosen and (chosen[-1].is_punct or chosen[-1].is_space or chosen[-1].dep_ == "cc"):
        chosen.pop()
    while chosen and (chosen[0].is_punct or chosen[0].is_space):
        chosen.pop(0)
    if not chosen or len(chosen) > _MAX_QUOTE_TOKENS or not (chosen[0].i <= first and chosen[-1].i >= last):
        sent = head.sent
        lo, hi = max(sent.start, first - 4), min(sent.end, last + 5)
        chosen = [t for t in doc[lo:hi] if not t.is_space]
    return chosen
