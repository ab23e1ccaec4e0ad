"""The audit log is append-only and tamper-evident: a hash chain every writer extends, checked by audit-verify."""

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction
from django.test import Client

from zhaoshang.core.audit import audit_entry, audit_record, audit_save_many, row_hash
from zhaoshang.core.models import AuditLog, AuditLogImmutable
from zhaoshang.core.request_context import current_request_id


def _verify() -> tuple[int, str, str]:
    """audit-verify's exit code, stdout and stderr."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("audit_verify", stdout=out, stderr=err)
        code = 0
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def test_each_entry_is_chained_to_the_previous(demo, office):
    first = audit_record(actor=office, action="update", obj=demo, before={"a": 1}, after={"a": 2})
    second = audit_record(actor=office, action="update", obj=demo, before={"a": 2}, after={"名称": "新"})
    assert len(first.row_hash) == 64 and second.prev_hash == first.row_hash
    stored = AuditLog.objects.get(pk=second.pk)
    assert row_hash(stored) == stored.row_hash  # the hash survives the database round trip


def test_bulk_writers_and_the_demo_import_keep_the_chain_whole(demo, office):
    audit_save_many([audit_entry(actor=office, action="update", obj=demo, after={"n": n}) for n in range(3)])
    code, out, err = _verify()
    assert code == 0, err
    assert "哈希链完整" in out and str(AuditLog.objects.count()) in out
    assert not AuditLog.objects.filter(row_hash="").exists()


def test_a_deleted_row_is_reported_with_exit_1(demo, office):
    entries = [audit_record(actor=office, action="update", obj=demo, after={"n": n}) for n in range(3)]
    with connection.cursor() as cursor:  # what someone with database access might do
        cursor.execute("DELETE FROM core_auditlog WHERE id = %s", [entries[1].pk])
    code, _, err = _verify()
    assert code == 1
    assert f"编号 {entries[2].pk}" in err and "断裂" in err


def test_a_forged_row_is_reported(demo, office):
    last = audit_record(actor=office, action="update", obj=demo, after={"n": 1})
    forged = audit_entry(actor=office, action="delete", obj=demo)
    forged.prev_hash, forged.row_hash = last.row_hash, "0" * 64
    AuditLog.objects.bulk_create([forged])  # skips audit_chain
    code, _, err = _verify()
    assert code == 1 and f"编号 {forged.pk}" in err and "记录被修改" in err


def test_entries_cannot_be_changed_or_deleted_through_the_model(demo, office):
    entry = audit_record(actor=office, action="update", obj=demo)
    entry.action = "nothing"
    with pytest.raises(AuditLogImmutable):
        entry.save()
    with pytest.raises(AuditLogImmutable):
        entry.delete()
    with pytest.raises(AuditLogImmutable):
        AuditLog.objects.filter(pk=entry.pk).update(action="nothing")
    with pytest.raises(AuditLogImmutable):
        AuditLog.objects.filter(pk=entry.pk).delete()
    with pytest.raises(AuditLogImmutable):
        AuditLog(action="x", object_type="x", object_id="1", object_repr="x").save()  # not chained


def test_the_database_refuses_update(demo, office):
    entry = audit_record(actor=office, action="update", obj=demo)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditlog SET action = 'nothing' WHERE id = %s", [entry.pk])
    assert AuditLog.objects.get(pk=entry.pk).action == "update"


@pytest.mark.parametrize(("sent", "kept"), [
    ("req-1234abcd", True), ("a" * 64, True), ("short", False), ("a" * 65, False),
    ("abc def ghi", False), ("<script>alert(1)</script>", False), ("审计编号一二三四五", False),
])
def test_a_client_request_id_is_kept_only_if_well_formed(db, sent, kept):
    response = Client().get("/healthz", HTTP_X_REQUEST_ID=sent)
    assert (response["X-Request-ID"] == sent) is kept
    assert len(response["X-Request-ID"]) >= 8 and current_request_id.get() in (None, "")
