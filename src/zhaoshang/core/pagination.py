"""Paginators shared by the list pages."""

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """A paginator told its count: the page's totals have counted the filtered list already."""

    def __init__(self, object_list, per_page, count: int):
        super().__init__(object_list, per_page)
        self.count = count
