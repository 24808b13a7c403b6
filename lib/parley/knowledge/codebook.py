"""The codebook: issues, their cue words, and the words that say where a side stands.

Everything a position is recognised by lives in `data/codebook.yml`; this module only
reads it and matches its cues against spaCy tokens. `load(path)` takes another file so
that a test (or a user) can try a modified codebook without touching the library.

Cue syntax (see the YAML's header): words match a token's text or lemma ignoring case,
`word*` matches any ending, `...` lets a few words come between, punctuation is
ignored on both sides.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from parley import config

STANCES = ("demands", "proposes", "rejects", "agrees")
GAP = "..."


class CodebookError(ValueError):
    """A codebook file that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Cue:
    text: str
    words: tuple[str, ...]  # lower-case words, "..." for a gap, "x*" for a prefix
    topic: str = ""  # the finer topic under its issue this cue names ("enrichment"), if any
    contrary: bool = False  # states the opposite of its issue ("resume fighting" against a ceasefire)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Topic:
    """A finer subject under an issue (`enrichment` under `military_limits`)."""

    id: str
    issue: str
    label: str
    definition: str
    pa_x: str | None


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    definition: str
    cues: tuple[Cue, ...]
    pa_x: str | None
    pa_x_label: str | None
    topics: tuple[Topic, ...] = ()


@dataclass(frozen=True)
class Match:
    """A cue found in a run of tokens: `kind` is an issue id or a stance."""

    kind: str
    cue: Cue
    tokens: tuple  # the spaCy tokens that matched, in order (gaps excluded)
    strength: str = "explicit"  # or "weak" (stance cues only)

    @property
    def start(self) -> int:
        return self.tokens[0].i

    @property
    def end(self) -> int:
        return self.tokens[-1].i + 1

    @property
    def length(self) -> int:
        return len(self.tokens)


@dataclass(frozen=True)
class Codebook:
    path: Path
    gap_words: int
    issues: dict[str, Issue]
    stance_cues: dict[str, tuple[Cue, ...]]
    weak_stance_cues: dict[str, tuple[Cue, ...]]
    negators: frozenset[str]
    negation_flips: dict[str, str]
    attribution: dict

    # --- lookups -----------------------------------------------------------------------

    def issue_ids(self) -> list[str]:
        return list(self.issues)

    def label(self, issue_id: str) -> str:
        issue = self.issues.get(issue_id)
        return issue.label if issue else issue_id

    def topic_of(self, issue_id: str, cue_text: str) -> str:
        """The finer topic a found cue names under its issue ("" for none)."""
        issue = self.issues.get(issue_id)
        return next((c.topic for c in issue.cues if c.text == cue_text), "") if issue else ""

    def words(self, key: str) -> frozenset[str]:
        """A word list of the `attribution` section, lower-cased."""
        if key not in self._word_lists:
            self._word_lists[key] = frozenset(str(w).lower() for w in self.attribution.get(key, []) or [])
        return self._word_lists[key]

    def phrases(self, key: str) -> tuple[tuple[str, ...], ...]:
        """A phrase list of the `attribution` section, each as its words."""
        if key not in self._phrase_lists:
            self._phrase_lists[key] = tuple(_words(str(p)) for p in self.attribution.get(key, []) or [])
        return self._phrase_lists[key]

    @functools.cached_property
    def _word_lists(self) -> dict[str, frozenset[str]]:
        return {}

    @functools.cached_property
    def _phrase_lists(self) -> dict[str, tuple]:
        return {}

    @property
    def document_default_stance(self) -> str:
        return str(self.attribution.get("document_default_stance", "demands"))

    # --- matching ----------------------------------------------------------------------

    def find_issues(self, tokens) -> list[Match]:
        """Issue cues in `tokens` (a spaCy Span or token list), overlaps resolved longest-first."""
        return _memo(tokens, ("issues", id(self)), lambda: _longest_first(self._issue_index.find(_words_of(tokens), self.gap_words)))

    def find_stances(self, tokens) -> list[Match]:
        """Stance cues in `tokens`, explicit and weak, overlaps resolved longest-first."""
        return _memo(tokens, ("stances", id(self)), lambda: _longest_first(self._stance_index.find(_words_of(tokens), self.gap_words)))

    def find_verdicts(self, tokens) -> list[Match]:
        """"called the deal a historic mistake", "deemed the proposal unacceptable": a verdict
        (`verdicts` by stance) on what a verb of judging (`verdict_verbs`) takes as object,
        a stance of the verb's subject. Matches of two tokens: the verb and the verdict."""
        judging = self.words("verdict_verbs")
        found = []
        if hasattr(tokens, "start"):  # a Span: a Token made only for each object predicate
            from parley import nlp

            tokens = nlp.tokens_of(tokens, "dep", {"oprd"})
        for token in tokens:
            if token.dep_ != "oprd" or token.head.lemma_.lower() not in judging:
                continue
            for stance in STANCES:
                if token.lemma_.lower() in self.verdict_words(stance):
                    text = f"{token.head.lemma_.lower()} ... {token.lemma_.lower()}"
                    found.append(Match(stance, Cue(text, tuple(text.split())), (token.head, token)))
        return found

    def verdict_words(self, stance: str) -> frozenset[str]:
        key = f"verdicts.{stance}"
        if key not in self._word_lists:
            verdicts = self.attribution.get("verdicts") or {}
            self._word_lists[key] = frozenset(str(w).lower() for w in verdicts.get(stance, []) or [])
        return self._word_lists[key]

    def find_judged_stances(self, tokens) -> list[Match]:
        """`find_stances` with each verdict ("called the deal a mistake") in place of the plain
        cue of its verdict word ("unacceptable"), so that the judge holds the stance."""
        verdicts = self.find_verdicts(tokens)
        judged = {m.tokens[-1].i for m in verdicts}
        return [m for m in self.find_stances(tokens) if not any(t.i in judged for t in m.tokens)
                and not _supposed(m.tokens[0])] + verdicts

    @functools.cached_property
    def _issue_index(self) -> _CueIndex:
        return _CueIndex([(issue.id, cue, "explicit") for issue in self.issues.values() for cue in issue.cues])

    @functools.cached_property
    def _stance_index(self) -> _CueIndex:
        entries = []
        for stance in STANCES:
            entries += [(stance, cue, "explicit") for cue in self.stance_cues.get(stance, ())]
            entries += [(stance, cue, "weak") for cue in self.weak_stance_cues.get(stance, ())]
        return _CueIndex(entries)

    def phrase_at(self, key: str, tokens) -> bool:
        """Whether `tokens` read as one of the phrases of attribution list `key`."""
        words = tuple(t.lower_ for t in tokens if _is_word(t))
        return any(words[-len(p):] == p and len(words) <= len(p) + 1 for p in self.phrases(key) if p)


_SUPPOSING = frozenset({"if", "unless", "whether"})


def _supposed(token) -> bool:
    """A stance word in a clause that supposes rather than states ("if UN inspectors want
    to visit a site", "it takes effect only if Russia accepts it"): nobody's stance yet."""
    node = token
    for _ in range(4):
        if not hasattr(node, "children"):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _SUPPOSING for c in node.children):
            return True
        if node.dep_ in {"ROOT", "ccomp"} or node.head.i == node.i:
            return False
        node = node.head
    return False


def table(path: str | Path | None = None):
    """The codebook as a table for the report and the README: issue, label, definition,
    pa_x, pa_x_label, cues (joined by "; ")."""
    import pandas as pd

    book = load(path)
    rows = [
        {"issue": i.id, "label": i.label, "definition": i.definition, "pa_x": i.pa_x or "",
         "pa_x_label": i.pa_x_label or "", "cues": "; ".join(c.text for c in i.cues if not c.topic)}
        for i in book.issues.values()
    ]
    return pd.DataFrame(rows, columns=["issue", "label", "definition", "pa_x", "pa_x_label", "cues"])


def topics_table(path: str | Path | None = None):
    """The finer topics under the issues: topic, issue, label, definition, pa_x, cues."""
    import pandas as pd

    book = load(path)
    rows = [
        {"topic": t.id, "issue": i.id, "label": t.label, "definition": t.definition, "pa_x": t.pa_x or "",
         "cues": "; ".join(c.text for c in i.cues if c.topic == t.id)}
        for i in book.issues.values() for t in i.topics
    ]
    return pd.DataFrame(rows, columns=["topic", "issue", "label", "definition", "pa_x", "cues"])


# --- loading ---------------------------------------------------------------------------


def default_path() -> Path:
    return config.data_file("codebook.yml")


def load(path: str | Path | None = None) -> Codebook:
    """The codebook at `path`; by default the one in force: the library's
    `data/codebook.yml` with the project file's additions (`parley.knowledge.project_file`)."""
    return _load(Path(path)) if path else _in_force()


@functools.lru_cache(maxsize=1)
def _in_force() -> Codebook:
    from parley.knowledge import project_file

    return parse(project_file.codebook_data(), project_file.codebook_source())


@functools.lru_cache(maxsize=8)
def _load(path: Path) -> Codebook:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as err:
        raise CodebookError(f"Cannot read the codebook {path}: {err}") from err
    except yaml.YAMLError as err:
        raise CodebookError(f"The codebook {path} is not valid YAML: {err}") from err
    return parse(data, path)


def parse(data, path: Path) -> Codebook:
    """A codebook from its YAML data; `path` names where it comes from in errors."""
    if not isinstance(data, dict) or not isinstance(data.get("issues"), dict):
        raise CodebookError(f"The codebook {path} needs an `issues` mapping.")
    issues = {}
    for issue_id, entry in data["issues"].items():
        if not isinstance(entry, dict) or "label" not in entry:
            raise CodebookError(f"{path.name}: issue `{issue_id}` needs at least a `label`.")
        topics = tuple(
            Topic(str(t), str(issue_id), str(spec.get("label", t)), str(spec.get("definition", "")), spec.get("pa_x"))
            for t, spec in (entry.get("topics") or {}).items()
        )
        topic_cues = tuple(_cue(c, str(t)) for t, spec in (entry.get("topics") or {}).items() for c in spec.get("cues") or [])
        issues[str(issue_id)] = Issue(
            id=str(issue_id),
            label=str(entry["label"]),
            definition=str(entry.get("definition", "")),
            cues=tuple(_cue(c) for c in entry.get("cues") or []) + topic_cues
            + tuple(_cue(c, contrary=True) for c in entry.get("contrary_cues") or []),
            pa_x=entry.get("pa_x"),
            pa_x_label=entry.get("pa_x_label"),
            topics=topics,
        )
    stances = data.get("stances") or {}
    unknown = set(stances) - set(STANCES)
    if unknown:
        raise CodebookError(f"{path.name}: unknown stance(s) {sorted(unknown)}; the stances are {', '.join(STANCES)}.")
    negation = data.get("negation") or {}
    return Codebook(
        path=path,
        gap_words=int(data.get("gap_words", 4)),
        issues=issues,
        stance_cues={s: tuple(_cue(c) for c in (stances.get(s) or {}).get("cues") or []) for s in STANCES},
        weak_stance_cues={s: tuple(_cue(c) for c in (stances.get(s) or {}).get("weak") or []) for s in STANCES},
        negators=frozenset(str(w).lower() for w in negation.get("negators") or []),
        negation_flips={str(k): str(v) for k, v in (negation.get("flips") or {}).items()},
        attribution=dict(data.get("attribution") or {}),
    )


def _cue(text, topic: str = "", contrary: bool = False) -> Cue:
    return Cue(str(text), _words(str(text)), topic, contrary)


def _words(text: str) -> tuple[str, ...]:
    """A cue's words: letters and digits runs, `*` kept as a suffix, `...` as a gap."""
    return tuple(re.findall(r"\.\.\.|[^\W_]+\*?", text.lower()))


# --- matching --------------------------------------------------------------------------


def _is_word(token) -> bool:
    """Tokens that count for matching: anything with a letter or digit (not "-", "'", "•")."""
    return _has_letter_or_digit(token.text)


@functools.lru_cache(maxsize=1 << 16)
def _has_letter_or_digit(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _form_matches(word: str, forms: tuple[str, str]) -> bool:
    if word.endswith("*"):
        stem = word[:-1]
        return forms[0].startswith(stem) or forms[1].startswith(stem)
    return word in forms


class _Words:
    """The words of a run of tokens with their (text, lemma) forms, computed once for all cues."""

    def __init__(self, tokens):
        doc = getattr(tokens, "doc", None)
        if doc is not None and hasattr(tokens, "start"):  # a Span: its words read from the Doc's columns
            from parley import nlp

            columns = nlp.columns(doc)
            self._doc = doc
            self._indices = [i for i in range(tokens.start, tokens.end) if _has_letter_or_digit(columns.text[i])]
            self._tokens = None
            self.forms = [(columns.lower[i], columns.lemma[i].lower()) for i in self._indices]
        else:
            self._tokens = [t for t in tokens if _is_word(t)]
            self.forms = [(t.lower_, t.lemma_.lower()) for t in self._tokens]

    def token(self, index: int):
        """The Token of word `index` (made only for the words a cue matches)."""
        if self._tokens is not None:
            return self._tokens[index]
        return self._doc[self._indices[index]]

    def find(self, cue: Cue, kind: str, gap_words: int) -> list[Match]:
        if not cue.words:
            return []
        first = cue.words[0]
        found = []
        for start, forms in enumerate(self.forms):
            if first != GAP and not _form_matches(first, forms):
                continue
            matched = self._match_from(cue.words, start, gap_words)
            if matched:
                found.append(Match(kind, cue, tuple(self.token(i) for i in matched)))
        return found

    def _match_from(self, pattern, start, gap_words) -> list[int] | None:
        """Indices of the words matching `pattern` from word `start`, shortest gaps first."""
        if not pattern:
            return []
        head, rest = pattern[0], pattern[1:]
        if head == GAP:
            for skip in range(0, gap_words + 1):
                tail = self._match_from(rest, start + skip, gap_words)
                if tail is not None:
                    return tail
            return None
        if start >= len(self.forms) or not _form_matches(head, self.forms[start]):
            return None
        tail = self._match_from(rest, start + 1, gap_words)
        return None if tail is None else [start] + tail


_PREFIX_KEY = 3  # letters of a "word*" cue's stem it is filed under


class _CueIndex:
    """Cues looked up by their first word, so a run of tokens is read once for all cues
    rather than once per cue (the codebook holds hundreds). Matches come out in the order
    the cues are listed, as if each cue had been tried in turn: where two cues overlap
    equally, the one listed first still wins."""

    def __init__(self, entries: list[tuple[str, Cue, str]]):
        self.entries = [e for e in entries if e[1].words]
        self.exact: dict[str, list[int]] = {}
        self.prefixed: dict[str, list[tuple[str, int]]] = {}  # (stem, entry) of cues starting "word*", by the stem's start
        self.anywhere: list[int] = []  # cues starting with a gap
        self._starts: dict[tuple[str, str], set[int]] = {}
        for index, (_, cue, _) in enumerate(self.entries):
            first = cue.words[0]
            if first == GAP:
                self.anywhere.append(index)
            elif first.endswith("*"):
                stem = first[:-1]
                self.prefixed.setdefault(stem[:_PREFIX_KEY], []).append((stem, index))
            else:
                self.exact.setdefault(first, []).append(index)

    def _starting_at(self, forms: tuple[str, str]) -> set[int]:
        found = self._starts.get(forms)
        if found is None:  # a word's forms recur in every sentence: looked up once
            found = self._starts[forms] = self._lookup(forms)
        return found

    def _lookup(self, forms: tuple[str, str]) -> set[int]:
        found = set(self.anywhere)
        for form in set(forms):
            found.update(self.exact.get(form, ()))
        for key in {form[:_PREFIX_KEY] for form in forms} | {form[:n] for form in forms for n in range(1, _PREFIX_KEY)}:
            found.update(i for stem, i in self.prefixed.get(key, ()) if forms[0].startswith(stem) or forms[1].startswith(stem))
        return found

    def find(self, words: "_Words", gap_words: int) -> list[Match]:
        hits: list[tuple[int, int, Match]] = []
        for start, forms in enumerate(words.forms):
            for index in self._starting_at(forms):
                kind, cue, strength = self.entries[index]
                matched = words._match_from(cue.words, start, gap_words)
                if matched:
                    hits.append((index, start, Match(kind, cue, tuple(words.token(i) for i in matched), strength)))
        hits.sort(key=lambda hit: (hit[0], hit[1]))
        return [match for _, _, match in hits]


def _longest_first(matches: list[Match]) -> list[Match]:
    """Non-overlapping matches, the longest (then earliest) kept where they overlap; in text order."""
    kept, taken = [], set()
    for m in sorted(matches, key=lambda m: (-m.length, m.start, m.kind, m.cue.text)):
        indices = {t.i for t in m.tokens}
        if indices & taken:
            continue
        kept.append(m)
        taken |= indices
    return sorted(kept, key=lambda m: (m.start, m.end, m.kind))


def _words_of(tokens) -> _Words:
    """`_Words(tokens)`, made once per Span for its issue cues and its stance cues alike
    (kept in its Doc's user_data; token lists are read every time)."""
    doc = getattr(tokens, "doc", None)
    if doc is None or not hasattr(tokens, "start"):
        return _Words(tokens)
    slot = ("_parley_words", tokens.start, tokens.end)
    words = doc.user_data.get(slot)
    if words is None:
        words = doc.user_data[slot] = _Words(tokens)
    return words


def _memo(tokens, key, compute):
    """A Span's matches kept in its Doc's user_data: each sentence is asked about twice
    (the first reading and the broad one). Token lists are matched every time."""
    doc = getattr(tokens, "doc", None)
    if doc is None or not hasattr(tokens, "start"):
        return compute()
    slot = ("_parley_cues", *key, tokens.start, tokens.end)
    found = doc.user_data.get(slot)
    if found is None:
        found = doc.user_data[slot] = compute()
    return list(found)
