from django.urls import path

from zhaoshang.exports import views

app_name = "exports"
urlpatterns = [
    path("<id:pk>/", views.job, name="job"),
    path("<id:pk>/status/", views.job_status, name="status"),
    path("<id:pk>/file/", views.job_file, name="file"),
]
