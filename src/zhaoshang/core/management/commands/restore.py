"""`zhaoshang restore FILE`: a backup into an empty database and an empty private folder (see core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.core.backup import BackupError, backup_restore


class Command(BaseCommand):
    help = "从备份归档恢复到空数据库和空的私有文件目录（非空时拒绝）"

    def add_arguments(self, parser):
        parser.add_argument("file", help="zhaoshang backup 生成的归档文件")

    def handle(self, *args, **options):
        try:
            manifest = backup_restore(Path(options["file"]), progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(f"恢复完成：备份时间 {manifest['created_at']}"))
