"""`extract.run.warm_up`: `parley run` loads the model and the knowledge while worker processes
read the articles, and forks the extraction workers from there; no article's facts change."""

import json
import os
import subprocess
import sys

import pytest

from conftest import PRISTINE_SEEDS
from parley import config

pytestmark = pytest.mark.slow

_EXTRACT = """
import json, sys
from parley.extract import run
from parley.read.corpus import read_corpus
articles = read_corpus(sys.argv[1]).articles[:3]
if sys.argv[2] == "warmed":
    run.warm_up()
print(json.dumps(run.extract_corpus(articles, jobs=int(sys.argv[3]), use_cache=False), sort_keys=True))
"""


def _facts(how: str, jobs: int, cache) -> dict:
    env = {**os.environ, "PYTHONPATH": str(config.PACKAGE_DIR.parent), "PARLEY_CACHE_DIR": str(cache)}
    done = subprocess.run([sys.executable, "-c", _EXTRACT, str(PRISTINE_SEEDS), how, str(jobs)],
                          capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def test_workers_forked_from_a_warmed_up_process_extract_what_a_cold_one_does(tmp_path):
    cold = _facts("cold", 1, tmp_path / "cold")
    warmed = _facts("warmed", 2, tmp_path / "warmed")
    assert len(cold) == 3 and all(facts["people"] for facts in cold.values())
    assert warmed == cold
