"""The current request's id, so services can stamp audit entries without taking a request; and, for loaders that
replay history (the demo), the time the audited events happened."""

import contextvars

current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("current_request_id", default="")

# None: now. Set only by server code replaying dated history (core.audit.recorded_at), never from a request.
current_event_time: contextvars.ContextVar = contextvars.ContextVar("current_event_time", default=None)
