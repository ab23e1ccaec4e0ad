"""Errors the meeting services raise with a message for the user."""

from zhaoshang.projects.errors import ProjectError


class MeetingError(ProjectError):
    """A write on a meeting that cannot be done as asked (a pipeline error: the API answers 400)."""
