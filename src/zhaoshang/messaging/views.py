"""The office's pages: message channels (add, edit, enable/disable, send a test) and the delivery log."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from zhaoshang.core.decorators import page
from zhaoshang.core.jobs import stale_jobs_fail
from zhaoshang.core.permissions import get_for
from zhaoshang.messaging.choices import ChannelKind, DeliverySource, DeliveryStatus
from zhaoshang.messaging.forms import ChannelForm
from zhaoshang.messaging.models import Channel, Delivery
from zhaoshang.messaging.selectors import channels_for, deliveries_for
from zhaoshang.messaging.services import channel_save, channel_set_enabled, channel_test


@page("supervise")
def channel_list(request):
    return render(request, "messaging/channels.html", {"channels": channels_for(user=request.user)})


@page("supervise")
def channel_new(request):
    return _channel_form(request, Channel())


@page("supervise")
def channel_edit(request, pk: int):
    return _channel_form(request, get_for(request.user, "supervise", Channel.objects.all(), pk=pk))


def _channel_form(request, channel: Channel):
    form = ChannelForm(request.POST or None, instance=channel)
    if request.method == "POST" and form.is_valid():
        channel = channel_save(actor=request.user, channel=form.instance)
        messages.success(request, f"已保存消息渠道「{channel.name}」。可点击“发送测试消息”检查配置。")
        return redirect("messaging:channels")
    return render(request, "messaging/channel_form.html", {"form": form, "channel": channel})


@require_POST
@page("supervise")
def channel_toggle(request, pk: int):
    channel = get_for(request.user, "supervise", Channel.objects.all(), pk=pk)
    channel = channel_set_enabled(actor=request.user, channel=channel, enabled=request.POST.get("enabled") == "1")
    messages.success(request, f"已{'启用' if channel.enabled else '停用'}消息渠道「{channel.name}」。")
    return redirect("messaging:channels")


@require_POST
@page("supervise")
def channel_send_test(request, pk: int):
    channel = get_for(request.user, "supervise", Channel.objects.all(), pk=pk)
    deliveries = channel_test(actor=request.user, channel=channel)
    messages.success(request, f"测试消息已加入发送队列（{len(deliveries)}条），稍后在发送记录中查看结果。")
    return redirect(f"{reverse('messaging:deliveries')}?channel={channel.pk}")


@page("supervise")
def delivery_list(request):
    stale_jobs_fail(Delivery, active=[DeliveryStatus.SENDING], failed=DeliveryStatus.FAILED, advice="未能确认是否送达。")
    rows = deliveries_for(user=request.user, params=request.GET)
    page_obj = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "messaging/deliveries.html", {
        "page_obj": page_obj, "filters": request.GET, "channels": Channel.objects.restrict(request.user, "supervise").select_related("unit"),
        "statuses": DeliveryStatus.choices, "sources": DeliverySource.choices, "kinds": ChannelKind.choices,
    })
