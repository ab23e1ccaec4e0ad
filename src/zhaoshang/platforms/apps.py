from django.apps import AppConfig


class PlatformsConfig(AppConfig):
    name = "zhaoshang.platforms"
    label = "platforms"
    verbose_name = "招商平台、基金与国企"
