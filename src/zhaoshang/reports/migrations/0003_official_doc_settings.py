# The office's settings for official documents (GB/T 9704): issuer, red header, 文号 and 期号 patterns, 主送/抄送.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ("reports", "0002_bulletinjob_heartbeat"),
    ]

    operations = [
        migrations.CreateModel(
            name="OfficialDocSettings",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("issuer", models.CharField(blank=True, help_text="空：取督办办公室所在单位的名称", max_length=100, verbose_name="发文机关")),
                ("red_header", models.BooleanField(default=True, help_text="文首以红色套印发文机关标志，其下加红色分隔线", verbose_name="使用红头")),
                ("header_text", models.CharField(blank=True, help_text="红头文字，如“招商引资工作通报”；空：取发文机关名称", max_length=100, verbose_name="发文机关标志")),
                ("number_pattern", models.CharField(blank=True, help_text="如“招商办〔{year}〕{seq}号”：{year} 年份，{seq} 本年序号；空：不标文号", max_length=60, verbose_name="文号格式")),
                ("issue_pattern", models.CharField(default="{year}年第{seq}期", help_text="通报的期号，如“{year}年第{seq}期”或“第{seq}期”", max_length=60, verbose_name="期号格式")),
                ("main_to", models.CharField(blank=True, default="各责任单位", max_length=300, verbose_name="主送")),
                ("copy_to", models.CharField(blank=True, help_text="如“市委办公室，市政府办公室”", max_length=300, verbose_name="抄送")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="修改时间")),
            ],
            options={"verbose_name": "公文格式设置", "verbose_name_plural": "公文格式设置"},
        ),
    ]
