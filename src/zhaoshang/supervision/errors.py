"""Errors the supervision services raise with a message for the user."""


class SupervisionError(Exception):
    """A supervision write that cannot be done as asked."""


class ReportConflict(SupervisionError):
    """Someone else changed the report since it was opened; nothing was overwritten."""
