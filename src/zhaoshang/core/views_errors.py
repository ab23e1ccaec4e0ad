"""The page Django shows when a form fails its CSRF check (settings.CSRF_FAILURE_VIEW), in Chinese."""

from urllib.parse import urlsplit

from django.http import HttpResponseForbidden
from django.shortcuts import resolve_url
from django.template import loader
from django.utils.http import url_has_allowed_host_and_scheme, urlencode


def csrf_failure(request, reason="", template_name="csrf_failure.html"):
    """403 telling the user to reload and log in again; `reason` (English, technical) stays out of the page."""
    # After a failed POST, "reload" means going back to the page the form was on, never re-posting.
    referer = request.META.get("HTTP_REFERER", "")
    same_site = url_has_allowed_host_and_scheme(referer, allowed_hosts={request.get_host()}, require_https=request.is_secure())
    parts = urlsplit(referer)
    reload_url = (parts.path or "/") + (f"?{parts.query}" if parts.query else "") if referer and same_site else request.path
    login_url = f"{resolve_url('login')}?{urlencode({'next': reload_url})}"
    html = loader.render_to_string(template_name, {"reload_url": reload_url, "login_url": login_url}, request=request)
    return HttpResponseForbidden(html)
