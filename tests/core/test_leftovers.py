"""Django leftovers gone: no "---------" in selects, Chinese validation messages, /favicon.ico served, error answers
JSON under /api/ and Chinese pages elsewhere; each role lands where it works; menu and print stylesheet."""

import json

import pytest
from django import forms
from django.contrib.staticfiles import finders
from django.test import Client, RequestFactory

from zhaoshang.accounts.models import Unit
from zhaoshang.core.views_errors import csrf_failure
from zhaoshang.kpis.models import Kpi


class _UnitForm(forms.Form):
    unit = forms.ModelChoiceField(queryset=Unit.objects.all(), required=False)
    name = forms.CharField(max_length=5)
    count = forms.IntegerField(min_value=1)


def test_selects_say_please_choose_not_dashes(demo):
    html = str(_UnitForm())
    assert "---------" not in html and "请选择…" in html


@pytest.mark.parametrize("url", ["/projects/new/", "/needs/new/", "/meetings/new/", "/projects/", "/needs/"])
def test_no_dashes_on_forms_and_filters(office_client, url):
    page = office_client.get(url).content.decode()
    assert "---------" not in page


def test_the_kpi_edit_form_has_no_dashes(office_client, demo):
    kpi = Kpi.objects.filter(plan=demo).first()
    assert "---------" not in office_client.get(f"/kpis/{kpi.pk}/edit/").content.decode()


def test_validation_messages_are_clear_chinese(demo):
    form = _UnitForm({"name": "一二三四五六七", "count": "0"})
    assert not form.is_valid()
    assert form.errors["name"] == ["最多可填 5 个字（现有 7 个字），请精简。"]
    assert form.errors["count"] == ["不能小于 1。"]
    assert "确保" not in str(form.errors)
    assert _UnitForm({"name": ""}).errors["name"] == ["此项必填。"]


def test_favicon_ico_is_served_not_404(db):
    response = Client().get("/favicon.ico")
    assert response.status_code == 301 and response["Location"].endswith("favicon.svg")
    assert finders.find("zhaoshang/favicon.svg")


def test_api_errors_stay_json(office_client):
    response = office_client.get("/api/v1/no-such-endpoint")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["detail"] == "接口不存在"


def test_api_csrf_failure_is_json():
    response = csrf_failure(RequestFactory().post("/api/v1/reports/1/review"))
    assert response.status_code == 403 and "CSRF" in json.loads(response.content)["detail"]


def test_pages_404_stay_chinese_html(office_client):
    response = office_client.get("/no-such-page/")
    assert response.status_code == 404 and "页面不存在" in response.content.decode()


@pytest.mark.parametrize(("who", "landing"), [("office", "/supervision/"), ("leader", "/kpis/dashboard/"),
                                             ("unit", "/supervision/my/")])
def test_each_role_lands_where_it_works(demo, who, landing, office_client, leader_client, unit_client):
    client = {"office": office_client, "leader": leader_client, "unit": unit_client}[who]
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == landing


def test_the_menu_reaches_the_wall_screen_and_the_action_items(office_client):
    page = office_client.get("/plans/").content.decode()
    assert 'href="/kpis/screen/"' in page and 'href="/meetings/actions/"' in page


def test_the_print_stylesheet_hides_navigation_and_keeps_rows_whole(office_client):
    page = office_client.get("/plans/").content.decode()
    assert 'print.css" media="print"' in page
    css = open(finders.find("zhaoshang/print.css"), encoding="utf-8").read()
    assert "@media print" in css and "nav" in css and "break-inside: avoid" in css and "table-header-group" in css
