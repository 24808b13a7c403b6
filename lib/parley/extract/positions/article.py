"""`extract_positions`: one article's positions, sentence by sentence.

Each sentence is read for the issues it names (`issues`), the answers to positions
just stated (`answers`) and, in bulleted lists, what the list's introduction gives its
items (`lists`); agents and their memory of documents and pronouns carry from one
sentence to the next (`agents`). A second, broader reading (`parley.extract.stances`)
adds what it finds in the sentences the first found nothing in.
"""

from __future__ import annotations

from collections import Counter

import re

from parley import nlp
from parley.extract.positions.agents import Agents, _person_index, main_parties
from parley.extract.positions.answers import answers
from parley.extract.positions.compliance import agreement_issue, compliance_positions
from parley.extract.positions.conditions import CONDITION, condition_positions
from parley.extract.positions.issues import _Position, positions_of
from parley.extract.positions import learned
from parley.extract.positions.lists import TermsIntro, ends_in_both_parties, introduces_terms, list_intro, list_items
from parley.extract.positions.sentences import _units
from parley.extract.positions.stance_cues import stance_cues
from parley.extract.positions.summits import leader_keys, summit_matches
from parley.knowledge import codebook as codebook_module
from parley.knowledge.sides import NO_PARTY
from parley.text import paragraph_spans

_BULLET = re.compile(r"^\s*(?:[\u2022\u00b7\u25aa\u25cf\u25e6\u2023\u2219*\-\u2013\u2014]|\d{1,2}[.)]|[a-z][.)])\s+")


def extract_positions(article, doc, people_rows=None, book: codebook_module.Codebook | None = None,
                      model: learned.Model | None = None) -> list[dict]:
    """Rows of positions.csv for one article: doc_id, side, issue, stance, start, end, quote,
    and how they were found: cue (the issue words), stance_cue, attribution. `model`: the
    sentence classifier giving the `learned` rows (default: the shipped one, where the
    project switches it on)."""
    model = model if model is not None else learned.active_model()
    found, candidates = read_positions(article, doc, people_rows, book, candidates=model is not None)
    return _rows(article, found + learned_positions(candidates, found, model), book or codebook_module.load())


def read_positions(article, doc, people_rows=None, book: codebook_module.Codebook | None = None, candidates: bool = True):
    """(the rules' positions, the `learned.Candidate`s: sentences with a stance cue and its agent;
    none looked for without `candidates`, where no classifier will read them)."""
    book = book or codebook_module.load()
    body = article.body
    bounds = paragraph_spans(body)
    agents = Agents(book, _person_index(people_rows), main_parties(body, book, article.title))
    list_intros: dict[int, tuple] = {}  # paragraph of a sentence ending in ":" -> what it gives its items
    terms_intros: dict[int, TermsIntro] = {}  # paragraphs introducing an agreement's terms
    paragraph_texts = [body[s:e] for s, e in bounds]
    bullets = {i for i, text in enumerate(paragraph_texts) if _BULLET.match(text)}
    found: list[_Position] = []
    kept = []  # positions on keeping an agreement, whose issue is known at the end
    previous: list[_Position] = []  # what the last sentence with positions stated, for "the demand" in the next
    units = _units(doc, body, bounds)
    leaders = leader_keys(people_rows, book, article.published)

    def issues_of(unit):
        named = [m for m in book.find_issues(unit.span) if not _among_kinds(m, book) and not _acting_organisation(m, book)
                 and not _a_place_of_something_else(m, book) and not _the_talks_course(m, book)
                 and not _in_a_purpose_clause(m, book)]
        named += _status_of_an_area(unit, named)
        if any(m.kind == "leaders_meeting" for m in named):
            return named
        return named + summit_matches(unit, leaders, book)

    recent_issues: list[tuple[int, frozenset]] = []  # (paragraph, issue kinds) of the sentences just read
    named_agreements: Counter = Counter()  # "the truce", "the ceasefire deal": issues the article names its agreement by
    for unit in units:
        agents.remember_documents(unit)
        cues = stance_cues(book, unit)
        issues = issues_of(unit)
        if unit.paragraph in bullets:
            found += list_items(agents, unit, issues, bullets, list_intros, terms_intros)
        else:
            issue_ids = frozenset(t.i for m in issues for t in m.tokens)
            stated = [p for m in issues for p in positions_of(agents, m, unit, cues, issue_ids)]
            conditions = condition_positions(agents, unit, issues)
            stated = _without(stated, [c for c in conditions if c.how == CONDITION])
            stated += _new_sides(conditions, stated)
            found += stated + answers(agents, unit, cues, stated, previous)
            previous = stated or previous
            if paragraph_texts[unit.paragraph].rstrip().endswith(":") and unit.span.text.rstrip().endswith(":"):
                intro = list_intro(agents, unit, cues)
                if intro:
                    list_intros[unit.paragraph] = intro
                elif (terms := introduces_terms(agents, unit)) or ends_in_both_parties(agents, unit):
                    terms_intros[unit.paragraph] = TermsIntro(terms, ends_in_both_parties(agents, unit))
        kept += compliance_positions(agents, unit, cues, _antecedent_issue(recent_issues, unit.paragraph))
        named_agreements.update(_agreement_names(book, unit))
        recent_issues = (recent_issues + [(unit.paragraph, frozenset(m.kind for m in issues))])[-_ANTECEDENT_SENTENCES:]
        agents.remember_sentence(unit)
    named = named_agreements.most_common(1)[0][0] if named_agreements else ""
    # a sentence stating a position on keeping the agreement is read: the broad reading adds nothing to it
    read = found + _kept_agreements(kept, found, named)
    broad, sentences = _broad_reading(article, book, agents, units, read, issues_of, candidates)
    found += broad
    found = _on_the_agreement(found, book, named)
    found = _joint_requests(found, agents.parties)
    return found + _kept_agreements(kept, found, named), sentences


def _agreement_names(book, unit) -> list[str]:
    """The issues of the agreements `unit` names: "the truce" (a ceasefire), "the ceasefire
    deal", "the prisoner exchange agreement"."""
    kinds = []
    nouns, doc = book.words("agreement_nouns"), unit.span.doc
    words_of = nlp.columns(doc)  # as `agents.is_word` reads a token, without making one for every word
    for i in range(unit.span.start, unit.span.end):
        if words_of.lower[i] not in nouns and words_of.lemma[i].lower() not in nouns:
            continue
        token = doc[i]
        words = [c for c in token.children if c.dep_ in {"compound", "amod"}] + [token]
        kinds += dict.fromkeys(m.kind for m in book.find_issues(words))
    return kinds


# "honouring it" two sentences after "The ceasefire ... came into force": how far back "it" looks
_ANTECEDENT_SENTENCES = 2


def _antecedent_issue(recent: list[tuple[int, frozenset]], paragraph: int) -> str:
    """The one issue the nearest sentence before, in the same paragraph, named (none if it named several)."""
    for at, kinds in reversed(recent):
        if at != paragraph:
            return ""
        if kinds:
            return next(iter(kinds)) if len(kinds) == 1 else ""
    return ""


def learned_positions(candidates: list[learned.Candidate], found: list[_Position], model) -> list[_Position]:
    """The classifier's issue for each candidate sentence no rule position lies in, where it is
    confident; the side and stance are the rules' (`learned`)."""
    if model is None:
        return []
    extra = []
    for candidate in candidates:
        if not model.admits(candidate) or any(_within(p.span, candidate.span) for p in found):
            continue
        guess = model.issue(candidate.features)
        if guess:
            extra.append(_Position(candidate.sides, guess[0], candidate.stance, learned.LEARNED, candidate.span,
                                   "", candidate.stance_cue))
    return extra


def _without(stated: list[_Position], conditions: list[_Position]) -> list[_Position]:
    """"Hamas will respect the truce as long as Israel frees the prisoners": the release is
    Hamas's condition, not something it agrees to; the condition's reading replaces the
    stance the main clause's cue gave the same side and issue."""
    covered = {(side, c.issue) for c in conditions for side in c.sides}
    return [kept for p in stated if (kept := _other_sides(p, covered))]


def _new_sides(extra: list[_Position], stated: list[_Position]) -> list[_Position]:
    """What `extra` says of a side and issue the sentence's other positions do not."""
    have = {(side, p.issue) for p in stated for side in p.sides}
    added = []
    for position in extra:
        kept = _other_sides(position, have)
        if kept:
            added.append(kept)
            have.update((s, kept.issue) for s in kept.sides)
    return added


def _other_sides(position: _Position, pairs: set) -> _Position | None:
    """`position` for its sides whose (side, issue) is not among `pairs`; None if none is left."""
    sides = tuple(s for s in position.sides if (s, position.issue) not in pairs)
    if not sides:
        return None
    return _Position(sides, position.issue, position.stance, position.how, position.span, position.cue, position.stance_cue)


def _joint_requests(found: list[_Position], parties: tuple[str, ...]) -> list[_Position]:
    """"Armenia and Azerbaijan jointly asked for its closure": what the two sides of the
    talks ask for or propose together, they agree on."""
    if len(parties) != 2:
        return found
    return [_Position(p.sides, p.issue, "agrees", p.how, p.span, p.cue, p.stance_cue)
            if p.stance in {"demands", "proposes"} and set(p.sides) == set(parties) and p.how in {"joint", "both_sides", "subject"}
            else p for p in found]


_AREA_STATUS = codebook_module.Cue("<area of conflict>'s status", ("'s", "status"))


def _status_of_an_area(unit, named) -> list:
    """"consultations on Crimea's status": the status of an area of conflict (data/regions.csv)
    is territory, as "the status of Crimea" is (`status of` among its cues)."""
    from parley.knowledge.gazetteer import is_conflict_area

    found = []
    for token in nlp.tokens_of(unit.span, "lower", {"status"}):
        if any(m.kind == "territory" and token in m.tokens for m in named):
            continue
        for owner in token.children:
            words = [t for t in owner.subtree if t.dep_ != "case"]
            if owner.dep_ == "poss" and words and is_conflict_area(unit.span.doc[words[0].i : words[-1].i + 1].text):
                found.append(codebook_module.Match("territory", _AREA_STATUS, (owner, token)))
    return found


def _on_the_agreement(found: list[_Position], book, named_issue: str = "") -> list[_Position]:
    """A stance on "the deal" with no issue of its own takes the issue the article names
    its agreement by (`named_issue`: "the truce"), else the one the parties are found
    agreeing on (`issue_giving_agreements`)."""
    named = book.words("issue_giving_agreements")
    unnamed = [p for p in found if p.issue == "other" and p.cue in named]
    issue = named_issue or agreement_issue([p for p in found if not (p.issue == "other" and p.cue in named)])
    if not unnamed or not issue:
        return found
    return [_Position(p.sides, issue, p.stance, p.how, p.span, p.cue, p.stance_cue) if p.issue == "other" and p.cue in named else p
            for p in found]


def _kept_agreements(kept, found: list[_Position], named_issue: str = "") -> list[_Position]:
    """Positions on keeping an agreement, with the agreement's issue (`_on_the_agreement`),
    unless the same sentence already gives the side that stance on it."""
    issue_of_the_agreement = named_issue or agreement_issue(found)
    extra = []
    for position in kept:
        issue = position.issue or issue_of_the_agreement
        if not issue:
            continue
        sides = tuple(s for s in position.sides if not any(
            s in p.sides and p.issue == issue and p.stance == position.stance and _within(p.span, position.unit_span)
            for p in found + extra))
        if sides:
            extra.append(_Position(sides, issue, position.stance, position.how, position.span, position.cue, position.stance_cue))
    return extra


def _broad_reading(article, book, agents: Agents, units, found: list[_Position], issues_of, want_candidates: bool = True):
    """What `parley.extract.stances` finds in the sentences where the reading above found no
    position (each sentence is still read, so pronouns find their agents), and each sentence
    with a stance cue whose agent is found, as a `learned.Candidate`."""
    from parley.extract.stances import BroadReader

    broad = BroadReader(article, book, {k: v for k, v in agents.people.items() if v != NO_PARTY}, agents.parties)
    have = {(side, p.issue, p.span) for p in found for side in p.sides}
    unit_chars = [unit.chars(unit.span) for unit in units]  # once per sentence, not once per position
    have_sentence = {(side, p.issue, u) for p in found for u, chars in enumerate(unit_chars) if _within(p.span, chars)
                     for side in p.sides}
    extra = []
    covered = {u for _, _, u in have_sentence}
    candidates = []
    party_chars = [(s, e) for s, e, _ in broad.party_spans]
    for index, unit in enumerate(units):
        judged = book.find_judged_stances(unit.span)
        # every sentence, the covered ones too (`learned_positions` passes over those), for
        # scoring the classifier alone; its agent before `read` moves the pronouns' memory on
        candidate = _candidate(broad, unit, index, judged, party_chars) if want_candidates else None
        if candidate:
            candidates.append(candidate)
        positions = broad.read(unit, issues_of(unit), judged)
        if index in covered:
            continue  # the first reading read this sentence: its positions stand
        for position in positions:
            sides = tuple(s for s in position.sides if s and s != NO_PARTY
                          and (s, position.issue, position.span) not in have and (s, position.issue, index) not in have_sentence)
            if sides:
                extra.append(_Position(sides, position.issue, position.stance, position.how, position.span,
                                       position.cue, position.stance_cue))
                have.update((s, position.issue, position.span) for s in sides)
    return extra, candidates


def _candidate(broad, unit, index: int, cues, party_chars) -> learned.Candidate | None:
    """The sentence as a `learned.Candidate`: its first explicit stance cue with an agent."""
    from parley.extract.stances import anchor_token

    for cue in cues:
        if cue.strength == "weak":
            continue
        token = anchor_token(cue.tokens)
        sides, how = broad.agent(token, unit)
        sides = tuple(s for s in sides if s and s != NO_PARTY)
        if not sides:
            continue
        stance = cue.kind
        if broad.negated(token):
            stance = broad.book.negation_flips.get(stance, stance)
        feats = learned.features(learned.words(unit.span, party_chars, unit.offset))
        return learned.Candidate(index, unit.chars(unit.span), feats, sides, stance, cue.cue.text, how)
    return None


def _among_kinds(match, book: codebook_module.Codebook) -> bool:
    """"women, children, elderly people and injured civilians", "political, humanitarian
    and military matters": a cue of one word listed with other kinds of people or of
    matters describes who is affected or what the talks cover, not a position."""
    if len(match.tokens) != 1:
        return False
    token = match.tokens[0]
    for key in ("people_kinds", "matter_kinds"):
        kinds = book.words(key)
        if token.lower_ in kinds and any(t.lower_ in kinds for t in token.conjuncts if t.i != token.i):
            return True
    return False


def _acting_organisation(match, book: codebook_module.Codebook) -> bool:
    """"US, NATO and partner troops", "the European Union's proposal": an issue cue that is
    only an organisation's name (`organisation_issue_cues`) names the organisation acting,
    not the issue of joining it, unless it is what something is done to or aimed at ("join
    NATO", "a path to the European Union") or heads a membership word ("NATO membership",
    "NATO's expansion")."""
    if " ".join(t.lower_ for t in match.tokens) not in book.words("organisation_issue_cues"):
        return False
    name = match.tokens[-1]  # the head of "European Union"
    while name.dep_ == "conj" and name.head.i != name.i:
        name = name.head  # "the right to join the EU and NATO"
    membership = book.words("membership_nouns")
    if name.dep_ in {"dobj", "pobj", "attr"}:
        return False
    if name.dep_ in {"compound", "poss", "nmod"} and name.head.lemma_.lower() in membership:
        return False
    return True


def _a_place_of_something_else(match, book: codebook_module.Codebook) -> bool:
    """"a ceasefire along the entire front line", "aid into every part of the enclave": a
    place cue after a preposition of place (`place_prepositions`) says where something
    else happens, not what is claimed about the place."""
    if match.kind not in book.words("place_issues"):
        return False
    head = match.tokens[-1]
    while head.head.i != head.i and (head.dep_ in {"compound", "amod"} or head.dep_ == "pobj" and head.head.lower_ == "of"):
        head = head.head if head.dep_ != "pobj" else head.head.head  # "every part of the enclave"
    return head.dep_ == "pobj" and head.head.lower_ in book.words("place_prepositions")


def _the_talks_course(match, book: codebook_module.Codebook) -> bool:
    """"a pause in the negotiations": a one-word cue whose "in" or "of" phrase names the talks
    (`process_nouns`) tells of the talks' course, not of the issue."""
    if len(match.tokens) != 1:
        return False
    named = [g for p in match.tokens[0].children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
             for g in p.children if g.dep_ == "pobj"]
    return any(n.lemma_.lower() in book.words("process_nouns") or n.lower_ in book.words("process_nouns") for n in named)


def _in_a_purpose_clause(match, book: codebook_module.Codebook) -> bool:
    """"honour the agreement in order to safeguard civilians' lives": what a position is for
    (a clause led by one of `purpose_markers`) is not a position on that issue."""
    markers = [" ".join(m) for m in book.phrases("purpose_markers")]
    doc = match.tokens[0].doc
    for clause in match.tokens[0].ancestors:
        if clause.pos_ not in {"VERB", "AUX"} or clause.dep_ not in {"acl", "advcl", "xcomp"}:
            continue
        opening = doc[clause.left_edge.i:clause.i]
        if clause.head.lower_ == "order" and clause.head.head.lower_ == "in":
            opening = doc[clause.head.head.i:clause.i]  # "in order to": the parse hangs "to safeguard" on "order"
        if any(" ".join(t.lower_ for t in opening).startswith(m) for m in markers):
            return True
    return False


def _within(inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1] or (inner[0] < outer[1] and outer[0] < inner[1])


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
