"""`in_ids` (core/lookups.py): the same rows as `__in` for a list of ids, on a primary key and on a foreign key, on
either database; PostgreSQL gets the list as one array parameter."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from zhaoshang.accounts.models import Unit, User


def test_in_ids_finds_what_in_finds_on_a_key_and_a_foreign_key(demo):
    ids = list(Unit.objects.order_by("pk").values_list("pk", flat=True)[:5])
    wanted = [ids[0], ids[3], 10**12]  # an id that matches nothing is no error
    assert list(Unit.objects.filter(pk__in_ids=wanted).order_by("pk")) == list(Unit.objects.filter(pk__in=wanted).order_by("pk"))
    users = User.objects.filter(unit_id__in_ids=ids).order_by("pk")
    assert list(users) == list(User.objects.filter(unit_id__in=ids).order_by("pk")) and users.exists()


def test_in_ids_of_nothing_is_nothing(demo):
    assert not Unit.objects.filter(pk__in_ids=[]).exists()
    assert Unit.objects.exclude(pk__in_ids=[]).count() == Unit.objects.count()


def test_postgresql_gets_one_array_not_a_literal_per_id(demo):
    ids = list(Unit.objects.values_list("pk", flat=True))
    with CaptureQueriesContext(connection) as queries:
        assert Unit.objects.filter(pk__in_ids=ids).count() == len(ids)
    sql = queries.captured_queries[-1]["sql"]
    assert ("= ANY(" in sql) == (connection.vendor == "postgresql")
