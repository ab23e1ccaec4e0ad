"""A marker that this database holds the demo, so the loader never touches a real installation."""

from django.db import models


class DemoInstall(models.Model):
    """Written once when the demo is loaded."""

    loaded_at = models.DateTimeField(auto_now_add=True)
    plan_title = models.CharField(max_length=200)

    def __str__(self) -> str:
        return f"demo {self.loaded_at:%Y-%m-%d}"
