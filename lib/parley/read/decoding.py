"""Bytes of a text file to its text, in whatever common encoding it was saved.

UTF-8 first: a file that decodes as UTF-8 is UTF-8 (a byte-order mark is kept as the
text's first character, so offsets still count the file's characters). A UTF-16 or
UTF-32 file is known by its byte-order mark. Anything else is handed to
charset-normalizer, which proposes encodings; single-byte encodings are often equally
plausible to it (Latin-1 and cp1250 read most Western text alike), so Parley takes the
proposal that leaves no stray symbol inside a word ("Rados³aw" is Polish read as
cp1252), then the least chaotic, the most coherent, and the most common encoding
(data/encodings.yml). The name recorded is the first common encoding that gives exactly
that text.
"""

from __future__ import annotations

import codecs
import functools
from dataclasses import dataclass

import yaml

from parley import config

UTF8 = "utf-8"
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class UndecodableError(ValueError):
    """Bytes that are not text in any common encoding; the message says why."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python's canonical codec name: utf-8, iso8859-1, cp1251, ...


@functools.lru_cache(maxsize=1)
def common_encodings() -> tuple[str, ...]:
    data = yaml.safe_load(config.data_file("encodings.yml").read_text(encoding="utf-8"))
    return tuple(data["common"])


def decode(data: bytes) -> Decoded:
    """The text of `data` and the encoding it was read with; UndecodableError otherwise."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), codecs.lookup(encoding).name)
            except UnicodeDecodeError as err:
                raise UndecodableError(f"{encoding.upper()} text with a broken byte at {err.start}") from err
    if b"\x00" in data:  # no text encoding of an article but UTF-16/32 holds NUL bytes
        raise UndecodableError("binary data, not text")
    try:
        return Decoded(data.decode("utf-8"), UTF8)
    except UnicodeDecodeError as err:
        not_utf8 = err
    encoding = _detected(data)
    if encoding is None:
        raise UndecodableError(
            f"not text in any common encoding (not UTF-8: byte {not_utf8.start} is 0x{data[not_utf8.start]:02x}; "
            f"and no other common encoding reads it as text); save it as UTF-8 and run again"
        )
    text = data.decode(encoding)
    return Decoded(text, _name_of(data, text, encoding))


def _detected(data: bytes) -> str | None:
    """The common encoding that reads `data` best, or None."""
    from charset_normalizer import from_bytes

    common = common_encodings()
    proposals = [match for match in from_bytes(data) if match.encoding in common]
    if not proposals:
        return None
    best = min(proposals, key=lambda m: (_stray_symbols(str(m)), round(m.chaos, 2), -round(m.coherence, 2),
                                         common.index(m.encoding)))
    return best.encoding


def _stray_symbols(text: str) -> int:
    """Non-ASCII characters that are not letters but stand between two letters: the mark
    of a text read in the wrong code page."""
    return sum(1 for before, c, after in zip(text, text[1:], text[2:])
               if ord(c) > 127 and not c.isalpha() and before.isalpha() and after.isalpha())


def _name_of(data: bytes, text: str, found: str) -> str:
    """The most common encoding that gives exactly `text` (`found` gives it, at least)."""
    for encoding in common_encodings():
        try:
            if data.decode(encoding) == text:
                return codecs.lookup(encoding).name
        except UnicodeDecodeError:
            continue
    return codecs.lookup(found).name
