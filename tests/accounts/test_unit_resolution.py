"""Unit names in a notice resolve through names, aliases and close matches; the rest go to the office."""

import pytest

from zhaoshang.accounts.models import Unit, UnitAlias
from zhaoshang.accounts.resolution import resolve_unit_names
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.models import Assignment
from zhaoshang.plans.services.importing import CREATE_UNIT, notice_apply, notice_upload

NOTICE = """关于印发《测试市招商任务清单》的通知
测政办发〔2025〕3号
一、产业招商
（一）引进亿元以上项目5个以上。（责任单位：发改委、市商务局、市数据资源局；完成时限：2025年12月底）
（二）举办招商推介会。（责任单位：市发展和改革委员会；完成时限：2025年10月底）
测试市人民政府办公室
2025年3月1日
"""


def test_full_name_short_name_and_alias_resolve_exactly(demo):
    result = resolve_unit_names(["市发改委", "市发展和改革委员会", "发改委"])
    assert {r.unit.short_name for r in result.values()} == {"市发改委"}
    assert all(r.how == "exact" for r in result.values())


def test_close_name_resolves_fuzzily_and_unknown_name_is_reported_with_suggestions(demo):
    result = resolve_unit_names(["市市场监督管理局 ", "市数据资源局", "市住房与城市更新局", "市税务局"])
    assert result["市市场监督管理局 "].how == "exact"  # spaces and width are normalised
    assert result["市住房与城市更新局"].how == "fuzzy" and result["市住房与城市更新局"].unit.name == "市住房和城市更新局"
    assert not result["市税务局"].resolved  # one character apart from 市商务局, but another body
    unknown = result["市数据资源局"]
    assert not unknown.resolved and unknown.unit is None


def test_unresolved_unit_blocks_the_import_until_the_office_maps_it(demo, office):
    upload = notice_upload(actor=office, filename="test.txt", data=NOTICE.encode())
    with pytest.raises(PlanError, match="市数据资源局"):
        notice_apply(upload=upload, actor=office)
    assert not Unit.objects.filter(name="市数据资源局").exists()


def test_mapping_a_name_to_a_unit_remembers_it_as_an_alias(demo, office):
    zsj = Unit.objects.get(short_name="市政数局")
    upload = notice_upload(actor=office, filename="test.txt", data=NOTICE.encode())
    plan = notice_apply(upload=upload, actor=office, unit_choices={"市数据资源局": str(zsj.pk)})
    assert UnitAlias.objects.get(alias="市数据资源局").unit == zsj
    units = list(Assignment.objects.filter(measure__task__plan=plan, measure__task__sort_key=1).values_list("unit__short_name", flat=True))
    assert units == ["市发改委", "市商务局", "市政数局"]


def test_creating_an_unknown_unit_is_an_explicit_choice(demo, office):
    upload = notice_upload(actor=office, filename="test.txt", data=NOTICE.encode())
    notice_apply(upload=upload, actor=office, unit_choices={"市数据资源局": CREATE_UNIT})
    assert Unit.objects.get(name="市数据资源局").kind == "government"
