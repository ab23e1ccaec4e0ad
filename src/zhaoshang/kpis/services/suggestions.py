"""Suggested indicators: the numbers inside the measures (kpis/suggest.py), kept for the office to accept or discard.

Refreshed after every notice import: a number of a live measure not yet proposed becomes a pending suggestion (a
decided one is never asked again; the measure and the words identify it); a pending one whose words left the
measure is removed. Accepting makes an indicator of the office on the measure (kpi_create), as suggested or as the
office edited it; discarding keeps the decision."""

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_entry, audit_record, audit_save_many, snapshot
from zhaoshang.core.services import require
from zhaoshang.kpis.choices import Kind, RegistryMode, SuggestionStatus
from zhaoshang.kpis.errors import KpiError
from zhaoshang.kpis.models import Kpi, KpiSuggestion
from zhaoshang.kpis.registry_guess import kit_countables
from zhaoshang.kpis.services.defining import kpi_create
from zhaoshang.kpis.services.editing import KpiInput
from zhaoshang.kpis.suggest import suggest
from zhaoshang.plans.models import Indicator, Measure, Plan
from zhaoshang.projects.models import Tag


@transaction.atomic
def suggestions_refresh(*, plan: Plan, actor) -> int:
    """Propose the numbers of the plan's measures; returns how many new suggestions there are."""
    registries = kit_countables()
    tags = dict(Tag.objects.values_list("name", "id"))
    known = set(Indicator.objects.filter(target__plan=plan).values_list("text", flat=True))
    known |= set(Kpi.objects.filter(plan=plan).values_list("text", flat=True))
    year = (plan.issued_on or timezone.localdate()).year
    existing = {(row.measure_id, row.text): row for row in KpiSuggestion.objects.filter(plan=plan)}
    wanted, audit = set(), []
    for measure in Measure.objects.filter(task__plan=plan).only("pk", "text").order_by("pk"):
        for spec, spec_year in suggest(measure.text, known_texts=known, registries=registries, tags=tags, year=year):
            key = (measure.pk, spec.text)
            wanted.add(key)
            if key in existing:
                continue
            row = KpiSuggestion.objects.create(
                plan=plan, measure=measure, text=spec.text, kind=spec.kind, goal=spec.goal, unit=spec.unit[:10],
                comparator=spec.comparator, year=spec_year, period=spec.period, registry=spec.registry,
                registry_filter=spec.registry_filter, registry_sum=spec.registry_sum, channel=spec.channel)
            existing[key] = row
            audit.append(audit_entry(actor=actor, action="create", obj=row, after=snapshot(row)))
    gone = [row for key, row in existing.items() if key not in wanted and row.status == SuggestionStatus.PENDING]
    for row in gone:
        audit.append(audit_entry(actor=actor, action="delete", obj=row, before=snapshot(row)))
    KpiSuggestion.objects.filter(pk__in=[row.pk for row in gone]).delete()
    audit_save_many(audit)
    return sum(1 for entry in audit if entry.action == "create")


def suggestion_input(row: KpiSuggestion) -> KpiInput:
    """The suggestion as the indicator it proposes (what the accept form starts from)."""
    return KpiInput(kind=row.kind, goal=row.goal, unit=row.unit, comparator=row.comparator, year=row.year, due_on=None,
                    stage="signed", channel=row.channel, registry=row.registry, registry_mode=RegistryMode.NEW,
                    registry_filter=dict(row.registry_filter), registry_sum=row.registry_sum, period=row.period,
                    reporting_unit_id=_lead_unit(row.measure) if row.kind in (Kind.REPORTED, Kind.MILESTONE) else None)


def _lead_unit(measure: Measure) -> int | None:
    return measure.assignments.filter(is_lead=True).values_list("unit_id", flat=True).first()


def _pending(row: KpiSuggestion) -> KpiSuggestion:
    row = KpiSuggestion.objects.select_for_update().select_related("measure__task", "plan").get(pk=row.pk)
    if row.status != SuggestionStatus.PENDING:
        raise KpiError(f"该建议已{row.get_status_display()}")
    return row


@transaction.atomic
def suggestion_accept(*, actor, suggestion: KpiSuggestion, data: KpiInput | None = None, text: str = "", parts=()) -> Kpi:
    """Make the suggestion an indicator of the office on its measure: as suggested, or as the office edited it."""
    require(actor, "manage")
    row = _pending(suggestion)
    kpi = kpi_create(actor=actor, plan=row.plan, measure=row.measure, text=text or row.text,
                     data=data or suggestion_input(row), parts=parts)
    _decide(actor, row, SuggestionStatus.ACCEPTED, kpi)
    return kpi


@transaction.atomic
def suggestion_discard(*, actor, suggestion: KpiSuggestion) -> None:
    """Set the suggestion aside (kept, so it is not proposed again)."""
    require(actor, "manage")
    _decide(actor, _pending(suggestion), SuggestionStatus.DISCARDED, None)


def _decide(actor, row: KpiSuggestion, status: str, kpi: Kpi | None) -> None:
    before = snapshot(row)
    row.status, row.kpi, row.decided_by, row.decided_at = status, kpi, actor, timezone.now()
    row.save(update_fields=["status", "kpi", "decided_by", "decided_at"])
    audit_record(actor=actor, action="accept" if kpi else "ignore", obj=row, before=before, after=snapshot(row))
