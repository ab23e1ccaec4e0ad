"""URL map: pages per app, the API under /api/v1/, Django admin for the admin role."""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from zhaoshang.accounts.views import LoginView
from zhaoshang.api.main import api
from zhaoshang.core.static_files import favicon
from zhaoshang.core.views import home
from zhaoshang.core.views_health import healthz

urlpatterns = [
    path("", home, name="home"),
    path("accounts/login/", LoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/me/", include("zhaoshang.accounts.urls_account")),
    path("plans/", include("zhaoshang.plans.urls")),
    path("units/", include("zhaoshang.accounts.urls")),
    path("supervision/", include("zhaoshang.supervision.urls")),
    path("projects/import/", include("zhaoshang.projects.urls_import")),
    path("projects/", include("zhaoshang.projects.urls")),
    path("meetings/", include("zhaoshang.meetings.urls")),
    path("needs/", include("zhaoshang.needs.urls")),
    path("reports/", include("zhaoshang.reports.urls")),
    path("exports/", include("zhaoshang.exports.urls")),
    path("kpis/baselines/import/", include("zhaoshang.kpis.urls_baseline_import")),
    path("kpis/", include("zhaoshang.kpis.urls")),
    path("registries/<slug:key>/import/", include("zhaoshang.registries.urls_import")),
    path("registries/", include("zhaoshang.registries.urls")),
    path("network/", include("zhaoshang.network.urls")),
    path("targeting/", include("zhaoshang.targeting.urls")),
    path("targeting/candidates/", include("zhaoshang.targeting.urls_candidates")),
    path("resources/", include("zhaoshang.resources.urls")),
    path("messaging/", include("zhaoshang.messaging.urls")),
    path("", include("zhaoshang.core.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("healthz", healthz, name="healthz"),
    path("favicon.ico", favicon, name="favicon"),
]

handler400 = "zhaoshang.core.query_params.bad_request"
handler403 = "zhaoshang.core.views_errors.permission_denied"  # Chinese pages; JSON under /api/
handler404 = "zhaoshang.core.views_errors.page_not_found"
handler500 = "zhaoshang.core.views_errors.server_error"
