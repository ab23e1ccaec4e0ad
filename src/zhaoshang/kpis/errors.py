class KpiError(ValueError):
    """A rule of indicators was broken; the message is shown to the user in Chinese."""
