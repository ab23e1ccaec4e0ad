"""The project ledger import: its rules per row, duplicates, unit scope, the upload → report → confirm pages,
background jobs with progress, and the `zhaoshang import-projects` command."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tests.excel_files import edited, sheet_rows, xlsx
from zhaoshang.accounts.models import Unit
from zhaoshang.core.excel_import import validate_file
from zhaoshang.core.excel_import.models import ImportJob
from zhaoshang.core.models import AuditLog
from zhaoshang.projects.ledger import ledger_import
from zhaoshang.projects.lookups import chain_named, tags_named
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.projects.services.bulk import projects_create_many
from zhaoshang.projects.services.projects import ProjectInput, project_create

NOW = datetime.datetime(2025, 10, 15, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
HEADER = ["项目名称", "投资企业", "统一社会信用代码", "计划总投资(万元)", "固定资产投资(万元)", "产业链", "产业链环节", "标签", "招引渠道",
          "渠道说明", "落户园区", "所在镇街", "牵头单位", "招商专班", "首席服务官", "项目阶段", "阶段日期", "备注"]
CODE = "91330100799655058B"


def row(name="年产10万吨氯碱深加工项目", enterprise="湖北某化工有限公司", code=CODE, amount="35,000", fixed=28000, chain="盐化工",
        link="精细化工", tags="新型工业化、能源", channel="楚商回乡", unit="市商务局", stage="签约", since="2025年3月1日", **extra):
    values = {"项目名称": name, "投资企业": enterprise, "统一社会信用代码": code, "计划总投资(万元)": amount, "固定资产投资(万元)": fixed,
              "产业链": chain, "产业链环节": link, "标签": tags, "招引渠道": channel, "渠道说明": "", "落户园区": "化工园区",
              "所在镇街": "某镇", "牵头单位": unit, "招商专班": "化工专班", "首席服务官": "张三", "项目阶段": stage, "阶段日期": since,
              "备注": "", **extra}
    return [values[h] for h in HEADER]


def ledger(*rows) -> bytes:
    return xlsx([["2025年招商项目台账"], HEADER, *rows], title="项目台账")


@pytest.fixture(autouse=True)
def clock():
    with time_machine.travel(NOW, tick=False):
        yield


def errors(actor, data: bytes) -> list[str]:
    return validate_file(ledger_import(actor=actor), data).error_messages()


# --- rows -------------------------------------------------------------------------------------------------------
def test_a_good_row_becomes_a_project_through_the_project_service(office):
    spec = ledger_import(actor=office)
    report = validate_file(spec, ledger(row()))
    assert report.error_messages() == []
    spec.save_row(report.rows[0].data)
    project = Project.objects.get(name="年产10万吨氯碱深加工项目")
    assert project.amount_wan == Decimal("35000.00") and project.fixed_asset_wan == Decimal("28000.00")
    assert (project.chain.name, project.chain_link.name, project.channel) == ("盐化工", "精细化工", "chushang")
    assert sorted(project.tags.values_list("name", flat=True)) == ["新型工业化", "能源"]
    assert project.lead_unit.short_name == "市商务局" and project.stage == "signed"
    assert project.signed_on == project.stage_since == datetime.date(2025, 3, 1)
    assert project.enterprises.get().credit_code == CODE and project.stage_changes.get().note == "录入"
    assert AuditLog.objects.filter(object_type="projects.project", object_id=str(project.pk), action="create").exists()


def test_every_bad_cell_gets_its_row_and_reason(office):
    rows = [
        row(name="一", code="91330100799655058C"),
        row(name="二", code=913301007996550588),
        row(name="三", amount=-5),
        row(name="四", amount="200,000,000"),
        row(name="五", since="2025-12-01"),
        row(name="六", since=None),
        row(name="七", chain="不存在的链", link=None),
        row(name="八", link="纺纱"),
        row(name="九", tags="新型工业化、元宇宙"),
        row(name="十", unit="不存在的局"),
        row(name="十一", fixed=50000),
        row(name="十二", stage="停滞"),
        row(name="十三", channel="网上招商"),
    ]
    found = errors(office, ledger(*rows))
    expected = [
        "第3行 统一社会信用代码：校验位错误",
        "第4行 统一社会信用代码：被Excel存成了数字",
        "第5行 计划总投资(万元)：应大于0",
        "第6行 计划总投资(万元)：超过1万亿元，请核实单位是否为万元",
        "第7行 阶段日期：2025-12-01晚于今天，不能填写未来的日期",
        "第8行 阶段日期：项目阶段为“签约”时必填",
        "第9行 产业链：“不存在的链”不是系统中的产业链",
        "第10行 产业链环节：“纺纱”不是产业链“盐化工”的环节，可选：盐卤开采、基础化工、精细化工、循环利用",
        "第11行 标签：“元宇宙”不在标签列表中",
        "第12行 牵头单位：“不存在的局”不是系统中的单位",
        "第13行 固定资产投资(万元)：不能大于计划总投资",
        "第14行 项目阶段：“停滞”不在可选范围内，可选：线索、洽谈、签约、注册、手续办理、开工、投产",
        "第15行 招引渠道：“网上招商”不在可选范围内",
    ]
    assert len(found) == len(expected)
    for message, start in zip(found, expected):
        assert message.startswith(start), message


def test_duplicates_in_the_file_and_in_the_database_are_reported_not_created_twice(office):
    unit = Unit.objects.get(short_name="市商务局")
    existing = project_create(actor=office, data=ProjectInput(name="光电显示面板项目", enterprise_name="某光电公司", amount_wan=5000,
                                                               lead_unit=unit))
    spec = ledger_import(actor=office)
    report = validate_file(spec, ledger(row(), row(name="年产10万吨氯碱深加工"), row(name="光电显示面板二期项目", enterprise="某光电公司",
                                                                                     code=None)))
    assert report.error_messages() == [
        "第4行 项目名称：与第3行重复（同一投资企业的相似项目“年产10万吨氯碱深加工项目”），不重复导入",
        f"第5行 项目名称：疑似重复：投资企业“某光电公司”已有相似项目“光电显示面板项目”（编号{existing.pk}），不重复导入",
    ]
    from zhaoshang.core.excel_import import save_report

    assert save_report(report, good_rows_only=True).saved == 1
    assert Project.objects.filter(name__startswith="年产10万吨").count() == 1
    assert Enterprise.objects.filter(credit_code=CODE).count() == 1


def test_checked_a_chunk_at_a_time_the_file_gives_the_same_errors_as_in_one_go(office):
    unit = Unit.objects.get(short_name="市商务局")
    existing = project_create(actor=office, data=ProjectInput(name="光电显示面板项目", enterprise_name="某光电公司", amount_wan=5000,
                                                               lead_unit=unit))
    rows = [row(), row(name="铝基新材料项目", enterprise="某铝业", code=None, chain="铝基新材料", link=None),
            row(name="光电显示面板二期项目", enterprise="某光电公司", code=None), row(name="年产10万吨氯碱深加工"),
            row(name="某铝业二期厂房项目", enterprise="某铝业", code=None, chain="铝基新材料", link=None),
            row(name="铝基新材料", enterprise="某铝业", code=None, chain="铝基新材料", link=None)]
    one_go = ledger_import(actor=office)
    one_go.chunk_size = 100
    chunked = ledger_import(actor=office)
    chunked.chunk_size = 2  # each duplicate is in a later chunk than the row it repeats
    expected = [
        f"第5行 项目名称：疑似重复：投资企业“某光电公司”已有相似项目“光电显示面板项目”（编号{existing.pk}），不重复导入",
        "第6行 项目名称：与第3行重复（同一投资企业的相似项目“年产10万吨氯碱深加工项目”），不重复导入",
        "第8行 项目名称：与第4行重复（同一投资企业的相似项目“铝基新材料项目”），不重复导入",
    ]
    assert validate_file(one_go, ledger(*rows)).error_messages() == expected
    assert validate_file(chunked, ledger(*rows)).error_messages() == expected


def test_an_enterprise_found_by_code_in_one_chunk_and_by_name_in_a_later_one_resolves_as_enterprise_for(office):
    from zhaoshang.projects.services.bulk import ProjectBatch

    older = Enterprise.objects.create(name="某化工公司")  # the first by that name: enterprise_for takes it
    coded = Enterprise.objects.create(name="某化工公司", credit_code=CODE)
    in_one_go = ProjectBatch([("改了名字的化工公司", CODE), ("某化工公司", "")])
    chunked = ProjectBatch([("改了名字的化工公司", CODE)])
    chunked.load([("某化工公司", "")])
    for batch in (in_one_go, chunked):
        assert batch.enterprise("改了名字的化工公司", CODE).pk == coded.pk
        assert batch.enterprise("某化工公司", "").pk == older.pk


def test_a_unit_imports_only_its_own_projects(unit_user):
    found = errors(unit_user, ledger(row(name="甲项目", unit="市商务局"), row(name="乙项目", unit=None, code=None, enterprise="乙公司"),
                                     row(name="丙项目", unit="市发改委", code=None, enterprise="丙公司")))
    assert found == ["第3行 牵头单位：只能导入本单位（市发改委）牵头的项目，此行为“市商务局”"]
    spec = ledger_import(actor=unit_user)
    report = validate_file(spec, ledger(row(name="乙项目", unit=None, code=None, enterprise="乙公司")))
    spec.save_row(report.rows[0].data)
    assert Project.objects.get(name="乙项目").lead_unit == unit_user.unit


def test_the_office_must_name_the_lead_unit(office):
    assert errors(office, ledger(row(unit=None))) == ["第3行 牵头单位：必填，不能为空"]


def test_leaders_cannot_import(leader):
    from zhaoshang.core.services import PermissionDenied

    with pytest.raises(PermissionDenied):
        ledger_import(actor=leader)


def test_serial_dates_and_text_numbers_in_a_ledger(office):
    report = validate_file(ledger_import(actor=office), ledger(row(since=45717, amount="1,234.5", fixed="1,000")))
    assert report.error_messages() == [] and report.rows[0].data["stage_since"] == datetime.date(2025, 3, 1)
    assert report.rows[0].data["amount_wan"] == Decimal("1234.50")


def _row_values(obj, *skip: str) -> dict:
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.attname not in ("id", *skip)}


def test_the_bulk_path_writes_what_project_create_writes(office):
    unit = Unit.objects.get(short_name="市商务局")
    make = lambda name, enterprise: ProjectInput(
        name=name, enterprise_name=enterprise, credit_code=CODE if enterprise == "同一企业" else "", amount_wan="100",
        fixed_asset_wan="80.5", lead_unit=unit, chain=chain_named("盐化工"), tags=tags_named(["能源", "新型工业化"]),
        channel="fund", park="化工园区", notes="备注", stage="started", stage_since=datetime.date(2025, 5, 1))
    one = project_create(actor=office, data=make("单个录入的项目", "同一企业"))
    many = projects_create_many(actor=office, items=[make("批量录入的工厂", "同一企业"), make("新企业的项目", "新企业")])
    stamps = ("name", "created_at", "updated_at")
    for created in many:
        saved = Project.objects.get(pk=created.pk)
        assert _row_values(saved, *stamps) == _row_values(one, *stamps) and saved.created_at == created.created_at
        assert set(saved.tags.all()) == set(one.tags.all())
        assert _row_values(saved.stage_changes.get(), "project_id", "entered_at") == _row_values(one.stage_changes.get(), "project_id", "entered_at")
        audit = AuditLog.objects.get(object_type="projects.project", object_id=str(created.pk))
        assert audit.action == "create" and audit.actor == office and audit.after["name"] == created.name
        assert audit.after.keys() == AuditLog.objects.get(object_type="projects.project", object_id=str(one.pk)).after.keys()
    assert list(many[0].enterprises.all()) == list(one.enterprises.all())
    assert many[1].enterprises.get().name == "新企业" and Enterprise.objects.filter(name="新企业").count() == 1


# --- pages ------------------------------------------------------------------------------------------------------
def _upload(client, data: bytes, name="台账.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(reverse("project_import:upload"), {"file": SimpleUploadedFile(name, data)})


def test_upload_report_and_confirm_all(office_client):
    response = _upload(office_client, ledger(row(), row(name="铝基新材料项目", enterprise="某铝业", code=None, chain="铝基新材料", link=None)))
    job = ImportJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("project_import:job", args=[job.pk])
    page = office_client.get(response["Location"]).content.decode()
    assert "共2行数据：2行无误，0行有错误" in page and "确认导入全部2行" in page
    assert Project.objects.count() == 0  # nothing is saved before confirming
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    job.refresh_from_db()
    assert (job.status, job.saved_rows) == ("done", 2) and Project.objects.count() == 2
    assert AuditLog.objects.filter(object_type="core.importjob", action="import").exists()


def test_a_file_with_errors_is_not_saved_unless_good_rows_only_is_confirmed(office_client):
    _upload(office_client, ledger(row(), row(name="坏项目", amount=-1)))
    job = ImportJob.objects.get()
    page = office_client.get(reverse("project_import:job", args=[job.pk])).content.decode()
    assert "第4行 计划总投资(万元)：应大于0" in page and "确认导入全部" not in page and "仅导入无误的行" in page
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "good"})  # the box is not ticked
    assert Project.objects.count() == 0 and ImportJob.objects.get().status == "checked"
    report = office_client.get(reverse("project_import:errors", args=[job.pk]))
    rows = sheet_rows(b"".join(report.streaming_content))
    assert rows[1][-1] == "错误" and rows[3][-1] == "计划总投资(万元)：应大于0"
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "good", "confirm_good": "yes"})
    job.refresh_from_db()
    assert (job.status, job.saved_rows, job.bad_rows) == ("done", 1, 1) and Project.objects.count() == 1
    leftover = sheet_rows(b"".join(office_client.get(reverse("project_import:errors", args=[job.pk])).streaming_content))
    assert leftover[1][0] == "坏项目" and leftover[1][-2:] == [4, "计划总投资(万元)：应大于0"]


def test_the_error_report_fixed_and_uploaded_again_imports(office_client):
    _upload(office_client, ledger(row(), row(name="坏项目", enterprise="某公司", code=None, amount=-1)))
    first = ImportJob.objects.get()
    report = b"".join(office_client.get(reverse("project_import:errors", args=[first.pk])).streaming_content)
    _upload(office_client, edited(report, {"D4": 80000}), name="台账-错误报告.xlsx")
    second = ImportJob.objects.exclude(pk=first.pk).get()
    assert (second.total_rows, second.bad_rows, second.ignored_headers) == (2, 0, [])


def test_bad_files_are_refused_on_the_upload_page(office_client):
    response = _upload(office_client, "项目名称,投资企业\n".encode(), name="台账.csv")
    assert response.status_code == 400 and "不支持CSV" in response.content.decode()
    response = _upload(office_client, xlsx([["项目名称", None, None], [None, None, None]], merges=["A1:C1"]))
    job = ImportJob.objects.get()
    assert job.status == "failed" and "没有找到项目台账的表头" in job.message


def test_a_changed_database_between_report_and_confirm_is_caught(office, office_client):
    _upload(office_client, ledger(row(), row(name="铝基新材料项目", enterprise="某铝业", code=None, chain="铝基新材料", link=None)))
    job = ImportJob.objects.get()
    project_create(actor=office, data=ProjectInput(name="年产10万吨氯碱深加工项目", enterprise_name="湖北某化工有限公司", credit_code=CODE,
                                                   amount_wan=100, lead_unit=Unit.objects.get(short_name="市商务局")))
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    job.refresh_from_db()
    assert job.status == "checked" and "复核发现1行错误" in job.message and Project.objects.count() == 1
    report = sheet_rows(b"".join(office_client.get(reverse("project_import:errors", args=[job.pk])).streaming_content))
    assert report[2][0] == "年产10万吨氯碱深加工项目" and report[2][-1].startswith("项目名称：疑似重复") and report[3][-1] == ""
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "good", "confirm_good": "yes"})
    job.refresh_from_db()
    assert (job.status, job.saved_rows, job.bad_rows) == ("done", 1, 1) and Project.objects.filter(name="铝基新材料项目").exists()


def test_confirming_saves_the_rows_checked_in_the_report_without_reading_the_workbook_again(office_client, monkeypatch):
    from zhaoshang.core.excel_import import jobs

    _upload(office_client, ledger(row(), row(name="铝基新材料项目", enterprise="某铝业", code=None, chain="铝基新材料", link=None)))
    job = ImportJob.objects.get()
    assert job.checked_file
    monkeypatch.setattr(jobs, "read_sheet", lambda *args, **kwargs: pytest.fail("the workbook was read again"))
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    job.refresh_from_db()
    assert (job.status, job.saved_rows) == ("done", 2)
    project = Project.objects.get(name="年产10万吨氯碱深加工项目")
    assert (project.amount_wan, project.stage_since, project.chain_link.name) == (Decimal("35000.00"), datetime.date(2025, 3, 1), "精细化工")
    assert sorted(project.tags.values_list("name", flat=True)) == ["新型工业化", "能源"]


def test_a_name_deleted_between_report_and_confirm_asks_for_a_new_upload(office_client):
    from zhaoshang.projects.models import Tag

    _upload(office_client, ledger(row()))
    job = ImportJob.objects.get()
    Tag.objects.filter(name="能源").delete()
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    job.refresh_from_db()
    assert job.status == "failed" and "标签已被删除，请重新上传" in job.message and Project.objects.count() == 0


def test_a_large_file_runs_as_a_job_and_the_page_polls_its_progress(office_client, monkeypatch, django_capture_on_commit_callbacks):
    from zhaoshang.core.excel_import import jobs

    monkeypatch.setattr(jobs, "INLINE_BYTES", 10)
    monkeypatch.setattr(jobs, "INLINE_ROWS", 1)
    rows = [row(name=f"第{i}号标准厂房项目", enterprise=f"某企业{i}", code=None) for i in range(30)]
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _upload(office_client, ledger(*rows))
    job = ImportJob.objects.get()
    status = office_client.get(reverse("project_import:status", args=[job.pk])).content.decode()
    assert job.status == "queued" and 'hx-trigger="every 1s"' in status and "progress-bar" in status
    for callback in callbacks:
        callback()  # the immediate test backend runs the task when it is queued
    job.refresh_from_db()
    assert (job.status, job.total_rows, job.progress) == ("checked", 30, 100) and job.task_result_id
    assert 'hx-trigger' not in office_client.get(reverse("project_import:status", args=[job.pk])).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    job.refresh_from_db()
    assert (job.status, job.saved_rows) == ("done", 30) and Project.objects.count() == 30


def test_the_template_download(unit_client):
    response = unit_client.get(reverse("project_import:template"))
    data = response.content
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert sheet_rows(data, "项目台账")[0] == HEADER
    assert "牵头单位" in [r[0] for r in sheet_rows(data, "填写说明")]


def test_only_the_uploader_confirms_and_others_units_do_not_see_it(unit_client, office_client, other_unit_user):
    from django.test import Client

    _upload(unit_client, ledger(row(unit=None, code=None)))
    job = ImportJob.objects.get()
    other = Client()
    other.force_login(other_unit_user)
    assert other.get(reverse("project_import:job", args=[job.pk])).status_code == 404
    assert office_client.get(reverse("project_import:job", args=[job.pk])).status_code == 200
    office_client.post(reverse("project_import:confirm", args=[job.pk]), {"mode": "all"})
    assert ImportJob.objects.get().status == "checked" and Project.objects.count() == 0


# --- command ----------------------------------------------------------------------------------------------------
def test_command_imports_a_clean_ledger(demo, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(ledger(row()))
    call_command("import_projects", str(path), stdout=__import__("io").StringIO())
    assert Project.objects.count() == 1


def test_command_refuses_a_ledger_with_errors_and_names_the_report(demo, tmp_path):
    path = tmp_path / "台账.xlsx"
    path.write_bytes(ledger(row(), row(name="坏项目", amount=-1)))
    for args in ([], ["--dry-run"]):
        with pytest.raises(CommandError, match=r"1行有错误.*错误报告：.*台账-错误报告.xlsx"):
            call_command("import_projects", str(path), *args, stdout=__import__("io").StringIO())
    assert Project.objects.count() == 0 and (tmp_path / "台账-错误报告.xlsx").exists()
    with pytest.raises(CommandError, match=r"已导入1行，1行未导入。 错误报告"):
        call_command("import_projects", str(path), "--good-rows-only", stdout=__import__("io").StringIO())
    assert Project.objects.count() == 1
    assert sheet_rows((tmp_path / "台账-错误报告.xlsx").read_bytes())[1][0] == "坏项目"
