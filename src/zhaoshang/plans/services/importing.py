"""Importing a notice: upload and parse (nothing saved on bad input), then apply to a new or existing plan
in one transaction. A revised notice updates the plan in place: rows are matched (tasks by number,
measures by text, then position, assignments by unit) so everything reported against them is kept; rows the
revision drops are soft-deleted, never lost."""

import datetime
import hashlib
from collections import Counter
from decimal import Decimal

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.accounts.resolution import resolve_unit_names
from zhaoshang.accounts.services import unit_alias_add, unit_create
from zhaoshang.kpis.services.sync import kpis_sync
from zhaoshang.core.audit import audit_entry, audit_save_many, audit_record, snapshot
from zhaoshang.core.models import AuditLog
from zhaoshang.core.services import require
from zhaoshang.notices import parse_bytes
from zhaoshang.plans.choices import UploadStatus
from zhaoshang.plans.corrections import corrections_apply
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.matching import match_measures
from zhaoshang.plans.short_titles import derive_short_title
from zhaoshang.registries.services import registries_bind
from zhaoshang.plans.services.corrections import corrections_carried
from zhaoshang.plans.models import Assignment, Chain, ChainLink, Focus, Indicator, Measure, NoticeUpload, Plan, Target, Task

CREATE_UNIT = "create"


def notice_names(parsed: dict) -> list[str]:
    """Every unit name the notice uses, in order of first appearance."""
    names = [u for task in parsed["tasks"] for measure in task["measures"] for u in measure["units"]]
    names += [c["lead_unit"] for c in parsed.get("chains", []) if c.get("lead_unit")]
    return list(dict.fromkeys(names))


@transaction.atomic
def notice_upload(*, actor, filename: str, data: bytes, plan: Plan | None = None) -> NoticeUpload:
    """Parse an uploaded notice and keep the original; raises NoticeError (nothing saved) on bad input."""
    require(actor, "manage")
    parsed = parse_bytes(data, filename).to_dict()
    digest = hashlib.sha256(data).hexdigest()
    carried, _ = corrections_carried(plan=plan, parsed=parsed)  # the office's earlier corrections still needed
    upload = NoticeUpload(plan=plan, filename=filename[:255], sha256=digest, size=len(data), parsed=parsed,
                          corrections=carried, uploaded_by=actor)
    upload.file.save(f"{digest[:16]}-{filename[-80:]}", ContentFile(data), save=False)
    upload.save()
    audit_record(actor=actor, action="upload", obj=upload, after={
        "filename": filename, "sha256": digest, "plan": plan and plan.pk, "corrections_carried": carried})
    return upload


@transaction.atomic
def notice_apply(*, upload: NoticeUpload, actor, unit_choices: dict[str, str] | None = None) -> Plan:
    """Save the upload's parse as a plan (or into `upload.plan`), resolving every unit name first.

    `unit_choices` maps each name that does not resolve to a unit id, or to CREATE_UNIT for a new unit.
    Names mapped by the office become aliases, so the next import resolves them by itself.
    """
    require(actor, "manage")
    upload = NoticeUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.status != UploadStatus.PENDING:
        raise PlanError("该文件已处理过，请重新上传。")
    parsed = corrections_apply(upload.parsed, upload.corrections)  # the office's corrections, audited when saved
    units = _units_for_names(parsed, unit_choices or {}, actor)
    plan = upload.plan
    importer = _PlanWriter(actor, units)
    if plan is None:
        plan = importer.create_plan(parsed)
    else:
        plan = Plan.objects.select_for_update().get(pk=plan.pk)
        if plan.is_archived:
            raise PlanError("该任务清单已归档，不能再导入修订。")
        importer.update_header(plan, parsed)
    importer.write_tree(plan, parsed)
    upload.plan = plan
    upload.status = UploadStatus.APPLIED
    upload.save(update_fields=["plan", "status"])
    summary = {"upload": upload.pk, "corrections": len(upload.corrections or []), **importer.counts}
    importer.audit.append(audit_entry(actor=actor, action="import", obj=plan, after=summary))
    audit_save_many(importer.audit)
    kpis_sync(plan=plan, actor=actor)
    registries_bind(actor=actor, plan=plan)  # the registries the notice orders: bound to their measures and units
    return plan


@transaction.atomic
def notice_discard(*, upload: NoticeUpload, actor) -> None:
    """Drop a previewed upload without importing it."""
    require(actor, "manage")
    if upload.status == UploadStatus.PENDING:
        upload.status = UploadStatus.DISCARDED
        upload.save(update_fields=["status"])
        audit_record(actor=actor, action="discard", obj=upload)


def _units_for_names(parsed: dict, choices: dict[str, str], actor) -> dict[str, Unit]:
    units, missing = {}, []
    for name, resolution in resolve_unit_names(notice_names(parsed)).items():
        choice = choices.get(name, "")
        if choice == CREATE_UNIT:
            units[name] = unit_create(actor=actor, name=name)
        elif choice:
            unit = Unit.objects.filter(pk=choice).first()
            if unit is None:
                raise PlanError(f"单位“{name}”选择的对应单位不存在。")
            unit_alias_add(actor=actor, unit=unit, alias=name)
            units[name] = unit
        elif resolution.resolved:
            if resolution.how == "fuzzy":
                unit_alias_add(actor=actor, unit=resolution.unit, alias=name)
            units[name] = resolution.unit
        else:
            missing.append(name)
    if missing:
        raise PlanError("以下单位未能识别，请逐一对应到已有单位或新建：" + "、".join(missing))
    return units


def _sort_key(number: str, fallback: int) -> int:
    return int(number) if number.isdigit() else 1000 + fallback


class _PlanWriter:
    """Writes one parse into a plan, matching existing rows and collecting the audit entries."""

    def __init__(self, actor, units: dict[str, Unit]):
        self.actor, self.units = actor, units
        self.audit: list[AuditLog] = []
        self.counts = {"created": 0, "updated": 0, "deleted": 0}

    # -- row helpers -------------------------------------------------------------------------------
    def _create(self, model, **fields):
        obj = model.objects.create(**fields)
        self.counts["created"] += 1
        self.audit.append(audit_entry(actor=self.actor, action="create", obj=obj, after=snapshot(obj)))
        return obj

    def _update(self, obj, **fields):
        changed = {k: v for k, v in fields.items() if getattr(obj, k) != v}
        if changed:
            before = snapshot(obj)
            for key, value in changed.items():
                setattr(obj, key, value)
            obj.save(update_fields=list(changed))
            self.counts["updated"] += 1
            self.audit.append(audit_entry(actor=self.actor, action="update", obj=obj, before=before, after=snapshot(obj)))
        return obj

    def _delete(self, obj):
        before = snapshot(obj)
        obj.deleted_at, obj.deleted_by = timezone.now(), self.actor
        obj.save(update_fields=["deleted_at", "deleted_by"])
        self.counts["deleted"] += 1
        self.audit.append(audit_entry(actor=self.actor, action="delete", obj=obj, before=before, after=snapshot(obj)))

    # -- plan ----------------------------------------------------------------------------------------
    @staticmethod
    def _header(parsed: dict) -> dict:
        date = parsed.get("date")
        return {
            "title": (parsed.get("title") or "未命名任务清单")[:200],
            "notice_title": (parsed.get("notice_title") or "")[:300],
            "issuer": (parsed.get("issuer") or "")[:100],
            "doc_number": (parsed.get("doc_number") or "")[:100],
            "issued_on": datetime.date.fromisoformat(date) if date else None,
        }

    def create_plan(self, parsed: dict) -> Plan:
        return self._create(Plan, **self._header(parsed))

    def update_header(self, plan: Plan, parsed: dict) -> None:
        self._update(plan, **self._header(parsed))

    def write_tree(self, plan: Plan, parsed: dict) -> None:
        focuses = self._write_focuses(plan, parsed)
        targets = self._write_targets(plan, parsed, focuses)
        tasks = self._write_tasks(plan, parsed, focuses, targets)
        self._write_chains(plan, parsed, tasks)

    def _write_focuses(self, plan, parsed) -> dict[str, Focus]:
        names = list(dict.fromkeys(t.get("focus") or "" for t in parsed["tasks"]))
        existing = {f.name: f for f in plan.focuses.all()}
        result = {}
        for order, name in enumerate(n for n in names if n):
            focus = existing.pop(name, None)
            result[name] = self._update(focus, order=order) if focus else self._create(Focus, plan=plan, name=name[:100], order=order)
        for focus in existing.values():
            self._delete(focus)
        return result

    def _write_targets(self, plan, parsed, focuses) -> dict[str, Target]:
        existing = {t.text: t for t in plan.targets.filter(by_office=False).prefetch_related("indicators")}
        result, order = {}, 0
        for task in parsed["tasks"]:
            text = task.get("target") or ""
            if not text or text in result:
                continue
            focus = focuses.get(task.get("focus") or "")
            target = existing.pop(text, None)
            if target:
                self._update(target, focus=focus, order=order)
            else:
                target = self._create(Target, plan=plan, focus=focus, text=text, order=order)
            self._write_indicators(target, task.get("indicators") or [])
            result[text], order = target, order + 1
        for target in existing.values():
            self._delete(target)
        return result

    def _write_indicators(self, target: Target, indicators: list[dict]) -> None:
        wanted = [self._indicator_fields(i, order) for order, i in enumerate(indicators)]
        current = list(target.indicators.all())
        keys = ("text", "value", "unit", "comparator", "year", "per", "items", "min_amount_wan")
        if [tuple(vars(c)[k] for k in keys) for c in current] == [tuple(w[k] for k in keys) for w in wanted]:
            return
        for indicator in current:
            self._delete(indicator)
        for fields in wanted:
            self._create(Indicator, target=target, **fields)

    @staticmethod
    def _indicator_fields(ind: dict, order: int) -> dict:
        minimum = ind.get("min_amount") or None
        min_wan = None
        if minimum:
            factor = Decimal(10000) if minimum.get("unit") == "亿元" else Decimal(1)
            min_wan = (Decimal(str(minimum["value"])) * factor).quantize(Decimal("0.01"))
        return {
            "text": (ind.get("text") or "")[:300],
            "value": Decimal(str(ind["value"])).quantize(Decimal("0.0001")),
            "unit": (ind.get("unit") or "")[:10],
            "comparator": ind.get("comparator") or ">=",
            "year": ind.get("year"),
            "per": ind.get("per") or "",
            "items": ind.get("items") or [],
            "min_amount_wan": min_wan,
            "order": order,
        }

    def _write_tasks(self, plan, parsed, focuses, targets) -> dict[str, Task]:
        existing = {t.number: t for t in plan.tasks.all()}
        result = {}
        shared = Counter(item.get("target") for item in parsed["tasks"] if item.get("target"))
        for index, item in enumerate(parsed["tasks"]):
            fields = {
                "focus": focuses.get(item.get("focus") or ""),
                "target": targets.get(item.get("target") or ""),
                "sort_key": _sort_key(item["number"], index),
                **Task.deadline_fields(item.get("deadline")),
            }
            task = existing.pop(item["number"], None)
            if fields["target"] is None and task is not None and task.target_id and task.target.by_office:
                fields["target"] = task.target  # the office's own target of a task the notice gives none survives
            if task is None or not task.short_title_by_office:  # the office's own name survives a revision
                fields["short_title"] = derive_short_title(
                    measures=[m["text"] for m in item["measures"]], target=item.get("target") or "",
                    focus=item.get("focus") or "", shared_target=shared[item.get("target")] > 1)
            task = self._update(task, **fields) if task else self._create(Task, plan=plan, number=item["number"][:20], **fields)
            self._write_measures(task, item["measures"])
            result[task.number] = task
        for task in existing.values():
            self._delete(task)
        return result

    def _write_measures(self, task: Task, measures: list[dict]) -> None:
        existing = list(task.measures.prefetch_related("assignments"))
        pairs = match_measures([m.text for m in existing], [m["text"] for m in measures])
        for ordinal, (item, paired) in enumerate(zip(measures, pairs), start=1):
            if paired is None:
                measure = self._create(Measure, task=task, ordinal=ordinal, text=item["text"])
            else:
                measure = self._update(existing[paired], ordinal=ordinal, text=item["text"])
            self._write_assignments(measure, item["units"])
        for index in sorted(set(range(len(existing))) - set(pairs)):
            self._delete(existing[index])

    def _write_assignments(self, measure: Measure, names: list[str]) -> None:
        existing = {a.unit_id: a for a in measure.assignments.all()}
        seen = set()
        for order, name in enumerate(names):
            unit = self.units[name]
            if unit.pk in seen:  # the same unit named twice under two names
                continue
            seen.add(unit.pk)
            assignment = existing.pop(unit.pk, None)
            fields = {"is_lead": order == 0, "order": order}
            if assignment:
                self._update(assignment, **fields)
            else:
                self._create(Assignment, measure=measure, unit=unit, **fields)
        for assignment in existing.values():
            self._delete(assignment)

    def _write_chains(self, plan, parsed, tasks) -> None:
        existing = {c.name: c for c in plan.chains.filter(merged_into__isnull=True).prefetch_related("links")}
        for order, item in enumerate(parsed.get("chains") or []):
            fields = {
                "category": (item.get("category") or "")[:30],
                "is_future": bool(item.get("future")),
                "task": tasks.get(str(item.get("task"))),
                "lead_unit": self.units.get(item.get("lead_unit") or ""),
                "order": order,
            }
            chain = existing.pop(item["name"], None)
            chain = self._update(chain, **fields) if chain else self._create(Chain, plan=plan, name=item["name"][:50], **fields)
            self._write_links(chain, item.get("links") or [], item.get("weak_links") or [])
        # Chains the office added by hand stay; chains dropped by the revision are not deleted silently
        # either: the office merges or deletes them on the chains page.

    def _write_links(self, chain: Chain, links: list[str], weak: list[str]) -> None:
        wanted = [(name[:50], False, order) for order, name in enumerate(links)]
        wanted += [(name[:50], True, order) for order, name in enumerate(weak)]
        current = [(link.name, link.is_weak, link.order) for link in chain.links.all()]
        if current == sorted(wanted, key=lambda w: (w[1], w[2])):
            return
        before = current
        chain.links.all().delete()
        ChainLink.objects.bulk_create(ChainLink(chain=chain, name=n, is_weak=w, order=o) for n, w, o in wanted)
        self.audit.append(audit_entry(actor=self.actor, action="update_links", obj=chain, before=before, after=wanted))
