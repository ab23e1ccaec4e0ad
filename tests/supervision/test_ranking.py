"""The unit ranking against hand-built dated reports, urges and returns: on-time rate, completion, times urged and
returned as of a date, ties, a fixed number of queries, the page and its export."""

import datetime
import io

import pytest
import time_machine
from django.utils import timezone
from openpyxl import load_workbook

from zhaoshang.plans.models import Assignment
from zhaoshang.supervision.models import Urge
from zhaoshang.supervision.selectors.ranking import unit_ranking
from zhaoshang.supervision.services.reports import ReportInput, report_return, report_save
from zhaoshang.supervision.services.urging import assignment_urge

from tests.conftest import month

D = datetime.date
JULY_END = D(2025, 7, 31)


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


@pytest.fixture
def history(demo, office, agri_user, other_unit_user, task5_assignment, submit_on):
    """市商务局 reports both its assignments on time in June and July (30%); 市农业农村局 reports task 5 on time in
    June (20%) and late in July (40%), is urged on 07-10 and 08-05, and its July report is returned on 07-29 and
    resubmitted."""
    for assignment in Assignment.objects.filter(unit=other_unit_user.unit):
        for day in (D(2025, 6, 20), D(2025, 7, 20)):
            submit_on(other_unit_user, assignment, day, day, percent=30)
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 6, 20), percent=20)
    july = submit_on(agri_user, task5_assignment, D(2025, 7, 1), D(2025, 7, 28), percent=40)
    for day in (D(2025, 7, 10), D(2025, 8, 5)):
        urge = assignment_urge(actor=office, assignment=task5_assignment, message="请按时报送")
        Urge.objects.filter(pk=urge.pk).update(created_at=at(day))
    with time_machine.travel(at(D(2025, 7, 29)), tick=False):  # the audit log is append-only: return it on that day
        report_return(actor=office, report=july, reason="请补充对接企业名单")
    report_save(actor=agri_user, assignment=task5_assignment, submit=True, period=month(D(2025, 7, 1)),
                data=ReportInput(done_text="已补充名单", percent=40))
    return {"commerce": other_unit_user.unit, "agri": agri_user.unit}


def by_unit(rows):
    return {row.unit_id: row for row in rows}


def test_on_time_reports_rank_first(history, office):
    rows = unit_ranking(user=office, as_of=JULY_END)
    commerce = rows[0]
    assert commerce.unit_id == history["commerce"].pk and commerce.rank == 1
    assert (commerce.assignments, commerce.due_periods, commerce.on_time, commerce.late, commerce.missing) == (2, 4, 4, 0, 0)
    assert commerce.on_time_rate == 100.0 and commerce.completion == 30.0 and commerce.light == "green"


def test_late_and_missing_reports_count_against_the_unit(history, office):
    agri = unit_ranking(user=office, as_of=JULY_END)[1]
    assert agri.unit_id == history["agri"].pk and agri.rank == 2
    assert (agri.assignments, agri.due_periods, agri.on_time, agri.late, agri.missing) == (3, 6, 1, 1, 4)
    assert agri.on_time_rate == 16.7  # 1 of 6
    assert agri.completion == 13.3  # (40 + 0 + 0) / 3
    assert agri.light == "red"  # its other assignments missed two reports


def test_urges_and_returns_count_up_to_the_date_and_a_resubmitted_report_stays_returned(history, office):
    agri = history["agri"].pk
    assert (by_unit(unit_ranking(user=office, as_of=JULY_END))[agri].urged,
            by_unit(unit_ranking(user=office, as_of=D(2025, 8, 31)))[agri].urged) == (1, 2)
    assert by_unit(unit_ranking(user=office, as_of=D(2025, 7, 28)))[agri].returned == 0
    assert by_unit(unit_ranking(user=office, as_of=JULY_END))[agri].returned == 1


def test_a_late_report_is_missing_before_it_came_in(history, office):
    agri = by_unit(unit_ranking(user=office, as_of=D(2025, 7, 27)))[history["agri"].pk]
    assert (agri.due_periods, agri.on_time, agri.late, agri.missing) == (6, 1, 0, 5)
    assert agri.completion == 6.7  # June's 20% was the newest by then


def test_equal_units_share_a_rank_and_are_ordered_by_name(history, office):
    rest = unit_ranking(user=office, as_of=JULY_END)[2:]
    assert rest and {row.rank for row in rest} == {3}
    assert [row.unit_name for row in rest] == sorted(row.unit_name for row in rest)
    assert all(row.on_time_rate == 0.0 and row.completion == 0.0 for row in rest)


def test_nothing_due_yet_gives_no_rate_and_everyone_ties(demo, office):
    rows = unit_ranking(user=office, as_of=D(2025, 6, 20))
    assert rows and all(row.on_time_rate is None and row.due_periods == 0 and row.rank == 1 for row in rows)


def test_done_counts_as_full_completion(demo, agri_user, task5_assignment, submit_on, office):
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 6, 20), percent=100, status="done")
    agri = by_unit(unit_ranking(user=office, as_of=JULY_END))[agri_user.unit_id]
    assert agri.done == 1 and agri.completion == 33.3
    assert agri.due_periods == 5  # task 5 stops being due once reported done


def test_a_unit_user_ranks_only_its_own_unit(history, agri_user):
    rows = unit_ranking(user=agri_user, as_of=JULY_END)
    assert [row.unit_id for row in rows] == [agri_user.unit_id]


def test_the_ranking_takes_the_same_queries_with_or_without_reports(demo, office, django_assert_num_queries, request):
    with django_assert_num_queries(8):
        empty = unit_ranking(user=office, as_of=JULY_END)
    request.getfixturevalue("history")
    with django_assert_num_queries(8):
        full = unit_ranking(user=office, as_of=JULY_END)
    assert len(empty) == len(full) == 27


def test_ranking_page_and_export_show_the_same_table(history, office_client, django_assert_max_num_queries):
    with django_assert_max_num_queries(16):  # the ranking's 8, session, user, plan, the nav's unit and bell
        page = office_client.get("/supervision/ranking/?as_of=2025-07-31")
    assert page.status_code == 200 and page.context["as_of"] == JULY_END
    rows = page.context["rows"]
    assert "市商务局" in page.content.decode() and rows[0].unit_name == "市商务局"
    export = office_client.get("/supervision/ranking.xlsx?as_of=2025-07-31")
    sheet = load_workbook(io.BytesIO(export.content)).active
    data = [row for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert len(data) == len(rows)
    assert data[0][:2] == (1, "市商务局") and data[1][8] == 16.7
