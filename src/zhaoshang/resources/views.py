"""The resource pages beyond the kit's generic registry pages: the investor's page of available plots and buildings
(可供资源), its Excel export and its printable form. Each view parses, calls one selector, renders."""

from django.shortcuts import render

from zhaoshang.core.decorators import page
from zhaoshang.core.downloads import download
from zhaoshang.resources.exports import available_filename, available_workbook
from zhaoshang.resources.selectors import BUILDING_COLUMNS, PLOT_COLUMNS, available_resources

FILTER_FIELDS = (("land", "park"), ("land", "kind"), ("land", "land_use"), ("land", "area_min"), ("land", "area_max"),
                 ("building", "floor_area_min"), ("building", "floor_area_max"))


@page("view")
def available(request):
    """可供资源: every signed-in role reads it (it shows no contacts)."""
    resources = available_resources(user=request.user, params=request.GET)
    forms = {"land": resources.land_filter.form, "building": resources.building_filter.form}
    fields = [forms[part][name] for part, name in FILTER_FIELDS]
    for bound in fields:
        widget = bound.field.widget
        widget.attrs.setdefault("class", "form-select form-select-sm" if hasattr(bound.field, "choices") else "form-control form-control-sm")
    return render(request, "resources/available.html", {
        "resources": resources, "filter_fields": fields, "plot_columns": PLOT_COLUMNS, "building_columns": BUILDING_COLUMNS,
    })


@page("view")
def available_export(request):
    resources = available_resources(user=request.user, params=request.GET)
    return download(available_workbook(resources), available_filename())
