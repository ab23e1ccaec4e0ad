from django.urls import path

from zhaoshang.kpis import views, views_board, views_define

app_name = "kpis"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("overview.xlsx", views.overview_export, name="overview_export"),
    path("<id:pk>/", views.detail, name="detail"),
    path("<id:pk>/rows.xlsx", views.rows_export, name="rows_export"),
    path("<id:pk>/edit/", views.edit, name="edit"),
    path("<id:pk>/delete/", views_define.delete, name="delete"),
    path("new/", views_define.create, name="create"),
    path("suggestions/", views_define.suggestions, name="suggestions"),
    path("suggestions/<id:pk>/", views_define.suggestion_decide, name="suggestion_decide"),
    path("<id:pk>/baseline/", views.baseline, name="baseline"),
    path("<id:pk>/values/", views.value_submit, name="value_submit"),
    path("values/<id:pk>/review/", views.value_review, name="value_review"),
    path("values/<id:pk>/evidence/", views.value_evidence, name="value_evidence"),
    path("chains/", views_board.chain_board, name="chains"),
    path("dashboard/", views_board.dashboard, name="dashboard"),
    path("screen/", views_board.screen, name="screen"),
    path("drill/", views_board.drill, name="drill"),
    path("drill.xlsx", views_board.drill_export, name="drill_export"),
]
