"""Shared fixtures. The whole-pipeline runs are made once per test session."""

import shutil

import pytest

from parley import config


@pytest.fixture(scope="session")
def seeds_report(tmp_path_factory):
    """`parley run` on seeds/ into a scratch folder: the real notebooks, end to end."""
    from parley.pipeline import run

    out = tmp_path_factory.mktemp("seeds-run") / "reports"
    run(config.SEEDS_DIR, out, progress=lambda message: None)
    return out


@pytest.fixture(scope="session")
def hostile_report(tmp_path_factory):
    """The pipeline on the seeds plus an article whose body carries markup and a script."""
    from parley.pipeline import run

    root = tmp_path_factory.mktemp("hostile-run")
    seeds = root / "seeds"
    shutil.copytree(config.SEEDS_DIR, seeds)
    (seeds / "900_markup.txt").write_text(
        "Talks <script>alert(1)</script> stall in <b>Geneva</b>\n\nThe Wire Desk\n\nJune 03, 2025\n\n"
        "The Ukrainian delegation, led by Defence Minister Rustem Umerov, said on Tuesday that Russia rejected "
        "a ceasefire. <script>alert(1)</script> <img src=x onerror=alert(2)> Both sides agreed to exchange "
        "1,200 prisoners of war.\n\nA second paragraph repeats that the two sides agreed to meet again next month "
        "in Geneva to continue the talks.\n",
        encoding="utf-8",
    )
    out = root / "reports"
    run(seeds, out, progress=lambda message: None)
    return out
