"""Synthetic pipeline data for bench/kpi.py, shaped by what the indicators filter on: the demo city's plan (its
notice imported through the real importer, so the Qianjiang indicator set is the real one), projects across its 17
chains and the services group, tags with the demo's per-chain chances, the demo's channels and channel details
(楚商回乡, platforms, funds, SOEs …), amounts in the demo's bands (straddling 10000万元), signed / registered /
started / producing dates spread over several years, some terminated (dated), some stalled, and some that moved back
and lost a counted stage (StageRetreat rows).

Rows go in with executemany (three times the speed of bulk_create, which spends its time building model instances):
1M projects in about six minutes. Columns the generator does not set take the model
field's default, so new nullable or defaulted columns need no change here."""

import datetime
import random

from django.db import connection, transaction

from pipeline_data import CHUNK
from zhaoshang.accounts.models import User
from zhaoshang.demo.kpis import KpiWriter
from zhaoshang.demo.loader import demo_load
from zhaoshang.demo.models import DemoInstall
from zhaoshang.demo.projects import DATA as DEMO
from zhaoshang.plans.models import Chain, Plan
from zhaoshang.projects.choices import REACHED, STAGE_INDEX, Stage, State
from zhaoshang.projects.models import Enterprise, Project, StageRetreat, Tag
from zhaoshang.projects.tagging import tag_bits

FIRST_DAY = datetime.date(2021, 1, 1)
LAST_DAY = datetime.date(2026, 6, 30)  # stage dates spread over five and a half years
STAGE_WEIGHTS = {Stage.LEAD: 12, Stage.NEGOTIATING: 20, Stage.SIGNED: 16, Stage.REGISTERED: 12, Stage.PERMITTING: 10,
                 Stage.STARTED: 18, Stage.PRODUCING: 12}
# days from one stage to the next: signed → registered → permitting → started → producing
STEP_DAYS = {Stage.REGISTERED: (0, 60), Stage.PERMITTING: (20, 90), Stage.STARTED: (30, 200),
             Stage.PRODUCING: (150, 420)}
TERMINATED, STALLED = 0.05, 0.08
RETREATED = 0.06  # of the projects at 签约: moved back to 洽谈, their signing kept as a StageRetreat row
CREATED = "2026-07-01 09:00:00"
DEMO_TODAY = datetime.date(2025, 12, 31)  # the demo's indicators are written as of this day: all of them are 2025's


def base_rows():
    """The demo's units, tags, accounts and plan (with its indicators: the notice's, the office's accepted suggestions
    and the ones it defined, as the demo writes them for DEMO_TODAY), loaded once; returns what projects need."""
    if not DemoInstall.objects.exists():
        demo_load(password="Bench-Only-2025!")
        plan, office = Plan.objects.get(), User.objects.get(username="office")
        KpiWriter(plan, office, DEMO_TODAY).write()
    plan = Plan.objects.get()
    office = User.objects.get(username="office")
    chains = list(Chain.objects.filter(plan=plan, merged_into__isnull=True).order_by("order"))
    return plan, office, chains, {tag.name: tag.pk for tag in Tag.objects.all()}


class _Generator:
    """One project at a time as a {column: value} dict, its tag ids and maybe a lost stage."""

    def __init__(self, base, seed: int):
        _plan, office, chains, self.tag_ids = base
        self.office_id, self.office_unit_id = office.pk, office.unit_id
        self.rng = random.Random(seed)
        by_name = {name: item for item in DEMO["chains"] for name in item["names"]}
        self.groups = [(chain, by_name[chain.name]["tags"]) for chain in chains if chain.name in by_name]
        self.services = [tags for _, tags in DEMO["services"]["products"]]
        self.channels = DEMO["channels"]
        self.channel_weights = [c["weight"] for c in self.channels]
        self.bands = DEMO["amount_bands"]
        self.band_weights = [band[2] for band in self.bands]
        self.stages, self.stage_weights = list(STAGE_WEIGHTS), list(STAGE_WEIGHTS.values())
        self.span = (LAST_DAY - FIRST_DAY).days

    def project(self, i: int) -> tuple[dict, list[int], tuple | None]:
        rng = self.rng
        if rng.random() < DEMO["services"]["share"]:
            chain, tag_names = None, rng.choice(self.services)
        else:
            chain, chances = rng.choice(self.groups)
            tag_names = [name for name, chance in chances if rng.random() < chance]
        channel = rng.choices(self.channels, self.channel_weights)[0]
        low, high, _ = rng.choices(self.bands, self.band_weights)[0]
        row = {"name": f"合成项目{i:07d}", "amount_wan": rng.randint(low // 100, high // 100) * 100,
               "chain_id": chain.pk if chain else None, "channel": channel["value"],
               "channel_detail": rng.choice(channel["details"]),
               "lead_unit_id": chain.lead_unit_id if chain and chain.lead_unit_id else self.office_unit_id,
               "created_by_id": self.office_id, "stage": rng.choices(self.stages, self.stage_weights)[0],
               "state": State.ACTIVE, "stage_since": FIRST_DAY + datetime.timedelta(days=rng.randrange(self.span))}
        retreat = self._dates(row) if STAGE_INDEX[row["stage"]] >= STAGE_INDEX[Stage.SIGNED] else None
        roll = rng.random()
        if roll < TERMINATED:
            row["state"] = State.TERMINATED
            row["terminated_on"] = min(row["stage_since"] + datetime.timedelta(days=rng.randint(10, 300)), LAST_DAY)
        elif roll < TERMINATED + STALLED:
            row["state"] = State.STALLED
        tag_ids = [self.tag_ids[name] for name in tag_names]
        row["tag_bits"] = tag_bits(tag_ids)
        return row, tag_ids, retreat

    def _dates(self, row: dict) -> tuple | None:
        """Dates of the stages up to the project's own, one after another (it stops where the dates pass LAST_DAY);
        now and then a signed project moved back to negotiating: (stage, reached_on, retreated_on)."""
        rng = self.rng
        last = FIRST_DAY + datetime.timedelta(days=rng.randrange(self.span))
        row["signed_on"], reached = last, Stage.SIGNED
        for stage in (Stage.REGISTERED, Stage.PERMITTING, Stage.STARTED, Stage.PRODUCING):
            if STAGE_INDEX[row["stage"]] < STAGE_INDEX[stage]:
                break
            day = last + datetime.timedelta(days=rng.randint(*STEP_DAYS[stage]))
            if day > LAST_DAY:
                row["stage"] = reached  # it has not got further yet
                break
            reached, last = stage, day
            if stage in REACHED:
                row[REACHED[stage]] = day
        row["stage_since"] = last
        if row["stage"] == Stage.SIGNED and last < LAST_DAY and rng.random() < RETREATED:
            moved = min(last + datetime.timedelta(days=rng.randint(20, 200)), LAST_DAY)
            row.update(stage=Stage.NEGOTIATING, signed_on=None, stage_since=moved)
            return Stage.SIGNED, last, moved
        return None


def _insert(model, columns: list[str], rows: list[tuple]) -> None:
    sql = f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) VALUES ({", ".join(["%s"] * len(columns))})'
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def add_projects(first: int, count: int, base, seed: int = 2025) -> None:
    """Projects first … first+count-1 with their tags and stage retreats, CHUNK projects per transaction."""
    generator = _Generator(base, seed + first)
    fields = [f for f in Project._meta.concrete_fields if not f.primary_key]
    defaults = {f.attname: f.get_default() for f in fields} | {"created_at": CREATED, "updated_at": CREATED}
    columns = ["id"] + [f.column for f in fields]
    next_id = (Project.all_objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for start in range(first, first + count, CHUNK):
        projects, tagged, retreats = [], [], []
        for i in range(start, min(start + CHUNK, first + count)):
            row, tag_ids, retreat = generator.project(i)
            values = defaults | row
            projects.append((next_id, *(values[f.attname] for f in fields)))
            tagged.extend((next_id, tag_id) for tag_id in tag_ids)
            if retreat:
                retreats.append((next_id, *retreat))
            next_id += 1
        with transaction.atomic():
            _insert(Project, columns, projects)
            _insert(Project.tags.through, ["project_id", "tag_id"], tagged)
            _insert(StageRetreat, ["project_id", "stage", "reached_on", "retreated_on"], retreats)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


# --- the registries the indicators count ----------------------------------------------------------------------

REGISTRY_FIRST, REGISTRY_DAYS = datetime.date(2024, 1, 1), 1096  # `since` spread over 2024-2026
ENDED, UNDATED, DELETED = 0.15, 0.05, 0.02  # rows with an until date; undated (where `since` may be empty); deleted
MEETING_STATUS = {"held": 70, "planned": 20, "cancelled": 10}


def counted_models(plan) -> list:
    """The models the plan's registry-count indicators count (kit registries and the meetings), each once, a row's
    linked registry (the platform of an incubatee) before it."""
    from zhaoshang.kpis.models import Kpi
    from zhaoshang.kpis.registries import REGISTRIES, kit_registry, source_rows

    keys = set(Kpi.objects.filter(plan=plan, kind="registry_count").exclude(registry="").values_list("registry", flat=True))
    models = {source_rows(key).model if key in REGISTRIES else kit_registry(key).model for key in keys}
    ordered = []
    for model in sorted(models, key=lambda m: m._meta.db_table):
        needs = [f.related_model for f in model._meta.concrete_fields if f.is_relation and not f.null]
        ordered.extend(m for m in needs if m in models and m not in ordered)
        if model not in ordered:
            ordered.append(model)
    return ordered


class _RowMaker:
    """One registry row at a time, by the model's fields: choices spread over the field's choices, yes/no columns
    half and half, `since` (a meeting's `date`) over 2024-2026, some ended (`until`), undated or soft-deleted; linked
    rows a column must have taken from the rows there."""

    def __init__(self, model, office, seed: int):
        self.model, self.rng = model, random.Random(seed)
        self.fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        self.defaults = {f.attname: f.get_default() for f in self.fields} | {"created_at": CREATED, "updated_at": CREATED}
        self.fixed = {"owner_unit_id": office.unit_id, "created_by_id": office.pk}
        self.linked = {f.attname: list(f.related_model._base_manager.values_list("pk", flat=True)[:5000])
                       for f in self.fields if f.is_relation and not f.null and f.attname not in self.fixed}
        unique = {name for c in model._meta.constraints for name in getattr(c, "fields", ())}
        self.unique = {f.attname for f in self.fields if f.attname in unique and f.get_internal_type() == "CharField"}

    def row(self, i: int) -> tuple:
        rng, values = self.rng, {}
        for field in self.fields:
            name = field.attname
            if name in self.fixed:
                values[name] = self.fixed[name]
            elif name in self.linked:
                values[name] = rng.choice(self.linked[name])
            elif name in ("since", "date"):
                undated = field.null and rng.random() < UNDATED
                values[name] = None if undated else REGISTRY_FIRST + datetime.timedelta(days=rng.randrange(REGISTRY_DAYS))
            elif name == "deleted_at":
                values[name] = CREATED if rng.random() < DELETED else None
            elif name == "status" and self.model._meta.db_table == "meetings_meeting":
                values[name] = rng.choices(list(MEETING_STATUS), list(MEETING_STATUS.values()))[0]
            elif field.choices:
                values[name] = rng.choice([value for value, _ in field.choices])
            elif field.get_internal_type() == "BooleanField":
                values[name] = rng.random() < 0.5
            elif name == "headcount":
                values[name] = rng.randint(1, 30)
            elif name in self.unique:
                values[name] = f"{i:07d}"
            elif name in ("name", "title"):
                values[name] = f"合成{self.model._meta.verbose_name}{i:06d}"
            elif name == "number":
                values[name] = i + 1
        since = values.get("since")
        if "until" in values and since and rng.random() < ENDED:
            values["until"] = since + datetime.timedelta(days=rng.randint(30, 700))
        values = self.defaults | values
        return tuple(values[f.attname] for f in self.fields)


def _enterprises(office, count: int = 2000) -> None:
    """Enterprises for the registries' rows that must name one (a transfer's enterprise), if the demo has too few."""
    have = Enterprise._base_manager.count()  # deleted ones too: a reused directory holds them
    if have < count:
        _insert_rows(Enterprise, office, count - have, seed=7, first=have)


def _insert_rows(model, office, count: int, seed: int, first: int = 0) -> None:
    maker = _RowMaker(model, office, seed)
    columns = [f.column for f in maker.fields]
    for start in range(first, first + count, CHUNK):
        rows = [maker.row(i) for i in range(start, min(start + CHUNK, first + count))]
        with transaction.atomic():
            _insert(model, columns, rows)


def add_registry_rows(base, count: int, seed: int = 2026) -> dict[str, int]:
    """`count` rows into each registry the plan's indicators count (skipped where the registry holds them already);
    returns the rows per table."""
    plan, office = base[0], base[1]
    _enterprises(office)
    held = {}
    for number, model in enumerate(counted_models(plan)):
        have = model._base_manager.count()
        if have < count:
            _insert_rows(model, office, count - have, seed + number, first=have)
        held[model._meta.db_table] = model._base_manager.count()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return held
