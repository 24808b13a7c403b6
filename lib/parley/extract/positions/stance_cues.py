"""Stance: which of a sentence's stance cues speaks for the side found, and whether a
negation turns it ("did not agree", "no limits on ...", "will not accept a ceasefire
without X"). The cue words are the codebook's (`data/codebook.yml`).
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.extract.positions.agents import Agent
from parley.extract.positions.sentences import _VERBAL, _anchor, _inside_clause, _negates
from parley.knowledge import codebook as codebook_module


@dataclass
class _StanceCue:
    stance: str
    strength: str
    anchor: object  # the token the cue belongs to in the parse
    tokens: tuple
    text: str


def stance_cues(book: codebook_module.Codebook, unit) -> list[_StanceCue]:
    return [_StanceCue(m.kind, m.strength, _anchor(m.tokens), m.tokens, m.cue.text) for m in book.find_judged_stances(unit.span)]


def choose_stance(cues, node, path, issue_tokens, own_cues: bool = False,
                   other_issues: frozenset = frozenset(), weak: bool = True,
                   emphasis: frozenset = frozenset()) -> _StanceCue | None:
    """The stance cue that speaks for the side found at `node` about the issue (a cue
    made of the issue's own words counts only when `own_cues`; a position noun heading
    another issue's words, `other_issues`, speaks for that issue only). A verb of
    `emphasis` at the side's node ("insisted it would never accept a truce") gives way to
    a cue between it and the issue: it says how firmly, the inner cue says what."""
    by_anchor: dict[int, list[_StanceCue]] = {}
    for cue in cues:
        by_anchor.setdefault(cue.anchor.i, []).append(cue)
    issue_ids = set() if own_cues else {t.i for t in issue_tokens}
    issue_at = min(t.i for t in issue_tokens)
    on_path_ids = {t.i for t in path}

    def at(token, strength):
        return [c for c in by_anchor.get(token.i, []) if c.strength == strength and not (set(t.i for t in c.tokens) & issue_ids)]

    def node_level(strength):
        found = at(node, strength)
        # a verb controlling this one: "refused to discuss", "agreed to exchange"
        controller = node
        # ... or an adjective: "reluctant to accept", "ready to discuss"
        while controller.dep_ == "xcomp" and controller.head.i != controller.i and controller.head.pos_ in _VERBAL | {"ADJ"}:
            controller = controller.head
            outer = at(controller, strength)
            if any(c.stance == "rejects" for c in outer):
                return [c for c in outer if c.stance == "rejects"]
            if found and all(c.stance == "agrees" for c in found) and any(c.stance == "proposes" for c in outer):
                # "ready to sign the agreement": an offer to agree, not an agreement
                found = [c for c in outer if c.stance == "proposes"]
            found = found or outer
        if node.pos_ in _VERBAL:
            for child in node.children:
                if child.dep_ in {"nsubj", "nsubjpass"}:
                    found += at(child, strength)
        else:
            for child in node.children:
                if child.dep_ in {"relcl", "acl"}:
                    found += at(child, strength)
        return found

    def on_path(strength):
        # a cue on a coordinated item belongs to that item alone ("no restrictions on X,
        # ... and reparations": the rejection is not the reparations')
        for step, (below, token) in enumerate(zip(path, path[1:-1])):
            if below.dep_ == "conj" and token.pos_ not in _VERBAL:
                continue
            found = at(token, strength)
            if found:
                above = path[step + 2]
                if token.dep_ == "dobj" and above.pos_ in _VERBAL and (answer := at(above, strength)):
                    return answer  # "said it accepted the proposal for a truce": the answer, not the proposal
                if token.dep_ in {"nsubj", "nsubjpass"} and above.pos_ in _VERBAL:
                    # "the ceasefire proposal was unacceptable": the verdict on the proposal
                    verdict = [c for child in above.children if child.dep_ in {"acomp", "attr"} for c in at(child, strength)]
                    if verdict:
                        return verdict
                return found
        return []

    def in_clause(strength):
        nouns = [c for c in cues if c.strength == strength and c.anchor.pos_ in {"NOUN", "PROPN"}
                 and c.anchor.i < issue_at and c.anchor.i not in on_path_ids and _inside_clause(c.anchor, node)
                 and not any(t.i in other_issues for t in c.anchor.subtree)]
        return sorted(nouns, key=lambda c: issue_at - c.anchor.i)

    for strength in ("explicit", "weak") if weak else ("explicit",):
        for finder in (node_level, on_path, in_clause):
            found = finder(strength)
            if found and finder is node_level and found[0].anchor.lemma_.lower() in emphasis:
                inner = on_path(strength)
                if inner:
                    return inner[0]
            if found:
                return found[0]
    return None


def _negated_phrase(book: codebook_module.Codebook, issue_tokens) -> bool:
    """A negator inside the issue's own noun phrase: "no restrictions on", "non-recognition
    of", "without ...". A negator on another coordinated item does not count."""
    if any(t.lower_ in book.negators for t in issue_tokens):
        return False  # the negation is the cue's own: "not to strike" is a truce, not its rejection
    negators = book.negators
    for token in issue_tokens:
        node, via_conj = token, False
        for _ in range(8):
            if not via_conj and _negates(node, negators):
                return True
            if node.pos_ in _VERBAL or node.head.i == node.i:
                break
            via_conj = node.dep_ == "conj"
            node = node.head
            if node.pos_ in _VERBAL:
                break
    return False


def negated_cue(book: codebook_module.Codebook, cue: _StanceCue) -> bool:
    """A stance verb negated ("did not agree") or under a negating word ("unlikely to accept")."""
    negators = book.negators
    anchor = cue.anchor
    if any(c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in negators) for c in anchor.children):
        return True
    head = anchor.head
    return anchor.dep_ == "xcomp" and head.lemma_.lower() in negators


def final_stance(book: codebook_module.Codebook, cue: _StanceCue | None, agent: Agent, issue_tokens,
                 contrary: bool = False) -> tuple[str, str]:
    """The stance `cue` gives `agent` on the issue of `issue_tokens`; a negated issue phrase
    ("no limits on ...") or one stating the issue's opposite (`contrary`: "resume fighting")
    makes it a rejection, or a condition where the cue is negated too."""
    if contrary:
        said = "proposes" if cue is None else book.negation_flips.get(cue.stance, "rejects") if negated_cue(book, cue) else cue.stance
        return on_the_contrary(said, issue_tokens), cue.text if cue else ""
    if _negated_phrase(book, issue_tokens):
        if cue is not None and negated_cue(book, cue):
            return "demands", cue.text  # "will not accept a ceasefire without X": X is a condition
        return "rejects", cue.text if cue else ""
    if cue is None:
        if agent.how == "document":
            return book.document_default_stance, ""
        return "", ""
    stance = cue.stance
    if negated_cue(book, cue):
        stance = book.negation_flips.get(stance, "rejects")
    return stance, cue.text


def on_the_contrary(said: str, contrary_tokens) -> str:
    """The stance on an issue of a side that takes stance `said` on its opposite: vowing to
    "resume fighting" rejects a ceasefire, refusing to "continue the war" proposes one; an
    opposite denied ("would not resume fighting") is the issue itself."""
    if any(c.dep_ == "neg" for t in contrary_tokens for c in t.children):
        return said
    return "proposes" if said == "rejects" else "rejects"


def clause_stance(book: codebook_module.Codebook, clause_tokens, cues) -> tuple[str, str]:
    ids = {t.i for t in clause_tokens}
    inside = [c for c in cues if c.strength == "explicit" and all(t.i in ids for t in c.tokens)]
    if not inside:
        return "", ""
    cue = inside[0]
    stance = cue.stance
    before = [t for t in clause_tokens if t.i < cue.tokens[0].i]
    if any(t.lower_ in book.negators or t.lemma_.lower() in book.negators or t.dep_ == "neg" for t in before) \
            or negated_cue(book, cue):
        stance = book.negation_flips.get(stance, "rejects")
    return stance, cue.text
