"""The demo's enterprise directory: the pipeline's investors given their 工商 details and chain, ~150 sample firms
from elsewhere (some with business scopes naming the plan's chain links, for the targeting to rank), a dozen local
firms leading or supporting the chains, ~20 technical needs and ~60 visits of 2025 by several units.

Everything is data in demo_data/directory.json (names, places, texts); rows are written through the registry kit's
services (entry_update, and the import's bulk path for new rows), so every row is audited and indexed for search."""

import datetime
import json
import random
from decimal import Decimal
from pathlib import Path

from zhaoshang.accounts.models import Unit
from zhaoshang.demo.projects import DATA as PROJECT_DATA
from zhaoshang.demo.projects import credit_code
from zhaoshang.plans.models import Chain
from zhaoshang.projects.models import Enterprise, Project
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.importing import RegistryImport
from zhaoshang.registries.services import entry_update, registry_setting_update

DATA = json.loads((Path(__file__).resolve().parent / "demo_data" / "directory.json").read_text(encoding="utf-8"))


def load_directory(*, actor, plan) -> None:
    """Fill the directory registries of `plan` (run after the plan, and after the pipeline when it is loaded)."""
    DirectoryWriter(actor, plan).write()


class DirectoryWriter:
    """Writes the demo directory; the same seed gives the same rows."""

    def __init__(self, actor, plan):
        self.actor, self.rng = actor, random.Random(DATA["seed"])
        chains = Chain.objects.filter(plan=plan, merged_into__isnull=True).prefetch_related("links").order_by("order", "id")
        self.chains = [chain for chain in chains if chain.name in DATA["chains"]]
        self.units = {unit.code: unit for unit in Unit.objects.filter(code__isnull=False)}
        self.owner = self.units.get(DATA["owner_unit"])
        self.names = set(Enterprise.all_objects.values_list("name", flat=True))

    def write(self) -> None:
        if not self.chains:
            return
        self._enrich_investors()
        self._save("enterprise", [self._sample(index) for index in range(DATA["count"])])
        self._save("enterprise", [self._local(index) for index in range(DATA["local"]["count"])])
        self._save("tech_need", self._tech_needs())
        self._save("visit", self._visits())
        visit_units = [self.units[code].pk for code, _ in DATA["visits"]["units"] if code in self.units]
        registry_setting_update(actor=self.actor, registry=registry_named("visit"), unit_ids=visit_units)

    def _save(self, key: str, rows: list[dict]) -> None:
        if rows:
            RegistryImport(registry_named(key), self.actor).save_many(rows)

    # --- choices ---------------------------------------------------------------------------------------------

    def _weighted(self, pairs):
        return self.rng.choices([value for value, _ in pairs], weights=[weight for _, weight in pairs])[0]

    def _person(self) -> str:
        return self.rng.choice(PROJECT_DATA["surnames"]) + self.rng.choice(PROJECT_DATA["given_names"])

    def _capital(self) -> Decimal:
        low, high, _ = self.rng.choices(DATA["capital_bands"], weights=[band[2] for band in DATA["capital_bands"]])[0]
        return Decimal(self.rng.randrange(low, high, 100))

    def _founded(self) -> datetime.date:
        first, last = DATA["founded"]
        return datetime.date(self.rng.randint(first, last), self.rng.randint(1, 12), self.rng.randint(1, 28))

    def _phone(self) -> str:
        return self.rng.choice(PROJECT_DATA["phone_prefixes"]) + f"{self.rng.randint(0, 99999999):08d}"

    def _scope(self, chain: Chain, link) -> str:
        """A business scope in the registry's words; with `link`, one that names the chain link."""
        words = self.rng.sample(DATA["chains"][chain.name]["scope"], 3) + self.rng.sample(DATA["generic_scope"], 2)
        if link is not None:
            words.insert(1, f"{link.name}相关产品的研发、生产和销售")
        return "；".join(words) + "。（依法须经批准的项目，经相关部门批准后方可开展经营活动）"

    def _details(self, chain: Chain) -> dict:
        """What every directory firm of `chain` has: 工商 details, chain, link and a scope."""
        links = list(chain.links.all())
        link = self.rng.choice(links) if links and self.rng.random() < DATA["scope_link_share"] else None
        facts = DATA["chains"][chain.name]
        return {
            "registration_status": self._weighted(DATA["statuses"]), "legal_rep": self._person(),
            "registered_capital_wan": self._capital(), "industry": facts["industry"], "industry_code": facts["code"],
            "business_scope": self._scope(chain, link), "chain": chain, "chain_link": link, "since": self._founded(),
            "priority": self._weighted(DATA["priorities"]), "source": "企查查导出（示例数据）", "owner_unit": self.owner,
        }

    def _name(self, place: str, chain: Chain) -> str:
        word = self.rng.choice(DATA["chains"][chain.name]["words"])
        for _ in range(50):
            name = f"{place}{self.rng.choice(PROJECT_DATA['name_roots'])}{word}{self.rng.choice(PROJECT_DATA['suffixes'])}"
            if name not in self.names:
                break
        self.names.add(name)
        return name

    # --- rows ------------------------------------------------------------------------------------------------

    def _enrich_investors(self) -> None:
        """The pipeline's investors get an ownership, 工商 details and the chain of their first project."""
        firsts = {}
        for enterprise_id, project_id in Project.enterprises.through.objects.order_by("project_id").values_list("enterprise_id", "project_id"):
            firsts.setdefault(enterprise_id, project_id)
        projects = Project.objects.in_bulk(set(firsts.values()))
        registry = registry_named("enterprise")
        for enterprise in Enterprise.objects.filter(pk__in=list(firsts)).order_by("pk"):
            project = projects[firsts[enterprise.pk]]
            chain = project.chain if project.chain_id and project.chain.name in DATA["chains"] else None
            data = {"ownership": self._weighted(DATA["ownership"]), "registration_status": "存续" if enterprise.credit_code else "",
                    "legal_rep": self._person(), "registered_capital_wan": self._capital(), "owner_unit": project.lead_unit}
            if chain is not None:
                data.update({"chain": chain, "chain_link": project.chain_link, "chain_role": "target",
                             "industry_code": DATA["chains"][chain.name]["code"], "business_scope": self._scope(chain, project.chain_link)})
            entry_update(registry=registry, actor=self.actor, row=enterprise, data=data)

    def _sample(self, index: int) -> dict:
        """A firm elsewhere in the country, on a chain of the plan."""
        chain = self.chains[index % len(self.chains)]
        province, city, division = self.rng.choice(PROJECT_DATA["origins"])
        ownership = self._weighted(DATA["ownership"])
        name = self._name(city.removesuffix("市"), chain)
        return {**self._details(chain), "name": name, "credit_code": credit_code(self.rng, division), "ownership": ownership,
                "origin_province": province, "origin_city": city, "chain_role": self._weighted(DATA["roles"]),
                "phone": self._phone(), "email": f"info{index:03d}@{self.rng.choice(DATA['email_domains'])}",
                "is_overseas": False, "is_local": False}

    def _local(self, index: int) -> dict:
        """A firm already in the city: a chain's leader or a supporting firm."""
        local = DATA["local"]
        chain = self.chains[index % len(self.chains)]
        return {**self._details(chain), "name": self._name(local["city"].removesuffix("市"), chain),
                "credit_code": credit_code(self.rng, local["division"]), "ownership": self._weighted(DATA["ownership"][:3]),
                "origin_province": local["province"], "origin_city": local["city"], "origin_county": self.rng.choice(local["counties"]),
                "chain_role": self._weighted(local["roles"]), "registration_status": "存续", "phone": self._phone(), "is_local": True}

    def _firms_by_chain(self) -> dict[int, list[Enterprise]]:
        found: dict[int, list[Enterprise]] = {}
        for enterprise in Enterprise.objects.filter(chain__isnull=False).order_by("pk"):
            found.setdefault(enterprise.chain_id, []).append(enterprise)
        return found

    def _tech_needs(self) -> list[dict]:
        by_name = {chain.name: chain for chain in self.chains}
        firms = self._firms_by_chain()
        rows = []
        for item in DATA["tech_needs"]:
            chain = by_name.get(item["chain"])
            if chain is None or not firms.get(chain.pk):
                continue
            firm = self.rng.choice(firms[chain.pk])
            raised = datetime.date(2025, self.rng.randint(1, 9), self.rng.randint(1, 28))
            closed = item["status"] in ("solved", "closed")
            rows.append({"name": item["name"], "enterprise": firm, "chain": chain, "chain_link": firm.chain_link,
                         "tech_field": item["field"], "budget_wan": Decimal(item["budget"]), "status": item["status"],
                         "partner": item.get("partner", ""), "since": raised,
                         "until": raised + datetime.timedelta(days=self.rng.randint(30, 90)) if closed else None,
                         "due_on": datetime.date(2026, self.rng.randint(1, 12), 28), "owner_unit": self.units.get("kjj") or self.owner,
                         "description": f"{firm.name}提出：{item['name']}，希望对接高校院所或企业联合攻关。"})
        return rows

    def _visits(self) -> list[dict]:
        spec = DATA["visits"]
        firms = list(Enterprise.objects.filter(chain__isnull=False).order_by("pk"))
        projects = list(Project.objects.select_related("chain").order_by("pk")[:200])
        units = [(self.units[code], weight) for code, weight in spec["units"] if code in self.units]
        if not firms or not units:
            return []
        rows = []
        for _ in range(spec["count"]):
            unit = self._weighted(units)
            project = self.rng.choice(projects) if projects and self.rng.random() < spec["project_share"] else None
            firm = project.enterprises.first() if project else self.rng.choice(firms)
            chain = (project.chain if project else None) or firm.chain
            if unit.code == "zdzb":
                team = self.rng.choice(spec["teams"])
            elif unit.code == "cylzb" or (chain is not None and self.rng.random() < 0.4):
                team = f"{chain.name}产业链招商专班" if chain else ""
            else:
                team = ""
            rows.append({"since": datetime.date(spec["year"], self.rng.randint(1, 11), self.rng.randint(1, 28)),
                         "kind": self._weighted(spec["kinds"]), "name": self.rng.choice(spec["topics"]), "enterprise": firm,
                         "project": project, "owner_unit": unit, "team": team,
                         "our_people": f"{self._person()}（{self.rng.choice(spec['our_roles'])}）、{self._person()}",
                         "their_people": f"{self._person()}（{self.rng.choice(spec['their_roles'])}）",
                         "outcome": self.rng.choice(spec["outcomes"]), "next_step": self.rng.choice(spec["next_steps"])})
        return rows
