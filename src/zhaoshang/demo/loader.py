"""Loading the demo: the city's units, its notice through the real importer, and one account per role and unit.
The city lives in demo_data/*.json and the notice file; nothing here knows which city it is."""

import json
import secrets
import string
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from zhaoshang.accounts.choices import Role
from zhaoshang.accounts.constants import SYSTEM_USERNAME
from zhaoshang.accounts.models import Unit, User
from zhaoshang.accounts.services import system_actor, unit_create, user_create
from zhaoshang.core.audit import audit_record
from zhaoshang.demo.history import HistoryWriter
from zhaoshang.demo.kpis import KpiWriter
from zhaoshang.demo.meetings_needs import MeetingsNeedsWriter
from zhaoshang.demo.projects import ProjectWriter
from zhaoshang.demo.registries_directory import load_directory
from zhaoshang.demo.registries_finance import load_finance
from zhaoshang.demo.registries_industry import load_industry
from zhaoshang.demo.registries_innovation import load_innovation
from zhaoshang.demo.registries_network import load_network
from zhaoshang.demo.registries_platforms import load_platforms
from zhaoshang.demo.registries_resources import load_resources
from zhaoshang.demo.registries_talent import load_talent
from zhaoshang.demo.models import DemoInstall
from zhaoshang.plans.models import Plan
from zhaoshang.plans.selectors import default_as_of
from zhaoshang.projects.models import Tag
from zhaoshang.plans.services.importing import notice_apply, notice_upload

DATA_DIR = Path(__file__).resolve().parent / "demo_data"
DEFAULT_DATASET = DATA_DIR / "qianjiang.json"


class DemoRefused(Exception):
    """The database holds data that is not the demo's."""


@dataclass
class Login:
    username: str
    role: str
    unit: str


def generate_password() -> str:
    """A random password that passes the password rules (upper, lower, digits, symbol)."""
    alphabet = string.ascii_letters + string.digits
    core = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"Zs{core}9!"


def refusal_reason() -> str | None:
    """Why the demo must not touch this database, or None."""
    if DemoInstall.objects.exists():
        return None
    if Plan.all_objects.exists() or User.objects.exclude(username=SYSTEM_USERNAME).exists() or Unit.all_objects.exists():
        return "数据库中已有非演示数据，演示程序不会写入。请使用新的数据库（设置 DATABASE_URL）。"
    return None


@transaction.atomic
def demo_load(*, password: str, dataset: Path = DEFAULT_DATASET, history: bool = False,
              progress=lambda message: None) -> list[Login]:
    """Load the demo once (with months of supervision history and the project pipeline if asked); on a
    database that already holds it, only reset the demo passwords. `progress` hears what is being done."""
    reason = refusal_reason()
    if reason:
        raise DemoRefused(reason)
    actor = system_actor()
    if not DemoInstall.objects.exists():
        progress("导入任务清单、创建单位和账号…")
        plan = _load(actor, json.loads(dataset.read_text(encoding="utf-8")), dataset.parent)
        if history:
            office = User.objects.get(username="office")
            today = timezone.localdate()
            # the history stops where the pages open: at the plan's last day once its year is over, so a finished
            # year reads as a living one (nothing dated after it) rather than a year of deadlines long overdue
            history_end = default_as_of(plan, today)
            progress("生成督办历史（报告、退回、催办、问题）…")
            HistoryWriter(plan, office, history_end).write()
            progress("生成项目库（项目、企业、阶段变更）…")
            ProjectWriter(plan, office, history_end).write()
            progress("生成会商调度和企业诉求…")
            MeetingsNeedsWriter(office, history_end, ahead_days=14 if history_end == today else 0).write()
            progress("生成目标指标的上年基数、报送值和里程碑…")
            KpiWriter(plan, office, history_end).write()
            progress("生成数据库示例（资源要素、企业名录、政策金融、人才、楚商四库、平台基金、科创、产业资源）…")
            load_resources(actor=office, plan=plan)
            load_directory(actor=office, plan=plan)
            load_finance(actor=office, plan=plan)
            load_talent(actor=office, plan=plan)
            load_network(actor=office, plan=plan)
            load_platforms(actor=office, plan=plan)
            load_innovation(actor=office, plan=plan)
            load_industry(actor=office, plan=plan)
    users = User.objects.exclude(username=SYSTEM_USERNAME).select_related("unit").order_by("role", "username")
    users.update(password=make_password(password))  # one hash for every demo account: PBKDF2 is slow on purpose
    audit_record(actor=actor, action="demo_passwords", obj=DemoInstall.objects.get())
    return [Login(u.username, u.role, u.unit.display_name if u.unit else "") for u in users]


def _load(actor, data: dict, folder: Path) -> Plan:
    units = {}
    for order, row in enumerate(data["units"]):
        units[row["code"]] = unit_create(actor=actor, name=row["name"], short_name=row.get("short_name", ""), kind=row["kind"],
                                         code=row["code"], aliases=tuple(row.get("aliases", [])), sort_order=order)
    # tags first: the notice's indicators are matched to them when the plan is imported
    Tag.objects.bulk_create([Tag(name=name, kind=kind, order=i) for i, (name, kind) in enumerate(data.get("tags", []))])
    notice = folder / data["plan_file"]
    upload = notice_upload(actor=actor, filename=notice.name, data=notice.read_bytes())
    plan = notice_apply(upload=upload, actor=actor)
    office_unit = units[data["office_unit"]]
    accounts = [("office", Role.OFFICE, office_unit, "督办专员"), ("leader", Role.LEADER, None, "市政府领导"),
                ("admin", Role.ADMIN, None, "系统管理员")]
    accounts += [(code, Role.UNIT, unit, unit.display_name) for code, unit in units.items()]
    for username, role, unit, display in accounts:
        user_create(actor=actor, username=username, password=None, role=role, unit=unit, display_name=display)
    DemoInstall.objects.create(plan_title=plan.title)
    return plan
