from django.urls import path

from zhaoshang.supervision import (
    views, views_inbox, views_notifications, views_problems, views_ranking, views_report, views_settings,
)

app_name = "supervision"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("my/", views.my_work, name="my_work"),
    path("assignments/", views.assignment_list, name="assignments"),
    path("tasks/<id:pk>/", views.task_detail, name="task"),
    path("tasks/<id:pk>/title/", views.task_title, name="task_title"),
    path("assignments/<id:pk>/report/", views_report.assignment_report, name="report"),
    path("assignments/<id:pk>/urge/", views.urge, name="urge"),
    path("assignments/<id:pk>/escalate/", views.escalate, name="escalate"),
    path("escalations/<id:pk>/notice.docx", views.escalation_notice, name="escalation_notice"),
    path("reports/<id:pk>/review/", views.report_review, name="review"),
    path("reports/<id:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path("attachments/<id:pk>/", views.attachment_download, name="attachment"),
    path("problems/", views_problems.problem_list, name="problems"),
    path("problems/<id:pk>/", views_problems.problem_edit, name="problem"),
    path("settings/", views_settings.settings_page, name="settings"),
    path("notifications/", views_notifications.notification_list, name="notifications"),
    path("notifications/read/", views_notifications.notifications_read, name="notifications_read"),
    path("notifications/<id:pk>/", views_notifications.notification_open, name="notification_open"),
    path("inbox/", views_inbox.inbox, name="inbox"),
    path("urge/", views_inbox.urge_batch, name="urge_batch"),
    path("ranking/", views_ranking.ranking, name="ranking"),
    path("ranking.xlsx", views_ranking.ranking_export, name="ranking_export"),
]
