from django.apps import AppConfig


class NeedsConfig(AppConfig):
    name = "zhaoshang.needs"
    label = "needs"
    verbose_name = "企业诉求"
