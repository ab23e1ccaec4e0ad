"""The floors the pipeline's pages are measured against (bench/pipeline.py): minimal views through the same
middleware that render the same rows with `values()` through a tiny template, and everything else of the site as
usual. The list's: its first 50 rows (newest first, the live projects, optionally one chain and stage); the kanban's:
the newest 15 projects of each stage, as its cards."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from zhaoshang.projects.choices import Stage
from zhaoshang.projects.models import Project
from zhaoshang.projects.selectors import KANBAN_CARDS

ROWS = engines["django"].from_string(
    "<table>{% for r in rows %}<tr><td>{{ r.name }}</td><td>{{ r.amount_wan }}</td><td>{{ r.stage }}</td>"
    "<td>{{ r.state }}</td><td>{{ r.updated_at }}</td></tr>{% endfor %}</table>")


def floor(request):
    rows = Project.objects.order_by("-updated_at", "-id")
    if request.GET.get("chain"):
        rows = rows.filter(chain_id=request.GET["chain"], stage=request.GET["stage"])
    rows = rows.values("pk", "name", "amount_wan", "stage", "state", "updated_at")[:50]
    return HttpResponse(ROWS.render({"rows": rows}))


def kanban_floor(request):
    rows = Project.objects.order_by("-updated_at", "-id").values("pk", "name", "amount_wan", "stage", "state", "updated_at")
    return HttpResponse(ROWS.render({"rows": [row for stage in Stage.values for row in rows.filter(stage=stage)[:KANBAN_CARDS]]}))


urlpatterns = [path("bench-floor/", floor), path("bench-floor/kanban/", kanban_floor), path("", include("zhaoshang.urls"))]
