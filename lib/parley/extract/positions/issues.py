"""One issue mention: the positions stated about it. The side whose clause it is in and
the stance cue that speaks for it; a side answering it in a relative clause ("a truce,
which Israel rejected"); an agreement the talks ended in, binding both sides; the owner
of a proposal another side answers ("Israel rejected a Hamas proposal for a truce").
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.extract.positions.agents import _NOT_AN_AGENT, Agent, Agents
from parley.extract.positions.attribution import reduced_relative, speaker_of, walk
from parley.extract.positions.sentences import _VERBAL, _head_of, _phrase
from parley.extract.positions.stance_cues import _StanceCue, choose_stance, clause_stance, final_stance, negated_cue


@dataclass
class _Position:
    sides: tuple[str, ...]
    issue: str
    stance: str
    how: str
    span: tuple[int, int]  # body offsets
    cue: str
    stance_cue: str


def positions_of(agents: Agents, match, unit, cues, issue_ids: frozenset = frozenset()) -> list[_Position]:
    """The positions stated about one issue mention: the side whose clause it is in,
    and a side answering it in a relative clause ("a truce, which Israel rejected")."""
    issue_tokens = list(match.tokens)
    head = _head_of(issue_tokens)
    span = unit.chars(_phrase(head, issue_tokens))
    found = []
    # a relative clause on the issue noun itself: "the truce Israel says must come first"
    if head.pos_ in {"NOUN", "PROPN"}:
        relative = reduced_relative(agents, head, unit)
        if relative:
            agent, clause = relative
            stance, cue_text = clause_stance(agents.book, clause, cues)
            if stance:
                found.append(_Position(agent.sides, match.kind, stance, agent.how, span, match.cue.text, cue_text))
    position = _position_in_clause(agents, match, issue_tokens, head, span, cues, issue_ids)
    for candidate in position:
        if not any(set(p.sides) & set(candidate.sides) for p in found):
            found.append(candidate)
    return found


def _position_in_clause(agents: Agents, match, issue_tokens, head, span, cues, issue_ids) -> list[_Position]:
    agent, node, path = walk(agents, head)
    # an agreement the talks ended in binds both sides, whoever reports it
    outcome = _agreement_outcome(agents, path, cues)
    if outcome is not None and agents.parties:
        return [_Position(agents.parties, match.kind, "agrees", "both_sides", span, match.cue.text, outcome.text)]
    if agent is None:
        speaker = speaker_of(agents, node)
        if speaker is None:
            return []
        agent = speaker
    others = issue_ids - {t.i for t in issue_tokens}
    # what a document says without a stance word is its default stance, not a weak cue's
    cue = choose_stance(cues, node, path, issue_tokens, other_issues=others, weak=agent.how != "document",
                        emphasis=agents.book.words("emphasis_verbs"))
    stance, cue_text = final_stance(agents.book, cue, agent, issue_tokens, match.cue.contrary)
    if not stance:
        return []
    if agent.how == "both_sides" and not agent.sides:
        agent = _joint(agents, agent, stance, node)
    if cue is not None and (cue.tokens[0].tag_ == "MD" or cue.text in agents.book.words("obligation_cues")) \
            and agent.how != "both_sides":
        # "Hamas says Israel must pay for reconstruction": the obligation is the speaker's demand
        speaker = speaker_of(agents, node) or _according_to(agents, node)
        if speaker is not None and set(speaker.sides) != set(agent.sides):
            agent = speaker
    if not agent.sides:
        return []
    if agent.how == "agreement" and stance != "rejects":
        stance = "agrees"  # what an agreement the parties reached calls for, they agreed to
    found = [_Position(agent.sides, match.kind, stance, agent.how, span, match.cue.text, cue_text)]
    answer = _answer_to_owner(agents, node, agent, cues)
    if answer:
        other, other_stance, other_cue = answer
        found.append(_Position(other.sides, match.kind, other_stance, other.how, span, match.cue.text, other_cue))
    return found


def _according_to(agents: Agents, node):
    """"According to Ukraine, Russia must ...": the source a clause's obligation is reported from."""
    for _ in range(6):
        source = agents.according_to(node)
        if source is not None or node.head.i == node.i:
            return source and Agent(source.sides, "speaker")
        node = node.head
    return None


def _answer_to_owner(agents: Agents, node, agent: Agent, cues):
    """"Israel rejected a Hamas proposal for a truce": the proposal is Hamas's,
    the rejection Israel's. (agent, stance, cue) of the verb's subject, or None."""
    if agent.how != "possessive" or node.pos_ not in {"NOUN", "PROPN"}:
        return None
    if node.dep_ in {"dobj", "nsubjpass"}:
        verb = node.head
    elif node.dep_ == "pobj" and node.head.dep_ == "prep" and node.head.head.pos_ in _VERBAL:
        verb = node.head.head  # "Ukraine agreed to a US plan for ...", "objected to Russia's proposal"
    else:
        return None
    other = agents.agent_at(verb)
    if other is None or other is _NOT_AN_AGENT or not other.sides or other.tentative or set(other.sides) & set(agent.sides):
        return None
    chosen = [c for c in cues if c.strength == "explicit" and c.anchor.i == verb.i]
    if not chosen:
        return None
    cue = chosen[0]
    stance = agents.book.negation_flips.get(cue.stance, "rejects") if negated_cue(agents.book, cue) else cue.stance
    return other, stance, cue.text


def _joint(agents: Agents, agent: Agent, stance: str, node) -> Agent:
    """Both main parties when a joint subject agrees; else whoever reports it."""
    if stance == "agrees":
        return Agent(agents.parties, "both_sides")
    speaker = speaker_of(agents, node)
    return speaker or Agent(agents.parties, "both_sides")


def _agreement_outcome(agents: Agents, path, cues) -> _StanceCue | None:
    """An agreement the talks ended in ("the talks ended with an agreement to swap ...")."""
    anchors = {c.anchor.i: c for c in cues if c.stance == "agrees" and c.strength == "explicit"}
    for token in path:
        cue = anchors.get(token.i)
        if cue is None:
            continue
        verb = token.head
        for _ in range(3):
            if verb.pos_ in _VERBAL:
                break
            verb = verb.head
        if agents.is_word(verb, "agreement_outcome_verbs") and not _irrealis(agents, verb):
            return cue
    return None


def _irrealis(agents: Agents, verb) -> bool:
    node = verb
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might", "should"} for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        if agents.is_word(node.head, "irrealis_heads"):
            return True
        node = node.head
    return False
