"""Choices shared by every registry."""

from django.db import models


class LinkRelation(models.TextChoices):
    RELATED = "related", "相关"
    REFERRED = "referred", "引荐"  # a 楚商, association, event or platform brought the project
    LOCATED = "located", "落户"  # the project sits on the plot or in the building
    ATTENDED = "attended", "参加"  # a person or firm took part in an event
    MATCHED = "matched", "对接"  # a need matched with a partner, a talent with a firm
