"""Errors the plan services raise with a message for the user."""


class PlanError(Exception):
    """A write on the plan that cannot be done as asked; the message is shown to the user."""
