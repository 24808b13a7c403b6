"""A learned second opinion on a sentence's issue, for the sentences the rules found no
position in.

The rules need an issue cue in a precise place of the parse; many positions are stated in
words no cue list holds ("the sides will work toward a lasting settlement"). A linear
classifier over the sentence's words (`lib/parley/data/position_model.json`, made by
`tools/train_positions.py` from the development corpus's `train` part only) says which
issue such a sentence is about. It never decides who holds the position or which: a
sentence gives a row only where the rules find a stance cue in it and the agent of that
cue (`stances.BroadReader.agent`), so a confident guess with nobody behind it gives
nothing. Its rows say so: attribution `learned`, stance_cue the rules' cue.

Features are words as lemmas, single and in pairs, with names masked: a proper noun (or a
capitalised noun or adjective) is `<propn>`, a party's name `<party>`, a number `<num>`. The model so holds no name, place
or date of the articles it was trained on, and generalises across negotiations.

The model is a multinomial logistic regression over TF-IDF weights (sublinear term
frequency, L2-normalised rows). Scoring here needs only the stored weights; training
(`train`) needs scipy's L-BFGS, already a dependency.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

from parley import config

MODEL_FILE = "position_model.json"
NONE = "none"  # the class of a sentence that states no position
LEARNED = "learned"  # the attribution of the rows the classifier gives
_MASKED_POS = {"PROPN": "<propn>", "NUM": "<num>"}
# words whose capital is only the sentence's start ("The", "It", "On"), kept as words
_FUNCTION_POS = {"DET", "PRON", "ADP", "ADV", "AUX", "VERB", "CCONJ", "SCONJ", "PART", "INTJ"}


@dataclass(frozen=True)
class Candidate:
    """A sentence the rules found no position in, but with a stance cue whose agent they found."""

    unit: int  # index of the sentence among the article's units
    span: tuple[int, int]  # body offsets of the sentence
    features: tuple[str, ...]
    sides: tuple[str, ...]
    stance: str
    stance_cue: str
    how: str = ""  # how the rules found the agent (subject, possessive, speaker, pronoun, ...)


# --- features ---------------------------------------------------------------------------


def words(span, party_chars=(), offset: int = 0) -> list[str]:
    """The sentence's words as the classifier reads them: lemmas, with names masked.
    `party_chars`: (start, end) body offsets of party names; `offset` maps the span's doc
    offsets to the body (a unit's `offset`)."""
    out = []
    for token in span:
        if token.is_space or token.is_punct:
            continue
        at = offset + token.idx
        if any(s <= at < e for s, e in party_chars):
            word = "<party>"
        elif token.pos_ in _MASKED_POS or token.like_num:
            word = _MASKED_POS.get(token.pos_, "<num>")
        elif token.text[:1].isupper() and token.pos_ not in _FUNCTION_POS:
            word = "<propn>"  # a name the tagger took for a noun ("Trump said"), a "Serb community"
        else:
            word = token.lemma_.lower()
        if not out or out[-1] != word or not word.startswith("<"):
            out.append(word)  # "<party> <party>" for "the Russian Federation" is one name
    return out


def features(word_list: list[str]) -> tuple[str, ...]:
    """Single words and adjacent pairs."""
    return tuple(word_list) + tuple(f"{a} {b}" for a, b in zip(word_list, word_list[1:]))


def sentences(article, doc) -> list[tuple[tuple[int, int], tuple[str, ...]]]:
    """(body span, features) of every sentence of the article, as extraction reads them:
    what the classifier is trained on."""
    from parley.extract.positions.sentences import _units
    from parley.extract.stances import agent_party_spans
    from parley.text import paragraph_spans

    party_chars = [(s, e) for s, e, _ in agent_party_spans(article.body)]
    units = _units(doc, article.body, paragraph_spans(article.body))
    return [(unit.chars(unit.span), features(words(unit.span, party_chars, unit.offset))) for unit in units]


# --- the model ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    vocabulary: dict  # feature -> column
    idf: tuple[float, ...]
    weights: tuple[tuple[float, ...], ...]  # one row per feature column: a weight per class
    bias: tuple[float, ...]
    threshold: float  # the least probability that the sentence states a position that gives a row
    agents: tuple[str, ...] = ()  # how the agent must have been found (`Candidate.how`); () any way

    def admits(self, candidate: Candidate) -> bool:
        return not self.agents or candidate.how in self.agents

    def probabilities(self, feats) -> dict[str, float]:
        counts: dict[int, int] = {}
        for f in feats:
            column = self.vocabulary.get(f)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        values = {c: (1 + math.log(n)) * self.idf[c] for c, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
        scores = list(self.bias)
        for column in sorted(values):
            x = values[column] / norm
            for k, w in enumerate(self.weights[column]):
                scores[k] += x * w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def issue(self, feats) -> tuple[str, float] | None:
        """The most probable issue, where the probability that the sentence states a
        position at all (1 - P(none)) reaches the threshold: with a dozen issues, the
        sentence may be surely a position while no single issue is likely alone."""
        probs = self.probabilities(feats)
        stated = 1.0 - probs.get(NONE, 0.0)
        if stated < self.threshold:
            return None
        best = max((c for c in self.classes if c != NONE), key=lambda c: (probs[c], c))
        return best, stated

    def to_json(self, settings: dict | None = None) -> str:
        """The model as the file stores it: one line per feature, `[idf, weight per class]`;
        `settings`, how it was trained, for `tools/train_positions.py --retrain`."""
        head = {
            "about": "parley positions classifier: see parley.extract.positions.learned; made by tools/train_positions.py",
            "settings": settings or {},
            "classes": list(self.classes),
            "threshold": self.threshold,
            "agents": list(self.agents),
            "bias": list(self.bias),
        }
        lines = [f"{json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}," for k, v in head.items()]
        columns = sorted(self.vocabulary, key=self.vocabulary.get)
        rows = [f"{json.dumps(f, ensure_ascii=False)}: {json.dumps([self.idf[self.vocabulary[f]], *self.weights[self.vocabulary[f]]])}"
                for f in columns]
        return "{\n" + "\n".join(lines) + '\n"features": {\n' + ",\n".join(rows) + "\n}}\n"


def from_json(text: str) -> Model:
    data = json.loads(text)
    names = list(data["features"])
    return Model(
        classes=tuple(data["classes"]),
        vocabulary={f: i for i, f in enumerate(names)},
        idf=tuple(data["features"][f][0] for f in names),
        weights=tuple(tuple(data["features"][f][1:]) for f in names),
        bias=tuple(data["bias"]),
        threshold=float(data["threshold"]),
        agents=tuple(data.get("agents") or ()),
    )


def model_path() -> Path:
    return config.PACKAGE_DIR / "data" / MODEL_FILE


# Whether the classifier's rows are added when the project file does not say ([positions]
# learned = true|false): chosen by `tools/train_positions.py`'s cross-validation on the train
# part and one look at the check part at the end (README, "How good is it?").
ON_BY_DEFAULT = False


def active_model() -> Model | None:
    """The shipped model where the project (or the default) switches it on, else None."""
    from parley.knowledge import project_file

    setting = project_file.positions_setting("learned")
    return load() if (ON_BY_DEFAULT if setting is None else setting) else None


@functools.lru_cache(maxsize=1)
def load() -> Model | None:
    """The shipped model, or None where there is none (never trained)."""
    path = model_path()
    return from_json(path.read_text(encoding="utf-8")) if path.is_file() else None


# --- training -----------------------------------------------------------------------------

_DIGITS = 4  # weights are stored rounded, so that a training run writes the same bytes anywhere


def train(examples: list[tuple[tuple[str, ...], str]], threshold: float, c: float = 4.0, min_df: int = 2,
          agents: tuple[str, ...] = ()) -> Model:
    """A model from (features, class) pairs, `NONE` for a sentence stating no position.
    Deterministic: the vocabulary is sorted and L-BFGS starts from zeros."""
    import numpy as np
    from scipy import optimize, sparse

    df: dict[str, int] = {}
    for feats, _ in examples:
        for f in set(feats):
            df[f] = df.get(f, 0) + 1
    names = sorted(f for f, n in df.items() if n >= min_df)
    vocabulary = {f: i for i, f in enumerate(names)}
    n_docs = len(examples)
    idf = [round(math.log((1 + n_docs) / (1 + df[f])) + 1, _DIGITS) for f in names]
    classes = tuple(sorted({label for _, label in examples}))
    rows, cols, vals = [], [], []
    for r, (feats, _) in enumerate(examples):
        counts: dict[int, int] = {}
        for f in feats:
            if f in vocabulary:
                counts[vocabulary[f]] = counts.get(vocabulary[f], 0) + 1
        weighted = {col: (1 + math.log(n)) * idf[col] for col, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        for col in sorted(weighted):
            rows.append(r)
            cols.append(col)
            vals.append(weighted[col] / norm)
    x = sparse.csr_matrix((vals, (rows, cols)), shape=(n_docs, len(names)))
    y = np.zeros((n_docs, len(classes)))
    for r, (_, label) in enumerate(examples):
        y[r, classes.index(label)] = 1.0
    n_features, n_classes = len(names), len(classes)

    def loss(theta):
        w = theta[: n_features * n_classes].reshape(n_features, n_classes)
        b = theta[n_features * n_classes:]
        z = x @ w + b
        z -= z.max(axis=1, keepdims=True)
        log_p = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(y * log_p).sum() + (w * w).sum() / (2 * c)
        grad_z = np.exp(log_p) - y
        grad_w = x.T @ grad_z + w / c
        return value, np.concatenate([np.asarray(grad_w).ravel(), grad_z.sum(axis=0)])

    start = np.zeros(n_features * n_classes + n_classes)
    result = optimize.minimize(loss, start, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    theta = result.x
    w = theta[: n_features * n_classes].reshape(n_features, n_classes)
    b = theta[n_features * n_classes:]
    return Model(
        classes=classes,
        vocabulary=vocabulary,
        idf=tuple(idf),
        weights=tuple(tuple(round(float(v), _DIGITS) + 0.0 for v in row) for row in w),
        bias=tuple(round(float(v), _DIGITS) + 0.0 for v in b),
        threshold=threshold,
        agents=tuple(agents),
    )


def with_settings(model: Model, threshold: float, agents: tuple[str, ...] = ()) -> Model:
    return Model(model.classes, model.vocabulary, model.idf, model.weights, model.bias, threshold, tuple(agents))
