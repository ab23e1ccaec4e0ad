"""Declaring an import: its columns (Chinese headers and aliases, required, parser) and how a row is saved.

The engine knows nothing about the rows' meaning: an importer (a project ledger, a registry) builds an
`ImportSpec` and the engine reads, validates, reports and saves through it.
"""

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from zhaoshang.core.excel_import.parsers import text


@dataclass(frozen=True)
class Column:
    """One column: `key` names it in a row's clean dict; `parse` turns a non-blank cell into a value or raises CellError."""

    key: str
    header: str
    aliases: tuple[str, ...] = ()
    required: bool = False
    parse: Callable[[object], object] = field(default_factory=text)
    help: str = ""
    example: object = ""
    choices: tuple[str, ...] = ()  # offered as a drop-down list in the template
    width: int = 16


@dataclass
class Row:
    """One non-blank data row: its Excel row number, its clean values and its errors (its cells stay in the sheet)."""

    number: int
    data: dict = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def failed(self, header: str) -> bool:
        """Whether the cell under `header` already has an error (so a later check need not repeat it)."""
        return any(error.startswith(f"{header}：") for error in self.errors)

    def add_error(self, header: str | None, message: str) -> None:
        self.errors.append(f"{header}：{message}" if header else message)

    def messages(self) -> list[str]:
        """The errors as the report lists them: "第12行 统一社会信用代码：校验位错误"."""
        return [f"第{self.number}行 {error}" for error in self.errors]


@dataclass
class ImportSpec:
    """What an importer declares. `save_row` writes one clean row (raising one of `row_errors` to refuse it);
    `save_many` (optional) writes a chunk at once and is retried row by row when it refuses; `check_rows`
    (optional) checks across cells, rows and the database once all cells are parsed, adding errors to rows (it
    gets every row; a row that already has errors keeps None for its bad cells). Before saving, check_rows runs
    again on the rows that were good, with their parsed values restored (stored.py): it may replace values in
    `data` but not change them in place. `chunk_checks` (optional, instead of check_rows) makes the checks of one
    pass over the file, which take the rows `chunk_size` at a time in file order and keep across chunks what they
    need (the names seen): the engine then holds one chunk of rows at a time, not the file, when validating and
    when saving a job's rows. `template_rows` (optional) pre-fills the downloadable template: one dict per row,
    column key → cell value (keys left out stay blank)."""

    title: str
    columns: Sequence[Column]
    save_row: Callable[[dict], object]
    save_many: Callable[[list[dict]], object] | None = None
    check_rows: Callable[[list[Row]], None] | None = None
    chunk_checks: Callable[[], Callable[[list[Row]], None]] | None = None
    row_errors: tuple[type[Exception], ...] = (ValueError,)
    instructions: Sequence[str] = ()
    template_rows: Callable[[], Iterable[dict]] | None = None
    min_header_matches: int = 3
    chunk_size: int = 500

    @property
    def sheet_title(self) -> str:
        return self.title[:31]

    def checks(self) -> tuple[Callable[[list[Row]], None] | None, int | None]:
        """The checks of one pass over the file and how many rows they take at a time (None: every row at once)."""
        if self.chunk_checks is not None:
            return self.chunk_checks(), self.chunk_size
        return self.check_rows, None
