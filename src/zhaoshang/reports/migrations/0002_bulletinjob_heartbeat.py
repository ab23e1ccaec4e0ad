# A heartbeat for bulletin jobs, so that a job whose worker died is found and failed (core.jobs.stale_jobs_fail).

import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="bulletinjob",
            name="heartbeat_at",
            field=models.DateTimeField(default=django.utils.timezone.now, verbose_name="最近进展"),
        ),
    ]
