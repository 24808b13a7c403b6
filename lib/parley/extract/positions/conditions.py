"""Conditions: a party that will act only if something happens demands it. "The rebels
said they would not join talks until their prisoners were freed" is the rebels' demand
for the prisoners' release; "Washington said sanctions would be eased only when Iran kept
its promises" is Washington's demand on sanctions. The condition is a subordinate clause
led by one of the codebook's `condition_markers` ("unless", "only if", "as long as",
"provided that"...), or by "until" under a negated main clause ("would not ... until").

Whose demand: the speaker of the sentence when it is reported speech, else the subject
of the main clause. The issue: what the condition names, else what the main clause names.
"""

from __future__ import annotations

from parley import nlp
from parley.extract.positions.agents import _NOT_AN_AGENT, Agents
from parley.extract.positions.attribution import speaker_of
from parley.extract.positions.issues import _Position
from parley.extract.positions.sentences import _VERBAL

# how a position was found: the issue is the condition's, or the conditioned clause's
CONDITION, CONDITIONED = "condition", "conditioned"


def condition_positions(agents: Agents, unit, issues) -> list[_Position]:
    """The demands stated as conditions in one sentence."""
    found = []
    for clause in nlp.tokens_of(unit.span, "dep", {"advcl"}):
        if clause.pos_ not in _VERBAL:
            continue
        marker = _condition_marker(agents, clause)
        if marker is None:
            continue
        main = clause.head
        while main.pos_ not in _VERBAL and main.head.i != main.i:
            main = main.head  # "as long as ...": the parse hangs the clause on "long"
        if marker == "until" and not _negated(main):
            continue  # "the truce lasts until Friday" is a time, not a condition
        agent = _owner(agents, main)
        if agent is None:
            continue
        inside = {t.i for t in clause.subtree}
        named, how = [m for m in issues if all(t.i in inside for t in m.tokens)], CONDITION
        if not named:
            in_main = {t.i for t in main.subtree} - inside
            named, how = [m for m in issues if all(t.i in in_main for t in m.tokens)], CONDITIONED
        span = unit.chars(sorted(main.subtree, key=lambda t: t.i))
        for kind in dict.fromkeys(m.kind for m in named):
            cue = next(m.cue.text for m in named if m.kind == kind)
            found.append(_Position(tuple(agent.sides), kind, "demands", how, span, cue, marker))
    return found


def _condition_marker(agents: Agents, clause) -> str | None:
    """The condition marker that leads `clause` ("only if", "unless", "as long as"), or None.
    The parse hangs a marker's first words elsewhere ("as long" on the main verb), so the
    words just before the clause count as well as its own first ones."""
    start = clause.left_edge.i
    for phrase in agents.book.phrases("condition_markers"):
        window = [t.lower_ for t in clause.doc[max(start - len(phrase), 0):start + len(phrase)] if t.lower_ != ","]
        if any(tuple(window[i:i + len(phrase)]) == phrase for i in range(len(window))):
            return " ".join(phrase)
    return None


def _negated(verb) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in {"never", "no"} for c in verb.children)


def _owner(agents: Agents, main):
    """The speaker of reported speech, else the main clause's subject, when it is a party."""
    speaker = speaker_of(agents, main)
    if speaker is not None and speaker.sides:
        return speaker
    subject = agents.agent_at(main)
    if subject is None or subject is _NOT_AN_AGENT or not subject.sides:
        return None
    return subject
