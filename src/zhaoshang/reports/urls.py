from django.urls import path

from zhaoshang.reports import views

app_name = "reports"
urlpatterns = [
    path("bulletins/", views.bulletins, name="bulletins"),
    path("bulletins/new/", views.bulletin_new, name="bulletin_new"),
    path("bulletins/<id:pk>/row/", views.bulletin_row, name="bulletin_row"),
    path("bulletins/<id:pk>/preview/", views.bulletin_preview, name="bulletin_preview"),
    path("bulletins/<id:pk>/<str:kind>/", views.bulletin_download, name="bulletin_download"),
    path("settings/", views.doc_settings_page, name="doc_settings"),
]
