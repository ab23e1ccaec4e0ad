from django.urls import path

from zhaoshang.meetings import views, views_actions, views_parts, views_series

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("export.xlsx", views.meeting_export, name="export"),
    path("new/", views.meeting_new, name="new"),
    path("series/", views_series.series_page, name="series"),
    path("<id:pk>/", views.meeting_detail, name="detail"),
    path("<id:pk>/edit/", views.meeting_edit, name="edit"),
    path("<id:pk>/minutes.docx", views.minutes, name="minutes"),
    path("<id:pk>/agenda/", views_parts.agenda, name="agenda"),
    path("<id:pk>/attendees/", views_parts.attendees, name="attendees"),
    path("<id:pk>/decisions/", views_parts.decision, name="decision_add"),
    path("<id:pk>/actions/", views_parts.action_add, name="action_add"),
    path("actions/", views_actions.action_list, name="actions"),
    path("actions/export.xlsx", views_actions.action_export, name="actions_export"),
    path("actions/<id:pk>/update/", views_actions.action_update, name="action_update"),
    path("actions/<id:pk>/urge/", views_actions.action_urge, name="action_urge"),
]
