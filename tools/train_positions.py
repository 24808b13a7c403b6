"""Train the positions classifier (`parley.extract.positions.learned`) on the development
corpus's `train` part only, choose its settings by leave-one-negotiation-out
cross-validation within that part, and write lib/parley/data/position_model.json.

    python tools/train_positions.py            # cross-validate, print the table, write the model
    python tools/train_positions.py --no-write # cross-validate and print only
    python tools/train_positions.py --retrain  # no cross-validation: the shipped model's settings again

Nothing of the `check` part is read: the gold is cut to the train part's articles before
anything else, and only train articles are opened. Same inputs, same model bytes.

The table compares, on the held-out negotiation of each fold: the rules alone, the
classifier alone (every sentence with a stance cue and its agent, given the classifier's
issue: the rules' attribution, the classifier's issue) and both (the classifier only in
sentences the rules found no position in: what extraction does).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "corpora" / "dev"
# the settings cross-validation chooses among
THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
STRENGTHS = (1.0, 4.0, 16.0)  # inverse L2 regularisation
NGRAMS = (1, 2)
# how the rules must have found the agent of a sentence the classifier gives a row: any way,
# or only explicitly (not a pronoun's antecedent nor the speaker of a reported clause)
AGENTS = {"any": (), "explicit": ("subject", "possessive", "joint", "both_sides")}


def train_articles():
    """[(article, negotiation)] of the train part, and the train part's gold only."""
    from parley import evaluate
    from parley.read.corpus import read_article

    split = pd.read_csv(DEV / "split.csv", dtype=str, keep_default_na=False)
    train = split[split["part"] == "train"]
    negotiation = {Path(f).stem: n for f, n in zip(train["file"], train["negotiation"])}
    gold = [g for g in evaluate.load_gold(DEV / "gold.json") if g["doc_id"] in negotiation]
    articles = [read_article(DEV / "articles" / f) for f in sorted(train["file"])]
    return [(a, negotiation[a.doc_id]) for a in articles], gold


def read_all(articles):
    """Per article: the rules' rows and positions, the candidates, and the sentences."""
    from parley import nlp
    from parley.extract.people.article import extract_people
    from parley.extract.positions import learned
    from parley.extract.positions.article import _rows, read_positions
    from parley.knowledge import codebook

    book = codebook.load()
    out = []
    for article, negotiation in articles:
        doc = nlp.parse(article.body)
        people = extract_people(article, doc)
        found, candidates = read_positions(article, doc, people, book)
        out.append({"article": article, "negotiation": negotiation, "found": found, "candidates": candidates,
                    "rule_rows": _rows(article, found, book), "sentences": learned.sentences(article, doc)})
    return out, book


def examples_of(item, gold_by_doc):
    """(features, class) for every sentence: each gold issue whose evidence's sentence it
    overlaps (as the scorer counts a find), `none` where there is none."""
    from parley import evaluate
    from parley.extract.positions import learned

    article = item["article"]
    raw = article.raw
    bounds = evaluate.sentence_bounds(raw)
    regions = []
    for position in gold_by_doc.get(article.doc_id, {}).get("positions", []):
        span = evaluate.locate(raw, position.get("evidence") or "")
        if span:
            regions.append((evaluate._sentence_span(bounds, *span), position["issue"]))
    out = []
    for (start, end), feats in item["sentences"]:
        s, e, _ = article.span(start, end)
        issues = sorted({issue for (rs, re_), issue in regions if rs < e and s < re_})
        out += [(feats, issue) for issue in issues] or [(feats, learned.NONE)]
    return out


def _only(feats, ngram: int):
    return feats if ngram == 2 else tuple(f for f in feats if " " not in f)


def fit(examples, ngram: int, strength: float, threshold: float, agents: str = "any"):
    from parley.extract.positions import learned

    return learned.train([(_only(f, ngram), label) for f, label in examples], threshold, c=strength,
                         agents=AGENTS[agents])


def rows_with(items, models, book, mode: str):
    """positions rows of every item: `models[negotiation]` gives the classifier for its fold."""
    from parley.extract.positions.article import _rows, learned_positions

    rows = []
    for item in items:
        model = models.get(item["negotiation"])
        if mode == "rules":
            rows += item["rule_rows"]
        elif mode == "classifier":
            rows += _rows(item["article"], learned_positions(item["candidates"], [], model), book)
        else:
            extra = learned_positions(item["candidates"], item["found"], model)
            rows += _rows(item["article"], item["found"] + extra, book)
    return pd.DataFrame(rows)


def score(items, gold, rows: pd.DataFrame) -> dict:
    from parley import evaluate

    raw_texts = {i["article"].doc_id: i["article"].raw for i in items}
    metrics = evaluate.score_positions(rows, gold, raw_texts).metrics
    return {k: metrics[k] for k in ("recall", "stance_accuracy", "pair_precision", "n_found", "n_pairs")}


def cross_validate(items, gold, book, log=print):
    """Every setting's scores on held-out negotiations, and the rules' own."""
    from parley.extract.positions import learned

    gold_by_doc = {g["doc_id"]: g for g in gold}
    examples = {id(i): examples_of(i, gold_by_doc) for i in items}
    negotiations = sorted({i["negotiation"] for i in items})
    results = [{"method": "rules alone", "ngram": "", "strength": "", "threshold": "", "agents": "",
                **score(items, gold, rows_with(items, {}, book, "rules"))}]
    for ngram in NGRAMS:
        for strength in STRENGTHS:
            trained = {n: fit([e for i in items if i["negotiation"] != n for e in examples[id(i)]], ngram, strength, 0.0)
                       for n in negotiations}
            for threshold in THRESHOLDS:
                for agents, hows in AGENTS.items():
                    models = {n: learned.with_settings(m, threshold, hows) for n, m in trained.items()}
                    for mode, label in (("classifier", "classifier alone"), ("both", "combined")):
                        results.append({"method": label, "ngram": ngram, "strength": strength, "threshold": threshold,
                                        "agents": agents, **score(items, gold, rows_with(items, models, book, mode))})
            log(f"  ngram {ngram}, C {strength}: done")
    return pd.DataFrame(results), examples


def choose(table: pd.DataFrame):
    """The combined setting with the highest recall whose pair precision is at least the
    rules' own (ties: higher precision, then the higher threshold); None when none is."""
    rules = table[table["method"] == "rules alone"].iloc[0]
    combined = table[(table["method"] == "combined") & (table["pair_precision"] >= rules["pair_precision"])
                     & (table["recall"] > rules["recall"])]
    if combined.empty:
        return None
    return combined.sort_values(["recall", "pair_precision", "threshold", "strength", "ngram", "agents"],
                                ascending=[False, False, False, True, True, False], kind="mergesort").iloc[0]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="cross-validate and print, but write no model")
    parser.add_argument("--table", default="", help="also write the cross-validation table to this CSV")
    parser.add_argument("--retrain", action="store_true",
                        help="skip cross-validation: train with the settings the shipped model records (same bytes)")
    args = parser.parse_args(argv)
    from parley.extract.positions import learned

    articles, gold = train_articles()
    print(f"train part: {len(articles)} articles, {len({n for _, n in articles})} negotiations", file=sys.stderr)
    items, book = read_all(articles)
    if args.retrain:
        import json

        settings = json.loads(learned.model_path().read_text(encoding="utf-8"))["settings"]
        gold_by_doc = {g["doc_id"]: g for g in gold}
        examples = [e for i in items for e in examples_of(i, gold_by_doc)]
        model = fit(examples, settings["ngram"], settings["strength"], settings["threshold"], settings["agents"])
        return _write(learned, model, settings, args.no_write)
    table, examples = cross_validate(items, gold, book, log=lambda m: print(m, file=sys.stderr))
    if args.table:
        table.to_csv(args.table, index=False)
    chosen = choose(table)
    rules = table[table["method"] == "rules alone"]
    shown = [rules]
    if chosen is not None:
        same = (table["ngram"] == chosen["ngram"]) & (table["strength"] == chosen["strength"]) \
            & (table["threshold"] == chosen["threshold"]) & (table["agents"] == chosen["agents"])
        shown.append(table[same])
    print(pd.concat(shown).to_string(index=False))
    if chosen is None:
        print("no setting beats the rules alone on train cross-validation", file=sys.stderr)
        ngram, strength, threshold, agents = 2, 4.0, 0.7, "explicit"  # still a model, for the option to use
    else:
        ngram, strength, threshold = int(chosen["ngram"]), float(chosen["strength"]), float(chosen["threshold"])
        agents = chosen["agents"]
    model = fit([e for i in items for e in examples[id(i)]], ngram, strength, threshold, agents)
    settings = {"ngram": ngram, "strength": strength, "threshold": threshold, "agents": agents}
    return _write(learned, model, settings, args.no_write)


def _write(learned, model, settings: dict, no_write: bool) -> int:
    if not no_write:
        learned.model_path().write_text(model.to_json(settings), encoding="utf-8")
        print(f"wrote {learned.model_path().relative_to(ROOT)} ({settings})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
