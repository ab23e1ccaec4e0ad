"""`zhaoshang search-reindex [KEY …]`: build the search index again from the rows (after the index's term rules
change, or to repair it): the registries by their key, and the pipeline's lists (project, need, meeting); every kind
when no key is given."""

from django.core.management.base import BaseCommand, CommandError

from zhaoshang.meetings.models import Meeting
from zhaoshang.meetings.search import MEETING_KIND, meeting_texts
from zhaoshang.needs.models import Need
from zhaoshang.needs.search import NEED_KIND, need_texts
from zhaoshang.projects.models import Project
from zhaoshang.projects.search import PROJECT_KIND, project_texts
from zhaoshang.registries.catalog import all_registries
from zhaoshang.registries.services import search_texts
from zhaoshang.search.services import search_index_clear, search_index_rows

CHUNK = 2000
# the lists searched from the index that are not registries: kind → (model, its rows' texts, name)
PIPELINE = {PROJECT_KIND: (Project, project_texts, "项目库"), NEED_KIND: (Need, need_texts, "企业诉求"),
            MEETING_KIND: (Meeting, meeting_texts, "会议")}


class Command(BaseCommand):
    help = "重建检索索引：数据库、项目库、企业诉求和会议（不指定时重建全部）。"

    def add_arguments(self, parser):
        parser.add_argument("keys", nargs="*", help="数据库代码，如 land、enterprise；或 project、need、meeting")

    def handle(self, *args, **options):
        kinds = {key: (registry.model, lambda row, registry=registry: search_texts(registry, row), registry.name)
                 for key, registry in all_registries().items()}
        kinds.update(PIPELINE)
        unknown = [key for key in options["keys"] if key not in kinds]
        if unknown:
            raise CommandError(f"没有这些数据库：{'、'.join(unknown)}。可选：{'、'.join(kinds)}")
        for key in options["keys"] or list(kinds):
            model, texts, name = kinds[key]
            search_index_clear(key)
            # deleted rows too: lists read live rows only, and a restored row is found again
            count = search_index_rows(key, model.all_objects.order_by("pk").iterator(chunk_size=CHUNK), texts)
            self.stdout.write(f"{name}：已重建 {count} 条记录的索引")
