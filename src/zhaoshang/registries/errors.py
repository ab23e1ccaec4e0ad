class RegistryError(ValueError):
    """A registry write refused for a reason the user can fix; the message is Chinese."""
