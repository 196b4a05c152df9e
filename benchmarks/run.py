"""The in-process benchmarks (DEBUG on, Django's test client: PDF and query figures): every
benchmarks/bench_*.py (or those named) one after another. `make bench` is the served one
(benchmarks/http_bench.py); `make bench BENCH=all` or `BENCH=pdf,duty` runs these after it.

    .venv/bin/python -m benchmarks.run              # all
    .venv/bin/python -m benchmarks.run pdf duty     # bench_pdf and bench_duty

Each benchmark seeds its own database (office_bench) at scale the first time, then prints its
table. Figures, not assertions: tests never assert wall-clock times.
"""

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(names: list[str]) -> int:
    available = sorted(path.stem for path in (ROOT / "benchmarks").glob("bench_*.py"))
    names = [name for name in names if name != "all"]
    chosen = [f"bench_{name.removeprefix('bench_')}" for name in names] or available
    unknown = sorted(set(chosen) - set(available))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; available: {', '.join(available)}")
        return 2
    failed = []
    for name in chosen:
        print(f"\n== {name}", flush=True)
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", f"benchmarks.{name}"], cwd=ROOT)
        print(f"-- {name}: {time.monotonic() - started:.0f} s, exit {result.returncode}")
        if result.returncode:
            failed.append(name)
    if failed:
        print(f"\nfailed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
