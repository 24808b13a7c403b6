"""A sentence that runs across a paragraph break is parsed again paragraph by paragraph;
a piece parsed for one article is not parsed again for the next, unless the knowledge
changed (the Docs carry cue matches read with it)."""

from __future__ import annotations

import pytest

from parley import nlp
from parley.extract.positions import sentences
from parley.knowledge import project_file


@pytest.fixture
def parse_calls(monkeypatch):
    model = nlp.load()
    real = model.pipe
    calls: list[list[str]] = []

    def counting(texts, **options):
        texts = list(texts)
        calls.append(texts)
        return real(texts, **options)

    monkeypatch.setattr(model, "pipe", counting)
    sentences._parsed_before.cache_clear()
    yield calls
    project_file.activate(None)


def test_a_piece_parsed_for_an_earlier_article_is_not_parsed_again(parse_calls):
    first = sentences._parsed(["Key points", "• the return of displaced families", "Key points"])
    second = sentences._parsed(["• a joint monitoring mechanism", "Key points"])
    assert parse_calls == [["Key points", "• the return of displaced families"], ["• a joint monitoring mechanism"]]
    assert second[1] is first[0] is first[2]
    assert [t.text for t in second[0]] == ["•", "a", "joint", "monitoring", "mechanism"]
    assert second[0].has_annotation("DEP") and not second[0].has_annotation("ENT_IOB")  # parsed, no entities


def test_pieces_are_parsed_again_under_another_project_file(parse_calls, tmp_path):
    sentences._parsed(["Key points"])
    path = tmp_path / "parley.toml"
    path.write_text('[parties.Freedonia]\nkind = "state"\naliases = ["Freedonia"]\n', encoding="utf-8")
    project_file.activate(project_file.read(path))
    sentences._parsed(["Key points"])
    assert parse_calls == [["Key points"], ["Key points"]]
