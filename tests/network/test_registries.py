"""The network registries' own rules: stock codes unique per exchange, dates, and the association a 楚商 belongs to."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.links import links_of
from zhaoshang.registries.services import entry_delete


def test_stock_code_unique_per_exchange(entry, office):
    entry("listed", name="示例股份甲", exchange="sse", stock_code="600001")
    with pytest.raises(ValidationError) as error:
        entry("listed", name="示例股份乙", exchange="sse", stock_code=" 600001 ")
    assert "该上市地已有相同股票代码" in str(error.value)
    assert entry("listed", name="示例股份丙", exchange="szse", stock_code="600001").stock_code == "600001"


def test_deleted_listed_company_frees_its_code(entry, office):
    first = entry("listed", name="示例股份甲", exchange="hkex", stock_code="01234")
    entry_delete(registry=registry_named("listed"), actor=office, row=first)
    assert entry("listed", name="示例股份乙", exchange="hkex", stock_code="01234").pk != first.pk


def test_mainland_stock_code_has_six_digits(entry):
    with pytest.raises(ValidationError) as error:
        entry("listed", name="示例股份甲", exchange="szse", stock_code="3001")
    assert "6位数字" in str(error.value.message_dict["stock_code"])
    assert entry("listed", name="示例美股", exchange="us", stock_code="smpa").stock_code == "SMPA"


def test_event_needs_its_date(entry):
    with pytest.raises(ValidationError) as error:
        entry("event", name="示例恳谈会", kind="symposium")
    assert "since" in error.value.message_dict
    assert entry("event", name="示例恳谈会", kind="symposium", since=datetime.date(2025, 3, 15)).since.year == 2025


def test_dates_rules(entry):
    with pytest.raises(ValidationError) as error:
        entry("chushang", name="王某01", last_contact_on=datetime.date.today() + datetime.timedelta(days=2))
    assert "最近联系日期不能晚于今天" in error.value.message_dict["last_contact_on"]
    with pytest.raises(ValidationError) as error:
        entry("alumni", name="李某02", graduation_year=1900)
    assert "毕业年份" in error.value.message_dict["graduation_year"][0]
    with pytest.raises(ValidationError):
        entry("association", name="示例商会", since=datetime.date(2020, 1, 1), until=datetime.date(2019, 1, 1))


def test_chushang_shows_on_its_association_page(entry, office):
    chamber = entry("association", name="示例湖北商会", region="北京", since=datetime.date(2015, 6, 1))
    member = entry("chushang", name="张某03", company="示例科技有限公司", association=chamber, phone="13800001234")
    assert [(link.kind, link.obj_id) for link in links_of(user=office, kind="association", obj=chamber)] == [("chushang", member.pk)]


def test_chushang_phone_masked_for_other_units(entry, office, unit_client, office_client):
    row = entry("chushang", name="赵某04", phone="13800001234", wechat="sample_wx")
    page = unit_client.get(f"/registries/chushang/{row.pk}/").content.decode()
    assert "13800001234" not in page and "sample_wx" not in page
    assert "13800001234" in office_client.get(f"/registries/chushang/{row.pk}/").content.decode()


def test_event_page_lists_attendees_and_leads(entry, office, office_client, projects):
    from zhaoshang.registries.services import link_add

    event = entry("event", name="示例推介会", kind="promotion", since=datetime.date(2025, 4, 12))
    person = entry("chushang", name="钱某05", company="示例材料有限公司")
    link_add(actor=office, from_kind="chushang", from_id=person.pk, to_kind="event", to_id=event.pk, relation="attended")
    link_add(actor=office, from_kind="event", from_id=event.pk, to_kind="project", to_id=projects["ours"].pk, relation="referred")
    page = office_client.get(f"/registries/event/{event.pk}/").content.decode()
    assert "钱某05" in page and "示例新材料产业园项目" in page and "参加" in page and "引荐" in page


def test_registry_lists_render(entry, office_client):
    entry("chucai", name="孙某06", field="光电材料")
    for key in ("chushang", "chucai", "alumni", "listed", "association", "event"):
        assert office_client.get(f"/registries/{key}/").status_code == 200, key
    assert "孙某06" in office_client.get("/registries/chucai/?q=光电").content.decode()


def test_registries_bind_to_the_notices_measures(demo, office):
    from zhaoshang.registries.models import RegistrySetting
    from zhaoshang.registries.services import registries_bind

    RegistrySetting.objects.filter(key__in=["chushang", "chucai", "alumni", "listed", "association", "event"]).delete()
    bound = registries_bind(actor=office, plan=demo)
    tasks = {key: bound[key].measure.task.number for key in ("chushang", "chucai", "alumni", "listed", "association", "event")}
    assert tasks == {"chushang": "13", "chucai": "13", "alumni": "13", "listed": "13", "association": "15", "event": "14"}
    keepers = set(bound["chushang"].units.values_list("code", flat=True))
    assert {"zsfwzx", "gsl", "rsj", "jyj", "jrk"} <= keepers


def test_masked_phone_is_refused(entry):
    with pytest.raises(ValidationError) as error:
        entry("chushang", name="吴某07", phone="138****1234")
    assert "隐藏的号码" in error.value.message_dict["phone"][0]
