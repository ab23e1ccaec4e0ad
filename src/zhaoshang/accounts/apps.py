from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "zhaoshang.accounts"
    label = "accounts"
    verbose_name = "单位与用户"

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from zhaoshang.accounts.middleware import SlidingSession

        user_logged_in.connect(SlidingSession.stamp, dispatch_uid="sliding-session-stamp")
