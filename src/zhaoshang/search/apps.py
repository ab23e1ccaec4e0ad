from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "zhaoshang.search"
    label = "search"
    verbose_name = "检索"
