from django.apps import AppConfig


class FinanceConfig(AppConfig):
    name = "zhaoshang.finance"
    label = "finance"
    verbose_name = "政策与金融"
