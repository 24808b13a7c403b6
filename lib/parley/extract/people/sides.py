"""Sides: the evidence an article gives of the party a person acts for, strongest first.

A party named in the role (`SIDE_FROM_ROLE`); the delegation a sentence or a bulleted
list puts them in, or the person whose aide they are (`SIDE_FROM_GROUP`); a paragraph
about one side's delegation, the people listed with them, the party their sentence or
paragraph names (`SIDE_FROM_PARAGRAPH`); a leader in office on the article's date
(`SIDE_FROM_KNOWLEDGE`, `data/leaders.csv`). Each `_side_from_*` gives a mention a side
only where it is stronger than the one it has.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import Counter

from parley import nlp
from parley.extract.people.context import Mention, _Article
from parley.extract.people.names import _DETERMINERS, _clean_name, lexicon, same_person_name, singular
from parley.knowledge import leaders, project_file
from parley.knowledge.sides import NO_PARTY, article_party_nouns, find_parties, kind_of_party
from parley.text import fold

# Side evidence, strongest first; a person's side is taken from their strongest evidence.
SIDE_FROM_MANDATE = 4  # "X, the Ruritanian president, who steers the talks as the bloc's facilitator"
SIDE_FROM_ROLE = 3  # "Turkish Foreign Minister", "MİT chief", "Ukraine's Minister of Defence"
SIDE_FROM_GROUP = 2  # a delegation sentence, a list under a side's heading, whose aide
SIDE_FROM_PARAGRAPH = 1  # a paragraph about one side's delegation
SIDE_FROM_KNOWLEDGE = 0  # data/leaders.csv, or a role that acts for no party
SIDE_FROM_OTHER_ARTICLES = 0


# "Russian-backed separatist leader": the party backing them is not theirs
_SPONSOR = re.compile(r"[\s-]*(?:backed|supported|sponsored|allied|aligned|funded|armed|controlled)\b")


def role_side(role: str) -> str:
    """The party a role names as the person's own ("Russian U.N. Ambassador" -> Russia;
    "special envoy for Ukraine" names the counterpart, not the side)."""
    lex = lexicon()
    folded = fold(role.replace("\u2019", "'"))
    if folded.split(" ", 1)[0] in lex.former_words:
        return ""  # "former Nigerian president": a past office says nothing of the side today
    found_all = [f for f in find_parties(role, include_no_party=True) if not _SPONSOR.match(folded, f.end)]
    employer = [f for f in found_all if re.search(r"\bat\s+(?:the\s+)?$", folded[: f.start])]
    if employer:  # "UN director at Human Rights Watch": the employer, not the subject
        return employer[0].party
    kinds = kind_of_party()
    if group := next((f.party for f in found_all if kinds.get(f.party) == "armed_group"), ""):
        return group  # "Sudanese RSF commander", "Palestinian Hamas official": the group, not its country
    for index, found in enumerate(found_all):
        following = found_all[index + 1] if index + 1 < len(found_all) else None
        if following is not None and found.text.endswith(("'s", "\u2019s")) and not role[found.end : following.start].strip() \
                and kinds.get(following.party) in {"church", "party"}:
            continue  # "head of Peru's Episcopal Conference": the body, not the state it is in
            # (but "Norway's NATO ambassador" is Norway's)
        if found.kind == "capital" and re.match(r"\s+[A-Z]", role[found.end :]) \
                and not lexicon().is_title_word(role[found.end :].split()[0]) \
                and singular(folded.split()[-1]) != "minister":
            continue  # "Juba Alliance spokesman", "Washington Post reporter": a body named after a city
            # (but "the Karsberg Metropolitan minister" holds a portfolio in the capital's state)
        before = folded[: found.start]
        target = re.search(r"\b(\w+)\s+(?:the\s+)?$", before)
        if target and target.group(1) in lex.target_prepositions:
            heads = {v for w in re.findall(r"[\w-]+", before) for v in (fold(w), singular(fold(w)))}
            if heads & lex.target_heads and not (heads & lex.serving_heads and _owns_title(folded, found)):
                continue
        return found.party
    return ""


def _owns_title(folded_role: str, found) -> bool:
    """"adviser to Iran's supreme leader": the party owns the office the role serves."""
    words = re.findall(r"[\w-]+", folded_role[found.end :])[:3]
    return found.text.endswith(("'s", "\u2019s")) and any(lexicon().is_head(w) for w in words)


@functools.lru_cache(maxsize=None)
def _chair_patterns() -> tuple[re.Pattern, re.Pattern] | None:
    """The title words of a chair ("Chairperson-in-Office", "chairman") after an
    organisation's name, and before "of" it; None when the title words list none. Read
    once per process and project (`project_file.activate` empties this cache)."""
    heads = project_file.knowledge_yaml("titles.yml").get("chair_heads") or []
    if not heads:
        return None
    chair = "(?:" + "|".join(re.escape(fold(h)).replace(r"\-", "[- ]") for h in sorted(heads, key=len, reverse=True)) + ")"
    return re.compile(rf"\s*{chair}\b"), re.compile(rf"\b{chair}\s+of\s+(?:the\s+)?$")


def _chaired_organisation(role: str) -> str:
    """"Finland's Foreign Minister and OSCE Chairperson-in-Office": the organisation the
    role says the person chairs (they act for it), else ""."""
    patterns = _chair_patterns()
    if patterns is None or _is_former(role):
        return ""
    after, before = patterns
    folded = fold(role)
    for found in find_parties(role):
        if kind_of_party().get(found.party) not in {"igo", "bloc"}:
            continue
        if after.match(folded, found.end) or before.search(folded[: found.start]):
            return found.party
    return ""


def _side_from_role(mention: Mention, nouns: dict[str, str]) -> None:
    if mention.role and _acts_for_no_party(mention.role):
        # "a Russian analyst", "a Washington-based journalist": a nationality or a place,
        # not a party the person acts for
        mention.give_side(NO_PARTY, SIDE_FROM_ROLE, f"role: {mention.role}")
        return
    if mention.role and (chaired := _chaired_organisation(mention.role)):
        mention.give_side(chaired, SIDE_FROM_ROLE, f"chairs: {chaired}")
    role = mention.role
    if mention.possessor and role.startswith(mention.possessor):
        role = role[len(mention.possessor) :]
    side = role_side(role)
    if side and kind_of_party().get(side) == "armed_group":  # "Yemen's Houthi negotiator"
        mention.give_side(side, SIDE_FROM_ROLE, f"role: {mention.role}")
    first_word = fold(mention.role).split(" ", 1)[0]
    if mention.role_party and not _is_former(mention.role) and not _SPONSOR.match(fold(mention.role), len(first_word)):
        mention.give_side(mention.role_party, SIDE_FROM_ROLE, f"named with: {mention.role_party}")
    if side:
        mention.give_side(side, SIDE_FROM_ROLE, f"role: {mention.role}")
    elif (side := _party_noun_in(role, nouns)) and not _is_former(role):
        mention.give_side(side, SIDE_FROM_ROLE, f"role: {mention.role}")


_MANDATE = re.compile(
    r"\bas\s+(?:the\s+|its\s+)?(?P<owner>[\w -]+?)['\u2019]s?\s+(?:[a-z-]+\s+){0,2}?(?:facilitator|mediator|envoy)\b"
    r"|\bon\s+(?:the\s+)?(?P<behalf>[\w -]+?)['\u2019]s?\s+behalf\b")


def _side_from_mandate(ctx: _Article, mention: Mention) -> None:
    """"X, the Ruritanian president, who has steered the talks as the regional bloc's
    facilitator", "with X, who was mediating on the EU's behalf": in the relative clause
    right after them, the body a person mediates for; it wins over the office they hold."""
    end = ctx.doc[ctx.segment[mention.start][1] - 1]
    tail = ctx.body[mention.body_end : end.idx + len(end.text)]
    clause = re.match(r",(?:[^,;]*,)?[^,;]*?\bwho\s+[^;]*", tail)
    if not clause or any(m is not mention and mention.body_end < m.body_start < mention.body_end + clause.end()
                         for m in ctx.mentions):
        return
    found = _MANDATE.search(clause.group())
    if not found:
        return
    owner = found.group("owner") or found.group("behalf")
    parties = find_parties(owner)
    if parties:
        mention.give_side(parties[-1].party, SIDE_FROM_MANDATE, f"mediates for: {owner}")
        return
    noun = fold(owner.split()[-1])
    kinds = lexicon().body_anaphors.get(noun) or lexicon().body_anaphors.get(singular(noun))
    if kinds:  # "the regional bloc's": the body of that kind named last before
        body = _body_named_before(ctx, mention, kinds)
        if body is None:  # "..., as the regional bloc's facilitator. ... SADC's leaders": the one named after
            index = ctx.paragraph_of(mention.body_start)
            later = [f for f in find_parties(ctx.body[mention.body_end : ctx.paragraphs[index][1]]) if f.kind in kinds]
            body = later[0] if len({f.party for f in later}) == 1 else None
        if body is not None:
            mention.give_side(body.party, SIDE_FROM_MANDATE, f"mediates for: the {noun}: {body.text}")


def _side_from_body_anaphor(ctx: _Article, mention: Mention) -> None:
    """"the Lakeside Rights Group said ... X, the organisation's regional director", "the group's
    spokesman, X": the body of the noun's kinds (`body_anaphors`) named last before, in
    this paragraph or the one before."""
    nouns = lexicon().body_anaphors
    role = re.match(r"(?:(?:the|its)\s+)?([a-z]+?)(?:['\u2019]s|s['\u2019])\s", fold(mention.role or ""))
    before = re.search(r"\b(?:the|its)\s+([a-z]+?)(?:['\u2019]s|s['\u2019])\s+(?:[\w-]+\s+){0,3}[\w-]+,?\s*$",
                       fold(ctx.body[max(0, mention.span[0] - 60) : mention.span[0]]))
    noun = next((m.group(1) for m in (role, before) if m and m.group(1) in nouns), "")
    if not noun:
        return
    if (body := _body_named_before(ctx, mention, nouns[noun])) is not None:
        mention.give_side(body.party, SIDE_FROM_ROLE, f"the {noun} named before: {body.text}")


def _body_named_before(ctx: _Article, mention: Mention, kinds: frozenset):
    """The body of one of `kinds` named last before the person's quote, in their paragraph
    or the one before: what "the group's", "the regional bloc's" point back to."""
    index = ctx.paragraph_of(mention.body_start)
    start = ctx.paragraphs[max(0, index - 1)][0]
    bodies = [f for f in find_parties(ctx.body[start : mention.span[0]], include_no_party=True) if f.kind in kinds]
    return bodies[-1] if bodies else None


def _side_from_their(ctx: _Article, mention: Mention) -> None:
    """"The Ruritanians object to ... X, their leader, ...": a role owned by "their" is
    the group named last before it, in its sentence or the one before, when that is a
    people ("the Ruritanians", "the hill clans' people") or a movement, not a state's name."""
    after = ctx.body[mention.body_end : mention.body_end + 12]
    before = ctx.body[max(0, mention.body_start - 40) : mention.body_start]
    titled = re.search(r"\b[Tt]heir\s+(?:[\w-]+\s+){0,2}([\w-]+),\s*$", before)  # "Their spokesman, X"
    if not (re.match(r",\s+their\s", after) or re.search(r"\b[Tt]heir\s+(?:[\w-]+\s+){0,3}$", before)
            or (titled and lexicon().is_head(titled.group(1)))):
        return
    first, _ = ctx.segment[mention.start]
    start = ctx.doc[ctx.segment[first - 1][0] if first > 0 else first].idx
    groups = [f for f in find_parties(ctx.body[start : mention.body_start])
              if f.kind in {"armed_group", "party"} or (f.kind == "demonym" and f.text.endswith("s"))]
    if groups:
        mention.give_side(groups[-1].party, SIDE_FROM_GROUP, f"their: {groups[-1].text}")


def _side_from_possessive_party(ctx: _Article, mention: Mention) -> None:
    """"Hamas's Khalil al-Hayya", "North Korea's Kim Yo Jong": the party whose person this is."""
    i = mention.start - 1
    if i >= 1 and ctx.doc[i].text in {"'s", "\u2019s", "'", "\u2019"} and (party := ctx.party_at[i - 1]) \
            and party != NO_PARTY:
        mention.give_side(party, SIDE_FROM_ROLE, f"{ctx.doc[i - 1].text}{ctx.doc[i].text} {mention.surface}")


def _side_from_counterpart(ctx: _Article, mention: Mention) -> None:
    """"his Cambodian counterpart Prak Sokhonn", "His US counterpart, X": the party before
    the noun for the person opposite."""
    doc = ctx.doc
    i = mention.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    nouns = lexicon().counterpart_nouns
    j = next((i - n + 1 for n in (1, 2) if i - n >= 0 and fold(ctx.text(i - n + 1, i + 1)) in nouns), -1)
    if j < 1:  # "counterpart", "opposite number", with the party's word before it
        return
    if (party := ctx.party_at[j - 1]) and party != NO_PARTY and not _SPONSOR.match(fold(doc[j].text)):
        mention.give_side(party, SIDE_FROM_ROLE, f"counterpart: {ctx.text(j - 1, i + 1)}")


def _party_noun_in(role: str, nouns: dict[str, str]) -> str:
    """"government official" in an article where the government is one party's."""
    parties = {nouns[w] for w in re.findall(r"[a-z]+", role.lower()) if w in nouns}  # "Government negotiator"
    return parties.pop() if len(parties) == 1 else ""


def _is_bullet_paragraph(ctx: _Article, index: int) -> bool:
    start, end = ctx.paragraphs[index]
    return ctx.body[start:end].lstrip()[:1] in lexicon().bullets


def _side_from_list_heading(ctx: _Article, mention: Mention) -> None:
    """"The Russian Federation sent a team including:" then "• Name, Role" items."""
    index = ctx.paragraph_of(mention.body_start)
    if index < 0 or not _is_bullet_paragraph(ctx, index):
        return
    heading = index - 1
    while heading >= 0 and _is_bullet_paragraph(ctx, heading):
        heading -= 1
    if heading < 0:
        return
    start, end = ctx.paragraphs[heading]
    text = ctx.body[start:end]
    last_sentence = re.split(r"(?<=[.!?])\s+", text.strip())[-1]
    parties = sorted({p.party for p in find_parties(last_sentence)})
    if len(parties) == 1:
        mention.give_side(parties[0], SIDE_FROM_GROUP, f"list under: {last_sentence}")


def _group_phrases(ctx: _Article, seg_start: int, seg_end: int, unnamed: bool = False) -> tuple[tuple[int, int, str], ...]:
    """(first token, last token + 1, party) of each side's group in a sentence:
    "the Ukrainian delegation", "Russia's 14-member team", "delegation of Ukraine",
    "Russia, represented by", "Azerbaijan sent". With `unnamed`, also the groups of a side
    the sentence does not name ("the government team", "the other side"), with party "".
    Found once per segment and article: every mention in the segment asks."""
    key = ("groups", seg_start, seg_end, unnamed)
    found = ctx.found_in_segment.get(key)
    if found is None:
        found = ctx.found_in_segment[key] = tuple(_find_group_phrases(ctx, seg_start, seg_end, unnamed))
    return found


def _find_group_phrases(ctx: _Article, seg_start: int, seg_end: int, unnamed: bool) -> list[tuple[int, int, str]]:
    doc = ctx.doc
    lex = lexicon()
    words = nlp.columns(doc)
    groups = []
    for i in range(seg_start, seg_end):
        if fold(words.lemma[i]) in lex.group_nouns or fold(words.text[i]) in lex.group_nouns:
            party, first = "", i
            for j in range(i - 1, max(seg_start, i - 6) - 1, -1):
                if ctx.party_at[j]:
                    party, first = ctx.party_at[j], j
                    break
                if doc[j].pos_ in {"VERB", "AUX", "ADP", "CCONJ", "PRON"} or doc[j].text in {",", ";", ":"}:
                    break
            if not party and i + 2 < seg_end and fold(doc[i + 1].text) in {"of", "from"}:
                party = ctx.party_at[i + 2]
            if party:
                groups.append((first, i + 1, party))
            elif unnamed and i > seg_start and fold(doc[i - 1].text) in lex.unnamed_group_modifiers:
                groups.append((i - 1, i + 1, ""))
        elif (party := ctx.party_at[i]) and (i + 1 == seg_end or ctx.party_at[i + 1] != party):
            first = i
            while first - 1 >= seg_start and ctx.party_at[first - 1] == party:
                first -= 1
            token = doc[i]
            if i + 2 < seg_end and doc[i + 1].text == "," and _is_link_cue(doc[i + 2]):
                groups.append((first, i + 1, party))  # "Russia, represented by X"
            elif token.dep_ in {"nsubj", "nsubjpass"} and _is_link_cue(token.head) and token.head.i > i:
                groups.append((first, i + 1, party))  # "Azerbaijan sent X"
    return groups


def _is_link_cue(token) -> bool:
    cues = lexicon().link_cues
    return fold(token.lemma_) in cues or fold(token.text) in cues


def _has_link_cue(ctx: _Article, start: int, stop: int) -> bool:
    return any(_is_link_cue(ctx.doc[i]) for i in range(start, stop))


def _parties_between(ctx: _Article, start: int, stop: int) -> set[str]:
    return {p for i in range(start, stop) if (p := ctx.party_at[i])}


def _side_from_delegation_sentence(ctx: _Article, mention: Mention) -> None:
    """"The Ukrainian delegation is led by X and includes Y, Z": X, Y and Z are Ukraine's."""
    seg_start, seg_end = ctx.segment[mention.start]
    groups = _group_phrases(ctx, seg_start, seg_end, unnamed=True)
    before = [g for g in groups if g[1] <= mention.start]
    if before:
        first, last, party = before[-1]
        group_end = ctx.doc[last - 1].idx + len(ctx.doc[last - 1].text)
        linked = _has_link_cue(ctx, last, mention.start) or (
            last < seg_end and ctx.doc[last].lemma_ == "be" and _introduced(ctx, group_end, mention))
        if linked and _parties_between(ctx, last, mention.start) <= {party} - {""}:
            _join_group(ctx, mention, first, last, party)
            return
    after = [g for g in groups if g[0] >= mention.end]
    if after:  # "X led Kyiv's delegation"
        first, last, party = after[0]
        between = range(mention.end, first)
        others = [m for m in ctx.mentions if m is not mention and mention.end <= m.start < first]
        outside = [i for i in between if not mention.span[0] <= ctx.doc[i].idx < mention.span[1]]
        linked = any(_is_link_cue(ctx.doc[i]) for i in outside) and any(ctx.doc[i].pos_ == "VERB" for i in between)
        if not others and linked and not _parties_between(ctx, mention.end, first) - {party}:
            _join_group(ctx, mention, first, last, party)
            return
    if not before:
        _side_from_team_pronoun(ctx, mention, seg_start)


_TEAM_PRONOUNS = {"it", "they"}


def _side_from_team_pronoun(ctx: _Article, mention: Mention, seg_start: int) -> None:
    """"The Ruritanian team is headed by A. It also comprised B, C and D": a pronoun whose
    verb is a link cue points back to the last group of the sentence before."""
    doc = ctx.doc
    subject = next((t for t in doc[seg_start : mention.start]
                    if t.lower_ in _TEAM_PRONOUNS and t.dep_ in {"nsubj", "nsubjpass"} and _is_link_cue(t.head)
                    and t.head.i < mention.start), None)
    if subject is None or seg_start == 0:
        return
    previous = ctx.segment[seg_start - 1][0]
    groups = [g for g in _group_phrases(ctx, previous, seg_start) if g[2]]
    if not groups:
        return
    first, last, party = groups[-1]
    # the others listed before may carry their own bodies ("B, the Front's envoy to the UN")
    listed = [m.span for m in ctx.mentions if m is not mention and subject.i < m.start < mention.start]
    between = {ctx.party_at[i] for i in range(subject.head.i, mention.start)
               if ctx.party_at[i] and not any(a <= ctx.doc[i].idx < b for a, b in listed)}
    if between <= {party}:
        _join_group(ctx, mention, first, last, party)


def _join_group(ctx: _Article, mention: Mention, first: int, last: int, party: str) -> None:
    if party:
        mention.give_side(party, SIDE_FROM_GROUP, f"delegation: {ctx.text(first, last)}")
    else:  # "X headed the government team": no side from another group in the paragraph
        mention.unnamed_group = True


def _agency_phrases(ctx: _Article, seg_start: int, seg_end: int) -> tuple[tuple[int, int, str], ...]:
    """(first token, last token + 1, party) of each "represents Ukraine", "on behalf of the
    TPLF", "speaking for Hamas" in a sentence: a cue (`agency_cues`) and the party right after it.
    Found once per segment and article: every mention in the segment asks."""
    key = ("agency", seg_start, seg_end)
    found = ctx.found_in_segment.get(key)
    if found is None:
        found = ctx.found_in_segment[key] = tuple(_find_agency_phrases(ctx, seg_start, seg_end))
    return found


def _find_agency_phrases(ctx: _Article, seg_start: int, seg_end: int) -> list[tuple[int, int, str]]:
    doc = ctx.doc
    cues = lexicon().agency_cues
    first_words = _first_words(cues)
    found = []
    words = nlp.columns(doc)
    for i in range(seg_start, seg_end):
        forms = (fold(words.lemma[i]), fold(words.text[i]))
        if forms[0] not in first_words and forms[1] not in first_words:
            continue  # no cue starts with this word: the loop below would try each in vain
        for cue in cues:
            if forms[0] != cue[0] and forms[1] != cue[0]:
                continue
            j = i + 1
            if any(j + k >= seg_end or fold(doc[j + k].text) != word for k, word in enumerate(cue[1:])):
                continue
            j += len(cue) - 1
            while j < seg_end and doc[j].lower_ in {"the", "a", "an"}:
                j += 1
            if j < seg_end and (party := ctx.party_at[j]) and party != NO_PARTY:
                end = j
                while end < seg_end and ctx.party_at[end] == party:
                    end += 1
                found.append((i, end, party))
            break
    return found


@functools.lru_cache(maxsize=8)
def _first_words(cues: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(cue[0] for cue in cues if cue)


# Between an agency phrase or a side's group and the people it introduces: "Representing
# Kosovo were A and B", "On the Israeli side were A and B", "On behalf of the Houthis, A signed".
_INTRODUCING = re.compile(r"[\s,]*(?:(?:was|were|is|are)\b)?[\s,]*(?:(?:and)\b[\s,]*)*")


def _introduced(ctx: _Article, from_char: int, mention: Mention) -> bool:
    """Whether only a copula, commas, "and" and other people named in a run stand between
    `from_char` and `mention` (its title included)."""
    text = ctx.body[from_char : mention.span[0]]
    for other in sorted(ctx.mentions, key=lambda m: -m.span[0]):
        if other is not mention and from_char <= other.span[0] and other.span[1] <= mention.span[0]:
            a, b = other.span[0] - from_char, other.span[1] - from_char
            text = text[:a] + " " + text[b:]
    return bool(_INTRODUCING.fullmatch(text))


def _side_from_agency(ctx: _Article, mention: Mention) -> None:
    """"X, who represents Ukraine at the talks", "X signed on behalf of the TPLF": the party
    an agency phrase right after the person names; "Representing Kosovo were X and Y",
    "On behalf of Hamas, X said": the party of the phrase that introduces them."""
    seg_start, seg_end = ctx.segment[mention.start]
    phrases = _agency_phrases(ctx, seg_start, seg_end)
    after = [p for p in phrases if p[0] >= mention.end]
    if after:
        first, last, party = after[0]
        between = range(mention.end, first)
        others = [m for m in ctx.mentions if m is not mention and mention.end <= m.start < first]
        if len(between) <= 5 and not others and not _parties_between(ctx, mention.end, first) \
                and not any(ctx.doc[i].text in {";", ":"} for i in between):
            mention.give_side(party, SIDE_FROM_GROUP, f"acts for: {ctx.text(first, last)}")
            return
    before = [p for p in phrases if p[1] <= mention.start]
    if before:
        first, last, party = before[-1]
        end_char = ctx.doc[last - 1].idx + len(ctx.doc[last - 1].text)
        if _introduced(ctx, end_char, mention):
            mention.give_side(party, SIDE_FROM_GROUP, f"acts for: {ctx.text(first, last)}")


def _side_from_group_apposition(ctx: _Article) -> None:
    """"the two other members of the AU panel, Kenya's former president X and Y": the
    people in apposition to a side's group, one after the other, are in that group."""
    previous: Mention | None = None
    for mention in sorted(ctx.mentions, key=lambda m: m.span[0]):
        party = ""
        if previous is not None and previous.side_evidence.startswith("in apposition to: ") \
                and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", ctx.body[previous.span[1] : mention.span[0]]):
            party, evidence = previous.side, previous.side_evidence
        else:
            seg_start, _ = ctx.segment[mention.start]
            groups = [g for g in _group_phrases(ctx, seg_start, mention.start) if g[1] <= mention.start]
            if groups:
                first, last, party = groups[-1]
                group_end = ctx.doc[last - 1].idx + len(ctx.doc[last - 1].text)
                if not re.fullmatch(r"\s*[,:]\s*", ctx.body[group_end : mention.span[0]]):
                    party = ""
                evidence = f"in apposition to: {ctx.text(first, last)}"
        if party:
            mention.give_side(party, SIDE_FROM_GROUP, evidence)
        previous = mention


def _side_from_paragraph(ctx: _Article, mention: Mention) -> None:
    """A paragraph about one side's delegation ("The Russian delegation ... arrived. X is
    attending in place of Y.") that names no other party nor a group of a party it does
    not name ("the government team")."""
    index = ctx.paragraph_of(mention.body_start)
    if index < 0 or _names_unknown_body(mention.role) or mention.unnamed_group:
        return
    start, end = ctx.paragraphs[index]
    starts = ctx.token_starts()  # asked for every mention: token offsets found by bisection, not a scan
    tokens = range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end))
    if not tokens:
        return
    named = {ctx.party_at[i] for i in tokens if ctx.party_at[i]}
    segments = sorted({ctx.segment[i] for i in tokens})
    # "the government panel" beside "the MILF panel": a paragraph about two delegations
    groups = {party for first, last in segments for g_first, g_last, party in _group_phrases(ctx, first, last, unnamed=True)
              if not any(_in_object(ctx.doc[i]) for i in range(g_first, g_last))}  # "refused to meet the X delegation"
    if len(groups) == 1 and named == groups:
        party = next(iter(groups))
        if _meets_group(ctx, mention):
            return
        if mention.role and _is_state_office(mention.role) and kind_of_party().get(party) != "state":
            return  # "Commerce Minister X" in a paragraph about the rebels' team: a state's, not theirs
        if _turns_to_the_other_side(ctx, start, mention):
            return
        mention.give_side(party, SIDE_FROM_PARAGRAPH, f"paragraph about the {party} delegation")


def _turns_to_the_other_side(ctx: _Article, paragraph_start: int, mention: Mention) -> bool:
    """Whether a sentence of the paragraph before the person opens on the other side of
    the table ("Across the table sat C and D", `other_side_openers`)."""
    openers = lexicon().other_side_openers
    text = fold(ctx.body[paragraph_start : mention.body_start])
    return any(re.search(rf"(?:^|[.!?]\s+){re.escape(opener)}\b", text) for opener in openers)


def _names_unknown_body(role: str) -> bool:
    """The role names a body Parley does not know ("Fano leader", "SPLM-N spokesman",
    "Hodeidah port director"): a capitalised word before its head that is neither a title
    word nor a party. Whose body it is, the text around does not say: a party the
    sentence or paragraph names is no evidence of this person's side."""
    lex = lexicon()
    words = list(re.finditer(r"[\w.'\u2019-]+", role))
    head = next((i for i, w in enumerate(words) if lex.is_head(w.group().strip(".'\u2019"))), None)
    if not head:
        return False
    covered = [(f.start, f.end) for f in find_parties(role, include_no_party=True)]
    for word in words[:head]:
        text = word.group()
        if not text[:1].isupper() or text.endswith(("'s", "\u2019s", "'", "\u2019")):
            continue  # a possessor ("Lind's aide") is a person, whose side is found elsewhere
        if any(s <= word.start() < e for s, e in covered) or lex.is_title_word(text.strip(".")):
            continue
        if fold(text) in _DETERMINERS or fold(text) in lex.connectors:
            continue
        return True
    return False


def _meets_group(ctx: _Article, mention: Mention) -> bool:
    """"X met Turkish officials in Ankara": X is the subject of a meeting verb whose
    object holds a side's group; X faces that group."""
    token = ctx.doc[mention.end - 1]
    while token.dep_ in {"compound", "flat", "appos", "poss"} and token.head is not token:
        token = token.head  # "Haftar's son Saddam Haftar met": the noun the name stands beside
    if token.dep_ != "nsubj" or fold(token.head.lemma_) not in lexicon().meeting_verbs:
        return False
    subject = token
    verb = subject.head
    seg_start, seg_end = ctx.segment[mention.start]
    return any(verb.i < first and ctx.doc[last - 1] in verb.subtree
               for first, last, _ in _group_phrases(ctx, seg_start, seg_end))


def _side_from_possessor(clusters: list[list[Mention]]) -> None:
    """"Lind's special envoy X": X is on Lind's side when the article gives Lind one."""
    for cluster in clusters:
        for mention in cluster:
            if not mention.possessor:
                continue
            owner = next((c for c in clusters if any(same_person_name(m.surface, mention.possessor) for m in c)), None)
            if owner is None or owner is cluster:
                continue
            best = max(owner, key=lambda m: m.side_strength)
            if best.side and best.side != NO_PARTY and best.side_strength >= SIDE_FROM_KNOWLEDGE:
                strength = SIDE_FROM_GROUP if best.side_strength >= SIDE_FROM_GROUP else SIDE_FROM_PARAGRAPH
                mention.give_side(best.side, strength, f"{mention.possessor}'s: {best.side}")


def _is_former(role: str) -> bool:
    return bool(role) and fold(role).split(" ", 1)[0] in lexicon().former_words


FORMER_OFFICE = "former office: "  # evidence of a side the other articles may still give
NAMED_NEARBY = "named nearby: "  # a side only the party beside a role-less name gives: other articles' wins


def _side_from_former_office(cluster: list[Mention]) -> None:
    """"Former national security adviser X", with nothing in the article saying whom X
    acts for today: a former official speaking today acts for no party, unless other
    articles say whom they represent (`across.persons` then gives that side)."""
    roles = [m.role for m in cluster if m.role]
    if roles and all(_is_former(role) for role in roles) and not _has_side(cluster):
        _fullest(cluster).give_side(NO_PARTY, SIDE_FROM_KNOWLEDGE, FORMER_OFFICE + roles[0])


_TITLE_OWNER = re.compile(r"^(?:the\s+)?(?P<title>[\w .-]+?)['\u2019]s\s+\S")


def _side_from_title_owner(ctx: _Article, clusters: list[list[Mention]]) -> None:
    """"the Prime Minister's National Security Advisor": the side of the one person the
    article gives that title ("Ethiopian Prime Minister Abiy Ahmed")."""
    for cluster in clusters:
        if _has_side(cluster):
            continue
        for mention in cluster:
            match = _TITLE_OWNER.match(mention.role or "")
            if not match or not all(lexicon().is_title_word(w) for w in match["title"].split()):
                continue
            title = fold(match["title"])
            sides = {m.side for other in clusters if other is not cluster for m in other
                     if m.side and m.side != NO_PARTY and m.role and not _is_former(m.role)
                     and _holds_title(fold(m.role), title)}
            if len(sides) == 1:
                side = sides.pop()
                mention.give_side(side, SIDE_FROM_PARAGRAPH, f"the {match['title']}'s: {side}")
                break


def _holds_title(folded_role: str, title: str) -> bool:
    """Whether a role ends in `title` as its holder's ("the prime minister"), not as the
    place they work ("minister of state at the foreign ministry")."""
    m = re.search(rf"(?:^|\s){re.escape(title)}$", folded_role)
    return m is not None and not re.search(r"\b(?:at|of|in|to|for|from|with)(?:\s+the)?\s*$", folded_role[: m.start()])


def _side_from_another(ctx: _Article, cluster: list[Mention], clusters: list[list[Mention]]) -> None:
    """"Their spokesman, A, said ... Another spokesman, B, said ...": B holds the same kind
    of office for the same side as the last person before (in the paragraph, or the one
    before) whose role has that head; a guess if A's side was."""
    if _has_side(cluster):
        return
    for mention in (m for m in cluster if m.role):
        before = ctx.body[max(0, mention.span[0] - 9) : mention.span[0]]
        if not (fold(mention.role).startswith("another ") or re.search(r"\banother\s*$", fold(before))):
            continue
        heads = [singular(w) for w in re.findall(r"[\w-]+", fold(mention.role)) if lexicon().is_head(w)]
        if not heads:
            continue
        first = ctx.paragraphs[max(0, ctx.paragraph_of(mention.body_start) - 1)][0]
        earlier = [(m, c) for c in clusters if c is not cluster for m in c
                   if m.role and first <= m.body_start < mention.body_start
                   and heads[-1] in {singular(w) for w in re.findall(r"[\w-]+", fold(m.role))}]
        if not earlier:
            continue
        other, owner = max(earlier, key=lambda pair: pair[0].body_start)
        best = max(owner, key=lambda m: m.side_strength)
        if best.side and best.side != NO_PARTY:
            guess = NAMED_NEARBY if best.side_evidence.startswith(NAMED_NEARBY) else ""
            mention.give_side(best.side, SIDE_FROM_PARAGRAPH, f"{guess}another {heads[-1]} than {other.surface}: {best.side}")
            return


def _has_side(cluster: list[Mention]) -> bool:
    return any(m.side for m in cluster)


def _fullest(cluster: list[Mention]) -> Mention:
    return max(cluster, key=lambda m: (len(m.surface.split()), len(m.surface), -m.body_start))


def _side_from_knowledge(ctx: _Article, cluster: list[Mention]) -> None:
    """When the text gives no side: a leader or foreign minister in office on the article's
    date, else on the date its own full dates tell it from (data/leaders.csv). Not for one
    the article calls former."""
    if _has_side(cluster):
        return
    if any(fold(m.role).split(" ", 1)[0] in lexicon().former_words for m in cluster if m.role):
        return  # "Kenya's former head of state": the table's office is past; the text gives no side
    mention = _fullest(cluster)
    offices = frozenset(o for m in cluster for o in _table_offices(m.role))
    day = ctx.article.published or ctx.own_date()
    if side := leaders.side_of(_clean_name(mention.surface), day, offices):
        mention.give_side(side, SIDE_FROM_KNOWLEDGE, f"in office on {day or 'some date'} (data/leaders.csv)")


@functools.lru_cache(maxsize=1)
def _office_titles() -> dict[str, str]:
    table = project_file.knowledge_yaml("titles.yml").get("table_offices") or {}
    return {fold(title): office for office, titles in table.items() for title in titles}


def _table_offices(role: str) -> set[str]:
    """The offices of data/leaders.csv a title names ("Prime Minister" -> head_of_government);
    none for a title with a rank ("Deputy Prime Minister", "former president")."""
    words = re.findall(r"[\w-]+", fold(role))
    if not words or set(words) & (lexicon().rank_modifiers | lexicon().former_words):
        return set()
    text = " ".join(words)
    return {office for title, office in _office_titles().items() if re.search(rf"(?:^|\s){title}$", text)}


def _side_from_context(ctx: _Article, cluster: list[Mention], clusters: list[list[Mention]]) -> None:
    """A person holding an office the text names without its party ("Defence Minister
    X", "a minister of state") takes the side of the people listed with them ("Saudi
    Foreign Minister Y and X"), else of the one party their sentence names, else of the
    party named last before them in their paragraph or, where it names none, in the
    paragraph before; those two are guesses other articles' evidence overrides
    (`NAMED_NEARBY`). A state's office ("minister", "commissioner") goes to a state only;
    a place named as where ("talks in Havana") and a party inside another person's title
    are no evidence."""
    if _has_side(cluster):
        return
    holders = [m for m in cluster if m.role and not _acts_for_no_party(m.role)
               and fold(m.role).split(" ", 1)[0] not in lexicon().former_words and not _names_unknown_body(m.role)
               and not _of_an_unnamed_opponent(ctx, m.role)]
    kinds = kind_of_party()
    for mention in (m for m in holders if not m.shared_title):
        fellows = {s for s in _fellow_sides(ctx, mention, clusters) if s and s != NO_PARTY}
        if _is_state_office(mention.role):  # "government negotiator A and B, the rebels' chief"
            fellows = {s for s in fellows if kinds.get(s) == "state"}
        if len(fellows) == 1:
            side = fellows.pop()
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"listed with others of {side}")
            return
    for mention in (m for m in holders if _is_state_office(m.role)):
        if capital := _capital_spoken_in(ctx, mention):
            mention.give_side(capital.party, SIDE_FROM_PARAGRAPH, f"{NAMED_NEARBY}speaks in {capital.text}")
            return
    for mention in holders:
        first, last = ctx.segment[mention.start]
        parties = {p for i, p in _evidence_parties(ctx, mention, first, last) if not _said_by(ctx, mention, i)}
        if len(parties) == 1:
            side = parties.pop()
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"the sentence names {side}")
            return
    for back in (0, 1):  # the paragraph before them, else the paragraph before that one
        for mention in holders:
            index = ctx.paragraph_of(mention.body_start) - back
            if index < 0:
                continue
            if _turns_to_the_other_side(ctx, ctx.paragraphs[index][0], mention):
                return
            first = _first_token_at(ctx, ctx.paragraphs[index][0])
            before = _evidence_parties(ctx, mention, first, mention.start)
            if before:
                side = before[-1][1]
                where = "the paragraph" if not back else "the paragraph before"
                mention.give_side(side, SIDE_FROM_PARAGRAPH, f"{NAMED_NEARBY}{where} names {side} before")
                return


def _side_from_home_state(ctx: _Article, cluster: list[Mention], clusters: list[list[Mention]]) -> None:
    """"Justice Minister X" where neither the sentence nor the paragraphs around name a
    state: the state most of the article's other state offices hold ("President Y" and
    "Minister Z" of Ruritania beside one foreign diplomat), else the state the article is
    about, when one dominates its mentions of states (`_home_state`). Guesses other
    articles' evidence overrides (`NAMED_NEARBY`)."""
    if _has_side(cluster):
        return
    holders = [m for m in cluster if _holds_a_state_office(m)]
    if not holders:
        return
    kinds = kind_of_party()
    states = [next(m.side for m in other if _holds_a_state_office(m) and m.side) for other in clusters
              if other is not cluster and any(_holds_a_state_office(m) and m.side for m in other)]
    # a state has one president: "President X" beside another state's "President Y" is not Y's
    offices = {o for m in holders for o in _table_offices(m.role)}
    taken = {m.side for other in clusters if other is not cluster for m in other
             if m.side and m.role and offices & _table_offices(m.role)}
    states = [s for s in states if s not in taken]
    if state := _dominant([s for s in states if kinds.get(s) == "state"], OTHER_OFFICES_MIN):
        holders[0].give_side(state, SIDE_FROM_KNOWLEDGE, f"{NAMED_NEARBY}the state of the article's other offices: {state}")
    elif (state := _home_state(ctx)) and state not in taken:
        holders[0].give_side(state, SIDE_FROM_KNOWLEDGE, f"{NAMED_NEARBY}the state the article is about: {state}")


def _capital_spoken_in(ctx: _Article, mention: Mention):
    """"In Karsberg, Reintegration Minister X told reporters", "at his news conference in
    Karsberg, X, the foreign ministry's spokesman": a state's office named without its
    state, held by someone speaking in a capital, is that capital's state's, where their
    sentence names no other state before them."""
    first, _ = ctx.segment[mention.start]
    text = ctx.body[ctx.doc[first].idx : mention.span[0]]
    found = find_parties(text)
    capitals = [f for f in found if f.kind == "capital" and re.search(r"\b[Ii]n\s+$", text[: f.start])]
    kinds = kind_of_party()
    states = {f.party for f in found if kinds.get(f.party) == "state"}
    if len(capitals) == 1 and states == {capitals[0].party}:
        return capitals[0]
    return None


def _holds_a_state_office(mention: Mention) -> bool:
    return bool(mention.role) and _is_state_office(mention.role) and not _is_former(mention.role) \
        and not _acts_for_no_party(mention.role) and not _names_unknown_body(mention.role)


def _home_state(ctx: _Article) -> str:
    """The state named most often in the article (by name, demonym or capital), when it is
    named at least `HOME_STATE_MIN` times and `HOME_STATE_LEAD` times as often as any other."""
    kinds = kind_of_party()
    named = [party for i, party in enumerate(ctx.party_at)
             if party and kinds.get(party) == "state" and (i == 0 or ctx.party_at[i - 1] != party)
             and not (i > 0 and ctx.doc[i - 1].lower_ in _LOCATIVE)]  # "talks in Geneva": where, not whom
    return _dominant(named, HOME_STATE_MIN)


def _dominant(values: list[str], at_least: int) -> str:
    """The value found at least `at_least` times and `HOME_STATE_LEAD` times as often as
    any other, else ""."""
    ranked = sorted(Counter(values).items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < at_least:
        return ""
    if len(ranked) > 1 and ranked[0][1] < HOME_STATE_LEAD * ranked[1][1]:
        return ""
    return ranked[0][0]


HOME_STATE_MIN = 3  # mentions of the state an article is about
OTHER_OFFICES_MIN = 2  # other office holders of one state
HOME_STATE_LEAD = 2  # times as many as the next state's


def _of_an_unnamed_opponent(ctx: _Article, role: str) -> bool:
    """"Opposition negotiator X" in an article that ties "opposition" to no party it names:
    X's side is one Parley does not know (`opponent_words`), not a state named nearby."""
    words = set(re.findall(r"[a-z]+", role.lower())) & _opponent_words()
    return bool(words) and not words & set(article_party_nouns(ctx.body))


@functools.lru_cache(maxsize=1)
def _opponent_words() -> frozenset[str]:
    # read once per process and project (`project_file.activate` empties this cache): read
    # for every role, titles.yml's YAML cost more than the rest of the people rules
    return frozenset(project_file.knowledge_yaml("titles.yml").get("opponent_words") or [])


def _first_token_at(ctx: _Article, char: int) -> int:
    """The first token at or after body offset `char`."""
    return bisect.bisect_left(ctx.token_starts(), char)


def _side_from_captive_kin(ctx: _Article, mention: Mention) -> None:
    """"X, whose son was captured four years ago", "X has had no word that her husband,
    seized by the rebels, ...": a relative of a captive, who speaks for no party; so does
    the captive ("X, a four-year-old, who was seized in October"). Only for a person the
    article gives no role."""
    if mention.role:
        return
    lex = lexicon()
    words = nlp.columns(ctx.doc)
    _, last = ctx.segment[mention.start]
    after = range(mention.end, min(last, mention.end + 12))
    kin = next((i for i in after if words.lower[i] in lex.captive_kin_nouns
                and i > 0 and words.lower[i - 1] in {"whose", "her", "his", "their"}), None)
    if kin is not None and any(words.lower[i] in lex.captivity_words for i in range(kin + 1, min(last, kin + 10))):
        mention.give_side(NO_PARTY, SIDE_FROM_GROUP, f"kin of a captive: {ctx.text(kin - 1, kin + 1)}")
        return
    # "X, ... who was seized in October": a captive, who speaks for no party either
    who = next((i for i in after if words.lower[i] == "who"), None)
    if who is not None and who + 2 < last and words.lower[who + 1] in {"was", "had", "is", "has"} \
            and any(words.lower[i] in lex.captivity_words for i in range(who + 2, min(last, who + 5))):
        mention.give_side(NO_PARTY, SIDE_FROM_GROUP, f"a captive: {ctx.text(who, min(last, who + 4))}")


def _side_from_sentence_alone(ctx: _Article, cluster: list[Mention], clusters: list[list[Mention]]) -> None:
    """A person the article gives no role and no side: the one side of the people listed
    with them, if any has one; else ("Amal Hadi said the group would
    sign") the party their sentence names, if it names one; else the one party their
    paragraph (or, where it names none, the paragraph before) names before them, if it
    names only one. Guesses other articles' evidence overrides (`NAMED_NEARBY`)."""
    if _has_side(cluster) or any(m.role for m in cluster):
        return
    for mention in cluster:  # "the panel was made up of A, B and C", "A with B and C"
        fellows = {s for s in _fellow_sides(ctx, mention, clusters) if s and s != NO_PARTY}
        if len(fellows) == 1:
            side = fellows.pop()
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"{NAMED_NEARBY}listed with others of {side}")
            return
    if any(m.unnamed_group for m in cluster):
        return
    for mention in cluster:
        first, last = ctx.segment[mention.start]
        parties = {p for i, p in _evidence_parties(ctx, mention, first, last) if not _said_by(ctx, mention, i)}
        if len(parties) == 1:
            side = parties.pop()
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"{NAMED_NEARBY}the sentence names {side}")
            return
    for back in (0, 1):  # else one party alone named before them in their paragraph, or the one before
        for mention in cluster:
            index = ctx.paragraph_of(mention.body_start) - back
            if index < 0:
                continue
            if _turns_to_the_other_side(ctx, ctx.paragraphs[index][0], mention):
                return  # "Across the table sat C": not the side named before
            first = _first_token_at(ctx, ctx.paragraphs[index][0])
            before = {p for _, p in _evidence_parties(ctx, mention, first, mention.start)}
            if len(before) == 1:
                side = before.pop()
                where = "the paragraph" if not back else "the paragraph before"
                mention.give_side(side, SIDE_FROM_PARAGRAPH, f"{NAMED_NEARBY}{where} names only {side} before")
                return


def _said_by(ctx: _Article, mention: Mention, i: int) -> bool:
    """Whether token `i` stands in what `mention` says ("X said Sudan's army would not come")."""
    token = ctx.doc[mention.end - 1]
    while token.dep_ in {"compound", "flat", "appos"} and token.head is not token:
        token = token.head
    if token.dep_ != "nsubj":
        return False
    verb = token.head
    party = ctx.doc[i]
    return any(child.dep_ in {"ccomp", "xcomp", "dobj"} and party in child.subtree for child in verb.children)


def _evidence_parties(ctx: _Article, mention: Mention, first: int, last: int) -> list[tuple[int, str]]:
    """(token, party) of the parties named in tokens [first, last) that may say whose
    office a person holds (see `_side_from_context`)."""
    state_office = _is_state_office(mention.role)
    word_before = re.findall(r"[\w-]+", ctx.body[max(0, mention.span[0] - 30) : mention.span[0]])[-1:]
    group_office = not state_office and _is_armed_group_office(" ".join([*word_before, mention.role]))
    kinds = kind_of_party()
    others = [m.span for m in ctx.mentions if m is not mention and m.role]
    found = []
    for i in range(first, last):
        party = ctx.party_at[i]
        if not party or party == NO_PARTY or (i > 0 and ctx.party_at[i - 1] == party):
            continue
        idx = ctx.doc[i].idx
        if mention.span[0] <= idx < mention.span[1] or any(s <= idx < e for s, e in others):
            continue
        if i + 2 < len(ctx.doc) and ctx.doc[i + 1].text in {"'s", "\u2019s", "'", "\u2019"} \
                and any(m.start == i + 2 for m in ctx.mentions):
            continue  # "the Houthis' X": another person's party
        if _inside_quotes(ctx.body, idx):
            continue  # "“Ukraine does not sign any documents with Russia,” X wrote": what X said
        if i > 0 and ctx.doc[i - 1].lower_ in _LOCATIVE:
            continue
        if _names_a_meeting(ctx, i):
            continue  # "the Pretoria truce", "the Minsk agreements": a place, not a party
        end = idx + len(ctx.doc[i].text)
        if _SPONSOR.match(fold(ctx.body[end : end + 20])):
            continue  # "Russian-backed separatists": their backer, not them
        if state_office and kinds.get(party) != "state":
            continue
        if group_office and kinds.get(party) == "state":
            continue  # "militia leader X": an armed group's, never a state's
        if _in_object(ctx.doc[i]):
            continue  # "said the strikes on Israel", "sanctions against Russia": whom they act on
        if _in_dateline(ctx, i, first):
            continue  # "OSLO / BERGEN — X signed": where the story was filed
        if _describes_media(ctx.doc[i]):
            continue  # "an image released by Iranian state media": who showed them, not whom they act for
        found.append((i, party))
    return found


def _describes_media(token) -> bool:
    """"Iranian state media", "Russian state television", "the Saudi press agency": a party
    word describing news media."""
    head = token.head
    return token.dep_ in {"amod", "compound", "nmod"} and (
        fold(head.lower_) in lexicon().media_nouns or fold(head.lemma_) in lexicon().media_nouns)


# Prepositions whose object is what a person acts on or against, not for.
_OBJECT_PREPOSITIONS = {"on", "against", "upon"}


def _names_a_meeting(ctx: _Article, i: int) -> bool:
    """Whether the party's name at token `i` is a capital naming a meeting or a text after
    it ("the Pretoria truce", "the Minsk II agreement", "the Doha talks")."""
    party = ctx.party_at[i]
    end = i
    while end < len(ctx.doc) and ctx.party_at[end] == party:
        end += 1
    found = find_parties(ctx.text(i, end), include_no_party=True)
    if not found or found[0].kind != "capital":
        return False
    nouns = lexicon().named_after_a_place
    for j in range(end, min(end + 3, len(ctx.doc))):
        word = ctx.doc[j]
        if fold(word.text) in nouns:
            return True
        if not (word.text in {"-", "II", "I", "2", "1", "+"} or word.like_num):
            return False
    return False


def _in_dateline(ctx: _Article, i: int, first: int) -> bool:
    """Whether token `i` is in a dateline opening its sentence: words in capitals up to a
    dash ("OSLO / BERGEN —", "NAIROBI, May 3 (AFP) -")."""
    if not ctx.doc[i].text.isupper():
        return False
    for k in range(first, min(len(ctx.doc), first + 12)):
        text = ctx.doc[k].text
        if text in {"-", "\u2013", "\u2014"}:
            return k > i
        if text[:1].islower():
            return False  # a sentence's own words: no dateline
    return False


def _in_object(token) -> bool:
    """Whether a party's word stands in the object of "on" or "against" ("strikes on Israel",
    "sanctions against Russia's banks"), or of a thing's "for" ("a plan for Ruritania"):
    what the person acts on, not for; and the object of a meeting verb ("refused to meet the
    government delegation"): whom they face. (Other direct objects are left: on the dev
    corpus they name the person's own party as often as not.)"""
    while token.dep_ in {"compound", "amod", "poss", "nmod", "case", "flat"} and token.head is not token:
        token = token.head
    if token.dep_ == "dobj" and fold(token.head.lemma_) in lexicon().meeting_verbs:
        return True
    if token.dep_ != "pobj":
        return False
    preposition = token.head
    # "the ceasefire plan for Ruritania": whom a thing is for, not whom the person acts for
    return preposition.lower_ in _OBJECT_PREPOSITIONS or (
        preposition.lower_ == "for" and preposition.head.pos_ == "NOUN")


_LOCATIVE = {"in", "at", "from", "to", "near", "into", "across", "inside", "outside"}


def _inside_quotes(body: str, idx: int) -> bool:
    """Whether the character at `idx` stands inside a quotation in its paragraph."""
    start = body.rfind("\n", 0, idx) + 1
    return body.count('"', start, idx) % 2 == 1


def _is_armed_group_office(role: str) -> bool:
    """"militia leader", "Rebel commander" (the word before the title too, which titles
    leave out): a role in an armed group."""
    from parley.knowledge.sides import _noun_table

    nouns = {fold(str(n)) for n in _noun_table()["armed_group_nouns"]}
    return bool({w for w in re.findall(r"[\w-]+", fold(role))} & nouns)


def _is_state_office(role: str) -> bool:
    words = {singular(w) for w in re.findall(r"[\w-]+", fold(role))}
    return bool(words & lexicon().state_office_heads)


def _fellow_sides(ctx: _Article, mention: Mention, clusters: list[list[Mention]]) -> list[str]:
    """The sides of the people listed in one run with `mention` ("A, B and C")."""
    first, last = ctx.segment[mention.start]
    in_sentence = sorted((m for c in clusters for m in c if first <= m.start < last), key=lambda m: m.start)
    index = next(i for i, m in enumerate(in_sentence) if m is mention)
    sides = []
    for step in (-1, 1):
        i = index
        while 0 <= i + step < len(in_sentence):
            a, b = sorted((in_sentence[i], in_sentence[i + step]), key=lambda m: m.start)
            between = ctx.body[a.span[1] : b.span[0]] if a.span[1] <= b.span[0] else ctx.body[a.body_end : b.body_start]
            joined = re.fullmatch(r"\s*(?:,\s*and|,|and|with)\s*(.*?)\s*", between, flags=re.S)
            if not joined or (joined[1] and fold(joined[1]) not in lexicon().honorifics):
                break  # "A, B and C", "A with Datu B": one list
            i += step
            other = in_sentence[i]
            owner = next(c for c in clusters if other in c)
            sides.append(max(owner, key=lambda m: m.side_strength).side)
    return sides


_NAMED_BODY_IN_ROLE = re.compile(r"\b(?:of|at|for|from)\s+(?:the\s+)?(?P<name>(?:[A-Z][\w'\u2019-]*\s+){1,5}(?P<head>[A-Z][a-z]+))\b")


def _of_an_unknown_no_party_body(role: str) -> bool:
    """"director of the Lakeside Foundation": a body of a kind that acts for no party
    (`no_party_bodies`) and that names no party Parley knows."""
    m = _NAMED_BODY_IN_ROLE.search(role)
    return bool(m) and fold(m["head"]) in lexicon().no_party_bodies and not find_parties(m["name"], include_no_party=True)


def _acts_for_no_party(role: str) -> bool:
    """The role's own noun (its last word before "at", "of", "with"...) is an analyst's,
    a journalist's, a hostage's: "political analyst", "analyst at a think tank",
    "former hostage"; not "hostage file coordinator"."""
    if _of_an_unknown_no_party_body(role):
        return True
    words = re.findall(r"[\w-]+", fold(role.split(",")[-1]))
    for cut, word in enumerate(words):
        if word in {"at", "of", "with", "for", "from", "in", "on", "to"} and cut:
            words = words[:cut]
            break
    return bool(words) and singular(words[-1]) in lexicon().no_party_roles
