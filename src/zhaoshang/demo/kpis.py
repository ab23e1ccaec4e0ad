"""The demo's indicators beyond what the pipeline computes: last year's baselines of the growth targets, values the
units reported with their history (confirmed by the office, one returned and corrected), milestones (some done with
evidence, one returned), the office's decisions on the numbers found in the measures (定向输送20名, 每月1次互通会,
each SOE's projects …), and indicators the office set on measures whose numbers the parser leaves alone (weekly
会商研判 and bi-weekly 现场调度 counted per period from the meetings; the 四库 built, one part per registry).

Deterministic: the same demo and `today` give the same rows; nothing dated after `today` is written (the loader
passes the plan's last day once its year is over, so indicators marked this_year count the plan's year). Writes go
through the real services; only the times are moved back to when each thing "happened", audit entries included.
The numbers and texts are data in demo_data/kpis.json."""

import datetime
import json
import struct
import zlib
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from zhaoshang.accounts.models import User
from zhaoshang.core.audit import recorded_at
from zhaoshang.demo.projects import EVIDENCE_PDF
from zhaoshang.kpis.choices import Kind, ValueStatus
from zhaoshang.kpis.models import Kpi, KpiSuggestion, KpiValue
from zhaoshang.kpis.services.defining import PartInput, kpi_create
from zhaoshang.kpis.services.editing import KpiInput, baseline_set
from zhaoshang.kpis.services.suggestions import suggestion_accept, suggestion_discard, suggestion_input
from zhaoshang.kpis.services.values import value_review, value_submit
from zhaoshang.plans.models import Plan, Task

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
        self.plan_year = (plan.issued_on or today).year
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
        for row in DATA["defined"]:
            self._defined(row)
        for row in DATA["suggestions"]:
            self._suggestion(row)
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
        with recorded_at(_at(entered, 10)):
            row = value_submit(actor=self._reporter(kpi), kpi=kpi, value=value, as_of=day, note=note, **evidence)
        reviewed_on = entered  # the office's own entry is confirmed as it is entered
        if row.status == ValueStatus.SUBMITTED and reviewed <= self.today:
            with recorded_at(_at(reviewed, 15)):
                value_review(actor=self.office, row=row, confirm=not reason, note=reason)
            reviewed_on = reviewed
        KpiValue.objects.filter(pk=row.pk).update(entered_at=_at(entered, 10))
        KpiValue.objects.filter(pk=row.pk, reviewed_at__isnull=False).update(reviewed_at=_at(reviewed_on, 15))
        self.written += 1

    def _defined(self, row: dict) -> None:
        """An indicator the office set on a measure where the notice's numbers are in words the parser leaves alone
        (the weekly 会商研判, the 四库 built): through the service, as the office would on the page."""
        task = Task.objects.get(plan=self.plan, number=row["task"])
        measure = next(m for m in task.measures.order_by("ordinal") if row["measure"] in m.text)
        year = self.today.year if row.get("this_year") else self.plan_year
        data = KpiInput(kind=row["kind"], goal=Decimal(row["goal"]), unit=row["unit"], comparator=">=", year=year,
                        due_on=None, stage="signed", registry=row["registry"], registry_mode=row.get("mode", "new"),
                        period=row.get("period", ""))
        parts = [PartInput(label=part["label"], goal=Decimal(part["goal"]), registry=part.get("registry", ""),
                           registry_filter=part.get("where", {})) for part in row.get("parts", ())]
        kpi_create(actor=self.office, plan=self.plan, task=task, measure=measure, text=row["text"], data=data,
                   parts=parts)
        self.written += 1

    def _suggestion(self, row: dict) -> None:
        """The office's decision on a number found in a measure: accepted (as suggested, or with its edits), or
        discarded; the suggestions the data does not name stay for the office to decide."""
        suggestion = KpiSuggestion.objects.get(plan=self.plan, measure__task__number=row["task"],
                                               text__contains=row["contains"])
        if row.get("discard"):
            suggestion_discard(actor=self.office, suggestion=suggestion)
            return
        data = suggestion_input(suggestion)
        for name, value in row.get("edit", {}).items():
            setattr(data, name, value)
        suggestion_accept(actor=self.office, suggestion=suggestion, data=data)
        self.written += 1
