"""`zhaoshang bulletin --period 2025-07 --out FILE.docx --xlsx FILE.xlsx` writes both files; bad periods are refused."""

import io

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from zhaoshang.core.models import AuditLog
from zhaoshang.reports.models import BulletinJob


def test_the_command_writes_the_bulletin_and_the_workbook(july, tmp_path):
    out, xlsx = tmp_path / "out" / "通报.docx", tmp_path / "明细.xlsx"
    stdout = io.StringIO()
    call_command("bulletin", "--period", "2025-07", "--out", str(out), "--xlsx", str(xlsx), stdout=stdout)
    assert "2025年7月通报已生成" in stdout.getvalue()
    assert "（2025年7月）" in [p.text for p in Document(str(out)).paragraphs]
    assert load_workbook(xlsx).active.max_row == 2 + 58
    job = BulletinJob.objects.get()
    assert job.status == "done" and job.requested_by.role == "office"
    assert set(AuditLog.objects.filter(object_type="reports.bulletinjob").values_list("action", flat=True)) == {"request", "generate"}


@pytest.mark.parametrize("period", ["2025-13", "2025/09", "2099-01"])
def test_the_command_refuses_a_bad_period_in_chinese(demo, tmp_path, period):
    with pytest.raises(CommandError, match="通报期格式不正确|尚未开始"):
        call_command("bulletin", "--period", period, "--out", str(tmp_path / "x.docx"))
    assert not (tmp_path / "x.docx").exists() and not BulletinJob.objects.exists()
