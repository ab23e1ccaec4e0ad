"""Reported values and milestones through the pages: the reporting unit submits with evidence, the office confirms
or returns, the figure uses the latest confirmed value; bad input refused in Chinese with nothing saved."""

import datetime
from pathlib import Path

import pytest
import time_machine
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.supervision.test_attachments import EXE, PDF, PNG
from zhaoshang.accounts.models import User
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.supervision.lights import Light

TODAY = datetime.datetime(2025, 10, 15, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


@pytest.fixture
def science(demo) -> Kpi:
    """Task 6: "规上工业总产值达到400亿元", the one value a unit reports (nothing the platform keeps counts it)."""
    return Kpi.objects.get(plan=demo, kind="reported")


@pytest.fixture
def mechanism(demo) -> Kpi:
    """Task 11: the "6411" service mechanism, a milestone 市发改委 reports."""
    return Kpi.objects.get(plan=demo, kind="milestone", reporting_unit__short_name="市发改委")


def _client_of(**lookup) -> Client:
    client = Client()
    client.force_login(User.objects.get(**lookup))
    return client


@pytest.fixture
def science_client(science) -> Client:
    return _client_of(unit=science.reporting_unit, role="unit")


def _submit(client, kpi, evidence=None, **data):
    body = {"value": "3", "as_of": "2025-10-10", "note": "1-9月累计（统计快报）", **data}
    if evidence is not None:
        body["evidence"] = evidence
    return client.post(reverse("kpis:value_submit", args=[kpi.pk]), body)


def _review(client, row, decision, note=""):
    return client.post(reverse("kpis:value_review", args=[row.pk]), {"decision": decision, "note": note}, follow=True)


def _figure(client, kpi, **params):
    return client.get(reverse("kpis:detail", args=[kpi.pk]), params).context["figure"]


def _stored_evidence() -> set[Path]:
    folder = Path(settings.PRIVATE_MEDIA_ROOT) / "kpi-evidence"
    return set(folder.rglob("*")) if folder.exists() else set()


def test_unit_reports_a_value_the_office_confirms_and_the_figure_uses_it(science, science_client, office_client,
                                                                          leader_client):
    page = science_client.get(reverse("kpis:detail", args=[science.pk]))
    assert page.context["value_form"] is not None and 'id="value-form"' in page.content.decode()
    response = _submit(science_client, science, evidence=SimpleUploadedFile("转化协议.pdf", PDF))
    assert response.status_code == 302 and response["Location"] == reverse("kpis:detail", args=[science.pk])
    row = KpiValue.objects.get(kpi=science)
    assert (row.value, row.status, row.entered_by.unit.short_name) == (3, "submitted", "市经信局")
    waiting = office_client.get(reverse("kpis:detail", args=[science.pk]))
    assert waiting.context["figure"].actual is None and waiting.context["figure"].light == Light.GREY
    assert 'class="d-flex flex-wrap gap-2 mt-1 review-form"' in waiting.content.decode()
    confirmed = _review(office_client, row, "confirm")
    assert "已确认。" in confirmed.content.decode()
    row.refresh_from_db()
    assert row.status == "confirmed" and row.reviewed_by.username == "office"
    figure = _figure(office_client, science)
    assert (figure.actual, figure.percent) == (3, 0.75)  # 3 of 400亿元
    shown = office_client.get(reverse("kpis:detail", args=[science.pk]))
    assert shown.context["counted_value"] == row and "计入当前数值" in shown.content.decode()
    assert _figure(office_client, science, as_of="2025-10-09").actual is None  # not yet true on the day before
    download = leader_client.get(reverse("kpis:value_evidence", args=[row.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF


def test_the_office_returns_a_value_only_with_a_reason(science, science_client, office_client):
    _submit(science_client, science)
    row = KpiValue.objects.get(kpi=science)
    assert "退回请说明原因" in _review(office_client, row, "reject").content.decode()
    assert KpiValue.objects.get(pk=row.pk).status == "submitted"
    _review(office_client, row, "reject", note="缺少转化合同")
    row.refresh_from_db()
    assert (row.status, row.review_note) == ("rejected", "缺少转化合同")
    assert _figure(office_client, science).actual is None
    assert "该数值已审核过" in _review(office_client, row, "confirm").content.decode()
    history = science_client.get(reverse("kpis:detail", args=[science.pk])).content.decode()
    assert "已退回" in history and "缺少转化合同" in history
    assert "请选择确认或退回" in _review(office_client, row, "maybe").content.decode()


def test_the_latest_confirmed_value_counts(science, science_client, office_client):
    _submit(science_client, science, value="380", as_of="2025-09-30")
    _submit(science_client, science, value="405", as_of="2025-10-12")
    for row in KpiValue.objects.filter(kpi=science):
        _review(office_client, row, "confirm")
    assert _figure(office_client, science).actual == 405 and _figure(office_client, science).met
    assert _figure(office_client, science, as_of="2025-10-01").actual == 380


def test_the_office_enters_a_value_itself_and_it_counts_at_once(science, office_client):
    response = _submit(office_client, science, value="4")
    assert response.status_code == 302
    assert KpiValue.objects.get(kpi=science).status == "confirmed" and _figure(office_client, science).actual == 4


@pytest.mark.parametrize(("data", "message"), [
    ({"value": "-1"}, "数值应为不小于0的合理数字"),
    ({"value": "abc"}, "请填写数值"),
    ({"value": ""}, "请填写数值"),
    ({"as_of": "2025-10-16"}, "数据截至日期不能晚于今天"),
    ({"as_of": ""}, "请填写数据截至日期"),
    ({"as_of": "2025-13-01"}, "日期格式不正确"),
    ({"evidence": SimpleUploadedFile("协议.pdf", EXE)}, "佐证材料：只能上传PDF、图片（JPG/PNG）、Word(.docx)或Excel(.xlsx)文件。"),
    ({"evidence": SimpleUploadedFile("协议.pdf", PNG)}, "佐证材料：文件名后缀与实际内容不符（实际为图片文件）"),
])
def test_bad_values_are_refused_in_chinese_and_nothing_is_saved(science, science_client, data, message):
    before = _stored_evidence()
    response = _submit(science_client, science, evidence=data.pop("evidence", SimpleUploadedFile("协议.pdf", PDF)), **data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not KpiValue.objects.filter(kpi=science).exists() and _stored_evidence() == before


def test_a_too_large_file_is_refused_before_it_is_read(science, science_client, settings):
    settings.MAX_ATTACHMENT_BYTES = 1024 * 1024
    response = _submit(science_client, science, evidence=SimpleUploadedFile("协议.pdf", PDF + b"0" * 1024 * 1024))
    assert response.status_code == 400 and "文件过大，单个附件不超过1MB。" in response.content.decode()
    assert not KpiValue.objects.exists()


def test_a_milestone_needs_evidence_and_is_done_once_confirmed(mechanism, unit_client, office_client):
    page = unit_client.get(reverse("kpis:detail", args=[mechanism.pk]))
    assert "value" not in page.context["value_form"].fields  # a milestone is just done, with evidence
    refused = _submit(unit_client, mechanism, value="")
    assert refused.status_code == 400 and "里程碑须上传佐证材料" in refused.content.decode()
    assert _submit(unit_client, mechanism, evidence=SimpleUploadedFile("机制文件.png", PNG)).status_code == 302
    row = KpiValue.objects.get(kpi=mechanism)
    assert row.value == 1 and _figure(office_client, mechanism).note == "未完成"
    _review(office_client, row, "confirm")
    figure = _figure(office_client, mechanism)
    assert figure.met and figure.light == Light.GREEN and figure.note == "2025-10-10完成"


@pytest.mark.parametrize("who", [{"unit__short_name": "市商务局"}, {"username": "leader"}, {"username": "admin"}])
def test_only_the_reporting_unit_and_the_office_report(mechanism, who):
    client = _client_of(**who)
    assert client.get(reverse("kpis:detail", args=[mechanism.pk])).context["value_form"] is None
    response = _submit(client, mechanism, evidence=SimpleUploadedFile("机制文件.png", PNG))
    assert response.status_code == 403 and not KpiValue.objects.exists()


def test_computed_indicators_take_no_values(demo, unit_client, office_client):
    counted = Kpi.objects.get(plan=demo, split_label="战略储备")  # 市发改委 leads the chain, but the figure is computed
    assert _submit(unit_client, counted).status_code == 403
    refused = _submit(office_client, counted)
    assert refused.status_code == 400 and "该指标由系统根据数据自动计算，无需报送" in refused.content.decode()
    assert office_client.get(reverse("kpis:detail", args=[counted.pk])).context["value_form"] is None


@pytest.mark.parametrize("who", [{"unit__short_name": "市经信局"}, {"username": "leader"}, {"username": "admin"}])
def test_only_the_office_reviews(science, science_client, who):
    _submit(science_client, science)
    row = KpiValue.objects.get(kpi=science)
    assert _client_of(**who).post(reverse("kpis:value_review", args=[row.pk]), {"decision": "confirm"}).status_code == 403
    assert KpiValue.objects.get(pk=row.pk).status == "submitted"


def test_evidence_is_served_only_through_the_gate(science, science_client, office_client):
    _submit(science_client, science, evidence=SimpleUploadedFile("协议.pdf", PDF))
    _submit(office_client, science, value="1")
    with_file, without = KpiValue.objects.filter(kpi=science).order_by("id")
    anonymous = Client().get(reverse("kpis:value_evidence", args=[with_file.pk]))
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    # like a report's attachments: the reporting unit, the office and leaders; another unit gets 404 and no link
    other = _client_of(unit__short_name="市商务局")
    assert other.get(reverse("kpis:value_evidence", args=[with_file.pk])).status_code == 404
    assert science_client.get(reverse("kpis:value_evidence", args=[with_file.pk])).status_code == 200
    assert _client_of(username="leader").get(reverse("kpis:value_evidence", args=[with_file.pk])).status_code == 200
    link = reverse("kpis:value_evidence", args=[with_file.pk])
    assert link not in other.get(reverse("kpis:detail", args=[science.pk])).content.decode()
    assert link in science_client.get(reverse("kpis:detail", args=[science.pk])).content.decode()
    api_rows = other.get(f"/api/v1/indicators/{science.pk}/rows").json()["values"]
    assert api_rows and all(row["evidence_url"] is None for row in api_rows)
    assert office_client.get(reverse("kpis:value_evidence", args=[without.pk])).status_code == 404
    assert office_client.get(reverse("kpis:value_evidence", args=[999999])).status_code == 404


def test_the_units_hint_follows_its_latest_value(mechanism, unit_client, office_client):
    overview = reverse("kpis:overview")
    assert "尚未报送" in unit_client.get(overview).content.decode()
    _submit(unit_client, mechanism, evidence=SimpleUploadedFile("机制文件.png", PNG))
    assert "待确认" in unit_client.get(overview).content.decode()
    _review(office_client, KpiValue.objects.get(kpi=mechanism), "reject", note="材料不全")
    assert "已退回，请重新报送" in unit_client.get(overview).content.decode()
