"""Syndication: near-copies of one article count as one source.

Wire stories are reprinted by many outlets with a new outlet line, a changed headline
or a word or two edited. Forty reprints of one Reuters story are one source, not forty:
`duplicates` groups the articles whose texts are near-identical, and every count of
sources (timeline `n_sources`, persons `n_docs`, comparison, sources) counts each group
once (`independent`). The copies stay listed in `doc_ids`, and in a `copies` column.

Texts are compared as sets of word shingles (runs of `SHINGLE_WORDS` words, folded to
lower-case ASCII) by MinHash with locality-sensitive hashing (datasketch): an article is
compared only with the articles that share a band of its signature, never with all of
them, and a candidate pair is kept when the signatures' estimated Jaccard similarity is
at least `SIMILARITY`. Hash seeds are fixed, so the same articles give the same groups.
Signatures are datasketch's; its LSH index's bands are written out here (`BANDS`, `ROWS`),
so that each article's signature can be kept under the cache and a rerun after one
article changed hashes that article alone.
"""

from __future__ import annotations

import re

import pandas as pd

from parley.tables import cell_text
from parley.text import fold

SHINGLE_WORDS = 3
SIMILARITY = 0.7  # a changed word or two in a short story, a different outlet line, stay above it
PERMUTATIONS = 128
SEED = 1
# MinHashLSH(threshold=SIMILARITY, num_perm=PERMUTATIONS) splits a signature into BANDS
# bands of ROWS values (the split that minimises false positives and negatives at the
# threshold; tests/test_syndication.py checks these against datasketch's own)
BANDS, ROWS = 14, 9
# what a kept signature depends on besides the text
_SIGNATURE_VERSION = f"minhash-1 {SHINGLE_WORDS} {PERMUTATIONS} {SEED} sha1_hash32"


def shingles(text: str) -> set[str]:
    """The text's runs of `SHINGLE_WORDS` words, lower-case ASCII."""
    words = re.findall(r"[^\W_]+", fold(text).lower())
    if len(words) <= SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def duplicates(articles) -> dict[str, str]:
    """{doc_id: the doc_id of the article it is a near-copy of} for every copy; an
    original is not a key. A group's original (its representative) is its earliest
    published article; undated ones come after dated ones, ties go by doc_id."""
    articles = sorted(articles, key=lambda a: a.doc_id)
    if len(articles) < 2:
        return {}
    signatures = {a.doc_id: s for a, s in zip(articles, signatures_of(articles)) if s is not None}
    # datasketch's MinHashLSH(threshold=SIMILARITY, num_perm=PERMUTATIONS), its bands
    # written out: an article's candidates share one band of the signature with it
    buckets: dict[tuple[int, bytes], list[str]] = {}
    for doc_id, signature in signatures.items():
        for band in range(BANDS):
            buckets.setdefault((band, signature[band * ROWS : (band + 1) * ROWS].tobytes()), []).append(doc_id)
    parent = {doc_id: doc_id for doc_id in signatures}

    def root(doc_id: str) -> str:
        while parent[doc_id] != doc_id:
            parent[doc_id] = parent[parent[doc_id]]
            doc_id = parent[doc_id]
        return doc_id

    for doc_id, signature in signatures.items():
        candidates = {other for band in range(BANDS)
                      for other in buckets[(band, signature[band * ROWS : (band + 1) * ROWS].tobytes())]}
        for other in sorted(candidates):
            if other == doc_id or root(other) == root(doc_id):
                continue  # once grouped, a group's further members cost no comparison
            if _jaccard(signature, signatures[other]) >= SIMILARITY:
                parent[max(root(doc_id), root(other))] = min(root(doc_id), root(other))
    groups: dict[str, list] = {}
    for article in articles:
        if article.doc_id in parent:
            groups.setdefault(root(article.doc_id), []).append(article)
    copies = {}
    for members in groups.values():
        if len(members) < 2:
            continue
        original = min(members, key=lambda a: (a.published == "", a.published, a.doc_id))
        copies.update({a.doc_id: original.doc_id for a in members if a is not original})
    return copies


def _jaccard(one, other) -> float:
    """`MinHash.jaccard`: the share of equal hash values."""
    import numpy as np

    return float(np.count_nonzero(one == other)) / float(len(one))


def signatures_of(articles) -> list:
    """Each article's MinHash signature (datasketch's `hashvalues`, PERMUTATIONS values)
    of its body's shingles, None for a body without words. Kept under the cache by the
    body's text, so a rerun after one article changed hashes that article alone."""
    import hashlib

    import numpy as np

    from parley import config

    from importlib import metadata

    folder = config.cache_dir() / "minhash"
    version = f"{_SIGNATURE_VERSION} datasketch=={metadata.version('datasketch')}"
    found = []
    for article in articles:
        key = hashlib.sha256(f"{version}\0{article.body}".encode("utf-8", "surrogatepass")).hexdigest()[:32]
        path = folder / f"{key}.u64"
        try:
            stored = path.read_bytes()
            found.append(np.frombuffer(stored, dtype=np.uint64) if stored else None)
            continue
        except OSError:
            pass
        signature = _signature(article.body)
        try:
            from parley.tables import write_atomic

            write_atomic(path, b"" if signature is None else signature.tobytes())
        except OSError:  # a read-only cache makes runs slower, not wrong
            pass
        found.append(signature)
    return found


def _signature(body: str):
    words = shingles(body)
    if not words:
        return None
    import numpy as np
    from datasketch import MinHash

    signature = MinHash(num_perm=PERMUTATIONS, seed=SEED)
    signature.update_batch(sorted(w.encode("utf-8") for w in words))
    return signature.hashvalues.astype(np.uint64)


def with_duplicates(documents: pd.DataFrame, articles) -> pd.DataFrame:
    """documents.csv with `duplicate_of`: the article each near-copy copies, empty for originals."""
    copies = duplicates(articles)
    return documents.assign(duplicate_of=[copies.get(cell_text(d), "") for d in documents["doc_id"]])


def originals(documents: pd.DataFrame | None) -> dict[str, str]:
    """{doc_id: its group's original} for the copies listed in documents.csv."""
    if documents is None or "duplicate_of" not in getattr(documents, "columns", ()):
        return {}
    return {cell_text(d): cell_text(o) for d, o in zip(documents["doc_id"], documents["duplicate_of"]) if cell_text(o)}


def independent(doc_ids, copies: dict[str, str]) -> int:
    """How many independent articles `doc_ids` are: near-copies of one article count once."""
    return len({copies.get(d, d) for d in doc_ids if d})


def recount(table: pd.DataFrame, count_column: str, documents: pd.DataFrame | None) -> pd.DataFrame:
    """`table` with `count_column` counting the independent articles of its `doc_ids`, and
    `copies` listing those of them that are near-copies (joined by |, empty for none)."""
    copies = originals(documents)
    if table is None or "doc_ids" not in table.columns:
        return table
    listed = [[d for d in cell_text(v).split("|") if d] for v in table["doc_ids"]]
    table = table.copy()
    if copies:
        table[count_column] = [independent(docs, copies) for docs in listed]
    table["copies"] = ["|".join(d for d in docs if d in copies) for docs in listed]
    return table


def originals_only(rows: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """The rows of a per-article table (`doc_id`) that come from originals, not near-copies."""
    copies = originals(documents)
    if not copies or rows is None or "doc_id" not in rows.columns:
        return rows
    return rows[~rows["doc_id"].astype(str).isin(copies)].reset_index(drop=True)


def without_self_conflicts(conflicts: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    """conflicts.csv less the disagreements between near-copies of one article alone:
    an edited reprint does not contradict its original. (Numbers are compared between
    originals only, `originals_only`; people and dates across every article, so a
    disagreement between a reprint and a third article is kept.)"""
    copies = originals(documents)
    if not copies or conflicts is None or not len(conflicts):
        return conflicts
    keep = [independent([d for d in cell_text(v).split("|") if d], copies) > 1 for v in conflicts["doc_ids"]]
    return conflicts[keep].reset_index(drop=True)
