"""What the checks walk: a region's tables as typed rows, with their spreadsheet row numbers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


from generator.contract import Quarter

Value = str | int | float | None


@dataclass(frozen=True)
class Row:
    number: int
    """Row as a spreadsheet numbers it: the header is row 1, the first data row is 2."""
    values: dict[str, Value]
    """Typed cells (str, int, float). None when empty or when the cell failed its type."""
    unreadable: frozenset[str] = frozenset()
    """Fields that hold something but were blanked (None) because they have a problem of
    their own; a check must not call such a cell empty."""

    def __getitem__(self, name: str) -> Value:
        return self.values.get(name)

    def is_empty(self, name: str) -> bool:
        """True when the cell was really left empty (not blanked for being invalid)."""
        return self.values.get(name) is None and name not in self.unreadable


@dataclass
class Table:
    resource: str
    file: str
    """Repo-relative POSIX path."""
    rows: list[Row] = field(default_factory=list)
    readable: bool = True
    """False when the file could not be read as the contract's CSV; checks then skip it."""

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


@dataclass(frozen=True)
class RegisterEntry:
    regio_id: str
    naam: str
    pilot_start: Quarter | None
    fase: str | None
    row: int


@dataclass
class Region:
    """One region's delivery, as the domain and privacy checks see it."""

    regio_id: str
    folder: str
    """Repo-relative folder, e.g. `data/voorbeeld-noord`."""
    entry: RegisterEntry | None
    tables: dict[str, Table]
    as_of: Quarter
    """The current quarter: no data may be about a later one."""

    def table(self, resource: str) -> Table | None:
        """The table if it was delivered and could be read, else None."""
        table = self.tables.get(resource)
        return table if table is not None and table.readable else None


