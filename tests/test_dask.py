"""`--executor dask`: extraction mapped over a Dask cluster gives the local executor's facts."""

import json
import subprocess
import sys

import pytest

from conftest import PRISTINE_SEEDS
from parley.corpus import read_corpus
from parley.extract import extract_corpus

pytestmark = pytest.mark.slow


def test_a_two_worker_local_cluster_extracts_what_the_local_executor_does():
    articles = read_corpus(PRISTINE_SEEDS).articles
    local = extract_corpus(articles, jobs=1, use_cache=False)
    failures = {}
    on_dask = extract_corpus(articles, jobs=2, use_cache=False, executor="dask", failures=failures)
    assert failures == {}
    assert list(on_dask) == list(local)
    assert json.dumps(on_dask, sort_keys=True) == json.dumps(local, sort_keys=True)


def test_an_unreachable_scheduler_is_one_paragraph_and_publishes_nothing(tmp_path):
    out = tmp_path / "reports"
    result = subprocess.run(
        [sys.executable, "-m", "parley.cli", "run", "--seeds", str(PRISTINE_SEEDS), "--out", str(out),
         "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"],
        capture_output=True, text=True, env={**__import__("os").environ, "PARLEY_CACHE_DIR": str(tmp_path / "cache")},
    )
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("parley:")]
    assert len(lines) == 1 and "Could not reach the Dask scheduler at tcp://127.0.0.1:9" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()
