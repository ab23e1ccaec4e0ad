# Indexes led by a chain or a channel and then a stage's date, for the indicators that filter on one chain or channel:
# they read only those projects instead of the whole year's (kpis/figures.py, bench/kpi.py). They replace the first
# chain/channel indexes, which lacked the soft-deletion column and the other filter columns.

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('plans', '0001_initial'),
        ('projects', '0007_tag_filtered_totals'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name='project',
            name='project_chain_signed',
        ),
        migrations.RemoveIndex(
            model_name='project',
            name='project_channel_signed',
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['deleted_at', 'chain', 'signed_on', 'terminated_on', 'channel', 'amount_wan', 'channel_detail', 'tag_bits'], name='project_kpi_chain_signed'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['deleted_at', 'channel', 'signed_on', 'terminated_on', 'chain', 'amount_wan', 'channel_detail', 'tag_bits'], name='project_kpi_channel_signed'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['deleted_at', 'channel', 'registered_on', 'terminated_on', 'chain', 'amount_wan', 'channel_detail', 'tag_bits'], name='project_kpi_channel_registered'),
        ),
        migrations.AddIndex(
            model_name='project',
            index=models.Index(fields=['deleted_at', 'channel', 'started_on', 'terminated_on', 'chain', 'amount_wan', 'channel_detail', 'tag_bits'], name='project_kpi_channel_started'),
        ),
    ]
