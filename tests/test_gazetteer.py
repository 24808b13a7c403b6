"""The gazetteer: given names are the ones gender-guesser's Detector knows; place names are
built once per version of their sources and kept in the cache folder."""

import gender_guesser.detector

from parley.knowledge import gazetteer


def test_the_given_names_are_the_ones_the_detector_gives_a_gender():
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    assert gazetteer._given_names() == frozenset(detector.names)
    assert {"volodymyr", "khaled", "theresa", "jean-pierre", "young joon", "youngjoon", "young-joon"} <= gazetteer._given_names()


def test_a_given_name_is_a_capitalised_word_the_detector_knows():
    detector = gender_guesser.detector.Detector(case_sensitive=False)
    for word in ["Volodymyr", "Khaled", "Theresa's", "Jean-Pierre", "khaled", "K", "Tigray", "Sanaa", "Mr."]:
        known = len(word.strip(".'’")) > 1 and word[:1].isupper() and detector.get_gender(word.strip(".'’")) != "unknown"
        assert gazetteer.is_given_name(word) == known, word
    assert gazetteer.is_given_name("Volodymyr") and not gazetteer.is_given_name("khaled")


def test_the_place_names_are_built_once_and_read_back_from_the_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path))
    gazetteer.place_names.cache_clear()
    try:
        built = gazetteer.place_names()
        kept = list((tmp_path / "knowledge").glob("place-names-*.txt"))
        assert len(kept) == 1 and built == gazetteer._built_place_names()
        assert {"sanaa", "khan younis", "tigray", "donetsk"} <= built

        kept[0].write_text("\n".join(sorted(built | {"a place only the cache knows"})), encoding="utf-8")
        gazetteer.place_names.cache_clear()
        assert "a place only the cache knows" in gazetteer.place_names()  # read, not built again
    finally:
        gazetteer.place_names.cache_clear()  # the other tests' gazetteer is the real one


def test_the_place_names_are_built_again_when_their_sources_change(monkeypatch):
    from importlib import metadata

    key = gazetteer._sources_key()
    monkeypatch.setattr(metadata, "version", lambda name: "0.0-another")
    assert gazetteer._sources_key() != key


def test_without_a_writable_cache_the_place_names_are_still_built(tmp_path, monkeypatch):
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(blocked))
    gazetteer.place_names.cache_clear()
    try:
        assert gazetteer.place_names() == gazetteer._built_place_names()
    finally:
        gazetteer.place_names.cache_clear()
