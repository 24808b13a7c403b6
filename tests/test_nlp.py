"""`nlp.RulerMatches`: the model's attribute_ruler matches found token kind by token kind,
which Parley's parses use (`quick_attribute_ruler`); they must be the Matcher's, and every
Doc the one spaCy's own ruler gives."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from parley import config, nlp

# the ruler's two-token patterns ("ain't", "gonna", "let's", "c'mon", "y'all", "there is") and plain news
TEXTS = [
    "They ain't gonna sign, and we gotta wait: let's see. C'm on, y'all! There is a plan; there're talks.",
    "Y' all ai n't  here \t but there were gets and got.",
    "The ceasefire, agreed on 3 March, is expected to hold until the next round of talks in Geneva.",
]


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((config.PROJECT_ROOT / "seeds").glob("*.txt"))]


def _dev_texts(every: int = 6) -> list[str]:
    """Every `every`th development article: news from several negotiations and outlets."""
    paths = sorted((config.PROJECT_ROOT / "corpora" / "dev" / "articles").glob("*.txt"))
    assert len(paths) > 3 * every
    return [p.read_text(encoding="utf-8") for p in paths[::every]]


def _up_to_the_ruler(model, text: str, disabled: list[str]):
    """`text` through the components before the attribute_ruler, as `model.pipe` runs them."""
    names = [name for name in model.pipe_names if name not in disabled]
    doc = model.make_doc(text)
    for name in names[: names.index("attribute_ruler")]:
        doc = model.get_pipe(name)(doc)
    return doc


@pytest.mark.parametrize("disabled", [[], ["ner"], ["parser", "ner"]])
def test_the_matches_are_the_matchers(disabled):
    model = nlp.load()
    ruler = model.get_pipe("attribute_ruler")
    quick = nlp.RulerMatches(ruler)
    texts = TEXTS + _seed_texts()
    texts += [line for text in texts for line in text.splitlines() if line.strip()]  # short ones, like descriptions
    docs = [_up_to_the_ruler(model, text, disabled) for text in texts]
    assert any(end - start == 2 for doc in docs for _, _, start, end in quick(doc))  # a two-token pattern matched
    for doc in docs:
        assert quick(doc) == ruler.match(doc)


def test_within_the_block_the_model_tags_as_it_does_without():
    model = nlp.load()
    ruler = model.get_pipe("attribute_ruler")
    texts = TEXTS + _seed_texts()
    stock = [doc.to_array([TAG, POS, MORPH, LEMMA]).tolist() for doc in model.pipe(texts, disable=["ner"])]
    with nlp.quick_attribute_ruler(model):
        assert isinstance(ruler.match, nlp.RulerMatches)
        quick = [doc.to_array([TAG, POS, MORPH, LEMMA]).tolist() for doc in model.pipe(texts, disable=["ner"])]
    assert quick == stock
    assert not isinstance(ruler.match, nlp.RulerMatches)  # the model is spaCy's own again


def test_an_articles_parse_is_spacys_own_to_the_last_attribute():
    model = nlp.load()
    texts = _seed_texts() + _dev_texts()
    every = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_TYPE, ENT_IOB, SENT_START]
    stock = [doc.to_array(every).tolist() for doc in model.pipe(texts)]
    assert [nlp.parse(text).to_array(every).tolist() for text in texts] == stock


def test_a_block_within_a_block_leaves_the_outer_ones_ruler_in_place():
    model = nlp.load()
    ruler = model.get_pipe("attribute_ruler")
    with nlp.quick_attribute_ruler(model):
        nlp.parse(TEXTS[2])
        assert isinstance(ruler.match, nlp.RulerMatches)
    assert not isinstance(ruler.match, nlp.RulerMatches)


def test_a_pattern_it_does_not_read_is_left_to_the_matcher():
    with pytest.raises(nlp.UnsupportedPattern):
        nlp._token_test({"LOWER": "go", "OP": "+"})
    with pytest.raises(nlp.UnsupportedPattern):
        nlp._token_test({"LENGTH": {">=": 3}})
