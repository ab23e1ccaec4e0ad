from django.apps import AppConfig


class InnovationConfig(AppConfig):
    name = "zhaoshang.innovation"
    label = "innovation"
    verbose_name = "科技创新"
