from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zhaoshang.core"
    label = "core"
    verbose_name = "基础"

    def ready(self):
        from django.urls import register_converter

        from zhaoshang.core.converters import IdConverter

        register_converter(IdConverter, "id")  # page URLs' ids (before any URLconf is loaded)

        from zhaoshang.core.lookups import register

        register()  # `in_ids`

        from zhaoshang.core.admin import audit_every_admin

        audit_every_admin()  # django.contrib.admin (listed first) has registered every app's admin by now
