"""The registry pages, one set for every registry (the key in the URL picks it)."""

from django.urls import path

from zhaoshang.registries import views

app_name = "registries"
urlpatterns = [
    path("", views.index, name="index"),
    path("links/<id:pk>/delete/", views.link_delete, name="link_delete"),
    path("attachments/<id:pk>/", views.attachment, name="attachment"),
    path("<slug:key>/", views.entry_list, name="list"),
    path("<slug:key>/export.xlsx", views.export, name="export"),
    path("<slug:key>/new/", views.new, name="new"),
    path("<slug:key>/trash/", views.trash, name="trash"),
    path("<slug:key>/settings/", views.registry_settings, name="settings"),
    path("<slug:key>/<id:pk>/", views.detail, name="detail"),
    path("<slug:key>/<id:pk>/edit/", views.edit, name="edit"),
    path("<slug:key>/<id:pk>/delete/", views.delete, name="delete"),
    path("<slug:key>/<id:pk>/restore/", views.restore, name="restore"),
    path("<slug:key>/<id:pk>/links/", views.link_new, name="link_new"),
    path("<slug:key>/<id:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
]
