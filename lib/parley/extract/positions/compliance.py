"""Compliance: positions on keeping an agreement. "He insisted that the two parties
honour the agreement" is the speaker's demand, "urged Belgrade and Pristina to carry out
their obligations" the urger's; "the movement would respect the terms" and "both sides
said they are honouring it" are the subject's own undertaking, an agreement. The issue is
the agreement's: the object's own issue when it names one ("stick to the truce"), else
the issue the article's parties are found agreeing on most ("the deal" of a grain
corridor article is humanitarian, of a truce article a ceasefire).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from parley import nlp
from parley.extract.positions.agents import _NOT_AN_AGENT, Agent, Agents
from parley.extract.positions.attribution import speaker_of
from parley.extract.positions.sentences import _VERBAL

_THING_PRONOUNS = {"it", "them", "theirs", "this", "that"}
_OBLIGATION_AUX = {"must", "should"}
_UNDERTAKING_AUX = {"will", "would", "shall"}


@dataclass
class Compliance:
    sides: tuple[str, ...]
    stance: str  # demands (that others comply) or agrees (to comply oneself)
    how: str
    span: tuple[int, int]
    issue: str  # "" until the article's agreement issue is known
    cue: str
    stance_cue: str
    unit_span: tuple[int, int]


def compliance_positions(agents: Agents, unit, cues, antecedent: str = "") -> list[Compliance]:
    """The positions on keeping an agreement stated in one sentence. `antecedent`: the one
    issue the sentences just before named, what "honouring it" keeps ("" for none)."""
    found = []
    for verb in nlp.tokens_of(unit.span, "pos", _VERBAL):
        if not _compliance_verb(agents, verb):
            continue
        target = _agreement_object(agents, verb)
        if target is None or _negated(agents, verb):
            continue
        issue = _own_issue(agents, target) or (antecedent if target.lower_ in _THING_PRONOUNS else "")
        position = _demand(agents, verb, cues) or _obligation(agents, verb) or _undertaking(agents, verb)
        if position is None:
            continue
        agent, stance, top = position
        sides = agents.parties if agent.how == "both_sides" and not agent.sides else agent.sides
        if not sides:
            continue
        span = unit.chars(sorted(top.subtree, key=lambda t: t.i))
        found.append(Compliance(tuple(sides), stance, agent.how, span, issue,
                                f"{verb.lemma_.lower()} {target.lower_}", top.lemma_.lower(), unit.chars(unit.span)))
    return found


def agreement_issue(positions) -> str:
    """The issue the article's parties are found agreeing on most (the first named of
    equals); "" when they are found agreeing on nothing."""
    agreed = [p for p in positions if p.stance == "agrees"]
    if not agreed:
        return ""
    counts = Counter(p.issue for p in agreed)
    first = {}
    for p in sorted(agreed, key=lambda p: p.span):
        first.setdefault(p.issue, p.span[0])
    return min(counts, key=lambda issue: (-counts[issue], first[issue]))


def _compliance_verb(agents: Agents, verb) -> bool:
    lemma = verb.lemma_.lower()
    for phrase in agents.book.phrases("compliance_verbs"):
        if phrase[0] != lemma and phrase[0] != verb.lower_:
            continue
        rest = set(phrase[1:])
        if not rest or rest <= {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}}:
            return True
    return False


def _agreement_object(agents: Agents, verb):
    """What `verb` keeps: its object, the object of its preposition ("stick to the deal")
    or its passive subject ("all aspects of it be carried out"), when that is an
    agreement, a party's commitments, or "it"."""
    candidates = []
    for child in verb.children:
        if child.dep_ in {"dobj", "nsubjpass"}:
            candidates.append(child)
        elif child.dep_ == "prep":
            candidates += [c for c in child.children if c.dep_ == "pobj"]
    for candidate in candidates:
        for token in _with_of_phrase(candidate):
            if token.lower_ in _THING_PRONOUNS or agents.is_word(token, "agreement_nouns") \
                    or agents.is_word(token, "binding_context_nouns") or agents.is_word(token, "compliance_objects"):
                return token
    return None


def _with_of_phrase(noun):
    """"all aspects of it", "the letter and spirit of the deal": the noun and what its of-phrase names."""
    tokens = [noun]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    tokens += [pobj] + [c for c in pobj.children if c.dep_ == "conj"]
    return tokens


def _own_issue(agents: Agents, target) -> str:
    named = agents.book.find_issues([target])
    return named[0].kind if named else ""


def _negated(agents: Agents, verb) -> bool:
    """"did not honour", "accused Hamas of failing to honour", "refused to implement"."""
    node = verb
    for _ in range(3):
        if any(c.dep_ == "neg" for c in node.children) or agents.is_word(node, "non_compliance_heads"):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _demand(agents: Agents, verb, cues):
    """A demand, urging or expectation above the clause: its subject demands compliance."""
    demands = {c.anchor.i for c in cues if c.stance == "demands"}
    node = verb
    for _ in range(3):
        if node.dep_ not in {"ccomp", "xcomp"} or node.head.i == node.i:
            return None
        head = node.head
        if head.pos_ in _VERBAL and (head.i in demands or agents.is_word(head, "compliance_expectations")):
            agent = agents.agent_at(head)
            if agent is None or agent is _NOT_AN_AGENT or not agent.sides:
                # "He said the deal should ... and insisted that it be carried out": the
                # insisting verb parsed under the reported clause is still the speaker's
                agent = speaker_of(agents, head)
            if agent is None or not agent.sides:
                return None
            return agent, "demands", head
        node = head
    return None


def _obligation(agents: Agents, verb):
    """"Russia must honour its commitments, the minister said": the speaker's demand."""
    if not any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in verb.children):
        return None
    speaker = speaker_of(agents, verb)
    subject = agents.agent_at(verb)
    if speaker is None or not speaker.sides or (subject and set(subject.sides) == set(speaker.sides)):
        return None
    return Agent(speaker.sides, "speaker"), "demands", verb.head if verb.dep_ == "ccomp" else verb


def _undertaking(agents: Agents, verb):
    """"the movement would respect the terms", "they are honouring it", "committed to
    carrying out its side": the subject's own agreement to keep the deal."""
    node, undertaken = verb, _undertaking_aux(verb)
    for _ in range(4):
        agent = agents.agent_at(node, inherit=False)
        if agent is not None and agent is not _NOT_AN_AGENT and (agent.sides or agent.how == "both_sides"):
            return (agent, "agrees", verb) if undertaken else None
        if agent is _NOT_AN_AGENT and node.dep_ == "ccomp":
            # "the movement would respect the terms", its leader said: a subject that names
            # no party is the speaker's own side
            speaker = speaker_of(agents, node)
            return (Agent(speaker.sides, "speaker"), "agrees", verb) if undertaken and speaker and speaker.sides else None
        if node.head.i == node.i or node.dep_ not in {"pcomp", "pobj", "prep", "xcomp", "acomp"}:
            return None
        node = node.head
        undertaken = undertaken or agents.is_word(node, "undertaking_heads") or _undertaking_aux(node)
    return None


def _undertaking_aux(verb) -> bool:
    """"will honour", "would respect", "are honouring"."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(aux & _UNDERTAKING_AUX) or (verb.tag_ == "VBG" and bool(aux & {"is", "are", "'re"}))
