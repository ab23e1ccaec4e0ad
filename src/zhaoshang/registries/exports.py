"""A registry's list as an Excel workbook, exactly as filtered on the page (or by the API's query), with contacts
masked as the reader sees them. Its columns are the import's, so an exported sheet can be edited and imported back."""

from django.utils import timezone

from zhaoshang.core.xlsx import EXPORT_LIMIT, Progress, list_workbook
from zhaoshang.registries.access import contacts_visible
from zhaoshang.registries.kit import Registry
from zhaoshang.registries.selectors import EntryList, entries_for, shown
from zhaoshang.search.notes import export_title


def export_columns(registry: Registry) -> list[str]:
    return ["id", *registry.editable_fields]


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if hasattr(value, "_meta"):
        return str(value)
    return value


def registry_file(*, registry: Registry, user, params, progress: Progress | None = None) -> tuple[bytes, str]:
    """The registry's list as filtered by `params` (the page's query string) as a workbook, and its file name: what the
    list's export link downloads, or an export job writes (exports.jobs)."""
    listing = entries_for(user=user, registry=registry, params=params)
    return registry_workbook(registry=registry, user=user, listing=listing, progress=progress), export_filename(registry)


def registry_workbook(*, registry: Registry, user, listing: EntryList, progress: Progress | None = None) -> bytes:
    """The listing's rows (at most EXPORT_LIMIT, core/xlsx.py); the title says so when its keyword search was cut."""
    rows = listing.rows[:EXPORT_LIMIT + 1]  # one past the limit: list_workbook sees that the list goes on
    names = export_columns(registry)
    widths = [8, *[30 if registry.field(n).get_internal_type() == "TextField" else 16 for n in names[1:]]]

    def lines():
        for row in rows.iterator(chunk_size=2000):
            visible = contacts_visible(user, row)
            yield [row.pk, *[_cell(shown(registry, user, row, name, visible)) for name in names[1:]]]

    title = export_title(f"{registry.name}（导出时间：{timezone.localtime():%Y-%m-%d %H:%M}）", truncated=listing.truncated,
                         query=listing.query, noun="记录", counter="条")
    return list_workbook(sheet_title=registry.name.replace("/", "、")[:31], title=title,  # Excel forbids "/" in sheet names
                         columns=list(zip([registry.label(n) for n in names], widths)), rows=lines(), freeze="B3",
                         progress=progress, total=rows.count() if progress else 0)


def export_filename(registry: Registry) -> str:
    return f"{registry.name.replace('/', '、')}-{timezone.localdate():%Y%m%d}.xlsx"
