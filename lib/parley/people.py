"""People named in an article, with the role and side the article gives them, and one
person across articles however the name is spelled.

Per article (`extract_people`, a pure function of the article and its spaCy Doc):

1. *Names* are runs of capitalised name-like tokens ("Anna Berg", "Khalil al-Hayya").
   A run is a person when spaCy's NER says so, or when the text around it does: a
   title before it ("Defence Minister X", "presidential aide X", "Colonel X"), a title
   after it ("X, Minister of Defence"), a bulleted list item ("• X, Deputy Head of ..."),
   or a surname the article has already given in full ("Berg said"). The model
   misses names in bulleted lists and after long titles; these cues catch them.
2. *Roles* are read from the title phrase before the name (built from the title words
   in `data/titles.yml`), the appositive after it, or a possessive ("Lind's aide X",
   "Ukraine's Minister of Defence, X").
3. *Sides* come from what the article says, strongest first: a party named in the
   role ("Turkish Foreign Minister", "MİT chief", "of the Armed Forces of Ukraine");
   the person whose aide or envoy they are; the delegation a sentence or a bulleted
   list puts them in ("the Ukrainian delegation is led by X and includes Y",
   "Russia's team included:"); a paragraph about one side's delegation. Otherwise
   the side stays empty, to be filled from other articles.
4. Mentions of one person in the article (full name, later surname) become one row:
   `name` is the fullest form, `role` the first role given, `start`/`end`/`quote` the
   mention that gives it (role and name together), plus `surface`, `mentions`,
   `surfaces`, `roles_seen`, `role_of` (whose aide/envoy), `side_evidence` and
   `side_strength` (3 role, 2 delegation/list/possessor, 1 paragraph).

Across articles (`resolve_persons`): rows whose surnames are the same after folding
and transliteration (`data/transliteration.yml`, rapidfuzz) and whose first names are
compatible are one person; namesakes and roles that disagree become conflict rows.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

import pandas as pd
import yaml
from rapidfuzz import fuzz, process

from parley import config
from parley import leaders, project_file
from parley.gazetteer import is_given_name, is_place
from parley.metadata import known_outlet
from parley.sides import NO_PARTY, article_party_nouns, find_parties, kind_of_party, party_of
from parley.tables import COLUMNS, cell_text
from parley.text import fold, paragraph_spans

# Side evidence, strongest first; a person's side is taken from their strongest evidence.
SIDE_FROM_ROLE = 3  # "Turkish Foreign Minister", "MİT chief", "Ukraine's Minister of Defence"
SIDE_FROM_GROUP = 2  # a delegation sentence, a list under a side's heading, whose aide
SIDE_FROM_PARAGRAPH = 1  # a paragraph about one side's delegation
SIDE_FROM_KNOWLEDGE = 0  # data/leaders.csv, or a role that acts for no party
SIDE_FROM_OTHER_ARTICLES = 0


MAX_NAME_TOKENS = 6
MAX_TITLE_TOKENS = 14
MAX_APPOSITIVE_TOKENS = 25

_NON_NAME_POS = {"ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "PUNCT", "INTJ", "SYM", "SPACE"}
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*\.?")
_INITIAL = re.compile(r"[^\W\d_]\.")
_ACRONYM = re.compile(r"(?:[A-Z\u0130]\.?){2,6}")  # SBU, U.N., MİT
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
_POSSESSIVE = {"'s", "'", "\u2019s", "\u2019"}
_DASHES = {"-", "\u2013", "\u2014"}
_APPOSITIVE_END = {",", ";", ":", "\u2013", "\u2014", ".", "!", "?", '"'}


# --- knowledge -------------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset
    modifiers: frozenset
    rank_modifiers: frozenset
    domains: frozenset
    connectors: frozenset
    role_cues: frozenset
    target_heads: frozenset
    target_prepositions: frozenset
    honorifics: frozenset
    spelling: dict
    group_nouns: frozenset
    link_cues: frozenset
    bullets: frozenset
    particles: frozenset
    suffixes: frozenset
    not_name_words: frozenset
    media: frozenset
    credit_cues: tuple
    no_party_roles: frozenset
    former_words: frozenset
    state_office_heads: frozenset

    def is_head(self, word: str) -> bool:
        key = fold(word)
        return key in self.heads or singular(key) in self.heads

    def is_title_word(self, word: str) -> bool:
        key = fold(word)
        return key in self.modifiers or key in self.domains or self.is_head(key)


@functools.lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    titles = project_file.knowledge_yaml("titles.yml")  # the library's title words and the project's
    people = yaml.safe_load(config.data_file("people.yml").read_text(encoding="utf-8"))

    def words(values) -> frozenset:
        return frozenset(fold(str(v)) for v in values)

    return Lexicon(
        heads=words(titles["heads"]),
        modifiers=words(titles["modifiers"]),
        rank_modifiers=words(titles["rank_modifiers"]),
        domains=words(titles["domains"]),
        connectors=words(titles["connectors"]),
        role_cues=words(titles["role_cues"]),
        target_heads=words(titles["target_heads"]),
        target_prepositions=words(titles["target_prepositions"]),
        honorifics=words(titles["honorifics"]),
        spelling={fold(k): fold(v) for k, v in titles["spelling_variants"].items()},
        group_nouns=words(people["group_nouns"]),
        link_cues=words(people["link_cues"]),
        bullets=frozenset(people["bullets"]),
        particles=words(people["name_particles"]),
        suffixes=words(people["name_suffixes"]),
        not_name_words=words(people["not_name_words"]),
        media=words(people["media"]),
        credit_cues=tuple(sorted(words(people["credit_cues"]), key=lambda w: (-len(w), w))),
        no_party_roles=words(people["no_party_roles"]),
        former_words=words(people["former_words"]),
        state_office_heads=words(people["state_office_heads"]),
    )


def singular(word: str) -> str:
    """The singular of a title noun as titles pluralise ("presidents", "secretaries")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# --- names: comparison keys ------------------------------------------------------------


@functools.lru_cache(maxsize=None)
def _transliteration() -> tuple[tuple[tuple[re.Pattern, str], ...], int, int]:
    data = yaml.safe_load(config.data_file("transliteration.yml").read_text(encoding="utf-8"))
    rewrites = tuple((re.compile(pattern), replacement) for pattern, replacement in data["rewrites"])
    return rewrites, int(data["surname_similarity"]), int(data["first_name_similarity"])


@functools.lru_cache(maxsize=4096)
def name_key(word: str) -> str:
    """A spelling-independent key for one name word: Dmitriy, Dmitrii -> "dmitri"."""
    key = re.sub(r"[^a-z]", "", fold(word))
    for pattern, replacement in _transliteration()[0]:
        key = pattern.sub(replacement, key)
    return key


def _similar(a: str, b: str, threshold: int) -> bool:
    return bool(a) and bool(b) and (a == b or fuzz.ratio(a, b) >= threshold)


@functools.lru_cache(maxsize=65536)
def name_parts(name: str) -> tuple[tuple[str, ...], str]:
    """(given-name keys, surname key) of a name; given names are () for a surname alone.

    Particles ("al-", "bin", "von") and suffixes ("Jr.") are not the surname's key."""
    lex = lexicon()
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    words = [w for w in words if fold(w) not in lex.suffixes] or words
    if not words:
        return (), ""
    surname = _leading_particle().sub("", words[-1])
    given = tuple(name_key(w) for w in words[:-1] if fold(w) not in lex.particles and fold(w) not in lex.honorifics)
    return tuple(g for g in given if g), name_key(surname)


@functools.lru_cache(maxsize=1)
def _leading_particle() -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(sorted(lexicon().particles)) + r")-", flags=re.I)


def same_surname(a: str, b: str) -> bool:
    return _similar(name_parts(a)[1], name_parts(b)[1], _transliteration()[1])


def first_names_compatible(a: str, b: str) -> bool:
    """True unless both names give a first name and those differ (initials match names)."""
    given_a, given_b = name_parts(a)[0], name_parts(b)[0]
    if not given_a or not given_b:
        return True
    first_a, first_b = given_a[0], given_b[0]
    if len(first_a) == 1 or len(first_b) == 1:  # an initial
        return first_a[0] == first_b[0]
    return _similar(first_a, first_b, _transliteration()[2])


def same_person_name(a: str, b: str) -> bool:
    return same_surname(a, b) and first_names_compatible(a, b)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "person"


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


# --- one article -----------------------------------------------------------------------


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

    @property
    def body(self) -> str:
        return self.article.body

    def text(self, start: int, end: int) -> str:
        """Body text of tokens [start, end)."""
        if end <= start:
            return ""
        return self.body[self.doc[start].idx : self.doc[end - 1].idx + len(self.doc[end - 1].text)]

    def paragraph_of(self, char: int) -> int:
        for index, (start, end) in enumerate(self.paragraphs):
            if start <= char < end:
                return index
        return -1


def extract_people(article, doc) -> list[dict]:
    """One row per person the article names (not its author), with role, side and quote."""
    if not article.body.strip():
        return []
    ctx = _Article(article, doc, _segments(doc), paragraph_spans(article.body), _party_tokens(article.body, doc))
    mentions = _find_mentions(ctx)
    ctx.mentions = mentions
    for mention in mentions:
        if mention.owner_token >= 0 and not mention.possessor:
            mention.possessor = _person_before(ctx, mention.owner_token)
    _share_plural_titles(ctx, mentions)
    _share_plural_appositive(ctx, mentions)
    nouns = article_party_nouns(article.body)
    for mention in mentions:
        _side_from_role(mention, nouns)
        _side_from_list_heading(ctx, mention)
        _side_from_delegation_sentence(ctx, mention)
        _side_from_paragraph(ctx, mention)
    clusters = _cluster_mentions(mentions)
    for cluster in clusters:
        _side_from_knowledge(ctx, cluster)
    _side_from_possessor(clusters)
    for cluster in clusters:
        _side_from_context(ctx, cluster, clusters)
    rows = [_row(ctx, cluster) for cluster in clusters]
    return [row for row in rows if not _is_author_or_outlet(row["name"], article)]


def _segments(doc) -> list[tuple[int, int]]:
    """For each token, its sentence cut at line breaks (spaCy runs list items together)."""
    bounds = [0] * len(doc)
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end):
            if doc[i].is_space and "\n" in doc[i].text:
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
        if span is not None:
            for i in range(span.start, span.end):
                if doc[i].text not in _POSSESSIVE:
                    parties[i] = found.party
    # "the government team", "a government official": a noun this article uses for one party
    for noun, party in article_party_nouns(body).items():
        for token in doc:
            if token.lower_ == noun and not parties[token.i] and token.text.islower():
                parties[token.i] = party
    return parties


# --- finding names ---------------------------------------------------------------------


def _name_like(token) -> bool:
    text = token.text
    if not text[:1].isupper() or not (_NAME_TOKEN.fullmatch(text) or _INITIAL.fullmatch(text)):
        return False
    if text.isupper() and not _INITIAL.fullmatch(text) and len(text) > 1:
        return False  # an acronym: SBU, NATO
    lex = lexicon()
    key = fold(text).rstrip(".")
    if key in lex.not_name_words or key in lex.credit_cues or key in lex.honorifics or fold(text) in lex.honorifics:
        return False
    if lex.is_title_word(key):
        return False
    if token.pos_ in _NON_NAME_POS:
        return False
    if party_of(text):  # "Houthi" is a party, but in "Mohammed Ali al-Houthi" a surname
        doc = token.doc
        return token.i >= 2 and doc[token.i - 1].text == "-" and _is_particle(doc[token.i - 2])
    return True


def _is_particle(token) -> bool:
    return token.text.islower() and fold(token.text) in lexicon().particles


def _name_runs(doc) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens, with particles and hyphens inside ("al-Hayya")."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not _name_like(doc[i]):
            i += 1
            continue
        j = i + 1
        while j < n and j - i < MAX_NAME_TOKENS:
            token = doc[j]
            nxt = doc[j + 1] if j + 1 < n else None
            if _name_like(token) and doc[j - 1].whitespace_ != "\n":
                j += 1
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
            undecided.append((start, end))
    # A full name the tagger missed: a known given name first, or a leader the knowledge
    # table knows ("Volodymyr Zelenskyy and Vladimir Putin would meet").
    for start, end in list(undecided):
        if end - start > 1 and _person_shaped(ctx.text(start, end)):
            mentions.append(_mention(ctx, start, end, from_ner=False))
            undecided.remove((start, end))
    # A surname the article gives in full elsewhere is that person ("Berg said").
    known = [m.surface for m in mentions if len(m.surface.split()) > 1]
    for start, end in undecided:
        if end - start == 1 and any(same_surname(doc[start].text, name) for name in known):
            mention = _mention(ctx, start, end, from_ner=False)
            mention.span = (mention.body_start, mention.body_end)
            mentions.append(mention)
    mentions = [m for m in mentions if _names_a_person(ctx, m, known)]
    return sorted(mentions, key=lambda m: m.start)


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
    if not mention.from_ner and not is_surname and is_place(surface):
        return False  # "the deputy director of Hodeidah port"
    if mention.start > 0 and ctx.doc[mention.start - 1].lower_ == "the" and not mention.role and not is_surname:
        return False  # "at the Palais Coburg", "the Salah al-Din road": a person is rarely "the X"
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
    if start == first and end - start > 1 and start not in person_tokens and (start + 1) in person_tokens:
        return start if is_given_name(ctx.doc[start].text) else start + 1
    return start


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
    first, last = ctx.segment[i]
    words = [t.text for t in ctx.doc[first:last] if t.is_alpha and len(t.text) > 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _mere_honorific(word: str) -> bool:
    """A form of address that is no office: "Sheikh", "Dr" (but "Emir" is also an office)."""
    return fold(word) in lexicon().honorifics and not lexicon().is_head(word)


def _after_honorific(ctx: _Article, start: int) -> bool:
    return start > 0 and fold(ctx.doc[start - 1].text) in lexicon().honorifics


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
    return bool(re.match(r"(?:\s+and\s+[^.;()]{1,40}?)?\s+contributed\b", suffix))


def _other_kind_of_name(ctx: _Article, mention: Mention) -> bool:
    """Outlets and places the NER took for people ("according to Reuters")."""
    key = fold(mention.surface)
    if key in lexicon().media:
        return True
    if mention.role or mention.end - mention.start > 1:
        return False
    labels = Counter(ent.label_ for ent in ctx.doc.ents if fold(ent.text) == key)
    return labels["PERSON"] < sum(labels[label] for label in ("GPE", "LOC", "FAC", "ORG", "NORP"))


# --- roles -----------------------------------------------------------------------------


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
        if key == "and":  # "Prime Minister and Foreign Minister X"
            return i > 0 and lex.is_head(ctx.doc[i - 1].text) and _title_word_token(ctx.doc[i + 1])
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
    while end - 1 >= seg_start and _mere_honorific(doc[end - 1].text):
        end -= 1  # "Foreign Minister Sheikh X": the honorific is not part of the role
    title = _scan_title_left(ctx, end, seg_start)
    if title is not None and not _ends_title(ctx, title.end - 1):
        title = None
    if title is None and end - 1 > seg_start and doc[end - 1].text == ",":
        # "Norway's Minister of Defence, X" / "Lind's special envoy, X"
        title = _scan_title_left(ctx, end - 1, seg_start)
        introduced = title is not None and (title.possessor or title.party or _after_determiner(ctx, title))
        if not (introduced and title.has_head) or title.plural:
            title = None  # "One of its members, X": a group's title, not X's
    return title


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
    if stop - start >= 3 and doc[start + 1].text in _POSSESSIVE and (party := party_of(doc[start].text)):
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


def _after_determiner(ctx: _Article, title: _Title) -> bool:
    """"The head of the Ukrainian delegation, X": a title introduced as a description."""
    i = title.quote_start - 1
    return i >= 0 and fold(ctx.doc[i].text) in {"the", "its", "their", "his", "her"}


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
    described = any(lex.is_head(doc[i].text) for i in range(start, stop)) and doc[start].text.islower()
    if not (lead_key in lex.role_cues or _title_word_token(doc[start]) or ctx.party_at[start] or described):
        return None
    if stop < seg_end and doc[stop].pos_ in {"VERB", "AUX"} and fold(doc[stop].text) not in _RELATIVE:
        return None  # "Meeting X, the minister smiled": the subject of a new clause
    start, stop = _trim_title(ctx, start, stop)
    if start >= stop:
        return None
    if opener == "(" and all(ctx.party_at[i] for i in range(start, stop)):
        return _Title(start, stop, quote_start, False, party=ctx.party_at[start])  # "X (Hamas)"
    heads = [fold(doc[i].text) for i in range(start, stop) if lex.is_head(doc[i].text)]
    if not (heads or lead_key in lex.role_cues):
        return None
    if heads and not any(h in lex.heads for h in heads):
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
    while i < seg_end and (fold(doc[i].text) in _DETERMINERS or (doc[i].pos_ == "ADV" and doc[i].text.islower())):
        i += 1
    return i


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
        if served:
            continue
        if token.ent_type_ == "PERSON" and _name_like(token):
            return True
        run = run + 1 if _name_like(token) else 0
        if run >= 2:
            return True
    return False


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
    """"X of the Houthis", "X, from the U.S. State Department": the party X belongs to."""
    doc = ctx.doc
    i = end + 1 if end < len(doc) and doc[end].text == "," else end
    if i < len(doc) and doc[i].lower_ in {"of", "from"}:
        i += 1
        while i < len(doc) and doc[i].lower_ == "the":
            i += 1
        if i < len(doc) and (party := ctx.party_at[i]) and party != NO_PARTY:
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


_SERVED = re.compile(r"\b(?:to|for)\s+(?:[A-Z][\w.'\u2019-]*\s+)*?(?P<name>[A-Z][\w'\u2019-]+(?:\s+(?:[a-z]{1,3}-?)?[A-Z][\w'\u2019-]+){1,3})$")


def _served_person(role: str) -> str:
    """The person a role serves, named at its end: "spokesman for President Lind" -> "Lind"
    (with the given name where the role gives it)."""
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
            previous.shared_title = mention.shared_title = True
            previous.span = (previous.span[0], mention.span[1])


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


# --- sides -----------------------------------------------------------------------------


def role_side(role: str) -> str:
    """The party a role names as the person's own ("Russian U.N. Ambassador" -> Russia;
    "special envoy for Ukraine" names the counterpart, not the side)."""
    lex = lexicon()
    folded = fold(role.replace("\u2019", "'"))
    if folded.split(" ", 1)[0] in lex.former_words:
        return ""  # "former Nigerian president": a past office says nothing of the side today
    found_all = find_parties(role, include_no_party=True)
    employer = [f for f in found_all if re.search(r"\bat\s+(?:the\s+)?$", folded[: f.start])]
    if employer:  # "UN director at Human Rights Watch": the employer, not the subject
        return employer[0].party
    for found in found_all:
        before = folded[: found.start]
        target = re.search(r"\b(\w+)\s+(?:the\s+)?$", before)
        if target and target.group(1) in lex.target_prepositions:
            if any(lex.is_head(w) and fold(w) in lex.target_heads or singular(fold(w)) in lex.target_heads
                   for w in re.findall(r"[\w-]+", before)):
                continue
        return found.party
    return ""


def _side_from_role(mention: Mention, nouns: dict[str, str]) -> None:
    if mention.role and _acts_for_no_party(mention.role):
        # "a Russian analyst", "a Washington-based journalist": a nationality or a place,
        # not a party the person acts for
        mention.give_side(NO_PARTY, SIDE_FROM_ROLE, f"role: {mention.role}")
        return
    if mention.role_party and fold(mention.role).split(" ", 1)[0] not in lexicon().former_words:
        mention.give_side(mention.role_party, SIDE_FROM_ROLE, f"named with: {mention.role_party}")
    role = mention.role
    if mention.possessor and role.startswith(mention.possessor):
        role = role[len(mention.possessor) :]
    if side := role_side(role):
        mention.give_side(side, SIDE_FROM_ROLE, f"role: {mention.role}")
    elif (side := _party_noun_in(role, nouns)) and fold(role).split(" ", 1)[0] not in lexicon().former_words:
        mention.give_side(side, SIDE_FROM_ROLE, f"role: {mention.role}")


def _party_noun_in(role: str, nouns: dict[str, str]) -> str:
    """"government official" in an article where the government is one party's."""
    parties = {nouns[w] for w in re.findall(r"[a-z]+", role) if w in nouns}
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


def _group_phrases(ctx: _Article, seg_start: int, seg_end: int) -> list[tuple[int, int, str]]:
    """(first token, last token + 1, party) of each side's group in a sentence:
    "the Ukrainian delegation", "Russia's 14-member team", "delegation of Ukraine",
    "Russia, represented by", "Azerbaijan sent"."""
    doc = ctx.doc
    lex = lexicon()
    groups = []
    for i in range(seg_start, seg_end):
        token = doc[i]
        if fold(token.lemma_) in lex.group_nouns or fold(token.text) in lex.group_nouns:
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
        elif (party := ctx.party_at[i]) and (i + 1 == seg_end or ctx.party_at[i + 1] != party):
            first = i
            while first - 1 >= seg_start and ctx.party_at[first - 1] == party:
                first -= 1
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
    groups = _group_phrases(ctx, seg_start, seg_end)
    before = [g for g in groups if g[1] <= mention.start]
    if before:
        first, last, party = before[-1]
        if _has_link_cue(ctx, last, mention.start) and _parties_between(ctx, last, mention.start) <= {party}:
            mention.give_side(party, SIDE_FROM_GROUP, f"delegation: {ctx.text(first, last)}")
            return
    after = [g for g in groups if g[0] >= mention.end]
    if after:  # "X led Kyiv's delegation"
        first, last, party = after[0]
        between = range(mention.end, first)
        others = [m for m in ctx.mentions if m is not mention and mention.end <= m.start < first]
        linked = _has_link_cue(ctx, mention.end, first) and any(ctx.doc[i].pos_ == "VERB" for i in between)
        if not others and linked and not _parties_between(ctx, mention.end, first) - {party}:
            mention.give_side(party, SIDE_FROM_GROUP, f"delegation: {ctx.text(first, last)}")


def _side_from_paragraph(ctx: _Article, mention: Mention) -> None:
    """A paragraph about one side's delegation ("The Russian delegation ... arrived. X is
    attending in place of Y.") that names no other party."""
    index = ctx.paragraph_of(mention.body_start)
    if index < 0:
        return
    start, end = ctx.paragraphs[index]
    tokens = [t.i for t in ctx.doc if start <= t.idx < end]
    if not tokens:
        return
    named = {ctx.party_at[i] for i in tokens if ctx.party_at[i]}
    segments = sorted({ctx.segment[i] for i in tokens})
    groups = {party for first, last in segments for _, _, party in _group_phrases(ctx, first, last)}
    if len(groups) == 1 and named == groups:
        party = next(iter(groups))
        mention.give_side(party, SIDE_FROM_PARAGRAPH, f"paragraph about the {party} delegation")


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


# --- one row per person per article ----------------------------------------------------


def _split_compound(mention: Mention, names: list[str]) -> list[Mention]:
    """"a Berg-Lind summit": two people the article names elsewhere, not one."""
    parts = mention.surface.split("-")
    if len(parts) < 2 or " " in mention.surface:
        return [mention]
    if not all(any(same_surname(part, name) for name in names) for part in parts):
        return [mention]
    pieces, offset = [], mention.body_start
    for part in parts:
        piece = Mention(mention.start, mention.end, part, offset, offset + len(part), mention.from_ner)
        piece.span = (offset, offset + len(part))
        pieces.append(piece)
        offset += len(part) + 1
    return pieces


def _is_full(name: str) -> bool:
    return len(name.split()) > 1


def _cluster_mentions(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions of one person in an article: full names by name, surnames to the nearest
    earlier full name with that surname."""
    full_names = [m.surface for m in mentions if _is_full(m.surface)]
    expanded = [piece for m in mentions for piece in _split_compound(m, full_names)]
    clusters: list[list[Mention]] = []
    for mention in (m for m in expanded if _is_full(m.surface)):
        home = next((c for c in clusters if any(_is_full(m.surface) and same_person_name(m.surface, mention.surface)
                                                for m in c)), None)
        if home is None:
            clusters.append([mention])
        else:
            home.append(mention)
    for mention in (m for m in expanded if not _is_full(m.surface)):
        candidates = [c for c in clusters if any(same_surname(m.surface, mention.surface) for m in c)]
        if not candidates and mention.role:  # "General Tadesse" for Tadesse Worede, where names are so used
            candidates = [c for c in clusters if any(fold(m.surface).split()[0] == fold(mention.surface) for m in c)]
            candidates = candidates if len(candidates) == 1 else []
        if candidates:
            _nearest_before(candidates, mention.body_start).append(mention)
        else:
            clusters.append([mention])
    for cluster in clusters:
        cluster.sort(key=lambda m: m.body_start)
    return sorted(clusters, key=lambda c: c[0].body_start)


def _nearest_before(clusters: list[list[Mention]], offset: int) -> list[Mention]:
    """The cluster mentioned last before `offset` (else the first one)."""
    def last_before(cluster: list[Mention]) -> int:
        return max((m.body_start for m in cluster if m.body_start <= offset), default=-1)

    return max(clusters, key=last_before) if any(last_before(c) >= 0 for c in clusters) else clusters[0]


def _row(ctx: _Article, cluster: list[Mention]) -> dict:
    fullest = max(cluster, key=lambda m: (len(m.surface.split()), len(m.surface), -m.body_start))
    with_role = [m for m in cluster if m.role]
    shown = with_role[0] if with_role else fullest
    best_side = max(cluster, key=lambda m: (m.side_strength, -m.body_start))
    start, end, quote = ctx.article.span(*shown.span)
    roles = list(dict.fromkeys(m.role for m in with_role))
    surfaces = list(dict.fromkeys(m.surface for m in cluster))
    return {
        "doc_id": ctx.article.doc_id,
        "name": _clean_name(fullest.surface),
        "role": shown.role,
        "side": best_side.side,
        "start": start,
        "end": end,
        "quote": quote,
        "surface": shown.surface,
        "mentions": len(cluster),
        "surfaces": "|".join(surfaces),
        "roles_seen": "|".join(roles),
        "role_of": next((m.possessor for m in cluster if m.possessor), ""),
        "side_evidence": best_side.side_evidence,
        "side_strength": max(best_side.side_strength, 0) if best_side.side else -1,
    }


def _has_side(cluster: list[Mention]) -> bool:
    return any(m.side for m in cluster)


def _fullest(cluster: list[Mention]) -> Mention:
    return max(cluster, key=lambda m: (len(m.surface.split()), len(m.surface), -m.body_start))


def _side_from_knowledge(ctx: _Article, cluster: list[Mention]) -> None:
    """When the text gives no side: a leader or foreign minister in office on the article's
    date (data/leaders.csv). Not for one the article calls former."""
    if _has_side(cluster):
        return
    if any(fold(m.role).split(" ", 1)[0] in lexicon().former_words for m in cluster if m.role):
        return  # "Kenya's former head of state": the table's office is past; the text gives no side
    mention = _fullest(cluster)
    if side := leaders.side_of(_clean_name(mention.surface), ctx.article.published):
        mention.give_side(side, SIDE_FROM_KNOWLEDGE, f"in office on {ctx.article.published or 'some date'} (data/leaders.csv)")


def _side_from_context(ctx: _Article, cluster: list[Mention], clusters: list[list[Mention]]) -> None:
    """A person holding an office the text names without its party ("Defence Minister
    X", "a minister of state") takes the side of the people listed with them ("Saudi
    Foreign Minister Y and X"), else of the one party their sentence names, else of the
    party named last before them in their paragraph. A state's office ("minister",
    "commissioner") goes to a state only; a place named as where ("talks in Havana") and a
    party inside another person's title are no evidence."""
    if _has_side(cluster):
        return
    holders = [m for m in cluster if m.role and not _acts_for_no_party(m.role)
               and fold(m.role).split(" ", 1)[0] not in lexicon().former_words]
    for mention in (m for m in holders if not m.shared_title):
        fellows = {s for s in _fellow_sides(ctx, mention, clusters) if s and s != NO_PARTY}
        if len(fellows) == 1:
            side = fellows.pop()
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"listed with others of {side}")
            return
    for mention in holders:
        first, last = ctx.segment[mention.start]
        parties = {p for _, p in _evidence_parties(ctx, mention, first, last)}
        if len(parties) == 1:
            side = parties.pop()
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"the sentence names {side}")
            return
    for mention in holders:
        index = ctx.paragraph_of(mention.body_start)
        if index < 0:
            continue
        start, _ = ctx.paragraphs[index]
        first = next(t.i for t in ctx.doc if t.idx >= start)
        before = _evidence_parties(ctx, mention, first, mention.start)
        if before:
            side = before[-1][1]
            mention.give_side(side, SIDE_FROM_PARAGRAPH, f"the paragraph names {side} before")
            return


def _evidence_parties(ctx: _Article, mention: Mention, first: int, last: int) -> list[tuple[int, str]]:
    """(token, party) of the parties named in tokens [first, last) that may say whose
    office a person holds (see `_side_from_context`)."""
    state_office = _is_state_office(mention.role)
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
        if _inside_quotes(ctx.body, idx):
            continue  # "“Ukraine does not sign any documents with Russia,” X wrote": what X said
        if i > 0 and ctx.doc[i - 1].lower_ in _LOCATIVE:
            continue
        if state_office and kinds.get(party) != "state":
            continue
        found.append((i, party))
    return found


_LOCATIVE = {"in", "at", "from", "to", "near", "into", "across", "inside", "outside"}


def _inside_quotes(body: str, idx: int) -> bool:
    """Whether the character at `idx` stands inside a quotation in its paragraph."""
    start = body.rfind("\n", 0, idx) + 1
    return body.count('"', start, idx) % 2 == 1


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
            if not re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", between):
                break
            i += step
            other = in_sentence[i]
            owner = next(c for c in clusters if other in c)
            sides.append(max(owner, key=lambda m: m.side_strength).side)
    return sides


def _acts_for_no_party(role: str) -> bool:
    """The role's own noun (its last word before "at", "of", "with"...) is an analyst's,
    a journalist's, a hostage's: "political analyst", "analyst at a think tank",
    "former hostage"; not "hostage file coordinator"."""
    words = re.findall(r"[\w-]+", fold(role.split(",")[-1]))
    for cut, word in enumerate(words):
        if word in {"at", "of", "with", "for", "from", "in", "on", "to"} and cut:
            words = words[:cut]
            break
    return bool(words) and singular(words[-1]) in lexicon().no_party_roles


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def _is_author_or_outlet(name: str, article) -> bool:
    key = fold(name)
    if key in lexicon().media or (article.outlet and key == fold(article.outlet)):
        return True
    author = getattr(article, "author", "") or ""
    return bool(author) and len(author.split()) > 1 and same_person_name(name, author)


# --- across articles -------------------------------------------------------------------


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


@dataclass
class _Person:
    rows: list[int] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # full names (two words or more)


def resolve_persons(people: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """People with `person_id`, the persons table, and conflict rows (namesakes,
    ambiguous surnames, roles and sides that disagree between articles)."""
    people = people.reset_index(drop=True).copy()
    records = people.to_dict("records")
    conflicts: list[dict] = []
    persons = _group_rows(records, conflicts)
    ids = _person_ids(records, persons)
    sides = {person_id: _person_side(records, person, conflicts) for person_id, person in zip(ids, persons)}
    person_of_row = {row: pid for pid, person in zip(ids, persons) for row in person.rows}
    people["person_id"] = [person_of_row.get(i, "") for i in range(len(records))]
    people = _fill_sides(people, sides)
    table = pd.DataFrame([_person_row(records, person, pid, sides[pid]) for pid, person in zip(ids, persons)],
                         columns=COLUMNS["persons"] + ["n_mentions"])
    table = table.sort_values("person_id", kind="mergesort").reset_index(drop=True)
    for person in persons:
        if conflict := _role_conflict(records, person, _canonical_name(records, person)):
            conflicts.append(conflict)
    columns = COLUMNS["people"] + [c for c in people.columns if c not in COLUMNS["people"]]
    conflicts.sort(key=lambda c: (c["kind"], c["subject"], c["values"]))
    return people[columns], table, conflicts


def _order(records: list[dict]) -> list[int]:
    def position(i: int) -> tuple:
        return cell_text(records[i].get("doc_id")), _int(records[i].get("start"), 0), i

    return sorted(range(len(records)), key=position)


class _SurnameIndex:
    """Persons filed under the surname keys of their names, so that a name is compared
    with the persons whose surname is like its own, not with everyone found so far.
    Similar keys (`same_surname`) are computed once per distinct key of the corpus."""

    def __init__(self, keys: list[str]):
        distinct = sorted({k for k in keys if k})
        threshold = _transliteration()[1]
        self._like: dict[str, tuple[str, ...]] = {}
        for key in distinct:
            near = process.extract(key, distinct, scorer=fuzz.ratio, score_cutoff=threshold, limit=None)
            self._like[key] = tuple(sorted({match for match, _, _ in near} | {key}))
        self.named: dict[str, list[int]] = defaultdict(list)  # persons with a full name of that surname
        self.nameless: dict[str, list[int]] = defaultdict(list)  # persons made of a surname alone

    def file(self, index: dict[str, list[int]], name: str, person: int) -> None:
        key = name_parts(name)[1]
        if key and person not in index[key]:
            index[key].append(person)

    def near(self, index: dict[str, list[int]], name: str) -> list[int]:
        """Persons filed under a surname like `name`'s, in the order they were made."""
        key = name_parts(name)[1]
        return sorted({p for like in self._like.get(key, ()) for p in index.get(like, ())})


def _group_rows(records: list[dict], conflicts: list[dict]) -> list[_Person]:
    """Rows of one person together: full names first (they decide who is who), then
    surnames alone, each to the one person with that surname."""
    persons: list[_Person] = []
    namesakes: set[tuple[int, int]] = set()
    order = _order(records)
    names = [cell_text(records[i].get("name")) for i in range(len(records))]
    index = _SurnameIndex([name_parts(n)[1] for n in names if n])
    for i in order:
        name = names[i]
        if not _is_full(name):
            continue
        near = index.near(index.named, name)
        home = next((k for k in near if any(same_person_name(n, name) for n in persons[k].names)), None)
        if home is None:
            namesakes.update((k, len(persons)) for k in near)  # `near` is every person of a like surname
            index.file(index.named, name, len(persons))
            persons.append(_Person([i], [name]))
        else:
            persons[home].rows.append(i)
            persons[home].names.append(name)
            index.file(index.named, name, home)
    conflicts.extend(_namesake_conflict(records, persons[a], persons[b]) for a, b in sorted(namesakes))
    for i in order:
        if names[i] and not _is_full(names[i]):
            _add_surname_row(records, i, persons, conflicts, index)
    return persons


def _add_surname_row(records: list[dict], i: int, persons: list[_Person], conflicts: list[dict],
                     index: _SurnameIndex) -> None:
    """A surname alone joins the one person with that surname; between namesakes the
    role decides, else the row is ambiguous and stays a person of its own."""
    name, role = cell_text(records[i].get("name")), cell_text(records[i].get("role"))
    candidates = [persons[k] for k in index.near(index.named, name)]
    if len(candidates) > 1:
        fitting = [p for p in candidates if role and any(_role_fits(role, records[r]) for r in p.rows)]
        if len(fitting) != 1:
            conflicts.append(_ambiguous_conflict(records, i, candidates))
        candidates = fitting if len(fitting) == 1 else []
    if not candidates:
        candidates = [persons[k] for k in index.near(index.nameless, name)]
    if candidates:
        candidates[0].rows.append(i)
    else:
        index.file(index.nameless, name, len(persons))
        persons.append(_Person([i], []))


def _role_fits(role: str, record: dict) -> bool:
    other = cell_text(record.get("role"))
    return bool(other) and roles_compatible(role, other)


def _canonical_name(records: list[dict], person: _Person) -> str:
    """The full name most articles use (ties: more mentions, diacritics kept, longer)."""
    names = person.names or [cell_text(records[r].get("name")) for r in person.rows]
    docs: dict[str, set] = defaultdict(set)
    mentions: Counter = Counter()
    for r in person.rows:
        name = cell_text(records[r].get("name"))
        if name in names:
            docs[name].add(cell_text(records[r].get("doc_id")))
            mentions[name] += _int(records[r].get("mentions"), 1)
    def preference(n: str) -> tuple:
        return -len(docs[n]), -mentions[n], -sum(ord(c) > 127 for c in n), -len(n), fold(n), n

    return min(set(names), key=preference)


def _person_ids(records: list[dict], persons: list[_Person]) -> list[str]:
    """Readable ids from the canonical name; namesakes get -2, -3 in order of appearance."""
    used: Counter = Counter()
    firsts = [min((cell_text(records[r].get("doc_id")), _int(records[r].get("start"), 0)) for r in p.rows) for p in persons]
    ids = [""] * len(persons)
    for k in sorted(range(len(persons)), key=lambda k: firsts[k]):
        base = slug(_canonical_name(records, persons[k]))
        used[base] += 1
        ids[k] = base if used[base] == 1 else f"{base}-{used[base]}"
    return ids


def _person_side(records: list[dict], person: _Person, conflicts: list[dict]) -> str:
    """The side with the most weight of evidence across the person's articles."""
    weight: Counter = Counter()
    strongest: dict[str, int] = {}
    for r in person.rows:
        side = cell_text(records[r].get("side"))
        if not side:
            continue
        strength = max(_int(records[r].get("side_strength"), 1), 1)
        weight[side] += strength
        strongest[side] = max(strongest.get(side, 0), strength)
    if not weight:
        return ""
    sure = sorted(s for s, strength in strongest.items() if strength >= SIDE_FROM_GROUP)
    if len(sure) > 1:
        rows = [r for r in person.rows if cell_text(records[r].get("side")) in sure]
        conflicts.append({
            "kind": "person_side",
            "subject": _canonical_name(records, person),
            "values": "|".join(sure),
            "doc_ids": "|".join(sorted({cell_text(records[r].get("doc_id")) for r in rows})),
            "quotes": " | ".join(f"{cell_text(records[r].get('doc_id'))}: {cell_text(records[r].get('quote'))}" for r in rows),
        })
    return min(weight, key=lambda s: (-weight[s], -strongest[s], s))


def _fill_sides(people: pd.DataFrame, sides: dict[str, str]) -> pd.DataFrame:
    """A mention the article leaves without a side takes the person's side from the others."""
    for column in ("side", "side_evidence"):
        people[column] = people[column].map(cell_text) if column in people.columns else ""
    for index in people.index:
        if cell_text(people.at[index, "side"]):
            continue
        side = sides.get(cell_text(people.at[index, "person_id"]), "")
        if side:
            people.at[index, "side"] = side
            people.at[index, "side_evidence"] = "other articles"
    return people


def _person_row(records: list[dict], person: _Person, person_id: str, side: str) -> dict:
    rows = [records[r] for r in person.rows]
    variants = set()
    roles: dict[str, str] = {}
    for row in rows:
        variants.add(_clean_name(cell_text(row.get("name"))))
        variants.update(_clean_name(s) for s in cell_text(row.get("surfaces")).split("|") if s.strip())
        for role in [cell_text(row.get("role"))] + cell_text(row.get("roles_seen")).split("|"):
            if role.strip():
                roles.setdefault(fold(role), role)
    doc_ids = sorted({cell_text(row.get("doc_id")) for row in rows})
    return {
        "person_id": person_id,
        "name": _canonical_name(records, person),
        "variants": "|".join(sorted(variants, key=lambda v: (fold(v), v))),
        "roles": "|".join(roles[key] for key in sorted(roles)),
        "side": side,
        "doc_ids": "|".join(doc_ids),
        "n_docs": len(doc_ids),
        "n_mentions": sum(_int(row.get("mentions"), 1) for row in rows),
    }


def _role_conflict(records: list[dict], person: _Person, name: str) -> dict | None:
    """Articles that give one person roles that cannot be one office."""
    given = [(r, cell_text(records[r].get("role"))) for r in person.rows if cell_text(records[r].get("role"))]
    clashing = set()
    for a, role_a in given:
        for b, role_b in given:
            if a < b and records[a].get("doc_id") != records[b].get("doc_id") and not roles_compatible(role_a, role_b):
                clashing.update((a, b))
    if not clashing:
        return None
    rows = sorted(clashing, key=lambda r: (cell_text(records[r].get("doc_id")), _int(records[r].get("start"), 0)))
    values = sorted({cell_text(records[r].get("role")) for r in rows}, key=lambda v: (fold(v), v))
    return {
        "kind": "person_role",
        "subject": name,
        "values": "|".join(values),
        "doc_ids": "|".join(sorted({cell_text(records[r].get("doc_id")) for r in rows})),
        "quotes": " | ".join(f"{cell_text(records[r].get('doc_id'))}: {cell_text(records[r].get('quote'))}" for r in rows),
    }


def _namesake_conflict(records: list[dict], a: _Person, b: _Person) -> dict:
    rows = sorted(a.rows + b.rows, key=lambda r: (cell_text(records[r].get("doc_id")), _int(records[r].get("start"), 0)))
    names = sorted({_canonical_name(records, a), _canonical_name(records, b)}, key=lambda v: (fold(v), v))
    return {
        "kind": "person_namesake",
        "subject": names[0].split()[-1],
        "values": "|".join(names),
        "doc_ids": "|".join(sorted({cell_text(records[r].get("doc_id")) for r in rows})),
        "quotes": " | ".join(f"{cell_text(records[r].get('doc_id'))}: {cell_text(records[r].get('quote'))}" for r in rows),
    }


def _ambiguous_conflict(records: list[dict], row: int, candidates: list[_Person]) -> dict:
    names = sorted({_canonical_name(records, p) for p in candidates}, key=lambda v: (fold(v), v))
    return {
        "kind": "person_ambiguous_name",
        "subject": cell_text(records[row].get("name")),
        "values": "|".join(names),
        "doc_ids": cell_text(records[row].get("doc_id")),
        "quotes": f"{cell_text(records[row].get('doc_id'))}: {cell_text(records[row].get('quote'))}",
    }


# --- the delegations view --------------------------------------------------------------


def delegations(people: pd.DataFrame, persons: pd.DataFrame) -> pd.DataFrame:
    """For each side its members, the role most articles give them, every role, and how
    many articles name them; sorted by side (unknown last), articles, name."""
    columns = ["side", "person_id", "name", "role", "roles", "n_docs", "doc_ids"]
    if persons is None or persons.empty:
        return pd.DataFrame(columns=columns)
    rows = []
    for person in persons.to_dict("records"):
        mine = people[people["person_id"] == person["person_id"]] if "person_id" in people.columns else people.iloc[0:0]
        rows.append({
            "side": cell_text(person.get("side")),
            "person_id": person["person_id"],
            "name": person["name"],
            "role": _usual_role(mine),
            "roles": cell_text(person.get("roles")),
            "n_docs": _int(person.get("n_docs"), 0),
            "doc_ids": cell_text(person.get("doc_ids")),
        })
    table = pd.DataFrame(rows, columns=columns)
    table["_unknown"] = table["side"] == ""
    table["_name"] = table["name"].map(fold)
    table = table.sort_values(
        ["_unknown", "side", "n_docs", "_name"], ascending=[True, True, False, True], kind="mergesort"
    )
    return table.drop(columns=["_unknown", "_name"]).reset_index(drop=True)


def _usual_role(rows: pd.DataFrame) -> str:
    """The role most of the person's articles give (ties: the earliest article's)."""
    roles = [(cell_text(r.get("doc_id")), cell_text(r.get("role"))) for r in rows.to_dict("records") if cell_text(r.get("role"))]
    if not roles:
        return ""
    roles.sort()
    counts = Counter(fold(role) for _, role in roles)
    first_seen = {}
    for position, (_, role) in enumerate(roles):
        first_seen.setdefault(fold(role), (position, role))
    key = min(counts, key=lambda k: (-counts[k], first_seen[k][0]))
    return first_seen[key][1]
