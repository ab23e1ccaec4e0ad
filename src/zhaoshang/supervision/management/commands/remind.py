"""`zhaoshang remind [--days N] [--date YYYY-MM-DD]`: reminders before due dates and after missed ones (cron-able)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zhaoshang.supervision.services.reminders import reminders_send


class Command(BaseCommand):
    help = "发送报送提醒：到期前N天提醒，逾期次日起提醒；重复运行不会重复发送"

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=3, help="到期前几天提醒（默认3）")
        parser.add_argument("--date", help="以该日期为“今天”（默认今天）")

    def handle(self, *args, **options):
        try:
            today = datetime.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError("日期格式应为 YYYY-MM-DD") from None
        if options["days"] < 0:
            raise CommandError("--days 不能为负数")
        sent = reminders_send(today=today, days_before=options["days"])
        self.stdout.write(f"已发送提醒 {sent} 条。")
