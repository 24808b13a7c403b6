"""`parley.text.fold`, whose ASCII shortcut must give the key the full recipe gives."""

import re
import unicodedata

import pytest
from anyascii import anyascii

from parley.text import fold


def _recipe(text: str) -> str:  # fold as written out in full: NFC, anyascii, casefold, runs of \s to one space
    return re.sub(r"\s+", " ", anyascii(unicodedata.normalize("NFC", text)).casefold()).strip()


@pytest.mark.parametrize("text", [
    "Khan Younis", "  MIT\tTalks\n\nRound ", "a\x0bb\x0cc\x1cd\x1fe", "UPPER lower", "", " \t ",
    "Yıldız", "MİT", "Straße", "Zürich\u00a0Talks", "Ca\u0301rdenas", "Erdoğan\u2009said", "Kyiv\u3000Kiev",
])
def test_fold_is_the_full_recipe(text):
    assert fold(text) == _recipe(text)


def test_fold_folds_case_accents_and_spaces():
    assert fold("  Yıldız \t MİT ") == "yildiz mit"
