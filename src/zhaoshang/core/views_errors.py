"""Error pages in Chinese: the CSRF failure (settings.CSRF_FAILURE_VIEW) and the 403/404/500 handlers (urls.py).
Under /api/ every error stays JSON ({"detail": "…"}), as the API's own handlers answer; elsewhere the Chinese
templates (403.html, 404.html, 500.html, csrf_failure.html) are shown."""

from urllib.parse import urlsplit

from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import resolve_url
from django.template import loader
from django.views import defaults
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


API_PREFIX = "/api/"


def _api(request) -> bool:
    return request.path.startswith(API_PREFIX)


def _json(detail: str, status: int) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False})


def permission_denied(request, exception=None):
    if _api(request):
        return _json("无权执行此操作", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception=None):
    if _api(request):
        return _json("接口不存在", 404)
    return defaults.page_not_found(request, exception)


def server_error(request):
    if _api(request):
        return _json("系统出现错误，请稍后重试或联系管理员", 500)
    return defaults.server_error(request)


def csrf_failure(request, reason="", template_name="csrf_failure.html"):
    """403 telling the user to reload and log in again; `reason` (English, technical) stays out of the page."""
    if _api(request):
        return _json("请求已过期（CSRF 校验失败），请刷新页面后重试", 403)
    # After a failed POST, "reload" means going back to the page the form was on, never re-posting.
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    parts = urlsplit(referer)
    reload_url = (parts.path or "/") + (f"?{parts.query}" if parts.query else "") if referer and same_site else request.path
    login_url = f"{resolve_url('login')}?{urlencode({'next': reload_url})}"
    html = loader.render_to_string(template_name, {"reload_url": reload_url, "login_url": login_url}, request=request)
    return HttpResponseForbidden(html)
