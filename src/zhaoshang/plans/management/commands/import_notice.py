"""`zhaoshang import-notice FILE`: import a notice as a new plan, or as a revision of --plan ID."""


from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zhaoshang.accounts.services import system_actor
from zhaoshang.core.command_files import input_file
from zhaoshang.notices import NoticeError
from zhaoshang.plans.import_preview import import_preview
from zhaoshang.plans.models import Plan
from zhaoshang.plans.services.importing import CREATE_UNIT, notice_apply, notice_upload


class Command(BaseCommand):
    help = "导入任务清单通知（新建或作为已有清单的修订版）"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--plan", type=int, help="作为该编号任务清单的修订版导入")
        parser.add_argument("--create-units", action="store_true", help="为未能识别的单位名称新建单位")
        parser.add_argument("--map", action="append", default=[], metavar="名称=单位编号", help="把通知中的单位名称对应到已有单位")
        parser.add_argument("--dry-run", action="store_true", help="只显示预览，不写入")

    def handle(self, *args, **options):
        path = input_file(options["file"])
        plan = None
        if options["plan"]:
            plan = Plan.objects.filter(pk=options["plan"]).first()
            if plan is None:
                raise CommandError(f"任务清单 {options['plan']} 不存在")
        choices = self._choices(options["map"])
        try:
            with transaction.atomic():
                actor = system_actor()
                upload = notice_upload(actor=actor, filename=path.name, data=path.read_bytes(), plan=plan)
                preview = import_preview(upload)
                self._report(preview)
                unresolved = [r.name for r in preview.unresolved if r.name not in choices]
                if options["create_units"]:
                    choices.update({name: CREATE_UNIT for name in unresolved})
                elif unresolved:
                    raise CommandError("以下单位未能识别，请用 --map 名称=单位编号 对应，或加 --create-units 新建：" + "、".join(unresolved))
                if options["dry_run"]:
                    transaction.set_rollback(True)
                    self.stdout.write("预览完成（--dry-run，未写入）。")
                    return
                plan = notice_apply(upload=upload, actor=actor, unit_choices=choices)
        except NoticeError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"已导入《{plan.title}》（编号 {plan.pk}）。"))

    @staticmethod
    def _choices(pairs: list[str]) -> dict[str, str]:
        choices = {}
        for pair in pairs:
            name, sep, unit_id = pair.partition("=")
            if not sep or not unit_id.strip().isdigit():
                raise CommandError(f"--map 格式应为 名称=单位编号：{pair}")
            choices[name.strip()] = unit_id.strip()
        return choices

    def _report(self, preview) -> None:
        parsed = preview.parsed
        self.stdout.write(f"《{parsed['title']}》 {parsed['doc_number'] or ''}：{len(parsed['tasks'])} 项任务，{preview.measure_count} 项举措")
        for warning in preview.warnings:
            self.stdout.write(self.style.WARNING(f"  核对：{warning}"))
        for change in preview.changes or []:
            self.stdout.write(f"  {change.kind_label} {change.where} {change.field}")
