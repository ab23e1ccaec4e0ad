from collections import Counter

from django.db import migrations, models


def backfill(apps, schema_editor):
    """Name the tasks of plans imported before short titles existed, as the importer now does."""
    from zhaoshang.plans.short_titles import derive_short_title

    Task = apps.get_model("plans", "Task")
    Measure = apps.get_model("plans", "Measure")
    tasks = list(Task.objects.filter(short_title="").select_related("target", "focus"))
    shared = Counter((t.plan_id, t.target_id) for t in Task.objects.filter(deleted_at__isnull=True, target__isnull=False))
    texts: dict[int, list[str]] = {}
    for task_id, text in (Measure.objects.filter(task__in=tasks, deleted_at__isnull=True)
                          .order_by("task_id", "ordinal", "id").values_list("task_id", "text")):
        texts.setdefault(task_id, []).append(text)
    for task in tasks:
        task.short_title = derive_short_title(
            measures=texts.get(task.pk, []), target=task.target.text if task.target else "",
            focus=task.focus.name if task.focus else "", shared_target=shared[(task.plan_id, task.target_id)] > 1,
        )
    Task.objects.bulk_update(tasks, ["short_title"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("plans", "0001_initial")]

    operations = [
        migrations.AddField(model_name="task", name="short_title",
                            field=models.CharField(blank=True, max_length=20, verbose_name="任务简称")),
        migrations.AddField(model_name="task", name="short_title_by_office",
                            field=models.BooleanField(default=False, verbose_name="简称由办公室修改")),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
