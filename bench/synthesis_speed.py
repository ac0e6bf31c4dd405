"""Wall time and peak memory of classify + group + title on generated batches.

Each size runs in a fresh process so peak RSS (resource.getrusage) belongs to that size alone.
Usage: .venv/bin/python bench/synthesis_speed.py [10000 100000]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def run_one(n: int) -> dict[str, float]:
    from bench.petitions_generate import generate
    from doithoai.synthesis.engine.pipeline import PetitionIn, synthesize
    from doithoai.synthesis.engine.training import default_model

    pets = [PetitionIn(r["id"], r["text"], r["unit"], r["place"] or None) for r in generate(n)]
    model = default_model()
    cpu_before = _cpu_seconds()
    start = time.perf_counter()
    out = synthesize(pets, model=model, explain=True)
    wall = time.perf_counter() - start
    cpu = _cpu_seconds() - cpu_before
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 / 1024
    # The engine may classify in a forked child process: its peak counts too (pages it shares
    # with this process are counted twice, so the sum is an upper bound).
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024 / 1024
    groups = len({s.group for s in out})
    return {
        "n": n,
        "seconds": wall,
        "cpu_seconds": cpu,
        "peak_gib": peak,
        "child_peak_gib": child,
        "groups": groups,
    }


def _cpu_seconds() -> float:
    """User + system CPU time of this process and its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [10_000, 100_000]
    load = " ".join(f"{v:.2f}" for v in os.getloadavg())
    print(f"load average at start: {load} ({os.cpu_count()} CPUs)", flush=True)
    results = []
    for n in sizes:
        proc = subprocess.run(
            [sys.executable, __file__, "--one", str(n)], capture_output=True, text=True, check=True
        )
        res = json.loads(proc.stdout.strip().splitlines()[-1])
        results.append(res)
        print(
            f"{n:>7} petitions: {res['seconds']:.1f} s wall, {res['cpu_seconds']:.1f} s CPU, "
            f"peak RSS {res['peak_gib']:.2f} GiB "
            f"(+ {res['child_peak_gib']:.2f} GiB in the worker process), {res['groups']} groups",
            flush=True,
        )
    if len(results) >= 2:
        ratio = results[-1]["seconds"] / results[0]["seconds"]
        cpu_ratio = results[-1]["cpu_seconds"] / results[0]["cpu_seconds"]
        print(f"time ratio {results[-1]['n']}/{results[0]['n']}: {ratio:.1f} (CPU {cpu_ratio:.1f})")


if __name__ == "__main__":
    main()
