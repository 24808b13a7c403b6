"""`make bench`: Parley at 100, 400 and 1,600 synthetic articles, next to spaCy alone.

    python tools/bench.py [--sizes 100 400 1600] [--jobs 2] [--out .cache/bench]

For each size, on the synthetic corpus of `tools/synthetic_corpus.py` (the same articles
every time; a larger corpus starts with the smaller one's):

* spaCy alone: `nlp.pipe` over the article bodies with the same number of processes;
* `parley run` cold (empty caches), warm (nothing changed) and with one article edited,
  each in a fresh process so that its peak memory is its own.

It prints one table and writes it to `OUT/bench.csv`: words/s of spaCy and of Parley's
extraction, each notebook's seconds, the cold, warm and one-changed runs, and peak
memory, and the share of CPU time the host gave to others (steal) during spaCy's run and
Parley's cold one. The machine is shared and noisy: read the ratios of one run, not the
seconds of two, and distrust a ratio whose two runs had different steal.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

import synthetic_corpus  # noqa: E402 - tools/ is not a package

COLUMNS = [
    "articles", "words", "jobs", "spacy_words_per_s", "extraction_s", "extraction_words_per_s", "extraction_vs_spacy",
    "nb01_s", "nb02_s", "nb03_s", "nb04_s", "nb05_s", "after_extraction_s", "after_vs_extraction",
    "cold_s", "warm_s", "warm_vs_cold", "one_changed_s", "one_changed_vs_cold", "peak_memory_mb",
    "steal_pct_spacy", "steal_pct_cold",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1600])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default=str(ROOT / ".cache" / "bench"))
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in args.sizes:
        print(f"--- {size} articles", file=sys.stderr, flush=True)
        rows.append(bench_size(size, args.jobs, out))
        _write(rows, out / "bench.csv")
        _print(rows)
    growth = _growth(rows)
    if growth:
        print(growth)
    print(f"written to {out / 'bench.csv'}")
    return 0


def bench_size(size: int, jobs: int, out: Path) -> dict:
    corpus = out / f"corpus-{size}"
    synthetic_corpus.write_corpus(size, corpus)
    work = out / f"run-{size}"
    shutil.rmtree(work, ignore_errors=True)  # the bench's own folder: its caches start empty
    env = {**os.environ, "PARLEY_CACHE_DIR": str(work / "cache" / "parley"), "PARLEY_JOBS": str(jobs)}
    reports = work / "reports"

    spacy = _measure([sys.executable, __file__, "--spacy-alone", str(corpus), str(jobs)], env)
    spacy_result = json.loads(spacy["stdout"].strip().splitlines()[-1])
    words = spacy_result["words"]

    run = [sys.executable, "-m", "parley.cli", "run", "--seeds", str(corpus), "--out", str(reports), "--cell-timeout", "7200"]
    cold = _measure(run, env)
    warm = _measure(run, env)
    edited = sorted(corpus.glob("*.txt"))[size // 2]
    original = edited.read_bytes()
    try:
        edited.write_bytes(original.replace(b"\n\n", b"\n\nThe talks, observers said, would go on.\n\n", 1))
        changed = _measure(run, env)
    finally:
        edited.write_bytes(original)

    stages = _notebook_seconds(cold["stderr"])
    extraction = _extracted_seconds(cold["stderr"])
    after = cold["seconds"] - extraction
    row = {
        "articles": size, "words": words, "jobs": jobs,
        "spacy_words_per_s": round(words / spacy_result["seconds"]),
        "extraction_s": round(extraction, 1),
        "extraction_words_per_s": round(words / extraction) if extraction else "",
        "extraction_vs_spacy": round((words / extraction) / (words / spacy_result["seconds"]), 2) if extraction else "",
        **{f"nb{i:02d}_s": stages.get(i, "") for i in range(1, 6)},
        "after_extraction_s": round(after, 1),
        "after_vs_extraction": round(after / extraction, 2) if extraction else "",
        "cold_s": round(cold["seconds"], 1),
        "warm_s": round(warm["seconds"], 1),
        "warm_vs_cold": round(warm["seconds"] / cold["seconds"], 3),
        "one_changed_s": round(changed["seconds"], 1),
        "one_changed_vs_cold": round(changed["seconds"] / cold["seconds"], 3),
        "peak_memory_mb": max(cold["peak_mb"], warm["peak_mb"], changed["peak_mb"]),
        # the share of this machine's CPU time its host gave to others while each ran: the
        # ratio of two runs taken under different steal is the host's, not Parley's
        "steal_pct_spacy": spacy["steal_pct"],
        "steal_pct_cold": cold["steal_pct"],
    }
    for name, result in (("cold", cold), ("warm", warm), ("one changed", changed)):
        if result["returncode"] != 0:
            raise SystemExit(f"bench: the {name} run at {size} articles failed:\n{result['stderr'][-2000:]}")
    return row


def _measure(command: list[str], env: dict) -> dict:
    """Run `command` in a fresh process of this script, so that the peak memory is its own."""
    wrapper = [sys.executable, __file__, "--measure", json.dumps(command)]
    done = subprocess.run(wrapper, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"bench: measuring {' '.join(command[:4])} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _cpu_times() -> list[int] | None:
    """The machine's CPU time counters (user, nice, system, idle, iowait, irq, softirq,
    steal, ...) from /proc/stat, or None where there is none."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            return [int(v) for v in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return None


def _steal_pct(before: list[int] | None, after: list[int] | None) -> float | str:
    if not before or not after or len(before) < 8 or len(after) < 8:
        return ""
    total = sum(after[:8]) - sum(before[:8])  # guest time is counted within user already
    return round(100 * (after[7] - before[7]) / total, 1) if total else ""


def _measured(command: list[str]) -> dict:
    counters = _cpu_times()
    began = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.monotonic() - began
    steal = _steal_pct(counters, _cpu_times())
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest process of the run
    return {"seconds": seconds, "peak_mb": round(peak_kb / 1024), "returncode": done.returncode, "steal_pct": steal,
            "stdout": done.stdout[-20000:], "stderr": done.stderr[-20000:]}


def _spacy_alone(corpus: Path, jobs: int) -> dict:
    sys.path.insert(0, str(ROOT / "lib"))
    from parley import nlp
    from parley.read.corpus import read_corpus

    bodies = [a.body for a in read_corpus(corpus).articles]
    model = nlp.load()
    began = time.monotonic()
    for _ in model.pipe(bodies, n_process=jobs, batch_size=16):
        pass
    return {"seconds": time.monotonic() - began, "words": sum(len(b.split()) for b in bodies)}


def _notebook_seconds(log: str) -> dict[int, float]:
    found = {}
    for index, seconds in re.findall(r"\[(\d+)/\d+\] \S+ done in ([\d.]+)s", log):
        found[int(index)] = float(seconds)
    return found


def _extracted_seconds(log: str) -> float:
    match = re.search(r"extracted \d+ article\(s\) in ([\d.]+)s", log)
    return float(match[1]) if match else 0.0


def _growth(rows: list[dict]) -> str:
    by_size = {r["articles"]: r for r in rows}
    if 400 in by_size and 1600 in by_size:
        return f"cold run 400 -> 1600 articles: x{by_size[1600]['cold_s'] / by_size[400]['cold_s']:.2f}"
    return ""


def _write(rows: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)


def _print(rows: list[dict]) -> None:
    width = max(len(c) for c in COLUMNS)
    print("\n" + "\n".join(f"{c:<{width}} " + " ".join(f"{str(r.get(c, '')):>10}" for r in rows) for c in COLUMNS), flush=True)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--measure":
        print(json.dumps(_measured(json.loads(sys.argv[2]))))
    elif len(sys.argv) > 3 and sys.argv[1] == "--spacy-alone":
        print(json.dumps(_spacy_alone(Path(sys.argv[2]), int(sys.argv[3]))))
    else:
        sys.exit(main())
