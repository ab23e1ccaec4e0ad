"""WhiteNoise that stays quiet before `collectstatic`: the demo and the tests serve our static files through
the finders, so a missing STATIC_ROOT is normal there and not worth a warning at every start. And /favicon.ico."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.templatetags.static import static
from whitenoise.middleware import WhiteNoiseMiddleware


class StaticFilesMiddleware(WhiteNoiseMiddleware):
    def add_files(self, root, prefix=None):
        if getattr(settings, "WHITENOISE_USE_FINDERS", False) and not Path(root).is_dir():
            return
        super().add_files(root, prefix)


def favicon(request):
    """/favicon.ico, which browsers ask for on their own (downloads, JSON, the first visit): our icon, not a 404."""
    return HttpResponsePermanentRedirect(static("zhaoshang/favicon.svg"))
