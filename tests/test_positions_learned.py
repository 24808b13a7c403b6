"""The learned second opinion on positions (issue 12): a sentence classifier for the issue,
with the rules' attribution. Models here are trained on synthetic sentences, so that each
test says what the classifier is taught and what extraction then makes of it."""

import math

import pandas as pd
import pytest

from parley import evaluate, nlp
from parley.extract.positions import learned
from parley.extract.positions.article import extract_positions
from parley.knowledge import project_file
from parley.read.corpus import parse_article

HEADLINE = "Envoys meet again as talks resume in the capital\n\nMarch 4, 2025\n\n"
# a sentence no issue cue of the codebook names, with a stance word and its subject
TAUGHT = "Armenia called for reopening the old railway links to the coast."
# the same matter, with nobody stating it: the passive has no agent
AGENTLESS = "Reopening the old railway links to the coast was discussed at length."


def _features(sentence: str) -> tuple[str, ...]:
    doc = nlp.parse(sentence)
    return learned.features(learned.words(doc[:]))


def _model(threshold: float = 0.5, agents: tuple[str, ...] = ()) -> learned.Model:
    """Railway links are `sanctions` (a made-up lesson: no rule would say so); anything
    about weather or sport states no position."""
    positives = ["reopening the old railway links", "the railway links to the coast should reopen",
                 "old railway links reopened", "reopen railway links to the coast"]
    negatives = ["the weather was mild in the capital", "the football match ended in a draw",
                 "rain fell on the old town", "the crowd cheered the home team"]
    examples = [(_features(s), "sanctions") for s in positives] + [(_features(s), learned.NONE) for s in negatives]
    return learned.train(examples, threshold, c=10.0, min_df=1, agents=agents)


def _rows(text: str, model=None) -> list[dict]:
    article = parse_article(HEADLINE + text, doc_id="l1")
    return extract_positions(article, nlp.parse(article.body), [], model=model)


def test_a_sentence_without_an_issue_cue_is_classified_and_attributed_by_the_rules():
    assert _rows(TAUGHT) == []  # the rules alone: a stance and its agent, but no issue cue
    rows = _rows(TAUGHT, _model())
    assert [(r["side"], r["issue"], r["stance"], r["attribution"]) for r in rows] == [
        ("Armenia", "sanctions", "demands", "learned")]
    row = rows[0]
    assert row["quote"] == TAUGHT and row["stance_cue"] == "call for"
    raw = HEADLINE + TAUGHT
    assert raw[row["start"]:row["end"]] == TAUGHT  # offsets into the file, like every row


def test_a_confident_sentence_without_an_agent_gives_nothing():
    model = _model()
    assert model.issue(_features(AGENTLESS)) is not None  # the classifier is sure of the issue
    assert _rows(AGENTLESS, model) == []


def test_the_classifier_stays_out_of_sentences_the_rules_found_a_position_in():
    text = "Armenia called for reopening the old railway links and a ceasefire."
    rows = _rows(text, _model())
    assert {(r["side"], r["issue"]) for r in rows} == {("Armenia", "ceasefire")}
    assert all(r["attribution"] != "learned" for r in rows)


def test_below_the_threshold_or_with_an_agent_found_another_way_it_gives_nothing():
    assert _rows(TAUGHT, _model(threshold=0.999999)) == []
    assert _rows(TAUGHT, _model(agents=("possessive",))) == []
    assert len(_rows(TAUGHT, _model(agents=("subject",)))) == 1


def test_training_is_deterministic_and_the_file_reads_back_the_same():
    first, second = _model().to_json(), _model().to_json()
    assert first == second
    model = learned.from_json(first)
    feats = _features(TAUGHT)
    assert model.probabilities(feats) == pytest.approx(_model().probabilities(feats), abs=1e-9)
    assert model.to_json() == first


def test_names_are_masked_so_the_model_holds_none():
    doc = nlp.parse("Vladimir Petrov of Armenia offered 300 trucks.")
    party = [(doc.text.index("Armenia"), doc.text.index("Armenia") + len("Armenia"))]
    assert learned.words(doc[:], party) == ["<propn>", "of", "<party>", "offer", "<num>", "truck"]


def test_the_shipped_model_holds_no_proper_name_and_is_switched_by_the_project_file():
    model = learned.load()
    assert model is not None
    assert not any(w[:1].isupper() for f in model.vocabulary for w in f.split())
    try:
        project_file.activate(project_file.Project("parley.toml", "[positions]\nlearned = true\n"))
        assert learned.active_model() == model
        project_file.activate(project_file.Project("parley.toml", "[positions]\nlearned = false\n"))
        assert learned.active_model() is None
    finally:
        project_file.activate(None)
    with pytest.raises(project_file.ProjectFileError, match="positions.learned"):
        _ = project_file.Project("parley.toml", "[positions]\nlearned = 1\n").data


def test_the_evaluation_scores_the_rules_alone_only_where_the_classifier_gave_rows():
    rows = pd.DataFrame([
        {"doc_id": "a", "side": "Armenia", "issue": "ceasefire", "stance": "agrees", "start": 0, "end": 10,
         "quote": "x", "attribution": "subject"},
        {"doc_id": "a", "side": "Armenia", "issue": "sanctions", "stance": "proposes", "start": 12, "end": 20,
         "quote": "y", "attribution": "learned"},
    ])
    alone = evaluate.without_learned_rows(rows)
    assert list(alone["issue"]) == ["ceasefire"]
    assert evaluate.without_learned_rows(rows.iloc[:1]) is None
    gold = [{"doc_id": "a", "positions": [{"side": "Armenia", "issue": "sanctions", "stance": "proposes",
                                           "evidence": "Armenia proposed railways"}]}]
    raw = {"a": "Armenia agreed. Armenia proposed railways."}
    rows.loc[1, ["start", "end"]] = (16, 42)
    combined = evaluate.score_positions(rows, gold, raw).metrics
    rules = evaluate.score_positions(evaluate.without_learned_rows(rows), gold, raw).metrics
    assert (combined["recall"], rules["recall"]) == (1.0, 0.0)
    assert not math.isnan(combined["pair_precision"])
