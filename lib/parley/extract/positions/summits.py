"""Leaders' meetings named by their leaders: "a meeting between Putin and Zelensky",
"ready to meet Putin", "a trilateral summit with Trump and Kim". The codebook's cues
know meetings of "presidents" and "leaders"; a meeting is as often named by the people
who would sit at it. A person is a leader when the article gives them a head of state's
or government's title, or the knowledge table of office holders knows them as one.
"""

from __future__ import annotations

import re

from parley.knowledge import codebook as codebook_module
from parley.knowledge import leaders as leaders_table
from parley.text import fold

_PARTICIPANT_DEPS = {"dobj", "pobj", "prep", "conj", "cc", "compound", "appos", "nsubj", "nsubjpass", "poss", "npadvmod"}
_HEAD_OFFICES = {"head_of_state", "head_of_government"}
_CUE = codebook_module.Cue("meeting of named leaders", ("meeting", "of", "leaders"))


def leader_keys(people_rows, book: codebook_module.Codebook, day: str = "") -> dict[str, str]:
    """Folded names (full, first and last word) of the article's people who lead a state,
    each to the person's full name."""
    titles = book.phrases("leader_titles")
    keys: dict[str, str] = {}
    for row in people_rows or []:
        name = str(row.get("name") or "")
        if not name or name == "nan":
            continue
        role = fold(str(row.get("role") or "")).split()
        titled = any(tuple(role[i:i + len(t)]) == t for t in titles if t for i in range(len(role) - len(t) + 1))
        if not titled and not any(o.office in _HEAD_OFFICES for o in leaders_table.holders(name, day)):
            continue
        words = [w for w in re.split(r"[^\w'-]+", fold(name)) if w]
        for key in {fold(name), *words[-1:], *(words[:1] if len(words) > 1 else [])}:
            keys.setdefault(key, fold(name))
    return keys


def summit_matches(unit, leaders: dict[str, str], book: codebook_module.Codebook) -> list:
    """Issue matches for meetings whose participants include two leaders (or a leader
    and the pronoun of a leader named before in the sentence)."""
    if not leaders:
        return []
    found = []
    meeting_words = book.words("meeting_words")
    for token in unit.span:
        if token.lemma_.lower() not in meeting_words:
            continue
        named = _leaders_at(token, leaders)
        if token.pos_ in {"VERB", "AUX"} and len(named) == 1 and _leader_pronoun_subject(token, leaders):
            named.add("(subject)")
        if len(named) >= 2:
            found.append(codebook_module.Match("leaders_meeting", _CUE, (token,)))
    return found


def _leaders_at(token, leaders: dict[str, str]) -> set[str]:
    named, frontier = set(), [(c, 1) for c in token.children if c.dep_ in _PARTICIPANT_DEPS]
    while frontier:
        node, depth = frontier.pop()
        if node.pos_ == "PROPN" and fold(node.text) in leaders:
            named.add(leaders[fold(node.text)])
        if depth < 4:
            frontier += [(c, depth + 1) for c in node.children if c.dep_ in _PARTICIPANT_DEPS]
    return named


def _leader_pronoun_subject(verb, leaders: dict[str, str]) -> bool:
    """"Zelensky said he was ready to meet Putin": "he" is a leader named before it."""
    node = verb
    for _ in range(3):
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if subjects:
            subject = subjects[0]
            if subject.lower_ not in {"he", "she"}:
                return False
            before = subject.sent[: subject.i - subject.sent.start]
            return any(t.pos_ == "PROPN" and fold(t.text) in leaders for t in before)
        if node.head.i == node.i:
            return False
        node = node.head
    return False
