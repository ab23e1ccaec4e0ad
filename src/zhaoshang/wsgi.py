"""WSGI entry point for gunicorn: `gunicorn zhaoshang.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zhaoshang.settings")
application = get_wsgi_application()
