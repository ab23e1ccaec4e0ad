from django.apps import AppConfig


class TalentConfig(AppConfig):
    name = "zhaoshang.talent"
    label = "talent"
    verbose_name = "人才四库与技能人才"
