"""Lights computed from dated reports, as of any date: grey before anything is due, yellow for a missed
report, red for two, green on track; a red month stays red when looked at later."""

import datetime

from zhaoshang.supervision.selectors.status import statuses_as_of

D = datetime.date


def light(assignment, day):
    return statuses_as_of([assignment], day)[assignment.pk]


def test_nothing_due_before_the_first_due_date_is_grey(task5_assignment):
    status = light(task5_assignment, D(2025, 6, 20))
    assert status.light == "grey" and status.next_due.due == D(2025, 6, 25)


def test_one_missed_report_is_yellow_two_are_red(task5_assignment):
    assert light(task5_assignment, D(2025, 6, 26)).light == "yellow"
    late = light(task5_assignment, D(2025, 7, 28))
    assert late.light == "red" and [p.key for p in late.missing] == ["2025-06", "2025-07"]


def test_catching_up_turns_green_but_the_past_stays_as_it_was(task5_assignment, agri_user, submit_on):
    submit_on(agri_user, task5_assignment, D(2025, 6, 1), D(2025, 7, 10), percent=20)
    submit_on(agri_user, task5_assignment, D(2025, 7, 1), D(2025, 7, 20), percent=50)
    assert light(task5_assignment, D(2025, 7, 31)).light == "green"
    assert light(task5_assignment, D(2025, 7, 5)).light == "yellow"  # what July 5th showed, still


def test_far_behind_the_time_elapsed_is_red(task5_assignment, agri_user, submit_on):
    for month in (6, 7, 8):
        submit_on(agri_user, task5_assignment, D(2025, month, 1), D(2025, month, 20), percent=10)
    status = light(task5_assignment, D(2025, 8, 31))
    assert status.result.expected > 60 and status.light == "red"


def test_past_the_deadline_and_not_done_is_red_and_done_is_green(task5_assignment, agri_user, submit_on):
    for month in (6, 7, 8, 9):
        submit_on(agri_user, task5_assignment, D(2025, month, 1), D(2025, month, 20), percent=25 * (month - 5))
    assert light(task5_assignment, D(2025, 10, 2)).light == "red"
    submit_on(agri_user, task5_assignment, D(2025, 10, 1), D(2025, 10, 8), percent=100, status="done")
    done = light(task5_assignment, D(2025, 11, 30))
    assert done.light == "green" and done.next_due is None and not done.missing


def test_long_term_task_is_green_while_reported_every_month(demo, submit_on):
    from zhaoshang.accounts.models import User
    from zhaoshang.plans.models import Assignment

    assignment = Assignment.objects.get(measure__task__plan=demo, measure__task__number="11", measure__ordinal=1)
    user = User.objects.get(unit=assignment.unit)
    for month in (6, 7, 8):
        submit_on(user, assignment, D(2025, month, 1), D(2025, month, 24))
    status = light(assignment, D(2025, 8, 30))
    assert status.light == "green" and status.result.expected is None
    assert light(assignment, D(2025, 9, 30)).light == "yellow"
