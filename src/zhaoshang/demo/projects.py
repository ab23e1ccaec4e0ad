"""A few hundred realistic projects for the demo: every chain and future industry, every channel, enterprises with
valid credit codes and contacts, dated stage histories (some stalled, some terminated, some gone quiet).

Deterministic (seeded): the same demo gives the same pipeline. Writes go through the real services; only the
dates are moved back to when each thing "happened". The names and texts are data in demo_data/projects.json."""

import datetime
import json
import random
from dataclasses import dataclass
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.audit import recorded_at
from zhaoshang.plans.models import Chain, Plan
from zhaoshang.projects.choices import STAGE_INDEX, Stage
from zhaoshang.projects.credit_code import check_character
from zhaoshang.projects.errors import PossibleDuplicate
from zhaoshang.projects.models import Project, StageChange, Tag
from zhaoshang.projects.services.enterprises import contact_add, enterprise_update
from zhaoshang.projects.services.lifecycle import project_stage_change
from zhaoshang.projects.services.projects import ProjectInput, project_create

DATA = json.loads((Path(__file__).resolve().parent / "demo_data" / "projects.json").read_text(encoding="utf-8"))
# days from entering a stage to the next one, at a normal pace
STEP_DAYS = {Stage.LEAD: (20, 120), Stage.NEGOTIATING: (45, 240), Stage.SIGNED: (10, 45), Stage.REGISTERED: (20, 80),
             Stage.PERMITTING: (30, 120), Stage.STARTED: (200, 420)}
# a one-page PDF standing in for a scanned contract
EVIDENCE_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def organization_code(body: str) -> str:
    """An 8-digit organisation code body with its GB 11714 check character."""
    check = 11 - sum(int(ch) * w for ch, w in zip(body, (3, 7, 9, 10, 5, 8, 4, 2))) % 11
    return body + {10: "X", 11: "0"}.get(check, str(check))


def credit_code(rng: random.Random, division: str) -> str:
    """A valid 统一社会信用代码 of a company (91) registered in `division`."""
    first17 = "91" + division + organization_code("".join(rng.choice("0123456789") for _ in range(8)))
    return first17 + check_character(first17)


@dataclass
class Group:
    """Where a project belongs: a chain of the plan (with its data), or the services group (no chain)."""

    chain: Chain | None
    data: dict


class ProjectWriter:
    """Writes the demo pipeline of one plan up to `today`."""

    def __init__(self, plan: Plan, office: User, today: datetime.date, seed: int = 2025, count: int | None = None):
        self.office, self.today = office, today
        self.rng = random.Random(seed)
        self.count = count or DATA["count"]
        self.start = datetime.date.fromisoformat(DATA["start"])
        self.users = {u.unit_id: u for u in User.objects.filter(role="unit").order_by("id")}
        self.units = {u.code: u for u in Unit.objects.all()}
        self.tags = {t.name: t for t in Tag.objects.all()}
        by_name = {name: item for item in DATA["chains"] for name in item["names"]}
        chains = Chain.objects.filter(plan=plan, merged_into__isnull=True).select_related("lead_unit").order_by("order", "id")
        self.groups = [Group(c, by_name[c.name]) for c in chains if c.name in by_name]
        self.services = Group(None, DATA["services"])
        self.investors = {}  # per chain: enterprises written so far, some invest again
        self.names = set()

    def write(self) -> int:
        """Write the pipeline; returns the number of projects."""
        written = 0
        for index in range(self.count):
            written += self._project(index)
        return written

    def _pick_group(self, index: int) -> Group:
        if index < len(self.groups):  # every chain at least once
            return self.groups[index]
        if self.rng.random() < DATA["services"]["share"]:
            return self.services
        return self.rng.choice(self.groups)

    def _pick_channel(self, index: int) -> dict:
        channels = DATA["channels"]
        if index % 3 == 0 and index // 3 < len(channels):  # every channel early on
            return channels[index // 3]
        return self.rng.choices(channels, weights=[c["weight"] for c in channels])[0]

    def _project(self, index: int) -> int:
        group, channel = self._pick_group(index), self._pick_channel(index)
        detail = self.rng.choice(channel["details"])
        lead = self.units.get(DATA["soe_units"].get(detail, "")) if channel["value"] == "soe" else None
        lead = lead or (group.chain.lead_unit if group.chain else self.units.get(group.data["unit"]))
        actor = self.users.get(lead.pk, self.office) if lead else self.office
        lead = lead or self.office.unit
        product, tag_names = self._product(group)
        entered = self.start + datetime.timedelta(days=self.rng.randint(0, max((self.today - self.start).days - 20, 0)))
        first = Stage.LEAD if self.rng.random() < 0.55 else Stage.NEGOTIATING
        enterprise = self._enterprise(group)
        amount = self._amount()
        data = ProjectInput(
            name=f"{enterprise['root']}{product}", enterprise_name=enterprise["name"], credit_code=enterprise["code"],
            amount_wan=amount, lead_unit=lead, fixed_asset_wan=(amount * self.rng.randint(55, 90) // 100) or None, chain=group.chain,
            chain_link=self._link(group), tags=[self.tags[n] for n in tag_names if n in self.tags], channel=channel["value"],
            channel_detail=detail, park=self.rng.choice(DATA["parks"]), town=self.rng.choice(DATA["towns"]),
            team=f"{group.chain.name}产业链招商专班" if group.chain else "驻点招商专班", chief_officer=self._person(),
            source=self.rng.choice(channel["sources"]).format(detail=detail), stage=first, stage_since=entered,
        )
        try:
            with recorded_at(_at(entered, 9)):
                project = project_create(actor=actor, data=data)
        except PossibleDuplicate:
            return 0
        if enterprise["new"]:
            self._enterprise_details(actor, project.enterprises.get(), enterprise, group)
        last = self._story(actor, project, entered)
        self._restamp(project, entered, last)
        return 1

    def _product(self, group: Group) -> tuple[str, list[str]]:
        if group.chain is None:
            product, tags = self.rng.choice(group.data["products"])
            return product, list(tags)
        product = self.rng.choice(group.data["products"]).format(n=self.rng.choice(DATA["numbers"]))
        return product, [name for name, chance in group.data["tags"] if self.rng.random() < chance]

    def _link(self, group: Group):
        links = list(group.chain.links.all()) if group.chain else []
        return self.rng.choice(links) if links and self.rng.random() < 0.7 else None

    def _amount(self) -> int:
        low, high, _ = self.rng.choices(DATA["amount_bands"], weights=[b[2] for b in DATA["amount_bands"]])[0]
        return self.rng.randint(low // 100, high // 100) * 100

    def _person(self) -> str:
        return self.rng.choice(DATA["surnames"]) + self.rng.choice(DATA["given_names"])

    def _enterprise(self, group: Group) -> dict:
        """An investor: sometimes one that invested before, else a new company (now and then foreign or unregistered)."""
        earlier = self.investors.setdefault(group.chain.pk if group.chain else None, [])
        if earlier and self.rng.random() < 0.15:
            return {**self.rng.choice(earlier), "new": False}
        word = self.rng.choice(group.data["words"])
        for _ in range(20):
            root = self.rng.choice(DATA["name_roots"])
            roll = self.rng.random()
            if roll < DATA["overseas_share"]:
                province, city = self.rng.choice(DATA["overseas"])
                name, code, division = f"{root}{word}（{city}）有限公司", "", ""
            elif roll < DATA["overseas_share"] + DATA["unregistered_share"]:
                province, city, division = self.rng.choice(DATA["origins"])
                name, code = f"{city.removesuffix('市')}{root}{word}有限公司（筹）", ""
            else:
                province, city, division = self.rng.choice(DATA["origins"])
                name = f"{city.removesuffix('市')}{root}{word}{self.rng.choice(DATA['suffixes'])}"
                code = credit_code(self.rng, division)
            if name not in self.names:
                break
        self.names.add(name)
        investor = {"root": root, "name": name, "code": code, "province": province, "city": city, "new": True}
        earlier.append(investor)
        return investor

    def _enterprise_details(self, actor, enterprise, investor: dict, group: Group) -> None:
        listed = self.rng.random() < DATA["listed_share"] and not investor["name"].endswith("（筹）")
        exchange, prefixes = self.rng.choice(DATA["exchanges"])
        enterprise_update(actor=actor, enterprise=enterprise, origin_province=investor["province"],
                          origin_city=investor["city"], is_overseas=investor["province"] == "境外", is_listed=listed,
                          exchange=exchange if listed else "", industry=group.data["industry"],
                          stock_code=f"{self.rng.choice(prefixes)}{self.rng.randint(0, 999):03d}" if listed else "")
        for _ in range(self.rng.choice((1, 1, 2))):
            phone = self.rng.choice(DATA["phone_prefixes"]) + f"{self.rng.randint(0, 99999999):08d}"
            contact_add(actor=actor, enterprise=enterprise, name=self._person(),
                        title=self.rng.choice(DATA["contact_titles"]), phone=phone)

    def _story(self, actor, project: Project, day: datetime.date) -> datetime.date:
        """Move the project along at its own pace until today; now and then it stalls, resumes or ends."""
        pace, stage = self.rng.choice((0.6, 0.9, 1.0, 1.0, 1.3, 1.8)), project.stage
        while stage != Stage.PRODUCING:
            low, high = STEP_DAYS[stage]
            day += datetime.timedelta(days=round(self.rng.randint(low, high) * pace))
            if day > self.today:
                break
            roll = self.rng.random()
            if roll < (0.06 if STAGE_INDEX[stage] <= STAGE_INDEX[Stage.NEGOTIATING] else 0.01):
                self._change(actor, project, "terminated", day, self.rng.choice(DATA["terminate_reasons"]))
                return day
            if roll < 0.09:
                self._change(actor, project, "stalled", day, self.rng.choice(DATA["stall_reasons"]))
                resume = day + datetime.timedelta(days=self.rng.randint(30, 150))
                if resume > self.today or self.rng.random() < 0.4:
                    return day
                day = resume
                self._change(actor, project, stage, day, self.rng.choice(DATA["resume_notes"]))
                continue
            stage = Stage.values[STAGE_INDEX[stage] + 1]
            if stage == Stage.SIGNED and self.rng.random() < 0.1:
                stage = Stage.REGISTERED  # signed and registered on the same day
            evidence = stage in (Stage.SIGNED, Stage.STARTED) and self.rng.random() < 0.3
            self._change(actor, project, stage, day, self.rng.choice(DATA["stage_notes"][stage]), evidence)
        return self._follow_ups(actor, project, stage, day if day <= self.today else self._last(project))

    def _follow_ups(self, actor, project: Project, stage: str, last: datetime.date) -> datetime.date:
        """Most live projects are visited now and then; the rest go quiet (and the clock flags them)."""
        if stage == Stage.PRODUCING or self.rng.random() < 0.2:
            return last
        day = self.today - datetime.timedelta(days=self.rng.randint(0, 28))
        if day > last:
            self._change(actor, project, stage, day, self.rng.choice(DATA["follow_ups"]))
            return day
        return last

    def _last(self, project: Project) -> datetime.date:
        return project.stage_changes.order_by("-happened_on").values_list("happened_on", flat=True).first()

    def _change(self, actor, project: Project, stage: str, day: datetime.date, note: str, evidence: bool = False) -> None:
        upload = SimpleUploadedFile(f"{day:%Y%m%d}-协议.pdf", EVIDENCE_PDF) if evidence else None
        entered = _at(min(day + datetime.timedelta(days=self.rng.randint(0, 3)), self.today), 10 + self.rng.randint(0, 7))
        with recorded_at(entered):
            change = project_stage_change(actor=actor, project=project, stage=stage, happened_on=day, note=note,
                                          evidence=upload)
        StageChange.objects.filter(pk=change.pk).update(entered_at=entered)

    def _restamp(self, project: Project, entered: datetime.date, last: datetime.date) -> None:
        StageChange.objects.filter(project=project, from_stage="").update(entered_at=_at(entered, 9))
        Project.all_objects.filter(pk=project.pk).update(created_at=_at(entered, 9), updated_at=_at(max(last, entered), 17))


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
