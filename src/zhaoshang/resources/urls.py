"""The resource pages (the registries themselves are the kit's, under /registries/<key>/)."""

from django.urls import path

from zhaoshang.resources import views

app_name = "resources"
urlpatterns = [
    path("available/", views.available, name="available"),
    path("available/export.xlsx", views.available_export, name="available_export"),
]
