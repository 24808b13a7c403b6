"""The gazetteer's given names are the ones gender-guesser's Detector knows."""

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
