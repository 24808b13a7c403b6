"""Agents: which side holds a position, read from the parse.

A clause's subject (or its `by` agent, an "according to" source), a position noun's
owner ("Israel's plan", "the Egyptian draft"), a pronoun resolved to the last side or
person named, a document's owner, a joint subject ("both sides"), a person whose side
the article gives (`people_rows`). `main_parties` are the article's two most named
parties, for joint subjects and agreements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parley import nlp
from parley.extract.positions.sentences import _NP_DEPS, _VERBAL
from parley.knowledge import codebook as codebook_module
from parley.knowledge.sides import NO_PARTY, find_parties, kind_of_party, party_of
from parley.read.metadata import dateline_spans, in_dateline
from parley.text import fold

_RELATIVE_PRONOUNS = {"which", "that", "who", "whom", "whose"}
_DEMONSTRATIVES = {"this", "that", "these", "those", "there"}
_THING_PRONOUNS = {"it", "its"}
_PERSON_PRONOUNS = {"he", "she", "his", "her", "him"}
_PLURAL_PRONOUNS = {"they", "them", "their"}


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
            # the first word too: a surname written first ("Kim Jong Un" is "Kim"); a given
            # name shared by people of different sides drops out below
            for key in {fold(name), words[-1] if words else "", words[0] if len(words) > 1 and len(words[0]) > 2 else ""} - {""}:
                sides.setdefault(key, set()).add(side)
    return {key: next(iter(s)) for key, s in sides.items() if len(s) == 1}


def person_key(token) -> str:
    """The key a name token is looked up by in `_person_index`; none for an acronym:
    "UN" is no one's surname ("Kim Jong Un")."""
    return text_key(token.text)


def text_key(text: str) -> str:
    return "" if len(text) > 1 and text.isupper() else fold(text)


_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout)\s+(?:the\s+)?$", re.I)


def _hyphen_pair(word, modifier) -> bool:
    """Whether `word` is `modifier` itself or joined to it by a hyphen ("Egyptian-Qatari")."""
    if word.i == modifier.i:
        return True
    doc = word.doc
    return abs(word.i - modifier.i) == 2 and doc[min(word.i, modifier.i) + 1].text == "-"


def main_parties(text: str, book: codebook_module.Codebook | None = None, title: str = "") -> tuple[str, ...]:
    """The two parties the article names most (ties: the one named first). A place where
    something happens ("met in Cairo"), a city naming an agreement ("the Pretoria
    agreement") and a mediator named as one ("talks mediated by Qatar", "the US-brokered
    deal") are no mentions of a party to the talks; a demonym, a capital and an
    organisation count for less (`main_party_weights`): Thai hostages, a venue and the
    UN's envoy are seldom a side at the table. A news outlet's name ("Egypt Today") and a
    dateline ("HAVANA —") are no mention of a party. The pair a story's first sentence or
    its `title` opens with ("Colombia and FARC seal ceasefire") weighs more: a photo
    caption ahead of the lead names the host's city as often as the parties."""
    book = book or codebook_module.load()
    weights = book.attribution.get("main_party_weights") or {}
    mediated = book.words("mediation_words")
    kinds = kind_of_party()
    counts: dict[str, list[float]] = {}
    for mention in find_parties(text):
        if mention.party == NO_PARTY or _LOCATIVE.search(text[max(0, mention.start - 12): mention.start]):
            continue
        if in_dateline(text, mention.start):
            continue  # "HAVANA —": where the story was filed
        if mention.kind == "capital" and names_a_thing(text, mention.end):
            continue
        if _named_as_mediator(text, mention, mediated) or _names_an_outlet(text, mention):
            continue
        weight = float(weights.get(mention.kind, 1.0)) * float(weights.get(kinds.get(mention.party, ""), 1.0))
        counts.setdefault(mention.party, [0.0, mention.start])[0] += weight
    for party in dict.fromkeys(_lead_pair(text) + _opening_pair(title, headline=True)):
        if party in counts:
            counts[party][0] += float(weights.get("lead_pair", 0.0))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))
    return tuple(sorted(p for p, _ in ranked[:2]))


_LEAD_WORDS = 6


def _lead_pair(text: str) -> tuple[str, ...]:
    """"The United States and Russia agreed on Tuesday ...", "Representatives of Sudan's army
    and the RSF signed ...": the two parties a story's first sentence opens with, joined by
    "and", are the two at the table."""
    start = next((end for s, end in dateline_spans(text) if s == 0), 0)  # after a dateline
    # the first paragraph of some length: not a place-and-agency line ("Jeddah • UNN")
    lead = next((p for p in text[start:start + 600].split("\n") if len(p.split()) >= _LEAD_WORDS), "")[:300]
    return _opening_pair(re.split(r"(?<=[.!?])\s", lead, maxsplit=1)[0])


def _opening_pair(sentence: str, headline: bool = False) -> tuple[str, ...]:
    """The two parties `sentence` opens with, joined by "and" (in a `headline`, by a comma
    too: "Armenia, Azerbaijan sign ...")."""
    found = [m for m in find_parties(sentence) if m.party != NO_PARTY]
    opening = re.match(r"(?:The\s+)?(?:[A-Z][a-z]+\s+(?:of|from|for)\s+)?(?:the\s+)?", sentence)  # "Representatives of"
    if len(found) < 2 or found[0].start > max(12, opening.end()) or found[0].party == found[1].party:
        return ()
    between = sentence[found[0].end:found[1].start]  # "Myanmar's military government and the MNDAA"
    joiner = r"(?:\s+and|,)" if headline else r"\s+and"
    joined = re.fullmatch(r"(?:(?:['\u2019]s)?(?:\s+[a-z][\w-]*){1,3})?" + joiner + r"\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}", between)
    return (found[0].party, found[1].party) if joined else ()


def _named_as_mediator(text: str, mention, mediated: frozenset[str]) -> bool:
    """"mediated by Qatar", "hosted by Turkey", "the US-brokered deal", "Egypt's mediation",
    "Qatar, Egypt and the US broker a truce", "Egyptian, Qatari and American mediators"."""
    before = re.findall(r"[\w-]+", text[max(0, mention.start - 30): mention.start].lower())
    if before and before[-1] == "the":
        before.pop()
    if len(before) >= 2 and before[-1] == "by" and before[-2] in mediated:
        return True
    rest = _COORDINATED_NAMES.sub("", text[mention.end: mention.end + 80], count=1)
    after = re.match(r"(?:-|[’']s\s+|\s+)([a-z]+)", rest[:24].lower())
    return bool(after) and after.group(1) in mediated


# the other names of a list the mention opens: "Qatar[, Egypt and the US] broker ..."
_COORDINATED_NAMES = re.compile(r"^(?:\s*(?:,|\band\b|&)\s*(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*)*(?=\s)")


def _names_an_outlet(text: str, mention) -> bool:
    """"Egypt Today", "The Jordan Times": a party's name inside a news outlet's."""
    from parley.read.metadata import known_outlet

    following = re.match(r"(?:\s+[A-Z][\w’'-]*){1,2}", text[mention.end: mention.end + 40])
    if not following:
        return False
    words = following.group(0).split()
    return any(known_outlet(text[mention.start: mention.end] + " " + " ".join(words[:n])) for n in (1, 2)[: len(words)])


_THING_AFTER = re.compile(r"\s+(?:agreement|accord|deal|talks|process|format|declaration|summit|peace|ceasefire|truce|round|protocol|memorandum|group|conference|meeting)s?\b", re.I)


def names_a_thing(text: str, end: int) -> bool:
    """"Pretoria agreement", "Minsk process": a city naming an agreement or a venue."""
    return bool(_THING_AFTER.match(text, end))


# --- agents: who holds a position ------------------------------------------------------


@dataclass(frozen=True)
class Agent:
    sides: tuple[str, ...]
    how: str  # subject, possessive, document, both_sides, speaker, list
    tentative: bool = False  # from a pronoun: used only when nothing explicit is found


_NOT_AN_AGENT = Agent((), "none")  # a subject that is no party: the clause speaks for nobody


@dataclass
class Agents:
    """Who holds a position, for one article read sentence by sentence: the side a
    subject, possessor or pronoun stands for, and what "it", "he"/"she" and a document
    last named refer to."""

    book: codebook_module.Codebook
    people: dict[str, str]  # folded name -> side (`_person_index`)
    parties: tuple[str, ...]  # the article's two main parties (`main_parties`)
    document_side: str = ""  # the owner of the document last named with one
    salient: Agent | None = None  # the side the last sentence was about, for "it"
    last_person_side: str = ""  # the last person with a known side, for "he"/"she"

    # --- words ----------------------------------------------------------------------

    def is_word(self, token, key: str) -> bool:
        return token.lemma_.lower() in self.book.words(key) or token.lower_ in self.book.words(key)

    def person_side(self, token) -> str:
        if not self.people:  # an article without a person of known side: no need to read the token
            return ""
        return self.people.get(person_key(token), "")

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

    def parties_in(self, tokens) -> list[str]:
        """Parties named in `tokens`, in text order: the first of each run of words and any
        coordinated with it."""
        runs, run = [], []
        text = nlp.doc_text(tokens[0].doc) if len(tokens) else ""
        for t in tokens:
            if in_dateline(text, t.idx):
                continue  # "HAVANA — Colombia's government ...": the dateline is no party
            if run and t.i != run[-1].i + 1:
                runs.append(run)
                run = []
            run.append(t)
        if run:
            runs.append(run)
        found = []
        for run in runs:
            text = nlp.doc_text(run[0].doc)[run[0].idx: run[-1].idx + len(run[-1].text)]
            mentions = find_parties(text)
            for index, mention in enumerate(mentions):
                # "Ukrainian and Russian delegations" names two; "Russian U.N. envoy" one
                between = text[mentions[index - 1].end: mention.start] if index else ""
                if index and not re.search(r"\band\b|,|&", between):
                    break
                if mention.party not in found:
                    found.append(mention.party)
        return found

    def _owners(self, noun) -> tuple[str, ...]:
        """`_owner`, with the other party of a pair of owners ("an Egyptian-Qatari proposal",
        "the Egyptian and Qatari plan": Egypt and Qatar)."""
        owner = self._owner(noun)
        if not owner:
            return ()
        owners = [owner]
        for child in noun.children:
            if child.dep_ in {"amod", "compound"}:
                for word in [child, *(g for g in child.children if g.dep_ in {"amod", "compound", "conj"})]:
                    side = party_of(word.text)
                    if side and side != NO_PARTY and side not in owners and (word.dep_ == "conj" or _hyphen_pair(word, child)):
                        owners.append(side)  # "the Egyptian and Qatari proposal" too
        return tuple(owners)

    def _owner(self, noun) -> str:
        """The side a position noun belongs to: "Israel's plan", "the Egyptian draft",
        "a text from the Qatari side"."""
        for child in noun.children:
            if child.dep_ == "poss":
                agent = self.resolve(child)
                if agent and agent.sides and not agent.tentative:
                    return agent.sides[0]
            if child.dep_ in {"amod", "compound", "nmod"} and not self._names_the_venue(noun, child):
                side = party_of(child.text)
                if side and side != NO_PARTY:
                    return side
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"of", "from", "by"}:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        parties = self.parties_in(self._core(pobj))
                        if parties:
                            return parties[0]
        return ""

    def _names_the_venue(self, noun, modifier) -> bool:
        """"the Minsk accords", "the Stockholm texts", "the Doha deal": a capital naming an
        agreement or a document says where it was made, not who holds it; unless it is a main
        party's ("the Moscow plan" in talks between Russia and Ukraine)."""
        if modifier.dep_ not in {"compound", "nmod"} or not (
                self.is_word(noun, "agreement_nouns") or self.is_word(noun, "document_nouns")):
            return False
        mentions = find_parties(modifier.text)
        return bool(mentions) and all(m.kind == "capital" and m.party not in self.parties for m in mentions)

    def _without_venue(self, token, core) -> list:
        """`core` without the capitals that name the agreement or document `token` heads for its venue."""
        venues = {c.i for c in token.children if self._names_the_venue(token, c)}
        return [t for t in core if t.i not in venues] if venues else core

    def _pronoun_owner(self, noun) -> Agent | None:
        for child in noun.children:
            if child.dep_ == "poss" and child.lower_ in _THING_PRONOUNS | _PERSON_PRONOUNS | {"their"}:
                return self.resolve(child)
        return None

    # --- resolving a subject to a side -------------------------------------------------

    def resolve(self, token) -> Agent | None:
        """The side a subject (or possessor) stands for; `_NOT_AN_AGENT` for a subject that
        is no party, None for a pronoun that cannot be resolved."""
        lower = token.lower_
        if lower in _RELATIVE_PRONOUNS and token.head.dep_ in {"relcl", "acl"}:
            return self.resolve(token.head.head)
        if lower in _THING_PRONOUNS:
            return self._it(token)
        if lower in _PERSON_PRONOUNS:
            return self._him(token)
        if token.pos_ == "PRON" and lower in _DEMONSTRATIVES:
            return _NOT_AN_AGENT
        if lower in _PLURAL_PRONOUNS:
            return self._they(token)
        if token.pos_ == "PRON":
            return None
        core = self._core(token)
        if self.book.phrase_at("joint_subjects", [t for t in core if t.i <= token.i]):
            return Agent((), "both_sides")
        for t in core:
            side = self.person_side(t)
            if side:
                return Agent((side,), "speaker")  # a person speaks for their side
        parties = self.parties_in(self._without_venue(token, core))
        if parties:
            how = "possessive" if any(c.dep_ == "poss" and party_of(c.text) for c in token.children) else "subject"
            return Agent(tuple(parties), how)
        if self.is_word(token, "possessed_party_nouns"):
            # "Ghani said his government had never promised ...": the side of the person it is his
            owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
            if owner is not None and (person := self._him(owner)) and person.sides:
                return Agent(person.sides, "possessive", tentative=True)
        if self.is_word(token, "definite_party_nouns") and [c.lower_ for c in token.children] == ["the"] \
                and self.salient is not None and len(self.salient.sides) == 1:
            return Agent(self.salient.sides, "pronoun", tentative=True)
        if self.is_word(token, "non_agents"):
            return _NOT_AN_AGENT
        if self._reached_agreement(token):
            return Agent(self.parties, "agreement")
        if self.is_word(token, "document_nouns") or self.is_word(token, "document_parts"):
            owners = self._owners(token)
            if owners:
                return Agent(owners, "possessive")
            pronoun = self._pronoun_owner(token)
            if pronoun and pronoun.sides:
                return Agent(pronoun.sides, "possessive", tentative=True)
            if self.document_side:
                return Agent((self.document_side,), "document")
        return _NOT_AN_AGENT

    def _reached_agreement(self, token) -> bool:
        """"The deal calls for disarmament", "The accord provides for ...": an agreement the
        article's parties reached, subject of a verb in the indicative, speaks for both of
        them. Not one still hoped for ("the deal would", "a possible accord")."""
        if not self.parties or token.dep_ not in {"nsubj", "nsubjpass"} or not self.is_word(token, "agreement_nouns"):
            return False
        if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in token.children):
            return False
        if any(c.dep_ in {"amod", "compound"} and self.is_word(c, "unreached_agreement_modifiers") for c in token.children):
            return False
        verb = token.head
        return verb.pos_ in _VERBAL and not any(
            c.dep_ == "aux" and c.lower_ in {"would", "could", "might", "may", "should"} for c in verb.children)

    def _it(self, token) -> Agent | None:
        """"it"/"its": the nearest party or document subject before it in the sentence,
        else what the previous sentence was about."""
        for t in reversed(list(token.sent)[: token.i - token.sent.start]):
            if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ not in _THING_PRONOUNS | _RELATIVE_PRONOUNS:
                agent = self.resolve(t)
                if agent and agent.sides:
                    return Agent(agent.sides, agent.how, tentative=True)
        if self.salient and self.salient.sides:
            return Agent(self.salient.sides, self.salient.how, tentative=True)
        return None

    def _they(self, token) -> Agent | None:
        """"Both sides said they are honouring it", "Israel and Hamas said their teams would
        meet": the plural subject of a clause above the pronoun, in the same sentence."""
        node = token.head
        while node.head.i != node.i:
            node = node.head
            subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"} and c.i < token.i), None)
            if subject is None or subject.lower_ in _PLURAL_PRONOUNS:
                continue
            agent = self.resolve(subject)
            plural = subject.tag_ in {"NNS", "NNPS"} or any(c.dep_ == "conj" for c in subject.children)
            if agent is not None and agent is not _NOT_AN_AGENT and (agent.how == "both_sides" or len(agent.sides) > 1 or plural):
                return agent
            return None
        return None

    def _him(self, token) -> Agent | None:
        """"he"/"she": the nearest person with a known side before it, in this sentence or
        the ones before."""
        for t in reversed(list(token.sent)[: token.i - token.sent.start]):
            side = self.person_side(t)
            if side:
                return Agent((side,), "speaker", tentative=True)
        if self.last_person_side:
            return Agent((self.last_person_side,), "speaker", tentative=True)
        return None

    def remember_sentence(self, unit) -> None:
        """What "it" and "he"/"she" may refer to in the next sentence: the side the sentence
        was about (its main clause's) and the last person with a known side."""
        agent = self.agent_at(unit.span.root)
        explicit = agent is not None and bool(agent.sides) and not agent.tentative
        self.salient = agent if explicit else None
        if not self.people:
            return  # no person of known side to remember
        span = unit.span
        texts = nlp.columns(span.doc).text
        named = [side for i in range(span.start, span.end) if (side := self.people.get(text_key(texts[i]), ""))]
        if named:
            # "he" in the next sentence is its main clause's subject ("Biden welcomed the deal
            # and thanked the Emir and Sisi. He said ..."), else the last person named
            subject = next((c for c in span.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            in_subject = [side for side in map(self.person_side, subject.subtree) if side] if subject is not None else []
            self.last_person_side = in_subject[0] if in_subject else named[-1]

    def agent_at(self, node, inherit: bool = True, controller: bool = False) -> Agent | None:
        """Who speaks at `node`: a verb's subject (or its `by` agent, or an "according to"
        source), a position noun's owner. `controller`: `node` is asked for the subject of a
        verb it controls ("the delegation is expected to present"), so a passive subject counts."""
        if node.pos_ in _VERBAL:
            subject_deps = {"nsubj", "csubj", "nsubjpass"} if controller else {"nsubj", "csubj"}
            subject = next((c for c in node.children if c.dep_ in subject_deps), None)
            if subject is not None:
                return self.resolve(subject)
            for child in node.children:
                if child.dep_ == "agent":
                    pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        agent = self.resolve(pobj)
                        if agent and agent.sides:
                            return agent
            source = self.according_to(node)
            if source:
                return source
            controlled = node.dep_ in {"conj", "xcomp"} or (
                node.dep_ in {"advcl", "pcomp"} and node.tag_ == "VBG" and not any(c.dep_ == "mark" for c in node.children)
            )
            object_control = node.dep_ == "xcomp" and any(c.dep_ in {"dobj", "dative"} for c in node.head.children)
            if inherit and controlled and not object_control and node.head.i != node.i and node.head.pos_ in _VERBAL:
                return self.agent_at(node.head, controller=node.dep_ == "xcomp")
            return None
        if node.dep_ == "ROOT":
            # a verbless sentence, often a verb mis-tagged as a noun ("The draft envisions ...")
            for child in node.children:
                if child.dep_ in {"compound", "nsubj"} and child.i < node.i:
                    agent = self.resolve(child)
                    if agent and agent is not _NOT_AN_AGENT and agent.sides:
                        return agent
        if self.is_word(node, "document_nouns") or self._stance_noun(node):
            owners = self._owners(node)
            if owners:
                return Agent(owners, "possessive")
            pronoun = self._pronoun_owner(node)
            if pronoun and pronoun.sides:
                return Agent(pronoun.sides, "possessive", tentative=True)
        return None

    def according_to(self, verb) -> Agent | None:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                for to in child.children:
                    for pobj in to.children:
                        if pobj.dep_ == "pobj":
                            agent = self.resolve(pobj)
                            if agent and agent.sides:
                                return agent
        return None

    def _stance_noun(self, token) -> bool:
        return token.pos_ in {"NOUN", "PROPN"} and bool(self.book.find_stances([token]))

    # --- document memory ---------------------------------------------------------------------

    def remember_documents(self, unit) -> None:
        """The side of every document named with its owner, the last one kept."""
        span = unit.span
        columns = nlp.columns(span.doc)
        nouns = self.book.words("document_nouns")
        for i in range(span.start, span.end):
            if columns.pos[i] not in {"NOUN", "PROPN"} or (
                    columns.lemma[i].lower() not in nouns and columns.lower[i] not in nouns):
                continue  # `is_word(token, "document_nouns")`, read from the columns
            token = span.doc[i]
            owner = self._owner(token)
            if not owner and token.dep_ in {"dobj", "pobj"}:
                verb = token.head if token.dep_ == "dobj" else token.head.head
                if verb.pos_ in _VERBAL and self.is_word(verb, "document_giving_verbs"):
                    agent = self.agent_at(verb)
                    if agent and agent.sides and not agent.tentative:
                        owner = agent.sides[0]
            if owner:
                self.document_side = owner
