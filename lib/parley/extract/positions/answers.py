"""Answers: positions taken on a position just stated, by a noun referring back to it:
"an offer Hamas turned down", "terms deemed unacceptable by Israel", or in the next
sentence "Israel called the demand unacceptable". The answer takes the issues of the
position it answers.
"""

from __future__ import annotations

from parley import nlp
from parley.extract.positions.agents import _NOT_AN_AGENT, Agents
from parley.extract.positions.attribution import reduced_relative
from parley.extract.positions.issues import _Position
from parley.extract.positions.sentences import _VERBAL, _refers_back
from parley.extract.positions.stance_cues import clause_stance, negated_cue


JOINS = object()  # the stance of a side joining the position it answers ("back that demand")


def answers(agents: Agents, unit, cues, stated: list[_Position], previous: list[_Position] = ()) -> list[_Position]:
    """Positions taken on a position just stated: "an offer Hamas turned down",
    "terms deemed unacceptable by Israel", or in the next sentence "Israel called the
    demand unacceptable" (a noun referring back: with "the", "this", a possessive)."""
    found = []
    for token in nlp.tokens_of(unit.span, "pos", {"NOUN", "PROPN"}):
        if not agents.is_word(token, "anaphoric_stance_nouns") or _says_what(token):
            continue
        answer = _relative_answer(agents, token, unit, cues) or _verb_answer(agents, token, unit, cues)
        if not answer:
            continue
        agent, stance, cue_text, span = answer
        start = unit.chars([token])[0]
        earlier = [p for p in stated if p.span[0] < start]
        if not earlier and _refers_back(token):
            earlier = list(previous)
        issues: dict[str, _Position] = {}
        for position in earlier:
            if not set(position.sides) & set(agent.sides):
                issues.setdefault(position.issue, position)
        for issue, position in issues.items():
            found.append(_Position(agent.sides, issue, position.stance if stance is JOINS else stance, agent.how, span,
                                   position.cue, cue_text))
    return found


def _says_what(noun) -> bool:
    """"the idea of direct talks", "the call for a truce", "the proposal to meet": a stance noun
    that states its own content refers back to nothing."""
    return any(c.dep_ == "prep" and c.lower_ in {"of", "for", "on"} and any(g.dep_ == "pobj" for g in c.children)
               or c.dep_ == "acl" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children) for c in noun.children)


def _relative_answer(agents: Agents, token, unit, cues):
    """"an offer Hamas turned down": (agent, stance, cue, span) or None."""
    relative = reduced_relative(agents, token, unit)
    if not relative:
        return None
    agent, clause = relative
    stance, cue_text = clause_stance(agents.book, clause, cues)
    if not stance:
        return None
    span = unit.chars(sorted([token] + clause, key=lambda t: t.i))
    return agent, stance, cue_text, (min(span[0], unit.chars([token])[0]), span[1])


def negated_cue_word(verb) -> bool:
    """"did not back the demand": a side that does not join a position takes no stance on it here."""
    return any(c.dep_ == "neg" for c in verb.children)


def _verb_answer(agents: Agents, token, unit, cues):
    """"Israel rejected the proposal", "Hamas called the demand unacceptable"."""
    if token.dep_ not in {"dobj", "nsubjpass"} or not _refers_back(token):
        return None
    verb = token.head
    if verb.pos_ not in _VERBAL:
        return None
    agent = agents.agent_at(verb)
    if agent is None or agent is _NOT_AN_AGENT or not agent.sides or agent.tentative:
        return None
    candidates = [verb] + [c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}]
    if verb.lemma_.lower() in agents.book.words("support_verbs") and not negated_cue_word(verb):
        return agent, JOINS, verb.text.lower(), unit.chars(sorted([verb, *token.subtree], key=lambda t: t.i))
    ids = {t.i for t in candidates}
    chosen = [c for c in cues if c.strength == "explicit" and c.anchor.i in ids]
    if not chosen:
        return None
    cue = chosen[0]
    stance = agents.book.negation_flips.get(cue.stance, "rejects") if negated_cue(agents.book, cue) else cue.stance
    tokens = sorted([verb, token] + [t for c in candidates for t in c.subtree if c.i != verb.i], key=lambda t: t.i)
    return agent, stance, cue.text, unit.chars(tokens)
