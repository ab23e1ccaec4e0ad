"""A plan whose year is over opens as of its last day; a current plan opens today; an explicit ?as_of= always wins."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import YEAR_OVER_NOTE, default_as_of, plan_last_day

# the pages that read figures or lights "as of" a day, and the context name of the day they show
AS_OF_PAGES = [("kpis:overview", "as_of"), ("supervision:overview", "as_of"), ("supervision:ranking", "as_of")]


def _this_year(plan: Plan) -> None:
    """Move the plan into the machine's current year (the demo's notice is dated 2025)."""
    Plan.objects.filter(pk=plan.pk).update(issued_on=timezone.localdate().replace(month=1, day=2))
    plan.refresh_from_db()


def test_finished_year_opens_at_its_last_day(demo):
    assert plan_last_day(demo) == datetime.date(demo.issued_on.year, 12, 31)
    assert default_as_of(demo, today=datetime.date(2026, 3, 1)) == datetime.date(2025, 12, 31)


def test_current_plan_opens_today(demo):
    assert default_as_of(demo, today=datetime.date(2025, 9, 30)) == datetime.date(2025, 9, 30)
    assert default_as_of(None, today=datetime.date(2025, 9, 30)) == datetime.date(2025, 9, 30)


def test_plan_without_a_date_takes_the_year_of_its_deadlines(demo):
    Plan.objects.filter(pk=demo.pk).update(issued_on=None)
    demo.refresh_from_db()
    latest = max(t.deadline_month for t in demo.tasks.all() if t.deadline_month)
    assert plan_last_day(demo) == datetime.date(latest.year, 12, 31)


@pytest.mark.parametrize(("name", "key"), AS_OF_PAGES)
def test_page_of_a_finished_year_shows_its_last_day_with_a_note(office_client, demo, name, key):
    if timezone.localdate() <= plan_last_day(demo):
        pytest.skip("the demo's plan year is not over on this machine's date")
    response = office_client.get(reverse(name))
    assert response.status_code == 200
    assert response.context[key] == plan_last_day(demo)
    content = response.content.decode()
    assert YEAR_OVER_NOTE in content and f'value="{plan_last_day(demo):%Y-%m-%d}"' in content


@pytest.mark.parametrize(("name", "key"), AS_OF_PAGES)
def test_page_of_a_current_plan_opens_today(office_client, demo, name, key):
    _this_year(demo)
    response = office_client.get(reverse(name))
    assert response.context[key] in (None, timezone.localdate())  # the overview leaves "today" implicit
    assert YEAR_OVER_NOTE not in response.content.decode()


@pytest.mark.parametrize(("name", "key"), AS_OF_PAGES)
def test_explicit_as_of_wins(office_client, demo, name, key):
    response = office_client.get(reverse(name), {"as_of": "2025-09-30"})
    assert response.context[key] == datetime.date(2025, 9, 30)
    assert YEAR_OVER_NOTE not in response.content.decode()


def test_board_and_indicator_page_default_to_the_last_day(office_client, demo):
    last = plan_last_day(demo)
    if timezone.localdate() <= last:
        pytest.skip("the demo's plan year is not over on this machine's date")
    board = office_client.get(reverse("kpis:dashboard"))
    assert board.context["params"].as_of == last and YEAR_OVER_NOTE in board.content.decode()
    assert office_client.get(reverse("kpis:dashboard"), {"as_of": "2025-10-31"}).context["params"].as_of == \
        datetime.date(2025, 10, 31)
    kpi = demo.kpis.first()
    assert office_client.get(reverse("kpis:detail", args=[kpi.pk])).context["as_of"] == last


def test_api_lights_and_indicators_default_to_the_last_day(office_client, demo, monkeypatch):
    from zhaoshang.api import kpis as api_kpis
    from zhaoshang.api import supervision as api_supervision

    days = []
    real_statuses, real_figures = api_supervision.statuses_for, api_kpis.plan_figures
    monkeypatch.setattr(api_supervision, "statuses_for", lambda **kw: days.append(kw["as_of"]) or real_statuses(**kw))
    monkeypatch.setattr(api_kpis, "plan_figures", lambda pk, day: days.append(day) or real_figures(pk, day))
    assert office_client.get("/api/v1/lights").status_code == 200
    assert office_client.get("/api/v1/indicators").status_code == 200
    assert office_client.get("/api/v1/lights", {"as_of": "2025-09-30"}).status_code == 200
    assert days == [default_as_of(demo), default_as_of(demo), datetime.date(2025, 9, 30)]
