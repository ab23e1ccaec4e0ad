"""The Qianjiang seed notice parses exactly as written down by hand in fixtures/qianjiang_2025_expected.json."""

import json
import pathlib

import pytest

from zhaoshang.notices import parse_bytes, parse_file, parse_text

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEED = ROOT / "src" / "zhaoshang" / "demo" / "demo_data" / "qianjiang-2025-zhaoshang-task-list.txt"
EXPECTED = json.loads((pathlib.Path(__file__).parent / "fixtures" / "qianjiang_2025_expected.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def parsed():
    return parse_file(SEED).to_dict()


def test_seed_header(parsed):
    for key in ("title", "notice_title", "issuer", "publisher", "doc_number", "date", "warnings", "layout"):
        assert parsed[key] == EXPECTED[key], key


def test_seed_has_18_tasks_numbered_in_order(parsed):
    assert [t["number"] for t in parsed["tasks"]] == [str(n) for n in range(1, 19)]


@pytest.mark.parametrize("index", range(18))
def test_seed_task_fields(parsed, index):
    got, want = parsed["tasks"][index], EXPECTED["tasks"][index]
    for key in ("number", "focus", "target", "deadline", "deadline_raw", "due_date", "warnings"):
        assert got[key] == want[key], (want["number"], key)
    assert len(got["measures"]) == len(want["measures"])
    for position, (m_got, m_want) in enumerate(zip(got["measures"], want["measures"]), start=1):
        assert m_got == m_want, (want["number"], position)
    assert got["indicators"] == want["indicators"], want["number"]


def test_seed_chains(parsed):
    assert len(parsed["chains"]) == 17
    assert [c for c in parsed["chains"] if not c["future"]] == EXPECTED["chains"][:13]
    assert [c for c in parsed["chains"] if c["future"]] == EXPECTED["chains"][13:]


def test_seed_whole_structure(parsed):
    assert parsed == EXPECTED


def test_seed_same_through_bytes_and_text():
    data = SEED.read_bytes()
    assert parse_bytes(data, "anything.pdf").to_dict() == EXPECTED  # format comes from content, not the name
    assert parse_text(data.decode("utf-8")).to_dict() == EXPECTED


def test_seed_in_gb18030_parses_the_same():
    data = SEED.read_text("utf-8").encode("gb18030")
    assert parse_bytes(data).to_dict()["tasks"] == EXPECTED["tasks"]


def test_seed_copy_is_byte_identical_to_shared_seed():
    shared = ROOT.parent / "shared" / "seed" / "qianjiang-2025-zhaoshang-task-list.txt"
    if not shared.exists():
        pytest.skip("shared seed not on this machine")
    assert SEED.read_bytes() == shared.read_bytes()
