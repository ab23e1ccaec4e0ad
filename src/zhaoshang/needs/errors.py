"""Errors the need services raise with a message for the user."""

from zhaoshang.projects.errors import ProjectError


class NeedError(ProjectError):
    """A write on an enterprise need that cannot be done as asked (a pipeline error: the API answers 400)."""
