"""`zhaoshang bulletin --period 2025-09 --out FILE.docx [--xlsx FILE.xlsx]`: build one month's bulletin now."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.accounts.models import User
from zhaoshang.core.permissions import OFFICE
from zhaoshang.plans.models import Plan
from zhaoshang.reports.choices import JobStatus
from zhaoshang.reports.errors import BulletinError
from zhaoshang.reports.jobs import bulletin_run
from zhaoshang.reports.services import bulletin_request


class Command(BaseCommand):
    help = "生成某月的招商引资工作任务清单落实情况通报（Word），可同时导出明细（Excel）"

    def add_arguments(self, parser):
        parser.add_argument("--period", required=True, help="通报期，格式“年-月”，如 2025-09")
        parser.add_argument("--out", required=True, help="Word 通报的保存路径（.docx）")
        parser.add_argument("--xlsx", help="Excel 明细的保存路径（.xlsx）")
        parser.add_argument("--plan", type=int, help="任务清单编号（默认：当前任务清单）")
        parser.add_argument("--user", help="以哪个督办用户的名义生成（默认：第一个督办用户）")

    def handle(self, *args, **options):
        actor = self._actor(options["user"])
        plan = Plan.objects.filter(pk=options["plan"]).first() if options["plan"] else None
        if options["plan"] and plan is None:
            raise CommandError(f"任务清单 {options['plan']} 不存在。")
        try:
            job = bulletin_request(actor=actor, period=options["period"], plan=plan, enqueue=False)
        except BulletinError as error:
            raise CommandError(str(error)) from error
        bulletin_run(job.pk)
        job.refresh_from_db()
        if job.status != JobStatus.DONE:
            raise CommandError(job.message)
        self._copy(job.docx, options["out"])
        if options["xlsx"]:
            self._copy(job.xlsx, options["xlsx"])
        self.stdout.write(f"{job.period_label}通报已生成：{options['out']}（{job.message}）")

    def _actor(self, username: str | None) -> User:
        users = User.objects.filter(role=OFFICE, is_active=True).order_by("id")
        actor = users.filter(username=username).first() if username else users.first()
        if actor is None:
            raise CommandError(f"没有督办用户“{username}”。" if username else "系统中没有督办（office）用户，无法生成通报。")
        return actor

    def _copy(self, field, target: str) -> None:
        path = Path(target)
        path.parent.mkdir(parents=True, exist_ok=True)
        with field.open("rb") as source:
            path.write_bytes(source.read())
