"""指标总览 and one indicator's page for every role, with figures over a small hand-built pipeline (as of
2025-10-15): filters, the Excel exports matching the pages, the rows behind a figure, the office's edits."""

import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.models import AuditLog
from zhaoshang.kpis.exports import OVERVIEW_COLUMNS
from zhaoshang.kpis.models import Kpi
from zhaoshang.plans.models import Assignment, Focus, Task
from zhaoshang.projects.lookups import chain_named
from zhaoshang.projects.services.projects import ProjectInput, project_create
from zhaoshang.supervision.lights import LIGHT_LABELS

D = datetime.date
TODAY = datetime.datetime(2025, 10, 15, 10, tzinfo=datetime.timezone(datetime.timedelta(hours=8)))
OVERVIEW, OVERVIEW_EXPORT = reverse("kpis:overview"), reverse("kpis:overview_export")
_serial = iter(range(1, 10_000))


@pytest.fixture
def frozen():
    with time_machine.travel(TODAY, tick=False):
        yield TODAY.date()


def _project(office, amount, chain, unit, *, stage="signed", since=D(2025, 3, 1), **extra):
    n = next(_serial)
    return project_create(actor=office, data=ProjectInput(
        name=f"页面测试项目{n}", enterprise_name=f"页面测试企业{n}有限公司", amount_wan=amount, chain=chain_named(chain) if chain else None,
        lead_unit=Unit.objects.get(short_name=unit), stage=stage, stage_since=since, **extra))


@pytest.fixture
def pipeline(demo, office, frozen):
    """盐化工: one project of exactly 1亿元 signed in March and one too small; 石油化工: one signed in September;
    战略储备: 市发改委's, signed in July; a 楚商回乡 project registered in August."""
    return {
        "salt": _project(office, 10000, "盐化工", "市自然资源和城乡建设局"),
        "salt_small": _project(office, "9999.99", "盐化工", "市自然资源和城乡建设局"),
        "petro": _project(office, 25000, "石油化工", "潜江高新区", since=D(2025, 9, 1)),
        "reserve": _project(office, 30000, "战略储备", "市发改委", since=D(2025, 7, 1)),
        "chushang": _project(office, 12000, None, "市经信局", stage="registered", since=D(2025, 8, 1), channel="chushang"),
    }


def _kpi(demo, **lookup) -> Kpi:
    return Kpi.objects.get(plan=demo, **lookup)


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _role_client(role: str) -> Client:
    users = {"unit": {"unit__short_name": "市发改委"}, "leader": {"username": "leader"}, "admin": {"username": "admin"},
             "office": {"username": "office"}}
    return _client(User.objects.get(**users[role]))


def _block(response, number: str):
    return next(block for block in response.context["blocks"] if block.task.number == number)


# --- 指标总览 -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["unit", "leader", "admin", "office"])
def test_overview_shows_every_task_with_real_figures_to_every_role(pipeline, role):
    response = _role_client(role).get(OVERVIEW)
    html = response.content.decode()
    assert response.status_code == 200 and len(response.context["blocks"]) == 18
    task1 = _block(response, "1").figures[0]
    assert (task1.actual, task1.goal, task1.kpi.split_label) == (2, 5, "")  # 盐化工 and 石油化工 met their part
    assert "2/5 达标" in html and "盐化工 1/1" in html and "纺织服装 0/1" in html
    assert "2025年签约、计划投资≥1亿元、属于石油化工、盐化工" in html  # the rule in words
    assert "修改指标" not in html  # edits are on the indicator's page only


def test_overview_counts_each_indicator_once_by_light(pipeline, office_client):
    response = office_client.get(OVERVIEW)
    shown = {f.kpi.pk: f.light for block in response.context["blocks"] for f in block.figures}
    cards = {key: count for key, _label, count in response.context["count_cards"]}
    assert sum(cards.values()) == len(shown) == 21  # tasks 13-15 share one target: its 3 indicators count once
    assert cards["grey"] == sum(1 for light in shown.values() if light == "grey") == 3  # 产值 without a value, growth without baselines
    assert f'id="count-grey">{cards["grey"]}<' in response.content.decode()


def test_overview_filters_by_focus_task_unit_and_date(pipeline, office_client, demo):
    focus = Focus.objects.get(plan=demo, name="楚商回乡")
    assert [b.task.number for b in office_client.get(OVERVIEW, {"focus": focus.pk}).context["blocks"]] == ["13", "14", "15"]
    task5 = Task.objects.get(plan=demo, number="5")
    assert [b.task.number for b in office_client.get(OVERVIEW, {"task": task5.pk}).context["blocks"]] == ["5"]
    agri = Unit.objects.get(short_name="市农业农村局")
    blocks = office_client.get(OVERVIEW, {"unit": agri.pk}).context["blocks"]
    assigned = Assignment.objects.filter(unit=agri, measure__task__plan=demo).values_list("measure__task__number", flat=True)
    assert blocks and {b.task.number for b in blocks} == set(assigned)
    before = office_client.get(OVERVIEW, {"as_of": "2025-08-31"})
    assert _block(before, "1").figures[0].actual == 1  # 石油化工 signed only in September
    assert "截至 2025年8月31日" in before.content.decode()
    assert f'href="{reverse("kpis:detail", args=[_block(before, "1").figures[0].kpi.pk])}?as_of=2025-08-31"' in \
        before.content.decode()  # the links keep the date
    ignored = office_client.get(OVERVIEW, {"focus": "x", "as_of": "not-a-date"})
    assert ignored.status_code == 200 and len(ignored.context["blocks"]) == 18


def test_overview_export_holds_exactly_the_lines_shown(pipeline, office_client, demo):
    focus = Focus.objects.get(plan=demo, name="产业生态招商")
    params = {"focus": focus.pk, "as_of": "2025-09-30"}
    page = office_client.get(OVERVIEW, params)
    response = office_client.get(OVERVIEW_EXPORT, params)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == f"{demo.title}指标总览（截至2025年9月30日）"
    assert rows[1] == tuple(name for name, _ in OVERVIEW_COLUMNS)
    shown = [(block.task.number, figure) for block in page.context["blocks"] for top in block.figures
             for figure in [top, *block.parts.get(top.kpi.pk, [])]]
    assert len(rows) - 2 == len(shown) == 4 + 17  # four parents and their 17 parts
    assert page.content.decode().count('class="kpi-row"') == 4
    for (number, figure), row in zip(shown, rows[2:]):
        cells = dict(zip((name for name, _ in OVERVIEW_COLUMNS), row))
        expected = (number, figure.kpi.split_label, float(figure.goal), float(figure.actual), LIGHT_LABELS[figure.light])
        assert (cells["任务"], cells["分项"] or "", cells["目标值"], cells["完成值"], cells["灯色"]) == expected
        assert cells["灯色说明"] == figure.reason
    salt = next(row for row in rows[2:] if row[4] == "盐化工")
    assert salt[6:9] == (1, 1, "个") and salt[11] == "绿灯" and salt[12] == "已达标"
    assert rows[2][6:9] == (5, 2, "项达标")  # task 1's parent: 2 of its 5 parts met


def test_unit_user_sees_the_values_its_unit_reports(pipeline, unit_client, leader_client):
    hint = unit_client.get(OVERVIEW)
    assert [k.text for k in hint.context["to_report"]] == ["建立企业需求服务响应机制,持续推进“6411”全生命周期高效服务"]
    assert "待报送指标" in hint.content.decode() and "尚未报送" in hint.content.decode()
    assert leader_client.get(OVERVIEW).context["to_report"] == []


def test_overview_and_detail_take_a_fixed_number_of_queries(pipeline, unit_client, demo, django_assert_max_num_queries):
    with django_assert_max_num_queries(26):  # figures: the indicators, 2-3 per (stage, year) group (tags joined), one per registry, the values
        unit_client.get(OVERVIEW)
    with django_assert_max_num_queries(18):
        unit_client.get(reverse("kpis:detail", args=[_kpi(demo, parent=None, target__tasks__number="1").pk]))


# --- one indicator --------------------------------------------------------------------------------------

def test_detail_lists_the_projects_behind_the_figure_and_their_count_equals_it(pipeline, office_client, demo):
    salt = _kpi(demo, split_label="盐化工")
    response = office_client.get(reverse("kpis:detail", args=[salt.pk]))
    html = response.content.decode()
    figure, rows = response.context["figure"], response.context["page_obj"]
    assert figure.actual == figure.rows == rows.paginator.count == 1
    assert [p.name for p in rows] == [pipeline["salt"].name]
    assert rows[0].counted_on == D(2025, 3, 1) and "2025-03-01" in html and "1亿元" in html
    assert f'href="{reverse("projects:detail", args=[pipeline["salt"].pk])}"' in html
    assert "2025年签约、计划投资≥1亿元、属于盐化工产业链的项目（不含已终止）个数" in html
    assert "已达标" in html and "2025年12月31日" in html


def test_detail_of_a_split_target_shows_its_parts(pipeline, office_client, demo):
    parent = _kpi(demo, parent=None, target__tasks__number="1")
    response = office_client.get(reverse("kpis:detail", args=[parent.pk]), {"as_of": "2025-10-15"})
    assert [(p.kpi.split_label, p.actual) for p in response.context["parts"]][:2] == [("石油化工", 1), ("盐化工", 1)]
    assert "2/5 达标" in response.content.decode()
    assert response.context["page_obj"].paginator.count == 2  # the projects of every part


def test_detail_rows_page_by_fifty_and_the_export_holds_them_all(demo, office, office_client, frozen):
    for _ in range(51):
        _project(office, 10000, "高端装备", "市财政局")
    part = _kpi(demo, split_label="高端装备")
    url = reverse("kpis:detail", args=[part.pk])
    first, second = office_client.get(url), office_client.get(url, {"page": 2})
    assert first.context["figure"].rows == first.context["page_obj"].paginator.count == 51
    assert len(first.context["page_obj"]) == 50 and len(second.context["page_obj"]) == 1
    assert "第1/2页" in first.content.decode() and 'id="row-count">51<' in first.content.decode()
    dated = office_client.get(url, {"as_of": "2025-10-01"})
    assert "page=2&amp;as_of=2025-10-01" in dated.content.decode() or "as_of=2025-10-01&amp;page=2" in dated.content.decode()
    export = office_client.get(reverse("kpis:rows_export", args=[part.pk]))
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[1][:7] == ("编号", "项目名称", "产业链", "阶段", "状态", "计划总投资(万元)", "签约日期")
    assert len(rows) - 2 == 51 and "共51条" in rows[0][0]


def test_a_unit_user_lists_only_its_own_units_rows_but_sees_the_whole_figure(pipeline, unit_client, demo):
    salt = unit_client.get(reverse("kpis:detail", args=[_kpi(demo, split_label="盐化工").pk]))
    assert salt.context["figure"].actual == 1 and salt.context["page_obj"].paginator.count == 0
    assert "单位用户仅能查看本单位的明细" in salt.content.decode()
    reserve = unit_client.get(reverse("kpis:detail", args=[_kpi(demo, split_label="战略储备").pk]))
    assert [p.name for p in reserve.context["page_obj"]] == [pipeline["reserve"].name]


def test_detail_as_of_a_date_counts_what_had_happened_by_then_and_links_keep_it(pipeline, office_client, demo):
    chushang = _kpi(demo, text__startswith="新增楚商回乡")  # registered, ≥1亿元, 楚商回乡
    url = reverse("kpis:detail", args=[chushang.pk])
    assert office_client.get(url).context["figure"].actual == 1
    before = office_client.get(url, {"as_of": "2025-07-31"})
    html = before.content.decode()
    assert before.context["figure"].actual == 0 and before.context["page_obj"].paginator.count == 0
    for name in ("kpis:rows_export", "kpis:edit"):
        assert f'{reverse(name, args=[chushang.pk])}?as_of=2025-07-31"' in html
    assert f'{OVERVIEW}?as_of=2025-07-31"' in html


def test_every_indicator_page_and_rows_export_answers(pipeline, leader_client, demo):
    for kpi in Kpi.objects.filter(plan=demo):
        assert leader_client.get(reverse("kpis:detail", args=[kpi.pk])).status_code == 200, kpi
        assert leader_client.get(reverse("kpis:rows_export", args=[kpi.pk])).status_code == 200, kpi


def test_a_deleted_indicator_is_not_found(pipeline, office_client, demo, office):
    kpi = _kpi(demo, split_label="盐化工")
    Kpi.objects.filter(pk=kpi.pk).update(deleted_at=TODAY, deleted_by=office)
    assert office_client.get(reverse("kpis:detail", args=[kpi.pk])).status_code == 404


# --- the office's edits ---------------------------------------------------------------------------------

def _edit_data(kpi: Kpi, **changes) -> dict:
    data = {"kind": kpi.kind, "goal": str(kpi.goal), "unit": kpi.unit, "comparator": kpi.comparator, "year": kpi.year,
            "due_on": kpi.due_on.isoformat() if kpi.due_on else "", "stage": kpi.stage, "channel": kpi.channel,
            "channel_detail": kpi.channel_detail, "min_amount_wan": kpi.min_amount_wan or "", "registry": kpi.registry,
            "reporting_unit": kpi.reporting_unit_id or "", "chains": [c.pk for c in kpi.chains.all()],
            "tags": [t.pk for t in kpi.tags.all()]}
    return {**data, **changes}


def test_office_edits_an_indicator_and_the_figure_follows(pipeline, office_client, demo):
    kpi = _kpi(demo, text__startswith="2025年招引产业项目2个")  # task 5: tag 农业场景, goal 2
    form = office_client.get(reverse("kpis:edit", args=[kpi.pk]))
    assert form.status_code == 200 and form.context["form"].initial["goal"] == f"{kpi.goal.normalize():f}"  # "1", not "1.0000"
    salt_chain = chain_named("盐化工")
    response = office_client.post(reverse("kpis:edit", args=[kpi.pk]) + "?as_of=2025-10-15",
                                  _edit_data(kpi, goal="1", tags=[], chains=[salt_chain.pk], min_amount_wan="10000"))
    assert response.status_code == 302
    assert response["Location"] == reverse("kpis:detail", args=[kpi.pk]) + "?as_of=2025-10-15"  # the date is kept
    kpi.refresh_from_db()
    assert kpi.goal == Decimal(1) and list(kpi.chains.all()) == [salt_chain] and not kpi.tags.exists()
    assert AuditLog.objects.filter(action="update", object_id=str(kpi.pk)).exists()
    page = office_client.get(response["Location"])
    assert page.context["figure"].actual == 1 and page.context["figure"].met


@pytest.mark.parametrize(("changes", "message"), [
    ({"year": "1999"}, "统计年度不正确"),
    ({"kind": "registry_count", "registry": ""}, "请选择登记来源"),
    ({"min_amount_wan": "-1"}, "投资额下限不能为负数"),
    ({"goal": "-5"}, "数值应为不小于0的合理数字"),
    ({"due_on": "2024-12-31"}, "完成时限不能早于统计年度"),
])
def test_bad_edits_are_refused_in_chinese_and_nothing_changes(pipeline, office_client, demo, changes, message):
    kpi = _kpi(demo, text__startswith="2025年招引产业项目2个")
    response = office_client.post(reverse("kpis:edit", args=[kpi.pk]), _edit_data(kpi, **changes))
    assert response.status_code == 400 and message in response.content.decode()
    assert Kpi.objects.get(pk=kpi.pk).goal == kpi.goal and Kpi.objects.get(pk=kpi.pk).year == kpi.year


def test_office_sets_the_growth_baseline(pipeline, office, office_client, demo):
    growth = _kpi(demo, kind="growth_count")
    page = office_client.get(reverse("kpis:detail", args=[growth.pk]))
    assert page.context["baseline_form"] is not None and "未录入上年基数" in page.content.decode()
    response = office_client.post(reverse("kpis:baseline", args=[growth.pk]), {"value": "4", "source": "2024年统计年报"})
    assert response.status_code == 302
    growth.refresh_from_db()
    assert (growth.baseline, growth.baseline_source) == (Decimal(4), "2024年统计年报")
    page = office_client.get(reverse("kpis:detail", args=[growth.pk]))
    assert page.context["figure"].actual is not None and "上年基数4个" in page.context["figure"].note
    assert page.context["baseline_form"].initial == {"value": "4", "source": "2024年统计年报"}


@pytest.mark.parametrize(("data", "message"), [
    ({"value": "-3", "source": "年报"}, "数值应为不小于0的合理数字"),
    ({"value": "3", "source": ""}, "请填写上年基数和基数来源。"),
    ({"value": "三", "source": "年报"}, "请填写数值"),
])
def test_bad_baselines_are_refused(pipeline, office_client, demo, data, message):
    growth = _kpi(demo, kind="growth_amount")
    response = office_client.post(reverse("kpis:baseline", args=[growth.pk]), data, follow=True)
    assert message in response.content.decode()
    assert Kpi.objects.get(pk=growth.pk).baseline is None


def test_only_growth_indicators_take_a_baseline(pipeline, office_client, demo):
    salt = _kpi(demo, split_label="盐化工")
    response = office_client.post(reverse("kpis:baseline", args=[salt.pk]), {"value": "3", "source": "年报"}, follow=True)
    assert "只有同比增长类指标需要上年基数" in response.content.decode()
    assert office_client.get(reverse("kpis:detail", args=[salt.pk])).context["baseline_form"] is None


@pytest.mark.parametrize("role", ["unit", "leader"])
def test_units_and_leaders_never_edit(pipeline, demo, role):
    client, kpi = _role_client(role), _kpi(demo, kind="growth_count")
    assert client.get(reverse("kpis:edit", args=[kpi.pk])).status_code == 403
    assert client.post(reverse("kpis:edit", args=[kpi.pk]), _edit_data(kpi, goal="99")).status_code == 403
    assert client.post(reverse("kpis:baseline", args=[kpi.pk]), {"value": "1", "source": "x"}).status_code == 403
    kpi.refresh_from_db()
    assert kpi.goal == 10 and kpi.baseline is None
    page = client.get(reverse("kpis:detail", args=[kpi.pk]))
    assert page.context["baseline_form"] is None and "修改指标" not in page.content.decode()
