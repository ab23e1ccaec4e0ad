from django.urls import path

from zhaoshang.supervision import views, views_notifications, views_problems, views_ranking, views_settings

app_name = "supervision"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("my/", views.my_work, name="my_work"),
    path("tasks/<id:pk>/", views.task_detail, name="task"),
    path("assignments/<id:pk>/report/", views.assignment_report, name="report"),
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
    path("ranking/", views_ranking.ranking, name="ranking"),
    path("ranking.xlsx", views_ranking.ranking_export, name="ranking_export"),
]
