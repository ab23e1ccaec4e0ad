from django.apps import AppConfig


class TargetingConfig(AppConfig):
    name = "zhaoshang.targeting"
    label = "targeting"
    verbose_name = "企业名录与招商靶向"
