"""Dated events in one article: each date, the clause it belongs to, and who did what.

For every date `parley.extract.dates.find_dates` finds in the article's body, the dependency
parse says what the date belongs to:

- a verb ("the army shelled the port on Sunday"): the event is that verb's clause;
- an event noun ("a March 3 meeting", "the 2019 talks"): the event is that noun
  phrase, or the clause it is the subject of ("the first round of talks on March 3
  resulted in ..."); the event nouns are in `data/event_terms.yml`;
- any other noun ("pre-2008 borders", "claims post-2008"): no event, no row.

The quote (and its offsets into the file) is the clause around the date, cut where a
subordinate or coordinated clause begins, so that two dates in one sentence get two
quotes. The description is that clause trimmed to its core: the date itself, its
preposition, attributions ("according to ..."), durations and side clauses removed.

A sentence in the past tense that states no date of its own takes the day of the sentence
before it (narration carries its time on), unless it opens by leaving that time ("Meanwhile").

Dates that cannot be resolved within the article are kept (resolved False, date ""),
so the timeline report can list them and `parley.across.timeline.resolve_years` can place
those that lack only a year.
"""

from __future__ import annotations

import functools
import re


from parley import config, nlp
from parley.extract.dates import DateMention, find_dates
from parley.knowledge.sides import find_parties
from parley.read.corpus import Article
from parley.read.metadata import DMY, date_order, in_dateline

# Children of the event's head word that carry no "who did what".
DROPPED_CHILDREN = {"advmod", "mark", "intj", "dep", "meta", "cc", "preconj"}
MAX_DESCRIPTION_WORDS = 28
_VERBS = {"VERB", "AUX"}
_NOUNS = {"NOUN", "PROPN"}
# A date after one of these says when something happened, whatever noun it hangs from.
_TEMPORAL = {"on", "since", "until", "till", "by", "before", "after", "during", "from", "at"}
# How a parse hangs a bare day from a noun ("The two sides June 2 held ...": an apposition).
_BARE_DAY_DEPS = {"appos", "nmod", "amod", "npadvmod"}


@functools.lru_cache(maxsize=None)
def terms() -> dict:
    data = config.data_yaml("event_terms.yml")
    for key in ("event_nouns", "time_nouns", "attribution_words", "reporting_verbs", "weak_words", "scene_changes"):
        data[key] = frozenset(w.lower() for w in data[key])
    return data


def extract_events(article: Article, doc) -> list[dict]:
    """One row per dated event mention in `article` (`doc` is the parse of its body)."""
    rows, seen = [], set()
    day_first = date_order(article.raw) == DMY
    for mention in find_dates(article.body, article.published, day_first=day_first):
        row = _event_row(article, doc, mention)
        if row is None:
            continue
        key = (row["start"], row["end"], row["date"], row["date_text"])
        if key in seen:
            continue
        seen.add(key)
        rows.append(row)
    rows += _carried_rows(article, doc, rows)
    return sorted(rows, key=lambda r: (r["start"], r["date_start"]))


def _carried_rows(article: Article, doc, rows: list[dict]) -> list[dict]:
    """Narration carries its date on: a sentence in the past tense that states no date of its
    own ("On Monday the envoys met in Doha. They agreed to extend the truce.") tells of the
    time of the sentence before it, and its event takes the last day that sentence dates
    an event with (basis "previous"). Not a sentence in the present or future tense, one
    that opens by leaving that time ("Meanwhile, ...", "Earlier, ..."; `scene_changes` in
    data/event_terms.yml), nor after a sentence that dates nothing to the day (a month or
    year there is mostly background: "since the invasion in February 2022")."""
    sentences = list(doc.sents)
    raw = [article.span(s.start_char, s.end_char)[:2] for s in sentences]
    carried = []
    for i in range(1, len(sentences)):
        sentence = sentences[i]
        (p_start, p_end), (s_start, s_end) = raw[i - 1], raw[i]
        if (any(s_start <= r["date_start"] < s_end for r in rows) or not _told_in_the_past(sentence.root)
                or _changes_scene(sentence)):
            continue
        before = [r for r in rows if p_start <= r["date_start"] < p_end and r["resolved"] and r["precision"] == "day"]
        if not before:
            continue
        anchor = sentence.root
        kept = _clause_tokens(anchor, anchor)
        words = [doc[i] for i in sorted(kept) if not doc[i].is_space]
        if len(words) > MAX_DESCRIPTION_WORDS:
            words = _without_noun_clauses(words, anchor)[:MAX_DESCRIPTION_WORDS]
        while words and words[-1].is_punct:
            words = words[:-1]
        tokens = [t for t in sentence if not t.is_space]
        while len(tokens) > 1 and tokens[-1].is_punct and tokens[-1].text not in ")\"'\u201d":
            tokens = tokens[:-1]
        raw_start, raw_end, quote = article.span(tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
        carried.append({**before[-1], "description": _join(words), "start": raw_start, "end": raw_end, "quote": quote,
                        "basis": "previous", "anchor": "clause", "actors": "|".join(_actors(anchor)),
                        "statement": anchor.lemma_.lower() in terms()["reporting_verbs"]})
    return carried


def _changes_scene(sentence) -> bool:
    """"Meanwhile, ...", "Earlier, ...", "Separately, ...": the sentence leaves the time of the one before."""
    words = [t.lower_ for t in sentence if not t.is_space][:3]
    return any(w in terms()["scene_changes"] for w in words[:1]) or " ".join(words[:2]) in terms()["scene_changes"]


def _told_in_the_past(root) -> bool:
    """Is the sentence headed by `root` told in the simple past ("agreed", "was killed",
    "were gathering")? Not a perfect: "had met" is before the time told, "has met" at no
    time in particular; not the present ("is expected")."""
    if root.pos_ not in _VERBS:
        return False
    auxiliaries = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_.lower() == "have" for a in auxiliaries):
        return False
    if auxiliaries:
        return auxiliaries[0].tag_ == "VBD" and auxiliaries[0].lemma_.lower() == "be"
    return root.tag_ == "VBD"


def _event_row(article: Article, doc, mention: DateMention) -> dict | None:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    date_root = _span_root(span)
    anchor = _anchor(date_root, span)
    if anchor is None and mention.precision == "day":
        anchor = _verb_above_a_day(date_root, span)
    if anchor is None:
        return None
    kept = _clause_tokens(anchor, date_root)
    run = _contiguous_run(doc, kept, date_root, anchor, span)
    start, end = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]].text)
    raw_start, raw_end, quote = article.span(start, end)
    date_start, date_end, _ = article.span(mention.start, mention.end)
    return {
        "doc_id": article.doc_id,
        "date": mention.date,
        "precision": mention.precision,
        "date_text": mention.text,
        "description": _describe(anchor, kept, date_root, span),
        "start": raw_start,
        "end": raw_end,
        "quote": quote,
        "basis": mention.basis,
        "resolved": mention.resolved,
        "needs_year": mention.needs_year,
        "partial": mention.partial,
        "date_start": date_start,
        "date_end": date_end,
        "anchor": "clause" if anchor.pos_ in _VERBS else "noun",
        "actors": "|".join(_actors(anchor)),
        "statement": anchor.pos_ in _VERBS and anchor.lemma_.lower() in terms()["reporting_verbs"],
    }


# --- what the date belongs to --------------------------------------------------------


def _span_root(span):
    """The token of the date expression that the rest of the sentence attaches to."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    return outside[0] if outside else span.root


def _anchor(date_root, span):
    """The verb or event noun the date belongs to, or None when it dates a thing."""
    t = terms()
    if (item := _list_item(span)) is not None:
        return item
    if (clause := _dated_clause(date_root, span)) is not None:
        return clause
    if (verb := _verb_of_fronted_date(date_root, span)) is not None:
        return verb
    if (verb := _verb_of_glued_subject(date_root, span)) is not None:
        return verb
    token = date_root
    while True:
        head = token.head
        if head.i == token.i:  # the date heads its sentence: a dated event noun or nothing
            return None
        if span.start <= head.i < span.end or (token.dep_ == "conj" and head.ent_type_ in ("DATE", "TIME")):
            token = head  # within the expression, or a date coordinated with another ("March 3 and 4")
            continue
        if head.pos_ in _VERBS:
            return _reporting_verb(_main_verb(head), date_root)
        lemma = head.lemma_.lower()
        if head.pos_ in _NOUNS and (lemma in t["event_nouns"] or head.text.lower() in t["event_nouns"]):
            return _event_of_noun(head)
        if head.pos_ in _NOUNS and lemma in t["time_nouns"]:
            token = head  # "the second day on March 9 ...": pass the date on
            continue
        if head.pos_ in _NOUNS and token.pos_ == "ADP" and token.lower_ in _TEMPORAL:
            token = head  # "contact since Feb. 28", "the row on Monday": the date is when, not what
            continue
        if head.pos_ in _NOUNS or head.pos_ == "PRON" or head.pos_ == "NUM":
            return None
        token = head  # prepositions, adverbs, adjectives: keep climbing


def _verb_above_a_day(date_root, span):
    """A day introduced by a temporal preposition ("on Monday", "since August 1") says when
    something happened, whatever noun the parse hangs it from ("Dozens of envoys from both
    sides on Monday arrived ..."): it dates the nearest verb above it. So does a bare day
    the parse reads as a modifier of a noun ("The two sides June 2 held ...", news agency
    style), a dateline's day among them: "CAIRO – 22 November 2023: Israel and Hamas have
    agreed ..." tells the lede's news on that day. A year or a month may date a thing ("the
    lines of 2014"); a day hardly ever does."""
    after_preposition = span.start > 0 and date_root.doc[span.start - 1].lower_ in _TEMPORAL
    bare = date_root.dep_ in _BARE_DAY_DEPS and date_root.head.pos_ in _NOUNS
    if not (after_preposition or bare):
        return None
    verb = next((a for a in date_root.ancestors if a.pos_ in _VERBS), None)
    return None if verb is None else _reporting_verb(_main_verb(verb), date_root)


def _verb_of_fronted_date(date_root, span):
    """"On Friday President X had said ...": the parser reads "Friday President X" as one
    name; the date belongs to the verb its preposition hangs from."""
    if date_root.dep_ != "compound" or date_root.head.pos_ != "PROPN" or span.start == 0:
        return None  # "based on pre-2014 borders": a date naming a thing
    preposition = date_root.doc[span.start - 1]
    if preposition.pos_ == "ADP" and preposition.lower_ in _TEMPORAL and preposition.head.pos_ in _VERBS:
        return _reporting_verb(_main_verb(preposition.head), date_root)
    return None


def _list_item(span):
    """A timeline line "- 2 March: Taliban resume attacks on Afghan forces": what follows
    the colon on the date's line, however the parse joined the lines (its verb, or the
    noun phrase when it has none: "3 March: Trump–Baradar phone call")."""
    doc = span.doc
    text = nlp.doc_text(doc)
    line_start = text.rfind("\n", 0, span.start_char) + 1
    if text[line_start : span.start_char].strip(" \t-\u2013\u2014\u2022*") or span.end >= len(doc) or doc[span.end].text != ":":
        return None
    line = []
    for token in doc[span.end + 1 :]:
        if "\n" in token.text:
            break
        line.append(token)
        if "\n" in token.whitespace_:
            break
    inside = {t.i for t in line}
    roots = [t for t in line if t.head.i not in inside or t.head.i == t.i]
    verbs = [t for t in roots if t.pos_ in _VERBS]
    head = verbs[0] if verbs else next((t for t in roots if t.pos_ in _NOUNS), None)
    return head


def _verb_of_glued_subject(date_root, span):
    """"That day Santos, flanked by ministers, walked ...": a date opening the sentence that
    the parser hangs from the subject after it dates the subject's verb."""
    head = date_root.head
    if (span.start != date_root.sent.start or date_root.dep_ not in ("npadvmod", "compound", "nmod")
            or head.dep_ not in ("nsubj", "nsubjpass") or head.head.pos_ not in _VERBS
            or any(c.dep_ == "case" for c in date_root.children)):
        return None
    return _reporting_verb(_main_verb(head.head), date_root)


def _dated_clause(date_root, span):
    """A date that a clause describes: "since Feb. 28, when X berated Y" (the "when"
    clause), or a list item "14 August: the ship sails from Yuzhne" (the clause after
    the colon)."""
    for child in date_root.children:
        if child.i >= span.end and child.dep_ in ("relcl", "acl", "advcl") and child.pos_ in _VERBS:
            if any(c.lower_ == "when" for c in child.children):
                return child
    if date_root.head.i == date_root.i:
        doc = date_root.doc
        colon = span.end < len(doc) and doc[span.end].text == ":"
        if colon:
            verbs = [t for t in doc[span.end + 1 : date_root.sent.end] if t.pos_ in _VERBS and t.dep_ != "aux"]
            return verbs[0] if verbs else None
        if span.start == date_root.sent.start:
            # "The following day both sides accused ...": a fronted date the parser made the
            # sentence's head, with the clause hanging from it as if it were a relative clause
            return next((c for c in date_root.children if c.i >= span.end and c.dep_ in ("relcl", "acl")
                         and c.pos_ in _VERBS), None)
    return None


def _event_of_noun(noun):
    """The happening an event noun names: its clause when it is the clause's subject
    ("the first round of talks on March 3 resulted in ..."), else the noun phrase."""
    while noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in _NOUNS:
        noun = noun.head.head  # "round of talks": the phrase is headed by "round"
    if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in _VERBS:
        return noun.head
    return noun


def _main_verb(verb):
    """A verb without a clause of its own hands the date to the one it completes:
    "was seen walking out ... on Monday" (xcomp), "talks presided over ... on April 7"
    (a participle on the object or subject of a clause)."""
    while True:
        head = verb.head
        if verb.dep_ == "xcomp" and head.pos_ in _VERBS:
            verb = head
        elif verb.dep_ == "acl" and head.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.head.pos_ in _VERBS:
            verb = head.head
        else:
            return verb


def _reporting_verb(verb, date_root):
    """"X said on Sunday he would ...": the date belongs to "said", not to "would send"."""
    head = verb.head
    if verb.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in terms()["reporting_verbs"]:
        return verb
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    boundary = subject.left_edge.i if subject is not None else verb.i
    return head if head.i < date_root.i < boundary else verb


def _actors(anchor) -> list[str]:
    """The parties doing the deed: those named in the clause's subject, or in the noun
    phrase the date belongs to ("Israel struck ..." -> Israel)."""
    if anchor.pos_ in _VERBS:
        subjects = [c for c in anchor.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
        if not subjects:
            return []
        start = min(s.left_edge.idx for s in subjects)
        end = max(s.right_edge.idx + len(s.right_edge.text) for s in subjects)
    else:
        start, end = anchor.left_edge.idx, anchor.idx + len(anchor.text)
    return sorted({m.party for m in find_parties(nlp.doc_text(anchor.doc)[start:end])})


# --- the clause: quote and description ----------------------------------------------------


def _clause_tokens(anchor, date_root) -> set[int]:
    """Indices of the anchor's subtree without its side clauses (unless they hold the date):
    subordinate clauses, and whatever is coordinated with the anchor itself or with a
    verb inside it ("... resulted in a swap, but no signs of peace"). Coordination
    inside a phrase stays ("Israel and Hamas agreed ...")."""
    kept = {t.i for t in anchor.subtree}
    date_path = {date_root.i, *(a.i for a in date_root.ancestors)}
    for token in anchor.subtree:
        if token.i == anchor.i or token.i in date_path:
            continue
        if _starts_side_clause(token, anchor):
            kept -= {t.i for t in token.subtree}
    return kept


def _starts_side_clause(token, anchor) -> bool:
    if token.dep_ in ("advcl", "parataxis"):
        return True
    if token.dep_ == "appos" and anchor.pos_ in _NOUNS and token.head.i == anchor.i:
        return True
    if token.dep_ in ("conj", "cc", "preconj"):
        head = token.head
        return head.i == anchor.i or head.pos_ in _VERBS
    return False


def _contiguous_run(doc, kept: set[int], date_root, anchor, span) -> list[int]:
    """The unbroken stretch of `kept` holding both the date and its anchor, within one
    paragraph, without punctuation at either end."""
    low = min(date_root.i, anchor.i, span.start)
    high = max(date_root.i, anchor.i, span.end - 1)
    while low - 1 in kept and "\n" not in doc[low - 1].text and "\n" not in doc[low - 1].whitespace_:
        low -= 1
    while high + 1 in kept and "\n" not in doc[high + 1].text and "\n" not in doc[high].whitespace_:
        high += 1
    while high > low and (doc[high].is_punct or doc[high].is_space) and doc[high].text not in ")\"'":
        high -= 1
    while low < high and (doc[low].is_punct or doc[low].is_space):
        low += 1
    return list(range(low, high + 1))


def _describe(anchor, kept: set[int], date_root, span) -> str:
    """Who did what: the clause without the date, attributions, durations and asides."""
    t = terms()
    drop = set(range(span.start, span.end)) | {x.i for x in _temporal_phrase(date_root).subtree}
    if anchor.i in drop:  # "The following day both sides accused ...": the clause hangs from the date
        drop -= {x.i for x in anchor.subtree} - set(range(span.start, span.end))
    if _verb_of_fronted_date(date_root, span) is not None:
        drop.add(span.start - 1)  # its "On"
    for child in anchor.children:
        lemma = child.lemma_.lower()
        if child.dep_ in DROPPED_CHILDREN and child.lower_ != "not":
            drop |= {x.i for x in child.subtree}
        elif lemma in t["attribution_words"] or child.lower_ in t["attribution_words"]:
            drop |= {x.i for x in child.subtree}
        elif _is_time_modifier(child):
            drop |= {x.i for x in child.subtree}
    paragraph = _paragraph(anchor.doc, span.start)
    text = nlp.doc_text(anchor.doc)  # a dateline ("HAVANA —") is where the story was filed
    words = [anchor.doc[i] for i in sorted(kept - drop) if i in paragraph and not in_dateline(text, anchor.doc[i].idx)]
    if len(words) > MAX_DESCRIPTION_WORDS:
        words = _without_noun_clauses(words, anchor)
    words = words[:MAX_DESCRIPTION_WORDS]
    antecedent = anchor.head
    if anchor.dep_ == "relcl" and words and words[0].tag_ in ("WP", "WDT") and antecedent.ent_type_ not in ("DATE", "TIME"):
        # "X, who met Y on Monday": the relative pronoun stands for X
        words = [w for w in antecedent.subtree if w.i <= antecedent.i and w.dep_ != "punct"] + words[1:]
    elif anchor.dep_ == "conj" and antecedent.pos_ in _VERBS and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children):
        # "Talks resumed on July 3 and collapsed on the 15th": the verbs share the subject
        subject = next((c for c in antecedent.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.i < anchor.i:
            words = [w for w in subject.subtree if w.dep_ != "punct"] + words
    while words and (words[-1].is_punct or words[-1].is_space):
        words = words[:-1]
    return _join(words)


def _paragraph(doc, i: int) -> range:
    """The token indices of the paragraph (line) holding token `i`: a parse can run a menu
    line or a section label into the story's first sentence ("Get the App Russian and
    Ukrainian delegations ended ..."); the description stays on the date's line."""
    # a token's whitespace is one space or none: only a token's own text holds a line break
    texts = nlp.columns(doc).text
    low, high = i, i
    while low > 0 and "\n" not in texts[low - 1]:
        low -= 1
    while high + 1 < len(texts) and "\n" not in texts[high + 1]:
        high += 1
    return range(low, high + 1)


def _temporal_phrase(date_root):
    """The date with the preposition that introduces it ("on Sunday", "in October 2023",
    "over a month ago")."""
    token = date_root
    while token.head.i != token.i and token.head.pos_ == "ADP" and token.dep_ in ("pobj", "pcomp"):
        token = token.head
    return token


def _is_time_modifier(token) -> bool:
    """A duration or time aside: "in over three years", "for one week", "the second time"."""
    if token.dep_ == "npadvmod" and token.lemma_.lower() in terms()["time_nouns"]:
        return True
    if token.dep_ != "prep":
        return False
    objects = [c for c in token.children if c.dep_ == "pobj"]
    return bool(objects) and all(
        o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in terms()["time_nouns"] for o in objects
    )


def _without_noun_clauses(words, anchor):
    """A long description loses the clauses hanging off its nouns first."""
    drop = set()
    for w in words:
        if w.dep_ in ("relcl", "acl", "appos") and w.head.i != anchor.i:
            drop |= {x.i for x in w.subtree}
    return [w for w in words if w.i not in drop]


def _join(tokens) -> str:
    """Tokens back to text with their own spacing; gaps left by removals closed."""
    pieces = []
    for i, token in enumerate(tokens):
        adjacent = i + 1 < len(tokens) and tokens[i + 1].i == token.i + 1
        pieces.append(token.text + (token.whitespace_ if adjacent else " "))
    text = "".join(pieces)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,.;:!?)])", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    return text.strip(" ,;:-\u2013\u2014")
