"""The project ledger import pages, mounted at /projects/import/ (before the projects app's own URLs)."""

from django.urls import path

from zhaoshang.projects.views import ledger_import as views

app_name = "project_import"
urlpatterns = [
    path("", views.upload, name="upload"),
    path("template.xlsx", views.template, name="template"),
    path("<int:pk>/", views.job, name="job"),
    path("<int:pk>/status/", views.status, name="status"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/discard/", views.discard, name="discard"),
    path("<int:pk>/errors.xlsx", views.errors, name="errors"),
]
