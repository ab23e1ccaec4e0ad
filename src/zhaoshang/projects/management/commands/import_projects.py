"""`zhaoshang import-projects FILE.xlsx [--good-rows-only] [--dry-run]`: import a project ledger (项目台账).

Every row is validated first. Nothing is saved if any row has an error, unless --good-rows-only says to save the
good ones; either way the command exits non-zero and names the error report (the sheet with an "错误" column)."""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.accounts.models import User
from zhaoshang.accounts.services import system_actor
from zhaoshang.core.command_files import input_file
from zhaoshang.core.excel_import import ExcelImportError, error_workbook, save_report, validate_file
from zhaoshang.core.services import PermissionDenied
from zhaoshang.projects.ledger import ledger_import

ERRORS_PRINTED = 20


class Command(BaseCommand):
    help = "导入项目台账（Excel）：逐行校验；全部无误才写入，或用 --good-rows-only 只写入无误的行"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--good-rows-only", action="store_true", help="只导入无误的行（有错误的行不导入）")
        parser.add_argument("--dry-run", action="store_true", help="只校验，不写入")
        parser.add_argument("--sheet", default="", help="工作表名称（默认：第一张含有表头的工作表）")
        parser.add_argument("--user", default="", help="以该用户名导入（默认：系统账号，按督办办公室权限）")
        parser.add_argument("--report", default="", help="错误报告的保存路径（默认：与文件同目录的“文件名-错误报告.xlsx”）")

    def handle(self, *args, **options):
        self.verbosity = options["verbosity"]
        path = input_file(options["file"])
        actor = self._actor(options["user"])
        report_path = Path(options["report"]) if options["report"] else path.with_name(f"{path.stem}-错误报告.xlsx")
        started = time.perf_counter()
        try:
            spec = ledger_import(actor=actor)
            report = validate_file(spec, path.read_bytes(), sheet_name=options["sheet"], filename=path.name,
                                   progress=self._progress("校验"))
        except (ExcelImportError, PermissionDenied) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(report.summary())
        for message in report.error_messages(limit=ERRORS_PRINTED):
            self.stdout.write(self.style.WARNING(f"  {message}"))
        if report.ignored_headers:
            self.stdout.write(f"以下列未识别，已忽略：{'、'.join(report.ignored_headers)}")
        bad = len(report.bad_rows)
        if options["dry_run"] or (bad and not options["good_rows_only"]):
            if bad:
                report_path.write_bytes(error_workbook(report))
                what = "校验未通过（--dry-run，未写入）" if options["dry_run"] else "未导入任何数据"
                raise CommandError(f"{bad}行有错误，{what}。错误报告：{report_path}")
            self.stdout.write(self.style.SUCCESS(f"校验通过，{len(report.rows)}行可以导入（--dry-run，未写入）。"))
            return
        try:
            result = save_report(report, good_rows_only=options["good_rows_only"], progress=self._progress("导入"))
        except ExcelImportError as error:
            raise CommandError(str(error)) from None
        elapsed = time.perf_counter() - started
        if result.failed:
            report_path.write_bytes(error_workbook(report, failed=result.failed) if result.saved else error_workbook(report))
            raise CommandError(f"{result.message} 错误报告：{report_path}")
        self.stdout.write(self.style.SUCCESS(f"{result.message}（{elapsed:.1f}秒，{result.saved / max(elapsed, 1e-6):,.0f}行/秒）"))

    @staticmethod
    def _actor(username: str):
        if not username:
            return system_actor()
        user = User.objects.filter(username=username, is_active=True).first()
        if user is None:
            raise CommandError(f"用户不存在或已停用：{username}")
        return user

    def _progress(self, label: str):
        def report(done: int, total: int) -> None:
            if self.verbosity > 1 or sys.stderr.isatty():
                self.stderr.write(f"\r{label} {done}/{total}", ending="")

        return report
