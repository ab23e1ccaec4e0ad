import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    """A unit may remove a wrong file from its draft: attachments are soft-deleted, kept in the recycle bin."""

    dependencies = [
        ('supervision', '0003_review_inbox'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='reportattachment',
            options={'base_manager_name': 'all_objects', 'verbose_name': '佐证材料', 'verbose_name_plural': '佐证材料'},
        ),
        migrations.AlterModelManagers(
            name='reportattachment',
            managers=[
                ('objects', django.db.models.manager.Manager()),
                ('all_objects', django.db.models.manager.Manager()),
            ],
        ),
        migrations.AddField(
            model_name='reportattachment',
            name='deleted_at',
            field=models.DateTimeField(blank=True, db_index=True, editable=False, null=True, verbose_name='删除时间'),
        ),
        migrations.AddField(
            model_name='reportattachment',
            name='deleted_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
    ]
