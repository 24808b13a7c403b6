"""Each notebook runs on its own with papermill, as the README says it can."""

import json

import papermill as pm
import pytest

from parley import config

pytestmark = pytest.mark.slow


@pytest.fixture
def other_corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "doha.txt").write_text(
        "Mediators meet in Doha\n\nThe Gulf Desk\n\nMarch 04, 2024\n\n"
        "Israeli and Hamas negotiators met in Doha on Monday, mediators said. Hamas demanded a permanent "
        "ceasefire, while Israel rejected any withdrawal of its forces. Both sides agreed to exchange 40 hostages "
        "for 400 prisoners.\n",
        encoding="utf-8",
    )
    return folder


def _outputs_text(path):
    nb = json.loads(path.read_text())
    texts = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            texts.append("".join(output.get("text", "")))
            for value in output.get("data", {}).values():
                texts.append(value if isinstance(value, str) else "".join(value))
    return "\n".join(texts)


def test_the_evaluation_notebook_says_so_and_stops_cleanly_without_gold(other_corpus, tmp_path):
    executed = tmp_path / "05.ipynb"
    pm.execute_notebook(
        str(config.NOTEBOOKS_DIR / "05_evaluation.ipynb"), str(executed),
        parameters={"seeds_dir": str(other_corpus), "out_dir": str(tmp_path / "out")},
        kernel_name="python3", progress_bar=False, cwd=str(config.NOTEBOOKS_DIR),
    )
    assert "No gold annotation matches these articles" in _outputs_text(executed)
    assert not (tmp_path / "out" / "data" / "evaluation.csv").exists()


def test_the_timeline_notebook_runs_alone_on_another_negotiation(other_corpus, tmp_path):
    executed = tmp_path / "02.ipynb"
    pm.execute_notebook(
        str(config.NOTEBOOKS_DIR / "02_timeline.ipynb"), str(executed),
        parameters={"seeds_dir": str(other_corpus), "out_dir": str(tmp_path / "out")},
        kernel_name="python3", progress_bar=False, cwd=str(config.NOTEBOOKS_DIR),
    )
    events = (tmp_path / "out" / "data" / "events.csv").read_text()
    assert "2024-03-04" in events  # "on Monday" in an article published on Monday 4 March 2024
    assert (tmp_path / "out" / "data" / "timeline.csv").exists()
