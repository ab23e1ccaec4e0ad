from django.urls import path

from zhaoshang.core import views

app_name = "core"
urlpatterns = [
    path("recycle-bin/", views.recycle_bin, name="recycle_bin"),
    path("recycle-bin/<str:label>/<id:pk>/restore/", views.restore, name="restore"),
    path("audit/", views.audit_log, name="audit"),
    path("audit.xlsx", views.audit_export, name="audit_export"),
]
