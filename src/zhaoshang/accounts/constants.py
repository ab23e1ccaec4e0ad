"""Fixed names the code relies on."""

SYSTEM_USERNAME = "system"  # the non-login account that commands act as
