"""Settings for the test suite: plain HTTP, a fixed key, fast password hashing, and a data dir of its own.

Every run gets a fresh temporary data dir (uploads, exports, demo files), removed when the run ends, so the
tests never write into the real `var/`."""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

_TEST_DATA_DIR = Path(tempfile.mkdtemp(prefix="zhaoshang-test-"))
atexit.register(shutil.rmtree, _TEST_DATA_DIR, ignore_errors=True)
os.environ["ZHAOSHANG_DATA_DIR"] = str(_TEST_DATA_DIR)
os.environ.pop("ZHAOSHANG_PRIVATE_MEDIA_ROOT", None)
os.environ.setdefault("ZHAOSHANG_SECRET_KEY", "test-only-key-" + "k" * 50)
os.environ.setdefault("ZHAOSHANG_HTTPS", "0")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
