"""Attribution: walking up the parse from an issue phrase to the side whose position it
is. The lowest explicit agent wins; a clause a speech or stance verb reports is the
speaker's, not its subject's ("Israel insists that any deal must include ..."); a side
asked to act is not stating a position ("Hamas demanded that Israel agree ..."); a
relative clause on a noun gives the side answering it ("an offer Hamas turned down").
"""

from __future__ import annotations

from parley.extract.positions.agents import _NOT_AN_AGENT, Agent, Agents
from parley.extract.positions.sentences import _VERBAL


def _blocked(agents: Agents, node) -> bool:
    """Whether the clause above `node` is not where `node`'s content is stated."""
    head = node.head
    if head.i == node.i:
        return True
    if node.dep_ in {"nsubj", "csubj"} and head.lemma_ != "be":
        return True  # an issue in the subject is what the clause is about, not its content
    if node.dep_ in {"prep", "mark"} and agents.is_word(node, "background_markers"):
        return True
    if node.dep_ in {"advcl", "pcomp"} and any(
        c.dep_ in {"mark", "prep"} and agents.is_word(c, "background_markers") for c in node.children
    ):
        return True
    return False


def walk(agents: Agents, token):
    """(agent, node where it was found, path from `token` up to it). The lowest
    explicit agent wins; a pronoun's is kept in case nothing explicit is above it."""
    path, node, fallback = [token], token, None
    while True:
        agent = agents.agent_at(node)
        if agent is _NOT_AN_AGENT and not _reported(agents, node):
            break
        if agent is not None and (agent.sides or agent.how == "both_sides"):
            if not agent.tentative:
                return _demanded_of(agents, agent, node, path)
            fallback = fallback or (agent, node, list(path))
        if _blocked(agents, node):
            break
        node = node.head
        path.append(node)
    if fallback:
        return fallback
    return None, node, path


def _demanded_of(agents: Agents, agent: Agent, node, path):
    """"Hamas demanded (that) Israel agree to a truce": the position is the
    demander's; the side asked to act is not stating one."""
    head = node.head
    if node.dep_ == "ccomp" and head.i != node.i and head.pos_ in _VERBAL and any(
        m.kind == "demands" and m.strength == "explicit" for m in agents.book.find_stances([head])
    ):
        outer = agents.agent_at(head)
        # the demander may be a pronoun ("He insisted that the two parties honour it"): still
        # the one stating the position, rather than the parties asked to act
        if outer is not None and outer is not _NOT_AN_AGENT and outer.sides \
                and (not outer.tentative or agent.how == "both_sides") and set(outer.sides) != set(agent.sides):
            return outer, head, path + [head]
    return agent, node, path


def _reported(agents: Agents, node) -> bool:
    """Whether the clause at `node` is what a stance or speech verb above it says
    ("Israel insists that any deal must include ..."): its subject is then not the
    one taking the position."""
    head = node.head
    return node.dep_ in {"ccomp", "xcomp"} and head.i != node.i and head.pos_ in _VERBAL and (
        agents.is_word(head, "speech_verbs") or bool(agents.book.find_stances([head]))
    )


def speaker_of(agents: Agents, node) -> Agent | None:
    """The person or party whose words the clause at `node` reports."""
    seen = 0
    current = node
    while seen < 6:
        for child in current.children:
            if child.dep_ in {"parataxis", "ccomp"} and agents.is_word(child, "speech_verbs"):
                agent = agents.agent_at(child, inherit=False)
                if agent and agent.sides:
                    return Agent(agent.sides, _speaker_how(agent))
        if current.head.i == current.i:
            break
        if current.dep_ in {"ccomp", "parataxis", "conj"} and agents.is_word(current.head, "speech_verbs"):
            agent = agents.agent_at(current.head)
            if agent and agent.sides:
                return Agent(agent.sides, _speaker_how(agent))
        current = current.head
        seen += 1
    return None


def _speaker_how(agent: Agent) -> str:
    """A document "states" things too: keep saying so rather than calling it a speaker."""
    return "document" if agent.how == "document" else "speaker"


def reduced_relative(agents: Agents, noun, unit):
    """A clause telling a side's stance on `noun`: a relative clause ("the ceasefire which
    Israel rejected", "terms deemed unacceptable by Hamas") or, as taggers often
    misparse it, a side and a verb right after the noun ("an offer Hamas turned down",
    "the truce Israel says must come first"). Returns (agent, clause tokens)."""
    for child in noun.children:
        if child.dep_ in {"relcl", "acl"} and child.i > noun.i:
            agent = agents.agent_at(child, inherit=False)
            if agent and agent.sides and not agent.tentative:
                return agent, list(child.subtree)
    tokens = list(unit.span)
    at = noun.i - unit.span.start + 1
    while at < len(tokens) and tokens[at].dep_ == "det":
        at += 1
    start = at
    while at < len(tokens) and tokens[at].pos_ in {"PROPN", "NOUN", "ADJ"} and tokens[at].dep_ != "ROOT":
        at += 1
    if start == at or at >= len(tokens) or tokens[at].pos_ not in _VERBAL:
        return None
    parties = agents.parties_in(tokens[start:at])
    sides = tuple(parties) or tuple({agents.person_side(t) for t in tokens[start:at]} - {""})
    if len(sides) != 1:
        return None
    end = at
    while end < len(tokens) and tokens[end].text not in {",", ";", "\u2014", "\u2013", "-", ":"} and not (
        end > at and tokens[end].dep_ == "cc"
    ):
        end += 1
    return Agent(sides, "subject"), tokens[start:end]
