"""The kit once, over every registry: create, find by two characters, edit by the owner unit and not by another,
contacts masked in exports and the API, import with a bad row (all-or-nothing writes nothing), delete to the recycle
bin and restore, every write audited."""

import io

import pytest
from django.test import Client
from python_calamine import CalamineWorkbook

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.registries.catalog import all_registries, registry_named
from zhaoshang.registries.importing import registry_import
from zhaoshang.registries.services import entry_create, entry_delete, entry_restore, entry_update, registry_setting_update
from tests.excel_files import sheet_rows, xlsx
from tests.registries.samples import PHONE, SEARCH_PREFIX, sample_values

KEYS = sorted(all_registries())


def _audited(row, action: str) -> bool:
    return AuditLog.objects.filter(object_type=row._meta.label_lower, object_id=str(row.pk), action=action).exists()


@pytest.fixture
def keepers(demo, office, unit_user):
    """Every registry kept by 市发改委 (the unit user's unit)."""
    for registry in all_registries().values():
        registry_setting_update(actor=office, registry=registry, unit_ids=[unit_user.unit_id])


@pytest.mark.parametrize("key", KEYS)
def test_create_find_by_two_characters_and_audit(key, office, office_client):
    registry = registry_named(key)
    row = entry_create(registry=registry, actor=office, data=sample_values(registry, office))
    assert _audited(row, "create")
    page = office_client.get(f"/registries/{key}/", {"q": SEARCH_PREFIX})
    assert page.status_code == 200 and f"/registries/{key}/{row.pk}/" in page.content.decode()
    api = office_client.get(f"/api/v1/registries/{key}/entries", {"q": SEARCH_PREFIX}).json()
    assert row.pk in [item["id"] for item in api["items"]]
    assert office_client.get(f"/registries/{key}/", {"q": "不存在的名字"}).content.decode().count(f"/registries/{key}/{row.pk}/") == 0


@pytest.mark.parametrize("key", KEYS)
def test_owner_unit_edits_and_another_unit_is_refused(key, keepers, unit_user, other_unit_user, office):
    registry = registry_named(key)
    row = entry_create(registry=registry, actor=unit_user, data=sample_values(registry, unit_user))
    assert row.owner_unit_id == unit_user.unit_id
    first = registry.search_fields[0]
    entry_update(registry=registry, actor=unit_user, row=row, data={first: f"{SEARCH_PREFIX}改名"})
    assert _audited(row, "update")
    with pytest.raises(PermissionDenied):
        entry_update(registry=registry, actor=other_unit_user, row=row, data={first: "别人改"})
    with pytest.raises(PermissionDenied):
        entry_create(registry=registry, actor=other_unit_user, data=sample_values(registry, other_unit_user))


@pytest.mark.parametrize("key", KEYS)
def test_pages_answer_the_owner_and_refuse_another_unit(key, keepers, unit_user, other_unit_user, office):
    registry = registry_named(key)
    row = entry_create(registry=registry, actor=unit_user, data=sample_values(registry, unit_user))
    owner, other = Client(), Client()
    owner.force_login(unit_user)
    other.force_login(other_unit_user)
    assert owner.get(f"/registries/{key}/{row.pk}/edit/").status_code == 200
    assert other.get(f"/registries/{key}/{row.pk}/edit/").status_code == 403
    assert other.get(f"/registries/{key}/{row.pk}/").status_code == 200  # every unit reads
    assert other.post(f"/registries/{key}/{row.pk}/delete/").status_code == 403
    assert other.patch(f"/api/v1/registries/{key}/entries/{row.pk}", {"notes": "x"}, content_type="application/json").status_code == 403


@pytest.mark.parametrize("key", [k for k in KEYS if all_registries()[k].contact_fields])
def test_contacts_masked_for_all_but_office_and_owner(key, keepers, unit_user, other_unit_user, leader, office):
    registry = registry_named(key)
    row = entry_create(registry=registry, actor=unit_user, data=sample_values(registry, unit_user))
    clients = {}
    for name, user in {"owner": unit_user, "other": other_unit_user, "leader": leader, "office": office}.items():
        clients[name] = Client()
        clients[name].force_login(user)
    for name, client in clients.items():
        exported = client.get(f"/registries/{key}/export.xlsx", {"q": SEARCH_PREFIX}).content
        cells = [str(c) for r in CalamineWorkbook.from_filelike(io.BytesIO(exported)).get_sheet_by_index(0).to_python() for c in r]
        api = str(client.get(f"/api/v1/registries/{key}/entries/{row.pk}").json())
        page = client.get(f"/registries/{key}/{row.pk}/").content.decode()
        full = name in ("owner", "office")
        for shown in (str(cells), api, page):
            assert (PHONE in shown) is full, (name, key)
        assert "138****5678" in api or full


@pytest.mark.parametrize("key", KEYS)
def test_import_with_a_bad_row_writes_nothing_then_good_rows_only(key, office, office_client):
    registry = registry_named(key)
    spec = registry_import(key, actor=office).spec
    good = {**sample_values(registry, office, prefix="导入"), "notes": "导入说明"}  # "备注" too: the header needs two known columns
    columns = [c for c in spec.columns if c.required or c.key in good or c.key == "since"]
    spoiled = next((c.key for c in columns if c.required), "since")  # the bad row misses a required cell or has a bad date

    def cell(column, values):
        value = values.get(column.key)
        field = registry.field(column.key)
        if field.choices and value:
            return str(dict(field.choices)[value])
        return str(value) if hasattr(value, "_meta") else ("" if value is None else value)

    bad = {**good, spoiled: "" if spoiled != "since" else "不是日期"}
    rows = [[c.header for c in columns], [cell(c, good) for c in columns], [cell(c, bad) for c in columns]]
    before = registry.model.objects.count()
    data = xlsx(rows)
    response = office_client.post(f"/api/v1/registries/{key}/import", {"file": io.BytesIO(data), "mode": "all"})
    body = response.json()
    assert response.status_code == 400, body
    assert body["created"] == 0 and body["errors"] and body["errors"][0]["row"] == 3, body
    assert registry.model.objects.count() == before
    upload = io.BytesIO(data)
    upload.name = "good.xlsx"
    response = office_client.post(f"/api/v1/registries/{key}/import", {"file": upload, "mode": "good"})
    assert response.status_code == 200, response.content
    assert response.json()["created"] == 1 and registry.model.objects.count() == before + 1


@pytest.mark.parametrize("key", KEYS)
def test_delete_to_recycle_bin_and_restore(key, office, office_client):
    registry = registry_named(key)
    row = entry_create(registry=registry, actor=office, data=sample_values(registry, office))
    entry_delete(registry=registry, actor=office, row=row)
    assert not registry.model.objects.filter(pk=row.pk).exists() and _audited(row, "delete")
    assert office_client.get(f"/registries/{key}/{row.pk}/").status_code == 404
    assert str(row) in office_client.get(f"/registries/{key}/trash/").content.decode()
    entry_restore(registry=registry, actor=office, row=row)
    assert registry.model.objects.filter(pk=row.pk).exists() and _audited(row, "restore")


def test_a_row_whose_place_was_taken_meanwhile_is_not_restored(office, office_client):
    """A deleted 上市企业 whose stock code a new live row now holds: restoring says why, nothing is written."""
    listed = registry_named("listed")
    old = entry_create(registry=listed, actor=office, data={"name": "旧璇玑股份", "exchange": "sse", "stock_code": "600999"})
    entry_delete(registry=listed, actor=office, row=old)
    entry_create(registry=listed, actor=office, data={"name": "新璇玑股份", "exchange": "sse", "stock_code": "600999"})
    response = office_client.post(f"/registries/listed/{old.pk}/restore/", follow=True)
    assert "不能恢复" in response.content.decode() and "相同股票代码" in response.content.decode()
    old.refresh_from_db()
    assert old.deleted_at is not None


def _first_registry_with_rows(unit_user, count: int):
    key = KEYS[0]
    registry = registry_named(key)
    for _ in range(count):
        entry_create(registry=registry, actor=unit_user, data=sample_values(registry, unit_user))
    return key, registry


def test_a_cut_search_is_said_on_the_list_and_in_the_export(keepers, unit_user, office_client, monkeypatch):
    key, _ = _first_registry_with_rows(unit_user, 2)
    monkeypatch.setattr("zhaoshang.registries.selectors.SEARCH_LIMIT", 1)
    monkeypatch.setattr("zhaoshang.search.selectors.SEARCH_LIMIT", 1)
    page = office_client.get(f"/registries/{key}/", {"q": SEARCH_PREFIX}).content.decode()
    assert f"匹配“{SEARCH_PREFIX}”的记录超过1条，只列出最近录入的1条" in page
    exported = sheet_rows(office_client.get(f"/registries/{key}/export.xlsx", {"q": SEARCH_PREFIX}).content)
    assert f"匹配“{SEARCH_PREFIX}”的记录超过1条，只导出最近录入的1条" in exported[0][0]


def test_a_registry_export_past_the_limit_is_cut_and_says_so(keepers, unit_user, office_client, monkeypatch):
    key, _ = _first_registry_with_rows(unit_user, 3)
    monkeypatch.setattr("zhaoshang.core.xlsx.EXPORT_LIMIT", 2)
    assert "导出Excel（按当前筛选，前2条）" in office_client.get(f"/registries/{key}/").content.decode()
    exported = sheet_rows(office_client.get(f"/registries/{key}/export.xlsx").content)
    assert "超过2行，只导出了前2行" in exported[0][0] and len(exported) == 4


def test_a_long_registry_list_is_exported_by_a_job(keepers, unit_user, office_client, monkeypatch,
                                                   django_capture_on_commit_callbacks):
    key, registry = _first_registry_with_rows(unit_user, 3)
    monkeypatch.setattr("zhaoshang.exports.services.SYNC_ROWS", 2)
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.get(f"/registries/{key}/export.xlsx")
    assert response.status_code == 302 and "/exports/" in response["Location"]
    done = office_client.get(response["Location"]).content.decode()
    assert f"{registry.name}导出" in done and f"已生成，共{registry.model.objects.count()}行" in done
    file = office_client.get(response["Location"] + "file/")
    assert len(sheet_rows(b"".join(file.streaming_content))) - 2 == registry.model.objects.count()
