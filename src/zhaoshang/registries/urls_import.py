"""Every registry's Excel import pages (core.excel_import.views), at /registries/<key>/import/."""

from zhaoshang.core.excel_import.views import ImportPages
from zhaoshang.registries.catalog import registry_named
from zhaoshang.registries.importing import kind_of


def pages_for(key: str) -> ImportPages:
    registry = registry_named(key)
    return ImportPages(kind=kind_of(registry), namespace="registry_import", title=f"导入{registry.name}",
                       template_filename=f"{registry.name.replace('/', '、')}导入模板.xlsx", back_url="registries:list",
                       back_label=registry.name, done_label=f"查看{registry.name}", permission="work", url_args=(key,))


app_name = "registry_import"
urlpatterns = ImportPages.keyed_urlpatterns(pages_for)
