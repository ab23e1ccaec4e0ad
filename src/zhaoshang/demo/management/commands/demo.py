"""`zhaoshang demo [--port N] [--no-serve]`: check the port, migrate, load the demo plan and accounts, print
logins, serve. The password is the one printed the first time (zhaoshang.demo.setup)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from zhaoshang.demo.loader import DemoRefused, demo_load
from zhaoshang.demo.setup import demo_password, port_problem


class Command(BaseCommand):
    help = "创建演示数据库：导入演示任务清单、创建演示账号并启动服务"

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--no-serve", action="store_true", help="加载后不启动服务")
        parser.add_argument("--no-history", action="store_true", help="不生成督办历史数据（报告、催办、问题）")

    def handle(self, *args, **options):
        if not options["no_serve"] and (problem := port_problem(options["port"])):
            raise CommandError(problem)  # before anything is loaded or any password is set
        self.stdout.write("准备数据库…")
        call_command("migrate", interactive=False, verbosity=0)
        password = demo_password()
        try:
            logins = demo_load(password=password, history=not options["no_history"],
                               progress=lambda message: self.stdout.write(message))
        except DemoRefused as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS("演示数据已就绪。登录账号（密码相同）："))
        for login in logins:
            self.stdout.write(f"  {login.username:<10} {login.role:<7} {login.unit}")
        self.stdout.write(f"  密码：{password}")
        if options["no_serve"]:
            return
        self.stdout.write(f"访问 http://127.0.0.1:{options['port']}/ （Ctrl+C 停止）")
        call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)
