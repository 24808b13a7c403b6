"""Shared fixtures. The whole-pipeline runs are made once per test session.

The tests and nbval read the five seed articles as shipped (`seed_articles.py`), from a
folder of their own under .cache/, so articles a user added to seeds/ change no test;
notebooks run by nbval write into a scratch folder, never into reports/.
"""

import hashlib
import os
import shutil

import pytest

from parley import config
from seed_articles import make_pristine_seeds, shipped

PRISTINE_SEEDS = config.PROJECT_ROOT / ".cache" / "test-seeds"


_PUBLISHED_BEFORE: dict[str, str] = {}


def _published_reports() -> dict[str, str]:
    return {p.relative_to(config.REPORTS_DIR).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(config.REPORTS_DIR.rglob("*")) if p.is_file()}


def pytest_configure(config):  # noqa: ARG001 - pytest's hook signature
    """Before any notebook kernel starts: the pristine seeds, and a scratch output folder."""
    make_pristine_seeds(PRISTINE_SEEDS)
    os.environ["PARLEY_SEEDS_DIR"] = str(PRISTINE_SEEDS)
    os.environ["PARLEY_OUT_DIR"] = str(PRISTINE_SEEDS.parent / "nbval-reports")
    _PUBLISHED_BEFORE.update(_published_reports())


def pytest_sessionfinish(session, exitstatus):  # noqa: ARG001
    """Neither the tests nor nbval's notebook runs may change the published reports/."""
    changed = sorted(set(_PUBLISHED_BEFORE.items()) ^ set(_published_reports().items()))
    if changed:
        print(f"\nreports/ was changed by the test run: {sorted({name for name, _ in changed})[:10]}")
        session.exitstatus = 1


def _run_quietly(seeds, out):
    from parley.publish.pipeline import run

    run(seeds, out, progress=lambda message: None)
    return out


@pytest.fixture(scope="session")
def seeds_report(tmp_path_factory):
    """`parley run` on the five seed articles into a scratch folder: the real notebooks, end to end."""
    return _run_quietly(PRISTINE_SEEDS, tmp_path_factory.mktemp("seeds-run") / "reports")


@pytest.fixture(scope="session")
def project_seeds_report(seeds_report, tmp_path_factory):
    """`parley run` on the project's seeds/ as it is now: what reports/ must match. The same
    run as `seeds_report` when seeds/ holds the shipped articles and nothing else."""
    present = {p.name for p in config.SEEDS_DIR.iterdir() if not p.name.startswith(".")}
    if present == set(shipped()):
        return seeds_report
    return _run_quietly(config.SEEDS_DIR, tmp_path_factory.mktemp("project-seeds-run") / "reports")


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory):
    """The pipeline on the seeds plus an article whose body carries markup and a script."""
    root = tmp_path_factory.mktemp("hostile-run")
    seeds = root / "seeds"
    shutil.copytree(PRISTINE_SEEDS, seeds)
    (seeds / "900_markup.txt").write_text(
        "Talks <script>alert(1)</script> stall in <b>Geneva</b>\n\nThe Wire Desk\n\nJune 03, 2025\n\n"
        "The Ukrainian delegation, led by Defence Minister Rustem Umerov, said on Tuesday that Russia rejected "
        "a ceasefire. <script>alert(1)</script> <img src=x onerror=alert(2)> Both sides agreed to exchange "
        "1,200 prisoners of war.\n\nA second paragraph repeats that the two sides agreed to meet again next month "
        "in Geneva to continue the talks.\n",
        encoding="utf-8",
    )
    return _run_quietly(seeds, root / "reports")


PROJECT_INPUTS = config.TESTS_DIR / "data" / "inputs"  # a web page and text files in several encodings


@pytest.fixture
def count_calls(monkeypatch):
    """count_calls(module, "name") -> the list of argument tuples of each call made to
    module.name from then on (the function still runs): what a cache spared."""

    def count(module, name):
        calls = []
        original = getattr(module, name)

        def counted(*args, **kwargs):
            calls.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counted)
        return calls

    return count
