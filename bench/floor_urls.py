"""The floor the pipeline's pages are measured against (bench/pipeline.py): a minimal view through the same
middleware that renders the same 50 rows of the list (newest first, the live projects, optionally one chain and stage)
with `values()` through a tiny template, and everything else of the site as usual."""

from django.http import HttpResponse
from django.template import engines
from django.urls import include, path

from zhaoshang.projects.models import Project

ROWS = engines["django"].from_string(
    "<table>{% for r in rows %}<tr><td>{{ r.name }}</td><td>{{ r.amount_wan }}</td><td>{{ r.stage }}</td>"
    "<td>{{ r.state }}</td><td>{{ r.updated_at }}</td></tr>{% endfor %}</table>")


def floor(request):
    rows = Project.objects.order_by("-updated_at", "-id")
    if request.GET.get("chain"):
        rows = rows.filter(chain_id=request.GET["chain"], stage=request.GET["stage"])
    rows = rows.values("pk", "name", "amount_wan", "stage", "state", "updated_at")[:50]
    return HttpResponse(ROWS.render({"rows": rows}))


urlpatterns = [path("bench-floor/", floor), path("", include("zhaoshang.urls"))]
