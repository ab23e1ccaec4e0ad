"""Creating a plan's indicators from the notice's numbers, and keeping them in step with revisions.

Runs after every notice import. A new parsed number becomes an indicator with derive()'s first guess; an
indicator the office has edited keeps its edits across revisions (matched by its source, else by its text); one
whose number disappeared from the notice is soft-deleted (indicators the office added stay); a target without any
number gets a milestone."""

import calendar
import datetime

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_entry, audit_save_many, snapshot
from zhaoshang.core.models import AuditLog
from zhaoshang.kpis.choices import Kind
from zhaoshang.kpis.derive import Spec, derive, milestone
from zhaoshang.kpis.models import Kpi
from zhaoshang.kpis.registry_guess import kit_countables
from zhaoshang.kpis.services.suggestions import suggestions_refresh
from zhaoshang.plans.models import Assignment, Plan, Target
from zhaoshang.projects.models import Tag

INDICATOR_FIELDS = ("text", "value", "unit", "comparator", "year", "per", "items", "min_amount_wan")


@transaction.atomic
def kpis_sync(*, plan: Plan, actor) -> dict:
    """Bring the plan's indicators in line with its targets' parsed numbers; returns counts of what changed."""
    writer = _KpiWriter(plan, actor)
    for target in plan.targets.prefetch_related("indicators", "tasks__chains", "kpis__source"):
        writer.sync_target(target)
    writer.drop_orphans()
    writer.follow_measures()
    audit_save_many(writer.audit)
    writer.counts["suggested"] = suggestions_refresh(plan=plan, actor=actor)
    return writer.counts


class _KpiWriter:
    def __init__(self, plan: Plan, actor):
        self.plan, self.actor = plan, actor
        self.tags = dict(Tag.objects.values_list("name", "id"))
        self.registries = kit_countables()
        self.year = (plan.issued_on or timezone.localdate()).year
        self.audit: list[AuditLog] = []
        self.counts = {"created": 0, "kept": 0, "deleted": 0}
        self.kept: set[int] = set()

    def sync_target(self, target: Target) -> None:
        current = [kpi for kpi in target.kpis.all() if kpi.parent_id is None and kpi.deleted_at is None]
        by_source = {kpi.source_id: kpi for kpi in current if kpi.source_id and kpi.source.deleted_at is None}
        by_text = {kpi.text: kpi for kpi in current if kpi.pk not in {k.pk for k in by_source.values()}}
        indicators = [i for i in target.indicators.all() if i.deleted_at is None]
        for order, indicator in enumerate(indicators):
            existing = by_source.get(indicator.pk) or by_text.pop(indicator.text, None)
            if existing:
                self._keep(existing, source=indicator)
            else:
                fields = {name: getattr(indicator, name) for name in INDICATOR_FIELDS}
                spec = derive(fields, target.text, self.tags, self._chains(target), self.registries)
                self._create(target, spec, order, source=indicator, year=indicator.year or self.year)
        if not indicators and not current:
            self._create(target, milestone(target.text), 0, source=None, year=self.year)

    def drop_orphans(self) -> None:
        now = timezone.now()
        # only indicators made from a parsed number that is gone; those the office added (no source) stay
        for kpi in Kpi.objects.filter(plan=self.plan, parent__isnull=True, source__isnull=False).exclude(pk__in=self.kept):
            before = snapshot(kpi)
            Kpi.objects.filter(pk=kpi.pk).update(deleted_at=now, deleted_by=self.actor)
            Kpi.objects.filter(parent=kpi).update(deleted_at=now, deleted_by=self.actor)
            kpi.deleted_at, kpi.deleted_by = now, self.actor
            self.audit.append(audit_entry(actor=self.actor, action="delete", obj=kpi, before=before, after=snapshot(kpi)))
            self.counts["deleted"] += 1

    def follow_measures(self) -> None:
        """An indicator the office set on a measure follows the measure to its task's target when a revision
        replaced the target it hung on (its words changed)."""
        moved = Kpi.objects.filter(plan=self.plan, measure__isnull=False, measure__deleted_at__isnull=True,
                                   target__deleted_at__isnull=False, measure__task__target__isnull=False,
                                   measure__task__target__deleted_at__isnull=True)
        for kpi in moved.select_related("measure__task"):
            before = snapshot(kpi)
            Kpi.all_objects.filter(pk=kpi.pk).update(target=kpi.measure.task.target_id)
            Kpi.all_objects.filter(parent=kpi).update(target=kpi.measure.task.target_id)
            kpi.target_id = kpi.measure.task.target_id
            self.audit.append(audit_entry(actor=self.actor, action="update", obj=kpi, before=before, after=snapshot(kpi)))

    @staticmethod
    def _chains(target: Target) -> list[tuple[int, str]]:
        seen = {}
        for task in target.tasks.all():
            for chain in task.chains.all():
                if chain.deleted_at is None and chain.merged_into_id is None:
                    seen[chain.pk] = chain.name
        return list(seen.items())

    def _keep(self, kpi: Kpi, source=None) -> None:
        if source is not None and kpi.source_id != source.pk:
            before = snapshot(kpi)
            kpi.source = source
            kpi.save(update_fields=["source", "updated_at"])
            self.audit.append(audit_entry(actor=self.actor, action="update", obj=kpi, before=before, after=snapshot(kpi)))
        self.kept.add(kpi.pk)
        self.counts["kept"] += 1

    def _create(self, target: Target, spec: Spec, order: int, *, source, year: int) -> None:
        common = {"plan": self.plan, "target": target, "kind": spec.kind, "goal": spec.goal, "unit": spec.unit,
                  "comparator": spec.comparator, "year": year, "due_on": _due(target, year), "stage": spec.stage,
                  "min_amount_wan": spec.min_amount_wan, "period": spec.period, "registry": spec.registry,
                  "registry_filter": spec.registry_filter, "registry_sum": spec.registry_sum,
                  "reporting_unit_id": _lead_unit(target) if spec.kind in (Kind.REPORTED, Kind.MILESTONE) else None}
        kpi = Kpi.objects.create(source=source, text=spec.text[:300], channel=spec.channel, order=order, **common)
        self._created(kpi, spec.chain_ids, spec.tag_ids)
        for position, part in enumerate(spec.parts):
            child = Kpi.objects.create(parent=kpi, text=spec.text[:300], split_label=part.label[:50],
                                       channel=part.channel or spec.channel, order=position, **common)
            self._created(child, [part.chain_id] if part.chain_id else [], part.tag_ids)
        self.kept.add(kpi.pk)

    def _created(self, kpi: Kpi, chain_ids: list[int], tag_ids: list[int]) -> None:
        """A new indicator's chains and tags, and its audit entry."""
        kpi.chains.add(*chain_ids)
        kpi.tags.add(*tag_ids)
        after = {**snapshot(kpi), "chains": list(chain_ids), "tags": list(tag_ids)}
        self.audit.append(audit_entry(actor=self.actor, action="create", obj=kpi, after=after))
        self.counts["created"] += 1


def _due(target: Target, year: int) -> datetime.date:
    """The latest deadline of the target's tasks (month end); the year's end when any is long-term or undated."""
    months = [task.deadline_month for task in target.tasks.all() if task.deleted_at is None]
    if not months or None in months:
        return datetime.date(year, 12, 31)
    last = max(months)
    return last.replace(day=calendar.monthrange(last.year, last.month)[1])


def _lead_unit(target: Target) -> int | None:
    """The lead unit of the first measure of the target's first task: who reports its values."""
    return (Assignment.objects.filter(measure__task__target=target, is_lead=True)
            .order_by("measure__task__sort_key", "measure__ordinal").values_list("unit_id", flat=True).first())

