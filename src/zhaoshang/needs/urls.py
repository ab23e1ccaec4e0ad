from django.urls import path

from zhaoshang.needs import views, views_actions

app_name = "needs"
urlpatterns = [
    path("", views.need_list, name="list"),
    path("export.xlsx", views.need_export, name="export"),
    path("stats/", views.need_stats, name="stats"),
    path("limits/", views.need_limits, name="limits"),
    path("new/", views.need_new, name="new"),
    path("<int:pk>/", views.need_detail, name="detail"),
    path("<int:pk>/edit/", views.need_edit, name="edit"),
    path("<int:pk>/accept/", views_actions.accept, name="accept"),
    path("<int:pk>/settle/", views_actions.settle, name="settle"),
    path("<int:pk>/rate/", views_actions.rate, name="rate"),
    path("<int:pk>/route/", views_actions.route, name="route"),
    path("<int:pk>/urge/", views_actions.urge, name="urge"),
]
