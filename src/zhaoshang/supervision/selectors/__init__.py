"""Reads of supervision, each narrowed by the permission gate."""
