"""Extraction: one article's text in, its facts out.

`extract_article` is a pure function of one `Article`, so its result is cached per
article (keyed by the article's bytes and the library's own code and data) and
articles are mapped over in parallel. Everything that looks across articles
(resolving people, the timeline, the comparison) comes after, in `parley.across`.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from parley import config
from parley.knowledge.sides import parties_introduced_in
from parley.read.corpus import Article

log = logging.getLogger(__name__)

FACT_KINDS = ("people", "events", "quantities", "positions")
# beside the facts: what stage 02 compares of each event description (`extract.event_features`)
EVENT_FEATURES = "event_features"


def extract_article(article: Article, doc=None, tag_events: bool = True) -> dict[str, list[dict]]:
    """Every fact in one article: rows for people.csv, events.csv, quantities.csv and
    positions.csv (person_id is assigned later, when people are resolved across articles),
    and the `event_features` of its events' descriptions (not published; left to the
    caller without `tag_events`, which tags a batch's together: `_tag_events_of`).
    `doc`: the article's body as `nlp.parse` gives it, where a batch parsed it already."""
    from parley import nlp
    from parley.extract import events, quantities
    from parley.extract.people.article import extract_people
    from parley.extract.positions.article import extract_positions

    if doc is None:
        doc = nlp.parse(article.body)
    with parties_introduced_in(article.body):  # "the Northern Liberation Movement (NLM)"
        people_rows = extract_people(article, doc)
        facts = {
            "people": people_rows,
            "events": events.extract_events(article, doc),
            "quantities": quantities.extract_quantities(article, doc),
            "positions": extract_positions(article, doc, people_rows),
        }
    for rows in facts.values():
        for row in rows:
            row.setdefault("doc_id", article.doc_id)
    if tag_events:
        _tag_events_of([facts])
    return facts


def _tag_events_of(all_facts: list[dict]) -> None:
    """The timeline's reading of the event descriptions of each article's facts, tagged
    now that the model is loaded, in one batch: a call of the tagger per article cost
    more than the tagging itself. Each description is tagged on its own either way."""
    from parley import nlp
    from parley.extract import event_features

    wanted = [{str(row.get("description") or "") for row in facts["events"]} for facts in all_facts]
    tagged = event_features.tag_descriptions(set().union(*wanted), nlp.load()) if wanted else {}
    for facts, descriptions in zip(all_facts, wanted):
        facts[EVENT_FEATURES] = event_features.rows({d: tagged[d] for d in descriptions if d in tagged})


def code_fingerprint() -> str:
    """A hash of the library's code and data files and of the project file in force: a
    change to any of them invalidates the cache."""
    from parley.knowledge import project_file

    files = tuple(
        (str(path.relative_to(config.PACKAGE_DIR)), path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(config.PACKAGE_DIR.rglob("*"))
        if path.is_file() and path.suffix in {".py", ".csv", ".yml", ".yaml", ".json", ".txt"}
    )
    return project_file.fingerprint(_fingerprint_of(files))


@functools.lru_cache(maxsize=8)
def _fingerprint_of(files: tuple[tuple[str, int, int], ...]) -> str:
    # keyed by names, sizes and times, so that asking again costs a directory walk, not a read
    digest = hashlib.sha256()
    for relative, _, _ in files:
        digest.update(relative.encode())
        digest.update((config.PACKAGE_DIR / relative).read_bytes())
    return digest.hexdigest()[:16]


def uncached(articles) -> list[Article]:
    """The articles whose facts are not in the cache for the code as it is."""
    fingerprint = code_fingerprint()
    return [a for a in articles if not _cache_path(a, fingerprint).is_file()]


def _cache_path(article: Article, fingerprint: str) -> Path:
    # doc_id may hold a subfolder and any letters; the file name is the hash alone. The text
    # read, not only the file's bytes: a page's text depends on trafilatura's version too
    parts = (article.doc_id, article.sha256, article.text_sha256, fingerprint)
    key = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return config.cache_dir() / f"{key}.json"


def _extract_or_reason(article: Article, project=None, doc=None, tag_events: bool = True) -> dict[str, list[dict]] | str:
    """`extract_article` under the knowledge of `project` (the parent's project file, handed
    to each worker process), or the one-line reason it failed: one bad article must not
    stop a run over hundreds (rule: named and skipped, never fatal)."""
    from parley.knowledge import project_file

    project_file.activate(project)
    try:
        return extract_article(article, doc, tag_events)
    except Exception as err:  # noqa: BLE001 - any failure of one article is reported, not raised
        return _reason(err)


def _reason(err: Exception) -> str:
    first = str(err).strip().splitlines()[0][:200] if str(err).strip() else ""
    return f"extraction failed: {type(err).__name__}{': ' + first if first else ''}"


def extract_corpus(articles, jobs: int | None = None, use_cache: bool = True, failures: dict | None = None,
                   progress: bool = False, executor: str = "local",
                   scheduler: str | None = None) -> dict[str, dict[str, list[dict]]]:
    """`extract_article` over many articles, cached and in parallel; {doc_id: facts}.
    Articles whose extraction failed are left out, their reason put in `failures`. With
    `progress`, a bar (articles done of total, rate, time left) on stderr. `executor`
    "dask" maps the articles over a Dask cluster: the one at `scheduler`
    ("tcp://host:8786"), or a `LocalCluster` of `jobs` workers on this machine."""
    articles = list(articles)
    fingerprint = code_fingerprint()
    results: dict[str, dict] = {}
    todo = []
    for article in articles:
        path = _cache_path(article, fingerprint)
        if use_cache and path.is_file():
            try:
                results[article.doc_id] = json.loads(path.read_text(encoding="utf-8"))
                continue
            except (OSError, ValueError):
                log.warning("ignoring an unreadable cache entry %s", path)
        todo.append(article)
    if todo:
        jobs = jobs or int(os.environ.get("PARLEY_JOBS", "0")) or min(len(todo), os.cpu_count() or 1)
        log.info("extracting %d article(s) with %d worker(s)", len(todo), jobs)
        counts = (len(todo), len(articles) - len(todo)) if progress else None
        stored = executor != "dask" and use_cache  # local workers store their own batches
        if executor == "dask":  # its bar starts once the cluster is reached
            bar, fresh = _map_on_dask(todo, jobs, scheduler, counts)
        else:
            bar = _progress_bar(*counts) if counts else None
            fresh = _map_locally(todo, jobs, bar, fingerprint if use_cache else None)
        if bar is not None:
            bar.close()
        for article, facts in zip(todo, fresh):
            if isinstance(facts, str):
                if failures is not None:
                    failures[article.doc_id] = facts
                continue
            results[article.doc_id] = facts
            if use_cache and not stored:
                _store(_cache_path(article, fingerprint), facts)
    return {a.doc_id: results[a.doc_id] for a in articles if a.doc_id in results}


def _extract_batch(articles: list[Article], project=None, cache_key: str | None = None) -> list[dict[str, list[dict]] | str]:
    """`_extract_or_reason` for each of `articles`, their bodies parsed in one `nlp.pipe`
    batch (the parser's fast path; each Doc is the one `nlp.parse` would give, so every
    article's facts are still its own). With `cache_key` (the code's fingerprint), each
    article's facts are cached here, in the worker: the JSON is written by both workers
    at once instead of by the parent after them."""
    from parley import nlp
    from parley.knowledge import project_file

    project_file.activate(project)
    try:
        model = nlp.load()
        with nlp.quick_attribute_ruler(model):
            docs = list(model.pipe([a.body for a in articles]))
    except Exception:  # noqa: BLE001 - parsed one by one below, so that a failure is its article's own
        docs = [None] * len(articles)
    _parse_pieces_ahead(articles, docs)
    results = [_extract_or_reason(article, project, doc, tag_events=False) for article, doc in zip(articles, docs)]
    extracted = [facts for facts in results if not isinstance(facts, str)]
    try:
        _tag_events_of(extracted)
    except Exception:  # noqa: BLE001 - tagged one by one below, so that a failure is its article's own
        for index, facts in enumerate(results):
            if not isinstance(facts, str):
                try:
                    _tag_events_of([facts])
                except Exception as err:  # noqa: BLE001 - as in _extract_or_reason
                    results[index] = _reason(err)
    if cache_key is not None:
        for article, facts in zip(articles, results):
            if not isinstance(facts, str):
                _store(_cache_path(article, cache_key), facts)
    return results


def _parse_pieces_ahead(articles: list[Article], docs: list) -> None:
    """The positions rules' paragraph pieces of the whole batch, parsed in one go
    (`sentences.parse_pieces_ahead`); where that fails, each article parses its own."""
    from parley.extract.positions import sentences

    try:
        sentences.parse_pieces_ahead(docs, [a.body for a in articles])
    except Exception:  # noqa: BLE001 - a failure is met again, and reported, in its article's own extraction
        log.debug("parsing a batch's pieces ahead failed", exc_info=True)


def _map_locally(todo: list[Article], jobs: int, bar, cache_key: str | None = None) -> list:
    from parley.knowledge import project_file

    size = _chunk(len(todo), jobs)
    batches = [todo[i : i + size] for i in range(0, len(todo), size)]
    work = functools.partial(_extract_batch, project=project_file.active(), cache_key=cache_key)
    if jobs > 1 and len(todo) > 1:
        # workers live for the whole map and load the model once each; batches small
        # enough to keep both busy to the end
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            return [facts for batch in _counted(pool.map(work, batches), bar) for facts in batch]
    return [facts for batch in _counted(map(work, batches), bar) for facts in batch]


def _with_project():
    """`_extract_or_reason` bound to the project file in force here, for workers that
    may not have it (spawned processes, Dask workers on other machines)."""
    from parley.knowledge import project_file

    return functools.partial(_extract_or_reason, project=project_file.active())


class ExecutorError(RuntimeError):
    """The Dask cluster could not be reached or started; the message says what to check."""


def _map_on_dask(todo: list[Article], jobs: int, scheduler: str | None, counts: tuple[int, int] | None):
    """(progress bar or None, the articles' facts computed by Dask workers in the order of
    `todo`). The workers need Parley and the spaCy model installed: the same environment."""
    from dask.distributed import Client, LocalCluster, as_completed

    cluster = None
    try:
        if scheduler:
            client = Client(scheduler, timeout="5s")
        else:
            cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True, dashboard_address=None,
                                   silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError) as err:
        where = f"the Dask scheduler at {scheduler}" if scheduler else "a local Dask cluster"
        raise ExecutorError(f"Could not reach {where} ({type(err).__name__}: {str(err)[:200]}). "
                            "Check that the scheduler runs and its workers share this environment.") from err
    bar = _progress_bar(*counts) if counts else None
    try:
        futures = client.map(_with_project(), todo, pure=False)
        for _ in as_completed(futures):
            if bar is not None:
                bar.update(1)
        return bar, client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _chunk(n_articles: int, jobs: int) -> int:
    return max(1, min(8, n_articles // (jobs * 8)))


def _progress_bar(n_todo: int, n_cached: int):
    from tqdm import tqdm  # plain text: in a notebook too, without ipywidgets

    cached = f" ({n_cached} from the cache)" if n_cached else ""
    return tqdm(total=n_todo, desc=f"extracting{cached}", unit="article", file=sys.stderr, mininterval=2.0)


def _counted(batches, bar):
    for batch in batches:
        if bar is not None:
            bar.update(len(batch))
        yield batch


def _store(path: Path, facts: dict) -> None:
    from parley.tables import write_atomic

    try:
        write_atomic(path, json.dumps(facts, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    except OSError as err:  # a read-only checkout still works, only slower
        log.warning("could not cache %s: %s", path.name, err)
