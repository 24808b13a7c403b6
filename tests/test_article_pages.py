"""The article pages: file names, highlights that nest and cross, escaping (no browser needed)."""

import re
from types import SimpleNamespace

from bs4 import BeautifulSoup

from parley.publish.article_pages import Fact, highlight, kinds, page_name, write_article_pages


def _marks(fragment: str):
    return BeautifulSoup(f"<div>{fragment}</div>", "html.parser")


def _fact_text(soup, fact_id: str) -> str:
    return "".join(mark.get_text() for mark in soup.find_all(attrs={"data-fact": fact_id}))


def test_a_plain_doc_id_is_its_own_page_name():
    assert page_name("000_ce0af6095adf2135") == "000_ce0af6095adf2135.html"
    assert page_name("talks.2024-v2") == "talks.2024-v2.html"


def test_doc_ids_from_subfolders_get_distinct_safe_page_names():
    names = {doc: page_name(doc) for doc in ("2024/talks", "2024_talks", "2024/talks two", "über/talks", "../x", "a/b/c")}
    assert len(set(names.values())) == len(names)
    for name in names.values():
        assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.html", name), name
        assert "/" not in name and ".." not in name.removesuffix(".html")
    assert names["2024/talks"].startswith("2024_talks-") and names["2024_talks"] == "2024_talks.html"
    assert page_name("2024/talks") == page_name("2024/talks")  # stable


def test_every_character_is_kept_and_escaped():
    text = 'Talks <script>alert(1)</script> & "quotes" in Geneva'
    fragment = highlight(text, [Fact("person", 0, 5, 'Person: <b onmouseover="x">')])
    soup = _marks(fragment)
    assert soup.div.get_text() == text
    assert "<script>" not in fragment and "<b " not in fragment
    assert soup.find("mark")["title"] == 'Person: <b onmouseover="x">'  # the attribute's value, escaped in the HTML


def test_nested_facts_nest_and_each_anchor_spans_its_whole_quote():
    text = "On Monday Defence Minister Rustem Umerov met 12 envoys."
    event = Fact("event", 0, len(text) - 1, "Event")
    person = Fact("person", 10, 40, "Person")
    date = Fact("date", 0, 9, "Date")
    soup = _marks(highlight(text, [event, person, date]))
    for fact in (event, person, date):
        target = soup.find(id=f"c-{fact.start}-{fact.end}")
        assert target is not None and target.name == "mark"
        assert target.get_text() == text[fact.start:fact.end]
    assert soup.find(id="c-10-40").find_parent("mark")["id"] == f"c-0-{len(text) - 1}"


def test_crossing_facts_are_split_into_marks_that_together_hold_the_quote():
    text = "Russia rejected a ceasefire proposed by Ukraine on Monday"
    position = Fact("position", 7, 27, "Position")  # "rejected a ceasefire"
    event = Fact("event", 18, 57, "Event")  # "ceasefire proposed by Ukraine on Monday"
    soup = _marks(highlight(text, [position, event]))
    assert soup.div.get_text() == text
    for fact in (position, event):
        fact_id = f"c-{fact.start}-{fact.end}"
        assert len(soup.find_all(id=fact_id)) == 1
        assert _fact_text(soup, fact_id) == text[fact.start:fact.end]
    assert len(soup.find_all(attrs={"data-fact": "c-18-57"})) == 2  # split where the position ends


def test_facts_sharing_a_span_share_one_mark_with_every_title():
    text = "a prisoner exchange"
    soup = _marks(highlight(text, [Fact("position", 2, 19, "Position: Ukraine proposes prisoners"),
                                   Fact("position", 2, 19, "Position: Russia agrees prisoners")]))
    marks = soup.find_all("mark")
    assert len(marks) == 1
    assert "Ukraine proposes" in marks[0]["title"] and "Russia agrees" in marks[0]["title"]


def test_spans_outside_the_text_are_left_out():
    soup = _marks(highlight("short", [Fact("person", 3, 99, "x"), Fact("person", 4, 4, "empty")]))
    assert soup.find("mark") is None and soup.div.get_text() == "short"


def test_the_colours_are_displacys():
    from spacy.displacy.render import DEFAULT_LABEL_COLORS

    assert {"person", "event", "date", "quantity", "position"} <= set(kinds())
    for kind, spec in kinds().items():
        assert spec["colour"].lower() == DEFAULT_LABEL_COLORS[spec["displacy"]].lower(), kind


def test_an_article_page_highlights_the_facts_of_the_tables(tmp_path):
    raw = "Talks <i>resume</i>\n\nOn June 2 Defence Minister Rustem Umerov led 12 delegates.\n"
    data = tmp_path / "data"
    data.mkdir()
    doc = "2025/talks"
    (data / "documents.csv").write_text(f"doc_id,title,outlet\n{doc},Talks resume,Wire\n")
    umerov = raw.index("Defence")
    (data / "people.csv").write_text(
        f"doc_id,person_id,name,role,side,start,end,quote\n{doc},rustem-umerov,Rustem Umerov,Defence Minister,Ukraine,"
        f"{umerov},{umerov + len('Defence Minister Rustem Umerov')},Defence Minister Rustem Umerov\n")
    twelve = raw.index("12")
    (data / "quantities.csv").write_text(f"doc_id,value,unit,start,end,quote\n{doc},12,delegates,{twelve},{twelve + 12},12 delegates\n")
    article = SimpleNamespace(doc_id=doc, raw=raw, title="Talks <i>resume</i>", outlet="Wire", published="", author="", file="2025/talks.txt")
    [page] = write_article_pages(tmp_path, [article, SimpleNamespace(**{**vars(article), "doc_id": "not-published"})])
    assert page == tmp_path / "articles" / page_name(doc)
    soup = BeautifulSoup(page.read_text(), "html.parser")
    assert soup.find(class_="text").get_text() == raw
    assert "<i>resume</i>" not in page.read_text()
    person = soup.find(id=f"c-{umerov}-{umerov + 30}")
    assert person.get_text() == "Defence Minister Rustem Umerov" and "person" in person["class"]
    assert "Rustem Umerov, Defence Minister (Ukraine)" in person["title"]
    assert soup.find(id=f"c-{twelve}-{twelve + 12}")["title"] == "Quantity: 12 delegates"
    assert not (tmp_path / "articles" / "not-published.html").exists()
