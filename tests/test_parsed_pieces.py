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


def test_a_batchs_pieces_are_parsed_ahead_in_one_call_and_the_articles_find_them(parse_calls):
    from parley.text import paragraph_spans

    bodies = ["Key points\n\n• the return of displaced families\n\n• a joint monitoring mechanism",
              "By Anna Berg\n\nGENEVA - The two sides agreed on Monday to extend the truce."]
    docs = list(nlp.load().pipe(bodies))
    parse_calls.clear()
    sentences.parse_pieces_ahead(docs, bodies)
    assert parse_calls == [["Key points", "• the return of displaced families", "• a joint monitoring mechanism",
                            "By Anna Berg", "GENEVA - The two sides agreed on Monday to extend the truce."]]
    units = [sentences._units(doc, body, paragraph_spans(body)) for doc, body in zip(docs, bodies)]
    assert len(parse_calls) == 1  # each article's own pieces were all parsed ahead
    assert [u.span.text for u in units[1]] == ["By Anna Berg", "GENEVA - The two sides agreed on Monday to extend the truce."]
    assert [u.offset for u in units[1]] == [0, bodies[1].index("GENEVA")]
