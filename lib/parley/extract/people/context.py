"""One article as the rules read it: its Doc with sentence, line and paragraph bounds, the
party each token names, and the `Mention`s of people found so far.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from parley import nlp
from parley.extract.dates import own_date
from parley.extract.people.names import _POSSESSIVE, ends_hyphenated_name
from parley.knowledge.sides import article_party_nouns, find_parties


@dataclass
class Mention:
    start: int  # token index of the name's first token
    end: int  # token index after the name
    surface: str
    body_start: int
    body_end: int
    from_ner: bool = False
    role: str = ""
    plural_role: bool = False
    possessor: str = ""
    span: tuple[int, int] = (0, 0)  # body offsets of the quote: role and name together
    side: str = ""
    side_strength: int = -1
    side_evidence: str = ""
    role_party: str = ""
    owner_token: int = -1  # "his chief of staff, X": where the owning pronoun's title starts
    shared_title: bool = False  # "Presidents A and B": a plural title shared with the others listed
    unnamed_group: bool = False  # "X headed the government team": in a group whose party the text does not name
    alias_of: Mention | None = None  # "X, better known as Y": Y's mention points to X's

    def give_side(self, side: str, strength: int, evidence: str) -> None:
        if side and strength > self.side_strength:
            self.side, self.side_strength, self.side_evidence = side, strength, evidence


@dataclass
class _Article:
    """One article's Doc with the boundaries the rules need."""

    article: object
    doc: object
    segment: list[tuple[int, int]]  # per token: (first, end) token of its sentence/line
    paragraphs: list[tuple[int, int]]  # body character spans between blank lines
    party_at: list[str]  # per token: the party an alias covering it names ("Shin Bet", "Kremlin")
    mentions: list[Mention] = field(default_factory=list)
    # what the side rules find in a segment, asked for once per mention in it: {key: result}
    found_in_segment: dict = field(default_factory=dict, repr=False)
    own_date_found: str | None = field(default=None, repr=False)

    @property
    def body(self) -> str:
        return self.article.body

    def text(self, start: int, end: int) -> str:
        """Body text of tokens [start, end)."""
        if end <= start:
            return ""
        return self.body[self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1].text)]

    def own_date(self) -> str:
        """The date the article's own full dates tell it from (`dates.own_date`), found once."""
        if self.own_date_found is None:
            self.own_date_found = own_date(self.body)
        return self.own_date_found

    def token_starts(self) -> list[int]:
        """Each token's character offset, for finding the token at an offset by bisection."""
        return nlp.columns(self.doc).idx

    def paragraph_of(self, char: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= char < end:
                return index
        return -1


def _segments(doc) -> list[tuple[int, int]]:
    """For each token, its sentence cut at line breaks (spaCy runs list items together)."""
    bounds = [0] * len(doc)
    texts = nlp.columns(doc).text
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end):
            if "\n" in texts[i] and texts[i].isspace():  # Token.is_space: its text is all whitespace
                for j in range(start, i + 1):
                    bounds[j] = (start, i)
                start = i + 1
        for j in range(start, sent.end):
            bounds[j] = (start, sent.end)
    return bounds


def _party_tokens(body: str, doc) -> list[str]:
    """For each token, the party named by an alias that covers it, else ""."""
    parties = [""] * len(doc)
    for found in find_parties(body, include_no_party=True):
        span = doc.char_span(found.start, found.end, alignment_mode="expand")
        if span is not None and not ends_hyphenated_name(span[0]):  # "Villanueva-Lao" names no Laos
            for i in range(span.start, span.end):
                if doc[i].text not in _POSSESSIVE:
                    parties[i] = found.party
    # "the government team", "a government official": a noun this article uses for one party
    nouns = article_party_nouns(body)
    if nouns:  # a token is at most one of these nouns: one pass over the doc does for all of them
        columns = nlp.columns(doc)
        for i, lower in enumerate(columns.lower):
            party = nouns.get(lower)
            if party is not None and not parties[i] and columns.text[i].islower():
                parties[i] = party
    return parties
