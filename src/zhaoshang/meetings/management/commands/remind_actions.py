"""`zhaoshang remind-actions [--date YYYY-MM-DD]`: remind units of meeting action items due soon or overdue (cron-able)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from zhaoshang.meetings.services.actions import action_items_remind


class Command(BaseCommand):
    help = "会议交办事项提醒：临近时限和逾期的事项通知责任单位；重复运行不会重复发送"

    def add_arguments(self, parser):
        parser.add_argument("--date", help="以该日期为“今天”（默认今天）")

    def handle(self, *args, **options):
        try:
            today = datetime.date.fromisoformat(options["date"]) if options["date"] else timezone.localdate()
        except ValueError:
            raise CommandError("日期格式应为 YYYY-MM-DD") from None
        self.stdout.write(f"已发送提醒 {action_items_remind(today=today)} 条。")
