"""Writes on the pipeline: projects and their lifecycle."""
