"""Roles: the role a mention is given from the titles around it (`parley.extract.people.titles`),
whose aide or envoy it is, a plural title shared by the people it lists ("Presidents A
and B", "A and B, the deputy foreign ministers"), and whether two roles can name one office.
"""

from __future__ import annotations

import functools
import re

from parley.extract.people.context import Mention, _Article
from parley.extract.people.names import _DETERMINERS, lexicon, singular
from parley.extract.people.titles import _Title, _title_after, _title_before
from parley.knowledge.sides import NO_PARTY, find_parties, party_of
from parley.text import fold

# --- roles: comparison -----------------------------------------------------------------


@functools.lru_cache(maxsize=16384)
def _role_words(role: str) -> frozenset[str]:
    """The words that say which office a role is, for comparing two roles."""
    lex = lexicon()
    text = role.replace("\u2019", "'")
    text = re.sub(r"^[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*'s\s+", "", text)  # "Lind's aide": whose aide is no office
    text = re.sub(r"'s\b", "", text)
    words = set()
    for word in re.findall(r"[\w.-]+", fold(text)):
        word = lex.spelling.get(word, word).strip(".-")
        if not word or word in lex.connectors or word in _DETERMINERS or party_of(word):
            continue
        words.add(singular(word) if lex.is_head(word) else word)
    return frozenset(words)


def roles_compatible(a: str, b: str) -> bool:
    """Two roles can name one office: same rank ("Deputy" vs "First Deputy" cannot) and
    one's words within the other's ("Foreign Minister" / "Turkish Foreign Minister")."""
    words_a, words_b = _role_words(a), _role_words(b)
    if not words_a or not words_b:
        return True
    ranks = lexicon().rank_modifiers
    if words_a & ranks != words_b & ranks:
        return False
    return words_a <= words_b or words_b <= words_a


# --- a mention's role ------------------------------------------------------------------


def _attach_role(ctx: _Article, mention: Mention) -> None:
    """The role around a name: the title before it, the appositive after it, or both;
    the quote spans whatever of them the article gives."""
    before = _title_before(ctx, mention.start)
    after = _title_after(ctx, mention.end)
    parts, quote_start, quote_end = [], mention.body_start, mention.body_end
    if before is not None:
        quote_start = ctx.doc[before.quote_start].idx
    if after is not None:
        last = after.end
        if last < len(ctx.doc) and ctx.doc[last].text == ")" and ctx.doc[mention.end].text == "(":
            last += 1  # "X (Defence Minister)": the bracket closes the quote
        quote_end = ctx.doc[last - 1].idx + len(ctx.doc[last - 1].text)
    for title in (before, after):
        if title is None:
            continue
        mention.role_party = mention.role_party or title.party
        if not title.has_head:
            continue
        role = ctx.text(title.start, title.end)
        if title.possessor:
            role = f"{title.possessor}'s {role}"
            mention.possessor = mention.possessor or title.possessor
        parts.append(role)
        if title is before:
            mention.plural_role = title.plural
    mention.role = ", ".join(parts)
    mention.role_party = mention.role_party or _affiliation_after(ctx, mention.end)
    if not mention.possessor and parts and _owned_by_pronoun(ctx, before, after):
        mention.owner_token = before.quote_start if before else mention.start  # resolved once all names are known
    if not mention.possessor and (served := _served_person(mention.role)):
        mention.possessor = served  # "adviser to Prime Minister Abiy Ahmed": Abiy Ahmed's
    if parts or mention.role_party:
        mention.span = (quote_start, quote_end)


def _affiliation_after(ctx: _Article, end: int) -> str:
    """"X of the Houthis", "X, from the U.S. State Department": the party X belongs to;
    "X of the International Crisis Group": no party (`NO_PARTY`)."""
    doc = ctx.doc
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if i < len(doc) and doc[i].lower_ in {"of", "from"}:
        i += 1
        while i < len(doc) and doc[i].lower_ == "the":
            i += 1
        if i < len(doc) and (party := ctx.party_at[i]):
            return party
    return ""


def _owned_by_pronoun(ctx: _Article, before: _Title | None, after: _Title | None) -> bool:
    """"his chief of staff, X", "X, his aide": a title owned by a pronoun."""
    for title in (before, after):
        if title is not None:
            i = title.quote_start - 1 if title is before else title.quote_start
            if 0 <= i < len(ctx.doc) and ctx.doc[i].lower_ in {"his", "her"}:
                return True
            if title is after and any(ctx.doc[k].lower_ in {"his", "her"}
                                      for k in range(max(0, title.quote_start - 1), title.quote_start + 1)):
                return True
    return False


def _person_before(ctx: _Article, token: int) -> str:
    """The person named last before `token` in the same paragraph: whom "his" points to."""
    paragraph = ctx.paragraph_of(ctx.doc[token].idx)
    earlier = [m for m in ctx.mentions if m.end <= token and ctx.paragraph_of(m.body_start) == paragraph]
    subjects = [m for m in earlier if any(ctx.doc[i].dep_ in {"nsubj", "nsubjpass"} for i in range(m.start, m.end))]
    chosen = subjects or earlier
    return chosen[-1].surface if chosen else ""


def _kin_of(ctx: _Article, mention: Mention) -> str:
    """"his brother X", "Lind's son X", "X, son of President Lind", "X, Lind's son": the
    person whose kin X is (`kin_nouns`), else ""."""
    return _kin_before(ctx, mention) or _kin_after(ctx, mention)


def _kin_after(ctx: _Article, mention: Mention) -> str:
    doc = ctx.doc
    i = mention.end
    if i >= len(doc) or doc[i].text != ",":
        return ""
    i += 1
    if i < len(doc) and doc[i].lower_ in {"the", "a"}:
        i += 1
    if i + 1 < len(doc) and fold(doc[i].text) in lexicon().kin_nouns and doc[i + 1].lower_ == "of":
        # "son of President Lind": the next person named within a title's reach
        owner = next((m for m in ctx.mentions if i + 2 <= m.start <= i + 5), None)
        return owner.surface if owner is not None else ""
    owner = next((m for m in ctx.mentions if m.start == i), None)
    if owner is not None and owner.end + 1 < len(doc) and doc[owner.end].text in {"'s", "\u2019s"} \
            and fold(doc[owner.end + 1].text) in lexicon().kin_nouns:
        return owner.surface
    return ""


def _kin_before(ctx: _Article, mention: Mention) -> str:
    i = mention.start - 1
    if i >= 0 and ctx.doc[i].text == ",":
        i -= 1
    if i < 1 or fold(ctx.doc[i].text) not in lexicon().kin_nouns:
        return ""
    before = ctx.doc[i - 1]
    if before.lower_ in {"his", "her"}:
        return _person_before(ctx, i - 1)
    if before.text in {"'s", "\u2019s"}:
        owner = next((m for m in ctx.mentions if m.end == i - 1), None)
        return owner.surface if owner is not None else ""
    return ""


_SERVED = re.compile(r"\b(?:to|for)\s+(?:[A-Z][\w.'\u2019-]*\s+)*?(?P<name>[A-Z][\w'\u2019-]+(?:\s+(?:[a-z]{1,3}-?)?[A-Z][\w'\u2019-]+){1,3})$")


# "spokesperson for Kone's movement", "lawmaker from Lind's Civic party": the body of a
# person, whose side the body's people share
_SERVED_BODY = re.compile(r"\b(?:to|for|of|from)\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})['\u2019]s\s+"
                          r"(?:[\w-]+\s+){0,3}(?:movement|group|party|faction|forces|militia|camp|office|team|"
                          r"delegation|government|administration|campaign)$")


def _served_person(role: str) -> str:
    """The person a role serves, named at its end: "spokesman for President Lind" -> "Lind"
    (with the given name where the role gives it), "spokesperson for Kone's movement" ->
    "Kone"."""
    body = _SERVED_BODY.search(role)
    if body is not None and not party_of(body["name"]):
        return body["name"]
    m = _SERVED.search(role)
    if m is None:
        return ""
    words = m["name"].split()
    titles = [i for i, w in enumerate(words) if lexicon().is_title_word(w) or party_of(w)]
    words = words[titles[-1] + 1 :] if titles else words  # the name after the last title word
    return " ".join(words)


def _share_plural_appositive(ctx: _Article, mentions: list[Mention]) -> None:
    """"A and B, the country's deputy foreign ministers": both hold the title, in the singular."""
    for previous, mention in zip(mentions, mentions[1:]):
        if not mention.role or previous.role or not _plural_role(mention.role):
            continue
        between = [fold(ctx.doc[i].text) for i in range(previous.end, mention.start)]
        if between == ["and"]:
            mention.role = previous.role = _singular_role(re.sub(r"^[^,]*?'s ", "", mention.role))
            previous.role_party = previous.role_party or mention.role_party
            parties = _parties_before_head(mention.role.split(" "))
            if len(parties) == 2:  # "A and B, the Greek and Macedonian foreign ministers": in order
                previous.role_party, mention.role_party = parties
            previous.shared_title = mention.shared_title = True
            previous.span = (previous.span[0], mention.span[1])


def _parties_before_head(words: list[str]) -> list[str]:
    """The parties a title names before its head word, in order: "US and Chinese
    ambassadors to Malaysia" gives the US and China ("to Malaysia" says where)."""
    head_at = next((i for i, word in enumerate(words) if lexicon().is_head(word)), len(words))
    return [m.party for m in find_parties(" ".join(words[:head_at])) if m.party != NO_PARTY]


def _share_plural_title_before(ctx: _Article, mentions: list[Mention]) -> None:
    """"The US and Chinese ambassadors to Malaysia, A and B, ...": both hold the title
    written before them; where it names one party for each ("US and Chinese"), each
    takes its own, in order."""
    for previous, mention in zip(mentions, mentions[1:]):
        if previous.role or mention.role or previous.start < 2:
            continue
        if [fold(ctx.doc[i].text) for i in range(previous.end, mention.start)] != ["and"] \
                or ctx.doc[previous.start - 1].text != "," or mention.end >= len(ctx.doc) \
                or ctx.doc[mention.end].text not in {",", "."}:
            continue
        first = previous.start - 1
        while first > 0 and previous.start - first <= _TITLE_BEFORE_WORDS and ctx.doc[first - 1].text not in {",", ".", ":", "\n"} \
                and not ctx.doc[first - 1].is_space and fold(ctx.doc[first - 1].text) not in _DETERMINERS:
            first -= 1
        words = [ctx.doc[i] for i in range(first, previous.start - 1)]
        role = ctx.text(first, previous.start - 1) if words else ""
        if not words or not _plural_role(role) or not any(lexicon().is_title_word(t.text) for t in words):
            continue
        parties = _parties_before_head([t.text for t in words])
        previous.role = mention.role = role
        previous.shared_title = mention.shared_title = True
        if len(parties) == 2:
            previous.role_party, mention.role_party = parties
        elif len(parties) == 1:
            previous.role_party = mention.role_party = parties[0]
        start = ctx.doc[first].idx
        previous.span = (start, previous.span[1])
        mention.span = (start, mention.span[1])


# how far back from "A and B" a title shared by both may begin
_TITLE_BEFORE_WORDS = 8


def _plural_role(role: str) -> bool:
    heads = [w for w in re.findall(r"[\w-]+", fold(role)) if lexicon().is_head(w)]
    return bool(heads) and heads[-1] not in lexicon().heads


def _share_plural_titles(ctx: _Article, mentions: list[Mention]) -> None:
    """"Presidents A and B": B shares A's title, in the singular."""
    for previous, mention in zip(mentions, mentions[1:]):
        if not previous.plural_role or mention.role:
            continue
        between = [fold(ctx.doc[i].text) for i in range(previous.end, mention.start)]
        if between and all(word in {",", "and"} for word in between):
            previous.role = _singular_role(previous.role)
            previous.shared_title = mention.shared_title = True
            mention.role = previous.role
            mention.role_party = mention.role_party or previous.role_party
            mention.span = (previous.span[0], mention.body_end)


def _singular_role(role: str) -> str:
    words = role.split(" ")
    for index in range(len(words) - 1, -1, -1):
        if lexicon().is_head(words[index]) and fold(words[index]) not in lexicon().heads:
            plain = singular(fold(words[index]))
            words[index] = words[index][: len(plain)] if words[index][: len(plain)].lower() == plain else plain
            break
    return " ".join(words)
