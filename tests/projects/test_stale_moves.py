"""A stage change carries the stage the user saw: if someone moved the project meanwhile, it is refused (409 on the
API, the form again with the message on the page) instead of silently moving the project back."""

import datetime
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from tests.projects.test_projects import _token
from zhaoshang.accounts.models import Unit
from zhaoshang.projects.errors import StaleStage
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

STALE = "项目阶段已被他人修改为「签约」，请刷新后重试"


def test_service_refuses_a_change_from_a_stage_the_project_has_left(pipeline, office):
    salt = pipeline["salt"]  # negotiating
    project_stage_change(actor=office, project=salt, stage="signed", happened_on=datetime.date(2025, 10, 10),
                         expected_stage="negotiating")
    with pytest.raises(StaleStage, match=STALE):
        project_stage_change(actor=office, project=salt, stage="lead", happened_on=datetime.date(2025, 10, 11),
                             note="退回", expected_stage="negotiating")
    salt.refresh_from_db()
    assert salt.stage == "signed" and salt.stage_changes.filter(to_stage="lead").count() == 0


def test_service_refuses_when_the_state_changed(pipeline, office):
    stalled = pipeline["stalled"]  # negotiating, stalled
    with pytest.raises(StaleStage, match="项目阶段已被他人修改为「停滞」"):
        project_stage_change(actor=office, project=stalled, stage="signed", happened_on=datetime.date(2025, 10, 10),
                             expected_stage="negotiating", expected_state="active")


def test_page_shows_the_form_again_with_the_message(pipeline, unit_client, office):
    reserve = pipeline["reserve"]  # the unit's, signed
    form = unit_client.get(reverse("projects:move", args=[reserve.pk]), {"stage": "registered", "from": "negotiating"})
    assert 'name="from_stage" value="negotiating"' in form.content.decode()  # the kanban column the card left
    opened = unit_client.get(reverse("projects:move", args=[reserve.pk]), {"stage": "registered"}).content.decode()
    assert 'name="from_stage" value="signed"' in opened and 'name="from_state" value="active"' in opened
    project_stage_change(actor=office, project=reserve, stage="negotiating", happened_on=datetime.date(2025, 10, 12),
                         note="合同未生效")
    project_stage_change(actor=office, project=reserve, stage="signed", happened_on=datetime.date(2025, 10, 13))
    project_stage_change(actor=office, project=reserve, stage="stalled", happened_on=datetime.date(2025, 10, 14),
                         note="资金未到位")
    response = unit_client.post(reverse("projects:move", args=[reserve.pk]), {
        "stage": "registered", "happened_on": "2025-10-14", "from_stage": "signed", "from_state": "active"})
    assert response.status_code == 400 and "项目阶段已被他人修改为「停滞」，请刷新后重试" in response.content.decode()
    htmx = unit_client.post(reverse("projects:move", args=[reserve.pk]), {
        "stage": "registered", "happened_on": "2025-10-14", "from_stage": "negotiating"}, headers={"HX-Request": "true"})
    assert htmx.status_code == 200 and STALE in htmx.content.decode()
    reserve.refresh_from_db()
    assert (reserve.stage, reserve.state) == ("signed", "stalled")


def test_api_answers_409_in_chinese_when_the_stage_changed(pipeline):
    salt = pipeline["salt"]  # 市自然资源和城乡建设局's, negotiating
    headers = _token("zrzyj")
    url = f"/api/v1/projects/{salt.pk}/stage"
    first = Client().post(url, {"stage": "signed", "date": "2025-10-10", "expected_stage": "negotiating"},
                          content_type="application/json", **headers)
    assert first.status_code == 200, first.content
    second = Client().post(url, {"stage": "registered", "date": "2025-10-11", "expected_stage": "negotiating"},
                           content_type="application/json", **headers)
    assert second.status_code == 409 and second.json() == {"detail": STALE}
    salt.refresh_from_db()
    assert salt.stage == "signed"


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_changes_from_the_same_stage_only_one_passes(demo, office, frozen):
    """Two connections move the same project from 洽谈 at once: the row lock makes the second see the first."""
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(("file:memorydb", ":memory:")):
        pytest.skip("SQLite in memory shares one cache between threads: no busy wait, so no real race to test")
    project = project_create(actor=office, data=ProjectInput(
        name="并发测试项目", enterprise_name="某并发公司", amount_wan=1000, stage="negotiating",
        lead_unit=Unit.objects.get(short_name="市发改委")))
    barrier, outcomes = threading.Barrier(2), []

    def move(stage):
        try:
            barrier.wait()
            project_stage_change(actor=office, project=project, stage=stage, happened_on=frozen, note="并发",
                                 expected_stage="negotiating")
            outcomes.append("ok")
        except StaleStage:
            outcomes.append("stale")
        finally:
            connection.close()

    threads = [threading.Thread(target=move, args=(stage,)) for stage in ("signed", "lead")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["ok", "stale"]
