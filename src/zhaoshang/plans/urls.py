from django.urls import path

from zhaoshang.plans.views import browse, editing, importing

app_name = "plans"
urlpatterns = [
    path("", browse.plan_list, name="list"),
    path("<id:pk>/", browse.plan_detail, name="detail"),
    path("<id:pk>/search/", browse.plan_search, name="search"),
    path("<id:pk>/export.xlsx", browse.plan_export, name="export"),
    path("<id:pk>/archive/", editing.plan_archive, name="archive"),
    path("<id:pk>/delete/", editing.plan_remove, name="delete"),
    path("<id:pk>/chains/new/", editing.chain_new, name="chain_new"),
    path("chains/<id:pk>/edit/", editing.chain_edit, name="chain_edit"),
    path("chains/<id:pk>/merge/", editing.chain_merge_view, name="chain_merge"),
    path("assignments/<id:pk>/edit/", editing.assignment_edit, name="assignment_edit"),
    path("import/", importing.import_upload, name="import"),
    path("import/<id:pk>/", importing.import_preview_page, name="import_preview"),
    path("uploads/<id:pk>/file/", browse.upload_file, name="upload_file"),
]
