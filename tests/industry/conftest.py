"""A pipeline project for the industry registries' tests."""

import pytest

from zhaoshang.accounts.models import Unit
from zhaoshang.projects.services.projects import ProjectInput, project_create


@pytest.fixture
def project(demo, office):
    return project_create(actor=office, data=ProjectInput(
        name="示例农业示范项目", enterprise_name="示例农业科技有限公司", amount_wan="20000",
        lead_unit=Unit.objects.get(code="nyncj")))
