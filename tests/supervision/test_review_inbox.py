"""The review inbox (待审核): what waits, oldest first, with what changed; accepting and returning one or many;
the office told of what units do; batch 催办; the notifications page grouped and marked read in bulk."""

import datetime

import pytest
from django.urls import reverse

from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import PermissionDenied
from zhaoshang.meetings.services.actions import action_item_update
from zhaoshang.needs.services.tickets import need_settle
from zhaoshang.supervision.errors import ReportConflict, SupervisionError
from zhaoshang.supervision.models import Notification, ProgressReport, Urge
from zhaoshang.supervision.selectors.inbox import inbox_rows, report_changes, waiting_reports
from zhaoshang.supervision.services.batch_urge import assignments_urge
from zhaoshang.supervision.services.reports import ReportInput, report_accept, report_return, report_save
from zhaoshang.supervision.services.review_inbox import report_review, reports_review
from zhaoshang.supervision.selectors.work import statuses_for
from tests.conftest import month
from tests.meetings.conftest import action_item, meeting  # noqa: F401
from tests.needs.conftest import fgw, fgw_project, raise_need  # noqa: F401

D = datetime.date


@pytest.fixture
def two_months(task5_assignment, agri_user, office, submit_on):
    """Task 5: July accepted at 20%, August submitted at 40% with a problem, both long ago."""
    july = submit_on(agri_user, task5_assignment, D(2025, 7, 10), D(2025, 7, 20), percent=20)
    report_accept(actor=office, report=july)
    august = report_save(actor=agri_user, assignment=task5_assignment, submit=True, period=month(D(2025, 8, 10)),
                         data=ReportInput(done_text="对接企业3家", percent=40, problems="用地指标不足"))
    return july, august


@pytest.fixture
def later(two_months, task5_assignment, agri_user, submit_on):
    """Task 5: September and October waiting too."""
    return [submit_on(agri_user, task5_assignment, D(2025, m, 10), D(2025, m, 20), percent=10 * m) for m in (9, 10)]


def _office_notes(kind):
    return Notification.objects.filter(user__role="office", kind=kind)


def test_the_inbox_lists_waiting_reports_oldest_first_for_the_office_only(two_months, office, unit_user, leader):
    july, august = two_months
    waiting = list(waiting_reports(user=office))
    assert august in waiting and july not in waiting
    times = [r.submitted_at for r in waiting]
    assert times == sorted(times)
    assert all(r.status == "submitted" for r in waiting)
    assert not waiting_reports(user=unit_user).exists() and not waiting_reports(user=leader).exists()


def test_each_row_says_what_changed_since_the_previous_report(two_months, office, django_assert_max_num_queries):
    _, august = two_months
    with django_assert_max_num_queries(8):
        rows = {row.report.pk: row for row in inbox_rows(waiting_reports(user=office)[:30])}
    row = rows[august.pk]
    assert row.previous.period_key == "2025-07"
    assert "进度 20% → 40%" in row.changes and "新提出需协调问题" in row.changes
    assert row.light_label


def test_report_changes_in_words(two_months):
    july, august = two_months
    assert report_changes(july, None) == ["首次报送"]
    same = ProgressReport(done_text=july.done_text, percent=july.percent, work_status=july.work_status)
    assert report_changes(same, july) == ["完成情况与上期相同"]
    done = ProgressReport(done_text="已完成", percent=100, work_status="done", reviewed_at=august.due_date, review_note="请补充佐证")
    assert report_changes(done, july) == ["退回后重报（退回理由：请补充佐证）", "进度 20% → 100%", "状态 推进中 → 已完成"]


def test_batch_accept_reviews_each_and_skips_one_reviewed_meanwhile(two_months, later, office):
    _, august = two_months
    others = later
    report_accept(actor=office, report=others[0])  # another clerk was quicker
    result = reports_review(actor=office, reports=[august, *others], decision="accept")
    assert [r.pk for r in result.done] == [august.pk, others[1].pk]
    assert len(result.skipped) == 1 and "已审核" in result.summary
    assert AuditLog.objects.filter(object_type="supervision.progressreport", object_id=str(august.pk), action="accept").exists()


def test_batch_return_needs_a_reason_and_tells_each_unit(two_months, office, agri_user):
    _, august = two_months
    with pytest.raises(SupervisionError, match="理由"):
        reports_review(actor=office, reports=[august], decision="return", reason=" ")
    august.refresh_from_db()
    assert august.status == "submitted"
    reports_review(actor=office, reports=[august], decision="return", reason="请补充佐证材料")
    august.refresh_from_db()
    assert august.status == "returned" and august.review_note == "请补充佐证材料"
    assert Notification.objects.filter(user=agri_user, kind="returned", text__contains="请补充佐证材料").exists()


def test_review_of_a_report_not_waiting_is_a_conflict_and_only_the_office_reviews(two_months, office, leader, agri_user):
    july, august = two_months
    with pytest.raises(ReportConflict):
        report_review(actor=office, report=july, decision="accept")
    for actor in (leader, agri_user):
        with pytest.raises(PermissionDenied):
            reports_review(actor=actor, reports=[august], decision="accept")


def test_the_office_is_told_of_submissions_resubmissions_and_problems(two_months, office, agri_user):
    _, august = two_months
    assert _office_notes("submitted").filter(text__contains="2025年8月").exists()
    assert _office_notes("problem").filter(text__contains="用地指标不足").exists()
    report_return(actor=office, report=august, reason="请补充")
    report_save(actor=agri_user, assignment=august.assignment, submit=True, period=month(D(2025, 8, 10)),
                data=ReportInput(done_text="对接企业3家，名单附后", percent=40))
    note = _office_notes("resubmitted").get(user=office)
    assert "重新报送" in note.text and note.url.endswith("?period=2025-08")
    assert not Notification.objects.filter(user=agri_user, kind__in=["submitted", "resubmitted"]).exists()


def test_the_office_is_told_when_a_unit_settles_a_need_or_updates_an_action_item(
        unit_user, office, raise_need, fgw_project, fgw, action_item):
    need = raise_need(fgw_project, fgw)
    need_settle(actor=unit_user, need=need, reply="已协调供电公司增容")
    assert _office_notes("need_settled").filter(user=office, text__contains=need.title).count() == 1
    action_item_update(actor=unit_user, item=action_item, progress="已完成用地预审", done=True)
    assert _office_notes("action_updated").filter(user=office, text__contains="办结交办事项").count() == 1
    action_item_update(actor=office, item=action_item, done=False)  # the office acting itself tells no one
    assert _office_notes("action_updated").count() == 1


def test_batch_urge_urges_every_chosen_assignment_with_one_message(demo, office, unit_user):
    overdue = [s.assignment for s in statuses_for(user=office) if s.missing][:3]
    assert len(overdue) == 3
    urges = assignments_urge(actor=office, assignments=overdue, message="请于本周内补报")
    assert {u.assignment_id for u in urges} == {a.pk for a in overdue}
    assert Urge.objects.filter(message="请于本周内补报").count() == 3
    with pytest.raises(PermissionDenied):
        assignments_urge(actor=unit_user, assignments=overdue, message="x")
    with pytest.raises(SupervisionError):
        assignments_urge(actor=office, assignments=overdue, message=" ")
    assert Urge.objects.filter(message="请于本周内补报").count() == 3


# --- pages -------------------------------------------------------------------------------------------------

def test_inbox_page_lists_and_reviews_one_or_many(two_months, later, office_client, django_assert_max_num_queries):
    _, august = two_months
    url = reverse("supervision:inbox")
    with django_assert_max_num_queries(22):
        response = office_client.get(url)
    assert response.status_code == 200 and f'id="report-{august.pk}"' in response.text
    assert response.context["inbox_count"] == response.context["page_obj"].paginator.count
    response = office_client.post(url, {"report": [august.pk], "decision": "return", "reason": ""}, follow=True)
    assert "退回时请填写理由" in response.text
    august.refresh_from_db()
    assert august.status == "submitted"
    others = [r.pk for r in later]
    response = office_client.post(f"{url}?page=1", {"report": [august.pk, *others], "decision": "accept"}, follow=True)
    assert "已处理3份报告" in response.text
    assert ProgressReport.objects.filter(pk__in=[august.pk, *others], status="accepted").count() == 3


def test_inbox_and_batch_urge_are_the_offices_alone(demo, unit_client, leader_client):
    for client in (unit_client, leader_client):
        assert client.get(reverse("supervision:inbox")).status_code == 403
        assert client.get(reverse("supervision:urge_batch")).status_code == 403
        assert client.post(reverse("supervision:inbox"), {"decision": "accept"}).status_code == 403


def test_batch_urge_page_ticks_every_overdue_assignment(demo, office_client, django_assert_max_num_queries):
    url = reverse("supervision:urge_batch")
    with django_assert_max_num_queries(20):
        response = office_client.get(url)
    rows = response.context["rows"]
    assert response.status_code == 200 and rows and response.text.count('name="assignment"') == len(rows)
    chosen = [s.assignment.pk for s, _ in rows[:2]]
    response = office_client.post(url, {"assignment": chosen, "message": "请尽快补报"}, follow=True)
    assert "催办2项工作" in response.text
    assert Urge.objects.filter(message="请尽快补报").count() == 2
    response = office_client.post(url, {"message": "请尽快补报"})
    assert response.status_code == 400 and "请先勾选要催办的工作" in response.text


def test_notifications_group_by_kind_and_mark_read_in_bulk(two_months, office, office_client):
    url = reverse("supervision:notifications")
    response = office_client.get(url)
    kinds = {g.kind: g for g in response.context["groups"]}
    assert {"submitted", "problem"} <= set(kinds) and kinds["submitted"].unread >= 1
    assert "新报送" in response.text and "反映问题" in response.text
    assert office_client.get(url).context["unread_count"] > 0  # opening the list reads nothing by itself
    office_client.post(reverse("supervision:notifications_read"), {"kind": "problem", "kind_only": "1"})
    assert not Notification.objects.filter(user=office, kind="problem", read_at__isnull=True).exists()
    one = Notification.objects.filter(user=office, read_at__isnull=True).first()
    office_client.post(reverse("supervision:notifications_read"), {"selected": "1", "note": [one.pk]})
    one.refresh_from_db()
    assert one.read_at is not None
    office_client.post(reverse("supervision:notifications_read"), {"all": "1"})
    assert office_client.get(url).context["unread_count"] == 0
    assert office_client.get(f"{url}?kind=submitted").context["page_obj"].paginator.count >= 1
    assert office_client.get(f"{url}?kind=nonsense").status_code == 400


def test_opening_a_notification_marks_it_read_and_follows_its_link(two_months, office, office_client, unit_client):
    note = Notification.objects.filter(user=office, kind="submitted").first()
    response = office_client.get(reverse("supervision:notification_open", args=[note.pk]))
    assert response.status_code == 302 and response["Location"] == note.url
    note.refresh_from_db()
    assert note.read_at is not None
    assert unit_client.get(reverse("supervision:notification_open", args=[note.pk])).status_code == 404
