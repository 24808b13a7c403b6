"""Pages a reader can follow and share, opened in headless Chromium: every table row leads to
its highlighted sentence, no page asks the network for anything, and a phone can read them."""

import re
from pathlib import Path

import pandas as pd
import pytest

from parley.publish.browser import CHROMIUM_ARGS, find_chromium

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# The rows of a table on a page, each with its cells' text and its links to articles.
_TABLES_JS = """() => [...document.querySelectorAll('table')].map(table => {
  const headers = [...table.querySelectorAll('thead tr:last-child th')].map(th => th.textContent.trim());
  const rows = [...table.querySelectorAll('tbody > tr')].map(tr => {
    const cells = [...tr.children].map(td => td.innerText.trim());
    const links = [...tr.querySelectorAll('a.article')].map(a => ({href: a.href, doc: a.title, text: a.textContent}));
    return {cells, links};
  });
  return {headers, rows};
})"""

# What the page the link led to shows at its target: the text of every mark of that fact.
_TARGET_JS = """() => {
  const target = document.querySelector(':target');
  if (!target) return null;
  const fact = target.getAttribute('data-fact');
  const text = [...document.querySelectorAll(`[data-fact="${fact}"]`)].map(m => m.textContent).join('');
  return {tag: target.tagName, id: target.id, fact, text, background: getComputedStyle(target).backgroundColor,
          classes: target.className, title: target.title};
}"""


@pytest.fixture(scope="module")
def chromium():
    """chromium(width, height): a fresh context (its own pages, routes and storage) of one
    headless Chromium started for the module: starting Chromium costs seconds, a context
    a fraction of one. The options are `parley.publish.browser.chromium`'s."""
    from contextlib import contextmanager

    from playwright.sync_api import sync_playwright

    executable = find_chromium()
    if executable is None:
        raise RuntimeError("Chromium is not installed: run `python -m parley.publish.browser --ensure` (Debian package chromium).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)

        @contextmanager
        def context(width: int = 1280, height: int = 900):
            opened = browser.new_context(viewport={"width": width, "height": height})
            try:
                yield opened
            finally:
                opened.close()

        yield context
        browser.close()


def _spaces(text: str) -> str:
    """As a quote shows a span: odd spaces and line breaks as plain spaces."""
    return re.sub(r"\s", " ", text)


def _table(page, *headers):
    tables = [t for t in page.evaluate(_TABLES_JS) if set(headers) <= set(t["headers"])]
    assert tables, f"no table with the columns {headers} on {page.url}"
    table = tables[0]
    return [dict(zip(table["headers"], row["cells"])) | {"_links": row["links"]} for row in table["rows"]], tables


def _follow(page, page_url: str, link: dict) -> dict:
    """Click the link as a reader would, from the page it is on; what its target shows."""
    page.goto(page_url)
    page.locator(f'a.article[href="{_relative(link["href"], page_url)}"]').first.click()
    page.wait_for_load_state("load")
    assert page.url == link["href"]
    target = page.evaluate(_TARGET_JS)
    assert target is not None, f"{link['href']} has no element with its anchor"
    assert target["tag"] == "MARK" and "fact" in target["classes"] and target["title"]
    assert target["background"] not in ("rgba(0, 0, 0, 0)", "transparent"), "the target is not highlighted"
    return target


def _relative(absolute: str, page_url: str) -> str:
    base = page_url.rsplit("/", 1)[0] + "/"
    if absolute.startswith(base):
        return absolute[len(base):]
    return "../" + absolute[len(base.rsplit("/", 2)[0]) + 1:]


def _csv(report: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(report / "data" / f"{name}.csv", dtype=str, keep_default_na=False)


def test_a_timeline_row_leads_to_its_highlighted_quote(seeds_report, chromium):
    timeline = _csv(seeds_report, "timeline")
    with chromium() as browser:
        page = browser.new_page()
        for url in ((seeds_report / "index.html").as_uri(), (seeds_report / "html" / "02_timeline.html").as_uri()):
            page.goto(url)
            rows, _ = _table(page, "date", "description", "n_sources", "doc_ids")
            assert len(rows) == len(timeline)
            followed = 0
            for row in rows[:6]:
                event = timeline[(timeline["date"] == row["date"]) & (timeline["description"] == row["description"])].iloc[0]
                quotes = dict(item.split(": ", 1) for item in event["quotes"].split("|"))
                assert len(row["_links"]) == int(event["n_sources"])
                for link in row["_links"]:
                    assert link["text"] != link["doc"]  # named by outlet and title, the doc_id as its tooltip
                    target = _follow(page, url, link)
                    assert _spaces(target["text"]) == _spaces(quotes[link["doc"]])
                    followed += 1
            assert followed >= 6


def test_a_persons_row_and_a_delegation_row_lead_to_the_persons_mention(seeds_report, chromium):
    people = _csv(seeds_report, "people")
    url = (seeds_report / "html" / "02_timeline.html").as_uri()
    with chromium() as browser:
        page = browser.new_page()
        page.goto(url)
        rows, _ = _table(page, "person_id", "name", "variants", "n_docs")
        for row in rows[:8]:
            assert len(row["_links"]) == int(row["n_docs"])
            link = row["_links"][0]
            mention = people[(people["person_id"] == row["person_id"]) & (people["doc_id"] == link["doc"])].iloc[0]
            target = _follow(page, url, link)
            assert _spaces(target["text"]) == _spaces(mention["quote"])
            assert "person" in target["classes"] and row["name"].split()[-1] in target["title"] + mention["quote"]
        index = (seeds_report / "index.html").as_uri()
        page.goto(index)
        rows, _ = _table(page, "side", "name", "role", "n_docs")
        for row in rows[:3]:
            link = row["_links"][-1]
            person_id = people[(people["doc_id"] == link["doc"]) & (people["name"].str.split().str[-1] == row["name"].split()[-1])]
            target = _follow(page, index, link)
            assert _spaces(target["text"]) in {_spaces(q) for q in person_id["quote"]}


@pytest.mark.parametrize("headers, kind", [
    (("doc_id", "value", "unit", "quote"), "quantity"),
    (("doc_id", "side", "issue", "stance", "quote"), "position"),
    (("doc_id", "date_text", "description", "quote"), "event"),
])
def test_a_row_with_a_quote_leads_to_a_highlight_of_that_quote(seeds_report, headers, kind, chromium):
    pages = {"quantity": "03_comparison", "position": "03_comparison", "event": "02_timeline"}
    url = (seeds_report / "html" / f"{pages[kind]}.html").as_uri()
    with chromium() as browser:
        page = browser.new_page()
        page.goto(url)
        rows, _ = _table(page, *headers)
        assert len(rows) >= 5
        for row in rows[:: max(1, len(rows) // 8)]:
            [link] = row["_links"]
            assert link["doc"] != link["text"]
            target = _follow(page, url, link)
            assert _spaces(target["text"]) == _spaces(row["quote"])
            assert kind in target["classes"].split() or kind in target["title"].lower()


def _every_page(report: Path) -> list[Path]:
    return [report / "index.html", *sorted((report / "html").glob("*.html")), *sorted((report / "articles").glob("*.html"))]


def test_no_page_asks_the_network_for_anything(seeds_report, chromium):
    pages = _every_page(seeds_report)
    assert len(pages) >= 11
    blocked, failed = [], []
    with chromium() as browser:

        def only_files(route):
            if route.request.url.startswith(("file:", "data:")):
                route.continue_()
            else:
                blocked.append(route.request.url)
                route.abort()

        browser.route("**/*", only_files)
        page = browser.new_page()
        page.on("requestfailed", lambda request: failed.append(request.url))
        for path in pages:
            page.goto(path.as_uri(), wait_until="networkidle")
    assert blocked == []
    assert failed == []


def test_every_page_fits_a_phone_and_only_tables_scroll_sideways(seeds_report, chromium):
    overflowing_js = """() => {
      const width = document.documentElement.clientWidth;
      const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
          const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
        return false; };
      const bad = [...document.body.querySelectorAll('*')].filter(el => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.right > width + 1 || r.left < -1) && !scrolls(el);
      }).map(el => el.tagName + '.' + el.className + ': ' + (el.textContent || '').slice(0, 60));
      return {width, scrollWidth: document.documentElement.scrollWidth, bad: bad.slice(0, 5)};
    }"""
    with chromium(width=390, height=844) as browser:
        page = browser.new_page()
        for path in _every_page(seeds_report):
            page.goto(path.as_uri())
            assert page.evaluate("document.querySelector('meta[name=viewport]') !== null"), path.name
            result = page.evaluate(overflowing_js)
            assert result["width"] == 390
            assert result["bad"] == [], path.name
            assert result["scrollWidth"] <= 390, path.name


def test_the_article_viewer_shows_markup_as_text_and_runs_no_script(hostile_report, chromium):
    page_path = hostile_report / "articles" / "900_markup.html"
    raw = (hostile_report.parent / "seeds" / "900_markup.txt").read_text(encoding="utf-8")
    dialogs = []
    with chromium() as browser:
        page = browser.new_page()
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(page_path.as_uri())
        assert page.evaluate("document.querySelector('.text').textContent") == raw
        assert page.evaluate("document.querySelectorAll('.text script, .text img, .text b').length") == 0
        assert "<script>" in page.evaluate("document.querySelector('h1').textContent")
        assert page.evaluate("document.querySelectorAll('mark.fact').length") >= 3
    assert dialogs == []
    assert "<script>alert(1)</script>" not in page_path.read_text()
