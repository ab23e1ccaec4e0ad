"""The industry-chain board, the leaders' dashboard, the wall screen and figure drill-downs (helper fills in)."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


chain_board = dashboard = screen = drill = drill_export = _todo
