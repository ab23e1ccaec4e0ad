from django.apps import AppConfig


class NetworkConfig(AppConfig):
    name = "zhaoshang.network"
    label = "network"
    verbose_name = "楚商四库与招商活动"
