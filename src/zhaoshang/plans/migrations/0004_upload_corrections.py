from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_target_by_office")]

    operations = [
        migrations.AddField(
            model_name="noticeupload",
            name="corrections",
            field=models.JSONField(blank=True, default=list, verbose_name="办公室更正",
                                   help_text="对解析结果的更正（plans.corrections）；解析结果保持原样，导入时套用"),
        ),
    ]
