"""The user's own knowledge: a project file (parley.toml) adds issues, topics, cue words,
parties and title words without touching the library, and reaches every process that
extracts."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest
import yaml

from parley import analysis, cli, config, nlp
from parley.extract import run as extract
from parley.extract.people import article as people
from parley.knowledge import codebook, project_file
from parley.read.corpus import parse_article, read_article, read_corpus

TRADE = config.TESTS_DIR / "data" / "trade"
ARTICLE = TRADE / "eu_india_trade_talks.txt"
DEMAND = "India demanded that the EU drop its carbon border tax"

pytestmark = pytest.mark.usefixtures("own_cache")  # conftest: its runs are throwaway


@pytest.fixture(autouse=True)
def library_knowledge_after_each_test():
    """Knowledge is process-wide: no test leaves its project file in force for the next."""
    yield
    project_file.activate(None)


def _folder(tmp_path, with_project_file: bool):
    folder = tmp_path / ("with" if with_project_file else "without")
    folder.mkdir()
    shutil.copy(ARTICLE, folder)
    if with_project_file:
        shutil.copy(TRADE / "parley.toml", folder)
    return folder


def _row_of_the_demand(positions):
    """The position whose evidence lies inside the sentence of India's demand."""
    raw = ARTICLE.read_text(encoding="utf-8")
    sentence_start = raw.index(DEMAND)
    sentence_end = raw.index(".", sentence_start)
    rows = positions[(positions["side"] == "India") & (positions["start"].astype(int) >= sentence_start)
                     & (positions["end"].astype(int) <= sentence_end)]
    assert len(rows) == 1, rows
    return rows.iloc[0]


# --- acceptance: a tariffs topic turns the tariff demand into sanctions/tariffs ------------


def test_without_the_project_file_the_carbon_border_tax_is_not_a_tariff(tmp_path):
    row = _row_of_the_demand(analysis.analyse(_folder(tmp_path, False), jobs=1)["positions"])
    assert (row["issue"], row["topic"]) != ("sanctions", "tariffs")  # "border" reads as territory


def test_a_tariffs_topic_in_parley_toml_makes_the_demand_a_sanctions_tariffs_position(tmp_path):
    positions = analysis.analyse(_folder(tmp_path, True), jobs=1)["positions"]
    row = _row_of_the_demand(positions)
    assert (row["issue"], row["topic"], row["stance"], row["cue"]) == ("sanctions", "tariffs", "demands", "carbon border tax")
    assert ARTICLE.read_text(encoding="utf-8")[int(row["start"]):int(row["end"])] == row["quote"]
    # the EU's rejection refers back to the same demand
    rejection = positions[(positions["side"] == "European Union") & (positions["stance"] == "rejects")]
    assert rejection[["issue", "topic"]].drop_duplicates().values.tolist() == [["sanctions", "tariffs"]]


def test_parley_run_with_config_writes_tariff_positions_and_the_codebook_it_used(tmp_path):
    seeds = _folder(tmp_path, False)
    out = tmp_path / "reports"
    assert cli.main(["run", "--seeds", str(seeds), "--out", str(out), "--config", str(TRADE / "parley.toml")]) == 0
    positions = pd.read_csv(out / "data" / "positions.csv", dtype=str, keep_default_na=False)
    assert "topic" in positions.columns
    row = _row_of_the_demand(positions)
    assert (row["issue"], row["topic"], row["stance"]) == ("sanctions", "tariffs", "demands")
    used = yaml.safe_load((out / "codebook.yml").read_text(encoding="utf-8"))
    assert "carbon border tax" in used["issues"]["sanctions"]["topics"]["tariffs"]["cues"]
    assert codebook.parse(used, out / "codebook.yml").topic_of("sanctions", "carbon border tax") == "tariffs"
    notebook = (out / "notebooks" / "01_extraction.ipynb").read_text(encoding="utf-8")
    assert "config_file = " in notebook and "parley.toml" in notebook  # the page says which file was used


# --- what the file can add ------------------------------------------------------------


def _project(tmp_path, text: str) -> project_file.Project:
    path = tmp_path / "parley.toml"
    path.write_text(text, encoding="utf-8")
    return project_file.read(path)


def _positions(text: str):
    article = parse_article("Talks resume in the capital\n\n" + text, doc_id="t")
    from parley.extract.positions.article import extract_positions

    return [(r["side"], r["issue"], r["topic"], r["stance"]) for r in extract_positions(article, nlp.parse(article.body), [])]


def test_a_party_and_its_aliases_become_a_side(tmp_path):
    sentence = "The Southern Common Market demanded a ceasefire in the border region."
    assert ("Mercosur", "ceasefire", "", "demands") not in _positions(sentence)
    project_file.activate(project_file.read(TRADE / "parley.toml"))
    assert ("Mercosur", "ceasefire", "", "demands") in _positions(sentence)


def test_an_alias_the_project_gives_a_party_no_longer_names_the_library_s_party(tmp_path):
    from parley.knowledge.sides import party_of

    assert party_of("Brussels") == "European Union"
    project_file.activate(_project(tmp_path, '[parties.Belgium]\nkind = "state"\naliases = ["Brussels"]\n'))
    assert party_of("Brussels") == "Belgium"
    project_file.activate(None)
    assert party_of("Brussels") == "European Union"


def test_a_new_issue_and_stance_cue(tmp_path):
    sentence = "Norway floated higher fishing quotas for Iceland."
    assert not [p for p in _positions(sentence) if p[1] == "fisheries"]
    project_file.activate(_project(tmp_path, """
[issues.fisheries]
label = "Fishing rights"
definition = "Quotas, fishing zones and access to waters."
cues = ["fishing quota*", "fishing rights"]

[stances.proposes]
cues = ["float*"]
"""))
    assert ("Norway", "fisheries", "", "proposes") in _positions(sentence)
    assert codebook.load().issue_ids()[-1] == "other"  # `other` stays last


def test_contrary_cues_state_an_issue_s_opposite(tmp_path):
    sentence = "Norway vowed to keep trawling in the disputed waters."
    project_file.activate(_project(tmp_path, """
[issues.fisheries]
label = "Fishing rights"
cues = ["fishing quota*"]
contrary_cues = ["keep trawling"]
"""))
    assert ("Norway", "fisheries", "", "rejects") in _positions(sentence)


def test_a_title_word_makes_a_person_of_a_titled_name(tmp_path):
    article = parse_article("Talks resume\n\nThe talks were chaired by G20 Sherpa Lena Ostrova, who said "
                            "India and the EU were close to a deal.\n", "t")
    assert not people.extract_people(article, nlp.parse(article.body))
    project_file.activate(_project(tmp_path, '[titles]\nheads = ["sherpa"]\n'))
    found = people.extract_people(article, nlp.parse(article.body))
    assert [(p["name"], p["role"]) for p in found] == [("Lena Ostrova", "G20 Sherpa")]


def test_the_project_file_is_not_read_as_an_article(tmp_path):
    corpus = read_corpus(_folder(tmp_path, True))
    assert [a.file for a in corpus.articles] == [ARTICLE.name] and not corpus.skipped


# --- the cache and the workers --------------------------------------------------------


def test_editing_the_project_file_changes_the_extraction_cache_key(tmp_path):
    library = extract.code_fingerprint()
    project_file.activate(_project(tmp_path, '[titles]\nheads = ["sherpa"]\n'))
    first = extract.code_fingerprint()
    project_file.activate(_project(tmp_path, '[titles]\nheads = ["sherpa", "envoy"]\n'))
    second = extract.code_fingerprint()
    assert len({library, first, second}) == 3
    project_file.activate(None)
    assert extract.code_fingerprint() == library


def test_a_worker_extracts_with_the_project_it_is_handed_not_what_it_had():
    article = read_article(ARTICLE)
    project = project_file.read(TRADE / "parley.toml")
    project_file.activate(None)  # a worker that started with the library's knowledge alone
    facts = extract._extract_or_reason(article, project=project)
    assert {(p["side"], p["issue"], p["topic"]) for p in facts["positions"]} >= {("India", "sanctions", "tariffs")}
    project_file.activate(project)  # and one that still holds a project the parent dropped
    facts = extract._extract_or_reason(article, project=None)
    assert ("India", "sanctions", "tariffs") not in {(p["side"], p["issue"], p["topic"]) for p in facts["positions"]}


def test_extraction_in_worker_processes_uses_the_project(tmp_path):
    folder = _folder(tmp_path, True)
    shutil.copy(config.TESTS_DIR / "data" / "syndication" / "independent_report.txt", folder)
    project_file.use(folder)
    facts = extract.extract_corpus(read_corpus(folder).articles, jobs=2, use_cache=False)
    topics = {(p["side"], p["issue"], p["topic"]) for p in facts["eu_india_trade_talks"]["positions"]}
    assert ("India", "sanctions", "tariffs") in topics


def test_the_codebook_written_is_the_same_bytes_each_time(tmp_path):
    project_file.activate(project_file.read(TRADE / "parley.toml"))
    first = project_file.write_codebook(tmp_path / "a").read_bytes()
    project_file.activate(None)
    project_file.activate(project_file.read(TRADE / "parley.toml"))
    assert project_file.write_codebook(tmp_path / "b").read_bytes() == first
    # a cue the project files under a topic leaves the issue's own list
    used = yaml.safe_load(first)
    assert "import duties" not in used["issues"]["sanctions"]["cues"]
    assert "import duties" in used["issues"]["sanctions"]["topics"]["tariffs"]["cues"]


# --- mistakes: one paragraph naming the file, the key and what is expected --------------


@pytest.mark.parametrize("text, key, expected", [
    ('[topics.tariffs]\nissue = "trade"\ncues = ["tariff*"]\n', "topics.tariffs.issue", "expected one of the codebook's issues"),
    ('[topics.quotas]\ncues = ["quota*"]\n', "topics.quotas.issue", "names its issue"),
    ('[issues.fisheries]\ncues = ["quota*"]\n', "issues.fisheries", "give it a `label`"),
    ('[issues.territory]\nremove_cues = ["borderline"]\n', "issues.territory.remove_cues", "list only cues"),
    ('[stances.threatens]\ncues = ["threat*"]\n', "stances.threatens", "the stances are demands"),
    ('[parties.Mercosur]\nkind = "club"\naliases = ["Mercosur"]\n', "parties.Mercosur.kind", "expected one of state"),
    ('[parties.Mercosur]\nkind = "bloc"\n', "parties.Mercosur.aliases", "list the words"),
    ('[titles]\nranks = ["sherpa"]\n', "titles.ranks", "the lists are heads"),
    ('[issues.sanctions]\ncues = "tariffs"\n', "issues.sanctions.cues", "list of strings"),
    ('[codebook]\nx = 1\n', "codebook", "the sections are issues"),
])
def test_a_mistake_is_one_paragraph_naming_the_file_the_key_and_what_is_expected(tmp_path, text, key, expected):
    with pytest.raises(project_file.ProjectFileError) as raised:
        _project(tmp_path, text)
    message = str(raised.value)
    assert str(tmp_path / "parley.toml") in message and f"`{key}`" in message and expected in message
    assert "\n" not in message


def test_invalid_toml_names_the_file_and_the_line(tmp_path):
    with pytest.raises(project_file.ProjectFileError, match=r"parley\.toml is not valid TOML: .*line 2"):
        _project(tmp_path, '[topics.tariffs]\nissue = sanctions\n')


def test_a_run_with_a_bad_project_file_stops_before_any_work(tmp_path, capsys):
    seeds = _folder(tmp_path, False)
    (seeds / "parley.toml").write_text('[topics.tariffs]\nissue = "trade"\n', encoding="utf-8")
    out = tmp_path / "reports"
    assert cli.main(["run", "--seeds", str(seeds), "--out", str(out)]) == 1
    error = capsys.readouterr().err
    assert "`topics.tariffs.issue`" in error and "Nothing was run" in error and not out.exists()


def test_a_missing_config_file_is_named(tmp_path, capsys):
    seeds = _folder(tmp_path, False)
    assert cli.main(["run", "--seeds", str(seeds), "--out", str(tmp_path / "r"), "--config", str(tmp_path / "no.toml")]) == 1
    assert f"No project file at {tmp_path / 'no.toml'}" in capsys.readouterr().err
