from django.urls import path

from zhaoshang.projects.views import editing, pipeline, project

app_name = "projects"
urlpatterns = [
    path("", pipeline.pipeline, name="list"),
    path("kanban/", pipeline.kanban, name="kanban"),
    path("export.xlsx", pipeline.export, name="export"),
    path("new/", project.new, name="new"),
    path("<id:pk>/", project.detail, name="detail"),
    path("<id:pk>/move/", project.move, name="move"),
    path("<id:pk>/edit/", editing.edit, name="edit"),
    path("<id:pk>/delete/", editing.delete, name="delete"),
    path("changes/<id:pk>/correct/", editing.correct, name="correct"),
    path("changes/<id:pk>/evidence/", project.evidence, name="evidence"),
    path("enterprises/<id:pk>/", project.enterprise, name="enterprise"),
]
