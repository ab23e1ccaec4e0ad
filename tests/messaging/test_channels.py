"""Message channels: payloads and the 钉钉 signature as a loopback server sees them, retries, time-outs that never
hold up a page, the office-only pages, and keys that never reach a page or the audit log in clear."""

import base64
import hashlib
import hmac
import json
import time

import pytest
from django.urls import reverse

from tests.messaging.loopback import Loopback
from zhaoshang.accounts.models import Unit, User
from zhaoshang.core.models import AuditLog
from zhaoshang.messaging import jobs
from zhaoshang.messaging.models import Channel, Delivery
from zhaoshang.messaging.senders import ChannelConfig, build_request
from zhaoshang.messaging.services import channel_save, dispatch_notification
from zhaoshang.supervision.models import Notification
from zhaoshang.supervision.services.notify import notify_office, notify_unit

DING_SECRET = "SECtest0123456789abcdefSIGN"
WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifaKEY9"


@pytest.fixture
def loopback():
    with Loopback() as server:
        yield server


def make_channel(office, **fields) -> Channel:
    return channel_save(actor=office, channel=Channel(**{"name": "测试渠道", "kind": "wecom", **fields}))


def deliveries_of(channel):
    return list(Delivery.objects.filter(channel=channel).order_by("id"))


def test_wecom_robot_gets_markdown_once_per_unit(office, unit_user, loopback, django_capture_on_commit_callbacks, settings):
    settings.ZHAOSHANG_SITE_URL = "https://zs.example.gov.cn"
    User.objects.create_user(username="fgw2", password="x-Pass-123456", role="unit", unit=unit_user.unit)
    channel = make_channel(office, unit=unit_user.unit, url=f"{loopback.url}/cgi-bin/webhook/send?key={WECOM_KEY}")
    make_channel(office, name="别的单位", unit=Unit.objects.get(short_name="市商务局"), url=f"{loopback.url}/other")
    with django_capture_on_commit_callbacks(execute=True):
        told = notify_unit(unit_id=unit_user.unit_id, kind="urged", text="请于本周报送9月进展", url="/supervision/x/")
    assert told == 2  # two users told in the app, one message in the group
    [request] = loopback.received
    assert request.path == "/cgi-bin/webhook/send" and request.query["key"] == WECOM_KEY
    payload = request.json()
    assert payload["msgtype"] == "markdown"
    assert "请于本周报送9月进展" in payload["markdown"]["content"]
    assert "[查看详情](https://zs.example.gov.cn/supervision/x/)" in payload["markdown"]["content"]
    [delivery] = deliveries_of(channel)
    assert (delivery.status, delivery.attempts, delivery.message) == ("sent", 1, "")
    assert delivery.notification.user.unit_id == unit_user.unit_id


def test_dingtalk_signature_is_checked_by_the_server(office, agri_user, loopback, django_capture_on_commit_callbacks):
    def check(request):
        timestamp = request.query.get("timestamp", "")
        digest = hmac.new(DING_SECRET.encode(), f"{timestamp}\n{DING_SECRET}".encode(), hashlib.sha256).digest()
        fresh = abs(int(timestamp or 0) - time.time() * 1000) < 60 * 60 * 1000
        if fresh and request.query.get("sign") == base64.b64encode(digest).decode():
            return 200, {"errcode": 0, "errmsg": "ok"}, 0
        return 200, {"errcode": 310000, "errmsg": "sign not match"}, 0

    loopback.check = check
    good = make_channel(office, kind="dingtalk", msg_format="text", unit=agri_user.unit,
                        url=f"{loopback.url}/robot/send?access_token=tok1", secret=DING_SECRET)
    with django_capture_on_commit_callbacks(execute=True):
        notify_unit(unit_id=agri_user.unit_id, kind="due", text="任务5将于9月25日到期")
    [request] = loopback.received
    assert request.query["access_token"] == "tok1"
    assert request.json() == {"msgtype": "text", "text": {"content": "【招商引资督办】任务5将于9月25日到期"}}
    assert deliveries_of(good)[0].status == "sent"

    good.secret = "SECwrong-secret-value"
    channel_save(actor=office, channel=good)
    with django_capture_on_commit_callbacks(execute=True):
        notify_unit(unit_id=agri_user.unit_id, kind="due", text="另一条提醒")
    rejected = deliveries_of(good)[-1]
    assert rejected.status == "failed" and rejected.attempts == jobs.MAX_ATTEMPTS
    assert "errcode=310000" in rejected.message
    assert AuditLog.objects.filter(action="deliver_failed", object_id=str(rejected.pk)).exists()


def test_retries_on_500_then_success(office, unit_user, loopback, django_capture_on_commit_callbacks):
    loopback.answers = [(500, {"error": "busy"}, 0), (502, {"error": "gateway"}, 0), (200, {"errcode": 0}, 0)]
    channel = make_channel(office, unit=unit_user.unit, url=f"{loopback.url}/hook")
    with django_capture_on_commit_callbacks(execute=True):
        notify_unit(unit_id=unit_user.unit_id, kind="urged", text="催办")
    [delivery] = deliveries_of(channel)
    assert (delivery.status, delivery.attempts, delivery.next_attempt_at) == ("sent", 3, None)
    attempts = list(delivery.attempt_rows.values_list("ok", "http_status"))
    assert attempts == [(False, 500), (False, 502), (True, 200)]
    assert len(loopback.received) == 3
    assert jobs.backoff_seconds(1) < jobs.backoff_seconds(2) < jobs.backoff_seconds(3)


def test_sms_gateway_fills_the_template_per_phone_with_its_token(office, unit_user, loopback,
                                                                django_capture_on_commit_callbacks):
    loopback.answers = [(200, {"code": "OK"}, 0)]
    channel = make_channel(office, kind="sms", unit=unit_user.unit, url=f"{loopback.url}/sms/send", secret="Bearer tk-9876",
                           phones="13800001111\n13900002222", success_marker='"OK"',
                           body_template='{"mobile": "{phone}", "content": "{text}", "sign": "招商"}')
    with django_capture_on_commit_callbacks(execute=True):
        notify_unit(unit_id=unit_user.unit_id, kind="returned", text='报告退回："进展"不具体')
    bodies = sorted((r.json()["mobile"], r.json()["content"]) for r in loopback.received)
    assert bodies == [("13800001111", '【招商引资督办】报告退回："进展"不具体'), ("13900002222", '【招商引资督办】报告退回："进展"不具体')]
    assert {r.headers["authorization"] for r in loopback.received} == {"Bearer tk-9876"}
    assert [d.status for d in deliveries_of(channel)] == ["sent", "sent"]


def test_sms_get_template_goes_into_the_query():
    config = ChannelConfig(kind="sms", url="https://sms.example.cn/send?user=zs", method="GET",
                           body_template="mobile={phone}&msg={text}")
    request = build_request(config, text="请报送 & 核实", phone="13800001111")
    assert request.method == "GET" and request.body is None
    assert request.url.startswith("https://sms.example.cn/send?user=zs&mobile=13800001111&msg=")
    assert "%26" in request.url


def test_timeout_is_an_attempt_with_a_reason(office, unit_user, loopback, settings, monkeypatch,
                                             django_capture_on_commit_callbacks):
    settings.ZHAOSHANG_MESSAGING_TIMEOUT = 0.3
    monkeypatch.setattr(jobs, "MAX_ATTEMPTS", 1)
    loopback.answers = [(200, {"errcode": 0}, 1.5)]
    channel = make_channel(office, unit=unit_user.unit, url=f"{loopback.url}/slow")
    with django_capture_on_commit_callbacks(execute=True):
        notify_unit(unit_id=unit_user.unit_id, kind="urged", text="催办")
    [delivery] = deliveries_of(channel)
    assert delivery.status == "failed" and "超时" in delivery.message


def test_a_hanging_channel_never_holds_up_the_page(office_client, office, loopback, settings, monkeypatch,
                                                   django_capture_on_commit_callbacks):
    """With the real database queue, the page only queues the message after commit and returns at once."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    monkeypatch.setattr(jobs, "WORKER_GRACE_SECONDS", 3600)  # the fallback thread would wait for a worker
    loopback.answers = [(200, {"errcode": 0}, 5)]
    channel = make_channel(office, url=f"{loopback.url}/hang")
    office_client.get(reverse("messaging:channels"))  # warm up (URLconf, templates) before timing
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = office_client.post(reverse("messaging:channel_test", args=[channel.pk]))
    assert response.status_code == 302 and time.monotonic() - started < 2  # the robot hangs for 5 s
    [delivery] = deliveries_of(channel)
    assert delivery.status == "pending" and loopback.received == []
    assert DBTaskResult.objects.filter(args_kwargs__args=[delivery.pk]).exists()


def test_office_notifications_go_to_the_office_channels(office, unit_user, loopback, django_capture_on_commit_callbacks):
    office_channel = make_channel(office, name="督办办群", url=f"{loopback.url}/office")
    unit_channel = make_channel(office, unit=unit_user.unit, url=f"{loopback.url}/unit")
    with django_capture_on_commit_callbacks(execute=True):
        notify_office(kind="submitted", by=unit_user, text="市发改委报送了进展")
    assert len(deliveries_of(office_channel)) == 1 and deliveries_of(unit_channel) == []
    assert {r.path for r in loopback.received} == {"/office"}


def test_disabled_channel_gets_nothing_but_can_be_tested(office_client, office, unit_user, loopback,
                                                         django_capture_on_commit_callbacks):
    channel = make_channel(office, unit=unit_user.unit, url=f"{loopback.url}/hook", enabled=False)
    note = Notification.objects.create(user=unit_user, kind="urged", text="催办")
    assert dispatch_notification(note) == []
    with django_capture_on_commit_callbacks(execute=True):
        office_client.post(reverse("messaging:channel_test", args=[channel.pk]))
    [delivery] = deliveries_of(channel)
    assert delivery.source == "test" and delivery.status == "sent"
    assert "测试消息" in loopback.received[0].json()["markdown"]["content"]


def test_keys_are_masked_on_pages_and_in_the_audit_log(office_client, office):
    url = f"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key={WECOM_KEY}"
    response = office_client.post(reverse("messaging:channel_new"), {
        "name": "督办群", "kind": "dingtalk", "unit": "", "enabled": "on", "url": url, "secret": DING_SECRET,
        "msg_format": "markdown", "method": "POST", "body_type": "json", "token_header": "Authorization"})
    assert response.status_code == 302
    channel = Channel.objects.get(name="督办群")
    assert channel.url == url and channel.secret == DING_SECRET
    pages = [office_client.get(reverse("messaging:channels")).content.decode(),
             office_client.get(reverse("messaging:channel_edit", args=[channel.pk])).content.decode()]
    for html in pages:
        assert WECOM_KEY not in html and DING_SECRET not in html and WECOM_KEY[:-4] not in html
    assert "****KEY9" in pages[0] and "****SIGN" in pages[0]
    # an edit that leaves the key fields empty keeps them
    office_client.post(reverse("messaging:channel_edit", args=[channel.pk]), {
        "name": "督办群（改）", "kind": "dingtalk", "unit": "", "url": "", "secret": "", "msg_format": "text",
        "method": "POST", "body_type": "json", "token_header": "Authorization"})
    channel.refresh_from_db()
    assert (channel.name, channel.url, channel.secret, channel.enabled) == ("督办群（改）", url, DING_SECRET, False)
    entries = AuditLog.objects.filter(object_type="messaging.channel", object_id=str(channel.pk))
    assert [e.action for e in entries.order_by("id")] == ["create", "update"]
    logged = json.dumps([[e.before, e.after] for e in entries], ensure_ascii=False)
    assert WECOM_KEY not in logged and DING_SECRET not in logged and "****SIGN" in logged


def test_form_errors_in_chinese(office_client):
    response = office_client.post(reverse("messaging:channel_new"), {
        "name": "短信", "kind": "sms", "url": "ftp://x", "msg_format": "text", "method": "POST", "body_type": "json",
        "phones": "1380000abc", "body_template": "{}"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "地址必须以 http:// 或 https:// 开头" in html and "手机号格式不正确" in html and "{text}" in html


@pytest.mark.parametrize("name", ["channels", "channel_new", "deliveries"])
def test_only_the_office_manages_channels(name, office_client, unit_client, leader_client, client, demo):
    url = reverse(f"messaging:{name}")
    assert office_client.get(url).status_code == 200
    assert unit_client.get(url).status_code == 403
    assert leader_client.get(url).status_code == 403
    assert client.get(url).status_code == 302


def test_units_cannot_touch_a_channel(office, unit_client, unit_user, loopback):
    channel = make_channel(office, unit=unit_user.unit, url=f"{loopback.url}/hook")
    for name in ("channel_edit", "channel_toggle", "channel_test"):
        assert unit_client.post(reverse(f"messaging:{name}", args=[channel.pk]), {"enabled": "0"}).status_code == 403
    channel.refresh_from_db()
    assert channel.enabled and not Delivery.objects.exists()


def test_toggle_is_audited(office_client, office, loopback):
    channel = make_channel(office, url=f"{loopback.url}/hook")
    office_client.post(reverse("messaging:channel_toggle", args=[channel.pk]), {"enabled": "0"})
    channel.refresh_from_db()
    assert not channel.enabled
    assert AuditLog.objects.filter(object_type="messaging.channel", action="disable").count() == 1


def test_delivery_log_filters_and_pages(office_client, office, loopback, django_assert_max_num_queries):
    channel = make_channel(office, url=f"{loopback.url}/hook")
    Delivery.objects.bulk_create([Delivery(channel=channel, text=f"消息{i}", status="failed" if i % 3 else "sent",
                                           attempts=1, message="HTTP 500") for i in range(120)])
    url = reverse("messaging:deliveries")
    with django_assert_max_num_queries(12):
        response = office_client.get(url, {"status": "failed", "channel": channel.pk})
    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 80 and len(response.context["page_obj"]) == 50
    assert office_client.get(url, {"status": "failed", "page": 2}).context["page_obj"].number == 2
    assert office_client.get(url, {"q": "消息11"}).context["page_obj"].paginator.count == 11  # 消息11, 消息110…119
    assert office_client.get(url, {"status": "bogus"}).status_code == 400
    assert office_client.get(url, {"since": "2025-13-01"}).status_code == 400
