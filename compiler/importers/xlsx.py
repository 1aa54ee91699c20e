"""Excel ``.xlsx`` 统计表 → :class:`PublishedDocument`, with openpyxl.

Why openpyxl: it reads the workbook's XML without Excel and without evaluating anything — formulas are never
computed (``data_only=True`` takes the value Excel saved with the file; a formula cell without one is blank)
and macros are not read.  Every worksheet becomes one :class:`Grid` (merged ranges resolved); the format
plugin then finds tables 二/三/四 by their labels wherever they sit on the sheet, never by cell address.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from compiler.importers.base import Place, PublishedDocument
from compiler.importers.common import make_grid

MAX_ROWS, MAX_COLS = 2000, 200


class XlsxReader:
    suffixes = (".xlsx",)

    def read(self, path: Path) -> PublishedDocument:
        import openpyxl

        book = openpyxl.load_workbook(str(path), data_only=True, read_only=False)
        doc = PublishedDocument(path=Path(path), kind="xlsx")
        title = book.properties.title if book.properties else None
        if title:
            doc.metadata["xlsx:title"] = title
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            rows = min(sheet.max_row, MAX_ROWS)
            cols = min(sheet.max_column, MAX_COLS)
            covered: dict[tuple[int, int], tuple[int, int]] = {}
            spans: dict[tuple[int, int], tuple[int, int]] = {}
            for merged in sheet.merged_cells.ranges:
                spans[(merged.min_row, merged.min_col)] = (
                    merged.max_row - merged.min_row + 1,
                    merged.max_col - merged.min_col + 1,
                )
                for r in range(merged.min_row, merged.max_row + 1):
                    for c in range(merged.min_col, merged.max_col + 1):
                        if (r, c) != (merged.min_row, merged.min_col):
                            covered[(r, c)] = (merged.min_row, merged.min_col)
            cells = []
            for r, row in enumerate(sheet.iter_rows(min_row=1, max_row=rows, max_col=cols), start=1):
                for c, cell in enumerate(row, start=1):
                    if (r, c) in covered:
                        continue
                    rs, cs = spans.get((r, c), (1, 1))
                    cells.append((r - 1, c - 1, rs, cs, _show(cell.value)))
            if cells:
                doc.items.append(make_grid(cells, Place(doc.path, f"工作表“{sheet.title}”"), caption=sheet.title))
        book.close()
        return doc


def _show(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)
