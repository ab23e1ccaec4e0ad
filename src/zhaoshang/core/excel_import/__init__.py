"""The one Excel import engine: an importer declares its columns and how a row is saved; the engine reads the
workbook (python-calamine), finds the header, validates every row, reports errors per row (and as a sheet with an
"错误" column), saves all-or-nothing or only the good rows, and runs large files as background jobs.

Pure parts (no models) are importable from here; jobs, services and selectors from their modules.
"""

from zhaoshang.core.excel_import.columns import Column, ImportSpec, Row
from zhaoshang.core.excel_import.error_sheet import error_workbook
from zhaoshang.core.excel_import.errors import CellError, ExcelImportError
from zhaoshang.core.excel_import.save import SaveResult, save_report
from zhaoshang.core.excel_import.template import template_workbook
from zhaoshang.core.excel_import.validate import ImportReport, validate_file

__all__ = ["CellError", "Column", "ExcelImportError", "ImportReport", "ImportSpec", "Row", "SaveResult", "error_workbook",
           "save_report", "template_workbook", "validate_file"]
