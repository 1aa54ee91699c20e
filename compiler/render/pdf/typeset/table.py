"""Ruled tables with spans, vertical labels and repeated header rows, on top of ReportLab's ``Table``.

Cells hold :class:`GridParagraph` flowables, so cell text follows the same Chinese line-breaking rules as
body text.  Splitting across pages is done here, not by ReportLab: ReportLab 5.1 refuses to split a table
inside a row span (``_getRowImpossible``), so a 22-row merged label (table 三, 三、本年度办理结果) would
force the whole block onto one page or fail.  We split between rows; a span crossing the split is cut in
two and its label is repeated in the continuation, under the repeated header rows.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle
from reportlab.platypus.flowables import Flowable

from compiler.model.document import Cell, SourceRef
from compiler.model.document import Table as TableBlock
from compiler.model.problems import ReportError, error
from compiler.render.pdf.typeset.grid import SnapToGrid
from compiler.render.pdf.typeset.linebreak import Breaking
from compiler.render.pdf.typeset.paragraph import GridParagraph, MissingGlyphError
from compiler.render.pdf.typeset.vertical import VerticalText
from compiler.render.textstyle import Align, TableSettings, TextStyle

__all__ = ["GridTable", "PlacedCell", "make_table", "place_cells"]

_EPS = 1e-6
_NUMBER = re.compile(r"[-+−]?[\d０-９][\d０-９,.，．%％‰]*|[-—–－]")


@dataclass(frozen=True)
class PlacedCell:
    """A cell at its grid position (0-based row and column of its top-left corner)."""

    row: int
    col: int
    rowspan: int
    colspan: int
    cell: Cell
    header: bool


def place_cells(table: TableBlock) -> tuple[list[PlacedCell], int]:
    """Translate HTML-style rows (covered cells omitted) into grid positions; returns (cells, row count).

    A row that overlaps a span, is wider than ``widths`` or leaves holes is an error in the input.
    """
    ncols = len(table.widths)
    taken: set[tuple[int, int]] = set()
    placed: list[PlacedCell] = []
    nrows = len(table.rows)
    where = table.source
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            if c + cell.colspan > ncols or r + cell.rowspan > nrows or cell.colspan < 1 or cell.rowspan < 1:
                raise ReportError(
                    error(
                        "table.shape",
                        f"表格{table.name or ''}第{r + 1}行的单元格“{cell.text[:20]}”超出表格范围"
                        f"（共{ncols}列、{nrows}行）",
                        where,
                    )
                )
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    taken.add((rr, cc))
            placed.append(PlacedCell(r, c, cell.rowspan, cell.colspan, cell, r < table.header_rows))
            c += cell.colspan
    holes = [(r, c) for r in range(nrows) for c in range(ncols) if (r, c) not in taken]
    if holes:
        r, c = holes[0]
        raise ReportError(
            error(
                "table.shape", f"表格{table.name or ''}第{r + 1}行第{c + 1}列没有单元格（行与合并单元格不一致）", where
            )
        )
    return placed, nrows


def _is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.strip()))


class GridTable(Flowable):
    """A ruled table that splits between rows, repeats its header rows and cuts row spans at the split.

    ``content`` makes the flowable for a placed cell at a given content width; ``keep_together`` moves the
    table to the next page once before splitting it, when it would fit on a page of its own
    (``page_height``, or the frame's height when ReportLab tells us).
    """

    def __init__(
        self,
        cells: list[PlacedCell],
        nrows: int,
        header_rows: int,
        col_widths: list[float],
        content: Callable[[PlacedCell, float], Flowable | str],
        settings: TableSettings,
        *,
        font_name: str,
        size: float,
        leading: float,
        keep_together: bool = False,
        page_height: float | None = None,
        name: str = "",
    ):
        super().__init__()
        self.cells = cells
        self.nrows = nrows
        self.header_rows = header_rows
        self.col_widths = col_widths
        self.content = content
        self.settings = settings
        self.font_name, self.size, self.leading = font_name, size, leading
        self.keep_together = keep_together
        self.page_height = page_height
        self.name = name
        self._declined = False
        self._rl: RLTable | None = None

    # --- building ----------------------------------------------------------------------------------

    def _derive(self, cells: list[PlacedCell], nrows: int) -> GridTable:
        return GridTable(
            cells,
            nrows,
            self.header_rows,
            self.col_widths,
            self.content,
            self.settings,
            font_name=self.font_name,
            size=self.size,
            leading=self.leading,
            name=self.name,
        )

    def cell_width(self, p: PlacedCell) -> float:
        """The content width of a placed cell (its columns less the side paddings)."""
        return sum(self.col_widths[p.col : p.col + p.colspan]) - 2 * self.settings.padding_x

    def _table(self) -> RLTable:
        if self._rl is not None:
            return self._rl
        ncols = len(self.col_widths)
        data: list[list[Flowable | str]] = [[""] * ncols for _ in range(self.nrows)]
        s = self.settings
        commands: list[tuple] = [
            ("GRID", (0, 0), (-1, -1), s.rule_width, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), s.padding_x),
            ("RIGHTPADDING", (0, 0), (-1, -1), s.padding_x),
            ("TOPPADDING", (0, 0), (-1, -1), s.padding_y),
            ("BOTTOMPADDING", (0, 0), (-1, -1), s.padding_y),
            # empty cells are drawn as strings: name a registered font so Helvetica never sneaks in
            ("FONTNAME", (0, 0), (-1, -1), self.font_name),
            ("FONTSIZE", (0, 0), (-1, -1), self.size),
            ("LEADING", (0, 0), (-1, -1), self.leading),
        ]
        for p in self.cells:
            data[p.row][p.col] = self.content(p, self.cell_width(p))
            if p.rowspan > 1 or p.colspan > 1:
                commands.append(("SPAN", (p.col, p.row), (p.col + p.colspan - 1, p.row + p.rowspan - 1)))
        self._rl = RLTable(
            data, colWidths=self.col_widths, style=TableStyle(commands), repeatRows=self.header_rows, hAlign="LEFT"
        )
        return self._rl

    # --- flowable protocol -------------------------------------------------------------------------

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = self._table().wrap(availWidth, availHeight)
        return self.width, self.height

    def draw(self) -> None:
        self._table().drawOn(self.canv, 0, 0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        _, total = self.wrap(availWidth, availHeight)
        if total <= availHeight + _EPS:
            return [self]
        if self.keep_together and not self._declined:
            frame = getattr(self, "_frame", None)
            fresh = self.page_height or getattr(frame, "_height", None)
            at_top = bool(getattr(frame, "_atTop", False))
            if not at_top and (fresh is None or total <= fresh + _EPS):
                self._declined = True  # ReportLab then retries on the next page, where we fit
                return []
        k = self._split_row(availWidth, availHeight)
        if k is None:
            return []
        return [self._derive(*self._head(k)), self._derive(*self._tail(k))]

    # --- splitting ---------------------------------------------------------------------------------

    def _cut_spans(self, k: int) -> int:
        return sum(1 for p in self.cells if p.row < k < p.row + p.rowspan)

    def _fits(self, k: int, availWidth: float, availHeight: float) -> bool:
        return self._derive(*self._head(k)).wrap(availWidth, availHeight)[1] <= availHeight + _EPS

    def _split_row(self, availWidth: float, availHeight: float) -> int | None:
        """The row before which to split: the lowest that fits, nudged up (≤ 3 rows) to cut fewer spans."""
        lo, hi = self.header_rows + 1, self.nrows - 1
        if lo > hi or not self._fits(lo, availWidth, availHeight):
            return None
        while lo < hi:  # largest k in [lo, hi] that fits
            mid = (lo + hi + 1) // 2
            if self._fits(mid, availWidth, availHeight):
                lo = mid
            else:
                hi = mid - 1
        candidates = range(max(self.header_rows + 1, lo - 3), lo + 1)
        return min(candidates, key=lambda k: (self._cut_spans(k), -k))

    def _head(self, k: int) -> tuple[list[PlacedCell], int]:
        cells = [replace(p, rowspan=min(p.row + p.rowspan, k) - p.row) for p in self.cells if p.row < k]
        return cells, k

    def _tail(self, k: int) -> tuple[list[PlacedCell], int]:
        h = self.header_rows
        cells: list[PlacedCell] = []
        for p in self.cells:
            if p.row < h:
                cells.append(p)
            elif p.row >= k:
                cells.append(replace(p, row=p.row - k + h))
            elif p.row + p.rowspan > k:  # a span crossing the split continues, label repeated
                cells.append(replace(p, row=h, rowspan=p.row + p.rowspan - k))
        return cells, self.nrows - k + h

    def identity(self, maxLen: int | None = None) -> str:
        return f"<GridTable {self.name!r} {self.nrows}×{len(self.col_widths)}>"


def make_table(
    table: TableBlock,
    *,
    cell: TextStyle,
    header: TextStyle,
    settings: TableSettings,
    width: float,
    grid_pitch: float | None = None,
    roles: Mapping[str, TextStyle] | None = None,
    page_height: float | None = None,
) -> Flowable:
    """The flowable for a :class:`compiler.model.document.Table`, ``width`` points wide.

    Text cells are justified, numbers aligned per ``settings.number_align`` (``Cell.align`` overrides),
    header cells centred.  A cell with ``vertical=True``, or a label spanning at least
    ``settings.min_vertical_rows`` rows whose text does not fit on one line, is set vertically.
    ``roles`` resolves ``Cell.role``; ``grid_pitch`` wraps the result in :class:`SnapToGrid` so the text
    after the table is back on the line grid; ``page_height`` is the frame height for keep-together.
    """
    if not table.widths or sum(table.widths) <= 0:
        raise ReportError(error("table.shape", f"表格{table.name}没有有效的列宽", table.source))
    scale = width / sum(table.widths)
    col_widths = [w * scale for w in table.widths]
    cells, nrows = place_cells(table)
    made: dict[tuple[int, float, bool], Flowable | str] = {}

    def content(p: PlacedCell, cell_width: float) -> Flowable | str:
        key = (id(p.cell), round(cell_width, 3), p.header)
        if key not in made:
            made[key] = _cell_content(p, cell_width, cell, header, settings, roles or {}, table.source)
        return made[key]

    font_name = cell.fonts.font_for("中") or cell.fonts.font_for("0") or ""
    result: Flowable = GridTable(
        cells,
        nrows,
        table.header_rows,
        col_widths,
        content,
        settings,
        font_name=font_name,
        size=cell.size,
        leading=cell.line_pitch,
        keep_together=table.keep_together,
        page_height=page_height,
        name=table.name,
    )
    if grid_pitch:
        result = SnapToGrid(result, grid_pitch)
    return result


def _cell_content(
    p: PlacedCell,
    cell_width: float,
    cell_style: TextStyle,
    header_style: TextStyle,
    settings: TableSettings,
    roles: Mapping[str, TextStyle],
    source: SourceRef | None,
) -> Flowable | str:
    c = p.cell
    if not c.text:
        return ""
    style = roles.get(c.role or "") or (header_style if p.header else cell_style)
    if c.vertical or (
        not p.header and p.rowspan >= settings.min_vertical_rows and not _fits_one_line(c.text, style, cell_width)
    ):
        return VerticalText(c.text, style, source=source)
    align: Align
    if c.align:
        align = c.align
    elif p.header:
        align = "center"
    elif _is_number(c.text):
        align = settings.number_align
    else:
        align = "justify"
    para = replace(
        style,
        align=align,
        indent=0,
        left_indent=0,
        right_indent=0,
        widows=1,
        orphans=1,
        keep_with_next=False,
        space_before=0,
        space_after=0,
    )
    return GridParagraph([(c.text, style)], para, source=source, half_leading=True)


def _fits_one_line(text: str, style: TextStyle, width: float) -> bool:
    plain = replace(style, indent=0, left_indent=0, right_indent=0)
    try:
        return len(Breaking([(text, style)], plain, width)) <= 1
    except LookupError as exc:  # the paragraph reports missing glyphs with the source
        raise MissingGlyphError(text[getattr(exc, "index", 0)], None) from exc
