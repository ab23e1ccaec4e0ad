from django.urls import path

from zhaoshang.needs import views, views_actions

app_name = "needs"
urlpatterns = [
    path("", views.need_list, name="list"),
    path("export.xlsx", views.need_export, name="export"),
    path("stats/", views.need_stats, name="stats"),
    path("limits/", views.need_limits, name="limits"),
    path("new/", views.need_new, name="new"),
    path("lookup/", views.need_lookup, name="lookup"),
    path("<id:pk>/", views.need_detail, name="detail"),
    path("<id:pk>/edit/", views.need_edit, name="edit"),
    path("<id:pk>/accept/", views_actions.accept, name="accept"),
    path("<id:pk>/settle/", views_actions.settle, name="settle"),
    path("<id:pk>/rate/", views_actions.rate, name="rate"),
    path("<id:pk>/route/", views_actions.route, name="route"),
    path("<id:pk>/urge/", views_actions.urge, name="urge"),
]
