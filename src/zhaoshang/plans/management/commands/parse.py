"""`zhaoshang parse FILE --json`: print a notice's structure; saves nothing."""

import json

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.core.command_files import input_file
from zhaoshang.notices import NoticeError, parse_file


class Command(BaseCommand):
    help = "解析任务清单通知文件并输出其结构（不写入数据库）"

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="输出 JSON")

    def handle(self, *args, **options):
        path = input_file(options["file"])
        try:
            parsed = parse_file(path).to_dict()
        except NoticeError as error:
            raise CommandError(str(error)) from None
        if options["json"]:
            self.stdout.write(json.dumps(parsed, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{parsed['title']}（{parsed['doc_number'] or '无文号'}，{parsed['date'] or '日期未识别'}）")
        for task in parsed["tasks"]:
            self.stdout.write(f"  任务{task['number']} [{task['deadline']}] {task['focus'] or ''}：{len(task['measures'])}项举措")
        self.stdout.write(f"产业链 {len(parsed['chains'])} 条")
