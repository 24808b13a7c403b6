"""A folder of articles as users really have them: every good article is read, every bad
file is named with its reason, nothing raises, and previous reports stay intact.

The corpus is generated here (no binaries committed)."""

import os
import subprocess
import sys

import pandas as pd
import pytest

from parley.read.corpus import CorpusError, read_corpus

pytestmark = pytest.mark.usefixtures("own_cache")  # conftest: its runs are throwaway

ARTICLE = (
    "Envoys meet in Geneva\n\nMarch 04, 2024\n\nUkraine's Foreign Minister Dmytro Kuleba met mediators in Geneva "
    "on Monday. Russia rejected a ceasefire, officials said, while both sides agreed to exchange 200 prisoners.\n"
)
FRENCH = (
    "Les négociateurs se retrouvent à Genève\n\n4 mars 2024\n\nLes délégations ont repris lundi les pourparlers "
    "sous l'égide de l'ONU; aucun accord n'a été trouvé sur le cessez-le-feu.\n"
)

# file: what its reason for being skipped says (a good article is not listed)
BAD = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "noise.txt": "not text in any common encoding",
    "menu-only.html": "no story text found in the page",
    "huge.txt": "more than one article can be",
    "one-line.txt": "more than one article can be",
    "loop.txt": "broken or looping link",
    "here": "link to a folder",
    "notes.pdf": "not an article file",
}
GOOD = {  # doc_id: file
    "plain": "plain.txt",
    "bom-crlf": "bom-crlf.txt",
    "french": "french.txt",
    "talks in Genève — переговоры": "talks in Genève — переговоры.txt",
    "sub/nested": "sub/nested.txt",
    "dup.txt": "dup.txt",
    "dup.TXT": "dup.TXT",
    "latin1": "latin1.txt",
    "cp1251": "cp1251.txt",
    "utf16": "utf16.txt",
    "notes-md": "notes-md.md",
    "sub/deeper/page": "sub/deeper/page.html",
    "locked": "locked.txt",  # chmod 000: unreadable, except to root
}


@pytest.fixture
def bad_corpus(tmp_path):
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "plain.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "bom-crlf.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    (folder / "french.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "talks in Genève — переговоры.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "sub" / "nested.txt").write_text(ARTICLE.replace("Geneva", "Doha"), encoding="utf-8")
    (folder / "dup.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "dup.TXT").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    (folder / "locked.txt").write_text(ARTICLE, encoding="utf-8")
    os.chmod(folder / "locked.txt", 0)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "latin1.txt").write_bytes(FRENCH.encode("latin-1"))
    (folder / "cp1251.txt").write_bytes("Переговоры в Женеве\n\nДелегации встретились в понедельник.\n".encode("cp1251"))
    (folder / "utf16.txt").write_bytes(ARTICLE.encode("utf-16"))
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)  # no NUL, yet text in no encoding
    (folder / "notes-md.md").write_text("# Envoys meet in Geneva\n\n" + ARTICLE.split("\n\n", 2)[2], encoding="utf-8")
    (folder / "sub" / "deeper").mkdir()
    (folder / "sub" / "deeper" / "page.html").write_text(
        f"<html><head><title>Envoys meet in Geneva</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Envoys meet in Geneva</h1><p>{ARTICLE.split(chr(10) * 2, 2)[2]}</p></article></body></html>",
        encoding="utf-8")
    (folder / "menu-only.html").write_text("<html><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
                                          "<footer>(c) 2025 Example News</footer></body></html>", encoding="utf-8")
    (folder / "huge.txt").write_text("Talks went on. " * 1_400_000, encoding="utf-8")  # 21 MB
    (folder / "one-line.txt").write_text("x" * 2_000_000, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    os.symlink("loop.txt", folder / "loop.txt")
    os.symlink(".", folder / "here")
    yield folder
    os.chmod(folder / "locked.txt", 0o644)


def _expected(root: bool):
    good, bad = dict(GOOD), dict(BAD)
    if not root:
        del good["locked"]
        bad["locked.txt"] = "cannot be read"
    return good, bad


def test_every_good_article_is_read_and_every_bad_file_named_with_its_reason(bad_corpus):
    corpus = read_corpus(bad_corpus)
    good, bad = _expected(os.geteuid() == 0)
    assert {a.doc_id: a.file for a in corpus.articles} == good
    reasons = {s.file: s.reason for s in corpus.skipped}
    assert set(reasons) == set(bad)
    for file, words in bad.items():
        assert words in reasons[file], (file, reasons[file])
        assert file not in reasons[file]  # the name once, in its own column


def test_files_in_other_encodings_are_read_as_the_text_they_hold(bad_corpus):
    articles = {a.doc_id: a for a in read_corpus(bad_corpus).articles}
    assert articles["latin1"].raw == FRENCH and articles["latin1"].encoding == "iso8859-1"
    assert articles["cp1251"].raw.startswith("Переговоры в Женеве") and articles["cp1251"].encoding == "cp1251"
    assert articles["utf16"].raw == ARTICLE and articles["utf16"].encoding == "utf-16"
    for doc_id in ("latin1", "cp1251", "utf16", "sub/deeper/page"):  # offsets point into the stored text
        assert articles[doc_id].stored_text == f"text/{doc_id}.txt"
    for doc_id in ("plain", "bom-crlf", "notes-md"):  # offsets point into the file itself
        assert articles[doc_id].encoding == "utf-8" and articles[doc_id].stored_text == ""
    page = articles["sub/deeper/page"]
    assert page.encoding == "html" and page.title == "Envoys meet in Geneva" and "Home" not in page.raw
    assert "Dmytro Kuleba met mediators" in page.body


def test_bom_and_crlf_keep_offsets_into_the_file_as_stored(bad_corpus):
    article = next(a for a in read_corpus(bad_corpus).articles if a.doc_id == "bom-crlf")
    raw = (bad_corpus / "bom-crlf.txt").read_bytes().decode("utf-8")
    assert article.raw == raw
    start = article.body.index("Kuleba")
    assert article.span(start, start + 6)[2] == "Kuleba"
    assert raw[article.to_raw(start):article.to_raw(start) + 6] == "Kuleba"


def test_a_folder_of_only_bad_files_is_one_clear_error(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    with pytest.raises(CorpusError) as failure:
        read_corpus(folder)
    message = str(failure.value)
    assert "empty.txt: the file is empty" in message and "noise.txt: not text in any common encoding" in message
    assert "\n" not in message


@pytest.mark.slow
def test_the_whole_pipeline_on_the_bad_corpus(bad_corpus, tmp_path):
    out = tmp_path / "reports"

    def parley_run(seeds):
        return subprocess.run([sys.executable, "-m", "parley.cli", "run", "--seeds", str(seeds), "--out", str(out)],
                              capture_output=True, text=True)

    first = parley_run(bad_corpus)
    assert first.returncode == 0, first.stderr
    assert "Traceback" not in first.stderr and "[IPKernelApp]" not in first.stderr
    good, bad = _expected(os.geteuid() == 0)
    documents = pd.read_csv(out / "data" / "documents.csv", dtype=str, keep_default_na=False)
    assert dict(zip(documents["doc_id"], documents["file"])) == good
    skipped = pd.read_csv(out / "data" / "skipped.csv", dtype=str, keep_default_na=False)
    assert set(skipped["file"]) == set(bad)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert f"{len(bad)} files were not read" in index
    for file in bad:
        assert file in index
    for line in filter(str.strip, first.stderr.splitlines()):  # the progress bar ends with a blank line
        assert line.startswith(("skipping ", "[", "extracting", "extracted", "writing", "wrote", "no evaluation:")), line
    people = pd.read_csv(out / "data" / "people.csv", dtype=str, keep_default_na=False)
    assert {"plain", "sub/nested", "talks in Genève — переговоры"} <= set(people["doc_id"])

    # a later run on a folder with nothing readable fails and leaves the reports as they were
    (out / "my-notes.txt").write_text("mine")
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_bytes(b"")
    second = parley_run(only_bad)
    assert second.returncode == 1 and "No readable article" in second.stderr
    assert second.stderr.strip().count("\n") == 0 and "Traceback" not in second.stderr
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
