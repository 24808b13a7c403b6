"""The codebook: its content, its cue matching, and that it is data, not code."""

from __future__ import annotations

import pytest
import yaml

from parley import nlp
from parley.extract.positions.article import extract_positions
from parley.knowledge import codebook
from parley.read.corpus import parse_article

CONTRACT_ISSUES = [
    "ceasefire", "prisoners", "children", "civilians", "humanitarian", "territory", "nato_eu", "sanctions",
    "reparations", "security_guarantees", "military_limits", "leaders_meeting", "monitoring", "other",
]


def _tokens(text):
    return nlp.parse(text)


def _issues(text, book=None):
    return [(m.kind, " ".join(t.text for t in m.tokens)) for m in (book or codebook.load()).find_issues(_tokens(text))]


def _stances(text, book=None):
    return [(m.kind, m.strength) for m in (book or codebook.load()).find_stances(_tokens(text))]


def test_every_contract_issue_has_label_definition_and_cues():
    book = codebook.load()
    assert book.issue_ids() == CONTRACT_ISSUES
    for issue in book.issues.values():
        assert issue.label and issue.definition
        if issue.id != "other":
            assert len(issue.cues) >= 3, issue.id
    # `other` has no cues of its own; its cues belong to finer topics (elections, amnesty)
    assert all(c.topic for c in book.issues["other"].cues)
    assert {t.id for t in book.issues["other"].topics} >= {"elections", "amnesty"}


def test_a_topic_is_reported_under_its_issue():
    from parley import nlp
    from parley.extract.positions.article import extract_positions
    from parley.read.corpus import parse_article

    article = parse_article("Talks\n\nMarch 4, 2025\n\nIran rejected any limit on uranium enrichment. "
                            "The FARC demanded an amnesty for its fighters.")
    rows = extract_positions(article, nlp.parse(article.body))
    assert {(r["side"], r["issue"], r["topic"], r["stance"]) for r in rows} == {
        ("Iran", "military_limits", "enrichment", "rejects"), ("FARC", "other", "amnesty", "demands")}


def test_pa_x_categories():
    book = codebook.load()
    expected = {"ceasefire": "Ce", "prisoners": "TjPrire", "territory": "StBor", "security_guarantees": "SsrGua",
                "reparations": "TjRep", "children": "GCh", "civilians": "ProtCiv"}
    assert {k: book.issues[k].pa_x for k in expected} == expected
    assert book.issues["leaders_meeting"].pa_x is None


def test_stance_cues_from_the_issue():
    book = codebook.load()
    for stance in codebook.STANCES:
        assert book.stance_cues[stance], stance
    words = {s: {c.text for c in book.stance_cues[s]} for s in codebook.STANCES}
    assert {"demand*", "insist*", "call for", "precondition*", "must", "should"} <= words["demands"]
    assert {"propos*", "offer*", "plan", "roadmap", "suggest*"} <= words["proposes"]
    assert {"reject*", "refus*", "no recognition of", "non recognition", "unacceptable", "no restrictions on"} <= words["rejects"]
    assert "agree*" in words["agrees"]
    assert {"both sides", "the two sides", "both parties"} <= set(book.attribution["joint_subjects"])
    assert {"no", "not", "non", "without"} <= book.negators


def test_cues_match_lemmas_and_ignore_punctuation():
    assert _issues("The children were deported.") == [("children", "children")]
    assert _issues("a full prisoner-of-war exchange") == [("prisoners", "prisoner of war")]
    assert _issues("a potential future leaders' meeting") == [("leaders_meeting", "leaders meeting")]
    assert _issues("the right to join the EU") == [("nato_eu", "join the EU")]
    assert ("demands", "explicit") in _stances("Ukraine demanded it.")
    assert ("demands", "explicit") in _stances("Kyiv is calling for talks.")
    assert ("proposes", "explicit") in _stances("The plan envisions a summit.")


def test_longest_cue_wins_and_gaps_allow_a_few_words():
    assert _issues("the release of all civilian hostages") == [("civilians", "civilian hostages")]
    assert _issues("the release of all hostages") == [("prisoners", "hostages")]
    assert _issues("no restrictions on Ukraine's military strength") == [
        ("military_limits", "restrictions on military")
    ]
    # the gap is bounded: too many words between is no match
    assert _issues("restrictions on the export of grain by the navy and the military") == []


def test_memorandum_is_a_weak_proposal_cue():
    assert ("proposes", "weak") in _stances("They read the memorandum.")


def test_malformed_codebook_is_reported_with_its_name(tmp_path):
    path = tmp_path / "broken.yml"
    path.write_text("issues: [a, b]\n", encoding="utf-8")
    with pytest.raises(codebook.CodebookError, match="broken.yml"):
        codebook.load(path)
    path.write_text("issues: {ceasefire: {label: C, cues: []}}\nstances: {hopes: {cues: [hope]}}\n", encoding="utf-8")
    with pytest.raises(codebook.CodebookError, match="hopes"):
        codebook.load(path)


def _modified_codebook(tmp_path, change) -> codebook.Codebook:
    data = yaml.safe_load(codebook.default_path().read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "codebook.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return codebook.load(path)


def _positions(text, book):
    article = parse_article("Talks resume in the capital\n\n" + text, doc_id="t")
    return [(r["side"], r["issue"], r["stance"]) for r in extract_positions(article, nlp.parse(article.body), [], book=book)]


def test_adding_an_issue_cue_changes_results_without_code_changes(tmp_path):
    sentence = "Ukraine favours a moratorium on strikes against energy facilities."
    assert _positions(sentence, codebook.load()) == []
    book = _modified_codebook(tmp_path, lambda d: d["issues"]["ceasefire"]["cues"].append("moratorium on strikes"))
    assert _positions(sentence, book) == [("Ukraine", "ceasefire", "proposes")]


def test_adding_a_stance_cue_changes_results_without_code_changes(tmp_path):
    sentence = "Ukraine mooted a ceasefire over Easter."  # "floated" is a cue since issue 12
    assert _positions(sentence, codebook.load()) == []
    book = _modified_codebook(tmp_path, lambda d: d["stances"]["proposes"]["cues"].append("moot*"))
    assert _positions(sentence, book) == [("Ukraine", "ceasefire", "proposes")]


def test_codebook_table_for_the_readme():
    table = codebook.table()
    assert list(table.columns) == ["issue", "label", "definition", "pa_x", "pa_x_label", "cues"]
    assert table["issue"].tolist() == CONTRACT_ISSUES
    row = table.set_index("issue").loc["ceasefire"]
    assert (row["label"], row["pa_x"]) == ("Ceasefire", "Ce") and "truce" in row["cues"]


def test_no_word_in_a_data_file_is_read_as_a_boolean():
    """YAML 1.1 reads a bare on, no, yes or off as true/false: "on" vanished from the
    title connectors and "no" from the words before a number that is not a year."""
    import glob

    import yaml

    from parley import config

    def booleans(value, path):
        if isinstance(value, bool):
            yield path
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from booleans(item, f"{path}/{key}")
        elif isinstance(value, list):
            for index, item in enumerate(value):
                yield from booleans(item, f"{path}[{index}]")

    found = []
    for path in sorted(glob.glob(str(config.DATA_DIR / "*.yml"))):
        found += booleans(yaml.safe_load(open(path, encoding="utf-8")), path.rsplit("/", 1)[-1])
    assert found == []


def test_a_sentence_matches_as_its_tokens_do():
    """A Span is read from its Doc's columns (`nlp.columns`), a token list token by token:
    both find the same cues on the same tokens."""
    doc = nlp.parse("Kyiv demanded the release of all hostages. Russia's delegation rejected a ceasefire, "
                    "the minister said.\n\n- 3 March: twenty-five prisoners of war were exchanged.")
    columns = nlp.columns(doc)
    assert columns.text == [t.text for t in doc] and columns.lower == [t.lower_ for t in doc]
    assert columns.lemma == [t.lemma_ for t in doc] and columns.pos == [t.pos_ for t in doc]
    assert columns.dep == [t.dep_ for t in doc] and columns.like_num == [t.like_num for t in doc]
    assert columns.idx == [t.idx for t in doc] and nlp.doc_text(doc) == doc.text
    book = codebook.load()
    found = []
    for sent in doc.sents:
        for find in (book.find_issues, book.find_stances):
            from_span = [(m.kind, m.strength, [t.i for t in m.tokens]) for m in find(sent)]
            assert from_span == [(m.kind, m.strength, [t.i for t in m.tokens]) for m in find(list(sent))]
            found += from_span
    assert found  # the sentences name issues and stances
