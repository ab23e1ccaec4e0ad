"""Index the rows that lists now search from the index: every project, need and meeting, and every enterprise the
directory's own writes did not index (the ones projects created through enterprise_for). Texts come from the
historical rows through the functions the services use; deleted rows are indexed too, as the services leave them."""

from django.db import migrations

from zhaoshang.meetings.search import MEETING_KIND, meeting_texts
from zhaoshang.needs.search import NEED_KIND, need_texts
from zhaoshang.projects.search import ENTERPRISE_KIND, PROJECT_KIND, enterprise_texts, project_texts
from zhaoshang.search.services import search_index_rows

CHUNK = 2000
KINDS = [("projects", "Project", PROJECT_KIND, project_texts),
         ("projects", "Enterprise", ENTERPRISE_KIND, enterprise_texts),
         ("needs", "Need", NEED_KIND, need_texts),
         ("meetings", "Meeting", MEETING_KIND, meeting_texts)]


def index_pipeline(apps, schema_editor):
    for app_label, model_name, kind, texts in KINDS:
        rows = apps.get_model(app_label, model_name)._base_manager.order_by("pk")
        # an enterprise already indexed with the same text costs one read per batch: the put writes only changes
        search_index_rows(kind, rows.iterator(chunk_size=CHUNK), texts)


class Migration(migrations.Migration):

    dependencies = [
        ("search", "0001_initial"),
        ("projects", "0009_enterprise_directory"),
        ("needs", "0001_initial"),
        ("meetings", "0001_initial"),
    ]

    operations = [migrations.RunPython(index_pipeline, migrations.RunPython.noop)]
