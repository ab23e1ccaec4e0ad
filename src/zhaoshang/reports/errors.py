"""Errors of the reports app, with Chinese messages for users."""


class BulletinError(ValueError):
    """A bulletin cannot be requested or built; the message says why, in Chinese."""
