from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zhaoshang.accounts"
    label = "accounts"
    verbose_name = "单位与用户"
