"""Text helpers that never change a string's length, so offsets stay valid.

Articles arrive with non-breaking and other odd spaces, curly quotes and Turkish
dotted/dotless I. `normalize` maps the first two to plain ASCII one character for
one character; `fold` gives a comparison key (never used for offsets) in which
`İ`, `ı`, `ü` and `Ç` compare equal to `I`, `i`, `u` and `C` in any case.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

_ODD_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000\u200b\ufeff\t\r"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u02bc"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb"

_NORMALIZE = str.maketrans(
    {**{c: " " for c in _ODD_SPACES}, **{c: "'" for c in _SINGLE_QUOTES}, **{c: '"' for c in _DOUBLE_QUOTES}}
)
_QUOTE = str.maketrans({**{c: " " for c in _ODD_SPACES}, "\n": " "})


def normalize(text: str) -> str:
    """Odd spaces to a space, curly quotes to straight ones; same length as `text`."""
    out = text.translate(_NORMALIZE)
    assert len(out) == len(text)
    return out


def quote(raw: str, start: int, end: int) -> str:
    """The span `raw[start:end]` as a report shows it: odd spaces and line breaks as plain spaces."""
    return raw[start:end].translate(_QUOTE)


@functools.lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """A comparison key: ASCII, case-folded, single-spaced ("Yıldız" -> "yildiz", "MİT" -> "mit")."""
    # ASCII text is its own NFC form and its own anyascii; str.split() splits on the
    # whitespace that \s matches, so the join is the regex's runs to one space, stripped
    ascii_text = text if text.isascii() else anyascii(unicodedata.normalize("NFC", text))
    return " ".join(ascii_text.casefold().split())


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of an article body, whose paragraphs are separated by a blank line."""
    return [m.span() for m in re.finditer(r"[^\n]+(?:\n(?!\n)[^\n]+)*", body)]


def word_count(text: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['\-][^\W_]+)*", text))
