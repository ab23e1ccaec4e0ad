"""The network pages (the registries themselves live under /registries/<key>/)."""

from django.urls import path

from zhaoshang.network import views

app_name = "network"
urlpatterns = [
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/export.xlsx", views.referrals_export, name="referrals_export"),
    path("referrals/lookup/", views.referral_lookup, name="referral_lookup"),
    path("referrals/<id:pk>/delete/", views.referral_delete, name="referral_delete"),
    path("projects/<id:pk>/referrals/", views.referral_new, name="referral_new"),
]
