from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "zhaoshang.messaging"
    label = "messaging"
    verbose_name = "消息渠道"
