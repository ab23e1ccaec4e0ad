# Covering indexes for the indicator figures: the projects that reached a counted stage in a year, with every column
# an indicator filters on (measured with bench/kpi.py).

from django.db import migrations, models

KPI_COLUMNS = ["deleted_at", "state", "terminated_on", "chain", "channel", "amount_wan", "channel_detail"]


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0004_cohort_and_card_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['signed_on', *KPI_COLUMNS], name='project_kpi_signed'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['registered_on', *KPI_COLUMNS], name='project_kpi_registered'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['started_on', *KPI_COLUMNS], name='project_kpi_started'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['producing_on', *KPI_COLUMNS], name='project_kpi_producing'),
        ),
    ]
