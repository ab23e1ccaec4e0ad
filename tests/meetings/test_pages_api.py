"""Meeting pages and API: who may do what, htmx updates, exports as filtered."""

import datetime
import io

from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from zhaoshang.accounts.services import token_issue
from zhaoshang.meetings.models import Meeting
from zhaoshang.meetings.services.actions import action_item_create


def test_meeting_pages_answer_each_role(unit_client, leader_client, office_client, meeting, action_item,
                                        django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        assert meeting.title in unit_client.get("/meetings/").content.decode()
    assert unit_client.get(f"/meetings/{meeting.pk}/").status_code == 200
    assert leader_client.get(f"/meetings/{meeting.pk}/").status_code == 200
    assert unit_client.post(f"/meetings/{meeting.pk}/decisions/", {"text": "x"}).status_code == 403
    assert leader_client.get("/meetings/new/").status_code == 403
    assert office_client.get("/meetings/series/").status_code == 200


def test_office_adds_a_decision_with_htmx(office_client, meeting):
    response = office_client.post(f"/meetings/{meeting.pk}/decisions/", {"text": "下周召开专题协调会"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "下周召开专题协调会" in response.content.decode()


def test_owner_unit_reports_from_the_action_list(unit_client, other_unit_user, action_item):
    response = unit_client.post(f"/meetings/actions/{action_item.pk}/update/", {"progress": "已完成", "done": "1"},
                                HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "已完成" in response.content.decode()
    action_item.refresh_from_db()
    assert action_item.status == "done"
    other = Client()
    other.force_login(other_unit_user)
    assert other.post(f"/meetings/actions/{action_item.pk}/update/", {"progress": "x"}).status_code == 404


def test_exports_are_the_lists_as_filtered(office_client, meeting, action_item):
    sheet = load_workbook(io.BytesIO(office_client.get("/meetings/export.xlsx?kind=单周会商研判").content)).active
    assert [row[1] for row in sheet.iter_rows(min_row=3, values_only=True)] == [meeting.title]
    sheet = load_workbook(io.BytesIO(office_client.get("/meetings/export.xlsx?kind=dispatch").content)).active
    assert sheet.max_row == 2
    sheet = load_workbook(io.BytesIO(office_client.get("/meetings/actions/export.xlsx?overdue=true").content)).active
    rows = list(sheet.iter_rows(min_row=3, values_only=True))  # due a week after a meeting ten days ago
    assert [(r[2], r[3], r[7]) for r in rows] == [("协调解决LNG项目用地问题", "市发改委", "红灯")]
    sheet = load_workbook(io.BytesIO(office_client.get("/meetings/actions/export.xlsx?overdue=false").content)).active
    assert sheet.max_row == 2


def _api(user):
    return Client(), {"HTTP_AUTHORIZATION": f"Bearer {token_issue(user=user)}"}


def test_api_creates_a_meeting_with_decisions_and_work(office, unit_user):
    client, headers = _api(office)
    day = timezone.localdate()
    created = client.post("/api/v1/meetings", {"kind": "双周现场调度", "date": day.isoformat(), "place": "高新区"},
                          content_type="application/json", **headers)
    assert created.status_code == 201, created.content
    meeting_id = created.json()["id"]
    patched = client.patch(f"/api/v1/meetings/{meeting_id}", {"status": "已召开", "minutes": "现场查看项目"},
                           content_type="application/json", **headers).json()
    assert (patched["status"], patched["minutes"], patched["place"]) == ("held", "现场查看项目", "高新区")
    decision = client.post(f"/api/v1/meetings/{meeting_id}/decisions", {"text": "加快手续办理"},
                           content_type="application/json", **headers).json()
    item = client.post(f"/api/v1/meetings/{meeting_id}/action-items",
                       {"text": "办理施工许可", "owner_unit": "发改委", "decision_id": decision["id"],
                        "due_date": (day + datetime.timedelta(days=7)).isoformat()},
                       content_type="application/json", **headers)
    assert item.status_code == 201 and item.json()["owner_unit"] == "市发改委"
    unit_client, unit_headers = _api(unit_user)
    listed = unit_client.get("/api/v1/action-items?status=open", **unit_headers).json()
    assert [i["text"] for i in listed] == ["办理施工许可"] and listed[0]["light"] == "green"
    done = unit_client.patch(f"/api/v1/action-items/{listed[0]['id']}", {"progress": "已取得许可", "done": True},
                             content_type="application/json", **unit_headers)
    assert done.json()["status"] == "done"
    assert unit_client.post("/api/v1/meetings", {"kind": "review", "date": day.isoformat()},
                            content_type="application/json", **unit_headers).status_code == 403
    assert [m["id"] for m in unit_client.get("/api/v1/meetings?kind=dispatch", **unit_headers).json()] == [meeting_id]
    assert Meeting.objects.get(pk=meeting_id).decisions.count() == 1


def test_lists_take_a_constant_number_of_queries(office, office_client, meeting, action_item, fgw, django_assert_max_num_queries):
    for n in range(5):
        action_item_create(actor=office, meeting=meeting, text=f"事项{n}", owner_unit=fgw, due_date=action_item.due_date)
    client, headers = _api(office)
    with django_assert_max_num_queries(12):
        assert office_client.get("/meetings/actions/").status_code == 200
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/action-items", **headers).json()) == 6
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/meetings", **headers).json()) == 1
