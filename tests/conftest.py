"""Shared fixtures. The whole-pipeline runs are made once per test session.

The tests and nbval read the five seed articles as shipped (`seed_articles.py`), from a
folder of their own under .cache/, so articles a user added to seeds/ change no test;
notebooks run by nbval write into a scratch folder, never into reports/.

The whole-pipeline runs that fixtures share (`BACKGROUND_JOBS`) start in subprocesses when
the session begins (`background_runs.py`), and the files that need them run after the
others: on a fresh clone, those runs' notebook kernels then start while other tests run.
"""

import hashlib
import os
import shutil
import sys

import pytest

from background_runs import BackgroundRunFailed, BackgroundRuns
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


def _parley_run(seeds, out) -> list[str]:
    return [sys.executable, "-m", "parley.cli", "run", "--seeds", str(seeds), "--out", str(out)]


HOSTILE_ARTICLE = (
    "Talks <script>alert(1)</script> stall in <b>Geneva</b>\n\nThe Wire Desk\n\nJune 03, 2025\n\n"
    "The Ukrainian delegation, led by Defence Minister Rustem Umerov, said on Tuesday that Russia rejected "
    "a ceasefire. <script>alert(1)</script> <img src=x onerror=alert(2)> Both sides agreed to exchange "
    "1,200 prisoners of war.\n\nA second paragraph repeats that the two sides agreed to meet again next month "
    "in Geneva to continue the talks.\n"
)
DEV_ARTICLES = config.PROJECT_ROOT / "corpora" / "dev" / "articles"


def _seeds_job(root):
    out = root / "reports"
    return _parley_run(PRISTINE_SEEDS, out), out


def _hostile_job(root):
    seeds = root / "seeds"
    shutil.copytree(PRISTINE_SEEDS, seeds)
    (seeds / "900_markup.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    return _parley_run(seeds, root / "reports"), root / "reports"


def _dev_extraction_job(root):  # noqa: ARG001 - it writes only the extraction cache
    # what test_dev_corpus's fixture does first: its articles' facts, into the session's cache
    script = "import sys; from parley import analysis; analysis.analyse(sys.argv[1])"
    return [sys.executable, "-c", script, str(DEV_ARTICLES)], None


def _mixed_inputs_job(root):
    from test_inputs import folder_state, make_seeds

    seeds = make_seeds(root / "seeds")
    before = folder_state(seeds)  # taken before the run, which must not write there
    return _parley_run(seeds, root / "reports"), (seeds, before, root / "reports")


def _forty_copies_job(root):
    from syndicated_copies import copies_folder

    seeds = copies_folder(root / "articles", n_copies=40)
    return _parley_run(seeds, root / "reports"), root / "reports"


# run name: (the fixture that needs it, what makes its inputs and command), in the order
# the runs start: the tests that need them run in about that order
BACKGROUND_JOBS = {
    "seeds": ("seeds_report", _seeds_job),
    "hostile": ("hostile_report", _hostile_job),
    "dev-extraction": ("dev_evaluation", _dev_extraction_job),
    "mixed-inputs": ("mixed_run", _mixed_inputs_job),
    "forty-copies": ("forty_copies_report", _forty_copies_job),
}


def pytest_collection_modifyitems(session, config, items):  # noqa: ARG001 - pytest's hook signature
    """The test files whose fixtures wait for a background run go after the others, and
    nbval's notebooks last, as before: by the time those files start, their runs are done.
    Whole files move, so that a module's fixtures are still made once."""
    waiting = {fixture for fixture, _ in BACKGROUND_JOBS.values()}

    def file_of(item):
        return item.nodeid.split("::")[0]

    late = {file_of(item) for item in items if waiting & set(getattr(item, "fixturenames", ()))}

    def rank(item):
        if file_of(item).endswith(".ipynb"):
            return 2
        return 1 if file_of(item) in late else 0

    items[:] = sorted(items, key=rank)  # stable: the order within each rank stays


@pytest.fixture(scope="session", autouse=True)
def made_in_background(request, tmp_path_factory):
    """made_in_background(name) -> what the run `name` of BACKGROUND_JOBS gives its
    fixture, once it has run (`background_runs.BackgroundRuns`). The runs the session's tests need start
    with the session."""
    runs = BackgroundRuns()

    def add(name):
        root = tmp_path_factory.mktemp(f"{name}-run")
        command, result = BACKGROUND_JOBS[name][1](root)
        runs.add(name, command, result)

    needed = {fixture for item in request.session.items for fixture in getattr(item, "fixturenames", ())}
    for name, (fixture, _) in BACKGROUND_JOBS.items():
        if fixture in needed:
            add(name)
    runs.start()

    def made(name):
        if name not in runs:
            add(name)
        try:
            return runs.wait(name)
        except BackgroundRunFailed as err:
            pytest.fail(str(err), pytrace=False)

    yield made
    runs.stop()


@pytest.fixture(scope="session")
def seeds_report(made_in_background):
    """`parley run` on the five seed articles into a scratch folder: the real notebooks, end to end."""
    return made_in_background("seeds")


@pytest.fixture(scope="session")
def project_seeds_report(seeds_report, tmp_path_factory):
    """`parley run` on the project's seeds/ as it is now: what reports/ must match. The same
    run as `seeds_report` when seeds/ holds the shipped articles and nothing else."""
    present = {p.name for p in config.SEEDS_DIR.iterdir() if not p.name.startswith(".")}
    if present == set(shipped()):
        return seeds_report
    return _run_quietly(config.SEEDS_DIR, tmp_path_factory.mktemp("project-seeds-run") / "reports")


@pytest.fixture(scope="session")
def hostile_report(made_in_background):
    """The pipeline on the seeds plus an article whose body carries markup and a script."""
    return made_in_background("hostile")


@pytest.fixture(scope="session")
def throwaway_cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("throwaway-cache") / "parley"


@pytest.fixture
def own_cache(throwaway_cache_dir, monkeypatch):
    """For test files whose runs are throwaway (notebooks of their own, articles that the
    shared fixtures do not read): caches apart from the shared one, which these files share.
    The stage cache keeps the last sixty notebooks run; in the shared one, dozens of such
    runs would push out the notebooks of the runs that other tests (and the user's next
    `make run`) reuse."""
    monkeypatch.setenv("PARLEY_CACHE_DIR", str(throwaway_cache_dir))


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
