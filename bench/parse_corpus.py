"""Field accuracy of the notice parser on real published notices and on the project's own documents.

Run by hand: .venv/bin/python bench/parse_corpus.py [-v]
Reads ../shared/notices/ (docs/*.txt + truth/*.json, when present) and tests/notices/corpus/
(one truth/*.json per document, each document in several formats). Prints per document the
share of fields right (title, 文号, date; per task found, focus, target, deadline, measures;
per measure text and units), overall per corpus, and the time of the largest parse.
"""

import json
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
try:
    from zhaoshang.notices import NoticeError, parse_bytes
except ImportError:
    sys.path.insert(0, str(ROOT / "src"))
    from zhaoshang.notices import NoticeError, parse_bytes
from zhaoshang.notices.accuracy import Score, score

SHARED = ROOT.parent / "shared" / "notices"
OWN = ROOT / "tests" / "notices" / "corpus"
GOAL = 0.95


def corpus_cases(folder: pathlib.Path):
    """(name, document path, truth dict) for every document with a truth file in `folder`."""
    for truth_path in sorted((folder / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text("utf-8"))
        for doc in sorted((folder / "docs").glob(truth_path.stem + ".*")):
            yield f"{doc.name}", doc, truth


def score_file(path: pathlib.Path, truth: dict) -> tuple[Score, float]:
    data = path.read_bytes()
    start = time.perf_counter()
    try:
        parsed = parse_bytes(data, path.name).to_dict()
    except NoticeError:
        parsed = None
    return score(parsed, truth, path.name), time.perf_counter() - start


def run(folder: pathlib.Path, verbose: bool) -> list[Score]:
    scores = []
    print(f"== {folder}")
    for name, path, truth in corpus_cases(folder):
        result, seconds = score_file(path, truth)
        scores.append(result)
        flag = "" if result.ratio >= 0.8 else "  < 80%"
        print(f"{name:48} {result.correct:4}/{result.total:<4} {result.ratio:6.1%} {seconds * 1000:7.1f} ms{flag}")
        if verbose and result.misses:
            print("    wrong:", ", ".join(result.misses))
    correct, total = sum(s.correct for s in scores), sum(s.total for s in scores)
    if total:
        print(f"{'overall':48} {correct:4}/{total:<4} {correct / total:6.1%}  (goal {GOAL:.0%})")
    return scores


def main() -> None:
    verbose = "-v" in sys.argv
    if SHARED.is_dir():
        run(SHARED, verbose)
    else:
        print(f"{SHARED} not present: real notices not measured")
    if OWN.is_dir():
        run(OWN, verbose)


if __name__ == "__main__":
    main()
