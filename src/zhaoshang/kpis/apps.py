from django.apps import AppConfig


class KpisConfig(AppConfig):
    name = "zhaoshang.kpis"
    label = "kpis"
    verbose_name = "目标指标"
