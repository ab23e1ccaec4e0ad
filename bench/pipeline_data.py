"""Synthetic pipeline data for bench/pipeline.py: units, a plan with the city's chains, tags, enterprises, projects
with consistent stage dates, and their stage changes. bulk_create in batches (bench/datagen.py style)."""

import datetime
import random
from decimal import Decimal

from django.db import connection, transaction

from zhaoshang.accounts.choices import Role
from zhaoshang.accounts.models import Unit, User
from zhaoshang.plans.models import Chain, ChainLink, Plan
from zhaoshang.projects.choices import REACHED, STAGE_INDEX, Channel, Stage, State
from zhaoshang.projects.models import Enterprise, Project, StageChange, Tag
from zhaoshang.projects.tagging import tag_bits
from zhaoshang.projects.search import index_enterprises, index_projects

BATCH = 2000
CHUNK = 20_000  # projects per transaction
CHAINS = ["石油化工", "盐化工", "纺织服装", "铝基新材料", "智能家居", "战略储备", "电子化学品", "高端装备", "光电材料", "小龙虾深加工",
          "生物医药", "绿色食品", "农业微生物"]
TAGS = ["农业场景", "新型工业化", "生产性服务业", "生活性服务业", "数字经济", "能源", "未来产业", "文化旅游"]
STAGES = Stage.values
STAGE_WEIGHTS = [15, 25, 15, 10, 10, 15, 10]
START = datetime.date(2023, 1, 1)
DAYS = 1000  # stage dates spread over 2023-01 … 2025-09
# a random moment in the 700 days from 2024-01-01, in each database's words
SPREAD = {"sqlite": "datetime('2024-01-01', '+' || (abs(random()) % 700) || ' days', '+' || (abs(random()) % 86400) || ' seconds')",
          "postgresql": "TIMESTAMPTZ '2024-01-01' + random() * INTERVAL '700 days'"}


def base_rows(units: int = 60):
    """Units, the office and a unit user, a plan with 13 chains (3 links each), the tags."""
    with transaction.atomic():
        unit_rows = Unit.objects.bulk_create([Unit(name=f"合成第{i:03d}号局", short_name=f"合成{i:03d}局", code=f"bench{i:03d}", sort_order=i)
                                              for i in range(units)])
        office = User.objects.create(username="bench-office", role=Role.OFFICE, password="!")
        User.objects.create(username="bench-unit", role=Role.UNIT, unit=unit_rows[0], password="!")
        plan = Plan.objects.create(title="〔合成数据〕招商引资工作任务清单", issued_on=datetime.date(2025, 3, 1))
        chains = Chain.objects.bulk_create([Chain(plan=plan, name=name, order=i) for i, name in enumerate(CHAINS)])
        ChainLink.objects.bulk_create([ChainLink(chain=c, name=f"{c.name}环节{j}", order=j) for c in chains for j in range(3)])
        tags = Tag.objects.bulk_create([Tag(name=name, order=i) for i, name in enumerate(TAGS)])
    return unit_rows, office, chains, tags


def existing_base_rows():
    """What `base_rows` made, read back from a reused database."""
    units = list(Unit.objects.filter(code__startswith="bench").order_by("sort_order"))
    chains = list(Chain.objects.filter(name__in=CHAINS).order_by("order"))
    return units, User.objects.get(username="bench-office"), chains, list(Tag.objects.filter(name__in=TAGS).order_by("order"))


def _project(i: int, rng: random.Random, units, chains, office) -> Project:
    stage = rng.choices(STAGES, STAGE_WEIGHTS)[0]
    since = START + datetime.timedelta(days=rng.randrange(DAYS))
    amount = Decimal(int(rng.lognormvariate(8.5, 1.2)) + 100)
    chain = rng.choice(chains) if rng.random() < 0.9 else None
    # names hold their chain's words, as real ones do: q=化工 (2 characters) and q=光电材料 (4) each find some
    project = Project(
        name=f"{chain.name if chain else ''}合成项目{i:07d}", amount_wan=amount,
        fixed_asset_wan=(amount * Decimal("0.7")).quantize(Decimal("0.01")), chain=chain,
        channel=rng.choice(Channel.values), park="化工园区",
        lead_unit=rng.choice(units), stage=stage, stage_since=since, created_by=office,
        state=rng.choices(State.values, [85, 10, 5])[0])
    for reached, attribute in REACHED.items():
        if STAGE_INDEX[stage] >= STAGE_INDEX[reached]:
            setattr(project, attribute, since - datetime.timedelta(days=20 * (STAGE_INDEX[stage] - STAGE_INDEX[reached])))
    return project


def _changes(project: Project, count: int, office) -> list[StageChange]:
    index = STAGE_INDEX[project.stage]
    changes = []
    for j in range(count):
        to_stage = STAGES[min(index, j * index // max(count - 1, 1))]
        happened = project.stage_since - datetime.timedelta(days=15 * (count - 1 - j))
        changes.append(StageChange(project=project, from_stage="" if j == 0 else changes[-1].to_stage, to_stage=to_stage,
                                   happened_on=happened, actor=office, note="合成"))
    return changes


def add_projects(first: int, count: int, changes_each: int, base, seed: int = 2025) -> None:
    """Projects first … first+count-1, each with an enterprise (two projects per enterprise), 0-2 tags and
    `changes_each` stage changes, all in the search index; `updated_at` spread over two years as on a live system."""
    units, office, chains, tags = base
    rng = random.Random(seed + first)
    for start in range(first, first + count, CHUNK):
        size = min(CHUNK, first + count - start)
        with transaction.atomic():
            enterprises = Enterprise.objects.bulk_create(
                [Enterprise(name=f"合成企业{k:07d}有限公司") for k in range(start // 2, (start + size + 1) // 2)], batch_size=BATCH)
            projects = [_project(i, rng, units, chains, office) for i in range(start, start + size)]
            chosen = [rng.sample(tags, rng.choice([0, 1, 1, 2])) for _ in projects]
            for project, its_tags in zip(projects, chosen):  # as project_create sets them
                project.tag_bits = tag_bits(tag.pk for tag in its_tags)
            projects = Project.objects.bulk_create(projects, batch_size=BATCH)
            through = Project.enterprises.through
            through.objects.bulk_create([through(project_id=p.pk, enterprise_id=enterprises[min(n // 2, len(enterprises) - 1)].pk)
                                         for n, p in enumerate(projects)], batch_size=BATCH)
            tagged = Project.tags.through
            tagged.objects.bulk_create([tagged(project_id=p.pk, tag_id=t.pk) for p, its_tags in zip(projects, chosen)
                                        for t in its_tags], batch_size=BATCH)
            StageChange.objects.bulk_create([c for p in projects for c in _changes(p, changes_each, office)], batch_size=BATCH)
            index_enterprises(enterprises)  # in bulk, as the ledger import does
            index_projects(projects)
            with connection.cursor() as cursor:  # auto_now set every updated_at to now: spread them
                cursor.execute(f"UPDATE projects_project SET updated_at = {SPREAD[connection.vendor]} WHERE id >= %s",
                               [projects[0].pk])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
