"""What the timeline compares of event descriptions, tagged during extraction: a
description tagged once in a process is not tagged again, unless the knowledge changed."""

from __future__ import annotations

import pytest

from parley import nlp
from parley.extract import event_features
from parley.knowledge import project_file


class CountingModel:
    """The spaCy model, noting which descriptions each call of `pipe` tags."""

    def __init__(self):
        self.model = nlp.load()
        self.pipe_names = self.model.pipe_names
        self.calls: list[list[str]] = []

    def pipe(self, texts, **options):
        texts = list(texts)
        self.calls.append(texts)
        return self.model.pipe(texts, **options)

    def __getattr__(self, name):  # the rest (get_pipe, vocab) is the model's
        return getattr(self.model, name)


@pytest.fixture(autouse=True)
def library_knowledge_after_each_test():
    yield
    project_file.activate(None)


def test_a_description_tagged_in_an_earlier_batch_is_not_tagged_again():
    model = CountingModel()
    first = event_features.tag_descriptions(["The talks resumed in Geneva", "A ceasefire was signed"], model)
    second = event_features.tag_descriptions(["A ceasefire was signed", "The second round opened"], model)
    assert model.calls == [["A ceasefire was signed", "The talks resumed in Geneva"], ["The second round opened"]]
    assert list(second) == ["A ceasefire was signed", "The second round opened"]
    assert second["A ceasefire was signed"] == first["A ceasefire was signed"]
    tagged_alone = event_features.features_of(nlp.load()("The second round opened"))
    assert second["The second round opened"] == tagged_alone
    assert tagged_alone[0] == frozenset({"talks", "resume"}) and tagged_alone[2] == frozenset({2})  # synonyms folded


def test_a_new_party_in_the_project_file_has_the_descriptions_tagged_again(tmp_path):
    model = CountingModel()
    description = "Freedonia signed the accord"
    assert "freedonia" in event_features.tag_descriptions([description], model)[description][0]
    path = tmp_path / "parley.toml"
    path.write_text('[parties.Freedonia]\nkind = "state"\naliases = ["Freedonia"]\n', encoding="utf-8")
    project_file.activate(project_file.read(path))
    words = event_features.tag_descriptions([description], model)[description][0]
    assert "freedonia" not in words and "accord" in words  # a party is an actor, not a word
    assert model.calls == [[description], [description]]
