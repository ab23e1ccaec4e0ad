from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "zhaoshang.exports"
    label = "exports"
    verbose_name = "导出"
