from django.urls import path

from zhaoshang.messaging import views

app_name = "messaging"

urlpatterns = [
    path("channels/", views.channel_list, name="channels"),
    path("channels/new/", views.channel_new, name="channel_new"),
    path("channels/<id:pk>/", views.channel_edit, name="channel_edit"),
    path("channels/<id:pk>/toggle/", views.channel_toggle, name="channel_toggle"),
    path("channels/<id:pk>/test/", views.channel_send_test, name="channel_test"),
    path("deliveries/", views.delivery_list, name="deliveries"),
]
