"""A :class:`~compiler.model.document.Table` as a grid: which cells are headers, and which headers each data
cell belongs to (for ``scope`` and ``headers``, WCAG 2.1 technique H43).

Nothing here knows what a table says.  A cell is a *column header* when it is in the table's header rows or
is set in the table's header role; a *row header* when it is text (not a number) standing left of the first
number of a row that has numbers; every other cell is data.  A data cell's headers are the column headers
above it (up to the nearest data cell) and the row headers left of it (up to the nearest data cell), over
every row and column it spans — so merged headers (申请人情况 over 法人或其他组织 over 商业企业) all reach it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from compiler.model.document import Cell, Table
from compiler.model.schema import CELL_UNIT_PATTERN

#: "2笔", "251000元" are numbers too, and so is "0 0 0", several numbers printed in one cell
NUMBER = re.compile(rf"[-+−]?\d[\d,，]*(?:\.\d+)?(?:\s+\d+)*\s*(?:[%‰]|{CELL_UNIT_PATTERN})?")

Kind = Literal["colhead", "rowhead", "data"]


def is_number(text: str) -> bool:
    return NUMBER.fullmatch(text.strip()) is not None


@dataclass
class Placed:
    cell: Cell
    row: int
    col: int
    kind: Kind = "data"
    id: str = ""
    headers: list[str] = field(default_factory=list)

    @property
    def rows(self) -> range:
        return range(self.row, self.row + max(self.cell.rowspan, 1))

    @property
    def cols(self) -> range:
        return range(self.col, self.col + max(self.cell.colspan, 1))

    @property
    def scope(self) -> str | None:
        if self.kind == "colhead":
            return "colgroup" if self.cell.colspan > 1 else "col"
        if self.kind == "rowhead":
            return "rowgroup" if self.cell.rowspan > 1 else "row"
        return None


@dataclass
class Grid:
    rows: list[list[Placed]]  # the cells that start in each row, in order
    columns: int


def layout(table: Table, prefix: str) -> Grid:
    """Place every cell on the grid (rowspans push later cells right, as in HTML) and classify it."""
    taken: dict[tuple[int, int], Placed] = {}
    rows: list[list[Placed]] = []
    columns = 0
    for r, row in enumerate(table.rows):
        placed_row: list[Placed] = []
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed = Placed(cell, r, c)
            for y in placed.rows:
                for x in placed.cols:
                    taken[(y, x)] = placed
            placed_row.append(placed)
            c += max(cell.colspan, 1)
        rows.append(placed_row)
        columns = max(columns, c)
    for r, placed_row in enumerate(rows):
        header_row = r < table.header_rows
        for p in placed_row:
            if header_row or (p.cell.role is not None and p.cell.role == table.header_role):
                p.kind = "colhead"
        data = [p for p in placed_row if p.kind == "data"]
        numbers = [p.col for p in data if is_number(p.cell.text)]
        if numbers:
            first = min(numbers)
            for p in data:
                if p.col < first and p.cell.text.strip() and not is_number(p.cell.text):
                    p.kind = "rowhead"
    for placed_row in rows:
        for p in placed_row:
            if p.kind != "data":
                p.id = f"{prefix}r{p.row}c{p.col}"
    _associate(rows, taken, columns)
    return Grid(rows, columns)


def _associate(rows: list[list[Placed]], taken: dict[tuple[int, int], Placed], columns: int) -> None:
    """Each data cell's headers: per column it spans, the nearest unbroken band of column headers above it
    (kept up to date row by row, so a table of n rows costs O(n), not O(n²)); per row it spans, the nearest
    unbroken run of row headers to its left.  Nearest first."""
    bands: dict[int, list[Placed]] = {}  # column → its nearest band of column headers above, nearest first
    open_band: dict[int, bool] = {}  # whether the band of a column reaches down to the row just passed
    for y, placed_row in enumerate(rows):
        for p in placed_row:
            if p.kind != "data":  # headers are associated with data cells
                continue
            found: list[Placed] = []
            for x in p.cols:
                found += bands.get(x, [])
            for row in p.rows:
                _walk(found, taken, ((row, x) for x in range(p.col - 1, -1, -1)), "rowhead")
            p.headers = list(dict.fromkeys(h.id for h in found))
        for x in range(columns):
            occupant = taken.get((y, x))
            if occupant is None:  # a cell missing from a short row: neither ends nor continues a band
                continue
            if occupant.kind != "colhead":
                open_band[x] = False
            elif not open_band.get(x):
                bands[x], open_band[x] = [occupant], True
            elif occupant is not bands[x][0]:
                bands[x].insert(0, occupant)


def _walk(
    found: list[Placed], taken: dict[tuple[int, int], Placed], positions: Iterable[tuple[int, int]], kind: Kind
) -> None:
    """Collect the nearest unbroken band of ``kind`` header cells along ``positions``."""
    started = False
    for pos in positions:
        other = taken.get(pos)
        if other is None:
            continue
        if other.kind == kind:
            found.append(other)
            started = True
        elif started:
            break
