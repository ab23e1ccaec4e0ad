"""Writes of supervision: reports, review, urging, problems, notifications."""
