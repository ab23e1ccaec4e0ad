"""`zhaoshang audit-verify`: walk the audit log's hash chain and report the first broken row."""

from django.core.management.base import BaseCommand

from zhaoshang.core.audit import row_hash
from zhaoshang.core.models import AuditLog


class Command(BaseCommand):
    help = "校验审计日志的哈希链：逐条重算哈希，报告第一条被篡改、删除或插入的记录；链断裂时退出码为 1。"

    def handle(self, *args, **options):
        prev, count = "", 0
        for entry in AuditLog.objects.order_by("id").iterator(chunk_size=2000):
            problem = None
            if entry.prev_hash != prev:
                problem = "前一条哈希与上一条记录不符（其前有记录被删除、插入或修改）"
            elif row_hash(entry) != entry.row_hash:
                problem = "本条内容与其哈希不符（记录被修改）"
            if problem:
                self.stderr.write(
                    f"审计日志链在第 {count + 1} 条记录处断裂：编号 {entry.pk}（{entry.created_at:%Y-%m-%d %H:%M:%S}，"
                    f"{entry.action} {entry.object_repr}）：{problem}。"
                )
                raise SystemExit(1)
            prev, count = entry.row_hash, count + 1
        self.stdout.write(f"审计日志哈希链完整：共 {count} 条记录。")
