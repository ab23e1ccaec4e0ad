"""Supervision settings read from Django settings: the light thresholds preset and reminder lead time."""

from django.conf import settings

from zhaoshang.supervision.lights import PRESETS, Thresholds


def light_thresholds() -> Thresholds:
    """ZHAOSHANG_LIGHT_PRESET (default points_10_30), see docs/LIGHTS.md."""
    return PRESETS[getattr(settings, "LIGHT_PRESET", "points_10_30")]
