"""`--executor dask`: extraction mapped over a Dask cluster gives the local executor's facts."""

import json

import pytest

from conftest import PRISTINE_SEEDS
from parley.extract.run import extract_corpus
from parley.read.corpus import read_corpus

pytestmark = pytest.mark.slow


def test_a_two_worker_local_cluster_extracts_what_the_local_executor_does():
    articles = read_corpus(PRISTINE_SEEDS).articles[:3]  # a worker each, and one that waits
    local = extract_corpus(articles, jobs=1, use_cache=False)
    failures = {}
    on_dask = extract_corpus(articles, jobs=2, use_cache=False, executor="dask", failures=failures)
    assert failures == {}
    assert list(on_dask) == list(local)
    assert json.dumps(on_dask, sort_keys=True) == json.dumps(local, sort_keys=True)


def test_an_unreachable_scheduler_is_one_paragraph_and_publishes_nothing(tmp_path, monkeypatch, capsys):
    from parley import cli

    monkeypatch.setenv("PARLEY_CACHE_DIR", str(tmp_path / "cache"))  # nothing cached: extraction must run
    out = tmp_path / "reports"
    code = cli.main(["run", "--seeds", str(PRISTINE_SEEDS), "--out", str(out), "--executor", "dask",
                     "--scheduler", "tcp://127.0.0.1:9"])
    err = capsys.readouterr().err
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("parley:")]
    assert len(lines) == 1 and "Could not reach the Dask scheduler at tcp://127.0.0.1:9" in lines[0], err
    assert "Traceback" not in err
    assert not out.exists()
