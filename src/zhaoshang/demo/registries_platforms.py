"""Sample rows of the platform, fund and SOE registries (tasks 16-18) for the demo: external platforms, funds, their
investments and the SOEs' directed-attraction ledger from demo_data/platforms.json, plus what the demo pipeline
already says: a project whose channel is a platform is referred by that platform (以商引商 link), one whose channel is
a fund gets that fund's investment, one an SOE brought gets a row in the SOE ledger.

Every row is written through the registry services (audited, indexed for search) and marked with the sample source;
names, dates and amounts are data in the JSON, never here."""

import datetime
import json
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from zhaoshang.accounts.models import Unit
from zhaoshang.demo.projects import DATA as PROJECT_DATA
from zhaoshang.network.services import referral_add
from zhaoshang.plans.models import Chain
from zhaoshang.projects.choices import Channel, Stage, State
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.services import entry_create

DATA_FILE = Path(__file__).resolve().parent / "demo_data" / "platforms.json"
CENT = Decimal("0.01")
SIGNED_STAGES = (Stage.SIGNED, Stage.REGISTERED, Stage.PERMITTING)
SOE_STATUS = {Stage.LEAD: "negotiating", Stage.NEGOTIATING: "negotiating", Stage.SIGNED: "signed",
              Stage.REGISTERED: "signed", Stage.PERMITTING: "signed", Stage.STARTED: "started", Stage.PRODUCING: "producing"}


def _dated(values: dict) -> dict:
    return {name: datetime.date.fromisoformat(value) if name in ("since", "until") else value for name, value in values.items()}


def _numbers(values: dict) -> dict:
    return {name: Decimal(str(value)) if isinstance(value, (int, float)) and not isinstance(value, bool) else value
            for name, value in values.items()}


class PlatformsWriter:
    """Writes the sample rows once; `plan` names the chains rows point at."""

    def __init__(self, actor, plan):
        self.actor, self.data = actor, json.loads(DATA_FILE.read_text(encoding="utf-8"))
        self.units = {unit.code: unit for unit in Unit.objects.exclude(code=None)}
        self.chains = {chain.name: chain for chain in Chain.objects.filter(plan=plan, merged_into__isnull=True)}
        self.source = self.data["source"]

    def _create(self, key: str, values: dict):
        return entry_create(registry=registry_named(key), actor=self.actor, data={**values, "source": self.source})

    def _chain(self, values: dict) -> dict:
        if "chain" in values:
            values["chain"] = self.chains.get(values["chain"])  # a chain the plan does not have is left empty
        return values

    def write(self) -> None:
        platforms = self._platforms()
        funds = self._funds()
        self._investments(funds)
        self._soe_projects()
        self._referrals(platforms)

    def _platforms(self) -> dict[str, object]:
        owner = self.units.get(self.data["owners"]["platform"])
        by_detail = {}
        for item in self.data["platform"]:
            values = _dated({name: value for name, value in item.items() if name != "detail"})
            row = self._create("platform", {**values, "owner_unit": owner})
            if "detail" in item:
                by_detail[item["detail"]] = row
        return by_detail

    def _funds(self) -> dict[str, object]:
        funds = {}
        for item in self.data["fund"]:
            values = self._chain(_numbers(_dated({name: value for name, value in item.items() if name != "detail"})))
            values["owner_unit"] = self.units.get(values["owner_unit"])
            row = self._create("fund", values)
            funds[row.name] = row
            if "detail" in item:
                funds[item["detail"]] = row
        return funds

    def _enterprise(self, name: str):
        """The directory's enterprise of that name, or a new one (a firm the directory did not hold yet)."""
        return Enterprise.objects.filter(name=name).order_by("id").first() or self._create("enterprise", {"name": name})

    def _investments(self, funds: dict) -> None:
        for item in self.data["fund_investment"]:
            fund = funds[item["fund"]]
            values = _numbers(_dated(item))
            self._create("fund_investment", {**values, "fund": fund, "enterprise": self._enterprise(item["investee"]),
                                             "owner_unit": fund.owner_unit})
        pipeline = self.data["pipeline"]
        shares, stakes = pipeline["fund_share_percent"], pipeline["stake_percent"]
        projects = (Project.objects.filter(channel=Channel.FUND, channel_detail__in=list(funds))
                    .exclude(state=State.TERMINATED).prefetch_related("enterprises").order_by("id")[:pipeline["fund_investments"]])
        for index, project in enumerate(projects):
            fund = funds[project.channel_detail]
            signed = project.signed_on is not None
            status = "paid" if project.stage in (Stage.STARTED, Stage.PRODUCING) else "signed" if signed else "planned"
            amount = (project.amount_wan * shares[index % len(shares)] / 100).quantize(CENT)
            self._create("fund_investment", {
                "fund": fund, "project": project, "enterprise": next(iter(project.enterprises.all()), None),
                "amount_wan": amount, "stake_percent": Decimal(stakes[index % len(stakes)]), "status": status,
                "is_attracted": signed, "since": project.signed_on or timezone.localdate(project.created_at),
                "owner_unit": fund.owner_unit})

    def _soe_projects(self) -> None:
        for item in self.data["soe_project"]:
            values = self._chain(_numbers(_dated(item)))
            soe = self.units[values.pop("soe")]
            self._create("soe_project", {**values, "soe": soe, "owner_unit": soe})
        details = {detail: code for detail, code in PROJECT_DATA["soe_units"].items() if code in self.units}
        projects = (Project.objects.filter(channel=Channel.SOE, channel_detail__in=list(details)).select_related("chain")
                    .prefetch_related("enterprises").order_by("id")[:self.data["pipeline"]["soe_projects"]])
        for project in projects:
            soe = self.units[details[project.channel_detail]]
            stopped = project.state == State.TERMINATED
            self._create("soe_project", {
                "name": project.name, "soe": soe, "project": project, "enterprise": next(iter(project.enterprises.all()), None),
                "chain": project.chain, "direction": project.chain.name if project.chain else "", "role": "lead",
                "mode": "equity" if "股权直投" in project.channel_detail else "introduce", "amount_wan": project.amount_wan,
                "soe_amount_wan": (project.amount_wan / 5).quantize(CENT) if "股权直投" in project.channel_detail else None,
                "status": "stopped" if stopped else SOE_STATUS[project.stage],
                "since": timezone.localdate(project.created_at),
                "until": project.terminated_on or (timezone.localdate(project.updated_at) if stopped else None),
                "owner_unit": soe})

    def _referrals(self, platforms: dict) -> None:
        projects = Project.objects.filter(channel=Channel.PLATFORM, channel_detail__in=list(platforms)).order_by("id")
        for project in projects:
            referral_add(actor=self.actor, project=project, kind="platform", entry_id=platforms[project.channel_detail].pk)


@transaction.atomic
def load_platforms(*, actor, plan) -> None:
    """Write the sample rows as `actor` (the office); run after the pipeline and the directory when they are loaded
    (without them, only the JSON's rows are written, with the enterprises their investments name)."""
    PlatformsWriter(actor, plan).write()
