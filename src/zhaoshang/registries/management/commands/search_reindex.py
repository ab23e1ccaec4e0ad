"""`zhaoshang search-reindex [KEY …]`: build the search index of the registries again from their rows (after the
index's term rules change, or to repair it); every registry when no key is given."""

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.registries.catalog import all_registries
from zhaoshang.registries.services import index_rows
from zhaoshang.search.services import search_index_clear

CHUNK = 2000


class Command(BaseCommand):
    help = "重建数据库的检索索引（不指定时重建全部数据库）。"

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="数据库代码，如 land、enterprise")

    def handle(self, *args, **options):
        registries = all_registries()
        unknown = [key for key in options["keys"] if key not in registries]
        if unknown:
            raise CommandError(f"没有这些数据库：{'、'.join(unknown)}。可选：{'、'.join(registries)}")
        for key in options["keys"] or list(registries):
            registry = registries[key]
            search_index_clear(key)
            rows = registry.model.all_objects.order_by("pk")
            total, batch = 0, []
            for row in rows.iterator(chunk_size=CHUNK):
                batch.append(row)
                if len(batch) == CHUNK:
                    index_rows(registry, batch)
                    total, batch = total + len(batch), []
            index_rows(registry, batch)
            self.stdout.write(f"{registry.name}：已重建 {total + len(batch)} 条记录的索引")
