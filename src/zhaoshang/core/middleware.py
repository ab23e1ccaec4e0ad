"""Request id for audit entries and logs."""

import uuid

from zhaoshang.core.request_context import current_request_id


class RequestIdMiddleware:
    """Gives every request an id (or keeps the proxy's X-Request-ID) and exposes it to services."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request.headers.get("X-Request-ID", "")[:64] or uuid.uuid4().hex
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response["X-Request-ID"] = request_id
        return response
