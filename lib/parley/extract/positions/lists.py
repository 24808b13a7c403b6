"""Bulleted lists: the items of a list introduced by a sentence ending in ":" take that
sentence's side and stance; the items of an agreement's terms ("Under the agreement
signed on Thursday:") are agreed to by every party they make a subject, and those of a
list after the parties as a pair ("the two neighbours:\n• will resume ties") by both.
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.extract.positions.agents import Agents
from parley.extract.positions.attribution import speaker_of, walk
from parley.extract.positions.issues import _Position
from parley.extract.positions.sentences import _SUBJECT_DEPS, _VERBAL
from parley.extract.positions.stance_cues import choose_stance
from parley.knowledge.sides import NO_PARTY


@dataclass(frozen=True)
class TermsIntro:
    """A sentence introducing a list of what the parties agreed: it names their agreement
    ("Under the deal signed on Thursday:"), ends in the parties as a pair ("the two
    neighbours:"), or both."""
    names_agreement: bool
    ends_in_parties: bool


def list_items(agents: Agents, unit, issues, bullets, list_intros: dict[int, tuple],
               terms_intros: dict[int, "TermsIntro"]) -> list[_Position]:
    """Issues in a bullet item take the side and stance of the sentence introducing the
    list; the items of an agreement's terms are agreed by the parties they make subjects."""
    intro_at = unit.paragraph - 1
    while intro_at in bullets:
        intro_at -= 1
    if intro_at in terms_intros:
        terms = terms_intros[intro_at]
        if not terms.names_agreement and not _predicate(unit):
            return []  # "The two sides:" then "the border": a list of matters, not of undertakings
        return terms_item(agents, unit, issues, both=terms.ends_in_parties)
    intro = list_intros.get(intro_at)
    if not intro or not issues:
        return []
    agent, stance, cue_text = intro
    words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
    span = unit.chars(words)
    return [_Position(agent.sides, m.kind, stance, "list", span, m.cue.text, cue_text) for m in issues]


def list_intro(agents: Agents, unit, cues):
    """The side and stance a sentence ending in ":" gives the items listed after it."""
    words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
    if not words:
        return None
    last = words[-1]
    agent, node, path = walk(agents, last)
    if agent is None or not agent.sides:
        # "Ukrainian officials say the delegation will propose:": the speaker's side
        agent = speaker_of(agents, last)
    if agent is None or not agent.sides:
        return None
    cue = choose_stance(cues, node, path, [last], own_cues=True)
    if cue is None:  # the intro ends in its stance word ("... the delegation will propose:")
        cue = next((c for c in cues if c.anchor.i == last.i and c.strength == "explicit"), None)
    if cue is None and agent.how != "document":
        return None
    stance = cue.stance if cue else agents.book.document_default_stance
    return agent, stance, cue.text if cue else ""


def introduces_terms(agents: Agents, unit) -> bool:
    """"Under the agreement signed on Thursday:", "What the two sides signed up to:"; not
    "What is still blocking a deal:" (`obstacle_words`), whose items are what divides them."""
    if any(agents.is_word(t, "obstacle_words") for t in unit.span):
        return False
    return any(agents.is_word(t, "agreement_nouns") or agents.is_word(t, "agreement_outcome_verbs") for t in unit.span)


def _predicate(unit) -> bool:
    """"will resume diplomatic ties", "agreed to respect ...": an item going on from its intro's subject."""
    words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
    return bool(words) and words[0].pos_ in _VERBAL


def ends_in_both_parties(agents: Agents, unit) -> bool:
    """"According to the text, the two neighbours:": an intro ending in the parties as a
    pair, whose items say what they will do or agreed to."""
    if any(agents.is_word(t, "obstacle_words") for t in unit.span):
        return False  # "What still divides the two sides:"
    words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
    return any(agents.book.phrase_at("joint_subjects", words[-n:]) for n in (2, 3) if len(words) >= n)


def terms_item(agents: Agents, unit, issues, both: bool = False) -> list[_Position]:
    """One term of an agreement: every party the item makes a subject agrees to it,
    on the issues it names ("other" for none); under an intro ending in the parties
    (`both`), the parties."""
    sides: list[str] = []
    for token in unit.span:
        if token.dep_ not in _SUBJECT_DEPS:
            continue
        agent = agents.resolve(token)
        if agent is None or agent.tentative:
            continue
        for side in agents.parties if agent.how == "both_sides" else agent.sides:
            if side and side != NO_PARTY and side not in sides:
                sides.append(side)
    words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
    if not sides:
        sides = _opening_parties(agents, words)
    if not sides and (issues or both):
        # a term naming nobody ("600 trucks of aid will enter each day"): the parties' deal
        sides = list(agents.parties)
    if not sides or not words:
        return []
    span = unit.chars(words)
    named = [(m.kind, m.cue.text) for m in issues] or [("other", "")]
    return [_Position(tuple(sides), issue, "agrees", "terms", span, cue, "") for issue, cue in dict.fromkeys(named)]


def _opening_parties(agents: Agents, words) -> list[str]:
    """The parties an item opens with, before its first verb: a list marker ahead of
    "Azerbaijan will ..." can leave the parse without a subject."""
    opening = []
    for token in words:
        if token.pos_ in _VERBAL:
            break
        opening.append(token)
    if agents.book.phrase_at("joint_subjects", opening):
        return list(agents.parties)
    # "150 Palestinian detainees out of Israeli prisons": a demonym describing who or what
    # the term is about names no party to it
    named = [t for t in opening if not (t.dep_ in {"amod", "compound"} and t.head.pos_ == "NOUN")]
    return [p for p in agents.parties_in(named) if p != NO_PARTY]
