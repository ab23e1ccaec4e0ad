"""Creating many projects at once (the ledger import): the checks of project_create, written in bulk.

Each item goes through `project_build` (scope, name, amounts, dates, Model.clean), its enterprise is found the
way `enterprise_for` finds one and a duplicate is refused as `similar_project` refuses it; only the writes are
batched: enterprises, projects, their links, first stage changes and audit entries are bulk-created in a few
queries instead of ~15 per project.
"""

from django.db import transaction
from django.utils import timezone

from zhaoshang.core.audit import audit_entry, snapshot
from zhaoshang.core.models import AuditLog
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.errors import PossibleDuplicate, ProjectError
from zhaoshang.projects.models import Enterprise, Project, StageChange
from zhaoshang.projects.services.projects import ProjectInput, names_similar, project_build

CHUNK = 500  # values per IN (...) when preloading


def _chunks(values: list, size: int = CHUNK):
    for start in range(0, len(values), size):
        yield values[start:start + size]


class ProjectBatch:
    """Enterprises and their live projects for many (enterprise name, credit code) pairs, loaded in a few queries;
    resolves each pair as enterprise_for would (without writing) and finds duplicates in the database and the batch."""

    def __init__(self, pairs: list[tuple[str, str]]):
        codes = sorted({code.strip().upper() for _, code in pairs if code and code.strip()})
        names = sorted({name.strip() for name, _ in pairs if name and name.strip()})
        found: dict[int, Enterprise] = {}
        for part in _chunks(codes):
            found.update((e.pk, e) for e in Enterprise.objects.filter(credit_code__in=part))
        for part in _chunks(names):
            found.update((e.pk, e) for e in Enterprise.objects.filter(name__in=part))
        self.by_code = {e.credit_code: e for e in found.values() if e.credit_code}
        self.by_name: dict[str, Enterprise] = {}
        for enterprise in sorted(found.values(), key=lambda e: (e.name, e.pk)):  # enterprise_for takes the first by name
            self.by_name.setdefault(enterprise.name, enterprise)
        self.projects: dict[int, list[tuple[str, object]]] = {}
        for part in _chunks(sorted(found)):
            for enterprise_id, pk, name in Project.objects.filter(enterprises__in=part).values_list("enterprises", "pk", "name"):
                self.projects.setdefault(enterprise_id, []).append((name, pk))
        self.new: list[tuple[str, str, Enterprise]] = []  # unsaved enterprises this batch creates
        self.coded: list[Enterprise] = []  # found by name; the batch gives them their credit code
        self.pending: dict[int, list[tuple[str, str]]] = {}  # id(enterprise) → (project name, label) of the batch

    def enterprise(self, name: str, credit_code: str) -> Enterprise:
        """The enterprise for the pair, existing or new (unsaved, shared by every item naming it); ProjectError if
        the name is missing or the credit code is wrong."""
        name, credit_code = name.strip(), credit_code.strip().upper()
        if not name:
            raise ProjectError("请填写投资企业名称")
        if credit_code:
            error = credit_code_error(credit_code)
            if error:
                raise ProjectError(error)
            if credit_code in self.by_code:
                return self.by_code[credit_code]
        found = self.by_name.get(name)
        if found is not None and (not credit_code or not found.credit_code):
            if credit_code and not found.credit_code:
                found.credit_code = credit_code
                self.by_code[credit_code] = found
                self.coded.append(found)
            return found
        enterprise = Enterprise(name=name, credit_code=credit_code)
        self.new.append((name, credit_code, enterprise))
        if credit_code:
            self.by_code[credit_code] = enterprise
        self.by_name.setdefault(name, enterprise)
        return enterprise

    def duplicate(self, enterprise: Enterprise, name: str) -> tuple[str, object] | None:
        """(name, project id) of a live project of the enterprise, or (name, label) of an earlier batch item,
        similar to `name`; None if there is none."""
        if enterprise.pk:
            for existing, pk in self.projects.get(enterprise.pk, []):
                if names_similar(existing, name):
                    return existing, pk
        for existing, label in self.pending.get(id(enterprise), []):
            if names_similar(existing, name):
                return existing, label
        return None

    def remember(self, enterprise: Enterprise, name: str, label: str) -> None:
        self.pending.setdefault(id(enterprise), []).append((name, label))


@transaction.atomic
def projects_create_many(*, actor, items: list[ProjectInput]) -> list[Project]:
    """Create every item or none: ProjectError, PossibleDuplicate or PermissionDenied for the first item refused."""
    today = timezone.localdate()
    batch = ProjectBatch([(item.enterprise_name, item.credit_code) for item in items])
    projects, enterprises = [], []
    for number, item in enumerate(items, 1):
        project = project_build(actor=actor, data=item, today=today, check_links=False)
        enterprise = batch.enterprise(item.enterprise_name, item.credit_code)
        duplicate = batch.duplicate(enterprise, project.name)
        if duplicate and isinstance(duplicate[1], int):
            raise PossibleDuplicate(Project.objects.get(pk=duplicate[1]))
        if duplicate:
            raise ProjectError(f"与{duplicate[1]}重复：同一投资企业的相似项目“{duplicate[0]}”")
        batch.remember(enterprise, project.name, f"本批第{number}项")
        projects.append(project)
        enterprises.append(enterprise)
    Enterprise.objects.bulk_create([enterprise for _, _, enterprise in batch.new])
    Enterprise.objects.bulk_update(batch.coded, ["credit_code"])
    Project.objects.bulk_create(projects)
    investors, tagged = Project.enterprises.through, Project.tags.through  # (id, project_id, other_id), built positionally
    investors.objects.bulk_create([investors(None, p.pk, e.pk) for p, e in zip(projects, enterprises)])
    tagged.objects.bulk_create([tagged(None, p.pk, tag.pk) for p, item in zip(projects, items) for tag in dict.fromkeys(item.tags)])
    StageChange.objects.bulk_create(  # ids, not instances: the related-object descriptors cost more than the insert
        [StageChange(project_id=p.pk, to_stage=p.stage, happened_on=p.stage_since, actor_id=actor.pk, note="录入") for p in projects])
    AuditLog.objects.bulk_create([
        audit_entry(actor=actor, action="create", obj=p, after={**snapshot(p), "enterprise": e.pk, "tags": [t.pk for t in item.tags]})
        for p, e, item in zip(projects, enterprises, items)])
    return projects
