"""Settings for the test suite: plain HTTP, a fixed key, fast password hashing."""

import os

os.environ.setdefault("ZHAOSHANG_SECRET_KEY", "test-only-key-" + "k" * 50)
os.environ.setdefault("ZHAOSHANG_HTTPS", "0")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
