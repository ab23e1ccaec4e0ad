"""Supervision (督查督办): reporting cycles, progress reports, review, urging, lights."""
