"""Creating many projects at once (the ledger import): the checks of project_create, written in bulk.

Each item goes through `project_build` (scope, name, amounts, dates, choices, Model.clean), its enterprise is found
the way `enterprise_for` finds one and a duplicate is refused as `similar_project` refuses it; only the writes are
batched: enterprises, projects, their links, first stage changes and audit entries are inserted in a few statements
per table instead of ~15 queries per project.
"""

from dataclasses import dataclass
from operator import attrgetter

from django.db import connections, router, transaction
from django.db.models import Model
from django.utils import timezone

from zhaoshang.core.audit import audit_chain, audit_entry, snapshot
from zhaoshang.core.chunks import chunks
from zhaoshang.core.models import AuditLog
from zhaoshang.projects.credit_code import credit_code_error
from zhaoshang.projects.errors import PossibleDuplicate, ProjectError
from zhaoshang.projects.links import enterprise_links
from zhaoshang.projects.models import Enterprise, Project, StageChange
from zhaoshang.projects.search import index_enterprises, index_projects
from zhaoshang.projects.services.projects import ProjectInput, names_similar, project_build
from zhaoshang.projects.tally_triggers import projects_insert_tallied

CHUNK = 500  # values per IN (...) when preloading


def _live_projects_of(enterprise_ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    """(name, id) of each enterprise's live projects: the link table read first, then the projects by key."""
    links: dict[int, list[int]] = {}
    for enterprise_id, project_id in enterprise_links(enterprise_ids):
        links.setdefault(project_id, []).append(enterprise_id)
    projects: dict[int, list[tuple[str, int]]] = {}
    for part in chunks(sorted(links), CHUNK):
        for pk, name in Project.objects.filter(pk__in=part).values_list("pk", "name"):
            for enterprise_id in links[pk]:
                projects.setdefault(enterprise_id, []).append((name, pk))
    return projects


@dataclass(eq=False)
class BatchEnterprise:
    """An enterprise as a batch sees it (a model instance costs more than checking a whole row): one in the database,
    or one the batch creates, which gets its `pk` once inserted."""

    name: str
    credit_code: str
    pk: int | None = None


class ProjectBatch:
    """Enterprises and their live projects for many (enterprise name, credit code) pairs, loaded in a few queries;
    resolves each pair as enterprise_for would (without writing) and finds duplicates in the database and the batch.
    More pairs may be loaded later (a file checked a chunk at a time): the batch's own enterprises and projects stay."""

    def __init__(self, pairs: list[tuple[str, str]] = ()):
        self.loaded: dict[int, BatchEnterprise] = {}  # the enterprises found in the database, by id
        self.by_code: dict[str, BatchEnterprise] = {}
        self.by_name: dict[str, BatchEnterprise] = {}
        self.projects: dict[int, list[tuple[str, int]]] = {}
        self.new: list[BatchEnterprise] = []
        self.coded: list[BatchEnterprise] = []  # in the database, found by name: the batch gives them their credit code
        self.pending: dict[int, list[tuple[str, str]]] = {}  # id(enterprise) → (project name, label) of the batch
        self._looked_up: set[tuple[str, str]] = set()
        self.load(pairs)

    def load(self, pairs: list[tuple[str, str]]) -> None:
        """Look up the enterprises of the pairs by credit code and name (those not looked up before), with their
        live projects."""
        wanted = {("credit_code", code.strip().upper()) for _, code in pairs if code and code.strip()}
        wanted |= {("name", name.strip()) for name, _ in pairs if name and name.strip()}
        wanted -= self._looked_up
        self._looked_up |= wanted
        found: dict[int, BatchEnterprise] = {}
        for column in ("credit_code", "name"):
            for part in chunks(sorted(value for looked, value in wanted if looked == column), CHUNK):
                for pk, name, code in Enterprise.objects.filter(**{f"{column}__in": part}).values_list("pk", "name", "credit_code"):
                    found[pk] = self.loaded.get(pk) or BatchEnterprise(name=name, credit_code=code, pk=pk)
        fresh = sorted(pk for pk in found if pk not in self.loaded)
        self.loaded.update(found)
        self.projects.update(_live_projects_of(fresh))
        for pk in fresh:
            if found[pk].credit_code:
                self.by_code.setdefault(found[pk].credit_code, found[pk])
        names = {value for looked, value in wanted if looked == "name"}
        for enterprise in sorted(found.values(), key=lambda e: (e.name, e.pk)):  # enterprise_for takes the first by name
            if enterprise.name in names:  # looked up by name now: no pair has been resolved by it yet
                self.by_name[enterprise.name] = enterprise
                names.discard(enterprise.name)
            else:
                self.by_name.setdefault(enterprise.name, enterprise)

    def enterprise(self, name: str, credit_code: str) -> BatchEnterprise:
        """The enterprise for the pair, existing or new (shared by every item naming it); ProjectError if the name
        is missing or the credit code is wrong."""
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
                if found.pk is not None:  # a new one is inserted with it
                    self.coded.append(found)
            return found
        enterprise = BatchEnterprise(name=name, credit_code=credit_code)
        self.new.append(enterprise)
        if credit_code:
            self.by_code[credit_code] = enterprise
        self.by_name.setdefault(name, enterprise)
        return enterprise

    def duplicate(self, enterprise: BatchEnterprise, name: str) -> tuple[str, object] | None:
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

    def remember(self, enterprise: BatchEnterprise, name: str, label: str) -> None:
        self.pending.setdefault(id(enterprise), []).append((name, label))


def _is_stamp(field) -> bool:
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def _column(field, values: list, connection) -> list:
    """A column's values as the database takes them, each converted by the field as bulk_create converts it."""
    first = values[0]
    if all(value is first for value in values):  # a default, a timestamp, the actor: convert once
        return [field.get_db_prep_save(first, connection)] * len(values)
    return [field.get_db_prep_save(value, connection) for value in values]


def _insert(model: type[Model], columns: dict[str, list], *, returning_ids: bool = False) -> list:
    """INSERT rows given column by column (attname → one value per row) in a few statements, without bulk_create's
    per-value SQL compiling (most of its cost at 10,000 rows). A field not given takes its default on every row, an
    auto_now one the time now. Returns the new primary keys in row order if asked."""
    count = len(next(iter(columns.values())))
    if not count:
        return []
    connection, meta, now = connections[router.db_for_write(model)], model._meta, timezone.now()
    fields = [field for field in meta.concrete_fields if not field.primary_key]
    given = [columns[field.attname] if field.attname in columns else [now if _is_stamp(field) else field.get_default()] * count
             for field in fields]
    rows = list(zip(*(_column(field, values, connection) for field, values in zip(fields, given))))
    quote = connection.ops.quote_name
    head = f"INSERT INTO {quote(meta.db_table)} ({', '.join(quote(field.column) for field in fields)}) VALUES "
    returning = " " + connection.ops.return_insert_columns([meta.pk])[0] if returning_ids else ""
    placeholders = "(" + ", ".join(["%s"] * len(fields)) + ")"
    size = (connection.features.max_query_params or 65535) // len(fields)  # PostgreSQL's limit where none is stated
    pks = []
    with connection.cursor() as cursor:
        for start in range(0, count, size):
            batch = rows[start:start + size]
            cursor.execute(head + ", ".join([placeholders] * len(batch)) + returning, [value for row in batch for value in row])
            if returning_ids:
                pks.extend(pk for pk, in connection.ops.fetch_returned_insert_rows(cursor))
    return pks


def _insert_objects(model: type[Model], objs: list[Model]) -> list[int]:
    """INSERT unsaved instances with `_insert`: they get their primary key (returned), and one timestamp in auto_now
    fields; other fields are written as they are (no file field here, which would save its file first)."""
    now, alias = timezone.now(), router.db_for_write(model)
    stamps = [field.attname for field in model._meta.concrete_fields if _is_stamp(field)]
    for obj in objs:
        for name in stamps:
            setattr(obj, name, now)
    names = [field.attname for field in model._meta.concrete_fields if not field.primary_key]
    pks = _insert(model, dict(zip(names, map(list, zip(*map(attrgetter(*names), objs))))), returning_ids=True)
    for obj, pk in zip(objs, pks):
        obj.pk = pk
        obj._state.adding, obj._state.db = False, alias
    return pks


@transaction.atomic
def projects_create_many(*, actor, items: list[ProjectInput]) -> list[Project]:
    """Create every item or none: ProjectError, PossibleDuplicate or PermissionDenied for the first item refused."""
    batch = ProjectBatch([(item.enterprise_name, item.credit_code) for item in items])
    projects, enterprises = _built(actor, items, batch)
    _insert_enterprises(batch)
    projects_insert_tallied(lambda: _insert_objects(Project, projects))
    _insert_related(actor, items, projects, enterprises)
    # new enterprises, and those found by name that got a credit code (their other searched fields read again)
    index_enterprises([*batch.new, *Enterprise.objects.filter(pk__in=[e.pk for e in batch.coded])])
    index_projects(projects)
    return projects


def _built(actor, items: list[ProjectInput], batch: ProjectBatch) -> tuple[list[Project], list[BatchEnterprise]]:
    """Each item's unsaved project and its enterprise; raises for the first item refused."""
    today = timezone.localdate()
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
    return projects, enterprises


def _insert_enterprises(batch: ProjectBatch) -> None:
    """The batch's new enterprises, which get their ids; the credit codes it gives to enterprises found by name."""
    new = {"name": [e.name for e in batch.new], "credit_code": [e.credit_code for e in batch.new]}
    for enterprise, pk in zip(batch.new, _insert(Enterprise, new, returning_ids=True)):
        enterprise.pk = pk
    for enterprise in batch.coded:  # rare: an enterprise entered by name alone, then named with its code
        Enterprise.objects.filter(pk=enterprise.pk).update(credit_code=enterprise.credit_code)


def _insert_related(actor, items: list[ProjectInput], projects: list[Project], enterprises: list[BatchEnterprise]) -> None:
    """Each saved project's enterprise and tags, its first stage change and its audit entry."""
    ids = [project.pk for project in projects]
    _insert(Project.enterprises.through, {"project_id": ids, "enterprise_id": [enterprise.pk for enterprise in enterprises]})
    tagged = [(project.pk, tag.pk) for project, item in zip(projects, items) for tag in dict.fromkeys(item.tags)]
    _insert(Project.tags.through, {"project_id": [pk for pk, _ in tagged], "tag_id": [pk for _, pk in tagged]})
    _insert(StageChange, {"project_id": ids, "to_stage": [p.stage for p in projects], "happened_on": [p.stage_since for p in projects],
                          "actor_id": [actor.pk] * len(ids), "note": ["录入"] * len(ids)})
    _insert_objects(AuditLog, audit_chain([
        audit_entry(actor=actor, action="create", obj=p, after={**snapshot(p), "enterprise": e.pk, "tags": [t.pk for t in item.tags]})
        for p, e, item in zip(projects, enterprises, items)]))
