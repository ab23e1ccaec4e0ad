from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    name = "zhaoshang.resources"
    label = "resources"
    verbose_name = "资源要素数据库"
