"""Errors of the Excel import engine; every message is Chinese and meant for the person who uploaded the file."""


class ExcelImportError(Exception):
    """The whole file is refused (not Excel, too large, no header, wrong sheet …)."""


class CellError(ValueError):
    """One cell's value is not acceptable; the engine prefixes the row number and the column header."""
