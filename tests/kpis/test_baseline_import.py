"""Importing the growth baselines (上年基数) from Excel: the template lists the plan's growth indicators, a good
file sets baselines and sources through baseline_set (audited), each bad row is reported in Chinese and nothing is
written unless only the good rows are chosen; only the office imports."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.excel_files import edited, sheet_rows, xlsx
from zhaoshang.core.excel_import import validate_file
from zhaoshang.core.excel_import.models import ImportJob
from zhaoshang.core.models import AuditLog
from zhaoshang.kpis.baseline_import import baseline_import
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.services.editing import baseline_set
from zhaoshang.plans.models import Plan

HEADER = ["指标编号", "指标", "上年基数", "基数来源"]
UPLOAD = reverse("kpi_baseline_import:upload")
TEMPLATE = reverse("kpi_baseline_import:template")


@pytest.fixture
def growth(demo):
    """The demo plan's two growth indicators: a count and an amount (万元)."""
    return Kpi.objects.get(plan=demo, kind="growth_count"), Kpi.objects.get(plan=demo, kind="growth_amount")


def sheet(*rows, header=HEADER) -> bytes:
    return xlsx([["2025年指标上年基数"], header, *rows], title="上年基数")


def _upload(client, data: bytes, name="上年基数.xlsx"):
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data)})


def _job_page(client, job: ImportJob) -> str:
    return client.get(reverse("kpi_baseline_import:job", args=[job.pk])).content.decode()


def _confirm(client, job: ImportJob, **data) -> ImportJob:
    client.post(reverse("kpi_baseline_import:confirm", args=[job.pk]), data or {"mode": "all"})
    job.refresh_from_db()
    return job


def _baselines(*kpis) -> list[tuple]:
    return [tuple(Kpi.objects.filter(pk=kpi.pk).values_list("baseline", "baseline_source").get()) for kpi in kpis]


def test_a_good_file_sets_the_baselines_with_their_sources_and_audits_each(office, office_client, growth):
    count, amount = growth
    response = _upload(office_client, sheet([count.pk, count.text, 4, "2024年统计年报"],
                                            [amount.pk, None, "125,000.5", " 2024年统计年报（万元） "]))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("kpi_baseline_import:job", args=[job.pk])
    page = _job_page(office_client, job)
    assert "共2行数据：2行无误，0行有错误" in page and "确认导入全部2行" in page and "导入上年基数" in page
    assert _baselines(count, amount) == [(None, ""), (None, "")]  # nothing is saved before confirming
    job = _confirm(office_client, job)
    assert (job.status, job.saved_rows) == ("done", 2)
    # cells are read as a person sees them: trimmed, full-width brackets NFKC-normalised
    assert _baselines(count, amount) == [(Decimal(4), "2024年统计年报"), (Decimal("125000.5"), "2024年统计年报(万元)")]
    for kpi in growth:
        entry = AuditLog.objects.get(object_type="kpis.kpi", object_id=str(kpi.pk), action="baseline")
        assert entry.actor == office and entry.before["baseline"] is None and entry.after["baseline_source"].startswith("2024年")
    assert AuditLog.objects.filter(object_type="core.importjob", action="import").exists()
    assert "查看指标总览" in _job_page(office_client, job)


def _other_plans_growth(count: Kpi) -> Kpi:
    spare = Plan.objects.create(title="2024年任务清单", issued_on=datetime.date(2024, 1, 1), is_archived=True)
    return Kpi.objects.create(plan=spare, target=count.target, text="去年的签约数增长指标", kind="growth_count", goal=5, year=2024)


BAD_ROWS = {
    "wrong id": (lambda kpis: [999999, None, 3, "年报"], "指标编号：没有编号为999999的指标"),
    "not a number": (lambda kpis: ["第一项", None, 3, "年报"], "指标编号：“第一项”不是指标编号"),
    "not growth": (lambda kpis: [kpis["project"].pk, None, 3, "年报"], "只有同比增长类指标需要上年基数"),
    "other plan": (lambda kpis: [kpis["other"].pk, None, 3, "年报"], "属于任务清单“2024年任务清单”，不是本次导入的任务清单"),
    "deleted": (lambda kpis: [kpis["deleted"].pk, None, 3, "年报"], "已删除"),
    "negative": (lambda kpis: [kpis["amount"].pk, None, -3, "年报"], "上年基数：不能为负数"),
    "blank value": (lambda kpis: [kpis["amount"].pk, None, None, "年报"], "上年基数：必填，不能为空"),
    "text value": (lambda kpis: [kpis["amount"].pk, None, "三", "年报"], "上年基数：“三”不是数字"),
    "no source": (lambda kpis: [kpis["amount"].pk, None, 3, "  "], "基数来源：必填，不能为空"),
    "text mismatch": (lambda kpis: [kpis["amount"].pk, kpis["count"].text, 3, "年报"],
                      "指标：“楚商回乡项目签约数每年增长10%以上”与指标编号"),
}


@pytest.mark.parametrize("case", list(BAD_ROWS))
def test_a_bad_row_is_reported_in_chinese_and_nothing_is_written(office_client, demo, growth, case):
    count, amount = growth
    deleted = _other_plans_growth(count)
    Kpi.objects.filter(pk=deleted.pk).update(plan=demo, deleted_at=datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC))
    kpis = {"count": count, "amount": amount, "project": Kpi.objects.filter(plan=demo, kind="project_count").first(),
            "other": _other_plans_growth(count), "deleted": deleted}
    make, message = BAD_ROWS[case]
    _upload(office_client, sheet([count.pk, count.text, 4, "2024年统计年报"], make(kpis)))
    job = ImportJob.objects.get()
    assert (job.status, job.total_rows, job.bad_rows) == ("checked", 2, 1)
    assert job.errors[0].startswith("第4行 ") and message in job.errors[0], job.errors
    page = _job_page(office_client, job)
    assert message in page and "仅导入无误的行" in page
    job = _confirm(office_client, job)
    assert job.status == "checked" and _baselines(count, amount) == [(None, ""), (None, "")]
    assert not AuditLog.objects.filter(object_type="kpis.kpi", action="baseline").exists()


def test_the_same_indicator_twice_is_an_error_on_both_rows(office_client, growth):
    count, amount = growth
    _upload(office_client, sheet([count.pk, None, 4, "年报"], [amount.pk, None, 9, "年报"], [count.pk, None, 5, "快报"]))
    job = ImportJob.objects.get()
    assert job.errors == [f"第3行 指标编号：指标{count.pk}重复：第5行也填写了该指标，同一指标只能填写一行",
                          f"第5行 指标编号：指标{count.pk}重复：第3行也填写了该指标，同一指标只能填写一行"]
    job = _confirm(office_client, job)
    assert job.status == "checked" and _baselines(count, amount) == [(None, ""), (None, "")]


def test_only_the_good_rows_when_chosen_explicitly(office_client, growth):
    count, amount = growth
    _upload(office_client, sheet([count.pk, None, 4, "2024年统计年报"], [amount.pk, None, -1, "年报"]))
    job = ImportJob.objects.get()
    job = _confirm(office_client, job, mode="good")  # the box is not ticked
    assert job.status == "checked" and _baselines(count) == [(None, "")]
    job = _confirm(office_client, job, mode="good", confirm_good="yes")
    assert (job.status, job.saved_rows, job.bad_rows) == ("done", 1, 1)
    assert _baselines(count, amount) == [(Decimal(4), "2024年统计年报"), (None, "")]
    leftover = sheet_rows(b"".join(office_client.get(reverse("kpi_baseline_import:errors", args=[job.pk])).streaming_content))
    assert leftover[1][0] == amount.pk and leftover[1][-1] == "上年基数：不能为负数"


def test_an_indicator_changed_between_report_and_confirm_is_caught(office, office_client, growth):
    count, amount = growth
    _upload(office_client, sheet([count.pk, None, 4, "年报"], [amount.pk, None, 9, "年报"]))
    job = ImportJob.objects.get()
    Kpi.objects.filter(pk=amount.pk).update(kind="amount_sum")
    job = _confirm(office_client, job)
    assert job.status == "checked" and "复核发现1行错误" in job.message and _baselines(count) == [(None, "")]


def test_the_template_lists_the_plans_growth_indicators_with_their_baselines(office, office_client, growth):
    count, amount = growth
    baseline_set(actor=office, kpi=amount, value="80000", source="2024年统计年报")
    response = office_client.get(TEMPLATE)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = sheet_rows(response.content, "指标上年基数")
    assert rows[0] == HEADER
    assert [row[:2] for row in rows[1:]] == [[count.pk, str(count)], [amount.pk, str(amount)]]
    assert rows[1][2:] == ["", ""] and rows[2][2:] == [80000, "2024年统计年报"]
    help_rows = sheet_rows(response.content, "填写说明")
    assert any("万元" in str(row[2]) for row in help_rows if row[0] == "上年基数")
    assert any("“" + count.plan.title + "”" in str(row[0]) for row in help_rows)


def test_the_template_filled_in_and_uploaded_back_imports(office_client, growth):
    count, amount = growth
    template = office_client.get(TEMPLATE).content
    _upload(office_client, edited(template, {"C2": 6, "D2": "2024年统计年报", "C3": 150000, "D3": "2024年统计年报"}))
    job = ImportJob.objects.get()
    assert (job.total_rows, job.bad_rows, job.ignored_headers) == (2, 0, [])
    assert _confirm(office_client, job).status == "done"
    assert _baselines(count, amount) == [(Decimal(6), "2024年统计年报"), (Decimal(150000), "2024年统计年报")]


def test_the_header_takes_aliases(office, growth):
    count, _amount = growth
    data = xlsx([["ID", "指标名称", "基数", "来源"], [count.pk, None, 2, "年报"]])
    report = validate_file(baseline_import(actor=office, plan=count.plan), data)
    assert report.error_messages() == [] and report.rows[0].data["kpi"] == count


@pytest.mark.parametrize("role", ["unit", "leader"])
def test_only_the_office_imports(office_client, unit_client, leader_client, growth, role):
    client = {"unit": unit_client, "leader": leader_client}[role]
    count, _amount = growth
    _upload(office_client, sheet([count.pk, None, 4, "年报"]))
    job = ImportJob.objects.get()
    assert client.get(UPLOAD).status_code == 403 and client.get(TEMPLATE).status_code == 403
    assert _upload(client, sheet([count.pk, None, 4, "年报"])).status_code == 403
    for name in ("job", "status", "errors"):
        assert client.get(reverse(f"kpi_baseline_import:{name}", args=[job.pk])).status_code == 403
    for name in ("confirm", "discard"):
        assert client.post(reverse(f"kpi_baseline_import:{name}", args=[job.pk]), {"mode": "all"}).status_code == 403
    assert ImportJob.objects.get().status == "checked" and _baselines(count) == [(None, "")]


def test_the_admin_who_may_set_baselines_imports_and_sees_only_their_own_uploads(client, admin_user, office_client, growth):
    count, _amount = growth
    _upload(office_client, sheet([count.pk, None, 4, "年报"]))
    client.force_login(admin_user)
    _upload(client, sheet([count.pk, None, 5, "2024年统计年报"]))
    theirs, mine = ImportJob.objects.order_by("pk")
    assert client.get(reverse("kpi_baseline_import:job", args=[theirs.pk])).status_code == 404
    assert _confirm(client, mine).status == "done" and _baselines(count) == [(Decimal(5), "2024年统计年报")]


def test_the_overview_links_the_import_for_the_office_only(office_client, unit_client, demo):
    link = "从Excel导入上年基数"
    assert link in office_client.get(reverse("kpis:overview")).content.decode()
    assert link not in unit_client.get(reverse("kpis:overview")).content.decode()
    assert "导入上年基数" in office_client.get(UPLOAD).content.decode()
