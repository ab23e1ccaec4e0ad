"""Pages of the indicators: 指标总览, one indicator with its rows, values and edits (helper fills in)."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


overview = overview_export = detail = rows_export = edit = baseline = value_submit = value_review = value_evidence = _todo
