"""Tables on the pages, made for reading: articles named and linked, several values as a list,
notebook pages with nothing loaded from elsewhere and no mathematics made of prose."""

import nbformat
from bs4 import BeautifulSoup

from parley.publish import report
from parley.publish.page_links import Facts, link_tables


def _report(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "documents.csv").write_text(
        "doc_id,title,outlet,published\nnews/a,Talks resume,CGTN,2025-06-02\nb,,,2025-06-03\n")
    (data / "events.csv").write_text(
        "doc_id,date,precision,date_text,description,start,end,quote\n"
        "news/a,2025-06-02,day,Monday,talks resumed,10,30,talks resumed on Monday\n"
        "b,2025-06-02,day,June 2,the talks resumed,40,65,the talks resumed on June 2\n")
    (data / "timeline.csv").write_text(
        "event_id,date,precision,description,n_sources,doc_ids,quotes\n"
        "e1,2025-06-02,day,talks resumed,2,news/a|b,news/a: talks resumed on Monday|b: the talks resumed on June 2\n")
    (data / "persons.csv").write_text(
        "person_id,name,variants,roles,side,doc_ids,n_docs\nrustem-umerov,Rustem Umerov,Rustem Umerov|Rustam Umerov,"
        "Defence Minister,Ukraine,news/a,1\n")
    (data / "people.csv").write_text(
        "doc_id,person_id,name,role,side,start,end,quote\nnews/a,rustem-umerov,Rustem Umerov,,Ukraine,3,16,Rustem Umerov\n")
    return Facts(data)


def _page(*tables: str) -> str:
    return "<html><body>" + "".join(tables) + "</body></html>"


def test_a_timeline_row_names_its_articles_and_links_each_to_its_quote(tmp_path):
    facts = _report(tmp_path)
    table = ("<table><thead><tr><th></th><th>date</th><th>precision</th><th>description</th><th>n_sources</th>"
             "<th>doc_ids</th></tr></thead><tbody><tr><th>0</th><td>2025-06-02</td><td>day</td><td>talks resumed</td>"
             "<td>2</td><td>news/a|b</td></tr></tbody></table>")
    soup = BeautifulSoup(link_tables(_page(table), facts, "../"), "html.parser")
    links = soup.select("td ul.values li a.article")
    assert [a.get_text() for a in links] == ["CGTN: Talks resume", "Untitled article of 2025-06-03"]
    assert [a["title"] for a in links] == ["news/a", "b"]
    assert links[0]["href"].startswith("../articles/news_a-") and links[0]["href"].endswith(".html#c-10-30")
    assert links[1]["href"] == "../articles/b.html#c-40-65"
    assert soup.find("table").parent["class"] == ["table-scroll"]
    assert "news/a|b" not in soup.get_text()


def test_a_persons_row_without_articles_gets_a_column_of_them_and_lists_its_variants(tmp_path):
    facts = _report(tmp_path)
    table = ("<table><thead><tr><th>person_id</th><th>name</th><th>variants</th><th>n_docs</th></tr></thead><tbody>"
             "<tr><td>rustem-umerov</td><td>Rustem Umerov</td><td>Rustem Umerov|Rustam Umerov</td><td>1</td></tr></tbody></table>")
    soup = BeautifulSoup(link_tables(_page(table), facts, ""), "html.parser")
    assert [th.get_text() for th in soup.find_all("th")][-1] == "in the articles"
    [link] = soup.select("a.article")
    assert link["href"].endswith("#c-3-16") and link["href"].startswith("articles/")
    assert [li.get_text() for li in soup.select("td ul.values li") if not li.find("a")] == ["Rustem Umerov", "Rustam Umerov"]


def test_a_page_linked_twice_stays_as_it_was(tmp_path):
    facts = _report(tmp_path)
    table = ("<table><thead><tr><th>doc_id</th><th>quote</th></tr></thead><tbody>"
             "<tr><td>b</td><td>the talks resumed on June 2</td></tr></tbody></table>")
    once = link_tables(_page(table), facts, "")
    assert 'href="articles/b.html#c-40-65"' in once
    assert link_tables(once, facts, "") == once


def test_notebook_pages_load_nothing_from_elsewhere_and_leave_dollars_as_text(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Money\n\nThe fund grew from $5 billion in May to $3 billion in June.")]
    (tmp_path / "notebooks").mkdir()
    nbformat.write(nb, tmp_path / "notebooks" / "01_money.ipynb")
    [page] = report.export_html(tmp_path)
    text = page.read_text()
    soup = BeautifulSoup(text, "html.parser")
    assert soup.find_all("script", src=True) == []
    assert "mathjax" not in text.lower() and "require.js" not in text and "mermaid" not in text.lower()
    assert "cdnjs" not in text and "unpkg" not in text
    assert "from $5 billion in May to $3 billion in June." in soup.get_text()
    assert soup.find("meta", attrs={"name": "viewport"}) is not None


def test_quotes_name_their_articles_and_a_previews_ellipsis_row_links_nowhere(tmp_path):
    facts = _report(tmp_path)
    table = ("<table><thead><tr><th>kind</th><th>doc_ids</th><th>quotes</th></tr></thead><tbody>"
             "<tr><td>event_date</td><td>news/a|b</td><td>news/a: talks resumed on Monday | b: the &lt;b&gt;talks&lt;/b&gt;</td></tr>"
             "<tr><td>...</td><td>...</td><td>...</td></tr></tbody></table>"
             "<table><thead><tr><th>doc_id</th><th>quote</th></tr></thead><tbody><tr><td>...</td><td>...</td></tr></tbody></table>")
    soup = BeautifulSoup(link_tables(_page(table), facts, ""), "html.parser")
    quotes = soup.find_all("tr")[1].find_all("td")[2].find_all("li")
    assert [li.get_text() for li in quotes] == ["CGTN: Talks resume: talks resumed on Monday", "Untitled article of 2025-06-03: the <b>talks</b>"]
    assert quotes[0].find("span")["title"] == "news/a" and quotes[1].find("b") is None
    assert len(soup.select("a.article")) == 2  # the two articles of the first row; "..." rows link nowhere
