from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("plans", "0002_task_short_title")]

    operations = [
        migrations.AddField(
            model_name="target",
            name="by_office",
            field=models.BooleanField(default=False, help_text="通知没有目标列的任务，办公室为其举措设立指标时建立；通知修订时保留",
                                      verbose_name="督办办公室设立"),
        ),
    ]
