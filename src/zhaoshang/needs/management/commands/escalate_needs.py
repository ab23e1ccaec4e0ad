"""`zhaoshang escalate-needs`: report late enterprise needs to the office, once per stage (cron-able)."""

from django.core.management.base import BaseCommand

from zhaoshang.needs.services.escalation import needs_escalate


class Command(BaseCommand):
    help = "企业诉求超时上报：超时未受理、逾期未办结的诉求通知督办办公室和承办单位；重复运行不会重复上报"

    def handle(self, *args, **options):
        count = needs_escalate()
        self.stdout.write(f"已上报超时诉求 {count} 件。")
