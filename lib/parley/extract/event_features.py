"""What the timeline compares of an event's description, read while the article's model is loaded.

`parley.across.timeline` decides whether two mentions tell of one happening from their
descriptions' content lemmas (synonyms folded), kinds of happening and ordinals. Those
come from tagging each description on its own with spaCy's tagger (not the article's
parse, whose context would tag some words differently). Extraction already has the
model loaded in each worker, so it tags its article's descriptions there, and stage 02
never loads spaCy (`across.timeline.learn_features`).
"""

from __future__ import annotations

import functools

from parley.extract.events import terms
from parley.knowledge.sides import party_of
from parley.text import fold

Features = tuple[frozenset[str], frozenset[str], frozenset[int]]
# what features_of reads of a token (tags, lemmas) comes from the tagger, not the parser or NER
TAGGING_ONLY = ("parser", "ner")


# descriptions a worker has tagged, kept for the batches after: reprints and stock phrases
# ("the next round is expected") come back across a corpus, and tagging is most of the cost
_KEPT_DESCRIPTIONS = 50_000


def tag_descriptions(descriptions, model=None) -> dict[str, Features]:
    """{description: features} for each distinct description, tagged in one batch (those
    this process tagged before with the same model and knowledge are not tagged again)."""
    wanted = set(descriptions)
    if not wanted:
        return {}
    from parley import nlp

    if model is None:
        model = nlp.load()
    kept = _tagged_before(model)
    todo = sorted(d for d in wanted if d not in kept)
    if todo:
        if len(kept) + len(todo) > _KEPT_DESCRIPTIONS:
            kept.clear()
            todo = sorted(wanted)
        disabled = [name for name in TAGGING_ONLY if name in model.pipe_names]
        with nlp.quick_attribute_ruler(model):
            kept.update((d, features_of(doc)) for d, doc in zip(todo, model.pipe(todo, batch_size=256, disable=disabled)))
    return {d: kept[d] for d in sorted(wanted)}


@functools.lru_cache(maxsize=None)  # emptied with the other knowledge when the project file changes
def _tagged_by_model() -> dict[int, tuple[object, dict[str, Features]]]:
    return {}


def _tagged_before(model) -> dict[str, Features]:
    # the model is held beside its table, so that its id is never another model's
    return _tagged_by_model().setdefault(id(model), (model, {}))[1]


def rows(features: dict[str, Features]) -> list[dict]:
    """The features as rows of the extraction's `event_features` (lists sorted: same bytes)."""
    return [{"description": d, "words": sorted(w), "kinds": sorted(k), "ordinals": sorted(o)}
            for d, (w, k, o) in sorted(features.items())]


def from_rows(records) -> dict[str, Features]:
    return {str(r["description"]): (frozenset(r["words"]), frozenset(r["kinds"]), frozenset(int(o) for o in r["ordinals"]))
            for r in records}


def features_of(doc) -> Features:
    """Content words (synonyms folded), kinds of happening, ordinals of a tagged description."""
    t = terms()
    canonical = _synonym_table()
    words, kinds, ordinals = set(), set(), set()
    for token in doc:
        lower, lemma = token.lower_, token.lemma_.lower()
        if lower in t["ordinal_words"]:
            ordinals.add(t["ordinal_words"][lower])
        if not token.is_alpha or token.pos_ not in ("NOUN", "PROPN", "VERB", "ADJ", "NUM"):
            continue
        if party_of(token.text):  # parties are compared as actors, not as words
            continue
        key = canonical.get(lemma) or canonical.get(lower) or fold(lemma)
        if token.is_stop or key in t["weak_words"] or lemma in t["weak_words"]:
            continue
        words.add(key)
        if key in t["happenings"]:
            kinds.add(key)
    return frozenset(words), frozenset(kinds), frozenset(ordinals)


@functools.lru_cache(maxsize=None)
def _synonym_table() -> dict[str, str]:
    table = {}
    for key, members in terms()["synonyms"].items():
        for word in [key, *members]:
            table.setdefault(str(word).lower(), key)
    return table
