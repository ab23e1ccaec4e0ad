"""招商靶向 pages, mounted at /targeting/candidates/."""

from django.urls import path

from zhaoshang.targeting import views_candidates as views

app_name = "targeting_candidates"
urlpatterns = [
    path("", views.index, name="index"),
    path("<id:chain_id>/", views.chain_page, name="chain"),
    path("<id:chain_id>/mark/", views.mark, name="mark"),
    path("targets/<id:pk>/drop/", views.drop, name="drop"),
    path("targets/<id:pk>/lead/", views.lead, name="lead"),
]
