"""The office corrects the parse on the import preview: checked per field, saved on the upload, audited, applied on
import, and carried over to the next revision of the same plan where the parser repeats the same mistake."""

import datetime

import pytest
from django.urls import reverse

from tests.plans.test_import_preview_doubts import NOTICE
from zhaoshang.core.models import AuditLog
from zhaoshang.plans.corrections import corrections_apply, corrections_carry_over, read_deadline
from zhaoshang.plans.import_preview import import_preview
from zhaoshang.plans.models import Assignment, Task
from zhaoshang.plans.services.corrections import CorrectionsInvalid, upload_corrections_save
from zhaoshang.plans.services.importing import notice_apply, notice_upload

# The preview-doubts notice (a flattened table, a deadline that is no date, no 文号 and no date) is corrected here.
FIXES = {
    "fix:doc_number": "区政办发〔2026〕3号",
    "fix:date": "2026年3月5日",
    "fix:t0:deadline": "2026年12月底前",
    "fix:t0:m1:units": "市商务局、市发改委",
}


@pytest.fixture
def upload(office):
    return notice_upload(actor=office, filename="doubts.txt", data=NOTICE.encode("utf-8"))


def _task(number="1", measures=None, deadline="视情况而定"):
    return {"number": number, "focus": "", "target": "", "deadline": deadline, "indicators": [],
            "measures": measures or [{"text": "推行企业开办一日办结。", "units": ["市商务局"]}]}


# -- pure ---------------------------------------------------------------------------------------------------

def test_apply_writes_the_corrections_and_keeps_the_parse():
    parsed = {"title": "通知", "date": None, "tasks": [_task()]}
    corrections = [
        {"field": "deadline", "task": "1", "measure": None, "parsed": "视情况而定", "value": "2026-12",
         "typed": "2026年12月", "due_date": "2026-12-31"},
        {"field": "units", "task": "1", "measure": 1, "anchor": "推行企业开办一日办结。", "parsed": ["市商务局"],
         "value": ["市商务局", "市发改委"], "typed": "市商务局、市发改委"},
        {"field": "target", "task": "1", "measure": None, "parsed": "", "value": "新增市场主体1000户", "typed": "新增市场主体1000户"},
    ]
    out = corrections_apply(parsed, corrections)
    task = out["tasks"][0]
    assert (task["deadline"], task["due_date"]) == ("2026-12", "2026-12-31")
    assert task["measures"][0]["units"] == ["市商务局", "市发改委"]
    assert [i["value"] for i in task["indicators"]] == [1000]  # the corrected target's numbers are read again
    assert parsed["tasks"][0]["deadline"] == "视情况而定"  # the stored parse is untouched


def test_carry_over_follows_a_moved_measure_and_leaves_what_the_revision_changed():
    previous = [
        {"field": "units", "task": "1", "measure": 1, "anchor": "推行企业开办一日办结。", "parsed": ["市商务局"],
         "value": ["市商务局", "市发改委"], "typed": "市商务局、市发改委", "carried": False},
        {"field": "deadline", "task": "1", "measure": None, "anchor": None, "parsed": "视情况而定", "value": "2026-12",
         "typed": "2026年12月", "carried": False},
    ]
    revised = {"title": "通知", "tasks": [_task(deadline="2026-09", measures=[
        {"text": "新增一条举措。", "units": ["市商务局"]}, {"text": "推行企业开办一日办结。", "units": ["市商务局"]}])]}
    carried, dropped = corrections_carry_over(previous, revised)
    assert [(c["field"], c["measure"], c["carried"]) for c in carried] == [("units", 2, True)]
    assert [c["field"] for c in dropped] == ["deadline"]  # the revision states a real deadline now


def test_a_deadline_with_no_date_is_refused():
    assert read_deadline("长期坚持", 2026)["value"] == "long-term"
    assert read_deadline("9月底前", 2026) == {"value": "2026-09", "due_date": "2026-09-30"}
    with pytest.raises(ValueError, match="时限“看情况”无法识别"):
        read_deadline("看情况", 2026)


# -- service, import, carry-over --------------------------------------------------------------------------

def test_corrections_are_saved_audited_and_applied_on_import(office, upload):
    saved = upload_corrections_save(upload=upload, actor=office, data=FIXES)
    assert {c["field"] for c in saved} == {"doc_number", "date", "deadline", "units"}
    entry = AuditLog.objects.filter(action="correct", object_id=str(upload.pk)).latest("id")
    assert len(entry.after["corrections"]) == 4 and entry.before == {"corrections": []}
    upload.refresh_from_db()
    assert upload.parsed["tasks"][0]["deadline"] == "视情况而定"  # the parse stays what the parser read

    plan = notice_apply(upload=upload, actor=office)
    assert (plan.doc_number, plan.issued_on) == ("区政办发〔2026〕3号", datetime.date(2026, 3, 5))
    task = Task.objects.get(plan=plan, number="1")
    assert task.deadline_month == datetime.date(2026, 12, 1)
    units = Assignment.objects.filter(measure__task=task).order_by("order")
    assert [(a.unit.short_name, a.is_lead) for a in units] == [("市商务局", True), ("市发改委", False)]
    assert AuditLog.objects.filter(action="import", object_id=str(plan.pk)).latest("id").after["corrections"] == 4


def test_typing_the_parsed_value_back_drops_the_correction(office, upload):
    upload_corrections_save(upload=upload, actor=office, data=FIXES)
    saved = upload_corrections_save(upload=upload, actor=office, data={"fix:t0:deadline": "视情况而定"})
    assert {c["field"] for c in saved} == {"doc_number", "date", "units"}  # fields not posted keep their state


def test_bad_values_are_refused_field_by_field_and_nothing_is_saved(office, upload):
    data = {"fix:t0:deadline": "下个月吧", "fix:t1:m1:text": "  ", "fix:t0:m1:units": "市商务局、某某管委会", "fix:date": "2026-02-30"}
    with pytest.raises(CorrectionsInvalid) as caught:
        upload_corrections_save(upload=upload, actor=office, data=data)
    assert set(caught.value.errors) == set(data)
    assert "时限“下个月吧”无法识别" in caught.value.errors["fix:t0:deadline"]
    assert caught.value.errors["fix:t1:m1:text"] == "举措内容不能为空"
    assert caught.value.errors["fix:t0:m1:units"].startswith("未找到单位“某某管委会”")
    upload.refresh_from_db()
    assert upload.corrections == []


def test_a_unit_may_be_named_by_its_alias_and_a_typo_gets_a_suggestion(office, upload):
    saved = upload_corrections_save(upload=upload, actor=office, data={"fix:t0:m1:units": "市商务局、市发展改革委"})
    assert saved[0]["value"] == ["市商务局", "市发展改革委"]
    with pytest.raises(CorrectionsInvalid) as caught:
        upload_corrections_save(upload=upload, actor=office, data={"fix:t0:m1:units": "市商务局、市发改季"})
    assert caught.value.errors["fix:t0:m1:units"] == "未找到单位“市发改季”，是否为“市发改委”？"


def test_preview_page_saves_corrections_and_shows_errors_beside_the_typed_values(office_client, upload):
    url = reverse("plans:import_preview", args=[upload.pk])
    page = office_client.get(url).content.decode()
    assert 'name="fix:t0:deadline"' in page and 'value="视情况而定"' in page and "更正通知信息" in page

    bad = office_client.post(url, {**FIXES, "fix:t0:deadline": "下个月吧", "save_corrections": ""})
    assert bad.status_code == 400
    text = bad.content.decode()
    assert "时限“下个月吧”无法识别" in text and 'value="下个月吧"' in text and 'value="区政办发〔2026〕3号"' in text

    saved = office_client.post(url, {**FIXES, "save_corrections": ""})
    assert saved.status_code == 302
    page = office_client.get(url).content.decode()
    assert "确认导入时将套用的更正（4 处）" in page and "任务1 时限：视情况而定 → 2026-12" in page
    assert "原解析：视情况而定" in page

    done = office_client.post(url, {**FIXES, "fix:t1:m1:text": "推进涉企收费目录清单公开并动态更新。", "confirm": ""})
    assert done.status_code == 302
    assert Task.objects.get(plan__doc_number="区政办发〔2026〕3号", number="2").measures.get().text == "推进涉企收费目录清单公开并动态更新。"


def test_a_revision_carries_the_corrections_the_parser_still_needs(office, office_client, upload):
    upload_corrections_save(upload=upload, actor=office, data=FIXES)
    plan = notice_apply(upload=upload, actor=office)
    revised = NOTICE.replace("2026年6月", "2026年8月").replace("区人民政府办公室关于", "区人民政府办公室关于调整")
    revision = notice_upload(actor=office, filename="revised.txt", data=revised.encode("utf-8"), plan=plan)
    assert {c["field"] for c in revision.corrections} == {"doc_number", "date", "deadline", "units"}
    assert all(c["carried"] for c in revision.corrections)
    preview = import_preview(revision)
    assert [c.field for c in preview.changes if c.where.startswith("任务1")] == []  # no spurious changes back
    page = office_client.get(reverse("plans:import_preview", args=[revision.pk])).content.decode()
    assert "沿用上一版导入时的更正（4 处）" in page and "任务1 时限：视情况而定 → 2026-12" in page

    # the office drops one carried correction; the next import keeps only what it confirmed
    upload_corrections_save(upload=revision, actor=office, data={"fix:t0:m1:units": "市商务局"})
    notice_apply(upload=revision, actor=office)
    third = notice_upload(actor=office, filename="third.txt", data=NOTICE.replace("视情况而定", "2026年10月").encode("utf-8"), plan=plan)
    assert {c["field"] for c in third.corrections} == {"doc_number", "date"}
    assert [c["field"] for c in import_preview(third).dropped] == ["deadline"]
