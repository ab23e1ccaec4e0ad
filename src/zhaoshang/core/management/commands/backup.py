"""`zhaoshang backup --out FILE`: the database and the private files in one .tar.gz (see core/backup.py)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = "备份数据库和私有文件到一个归档文件（网站运行时也可备份）"

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="归档文件路径，例如 /srv/backup/zhaoshang-20250101.tar.gz")

    def handle(self, *args, **options):
        out = Path(options["out"])
        try:
            manifest = backup_create(out, progress=self.stdout.write)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(manifest["row_counts"].values())
        self.stdout.write(self.style.SUCCESS(
            f"备份完成：{out}（{manifest['vendor']}，{rows} 行数据，{len(manifest['files']) - 1} 个私有文件）"
        ))
