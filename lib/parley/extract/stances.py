"""A second, broader reading of positions: every stance word with the party that holds it.

`parley.extract.positions` reads positions the way the seed articles phrased them: an issue
phrase first, then who stands where on it. On negotiations the seeds never mentioned that
reading finds few rows, because it needs an issue cue in a precise place. This reader
starts from the other end: every stance cue of the codebook in a sentence ("wanted",
"was ready to", "put forward", "turned down", "signed") gives a position of the party
that is its agent, on the issues its clause names ("other" when the clause names none),
and an agreement's terms ("Hamas is to free 33 ..., Israel will free ...") give each
party an `agrees`. It adds what the first reading did not find; where both find a
position in one sentence for one side and issue, the first reading's stands.

Agents, in order: the subject of the stance word's clause (inherited from the clause it
completes), a possessive or adjective on a stance noun ("Russia's demand", "a Ukrainian
proposal", "a request by Kyiv"), a joint subject ("the two sides", "A and B") for each
party named, a person's side (from people.csv), a noun the article uses for one party
("the government"), a pronoun for the agent of the sentence before, and last the speaker
of a reported clause ("..., the minister said"). Parties named as a place ("talks in
Doha") are no agents.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from parley import nlp
from parley.extract.positions.agents import names_a_thing, person_key
from parley.extract.positions.stance_cues import on_the_contrary
from parley.knowledge.sides import NO_PARTY, article_party_nouns, find_parties
from parley.read.metadata import in_dateline
from parley.text import fold

_VERBS = {"VERB", "AUX"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_INHERIT = {"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp"}
_LOCATIVE = {"in", "at", "near", "from", "to", "into", "across", "inside", "outside", "via"}
# prepositions that place or time a noun rather than say what it is about
_SETTING = {"in", "at", "near", "during", "inside", "outside", "across"}


@dataclass(frozen=True)
class Found:
    """A position the broad reader found: body character span of its sentence."""

    sides: tuple[str, ...]
    issue: str
    stance: str
    how: str
    span: tuple[int, int]
    cue: str
    stance_cue: str


def agent_party_spans(body: str) -> list[tuple[int, int, str]]:
    """(start, end, party) of the parties named in `body` that may act: a capital naming a
    place or an agreement ("the Pretoria agreement", "talks in Doha") is no agent, nor a
    dateline's place ("HAVANA —": where the story was filed)."""
    return [(m.start, m.end, m.party) for m in find_parties(body)
            if m.party != NO_PARTY and not (m.kind == "capital" and names_a_thing(body, m.end))
            and not in_dateline(body, m.start)]


class BroadReader:
    def __init__(self, article, book, person_sides: dict[str, str], main: tuple[str, ...]):
        self.book = book
        self.body = article.body
        self.person_sides = person_sides
        self.main = main
        self.party_spans = agent_party_spans(article.body)
        self.nouns = article_party_nouns(article.body)
        self.joint = book.phrases("joint_subjects")
        self.joint_pattern = _joint_pattern(self.joint)
        self.last_person_sides: tuple[str, ...] = ()
        self.last_party_sides: tuple[str, ...] = ()
        self.agreement_paragraph = -1
        self.agreement_unit = -99  # the last sentence naming an agreement (or a phase of one)
        self.units_read = 0
        self.last_issues: tuple = ()  # the issues the sentence before named, for "wants it lifted"

    # --- sides of a stretch of text ----------------------------------------------------

    def sides_of(self, tokens, unit) -> tuple[tuple[str, ...], str]:
        """The parties a subject or owner phrase names, and how they were found."""
        tokens = [t for t in tokens if not t.is_space]
        if not tokens:
            return (), ""
        start, end = unit.chars(tokens)
        text = fold(self.body[start:end])
        if self.joint_pattern is not None and self.joint_pattern.search(text):
            return self.main, "both_sides"
        found = []
        for s, e, party in self.party_spans:
            if start <= s < end and not self._locative(s):
                found.append(party)
        for token in tokens:
            if token.lower_ in self.nouns and token.text.islower():
                found.append(self.nouns[token.lower_])
        for token in tokens:
            if _name_shaped(token) and (side := self.person_sides.get(person_key(token))):
                found.append(side)
        found = list(dict.fromkeys(found))
        if found:
            return tuple(found), "subject" if len(found) == 1 else "joint"
        pronoun = tokens[0].lower_ if len(tokens) == 1 else ""
        if pronoun in {"he", "she"} and (reporter := self._reporter(tokens[0], unit)):
            return reporter, "pronoun"
        if pronoun in {"he", "she"} and self.last_person_sides:
            return self.last_person_sides, "pronoun"
        if pronoun == "they" and len(reporters := self._reporter(tokens[0], unit)) > 1:
            return reporters, "joint"  # "Addis Ababa and the Tigrayans said they are willing to ..."
        if pronoun in {"they", "it", "we"} and self.last_party_sides:
            return self.last_party_sides, "pronoun"
        if self._definite_party_noun(tokens) and len(self.last_party_sides) == 1:
            return self.last_party_sides, "delegation"  # "The team is also ready to sign ...": the side just named
        return (), ""

    def _definite_party_noun(self, tokens) -> bool:
        """"the team", "the delegation": a side's envoys named by "the" alone."""
        return len(tokens) == 2 and tokens[0].lower_ == "the" and (
            tokens[1].lemma_.lower() in self.book.words("definite_party_nouns")
            or tokens[1].lower_ in self.book.words("definite_party_nouns"))

    def _reporter(self, pronoun, unit) -> tuple[str, ...]:
        """"Amano said he had signed ...": the side of the person whose speech verb the
        pronoun's clause reports, in the same sentence; () when none."""
        for verb in pronoun.ancestors:
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if subject is None or subject.i > pronoun.i or subject.lower_ in {"he", "she", "they", "it", "we"}:
                continue
            if verb.lemma_.lower() not in self.book.words("speech_verbs") and not self._names_a_person(subject):
                continue  # "Trump warned ..., stressing that he did not want ...": a person above it too
            sides, how = self.sides_of(_core(subject), unit)
            return sides if how == "subject" or how == "joint" and pronoun.lower_ == "they" else ()
        # else the nearest person named before it in the sentence, as `Agents._him` reads "he"
        for token in reversed(list(pronoun.sent)[: pronoun.i - pronoun.sent.start]):
            if _name_shaped(token) and (side := self.person_sides.get(person_key(token))):
                return (side,)
        return ()

    def _names_a_person(self, subject) -> bool:
        return any(_name_shaped(t) and person_key(t) in self.person_sides for t in subject.subtree)

    def _locative(self, char: int) -> bool:
        before = self.body[max(0, char - 12) : char].lower().split()
        return bool(before) and before[-1] in _LOCATIVE

    # --- who holds the stance a cue expresses -------------------------------------------

    def agent(self, cue_token, unit) -> tuple[tuple[str, ...], str]:
        token = cue_token
        if token.pos_ in {"NOUN", "PROPN"}:
            owner = self._owner(token, unit)
            if owner[0]:
                return owner
        verb = token
        for _ in range(6):  # from the cue to the verb whose subject holds the stance
            if verb.pos_ in _VERBS and any(c.dep_ in _SUBJECTS or c.dep_ == "agent" for c in verb.children):
                break
            if verb.head.i == verb.i:
                break
            verb = verb.head
        sides, how = self._subject(verb, unit)
        if sides:
            return sides, how
        return self._speaker(verb, unit)

    def _owner(self, noun, unit):
        for child in noun.children:
            if child.dep_ in {"poss", "amod", "compound", "nmod"}:
                sides, how = self.sides_of(list(child.subtree), unit)
                if sides:
                    return sides, "possessive"
            if child.dep_ == "prep" and child.lower_ in {"by", "from"}:
                sides, how = self.sides_of(list(child.subtree)[1:], unit)
                if sides:
                    return sides, "possessive"
        return (), ""

    def _subject(self, verb, unit):
        for _ in range(4):
            subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
            for phrase in agents + subjects:
                tokens = _core(phrase)
                if any(t.lower_ in _RELATIVE for t in tokens) and verb.dep_ == "relcl":
                    tokens = list(verb.head.subtree)[: verb.head.i - verb.head.left_edge.i + 1]
                if len(tokens) == 1 and tokens[0].lower_ in _GROUP_PRONOUNS:
                    # "According to the Ukrainian negotiators, they put forward ...": the source
                    sides, how = self._according_to(verb, unit)
                    if sides:
                        return sides, how
                sides, how = self.sides_of(tokens, unit)
                if sides:
                    return sides, how
            if subjects and not any(t.lower_ in _RELATIVE for s in subjects for t in s.subtree):
                return (), ""  # a subject that is no party ("the deal", "talks"): nobody's stance
            if verb.dep_ == "relcl":  # "Russia, which insisted ...": the noun it describes
                return self.sides_of(list(verb.head.subtree)[: verb.head.i - verb.head.left_edge.i + 1], unit)
            if verb.dep_ in _INHERIT and verb.head.i != verb.i:
                verb = verb.head
                continue
            break
        return (), ""

    def _according_to(self, verb, unit):
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ == "according":
                sources = [p for to in prep.children for p in to.children if p.dep_ == "pobj"]
                for source in sources:
                    sides, _ = self.sides_of(list(source.subtree), unit)
                    if sides:
                        return sides, "speaker"
        return (), ""

    def _speaker(self, verb, unit):
        """"..., the minister said", "according to Qatar": whose words a clause reports."""
        root = verb
        while root.head.i != root.i:
            root = root.head
        for node in [root, *root.children]:
            if node.lemma_.lower() in self.book.words("speech_verbs"):
                sides, how = self._subject(node, unit)
                if sides:
                    return sides, "speaker"
        for token in unit.span:
            if token.lower_ == "according" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "to":
                sides, how = self.sides_of(list(token.doc[token.i + 2 : token.i + 8]), unit)
                if sides:
                    return sides, "speaker"
        return (), ""

    # --- what the stance is about --------------------------------------------------------

    def issues_for(self, cue_token, issues, unit) -> list:
        """The issue cues inside the clause of the stance word, except in a background
        phrase of it ("despite no progress on a ceasefire, they agreed to meet")."""
        head = cue_token
        while head.pos_ not in _VERBS and head.head.i != head.i and head.dep_ not in {"ROOT"}:
            # "a proposal on prisoners" says what; "the agenda in Sweden would cover ..." only where
            if head.pos_ in {"NOUN", "PROPN"} and any(c.dep_ == "prep" and c.lower_ not in _SETTING for c in head.children):
                break
            head = head.head
        clause = {t.i for t in head.subtree}
        # "welcomed the agreement but has threatened to block the corridor": a verb set against
        # the stance word by "but" is a clause of its own, which the stance word does not reach
        contrast = any(c.dep_ == "cc" and c.lower_ in {"but", "yet"} for c in head.children)
        for child in head.children:
            if contrast and child.dep_ == "conj" and child.pos_ in _VERBS:
                clause -= {t.i for t in child.subtree}
        return [m for m in issues if all(t.i in clause for t in m.tokens) and not self._in_background(m.tokens[0], head)]

    def _in_background(self, token, head) -> bool:
        """Whether `token` sits in a background phrase under `head` ("despite ...", "after ...")."""
        background = self.book.words("background_markers")
        for ancestor in token.ancestors:
            if ancestor.i == head.i:
                return False
            if ancestor.lower_ in background or any(c.dep_ == "mark" and c.lower_ in background for c in ancestor.children):
                return True
        return False

    # --- the reading --------------------------------------------------------------------

    def read(self, unit, issues, cues) -> list[Found]:
        found = []
        span = unit.chars(unit.span)
        anchors = {anchor_token(c.tokens).i: c for c in cues if c.strength != "weak"}
        emphasis = self.book.words("emphasis_verbs")
        for cue in cues:
            if cue.strength == "weak":
                continue  # "discussed", "the document": a subject of talks, not a stance
            token = anchor_token(cue.tokens)
            if token.lemma_.lower() in emphasis and _inner_cue(token, anchors):
                continue  # "insisted his country would never accept ...": the inner word says what
            if token.dep_ == "pcomp" and token.head.lower_ == "without":
                continue  # "left Washington without signing it": what did not happen takes no stance
            sides, how = self.agent(token, unit)
            agreed_to = self._agreed_to_do(token)
            if not sides and agreed_to is not None and token.pos_ == "NOUN":
                sides, how = self.agent(token.head, unit)  # the parties that reached it
            outer = _emphasising(token, emphasis)
            if not sides and outer is not None:
                sides, how = self.agent(outer, unit)  # "his country" in what Vucic insisted: Vucic's
            if not sides:
                continue
            stance = cue.kind
            controller = anchors.get(token.head.i) if token.dep_ == "xcomp" else None
            if stance == "agrees" and controller is not None and controller.kind == "proposes":
                stance = controller.kind  # "offered to sign the agreement": an offer to agree
            if self.negated(token):
                stance = self.book.negation_flips.get(stance, stance)
            about = self.issues_for(token, issues, unit)
            if about:
                found += [Found(sides, m.kind, on_the_contrary(stance, m.tokens) if m.cue.contrary else stance, how, span,
                                m.cue.text, cue.cue.text) for m in about]
            elif (self._issue_free(token, cue) or agreed_to is not None and stance == "agrees") and (
                    how in {"subject", "joint", "both_sides", "possessive", "delegation"}
                    or how == "pronoun" and self._person_subject(token)):
                # an agreement to do something says what it is about: no earlier issue's "it"
                earlier = self._issue_of_it(token) if agreed_to is None else None
                if earlier is not None:
                    found.append(Found(sides, earlier.kind, stance, how, span, earlier.cue.text, cue.cue.text))
                else:
                    # its cue: the agreement's noun (which may name the article's deal), or what it is to do
                    what = self._agreement_object(token) if agreed_to is None else agreed_to.lemma_.lower()
                    found.append(Found(sides, "other", stance, how, span, what, cue.cue.text))
        terms = self._agreement_terms(unit, issues, span, cues)
        found += terms
        if not found:
            found += self._own_undertakings(unit, issues, span)
        self._remember(unit)
        self.last_issues = tuple(issues)
        return found

    def _person_subject(self, token) -> bool:
        """"He said he had refused to sign": the stance verb's subject (or its controller's) is
        "he" or "she", a person named just before; "it" and "they" are too often something else."""
        verb = token
        for _ in range(3):
            subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                return subject.lower_ in {"he", "she"}
            if verb.head.i == verb.i:
                return False
            verb = verb.head
        return False

    def _issue_of_it(self, token):
        """"The UN arms embargo. Iran wants it lifted.": a stance on "it" whose sentence names no
        issue is on the one issue the sentence before named (None when it named none or several)."""
        objects = [t for c in token.children if c.dep_ in {"dobj", "ccomp", "xcomp"}
                   for t in ([c] + [g for g in c.children if g.dep_ in {"nsubj", "nsubjpass", "dobj"}])]
        if not any(t.lower_ in {"it", "them"} for t in objects):
            return None
        kinds = {m.kind for m in self.last_issues}
        return self.last_issues[0] if len(kinds) == 1 else None

    def _own_undertakings(self, unit, issues, span) -> list[Found]:
        """"The general said Russian troops would scale back their military activity", "Iran said
        it would not give up enrichment": a side saying what it will do on an issue offers
        it (refuses it, negated). Not when another side's speaker says it: that is a claim."""
        found = []
        for token in _tokens_with_pos(unit.span, _VERBS):
            if not _future(token) or _conditional(token):
                continue
            sides, how = self._subject(token, unit)
            clause = {t.i for t in token.subtree}
            if how == "joint" and set(sides) == set(self.main) and not any(t.i in clause for m in issues for t in m.tokens):
                # "Saudi Arabia and Iran said they would restore diplomatic relations": what
                # the two parties announce together they will do, they agree on
                lemmas = {t.lemma_.lower() for t in token.subtree}
                if not self._talks_course(lemmas):
                    found.append(Found(sides, "other", "rejects" if self.negated(token) else "agrees", "joint", span, "",
                                       "will"))
                continue
            if not sides or how not in {"subject", "pronoun"}:
                continue
            speaker, _ = self._speaker(token, unit)
            if speaker and not set(speaker) & set(sides):
                continue
            stance = "rejects" if self.negated(token) else "proposes"
            for m in issues:
                if all(t.i in clause for t in m.tokens) and not self._in_background(m.tokens[0], token):
                    said = on_the_contrary(stance, []) if m.cue.contrary else stance  # the verb's negation is in `stance`
                    found.append(Found(sides, m.kind, said, "undertaking", span, m.cue.text, "will"))
        return found

    def _talks_course(self, lemmas: set[str]) -> bool:
        """"continue the talks", "resume dialogue": words about going on talking."""
        return bool(lemmas & self.book.words("continuation_verbs") and lemmas & self.book.words("process_nouns"))

    def _issue_free(self, token, cue) -> bool:
        """A stance verb that states a position whatever it is about ("agreed to ..."), but
        not one about going on talking ("agreed to continue dialogue"): that is the talks'
        course, not a position in them."""
        complements = [c for c in token.children if c.dep_ in {"xcomp", "ccomp", "dobj", "prep"}]
        verdict = any(t.dep_ == "oprd" and t.head.i == token.i for t in cue.tokens)  # "called the deal a mistake"
        free = self.book.words("issue_free_stances")
        stated = token.pos_ in _VERBS and (verdict or token.lemma_.lower() in free or (
            token.lemma_.lower() in self.book.words("addressing_stances")
            and any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children)))
        # "ready to sign the agreement", "willing to accept it": the readiness to do what states a position anyway
        # (or to take part: "willing to take part in talks mediated by the AU")
        readiness = free | self.book.words("participation_verbs")
        stated = stated or (token.pos_ == "ADJ" or token.dep_ == "acomp") and any(
            c.dep_ == "xcomp" and c.lemma_.lower() in readiness for c in complements)
        if not (cue.strength != "weak" and complements and stated):
            return False
        lemmas = {t.lemma_.lower() for c in complements for t in c.subtree}
        return not self._talks_course(lemmas)

    def _agreed_to_do(self, token):
        """"reached an agreement to meet again", "struck a deal to reopen the crossing": an
        agreement reached on doing something is the parties' agreement to do it, whatever it
        is about; the clause saying what (None for any other token, or for going on talking)."""
        verb = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" else token
        nouns = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"
                 and c.lemma_.lower() in self.book.words("agreement_nouns")]
        if not nouns or verb.lemma_.lower() not in self.book.words("agreement_outcome_verbs") or self.negated(verb):
            return None
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in self.book.words("irrealis_heads"):
            return None  # "failed to reach an agreement to meet again", "aim to strike a deal to ..."
        for clause in [c for c in nouns[0].children if c.dep_ == "acl"] + [c for c in verb.children if c.dep_ == "advcl"]:
            if clause.pos_ in _VERBS and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
                lemmas = {t.lemma_.lower() for t in clause.subtree}
                if self._talks_course(lemmas):
                    return None  # "an agreement to continue the talks": the talks' course
                return clause
        return None

    def _agreement_object(self, token) -> str:
        """The agreement a stance verb takes as its object ("signed a peace deal", "agreed on
        an accord"), whose issue is the one the article's parties agree on: its noun, or ""."""
        objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
        objects += [p for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "to"} for p in c.children if p.dep_ == "pobj"]
        for noun in objects:
            if noun.pos_ == "NOUN" and noun.lemma_.lower() in self.book.words("issue_giving_agreements"):
                return noun.lemma_.lower()
        if not objects and token.lemma_.lower() in self.book.words("signing_verbs"):
            return token.lemma_.lower()  # "Shoigu signed first": the agreement the article is about
        return ""

    def negated(self, token) -> bool:
        nodes = [token, token.head] if token.pos_ not in _VERBS else [token]
        if any(c.dep_ == "neg" or c.lower_ in {"never", "not", "n't"} for n in nodes for c in n.children):
            return True
        # "will accept neither formal nor informal recognition"
        return token.pos_ in _VERBS and any(
            c.dep_ == "dobj" and any(g.lower_ == "neither" for g in c.subtree) for c in token.children)

    def _agreement_terms(self, unit, issues, span, cues) -> list[Found]:
        """"a pact under which A and B will each ...", "A is to free 33 ...; B will free ...":
        what a reached agreement binds each party to do."""
        lemmas = nlp.columns(unit.span.doc).lemma
        words = {lemmas[i].lower() for i in range(unit.span.start, unit.span.end)}
        self.units_read += 1
        if words & self.book.words("binding_context_nouns"):
            self.agreement_paragraph = unit.paragraph
            self.agreement_unit = self.units_read
        # the agreement's paragraph, or the sentences right after it (a story of one-sentence paragraphs)
        near = self.agreement_paragraph == unit.paragraph or self.units_read - self.agreement_unit <= _TERMS_REACH
        if not near or not issues or any(c.kind != "agrees" for c in cues if c.strength != "weak"):
            return []
        found = []
        for token in _tokens_with_pos(unit.span, _VERBS):
            if not _binding(token, self.book.words("scheduled_words")) or self.negated(token):
                continue  # "they would not hand over their weapons": no term of the deal
            sides, how = self._subject(token, unit)
            if not sides and self._neither_party(token):
                sides = self.main  # "neither side will block the other's path to the EU": both bound
            if self.main:  # what the deal binds its parties to, not what a mediator reports of it
                sides = tuple(s for s in sides if s in self.main)
            if not sides:
                continue
            clause = {t.i for t in token.subtree}
            if token.dep_ == "xcomp":  # "US troops are to leave": the subject is the head's
                clause |= {t.i for c in token.head.children if c.dep_ in _SUBJECTS for t in c.subtree}
            for m in issues:
                if all(t.i in clause for t in m.tokens) and not m.cue.contrary:
                    found.append(Found(sides, m.kind, "agrees", "agreement", span, m.cue.text, "terms of an agreement"))
        return found

    def _neither_party(self, verb) -> bool:
        return any(c.dep_ in _SUBJECTS and self.book.phrase_at("neither_subjects", list(c.subtree))
                   for c in verb.children)

    def _remember(self, unit) -> None:
        """The agents of this sentence, for the pronouns of the next."""
        span = unit.span
        deps = nlp.columns(span.doc).dep
        for i in range(span.start, span.end):
            if deps[i] not in _SUBJECTS:
                continue
            token = span.doc[i]
            if token.head.pos_ in _VERBS:
                sides, _ = self.sides_of(list(token.subtree), unit)
                if not sides:
                    continue
                # "Iran's chief negotiator, Foreign Minister Zarif, met ...": a person too
                if self._names_a_person(token):
                    self.last_person_sides = sides
                else:
                    self.last_party_sides = sides


_RELATIVE = {"which", "who", "that", "whom", "whose"}
_GROUP_PRONOUNS = {"they", "we", "it"}


def _name_shaped(token) -> bool:
    """A proper noun, or a capitalised noun: the small model tags a surname opening a
    sentence ("Griffiths said ...") as a common noun. Only a person's known name counts."""
    return token.pos_ == "PROPN" or token.pos_ == "NOUN" and token.text[:1].isupper()


@functools.lru_cache(maxsize=8)
def _joint_pattern(phrases: tuple[tuple[str, ...], ...]) -> re.Pattern | None:
    """One pattern for every joint subject ("both sides", "the two delegations"), compiled
    once: a search of it finds a match wherever a search of any one phrase would (it was a
    regex built and searched per phrase for every subject)."""
    words = [" ".join(p) for p in phrases if p]
    if not words:
        return None
    return re.compile("|".join(rf"\b{re.escape(w)}\b" for w in words))
_TERMS_REACH = 2  # sentences after one naming an agreement that may still state its terms


def _tokens_with_pos(span, tags: set[str]):
    """The tokens of `span` whose `pos_` is one of `tags`, in order (the others are read
    from the Doc's columns, without making a Token)."""
    pos = nlp.columns(span.doc).pos
    return [span.doc[i] for i in range(span.start, span.end) if pos[i] in tags]


def _binding(verb, scheduled_words: frozenset[str] = frozenset()) -> bool:
    """"will free", "is to free", "are to be freed", "would withdraw", "is set to free"
    (`scheduled_words`): what a deal binds to."""
    for child in verb.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in {"will", "would", "shall", "must", "'ll"}:
            return True
    if verb.dep_ != "xcomp" or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if head.lemma_ == "be":
        return True
    return head.lower_ in scheduled_words and any(c.dep_ == "auxpass" for c in head.children)


def _future(verb) -> bool:
    """"will scale back", "would halt": what the subject says it is going to do."""
    return any(c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll", "shall"} for c in verb.children)


def _conditional(verb) -> bool:
    """"if Israel would withdraw", "would ... only if": a hypothesis, not an undertaking."""
    return any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children)


def _core(phrase) -> list:
    """A subject without the clauses that describe it: "The discussions, hosted by
    Turkish officials," is about the discussions, not Turkey."""
    skipped = {t.i for child in phrase.children if child.dep_ in {"acl", "relcl", "appos", "prep"}
               and child.i > phrase.i for t in child.subtree}
    return [t for t in phrase.subtree if t.i not in skipped]


def _inner_cue(verb, anchors: dict) -> bool:
    """Whether a stance word lies in what `verb` says (its ccomp), other than `verb` itself."""
    said = [c for c in verb.children if c.dep_ == "ccomp"]
    return any(t.i in anchors and t.i != verb.i for c in said for t in c.subtree)


def _emphasising(token, emphasis: frozenset):
    """The verb of emphasis whose ccomp holds `token`'s clause ("insisted [his country would
    never accept ...]"), or None."""
    node = token
    for _ in range(3):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in emphasis:
            return node.head
        if node.head.i == node.i:
            return None
        node = node.head
    return None


def anchor_token(tokens):
    """The token of a multi-word cue that the clause hangs from ("put forward" -> put)."""
    tokens = list(tokens)
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in inside or token.head.i == token.i:
            return token
    return tokens[0]
