"""The report page opened in headless Chromium, as a reader opens it."""

import pytest

from parley.publish.browser import check_page

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def test_every_figure_loads_and_every_link_resolves(seeds_report):
    check = check_page(seeds_report / "index.html")
    assert len(check.images) >= 4
    assert check.broken_images == []
    assert check.broken_links == []
    linked = {link.rsplit("/", 2)[-2] + "/" + link.rsplit("/", 1)[-1] for link in check.links if link.startswith("file:")}
    for folder, pattern in (("html", "*.html"), ("data", "*.csv"), ("notebooks", "*.ipynb"), ("figures", "*.png")):
        for path in (seeds_report / folder).glob(pattern):
            assert f"{folder}/{path.name}" in linked, f"index.html does not link {folder}/{path.name}"
    assert check.dialogs == []


def test_article_markup_is_shown_as_text_and_no_script_runs(hostile_report):
    check = check_page(hostile_report / "index.html")
    assert check.dialogs == []  # neither <script> nor an onerror handler ran, on any page
    assert check.scripts_in_text >= 1  # the headline's <script> is visible as text
    assert check.broken_links == [] and check.broken_images == []
    html_pages = list((hostile_report / "html").glob("*.html"))
    article_pages = list((hostile_report / "articles").glob("*.html"))
    assert html_pages and len(article_pages) == 6
    viewer = check_page(hostile_report / "articles" / "900_markup.html")  # the article viewer
    assert viewer.dialogs == [] and viewer.scripts_in_text >= 2 and viewer.broken_links == []
    for page in [hostile_report / "index.html", *html_pages, *article_pages]:
        assert "<script>alert(1)</script>" not in page.read_text(), page.name
