from django.urls import path

from zhaoshang.plans.views import browse, editing, importing

app_name = "plans"
urlpatterns = [
    path("", browse.plan_list, name="list"),
    path("<int:pk>/", browse.plan_detail, name="detail"),
    path("<int:pk>/search/", browse.plan_search, name="search"),
    path("<int:pk>/export.xlsx", browse.plan_export, name="export"),
    path("<int:pk>/archive/", editing.plan_archive, name="archive"),
    path("<int:pk>/delete/", editing.plan_remove, name="delete"),
    path("<int:pk>/chains/new/", editing.chain_new, name="chain_new"),
    path("chains/<int:pk>/edit/", editing.chain_edit, name="chain_edit"),
    path("chains/<int:pk>/merge/", editing.chain_merge_view, name="chain_merge"),
    path("assignments/<int:pk>/edit/", editing.assignment_edit, name="assignment_edit"),
    path("import/", importing.import_upload, name="import"),
    path("import/<int:pk>/", importing.import_preview_page, name="import_preview"),
    path("uploads/<int:pk>/file/", browse.upload_file, name="upload_file"),
]
