"""A researcher's own material: a saved web page and text files in three encodings, read
into one report whose every fact points into the text it was read from.

The four articles (tests/data/inputs/) are invented reports of one round of talks. The
two legacy-encoded files are kept in UTF-8 in the repository and written in their
encodings here, so that what the test reads is what a user's old editor would save."""

import hashlib

import pandas as pd
import pytest

from parley.publish import exports
from parley.read.corpus import read_corpus

from conftest import PROJECT_INPUTS

# file in the seeds folder: (fixture, encoding it is saved in, the encoding documents.csv names)
FILES = {
    "geneva-border-talks.html": ("geneva-border-talks.html", None, "html"),
    "swiss-mediation.txt": ("swiss-mediation-latin1.txt", "latin-1", "iso8859-1"),
    "moscow-reaction.txt": ("moscow-reaction-cp1251.txt", "cp1251", "cp1251"),
    "eu/statement.txt": ("eu-statement-utf8.txt", "utf-8", "utf-8"),  # in a subfolder
}
FACT_TABLES = ("people", "events", "quantities", "positions")


def make_seeds(folder):
    for name, (fixture, encoding, _) in FILES.items():
        source = PROJECT_INPUTS / fixture
        data = source.read_bytes() if encoding is None else source.read_text(encoding="utf-8").encode(encoding)
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def folder_state(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() else "folder"
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def mixed_run(made_in_background):
    """`parley run` on the four files (conftest's BACKGROUND_JOBS), with the seeds folder as it was before."""
    seeds, before, out = made_in_background("mixed-inputs")
    first = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    return seeds, before, out, first


def test_the_encodings_are_detected_and_the_text_decoded(tmp_path):
    corpus = read_corpus(make_seeds(tmp_path))
    articles = {a.file: a for a in corpus.articles}
    assert {file: a.encoding for file, a in articles.items()} == {file: enc for file, (_, _, enc) in FILES.items()}
    assert "Genève" in articles["swiss-mediation.txt"].raw and "Zürich" in articles["swiss-mediation.txt"].raw
    assert "«Мы приветствуем договорённость сторон" in articles["moscow-reaction.txt"].raw
    page = articles["geneva-border-talks.html"]
    assert (page.title, page.outlet, page.author, page.published) == (
        "Armenia and Azerbaijan agree timetable for border commission after Geneva round",
        "The Meridian Post", "Helen Marsh", "2025-03-14")
    for furniture in ("Accept all", "Advertisement", "Most read", "Related stories", "All rights reserved", "Sign in"):
        assert furniture not in page.raw, furniture
    assert "Mirzoyan agreed to the proposal" in page.body


def test_four_files_four_documents_each_with_its_facts_and_offsets_into_the_stored_text(mixed_run):
    seeds, _, out, _ = mixed_run
    documents = pd.read_csv(out / "data" / "documents.csv", dtype=str, keep_default_na=False)
    assert sorted(documents["file"]) == sorted(FILES)
    assert dict(zip(documents["file"], documents["encoding"])) == {f: enc for f, (_, _, enc) in FILES.items()}
    assert dict(zip(documents["doc_id"], documents["stored_text"])) == {
        "geneva-border-talks": "text/geneva-border-talks.txt", "swiss-mediation": "text/swiss-mediation.txt",
        "moscow-reaction": "text/moscow-reaction.txt", "eu/statement": ""}
    assert not (out / "text" / "eu").exists()  # a UTF-8 file is its own text: no copy
    texts = {}
    for row in documents.to_dict("records"):
        path = out / row["stored_text"] if row["stored_text"] else seeds / row["file"]
        texts[row["doc_id"]] = path.read_bytes().decode("utf-8")
    checked = 0
    for table in FACT_TABLES:
        rows = pd.read_csv(out / "data" / f"{table}.csv", dtype=str, keep_default_na=False)
        for row in rows.to_dict("records"):
            span = texts[row["doc_id"]][int(row["start"]):int(row["end"])]
            assert span.split() == row["quote"].split(), (table, row["doc_id"], span, row["quote"])
            checked += 1
    assert checked > 40
    people = pd.read_csv(out / "data" / "people.csv", dtype=str, keep_default_na=False)
    events = pd.read_csv(out / "data" / "events.csv", dtype=str, keep_default_na=False)
    for doc_id in documents["doc_id"]:
        assert (people["doc_id"] == doc_id).any() and (events["doc_id"] == doc_id).any(), doc_id
    named = set(zip(people["doc_id"], people["name"]))
    assert {("geneva-border-talks", "Ararat Mirzoyan"), ("swiss-mediation", "Ignazio Cassis"),
            ("moscow-reaction", "Maria Zakharova"), ("eu/statement", "Kaja Kallas")} <= named


def test_the_seeds_folder_is_never_written(mixed_run):
    seeds, before, _, _ = mixed_run
    assert folder_state(seeds) == before


def test_every_table_is_also_in_the_workbook_and_in_parquet(mixed_run):
    from openpyxl import load_workbook

    from parley.across.sources import doc_columns

    _, _, out, _ = mixed_run
    names = sorted(p.stem for p in (out / "data").glob("*.csv"))
    assert names == sorted(p.stem for p in (out / "data").glob("*.parquet"))
    book = load_workbook(out / exports.WORKBOOK, read_only=True)
    assert sorted(book.sheetnames) == names
    for name in names:
        csv = pd.read_csv(out / "data" / f"{name}.csv", dtype=str, keep_default_na=False)
        parquet = pd.read_parquet(out / "data" / f"{name}.parquet")
        sheet = list(book[name].iter_rows(values_only=True))
        assert list(parquet.columns) == list(csv.columns), name
        # the sources sheet leaves out the column per article; its doc_ids names them
        in_sheet = [c for c in csv.columns if c not in doc_columns(csv)] if name == "sources" else list(csv.columns)
        assert in_sheet == list(sheet[0]), name
        assert len(parquet) == len(csv) == len(sheet) - 1, name
    people = pd.read_parquet(out / "data" / "people.parquet")
    assert str(people["start"].dtype).startswith("int")  # offsets as numbers, not text
    rows = list(book["people"].iter_rows(values_only=True))
    header = rows[0]
    first = pd.read_csv(out / "data" / "people.csv", dtype=str, keep_default_na=False).iloc[0]
    assert rows[1][header.index("quote")] == first["quote"] and rows[1][header.index("start")] == int(first["start"])


def test_a_rerun_writes_the_same_bytes_and_excel_csv_adds_only_a_byte_order_mark(mixed_run):
    from parley.publish.pipeline import run

    seeds, _, out, first = mixed_run
    run(seeds, out, progress=lambda message: None, excel_csv=True)
    second = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert set(second) == set(first)
    for name, data in first.items():
        if name.startswith("data/") and name.endswith(".csv"):
            assert second[name] == exports.UTF8_BOM + data, name
        elif name != ".parley-manifest.json":
            assert second[name] == data, name  # the workbook, Parquet files and stored texts too
    run(seeds, out, progress=lambda message: None)  # without the option: plain UTF-8 again
    assert (out / "data" / "documents.csv").read_bytes() == first["data/documents.csv"]
