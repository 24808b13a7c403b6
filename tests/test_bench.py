"""tools/bench.py: the share of CPU time the host gave to others while a run was measured."""

import importlib.util
import sys
from pathlib import Path

TOOL = Path(__file__).resolve().parents[1] / "tools" / "bench.py"


def _load():
    sys.path.insert(0, str(TOOL.parent))  # bench imports synthetic_corpus from tools/
    spec = importlib.util.spec_from_file_location("bench", TOOL)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_steal_is_the_hosts_share_of_the_cpu_time_that_passed():
    bench = _load()
    # user nice system idle iowait irq softirq steal guest guest_nice
    before = [1000, 0, 100, 5000, 10, 0, 5, 200, 0, 0]
    after = [1600, 0, 150, 5300, 10, 0, 5, 400, 50, 0]  # 1,150 jiffies passed, 200 of them stolen
    assert bench._steal_pct(before, after) == round(100 * 200 / 1150, 1)
    assert bench._steal_pct(before, before) == ""  # no time passed: no share to give
    assert bench._steal_pct(None, after) == ""  # no /proc/stat here


def test_the_counters_are_read_from_proc_stat_where_there_is_one():
    counters = _load()._cpu_times()
    if Path("/proc/stat").is_file():
        assert counters is not None and len(counters) >= 8 and all(v >= 0 for v in counters)
    else:
        assert counters is None
