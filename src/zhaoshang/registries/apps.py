from django.apps import AppConfig


class RegistriesConfig(AppConfig):
    name = "zhaoshang.registries"
    label = "registries"
    verbose_name = "数据库（登记簿）"
