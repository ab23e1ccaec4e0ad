"""Shared fixtures: the demo (the seed notice imported through the real importer) loaded once per session,
one logged-in client per role, and browser tests moved to the end (they flush the database)."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from zhaoshang.accounts.models import User
from zhaoshang.demo.loader import demo_load
from zhaoshang.demo.models import DemoInstall
from zhaoshang.plans.models import Assignment, Plan
from zhaoshang.supervision.calendar import Cycle, WorkCalendar, period_containing
from zhaoshang.supervision.services.reports import ReportInput, report_save

DEMO_PASSWORD = "Demo-Pass-2025!"


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        demo_load(password=DEMO_PASSWORD)


@pytest.fixture
def demo(db):
    """The demo plan; reloaded if a transactional test flushed it."""
    if not DemoInstall.objects.exists():
        demo_load(password=DEMO_PASSWORD)
    return Plan.objects.get()


def _client_for(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


@pytest.fixture
def office(demo):
    return User.objects.get(username="office")


@pytest.fixture
def leader(demo):
    return User.objects.get(username="leader")


@pytest.fixture
def admin_user(demo):
    return User.objects.get(username="admin")


@pytest.fixture
def unit_user(demo):
    """The user of 市发改委 (leads several measures, co-operates on task 4)."""
    return User.objects.get(unit__short_name="市发改委")


@pytest.fixture
def other_unit_user(demo):
    return User.objects.get(unit__short_name="市商务局")


@pytest.fixture
def office_client(office):
    return _client_for(office.username)


@pytest.fixture
def unit_client(unit_user):
    return _client_for(unit_user.username)


@pytest.fixture
def leader_client(leader):
    return _client_for(leader.username)


# --- supervision: an assignment with a known deadline, and reports dated in the past --------------------

@pytest.fixture
def task5_assignment(demo):
    """Task 5: 市农业农村局 alone, deadline 2025-09; the plan starts 2025-06-19; monthly reports due the 25th."""
    return Assignment.objects.select_related("measure__task__plan", "unit").get(measure__task__plan=demo, measure__task__number="5")


@pytest.fixture
def agri_user(demo):
    return User.objects.get(unit__short_name="市农业农村局")


def month(day: datetime.date):
    return period_containing(Cycle.MONTHLY, 25, day, WorkCalendar())


@pytest.fixture
def submit_on():
    """Submit a report for the month containing `period_day`, as if on `submitted` (Beijing time)."""

    def submit(user, assignment, period_day, submitted, percent=None, status="in_progress", text="本期推进情况"):
        report = report_save(actor=user, assignment=assignment, submit=True, period=month(period_day),
                             data=ReportInput(done_text=text, percent=percent, work_status=status))
        when = timezone.make_aware(datetime.datetime.combine(submitted, datetime.time(10)))
        type(report).objects.filter(pk=report.pk).update(first_submitted_at=when, submitted_at=when)
        report.refresh_from_db()
        return report

    return submit


@pytest.fixture
def entry(office):
    """Write a registry row as the office: entry("park", name="…")."""
    from zhaoshang.registries.catalog import registry_named
    from zhaoshang.registries.services import entry_create

    def make(key, **data):
        return entry_create(registry=registry_named(key), actor=office, data=data)

    return make
