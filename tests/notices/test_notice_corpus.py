"""Field accuracy on whole documents: the project's own corpus (held here) and real notices (when present).

The own corpus (tests/notices/corpus/, written by make_corpus.py: invented wording in published shapes,
each in text, HTML, Word, Excel and PDF) must stay at ≥ 95% of fields overall and per document, and
the seed's merged-cell table printed to PDF at 100%. The real notices live outside the project
(../shared/notices/, never copied in); their test runs where that folder exists and holds the
accuracy reached so far so it cannot drop unnoticed.
"""

import json
import pathlib

import pytest

from zhaoshang.notices import parse_bytes
from zhaoshang.notices.accuracy import score

HERE = pathlib.Path(__file__).resolve().parent
OWN = HERE / "corpus"
SHARED = HERE.parents[2] / "shared" / "notices"
OWN_GOAL = 0.95
SHARED_FLOOR = 0.97  # measured 98.0% (was 40.6% before issue 14); raise it as layouts improve, never lower it


def _cases(folder: pathlib.Path):
    for truth_path in sorted((folder / "truth").glob("*.json")):
        truth = json.loads(truth_path.read_text("utf-8"))
        for doc in sorted((folder / "docs").glob(truth_path.stem + ".*")):
            yield doc, truth


def _scores(folder: pathlib.Path):
    out = []
    for doc, truth in _cases(folder):
        try:
            parsed = parse_bytes(doc.read_bytes(), doc.name).to_dict()
        except Exception:  # a document that fails outright scores what its truth says it should have had
            parsed = None
        out.append(score(parsed, truth, doc.name))
    return out


@pytest.fixture(scope="module")
def own_scores():
    return _scores(OWN)


def test_own_corpus_has_every_format(own_scores):
    assert {pathlib.Path(s.name).suffix for s in own_scores} == {".txt", ".html", ".docx", ".xlsx", ".pdf"}


def test_own_corpus_accuracy_holds(own_scores):
    correct, total = sum(s.correct for s in own_scores), sum(s.total for s in own_scores)
    assert correct / total >= OWN_GOAL, f"{correct}/{total}"
    low = {s.name: f"{s.ratio:.1%} wrong: {s.misses}" for s in own_scores if s.ratio < OWN_GOAL}
    assert not low


def test_seed_table_printed_to_pdf_over_pages_reads_exactly(own_scores):
    seed = next(s for s in own_scores if s.name == "01_seed-merged-table.pdf")
    assert seed.total == 173 and seed.misses == []


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} not present: real notices are measured where it exists (CI)")
def test_real_notices_accuracy_does_not_drop():
    scores = _scores(SHARED)
    correct, total = sum(s.correct for s in scores), sum(s.total for s in scores)
    report = "; ".join(f"{s.name} {s.ratio:.0%}" for s in scores)
    assert correct / total >= SHARED_FLOOR, f"{correct}/{total}: {report}"
