"""Request id for audit entries and logs; query values PostgreSQL cannot take."""

import re
import uuid

from zhaoshang.core.query_params import QueryError
from zhaoshang.core.request_context import current_request_id

# A proxy's request id is kept only if it looks like one, so a client cannot write arbitrary text into the audit log.
WELL_FORMED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")


class RequestIdMiddleware:
    """Gives every request an id (or keeps a well-formed X-Request-ID) and exposes it to services."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        sent = request.headers.get("X-Request-ID", "")
        request_id = sent if WELL_FORMED_REQUEST_ID.fullmatch(sent) else uuid.uuid4().hex
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response


class RefuseNullCharacters:
    """A page's query value with a NUL character is refused (400) before any view reads it: PostgreSQL cannot store
    or compare such text, so a view passing it on to a filter would fail with a 500. The API's bounded parameter
    types (api/params.py) refuse it themselves, as JSON."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/") and any("\x00" in value for values in request.GET.lists() for value in values[1]):
            raise QueryError("链接参数中含有非法字符（空字符），请检查链接。")
        return self.get_response(request)
