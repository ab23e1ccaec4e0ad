from django.apps import AppConfig


class IndustryConfig(AppConfig):
    name = "zhaoshang.industry"
    label = "industry"
    verbose_name = "产业资源库"
