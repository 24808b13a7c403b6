"""Names: the title and name lexicon, what a name-like word is, and keys to compare names.

`lexicon()` loads the title words (`data/titles.yml`) and the words about people
(`data/people.yml`). `name_parts` gives a name's given-name keys and surname key, after
transliteration (`data/transliteration.yml`), so that `same_surname` and
`same_person_name` match "Dmitriy" and "Dmitrii"; the resolution across articles
(`parley.across.persons`) uses the same keys.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from parley import config
from parley.knowledge import project_file
from parley.knowledge.sides import party_of
from parley.text import fold

_NON_NAME_POS = {"ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "PUNCT", "INTJ", "SYM", "SPACE"}
_NAME_TOKEN = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*\.?")
_INITIAL = re.compile(r"[^\W\d_]\.")
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
_POSSESSIVE = {"'s", "'", "\u2019s", "\u2019"}
_DASHES = {"-", "\u2013", "\u2014"}


# --- the lexicon -----------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    heads: frozenset
    modifiers: frozenset
    rank_modifiers: frozenset
    domains: frozenset
    connectors: frozenset
    role_cues: frozenset
    target_heads: frozenset
    serving_heads: frozenset
    target_prepositions: frozenset
    honorifics: frozenset
    spelling: dict
    group_nouns: frozenset
    link_cues: frozenset
    counterpart_nouns: frozenset
    meeting_verbs: frozenset
    unnamed_group_modifiers: frozenset
    agency_cues: tuple
    bullets: frozenset
    particles: frozenset
    suffixes: frozenset
    not_name_words: frozenset
    media: frozenset
    credit_cues: tuple
    no_party_roles: frozenset
    former_words: frozenset
    state_office_heads: frozenset
    named_after_a_place: frozenset = frozenset()
    kin_nouns: frozenset = frozenset()
    organisation_heads: frozenset = frozenset()
    no_party_bodies: frozenset = frozenset()
    body_anaphors: dict = field(default_factory=dict)  # noun -> kinds of body it points back to
    place_prefixes: frozenset = frozenset()
    place_nouns: frozenset = frozenset()  # "X, the presidential residence": X is a place
    other_side_openers: tuple = ()  # "Across the table sat ...": the other side's people
    media_nouns: frozenset = frozenset()
    captive_kin_nouns: frozenset = frozenset()
    captivity_words: frozenset = frozenset()

    def is_head(self, word: str) -> bool:
        key = fold(word)
        return key in self.heads or singular(key) in self.heads

    def is_title_word(self, word: str) -> bool:
        key = fold(word)
        return key in self.modifiers or key in self.domains or self.is_head(key)


@functools.lru_cache(maxsize=None)
def lexicon() -> Lexicon:
    titles = project_file.knowledge_yaml("titles.yml")  # the library's title words and the project's
    people = config.data_yaml("people.yml")

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
        serving_heads=words(titles.get("serving_heads", [])),
        target_prepositions=words(titles["target_prepositions"]),
        honorifics=words(titles["honorifics"]),
        spelling={fold(k): fold(v) for k, v in titles["spelling_variants"].items()},
        group_nouns=words(people["group_nouns"]),
        link_cues=words(people["link_cues"]),
        counterpart_nouns=words(people.get("counterpart_nouns", [])),
        meeting_verbs=words(people.get("meeting_verbs", [])),
        unnamed_group_modifiers=words(people.get("unnamed_group_modifiers", [])),
        agency_cues=tuple(tuple(fold(str(c)).split()) for c in people.get("agency_cues", [])),
        bullets=frozenset(people["bullets"]),
        particles=words(people["name_particles"]),
        suffixes=words(people["name_suffixes"]),
        not_name_words=words(people["not_name_words"]),
        media=words(people["media"]),
        credit_cues=tuple(sorted(words(people["credit_cues"]), key=lambda w: (-len(w), w))),
        no_party_roles=words(people["no_party_roles"]),
        no_party_bodies=words(people.get("no_party_bodies", [])),
        former_words=words(people["former_words"]),
        state_office_heads=words(people["state_office_heads"]),
        named_after_a_place=words(people.get("named_after_a_place", [])),
        place_prefixes=words(people.get("place_prefixes", [])),
        place_nouns=words(people.get("place_nouns", [])),
        other_side_openers=tuple(fold(str(o)) for o in people.get("other_side_openers", [])),
        media_nouns=words(people.get("media_nouns", [])),
        kin_nouns=words(people.get("kin_nouns", [])),
        organisation_heads=words(people.get("organisation_heads", [])),
        body_anaphors={fold(noun): frozenset(kinds) for noun, kinds in (people.get("body_anaphors") or {}).items()},
        captive_kin_nouns=words(people.get("captive_kin_nouns", [])),
        captivity_words=words(people.get("captivity_words", [])),
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
    data = config.data_yaml("transliteration.yml")
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


# --- name-like words -------------------------------------------------------------------


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
    doc = token.doc
    if key + "." in lex.honorifics and token.i + 1 < len(doc) and doc[token.i + 1].text == "." and not token.whitespace_:
        return False  # "Eng." written as two tokens
    if lex.is_title_word(key):
        return False
    if token.pos_ in _NON_NAME_POS:
        return False
    if party_of(text):  # "Houthi" is a party, but in "Mohammed Ali al-Houthi" a surname
        doc = token.doc
        return token.i >= 2 and doc[token.i - 1].text == "-" and _is_particle(doc[token.i - 2]) or ends_hyphenated_name(token)
    return True


def ends_hyphenated_name(token) -> bool:
    """A word the NER reads as the end of a person's hyphenated surname, after a name word
    that is no party: "Lao" in "Rosa Villanueva-Lao" (not in "Egyptian-Qatari")."""
    doc, i = token.doc, token.i
    if i < 2 or doc[i - 1].text != "-" or doc[i - 1].whitespace_ or doc[i - 2].whitespace_:
        return False
    before = doc[i - 2]
    return (token.ent_type_ == "PERSON" and before.ent_type_ == "PERSON" and before.text[:1].isupper()
            and before.text.isalpha() and not party_of(before.text))


def _is_particle(token) -> bool:
    return token.text.islower() and fold(token.text) in lexicon().particles


def honorific_before(doc, end: int, first: int = 0) -> int:
    """How many tokens, from `first` on, end at `end` by spelling a form of address: "Dr"
    (1), "Al Haj" (2), "Dato’ Sri" (3, with its apostrophe); 0 where none does."""
    honorifics = lexicon().honorifics
    return next((k for k in (3, 2, 1) if end - k >= first and fold(doc[end - k : end].text) in honorifics), 0)


def _mere_honorific(word: str) -> bool:
    """A form of address that is no office: "Sheikh", "Dr" (but "Emir" is also an office)."""
    return fold(word) in lexicon().honorifics and not lexicon().is_head(word)


def _is_full(name: str) -> bool:
    return len(name.split()) > 1


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()
