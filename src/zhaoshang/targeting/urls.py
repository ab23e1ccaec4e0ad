"""The directory's own pages (its registries' lists and rows live under /registries/<key>/)."""

from django.urls import path

from zhaoshang.targeting import views

app_name = "targeting"
urlpatterns = [
    path("visits/stats/", views.visit_statistics, name="visit_stats"),
    path("visits/stats/export.xlsx", views.visit_statistics_export, name="visit_stats_export"),
]
