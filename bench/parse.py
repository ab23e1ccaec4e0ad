"""Median time to parse the seed notice over 50 runs (budget 20 ms), and a 2 MB notice (budget 2 s).

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
LARGE_BUDGET_S = 2.0


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
    large()


def large() -> None:
    """The 2 MB notices of tests/notices/test_notice_large.py (flattened table, prose, traditional), best of 3."""
    sys.path.insert(0, str(ROOT))
    from opencc import OpenCC

    from tests.notices.test_notice_large import _flat_notice, _prose_notice

    prose = _prose_notice()
    for name, text in (("flat table", _flat_notice()), ("prose", prose),
                       ("traditional prose", OpenCC("s2hk").convert(prose))):
        data = text.encode("utf-8")
        best = min(_timed(data) for _ in range(3))
        print(f"{name}: {len(data) / 1024 / 1024:.1f} MB in {best:.2f} s (budget {LARGE_BUDGET_S:.0f} s)")


def _timed(data: bytes) -> float:
    start = time.perf_counter()
    parse_bytes(data)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
