"""The demo's indicators beyond what the pipeline computes: last year's baselines of the growth targets, values the
units reported with their history (confirmed by the office, one returned and corrected), milestones (some done with
evidence, one returned), and indicators the office added where the notice's numbers are in its measures (weekly
会商研判 and bi-weekly 现场调度 counted from the meetings; each SOE's projects).

Deterministic: the same demo and `today` give the same rows; nothing dated after `today` is written. Writes go
through the real services (the added indicators through the model, with their audit entries); only the times are
moved back to when each thing "happened". The numbers and texts are data in demo_data/kpis.json."""

import datetime
import json
import math
import struct
import zlib
from decimal import Decimal
from pathlib import Path

from django.db.models import Max, Min
from django.utils import timezone

from zhaoshang.accounts.models import User
from zhaoshang.core.audit import audit_record, snapshot
from zhaoshang.demo.projects import EVIDENCE_PDF
from zhaoshang.kpis.choices import Kind, ValueStatus
from zhaoshang.kpis.models import Kpi, KpiValue
from zhaoshang.kpis.registries import REGISTRIES, registry_rows
from zhaoshang.kpis.services.editing import baseline_set
from zhaoshang.kpis.services.values import value_review, value_submit
from zhaoshang.plans.models import Plan, Target

DATA = json.loads((Path(__file__).resolve().parent / "demo_data" / "kpis.json").read_text(encoding="utf-8"))


def evidence_png(width: int = 24, height: int = 16) -> bytes:
    """A small valid PNG (a grey page with a red seal-coloured band) standing in for a photographed document."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + (b"\xc8\x28\x28" if 6 <= y < 10 else b"\xf0\xf0\xf0") * width for y in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


class KpiWriter:
    """Writes the demo's baselines, reported values, milestones and added indicators of one plan up to `today`."""

    def __init__(self, plan: Plan, office: User, today: datetime.date):
        self.plan, self.office, self.today = plan, office, today
        self.review_days = datetime.timedelta(days=DATA["review_days"])
        self.reporters = {u.unit_id: u for u in User.objects.filter(role="unit", is_active=True).order_by("id")}
        self.written = 0

    def write(self) -> int:
        """Write everything; returns the number of values and indicators written."""
        for row in DATA["baselines"]:
            kpi = self._kpi(row["task"], kind=row["kind"])
            baseline_set(actor=self.office, kpi=kpi, value=row["value"], source=row["source"])
        for row in DATA["values"]:
            self._values(self._kpi(row["task"], kind=Kind.REPORTED, text__contains=row["text"]), row)
        for row in DATA["milestones"]:
            self._milestone(self._kpi(row["task"], kind=Kind.MILESTONE), row)
        for row in DATA["extras"]:
            self._extra(row)
        return self.written

    def _kpi(self, task: str, **lookup) -> Kpi:
        return Kpi.objects.get(plan=self.plan, target__tasks__number=task, parent=None, **lookup)

    def _reporter(self, kpi: Kpi) -> User:
        return self.reporters.get(kpi.reporting_unit_id, self.office)

    def _values(self, kpi: Kpi, row: dict) -> None:
        """The unit reports month by month; the office confirms a few days later (a wrong one is returned first)."""
        returned = row.get("returned")
        for as_of, value, note in row["history"]:
            day = datetime.date.fromisoformat(as_of)
            if returned and returned["as_of"] == as_of:
                self._report(kpi, day, returned["value"], returned["note"], reason=returned["reason"])
            self._report(kpi, day, value, note)

    def _milestone(self, kpi: Kpi, row: dict) -> None:
        name = row["file"]
        data = EVIDENCE_PDF if name.endswith(".pdf") else evidence_png()
        self._report(kpi, datetime.date.fromisoformat(row["as_of"]), 1, row["note"], filename=name, data=data,
                     reason=row.get("reason", ""))

    def _report(self, kpi: Kpi, day: datetime.date, value, note: str, *, reason: str = "", **evidence) -> None:
        """One value entered two days after `day` and reviewed `review_days` later (left waiting if that is after
        today); returned with `reason` if one is given."""
        entered, reviewed = day + datetime.timedelta(days=2), day + datetime.timedelta(days=2) + self.review_days
        if entered > self.today:
            return
        row = value_submit(actor=self._reporter(kpi), kpi=kpi, value=value, as_of=day, note=note, **evidence)
        reviewed_on = entered  # the office's own entry is confirmed as it is entered
        if row.status == ValueStatus.SUBMITTED and reviewed <= self.today:
            value_review(actor=self.office, row=row, confirm=not reason, note=reason)
            reviewed_on = reviewed
        KpiValue.objects.filter(pk=row.pk).update(entered_at=_at(entered, 10))
        KpiValue.objects.filter(pk=row.pk, reviewed_at__isnull=False).update(reviewed_at=_at(reviewed_on, 15))
        self.written += 1

    def _extra(self, row: dict) -> None:
        """An indicator the office added to a target from its measures: a registry count for this year, or a
        per-item project count of the plan's year with one part per SOE."""
        target = Target.objects.get(plan=self.plan, tasks__number=row["task"])
        sibling = target.kpis.filter(parent=None).first()
        order = (target.kpis.aggregate(Max("order"))["order__max"] or 0) + 1
        if "registry" in row:
            year = self.today.year
            goal = self._registry_goal(row["registry"], row["every_days"], year)
            self._create(target, text=row["text"], kind=Kind.REGISTRY_COUNT, registry=row["registry"], goal=goal,
                         unit=row["unit"], year=year, due_on=datetime.date(year, 12, 31), order=order)
            return
        common = {"kind": Kind.PROJECT_COUNT, "unit": row["unit"], "year": sibling.year, "due_on": sibling.due_on,
                  "channel": row["channel"], "order": order}
        parent = self._create(target, text=row["text"], goal=len(row["parts"]), **common)
        for part in row["parts"]:  # the parent's order: listed after it, in this order
            self._create(target, parent=parent, text=row["text"], split_label=part["label"], goal=part["goal"],
                         channel_detail=part["channel_detail"], **common)

    def _registry_goal(self, registry: str, every_days: int, year: int) -> int:
        """One row (a meeting) every `every_days` days from the year's first one (or 1 January) to its end."""
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        rows = registry_rows(registry, start, end)
        first = rows.aggregate(first=Min(REGISTRIES[registry].date_field))["first"] or start
        if isinstance(first, datetime.datetime):
            first = timezone.localdate(first)
        return math.ceil(((end - first).days + 1) / every_days)

    def _create(self, target: Target, **fields) -> Kpi:
        kpi = Kpi.objects.create(plan=self.plan, target=target, **{**fields, "goal": Decimal(fields["goal"])})
        audit_record(actor=self.office, action="create", obj=kpi, after={**snapshot(kpi), "chains": [], "tags": []})
        self.written += 1
        return kpi
