"""Property-based tests: for any input, the reader's offset map, the date finder and the
number reader raise nothing, and every span they report quotes the text it came from."""

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parley.extract.dates import find_dates
from parley.read.corpus import parse_article
from parley.tables import number_text
from parley.text import normalize

# Text as articles bring it: letters with diacritics, digits, punctuation, line breaks
# (LF and CRLF), odd spaces, curly quotes, a BOM, and the words of datelines and dates.
PIECES = st.sampled_from([
    "Talks", "in", "Geneva", "ended", "on", "Monday", "May", "may", "June 2, 2025", "2 June", "last month",
    "12.06.2018", "2/29/2020", "Updated:", "By", "Reuters", "Photo: AFP", "Share", "Erdoğan", "Çırağan", "Kyiv",
    "1,200", "two", "hundred", "prisoners", "-", "—", ".", ",", "!", "?", ":", "\u201cquote\u201d", "\u00a0",
    "\u202f", "\u2009", "\t", "\n", "\n\n", "\r\n", "\ufeff", " ", "  ", "(AP)", "MOSCOW,", "/TASS/",
])
ARTICLE_TEXT = st.one_of(
    st.lists(PIECES, max_size=80).map(" ".join),
    st.text(max_size=300),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _same_modulo_spaces(a: str, b: str) -> bool:
    return re.sub(r"\s+", " ", normalize(a)).strip() == re.sub(r"\s+", " ", normalize(b)).strip()


@SETTINGS
@given(ARTICLE_TEXT)
def test_every_body_character_maps_back_to_the_same_character_of_the_file(raw):
    article = parse_article(raw)
    for i, ch in enumerate(article.body):
        if ch == "\n":  # paragraph breaks the reader inserted between kept lines
            continue
        assert normalize(raw[article.to_raw(i)]) == ch


@SETTINGS
@given(ARTICLE_TEXT, st.data())
def test_any_span_within_a_paragraph_quotes_the_file(raw, data):
    article = parse_article(raw)
    paragraphs = [m.span() for m in re.finditer(r"[^\n]+", article.body)]
    if not paragraphs:
        return
    p_start, p_end = data.draw(st.sampled_from(paragraphs))
    start = data.draw(st.integers(p_start, p_end - 1))
    end = data.draw(st.integers(start + 1, p_end))
    raw_start, raw_end, quoted = article.span(start, end)
    assert _same_modulo_spaces(raw[raw_start:raw_end], quoted)
    assert _same_modulo_spaces(quoted, article.body[start:end])


@SETTINGS
@given(ARTICLE_TEXT, st.sampled_from(["", "2025-06-02", "2018-12-13", "2020-02-29"]))
def test_every_date_found_quotes_the_text_and_is_an_iso_prefix(text, published):
    for mention in find_dates(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
        assert _same_modulo_spaces(text[mention.start:mention.end], mention.text)
        assert mention.date == "" or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", mention.date)
        assert mention.precision in {"", "year", "month", "day"}


@SETTINGS
@given(st.one_of(st.text(max_size=30), st.integers(), st.floats(allow_nan=True), st.none()))
def test_number_text_never_raises_and_keeps_what_is_not_a_number(value):
    shown = number_text(value)
    assert isinstance(shown, str)
    if isinstance(value, int):
        assert shown == str(value)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "1,200", "two", "twenty-five", "hundred", "thousand", "1.5", "billion", "$", "%", "per cent", "24", "to",
    "48", "hours", "prisoners", "of", "war", "were", "freed", "another", "3,000", "bodies", "on", "May", "2",
    "2025", "at", "10:30", "the", "first", "half", "a", "dozen", "km", ",", ".", "\n\n",
]), min_size=1, max_size=40).map(" ".join))
def test_every_quantity_found_quotes_the_file(raw):
    from parley import nlp
    from parley.extract.quantities import extract_quantities

    article = parse_article(raw)
    for row in extract_quantities(article, nlp.parse(article.body)):
        assert _same_modulo_spaces(raw[row["start"]:row["end"]], row["quote"])
        assert isinstance(row["value"], (int, float))
