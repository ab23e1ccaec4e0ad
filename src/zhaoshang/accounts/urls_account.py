"""「我的账号」: the user's own password and API tokens."""

from django.urls import path

from zhaoshang.accounts import views_account as views

app_name = "account"
urlpatterns = [
    path("", views.account_home, name="home"),
    path("password/", views.account_password, name="password"),
    path("otp/", views.account_otp, name="otp"),
    path("tokens/<id:pk>/revoke/", views.account_token_revoke, name="token_revoke"),
]
