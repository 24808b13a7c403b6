"""tools/synthetic_corpus.py: the benchmark's corpus is deterministic, extends itself, and
its articles are of the right length and distinct from one another."""

import importlib.util
import re
import sys
from itertools import combinations
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[1] / "tools" / "synthetic_corpus.py"


def _load():
    # tools/ is not a package; the module is registered before it runs, as dataclasses need.
    spec = importlib.util.spec_from_file_location("synthetic_corpus", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synthetic_corpus = _load()


@pytest.fixture(scope="module")
def hundred():
    return synthetic_corpus.generate(100, seed=0)


def test_same_count_and_seed_give_the_same_articles(hundred):
    assert synthetic_corpus.generate(100, seed=0) == hundred
    assert synthetic_corpus.generate(5, seed=1) != hundred[:5]


def test_a_larger_corpus_starts_with_the_smaller_one():
    assert synthetic_corpus.generate(40)[:20] == synthetic_corpus.generate(20)


def test_file_names_are_numbered_outlet_and_date(hundred):
    names = [name for name, _ in hundred]
    assert len(set(names)) == len(names)
    assert all(synthetic_corpus.OUR_FILE.match(name) for name in names)
    assert names[0].startswith("0001_")


def test_articles_are_350_to_700_words(hundred):
    counts = [len(text.split()) for _, text in hundred[:50]]
    assert all(350 <= n <= 700 for n in counts), counts


def _shingles(text: str, size: int = 8) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text.lower())
    return {tuple(words[i:i + size]) for i in range(len(words) - size + 1)}


def test_no_two_articles_are_near_duplicates(hundred):
    shingles = [_shingles(text) for _, text in hundred]
    worst = max(len(a & b) / min(len(a), len(b)) for a, b in combinations(shingles, 2))
    assert worst <= 0.30, worst


def test_the_cli_writes_a_folder_and_rewrites_only_its_own(tmp_path):
    out = tmp_path / "corpus"
    assert synthetic_corpus.main(["--articles", "3", "--out", str(out)]) == 0
    written = sorted(p.name for p in out.glob("*.txt"))
    assert written == [name for name, _ in synthetic_corpus.generate(3)]
    assert (out / synthetic_corpus.MARKER).exists()
    synthetic_corpus.main(["--articles", "2", "--out", str(out)])  # its own folder: rewritten
    assert len(list(out.glob("*.txt"))) == 2


def test_the_cli_refuses_a_folder_it_did_not_write(tmp_path):
    (tmp_path / "notes.txt").write_text("someone else's file", encoding="utf-8")
    with pytest.raises(SystemExit) as refused:
        synthetic_corpus.main(["--articles", "3", "--out", str(tmp_path)])
    assert "refusing" in str(refused.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
