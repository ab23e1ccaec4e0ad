from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "zhaoshang.meetings"
    label = "meetings"
    verbose_name = "会商调度"
