"""The current request's id, so services can stamp audit entries without taking a request."""

import contextvars

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("current_request_id", default="")
