"""Median time to parse the seed notice over 50 runs, against the 20 ms budget.

Run by hand: .venv/bin/python bench/parse.py
"""

import pathlib
import statistics
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
try:
    from zhaoshang.notices import parse_bytes
except ImportError:
    sys.path.insert(0, str(ROOT / "src"))
    from zhaoshang.notices import parse_bytes

SEED = ROOT / "src" / "zhaoshang" / "demo" / "demo_data" / "qianjiang-2025-zhaoshang-task-list.txt"
RUNS = 50
BUDGET_MS = 20.0


def main() -> None:
    data = SEED.read_bytes()
    parse_bytes(data)  # warm-up: imports and compiled regexes
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        parsed = parse_bytes(data)
        times.append((time.perf_counter() - start) * 1000)
    median = statistics.median(times)
    print(f"seed: {len(parsed.tasks)} tasks, {len(parsed.chains)} chains, {len(data)} bytes")
    print(f"median {median:.2f} ms over {RUNS} runs (min {min(times):.2f}, max {max(times):.2f})")
    print(f"ratio to {BUDGET_MS:.0f} ms budget: {median / BUDGET_MS:.2f}")


if __name__ == "__main__":
    main()
