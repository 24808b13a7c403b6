"""Positions: which side demands, proposes, rejects or agrees to what, issue by issue.

For every issue cue of the codebook found in an article, `extract_positions` asks who
holds a position on it and which one, reading the dependency parse upwards from the
issue phrase:

- the **subject** of the clause the issue sits in ("Israel demanded the release of all
  detainees"), inherited along coordinated and controlled verbs ("Hamas went on to
  insist on ...");
- a **possessive** or adjective on a position noun ("Hamas's plan includes", "the
  Israeli draft, which calls for");
- the **document** last mentioned with its side, when the text describes a document
  rather than a party ("Under the draft, there would be ...", "It also says ...",
  "Its main goals include ...");
- a bulleted **list** introduced by a sentence ending in ":" takes that sentence's side
  and stance;
- a joint subject ("the two sides", "both parties") that **agrees** gives a row for each
  of the article's two main parties, as does an agreement the talks ended in;
- otherwise a **speaker**: "..., the minister said" (people's sides come from `people_rows`).

The stance is the cue word closest in the parse to where the side was found (the verb
of the side, then the words between it and the issue, then position nouns of the
clause); a negated issue phrase ("no limits on ... army", "non-recognition of ...
annexation") is a rejection. A clause that refers back to a position ("an offer the
other side turned down", "terms Israel called unacceptable") gives the other side's
answer to the issues stated before it.

Only sentences with a side and a stance word give rows: an issue merely mentioned
("shelling along the border") is not a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from parley import nlp
from parley.knowledge import codebook as codebook_module
from parley.knowledge.sides import NO_PARTY, find_parties, party_of
from parley.text import fold, paragraph_spans

_BULLET = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2219*\-\u2013\u2014]|\d{1,2}[.)]|[a-z][.)])\s+")
_VERBAL = {"VERB", "AUX"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Dependency labels that stay inside one noun phrase.
_NP_DEPS = {"compound", "amod", "nmod", "poss", "det", "nummod", "case", "flat", "quantmod"}
# Function words that point at the word they modify: a cue on them belongs to their head.
_FUNCTION_DEPS = {"aux", "auxpass", "advmod", "neg", "mark", "prt", "prep", "det", "cc", "case", "punct", "agent"}
_RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
_DEMONSTRATIVES = {"this", "that", "these", "those", "there"}
_THING_PRONOUNS = {"it", "its"}
_PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
_MAX_QUOTE_TOKENS = 30


# --- the article's people and parties --------------------------------------------------


def _person_index(people_rows) -> dict[str, str]:
    """Folded surname (and full name) -> canonical side, for people whose side is known
    and unambiguous in this article."""
    sides: dict[str, set[str]] = {}
    for row in people_rows or []:
        side = party_of(str(row.get("side") or "")) or str(row.get("side") or "")
        if not side or side == "nan":
            continue
        names = [row.get("name"), row.get("surface")] + str(row.get("surfaces") or "").split("|")
        for name in names:
            if not name or not isinstance(name, str):
                continue
            words = [w for w in re.split(r"[^\w'-]+", fold(name)) if w]
            for key in {fold(name), words[-1] if words else ""} - {""}:
                sides.setdefault(key, set()).add(side)
    return {key: next(iter(s)) for key, s in sides.items() if len(s) == 1}


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?$", re.I)


def main_parties(text: str) -> tuple[str, ...]:
    """The two parties the article names most (ties: the one named first). A place where
    something happens ("met in Cairo") is not a mention of a party to the talks."""
    counts: dict[str, list[int]] = {}
    for mention in find_parties(text):
        if _LOCATIVE.search(text[max(0, mention.start - 12): mention.start]):
            continue
        counts.setdefault(mention.party, [0, mention.start])[0] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return tuple(sorted(p for p, _ in ranked[:2]))


# --- units of text ---------------------------------------------------------------------


@dataclass
class _Unit:
    """A sentence within one paragraph; `offset` maps its doc's char offsets to the body."""

    span: object  # spaCy Span
    offset: int
    paragraph: int

    def chars(self, tokens) -> tuple[int, int]:
        tokens = list(tokens)
        return self.offset + tokens[0].idx, self.offset + tokens[-1].idx + len(tokens[-1].text)


def _paragraph_of(bounds, offset: int) -> int:
    for index, (start, end) in enumerate(bounds):
        if start <= offset <= end:
            return index
    return len(bounds) - 1


def _units(doc, body: str, bounds) -> list[_Unit]:
    """The doc's sentences, re-parsed paragraph by paragraph where one runs across a
    paragraph break (headings and bullet items glued to the next sentence parse badly)."""
    units = []
    for sent in doc.sents:
        if "\n\n" not in body[sent.start_char:sent.end_char].strip():
            if sent.text.strip():
                units.append(_Unit(sent, 0, _paragraph_of(bounds, sent.start_char)))
            continue
        for p_start, p_end in bounds:
            start, end = max(p_start, sent.start_char), min(p_end, sent.end_char)
            piece = body[start:end]
            if not piece.strip():
                continue
            for sub in nlp.parse(piece).sents:
                if sub.text.strip():
                    units.append(_Unit(sub, start, _paragraph_of(bounds, start)))
    return units


# --- agents: who holds a position ------------------------------------------------------


@dataclass(frozen=True)
class Agent:
    sides: tuple[str, ...]
    how: str  # subject, possessive, document, both_sides, speaker, list
    tentative: bool = False  # from a pronoun: used only when nothing explicit is found


_NOT_AN_AGENT = Agent((), "none")  # a subject that is no party: the clause speaks for nobody


@dataclass
class _Position:
    sides: tuple[str, ...]
    issue: str
    stance: str
    how: str
    span: tuple[int, int]  # body offsets
    cue: str
    stance_cue: str


@dataclass
class _StanceCue:
    stance: str
    strength: str
    anchor: object  # the token the cue belongs to in the parse
    tokens: tuple
    text: str


@dataclass
class _Reader:
    article: object
    book: codebook_module.Codebook
    people: dict[str, str]
    parties: tuple[str, ...]
    document_side: str = ""
    salient: Agent | None = None
    last_person_side: str = ""
    list_intros: dict[int, tuple] = field(default_factory=dict)
    terms_intros: set[int] = field(default_factory=set)

    # --- words ----------------------------------------------------------------------

    def _is(self, token, key: str) -> bool:
        return token.lemma_.lower() in self.book.words(key) or token.lower_ in self.book.words(key)

    def _person_side(self, token) -> str:
        return self.people.get(fold(token.text), "")

    # --- noun phrases ----------------------------------------------------------------

    def _core(self, token) -> list:
        """The noun phrase around `token`: its modifiers, coordinated heads and an of/from
        phrase, but no clauses."""
        core, todo = [], [token]
        while todo:
            t = todo.pop()
            if t in core:
                continue
            core.append(t)
            for child in t.children:
                if child.dep_ in _NP_DEPS or child.dep_ in {"conj", "cc", "appos"}:
                    todo.append(child)
                elif child.dep_ == "prep" and child.lower_ in {"of", "from"} and t.i == token.i:
                    todo.extend(c for c in child.children if c.dep_ == "pobj")
        return sorted(core, key=lambda t: t.i)

    def _parties_in(self, tokens) -> list[str]:
        """Parties named in `tokens`, in text order: the first of each run of words and any
        coordinated with it."""
        runs, run = [], []
        for t in tokens:
            if run and t.i != run[-1].i + 1:
                runs.append(run)
                run = []
            run.append(t)
        if run:
            runs.append(run)
        found = []
        for run in runs:
            text = run[0].doc.text[run[0].idx: run[-1].idx + len(run[-1].text)]
            mentions = find_parties(text)
            for index, mention in enumerate(mentions):
                # "Ukrainian and Russian delegations" names two; "Russian U.N. envoy" one
                between = text[mentions[index - 1].end: mention.start] if index else ""
                if index and not re.search(r"\band\b|,|&", between):
                    break
                if mention.party not in found:
                    found.append(mention.party)
        return found

    def _owner(self, noun) -> str:
        """The side a position noun belongs to: "Israel's plan", "the Egyptian draft",
        "a text from the Qatari side"."""
        for child in noun.children:
            if child.dep_ == "poss":
                agent = self._resolve(child)
                if agent and agent.sides and not agent.tentative:
                    return agent.sides[0]
            if child.dep_ in {"amod", "compound", "nmod"}:
                side = party_of(child.text)
                if side and side != NO_PARTY:
                    return side
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"of", "from", "by"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        parties = self._parties_in(self._core(pobj))
                        if parties:
                            return parties[0]
        return ""

    def _pronoun_owner(self, noun) -> Agent | None:
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ in _THING_PRONOUNS | _PERSON_PRONOUNS | {"their"}:
                return self._resolve(child)
        return None

    # --- resolving a subject to a side -------------------------------------------------

    def _resolve(self, token) -> Agent | None:
        """The side a subject (or possessor) stands for; `_NOT_AN_AGENT` for a subject that
        is no party, None for a pronoun that cannot be resolved."""
        lower = token.lower_
        if lower in _RELATIVE_PRONOUNS and token.head.dep_ in {"relcl", "acl"}:
            return self._resolve(token.head.head)
        if lower in _THING_PRONOUNS:
            return self._it(token)
        if lower in _PERSON_PRONOUNS:
            return self._him(token)
        if token.pos_ == "PRON" and lower in _DEMONSTRATIVES:
            return _NOT_AN_AGENT
        if token.pos_ == "PRON":
            return None
        core = self._core(token)
        if self.book.phrase_at("joint_subjects", [t for t in core if t.i <= token.i]):
            return Agent((), "both_sides")
        for t in core:
            side = self._person_side(t)
            if side:
                return Agent((side,), "speaker")  # a person speaks for their side
        parties = self._parties_in(core)
        if parties:
            how = "possessive" if any(c.dep_ == "poss" and party_of(c.text) for c in token.children) else "subject"
            return Agent(tuple(parties), how)
        if self._is(token, "non_agents"):
            return _NOT_AN_AGENT
        if self._is(token, "document_nouns") or self._is(token, "document_parts"):
            owner = self._owner(token)
            if owner:
                return Agent((owner,), "possessive")
            pronoun = self._pronoun_owner(token)
            if pronoun and pronoun.sides:
                return Agent(pronoun.sides, "possessive", tentative=True)
            if self.document_side:
                return Agent((self.document_side,), "document")
        return _NOT_AN_AGENT

    def _it(self, token) -> Agent | None:
        """"it"/"its": the nearest party or document subject before it in the sentence,
        else what the previous sentence was about."""
        for t in reversed(list(token.sent)[: token.i - token.sent.start]):
            if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ not in _THING_PRONOUNS | _RELATIVE_PRONOUNS:
                agent = self._resolve(t)
                if agent and agent.sides:
                    return Agent(agent.sides, agent.how, tentative=True)
        if self.salient and self.salient.sides:
            return Agent(self.salient.sides, self.salient.how, tentative=True)
        return None

    def _him(self, token) -> Agent | None:
        """"he"/"she": the nearest person with a known side before it, in this sentence or
        the ones before."""
        for t in reversed(list(token.sent)[: token.i - token.sent.start]):
            side = self._person_side(t)
            if side:
                return Agent((side,), "speaker", tentative=True)
        if self.last_person_side:
            return Agent((self.last_person_side,), "speaker", tentative=True)
        return None

    def remember_sentence(self, unit) -> None:
        """What "it" and "he"/"she" may refer to in the next sentence: the side the sentence
        was about (its main clause's) and the last person with a known side."""
        agent = self._agent_at(unit.span.root)
        explicit = agent is not None and bool(agent.sides) and not agent.tentative
        self.salient = agent if explicit else None
        for token in unit.span:
            side = self._person_side(token)
            if side:
                self.last_person_side = side

    def _agent_at(self, node, inherit: bool = True, controller: bool = False) -> Agent | None:
        """Who speaks at `node`: a verb's subject (or its `by` agent, or an "according to"
        source), a position noun's owner. `controller`: `node` is asked for the subject of a
        verb it controls ("the delegation is expected to present"), so a passive subject counts."""
        if node.pos_ in _VERBAL:
            subject_deps = {"nsubj", "csubj", "nsubjpass"} if controller else {"nsubj", "csubj"}
            subject = next((c for c in node.children if c.dep_ in subject_deps), None)
            if subject is not None:
                return self._resolve(subject)
            for child in node.children:
                if child.dep_ == "agent":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        agent = self._resolve(pobj)
                        if agent and agent.sides:
                            return agent
            source = self._according_to(node)
            if source:
                return source
            controlled = node.dep_ in {"conj", "xcomp"} or (
                node.dep_ in {"advcl", "pcomp"} and node.tag_ == "VBG" and not any(c.dep_ == "mark" for c in node.children)
            )
            object_control = node.dep_ == "xcomp" and any(c.dep_ in {"dobj", "dative"} for c in node.head.children)
            if inherit and controlled and not object_control and node.head.i != node.i and node.head.pos_ in _VERBAL:
                return self._agent_at(node.head, controller=node.dep_ == "xcomp")
            return None
        if node.dep_ == "ROOT":
            # a verbless sentence, often a verb mis-tagged as a noun ("The draft envisions ...")
            for child in node.children:
                if child.dep_ in {"compound", "nsubj"} and child.i < node.i:
                    agent = self._resolve(child)
                    if agent and agent is not _NOT_AN_AGENT and agent.sides:
                        return agent
        if self._is(node, "document_nouns") or self._stance_noun(node):
            owner = self._owner(node)
            if owner:
                return Agent((owner,), "possessive")
            pronoun = self._pronoun_owner(node)
            if pronoun and pronoun.sides:
                return Agent(pronoun.sides, "possessive", tentative=True)
        return None

    def _according_to(self, verb) -> Agent | None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            agent = self._resolve(pobj)
                            if agent and agent.sides:
                                return agent
        return None

    def _stance_noun(self, token) -> bool:
        return token.pos_ in {"NOUN", "PROPN"} and bool(self.book.find_stances([token]))

    # --- walking up the parse -------------------------------------------------------------

    def _blocked(self, node) -> bool:
        """Whether the clause above `node` is not where `node`'s content is stated."""
        head = node.head
        if head.i == node.i:
            return True
        if node.dep_ in {"nsubj", "csubj"} and head.lemma_ != "be":
            return True  # an issue in the subject is what the clause is about, not its content
        if node.dep_ in {"prep", "mark"} and self._is(node, "background_markers"):
            return True
        if node.dep_ in {"advcl", "pcomp"} and any(
            c.dep_ in {"mark", "prep"} and self._is(c, "background_markers") for c in node.children
        ):
            return True
        return False

    def _walk(self, token):
        """(agent, node where it was found, path from `token` up to it). The lowest
        explicit agent wins; a pronoun's is kept in case nothing explicit is above it."""
        path, node, fallback = [token], token, None
        while True:
            agent = self._agent_at(node)
            if agent is _NOT_AN_AGENT and not self._reported(node):
                break
            if agent is not None and (agent.sides or agent.how == "both_sides"):
                if not agent.tentative:
                    return self._demanded_of(agent, node, path)
                fallback = fallback or (agent, node, list(path))
            if self._blocked(node):
                break
            node = node.head
            path.append(node)
        if fallback:
            return fallback
        return None, node, path

    def _demanded_of(self, agent: Agent, node, path):
        """"Hamas demanded (that) Israel agree to a truce": the position is the
        demander's; the side asked to act is not stating one."""
        head = node.head
        if node.dep_ == "ccomp" and head.i != node.i and head.pos_ in _VERBAL and any(
            m.kind == "demands" and m.strength == "explicit" for m in self.book.find_stances([head])
        ):
            outer = self._agent_at(head)
            if outer is not None and outer is not _NOT_AN_AGENT and outer.sides and not outer.tentative \
                    and set(outer.sides) != set(agent.sides):
                return outer, head, path + [head]
        return agent, node, path

    def _reported(self, node) -> bool:
        """Whether the clause at `node` is what a stance or speech verb above it says
        ("Israel insists that any deal must include ..."): its subject is then not the
        one taking the position."""
        head = node.head
        return node.dep_ in {"ccomp", "xcomp"} and head.i != node.i and head.pos_ in _VERBAL and (
            self._is(head, "speech_verbs") or bool(self.book.find_stances([head]))
        )

    def _speaker(self, node) -> Agent | None:
        """The person or party whose words the clause at `node` reports."""
        seen = 0
        current = node
        while seen < 6:
            for child in current.children:
                if child.dep_ in {"parataxis", "ccomp"} and self._is(child, "speech_verbs"):
                    agent = self._agent_at(child, inherit=False)
                    if agent and agent.sides:
                        return Agent(agent.sides, _speaker_how(agent))
            if current.head.i == current.i:
                break
            if current.dep_ in {"ccomp", "parataxis", "conj"} and self._is(current.head, "speech_verbs"):
                agent = self._agent_at(current.head)
                if agent and agent.sides:
                    return Agent(agent.sides, _speaker_how(agent))
            current = current.head
            seen += 1
        return None

    # --- stance ------------------------------------------------------------------------------

    def stance_cues(self, unit) -> list[_StanceCue]:
        cues = []
        for m in self.book.find_stances(unit.span):
            cues.append(_StanceCue(m.kind, m.strength, _anchor(m.tokens), m.tokens, m.cue.text))
        return cues

    def _choose_stance(self, cues, node, path, issue_tokens, own_cues: bool = False,
                       other_issues: frozenset = frozenset(), weak: bool = True) -> _StanceCue | None:
        """The stance cue that speaks for the side found at `node` about the issue (a cue
        made of the issue's own words counts only when `own_cues`; a position noun heading
        another issue's words, `other_issues`, speaks for that issue only)."""
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
            while controller.dep_ == "xcomp" and controller.head.i != controller.i and controller.head.pos_ in _VERBAL:
                controller = controller.head
                outer = at(controller, strength)
                if any(c.stance == "rejects" for c in outer):
                    return [c for c in outer if c.stance == "rejects"]
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
            for below, token in zip(path, path[1:-1]):
                if below.dep_ == "conj" and token.pos_ not in _VERBAL:
                    continue
                found = at(token, strength)
                if found:
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
                if found:
                    return found[0]
        return None

    def _negated_phrase(self, issue_tokens) -> bool:
        """A negator inside the issue's own noun phrase: "no restrictions on", "non-recognition
        of", "without ...". A negator on another coordinated item does not count."""
        negators = self.book.negators
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

    def _negated_cue(self, cue: _StanceCue) -> bool:
        """A stance verb negated ("did not agree") or under a negating word ("unlikely to accept")."""
        negators = self.book.negators
        anchor = cue.anchor
        if any(c.dep_ == "neg" or (c.dep_ in {"advmod", "det"} and c.lower_ in negators) for c in anchor.children):
            return True
        head = anchor.head
        return anchor.dep_ == "xcomp" and head.lemma_.lower() in negators

    def _final_stance(self, cue: _StanceCue | None, agent: Agent, issue_tokens) -> tuple[str, str]:
        if self._negated_phrase(issue_tokens):
            if cue is not None and self._negated_cue(cue):
                return "demands", cue.text  # "will not accept a ceasefire without X": X is a condition
            return "rejects", cue.text if cue else ""
        if cue is None:
            if agent.how == "document":
                return self.book.document_default_stance, ""
            return "", ""
        stance = cue.stance
        if self._negated_cue(cue):
            stance = self.book.negation_flips.get(stance, "rejects")
        return stance, cue.text

    # --- document memory ---------------------------------------------------------------------

    def remember_documents(self, unit) -> None:
        """The side of every document named with its owner, the last one kept."""
        for token in unit.span:
            if not self._is(token, "document_nouns") or token.pos_ not in {"NOUN", "PROPN"}:
                continue
            owner = self._owner(token)
            if not owner and token.dep_ in {"dobj", "pobj"}:
                verb = token.head if token.dep_ == "dobj" else token.head.head
                if verb.pos_ in _VERBAL and self._is(verb, "document_giving_verbs"):
                    agent = self._agent_at(verb)
                    if agent and agent.sides and not agent.tentative:
                        owner = agent.sides[0]
            if owner:
                self.document_side = owner

    # --- one issue mention -------------------------------------------------------------------

    def _joint(self, agent: Agent, stance: str, node) -> Agent:
        """Both main parties when a joint subject agrees; else whoever reports it."""
        if stance == "agrees":
            return Agent(self.parties, "both_sides")
        speaker = self._speaker(node)
        return speaker or Agent(self.parties, "both_sides")

    def _agreement_outcome(self, path, cues) -> _StanceCue | None:
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
            if self._is(verb, "agreement_outcome_verbs") and not self._irrealis(verb):
                return cue
        return None

    def _irrealis(self, verb) -> bool:
        node = verb
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might", "should"} for c in node.children):
                return True
            if node.head.i == node.i:
                return False
            if self._is(node.head, "irrealis_heads"):
                return True
            node = node.head
        return False

    def _reduced_relative(self, noun, unit):
        """A clause telling a side's stance on `noun`: a relative clause ("the ceasefire which
        Israel rejected", "terms deemed unacceptable by Hamas") or, as taggers often
        misparse it, a side and a verb right after the noun ("an offer Hamas turned down",
        "the truce Israel says must come first"). Returns (agent, clause tokens)."""
        for child in noun.children:
            if child.dep_ in {"relcl", "acl"} and child.i > noun.i:
                agent = self._agent_at(child, inherit=False)
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
        parties = self._parties_in(tokens[start:at])
        sides = tuple(parties) or tuple({self._person_side(t) for t in tokens[start:at]} - {""})
        if len(sides) != 1:
            return None
        end = at
        while end < len(tokens) and tokens[end].text not in {",", ";", "\u2014", "\u2013", "-", ":"} and not (
            end > at and tokens[end].dep_ == "cc"
        ):
            end += 1
        return Agent(sides, "subject"), tokens[start:end]

    def _clause_stance(self, clause_tokens, cues) -> tuple[str, str]:
        ids = {t.i for t in clause_tokens}
        inside = [c for c in cues if c.strength == "explicit" and all(t.i in ids for t in c.tokens)]
        if not inside:
            return "", ""
        cue = inside[0]
        stance = cue.stance
        before = [t for t in clause_tokens if t.i < cue.tokens[0].i]
        if any(t.lower_ in self.book.negators or t.lemma_.lower() in self.book.negators or t.dep_ == "neg" for t in before) \
                or self._negated_cue(cue):
            stance = self.book.negation_flips.get(stance, "rejects")
        return stance, cue.text

    def positions_of(self, match, unit, cues, issue_ids: frozenset = frozenset()) -> list[_Position]:
        """The positions stated about one issue mention: the side whose clause it is in,
        and a side answering it in a relative clause ("a truce, which Israel rejected")."""
        issue_tokens = list(match.tokens)
        head = _head_of(issue_tokens)
        span = unit.chars(_phrase(head, issue_tokens))
        found = []
        # a relative clause on the issue noun itself: "the truce Israel says must come first"
        if head.pos_ in {"NOUN", "PROPN"}:
            relative = self._reduced_relative(head, unit)
            if relative:
                agent, clause = relative
                stance, cue_text = self._clause_stance(clause, cues)
                if stance:
                    found.append(_Position(agent.sides, match.kind, stance, agent.how, span, match.cue.text, cue_text))
        position = self._position_in_clause(match, issue_tokens, head, span, cues, issue_ids)
        for candidate in position:
            if not any(set(p.sides) & set(candidate.sides) for p in found):
                found.append(candidate)
        return found

    def _position_in_clause(self, match, issue_tokens, head, span, cues, issue_ids) -> list[_Position]:
        agent, node, path = self._walk(head)
        # an agreement the talks ended in binds both sides, whoever reports it
        outcome = self._agreement_outcome(path, cues)
        if outcome is not None and self.parties:
            return [_Position(self.parties, match.kind, "agrees", "both_sides", span, match.cue.text, outcome.text)]
        if agent is None:
            speaker = self._speaker(node)
            if speaker is None:
                return []
            agent = speaker
        others = issue_ids - {t.i for t in issue_tokens}
        # what a document says without a stance word is its default stance, not a weak cue's
        cue = self._choose_stance(cues, node, path, issue_tokens, other_issues=others, weak=agent.how != "document")
        stance, cue_text = self._final_stance(cue, agent, issue_tokens)
        if not stance:
            return []
        if agent.how == "both_sides" and not agent.sides:
            agent = self._joint(agent, stance, node)
        if cue is not None and cue.tokens[0].tag_ == "MD" and agent.how != "both_sides":
            # "Hamas says Israel must pay for reconstruction": the obligation is the speaker's demand
            speaker = self._speaker(node)
            if speaker is not None and set(speaker.sides) != set(agent.sides):
                agent = speaker
        if not agent.sides:
            return []
        found = [_Position(agent.sides, match.kind, stance, agent.how, span, match.cue.text, cue_text)]
        answer = self._answer_to_owner(node, agent, cues)
        if answer:
            other, other_stance, other_cue = answer
            found.append(_Position(other.sides, match.kind, other_stance, other.how, span, match.cue.text, other_cue))
        return found

    def _answer_to_owner(self, node, agent: Agent, cues):
        """"Israel rejected a Hamas proposal for a truce": the proposal is Hamas's,
        the rejection Israel's. (agent, stance, cue) of the verb's subject, or None."""
        if agent.how != "possessive" or node.pos_ not in {"NOUN", "PROPN"} or node.dep_ not in {"dobj", "nsubjpass"}:
            return None
        verb = node.head
        other = self._agent_at(verb)
        if other is None or other is _NOT_AN_AGENT or not other.sides or other.tentative or set(other.sides) & set(agent.sides):
            return None
        chosen = [c for c in cues if c.strength == "explicit" and c.anchor.i == verb.i]
        if not chosen:
            return None
        cue = chosen[0]
        stance = self.book.negation_flips.get(cue.stance, "rejects") if self._negated_cue(cue) else cue.stance
        return other, stance, cue.text

    def answers(self, unit, cues, stated: list[_Position], previous: list[_Position] = ()) -> list[_Position]:
        """Positions taken on a position just stated: "an offer Hamas turned down",
        "terms deemed unacceptable by Israel", or in the next sentence "Israel called the
        demand unacceptable" (a noun referring back: with "the", "this", a possessive)."""
        found = []
        for token in unit.span:
            if token.pos_ not in {"NOUN", "PROPN"} or not self._is(token, "anaphoric_stance_nouns"):
                continue
            answer = self._relative_answer(token, unit, cues) or self._verb_answer(token, unit, cues)
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
                found.append(_Position(agent.sides, issue, stance, agent.how, span, position.cue, cue_text))
        return found

    def _relative_answer(self, token, unit, cues):
        """"an offer Hamas turned down": (agent, stance, cue, span) or None."""
        relative = self._reduced_relative(token, unit)
        if not relative:
            return None
        agent, clause = relative
        stance, cue_text = self._clause_stance(clause, cues)
        if not stance:
            return None
        span = unit.chars(sorted([token] + clause, key=lambda t: t.i))
        return agent, stance, cue_text, (min(span[0], unit.chars([token])[0]), span[1])

    def _verb_answer(self, token, unit, cues):
        """"Israel rejected the proposal", "Hamas called the demand unacceptable"."""
        if token.dep_ not in {"dobj", "nsubjpass"} or not _refers_back(token):
            return None
        verb = token.head
        if verb.pos_ not in _VERBAL:
            return None
        agent = self._agent_at(verb)
        if agent is None or agent is _NOT_AN_AGENT or not agent.sides or agent.tentative:
            return None
        candidates = [verb] + [c for c in verb.children if c.dep_ in {"oprd", "acomp", "xcomp", "ccomp"}]
        ids = {t.i for t in candidates}
        chosen = [c for c in cues if c.strength == "explicit" and c.anchor.i in ids]
        if not chosen:
            return None
        cue = chosen[0]
        stance = self.book.negation_flips.get(cue.stance, "rejects") if self._negated_cue(cue) else cue.stance
        tokens = sorted([verb, token] + [t for c in candidates for t in c.subtree if c.i != verb.i], key=lambda t: t.i)
        return agent, stance, cue.text, unit.chars(tokens)

    def list_intro(self, unit, cues):
        """The side and stance a sentence ending in ":" gives the items listed after it."""
        words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
        if not words:
            return None
        last = words[-1]
        agent, node, path = self._walk(last)
        if agent is None or not agent.sides:
            return None
        cue = self._choose_stance(cues, node, path, [last], own_cues=True)
        if cue is None and agent.how != "document":
            return None
        stance = cue.stance if cue else self.book.document_default_stance
        return agent, stance, cue.text if cue else ""

    def introduces_terms(self, unit) -> bool:
        """"Under the agreement signed on Thursday:", "What the two sides signed up to:"."""
        return any(self._is(t, "agreement_nouns") or self._is(t, "agreement_outcome_verbs") for t in unit.span)

    def terms_item(self, unit, issues) -> list[_Position]:
        """One term of an agreement: every party the item makes a subject agrees to it,
        on the issues it names ("other" for none)."""
        sides: list[str] = []
        for token in unit.span:
            if token.dep_ not in _SUBJECT_DEPS:
                continue
            agent = self._resolve(token)
            if agent is None or agent.tentative:
                continue
            for side in self.parties if agent.how == "both_sides" else agent.sides:
                if side and side != NO_PARTY and side not in sides:
                    sides.append(side)
        words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
        if not sides:
            sides = self._opening_parties(words)
        if not sides or not words:
            return []
        span = unit.chars(words)
        named = [(m.kind, m.cue.text) for m in issues] or [("other", "")]
        return [_Position(tuple(sides), issue, "agrees", "terms", span, cue, "") for issue, cue in dict.fromkeys(named)]

    def _opening_parties(self, words) -> list[str]:
        """The parties an item opens with, before its first verb: a list marker ahead of
        "Azerbaijan will ..." can leave the parse without a subject."""
        opening = []
        for token in words:
            if token.pos_ in _VERBAL:
                break
            opening.append(token)
        if self.book.phrase_at("joint_subjects", opening):
            return list(self.parties)
        return [p for p in self._parties_in(opening) if p != NO_PARTY]


# --- parse helpers ---------------------------------------------------------------------


def _refers_back(noun) -> bool:
    """"the demand", "this proposal", "Israel's terms": a noun naming a position already stated."""
    return any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an", "any", "no"} for c in noun.children)


def _speaker_how(agent: Agent) -> str:
    """A document "states" things too: keep saying so rather than calling it a speaker."""
    return "document" if agent.how == "document" else "speaker"


def _anchor(tokens):
    """The token a multi-word cue hangs from: the last content word whose head lies outside
    the cue, a function word standing for its head ("should" -> the verb it modifies)."""
    ids = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    content = [t for t in outside if t.dep_ not in _FUNCTION_DEPS]
    anchor = content[-1] if content else outside[0] if outside else tokens[0]
    for _ in range(3):
        if (anchor.dep_ in _FUNCTION_DEPS or anchor.dep_ == "compound") and anchor.head.i != anchor.i:
            anchor = anchor.head
        else:
            break
    return anchor


def _head_of(tokens):
    ids = {t.i for t in tokens}
    for t in tokens:
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return tokens[0]


def _negates(token, negators) -> bool:
    if token.lower_ in negators or token.lemma_.lower() in negators:
        return token.dep_ not in {"conj"} or token.pos_ != "ADJ"
    if token.lower_.startswith("non-"):
        return True
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "non":
        return True
    return any(c.dep_ in {"det", "neg", "advmod", "amod", "preconj"} and c.lower_ in negators for c in token.children)


def _inside_clause(token, clause_head) -> bool:
    """Whether `token` belongs to `clause_head`'s clause, not to a clause with its own subject."""
    node = token
    for _ in range(20):
        if node.i == clause_head.i:
            return True
        if node.pos_ in _VERBAL and node.i != token.i and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            return False
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _phrase(head, issue_tokens) -> list:
    """The noun phrase that states the issue ("the release of all detainees"), without
    the items coordinated with it; the issue words alone when that would be too long."""
    top = node = head
    for _ in range(6):
        if node.dep_ in {"pobj", "prep", "compound", "amod", "nmod", "poss", "case"} and node.head.i != node.i \
                and node.head.pos_ in {"NOUN", "PROPN", "ADP", "ADJ"}:
            node = node.head
            if node.pos_ != "ADP":
                top = node
        else:
            break
    excluded = set()
    for child in top.children:
        if child.dep_ in {"conj", "cc"} or (child.dep_ == "punct" and child.i > head.i):
            excluded |= {t.i for t in child.subtree}
    kept = {t.i for t in top.subtree if t.i not in excluded}
    first, last = min(t.i for t in issue_tokens), max(t.i for t in issue_tokens)
    lo, hi = first, last
    while lo - 1 in kept:
        lo -= 1
    while hi + 1 in kept:
        hi += 1
    doc = head.doc
    chosen = list(doc[lo:hi + 1])
    while chosen and (chosen[-1].is_punct or chosen[-1].is_space or chosen[-1].dep_ == "cc"):
        chosen.pop()
    while chosen and (chosen[0].is_punct or chosen[0].is_space):
        chosen.pop(0)
    if not chosen or len(chosen) > _MAX_QUOTE_TOKENS or not (chosen[0].i <= first and chosen[-1].i >= last):
        sent = head.sent
        lo, hi = max(sent.start, first - 4), min(sent.end, last + 5)
        chosen = [t for t in doc[lo:hi] if not t.is_space]
    return chosen


# --- the public function ---------------------------------------------------------------


def extract_positions(article, doc, people_rows=None, book: codebook_module.Codebook | None = None) -> list[dict]:
    """Rows of positions.csv for one article: doc_id, side, issue, stance, start, end, quote,
    and how they were found: cue (the issue words), stance_cue, attribution."""
    book = book or codebook_module.load()
    body = article.body
    bounds = paragraph_spans(body)
    reader = _Reader(article, book, _person_index(people_rows), main_parties(body))
    paragraph_texts = [body[s:e] for s, e in bounds]
    bullets = {i for i, text in enumerate(paragraph_texts) if _BULLET.match(text)}
    found: list[_Position] = []
    previous: list[_Position] = []  # what the last sentence with positions stated, for "the demand" in the next
    units = _units(doc, body, bounds)
    for unit in units:
        reader.remember_documents(unit)
        cues = reader.stance_cues(unit)
        issues = book.find_issues(unit.span)
        if unit.paragraph in bullets:
            found += _list_items(reader, unit, issues, bullets)
        else:
            issue_ids = frozenset(t.i for m in issues for t in m.tokens)
            stated = [p for m in issues for p in reader.positions_of(m, unit, cues, issue_ids)]
            found += stated + reader.answers(unit, cues, stated, previous)
            previous = stated or previous
            if paragraph_texts[unit.paragraph].rstrip().endswith(":") and unit.span.text.rstrip().endswith(":"):
                intro = reader.list_intro(unit, cues)
                if intro:
                    reader.list_intros[unit.paragraph] = intro
                elif reader.introduces_terms(unit):
                    reader.terms_intros.add(unit.paragraph)
        reader.remember_sentence(unit)
    return _rows(article, found + _broad_reading(article, book, reader, units, found), book)


def _broad_reading(article, book, reader: _Reader, units, found: list[_Position]) -> list[_Position]:
    """What `parley.extract.stances` finds in the sentences where the reading above found no
    position (each sentence is still read, so pronouns find their agents)."""
    from parley.extract.stances import BroadReader

    broad = BroadReader(article, book, {k: v for k, v in reader.people.items() if v != NO_PARTY}, reader.parties)
    have = {(side, p.issue, p.span) for p in found for side in p.sides}
    have_sentence = {(side, p.issue, u) for p in found for side in p.sides for u in range(len(units))
                     if _within(p.span, units[u].chars(list(units[u].span)))}
    extra = []
    covered = {u for _, _, u in have_sentence}
    for index, unit in enumerate(units):
        positions = broad.read(unit, book.find_issues(unit.span), book.find_stances(unit.span))
        if index in covered:
            continue  # the first reading read this sentence: its positions stand
        for position in positions:
            sides = tuple(s for s in position.sides if s and s != NO_PARTY
                          and (s, position.issue, position.span) not in have and (s, position.issue, index) not in have_sentence)
            if sides:
                extra.append(_Position(sides, position.issue, position.stance, position.how, position.span,
                                       position.cue, position.stance_cue))
                have.update((s, position.issue, position.span) for s in sides)
    return extra


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] or (inner[0] < outer[1] and outer[0] < inner[1])


def _list_items(reader: _Reader, unit, issues, bullets) -> list[_Position]:
    """Issues in a bullet item take the side and stance of the sentence introducing the
    list; the items of an agreement's terms are agreed by the parties they make subjects."""
    intro_at = unit.paragraph - 1
    while intro_at in bullets:
        intro_at -= 1
    if intro_at in reader.terms_intros:
        return reader.terms_item(unit, issues)
    intro = reader.list_intros.get(intro_at)
    if not intro or not issues:
        return []
    agent, stance, cue_text = intro
    words = [t for t in unit.span if any(c.isalnum() for c in t.text)]
    span = unit.chars(words)
    return [_Position(agent.sides, m.kind, stance, "list", span, m.cue.text, cue_text) for m in issues]


def _rows(article, found: list[_Position], book: codebook_module.Codebook) -> list[dict]:
    rows, seen = [], set()
    for position in found:
        start, end, quote = article.span(*position.span)
        for side in position.sides:
            key = (side, position.issue, position.stance, start, end)
            if not side or key in seen:
                continue
            seen.add(key)
            rows.append({
                "doc_id": article.doc_id,
                "side": side,
                "issue": position.issue,
                "stance": position.stance,
                "start": start,
                "end": end,
                "quote": quote,
                "cue": position.cue,
                "topic": book.topic_of(position.issue, position.cue),
                "stance_cue": position.stance_cue,
                "attribution": position.how,
            })
    return sorted(rows, key=lambda r: (r["start"], r["end"], r["side"], r["issue"], r["stance"]))
