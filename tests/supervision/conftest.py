"""Fixtures of the supervision tests: an API token per user."""

import pytest
from django.test import Client

from tests.conftest import DEMO_PASSWORD


@pytest.fixture
def token(demo):
    def issue(username):
        response = Client().post("/api/v1/auth/token", {"username": username, "password": DEMO_PASSWORD},
                                 content_type="application/json")
        return {"HTTP_AUTHORIZATION": f"Bearer {response.json()['token']}"}
    return issue
