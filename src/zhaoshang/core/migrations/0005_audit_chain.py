# The audit log becomes an append-only hash chain: existing rows are chained in id order, then the database itself
# refuses UPDATE on the table (DELETE stays possible for the test database's flush; the model refuses it).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

SQLITE_TRIGGER = (
    "CREATE TRIGGER core_auditlog_append_only BEFORE UPDATE ON core_auditlog "
    "BEGIN SELECT RAISE(ABORT, 'core_auditlog is append-only'); END;"
)
POSTGRES_TRIGGER = """
CREATE OR REPLACE FUNCTION core_auditlog_append_only() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'core_auditlog is append-only'; END; $$ LANGUAGE plpgsql;
CREATE TRIGGER core_auditlog_append_only BEFORE UPDATE ON core_auditlog
FOR EACH ROW EXECUTE FUNCTION core_auditlog_append_only();
"""


def backfill_chain(apps, schema_editor):
    """Chain the rows written before the chain existed, in id order, in bounded memory."""
    from zhaoshang.core.audit import row_hash

    AuditLog = apps.get_model("core", "AuditLog")
    prev, batch = "", []
    for entry in AuditLog.objects.order_by("id").iterator(chunk_size=2000):
        entry.prev_hash = prev
        entry.row_hash = prev = row_hash(entry)
        batch.append(entry)
        if len(batch) == 2000:
            AuditLog.objects.bulk_update(batch, ["prev_hash", "row_hash"])
            batch = []
    AuditLog.objects.bulk_update(batch, ["prev_hash", "row_hash"])


def add_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_TRIGGER)
    elif vendor == "postgresql":
        schema_editor.execute(POSTGRES_TRIGGER)


def drop_trigger(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute("DROP TRIGGER IF EXISTS core_auditlog_append_only")
    elif vendor == "postgresql":
        schema_editor.execute("DROP TRIGGER IF EXISTS core_auditlog_append_only ON core_auditlog")
        schema_editor.execute("DROP FUNCTION IF EXISTS core_auditlog_append_only()")


class Migration(migrations.Migration):

    dependencies = [
        ("core", "0004_importjob_recovery"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditlog",
            name="created_at",
            field=models.DateTimeField(db_index=True, default=django.utils.timezone.now, verbose_name="时间"),
        ),
        migrations.AlterField(
            model_name="auditlog",
            name="actor",
            field=models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="audit_entries",
                to=settings.AUTH_USER_MODEL, verbose_name="操作人",
            ),
        ),
        migrations.AddField(
            model_name="auditlog", name="prev_hash",
            field=models.CharField(blank=True, max_length=64, verbose_name="前一条哈希"),
        ),
        migrations.AddField(
            model_name="auditlog", name="row_hash",
            field=models.CharField(blank=True, max_length=64, verbose_name="本条哈希"),
        ),
        migrations.RunPython(backfill_chain, migrations.RunPython.noop),
        migrations.RunPython(add_trigger, drop_trigger),
    ]
