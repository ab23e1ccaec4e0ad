"""`zhaoshang users [--json]`: list login accounts with role and unit."""

import json

from django.core.management.base import BaseCommand

from zhaoshang.accounts.selectors import accounts_listing


class Command(BaseCommand):
    help = "列出账号（用户名、角色、单位）"

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        rows = [
            {"username": u.username, "role": u.role, "unit": u.unit.display_name if u.unit else None}
            for u in accounts_listing()
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row['username']:<16} {row['role']:<7} {row['unit'] or ''}")
