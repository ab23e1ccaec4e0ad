from django.urls import path

from zhaoshang.accounts import views

app_name = "units"
urlpatterns = [
    path("", views.unit_list, name="list"),
    path("<id:pk>/", views.unit_detail, name="detail"),
]
