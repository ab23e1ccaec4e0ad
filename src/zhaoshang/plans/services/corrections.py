"""The office's corrections to a pending upload's parse: checked, saved on the upload, audited; and the previous
import's corrections carried over to a revision of the same plan."""

from collections.abc import Mapping

from django.db import transaction

from zhaoshang.accounts.resolution import resolve_unit_names
from zhaoshang.core.audit import audit_record
from zhaoshang.core.services import require
from zhaoshang.plans.choices import UploadStatus
from zhaoshang.plans.corrections import (
    CorrectionError, correction_key, corrections_apply, corrections_carry_over, form_fields, read_date, read_deadline,
    read_text, shown, split_units,
)
from zhaoshang.plans.errors import PlanError
from zhaoshang.plans.models import NoticeUpload, Plan


class CorrectionsInvalid(PlanError):
    """Some typed values cannot be used: `errors` maps each form name to its Chinese message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(f"有{len(errors)}处更正无法保存，请按提示修改（填写的内容均已保留）。")
        self.errors = errors


def previous_corrections(plan: Plan) -> list[dict]:
    """The corrections the plan was last imported with (the plan keeps them on its applied upload)."""
    upload = plan.uploads.filter(status=UploadStatus.APPLIED).order_by("-uploaded_at", "-id").only("corrections").first()
    return list(upload.corrections or []) if upload else []


def corrections_carried(*, plan: Plan | None, parsed: dict) -> tuple[list[dict], list[dict]]:
    """For a revision's parse: the plan's earlier corrections that still apply, and those the revision changed."""
    if plan is None:
        return [], []
    return corrections_carry_over(previous_corrections(plan), parsed)


@transaction.atomic
def upload_corrections_save(*, upload: NoticeUpload, actor, data: Mapping[str, str]) -> list[dict]:
    """Read the correction form (fields not posted keep their state), check every value, save and audit.

    A field typed back to what the parser read drops its correction. Raises CorrectionsInvalid, saving nothing,
    when any value cannot be used.
    """
    require(actor, "manage")
    upload = NoticeUpload.objects.select_for_update().get(pk=upload.pk)
    if upload.status != UploadStatus.PENDING:
        raise PlanError("该文件已处理过，请重新上传。")
    before = list(upload.corrections or [])
    current = {correction_key(c): c for c in before}
    reader = _Reader(upload.parsed, data)
    result, errors = {}, {}
    for spec in form_fields(upload.parsed):
        key = correction_key(spec)
        if spec["name"] not in data:
            if key in current:
                result[key] = current[key]
            continue
        typed = data[spec["name"]].replace("\r\n", "\n").strip()
        old = current.get(key)
        if old and typed == old["typed"]:
            result[key] = old
            continue
        if typed == shown(spec["field"], spec["parsed"]).strip():
            continue
        try:
            value, extra = reader.read(spec, typed)
        except CorrectionError as error:
            errors[spec["name"]] = str(error)
            continue
        if value != spec["parsed"]:
            result[key] = {k: spec[k] for k in ("field", "task", "measure", "anchor", "parsed")} | {
                "value": value, "typed": typed, "carried": False, **extra}
    if errors:
        raise CorrectionsInvalid(errors)
    after = list(result.values())
    if after != before:
        upload.corrections = after
        upload.save(update_fields=["corrections"])
        audit_record(actor=actor, action="correct", obj=upload, before={"corrections": before}, after={"corrections": after})
    return after


class _Reader:
    """Turns one typed field into its value; unit names are resolved once for the whole form."""

    def __init__(self, parsed: dict, data: Mapping[str, str]):
        self.parsed = parsed
        date = data.get("fix:date", parsed.get("date") or "")
        try:
            self.year = int(read_date(date.strip())[:4]) if date.strip() else None
        except CorrectionError:
            self.year = int(parsed["date"][:4]) if parsed.get("date") else None
        self.known = {u for t in parsed["tasks"] for m in t["measures"] for u in m["units"]}  # the notice's own names
        self.resolutions = {}

    def read(self, spec: dict, typed: str):
        field = spec["field"]
        if field == "date":
            return read_date(typed), {}
        if field == "deadline":
            deadline = read_deadline(typed, self.year)
            return deadline["value"], {"due_date": deadline["due_date"]}
        if field == "units":
            return self._units(typed), {}
        return read_text(field, typed, spec["parsed"]), {}

    def _units(self, typed: str) -> list[str]:
        """Names the notice itself uses pass (unresolved ones are mapped above the table); others must be a unit."""
        names = split_units(typed)
        if not names:
            raise CorrectionError("请至少填写一个责任单位（牵头单位在前，用“、”分隔）")
        new = [n for n in names if n not in self.known and n not in self.resolutions]
        if new:
            self.resolutions.update(resolve_unit_names(new))
        for name in names:
            found = self.resolutions.get(name)
            if name in self.known or found.how == "exact":
                continue
            guess = found.unit or (found.suggestions[0][0] if found.suggestions else None)
            hint = f"，是否为“{guess.display_name}”？" if guess else "，请填写已有单位的名称或简称"
            raise CorrectionError(f"未找到单位“{name}”{hint}")
        return names


def corrected_parse(upload: NoticeUpload) -> dict:
    """The upload's parse with the office's corrections written in: what the preview shows and the import saves."""
    return corrections_apply(upload.parsed, upload.corrections)
