"""Ruled tables with spans, vertical labels and repeated header rows, on top of ReportLab's ``Table``.

Cells hold :class:`GridParagraph` flowables, so cell text follows the same Chinese line-breaking rules as
body text.  Splitting across pages is done here, not by ReportLab: ReportLab 5.1 refuses to split a table
inside a row span (``_getRowImpossible``), so a 22-row merged label (table 三, 三、本年度办理结果) would
force the whole block onto one page or fail.  We split between rows; a span crossing the split is cut in
two and its label is repeated in the continuation, under the repeated header rows.

Column widths come from the content, not from the plugin (:func:`fit_columns`): a *data column* (its body
cells are numbers) is as wide as its widest number plus the paddings — a number is never broken — and the
data columns of a table are equal; a column of vertical labels is one character wide; the row labels get
the rest.  A data column's heading may wrap to ``header_lines`` lines while the labels keep
``min_label_cells`` characters a line; when even that does not fit the type steps down through
``shrink_sizes`` (五号 → 小五 → 六号) and only then is the table an error (``table.too-wide``).  :func:`placement`
is the decision both the PDF (:mod:`compiler.render.pdf.typeset.blocks`, :mod:`.landscape`) and the Word file
take from that: across the 版心, turned across the page at the 版心's height, or too wide even turned.  What is
left over when everything fits on one line is shared out in proportion to the natural widths.

Equal before large (``equal_steps``, 1 in ``styles/gbt9704.toml``): data columns of one width are worth one step
of type, so the sizes are tried 五号 equal → 小五 equal → 五号 unequal → 六号 equal → ….  Looked at both on
table 四 of the 2021 example (15 data columns): at 五号 only unequal columns fit, the five 总计 columns 20 pt
wide against 32 pt, their heading stacked 总/计 — a word broken in a one-character column, the digits of a
row not on one rhythm; at 小五 all fifteen are 29.5 pt, 总计 sits on one line and every column reads alike.
GB/T 9704 fixes no size for table text and 小五 (9 pt) stays well legible in print, while uneven columns are
what a reader sees first; so equal at 小五 wins.  A table that is equal at 五号 anyway keeps 五号.

Vertical rhythm: a table keeps ``space`` of white above and below it, the same on both sides, and its
height is made a whole number of grid lines — by stretching the rows (at most ``max_row_stretch`` each)
and then the two spaces — so the text after it is back on the line grid.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace

from reportlab.lib import colors
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle
from reportlab.platypus.flowables import Flowable

from compiler.model.document import Cell, SourceRef
from compiler.model.document import Table as TableBlock
from compiler.model.problems import Problem, ReportError, Severity, error
from compiler.model.schema import reads_as_number
from compiler.render.pdf.typeset.linebreak import Breaking
from compiler.render.pdf.typeset.paragraph import GridParagraph, MissingGlyphError
from compiler.render.pdf.typeset.vertical import VerticalText
from compiler.render.textstyle import Align, TableSettings, TextStyle

__all__ = [
    "ColumnFit",
    "GridTable",
    "PlacedCell",
    "Placement",
    "fit_columns",
    "make_table",
    "place_cells",
    "placement",
    "turned_note",
]

_EPS = 1e-6


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
        grid_pitch: float | None = None,
        leading_above: float = 0.0,
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
        self.grid_pitch = grid_pitch
        self.leading_above = leading_above  # white already under the previous line's em box
        self._declined = False
        self._rl: RLTable | None = None
        self._stretch = 0.0  # points added to every row so the table ends on the grid
        self._top = 0.0  # white drawn above the table inside this flowable
        self._inner = 0.0  # the ruled table's height

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
            grid_pitch=self.grid_pitch,
            leading_above=self.leading_above,
        )

    def cell_width(self, p: PlacedCell) -> float:
        """The content width of a placed cell (its columns less the side paddings)."""
        return sum(self.col_widths[p.col : p.col + p.colspan]) - 2 * self.settings.padding_x

    def _table(self, stretch: float = 0.0) -> RLTable:
        if self._rl is not None and abs(stretch - self._stretch) <= _EPS:
            return self._rl
        self._stretch = stretch
        ncols = len(self.col_widths)
        data: list[list[Flowable | str]] = [[""] * ncols for _ in range(self.nrows)]
        s = self.settings
        commands: list[tuple] = [
            ("GRID", (0, 0), (-1, -1), s.rule_width, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), s.padding_x),
            ("RIGHTPADDING", (0, 0), (-1, -1), s.padding_x),
            ("TOPPADDING", (0, 0), (-1, -1), s.padding_y + stretch / 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), s.padding_y + stretch / 2),
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
        self.width, inner = self._table(0.0).wrap(availWidth, availHeight)
        pitch = self.grid_pitch
        if not pitch:
            self._top, self._inner, self.height = 0.0, inner, inner
            return self.width, self.height
        # white above = leading_above + top; below = height - inner - top; both at least ``space``
        space = max(self.settings.space, self.leading_above)
        need = inner + 2 * space - self.leading_above
        height = math.ceil(need / pitch - _EPS) * pitch
        extra = height - need
        stretch = min(extra / self.nrows, self.settings.max_row_stretch) if self.nrows else 0.0
        if stretch > _EPS:
            _, inner = self._table(stretch).wrap(availWidth, availHeight)
        self._inner = inner
        self._top = (height - inner - self.leading_above) / 2
        self.height = height
        return self.width, self.height

    def draw(self) -> None:
        self._table(self._stretch).drawOn(self.canv, 0, self.height - self._top - self._inner)

    @property
    def space_above(self) -> float:
        """The white between the previous grid line's em box and the table's top rule (after wrap)."""
        return self.leading_above + self._top if self.grid_pitch else 0.0

    @property
    def space_below(self) -> float:
        """The white between the table's bottom rule and the next grid line's em box (after wrap)."""
        return self.height - self._top - self._inner if self.grid_pitch else 0.0

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
        lo, hi = self.header_rows + max(self.settings.min_split_rows, 1), self.nrows - 1
        if lo > hi or not self._fits(lo, availWidth, availHeight):
            return None
        while lo < hi:  # largest k in [lo, hi] that fits
            mid = (lo + hi + 1) // 2
            if self._fits(mid, availWidth, availHeight):
                lo = mid
            else:
                hi = mid - 1
        candidates = range(max(self.header_rows + max(self.settings.min_split_rows, 1), lo - 3), lo + 1)
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


@dataclass(frozen=True)
class ColumnFit:
    """The measured layout of a table: column widths in points and the styles the cells are set in."""

    widths: list[float]
    cell: TextStyle
    header: TextStyle
    roles: Mapping[str, TextStyle]
    data_columns: tuple[int, ...]

    @property
    def size(self) -> float:
        return self.cell.size


def _scaled(style: TextStyle, size: float) -> TextStyle:
    """``style`` at another type size, its pitches scaled with it."""
    if abs(size - style.size) <= _EPS:
        return style
    k = size / style.size
    return replace(style, size=size, char_pitch=style.char_pitch * k, line_pitch=style.line_pitch * k)


def _plain(style: TextStyle) -> TextStyle:
    return replace(style, align="left", indent=0, left_indent=0, right_indent=0)


#: Measurements already made: sizing a table asks for the same cell text in the same style again and again
#: (every candidate type size, every column fit; a table of counts is mostly "0"), a thousand line breakings
#: a 2021 report.  Keyed by the text, the measure and every field of the style but its fonts, plus the font
#: chain object itself, which the entry keeps and compares by identity (a chain is per style sheet, so the
#: same names in another sheet's files never match).  Cleared when large; the values are pure functions of
#: the key, so the PDF does not change.
_MEASURED: dict[tuple, tuple[object, float]] = {}
_STYLE_FIELDS = tuple(f.name for f in fields(TextStyle) if f.name != "fonts")


def _memo(kind: str, text: str, style: TextStyle, arg: float, compute: Callable[[], float]) -> float:
    key = (kind, text, arg, *(getattr(style, f) for f in _STYLE_FIELDS))
    hit = _MEASURED.get(key)
    if hit is not None and hit[0] is style.fonts:
        return hit[1]
    value = compute()
    if len(_MEASURED) > 20_000:
        _MEASURED.clear()
    _MEASURED[key] = (style.fonts, value)
    return value


def _natural(text: str, style: TextStyle) -> float:
    """The width of ``text`` set on one line (its widest line if it holds a line break)."""
    return _memo("natural", text, style, 0.0, lambda: _measure_natural(text, style))


def _measure_natural(text: str, style: TextStyle) -> float:
    try:
        breaking = Breaking([(text, style)], _plain(style), 1e7)
    except LookupError as exc:  # the paragraph reports missing glyphs with the source
        raise MissingGlyphError(text[getattr(exc, "index", 0)], None) from exc
    return max(breaking.line(i).natural for i in range(len(breaking)))


def _wrapped(text: str, style: TextStyle, lines: int) -> float:
    """The narrowest measure that sets ``text`` in at most ``lines`` lines (to 0.1 pt)."""
    return _memo("wrapped", text, style, lines, lambda: _measure_wrapped(text, style, lines))


def _measure_wrapped(text: str, style: TextStyle, lines: int) -> float:
    natural = _natural(text, style)
    if lines <= 1:
        return natural
    lo, hi = style.char_pitch, natural  # one character a line is always possible
    if len(Breaking([(text, style)], _plain(style), lo + _EPS)) <= lines:
        return lo
    while hi - lo > 0.1:
        mid = (lo + hi) / 2
        if len(Breaking([(text, style)], _plain(style), mid)) <= lines:
            hi = mid
        else:
            lo = mid
    return hi


def _is_header(p: PlacedCell, header_role: str) -> bool:
    return p.header or p.cell.role == header_role


def fit_columns(
    table: TableBlock,
    cells: Sequence[PlacedCell],
    *,
    cell: TextStyle,
    header: TextStyle,
    settings: TableSettings,
    width: float,
    roles: Mapping[str, TextStyle] | None = None,
    start_size: float | None = None,
) -> ColumnFit:
    """Column widths measured from the content, at the largest type size that fits ``width`` (trying
    ``cell.size`` first, then ``settings.shrink_sizes``; from ``start_size`` on when given).

    Raises ``table.too-wide`` when not even the smallest of ``settings.shrink_sizes`` fits.
    """
    ncols = len(table.widths)
    sizes = [cell.size, *[z for z in settings.shrink_sizes if z < cell.size - _EPS]]
    sizes = sizes[sizes.index(min(sizes, key=lambda z: abs(z - (start_size or cell.size)))) :]
    # equal data columns are worth ``equal_steps`` steps of type: 五号 equal, 小五 equal, then 五号 unequal …
    steps = settings.equal_steps
    order = sorted(
        [(i, True) for i in range(len(sizes))] + [(i, False) for i in range(len(sizes))],
        key=lambda t: t[0] + (0.0 if t[1] else steps + 0.5),
    )
    for i, equal in order:
        size = sizes[i]
        k = size / cell.size
        c_style, h_style = _scaled(cell, size), _scaled(header, header.size * k)
        r_styles = {name: _scaled(st, st.size * k) for name, st in (roles or {}).items()}
        widths = _fit_at(table, cells, c_style, h_style, r_styles, settings, width, ncols, equal)
        if widths is not None:
            data = tuple(
                c
                for c in range(ncols)
                if _column_kind(cells, c, table.header_role, settings.min_vertical_rows) == "data"
            )
            return ColumnFit(widths, c_style, h_style, r_styles, data)
    raise ReportError(
        error(
            "table.too-wide",
            f"表格{table.name}即使缩小到{min((cell.size, *settings.shrink_sizes)):g}磅字号也排不进版心宽度"
            f"（{width / _MM:.0f} mm）：数字或列标题过宽",
            table.source,
        )
    )


_MM = 72.0 / 25.4


@dataclass(frozen=True)
class Placement:
    """Where a table goes: across the 版心 (``turned`` False) or turned 90° on pages of its own (GB/T 9704
    §10), at the measure ``width`` with the columns and type step of ``fit``."""

    turned: bool
    width: float
    fit: ColumnFit

    @property
    def size(self) -> float:
        return self.fit.size


def turned_note(table: TableBlock, cell: TextStyle, settings: TableSettings) -> Problem:
    """The note (提示) telling the author a table was turned: every renderer that turns it says the same, and
    the build keeps one."""
    smallest = min((cell.size, *settings.shrink_sizes))
    return Problem(
        Severity.INFO,
        "table.turned",
        f"此处的表格缩小到{smallest:g}磅字号仍排不进版心宽度，已横排在单独的页面上（表头朝订口/切口一侧，页码位置不变）",
        table.source,
    )


def placement(
    table: TableBlock,
    *,
    cell: TextStyle,
    header: TextStyle,
    settings: TableSettings,
    width: float,
    turned_width: float,
    roles: Mapping[str, TextStyle] | None = None,
) -> Placement:
    """The one decision every renderer takes for a table: it fits ``width`` (the 版心 width) at some step of
    ``settings.shrink_sizes``, else it is turned and fits ``turned_width`` (the 版心 height), else
    ``table.too-wide``.  Pure: it measures, it draws nothing."""
    if not table.widths or sum(table.widths) <= 0:
        raise ReportError(error("table.shape", f"表格{table.name}没有有效的列宽", table.source))
    cells, _ = place_cells(table)
    try:
        fit = fit_columns(table, cells, cell=cell, header=header, settings=settings, width=width, roles=roles)
        return Placement(False, width, fit)
    except ReportError as exc:
        if not any(p.rule == "table.too-wide" for p in exc.problems):
            raise
        narrow = exc
    try:
        fit = fit_columns(table, cells, cell=cell, header=header, settings=settings, width=turned_width, roles=roles)
        return Placement(True, turned_width, fit)
    except ReportError as exc:
        if not any(p.rule == "table.too-wide" for p in exc.problems):
            raise
    smallest = min((cell.size, *settings.shrink_sizes))
    message = (
        f"表格{table.name}即使缩小到{smallest:g}磅字号、横排（版心 {turned_width / _MM:.0f} mm 宽）"
        "也排不进：数字或列标题过宽，请拆分表格"
    )
    raise ReportError(error("table.too-wide", message, table.source)) from narrow


def _column_kind(cells: Sequence[PlacedCell], c: int, header_role: str, tall: int = 3) -> str:
    """``data`` (its single-column body cells are numbers, or all blank), ``vertical`` (only labels set
    vertically: marked so, or spanning ``tall`` rows or more) or ``label``."""
    own = [p for p in cells if p.col == c and p.colspan == 1 and p.cell.text]
    body = [p for p in own if not _is_header(p, header_role)]
    if body and all(p.cell.vertical or p.rowspan >= tall for p in body):
        return "vertical"
    if all(reads_as_number(p.cell.text) for p in body):  # numbers — or blank cells only (a column left blank)
        return "data"
    return "label"


def _fit_at(
    table: TableBlock,
    cells: Sequence[PlacedCell],
    cell: TextStyle,
    header: TextStyle,
    roles: Mapping[str, TextStyle],
    settings: TableSettings,
    width: float,
    ncols: int,
    equal: bool = True,
) -> list[float] | None:
    """Column widths at these styles with the data columns all as wide as the widest (``equal``) or each as
    wide as its own content, or None when that does not fit ``width``."""
    pad = 2 * settings.padding_x

    def style_of(p: PlacedCell) -> TextStyle:
        return roles.get(p.cell.role or "") or (header if _is_header(p, table.header_role) else cell)

    kinds = [_column_kind(cells, c, table.header_role, settings.min_vertical_rows) for c in range(ncols)]
    if "data" not in kinds:  # nothing to measure against: the plugin's proportions
        total = sum(table.widths)
        return [w * width / total for w in table.widths]
    single = [p for p in cells if p.colspan == 1 and p.cell.text]
    numbers = [
        p for p in cells if p.cell.text and reads_as_number(p.cell.text) and not _is_header(p, table.header_role)
    ]
    data = [c for c in range(ncols) if kinds[c] == "data"]
    labels = [c for c in range(ncols) if kinds[c] == "label"]
    fixed = {
        c: style_of(next(p for p in single if p.col == c)).char_pitch + pad
        for c in range(ncols)
        if kinds[c] == "vertical"
    }
    number_w = {
        c: max((_natural(p.cell.text, style_of(p)) + pad for p in numbers if p.col == c), default=pad) for c in data
    }
    heads = [p for p in single if p.col in data and _is_header(p, table.header_role)]
    label_natural = {
        c: max((_natural(p.cell.text, style_of(p)) + pad for p in single if p.col == c), default=pad) for c in labels
    }
    label_min = {c: min(label_natural[c], settings.min_label_cells * cell.char_pitch + pad) for c in labels}
    room = width - sum(fixed.values())
    for lines in range(1, max(settings.header_lines, 1) + 1):
        # each data column: its widest number and its heading in ``lines`` lines; all as wide as the widest
        # when that fits (digits then line up across the table), else each its own
        need = {
            c: max([number_w[c], *(_wrapped(p.cell.text, style_of(p), lines) + pad for p in heads if p.col == c)])
            for c in data
        }
        if equal:
            need = dict.fromkeys(data, max(need.values()))
        rest = room - sum(need.values())
        if rest + _EPS < sum(label_min.values()):
            continue
        widths = [0.0] * ncols
        for c, w in fixed.items():
            widths[c] = w
        natural_labels = sum(label_natural.values())
        if rest >= natural_labels:
            # everything fits on one line: share what is left in proportion to the natural widths
            grow = [(c, label_natural[c]) for c in labels] + [(c, need[c]) for c in data]
            spare = rest - natural_labels
            base = sum(w for _, w in grow)
            for c, w in grow:
                widths[c] = w + spare * w / base
        else:
            # the labels wrap: each keeps its minimum, the rest goes in proportion to what they lack
            lack = {c: label_natural[c] - label_min[c] for c in labels}
            spare = rest - sum(label_min.values())
            total_lack = sum(lack.values()) or 1.0
            for c in labels:
                widths[c] = label_min[c] + spare * lack[c] / total_lack
            for c in data:
                widths[c] = need[c]
        if all(
            sum(widths[p.col : p.col + p.colspan]) + _EPS >= _natural(p.cell.text, style_of(p)) + pad for p in numbers
        ):
            return widths
    return None


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
    leading_above: float = 0.0,
    fit: ColumnFit | None = None,
) -> Flowable:
    """The flowable for a :class:`compiler.model.document.Table`, at most ``width`` points wide.

    Columns are sized by :func:`fit_columns`.  Text cells are justified, numbers aligned per
    ``settings.number_align`` (``Cell.align`` overrides), header cells centred.  A cell with
    ``vertical=True``, or a label spanning at least ``settings.min_vertical_rows`` rows whose text does not fit
    on one line, is set vertically.  ``roles`` resolves ``Cell.role``; ``grid_pitch`` makes the table's
    height (with ``settings.space`` above and below) whole grid lines, ``leading_above`` being the white the
    line above already leaves under its em box; ``page_height`` is the frame height for keep-together;
    ``fit`` is the columns :func:`placement` measured at ``width`` (measured here when not given).
    """
    if not table.widths or sum(table.widths) <= 0:
        raise ReportError(error("table.shape", f"表格{table.name}没有有效的列宽", table.source))
    cells, nrows = place_cells(table)
    if fit is None:
        fit = fit_columns(table, cells, cell=cell, header=header, settings=settings, width=width, roles=roles)
    made = _grid_table(table, cells, nrows, fit, settings, grid_pitch, page_height, leading_above)
    if table.keep_together and page_height and made.wrap(width, 1e7)[1] > page_height + _EPS:
        # taller than a page: a smaller step of the type that keeps it on one page, else split it
        for size in settings.shrink_sizes:
            if size >= fit.size - _EPS:
                continue
            smaller = fit_columns(
                table, cells, cell=cell, header=header, settings=settings, width=width, roles=roles, start_size=size
            )
            candidate = _grid_table(table, cells, nrows, smaller, settings, grid_pitch, page_height, leading_above)
            if candidate.wrap(width, 1e7)[1] <= page_height + _EPS:
                return candidate
    return made


def _grid_table(
    table: TableBlock,
    cells: list[PlacedCell],
    nrows: int,
    fit: ColumnFit,
    settings: TableSettings,
    grid_pitch: float | None,
    page_height: float | None,
    leading_above: float,
) -> GridTable:
    made: dict[tuple[int, float, bool], Flowable | str] = {}

    def content(p: PlacedCell, cell_width: float) -> Flowable | str:
        key = (id(p.cell), round(cell_width, 3), p.header)
        if key not in made:
            made[key] = _cell_content(
                p, cell_width, fit.cell, fit.header, settings, fit.roles, table.source, table.header_role
            )
        return made[key]

    font_name = fit.cell.fonts.font_for("中") or fit.cell.fonts.font_for("0") or ""
    return GridTable(
        cells,
        nrows,
        table.header_rows,
        fit.widths,
        content,
        settings,
        font_name=font_name,
        size=fit.cell.size,
        leading=fit.cell.line_pitch,
        keep_together=table.keep_together,
        page_height=page_height,
        name=table.name,
        grid_pitch=grid_pitch,
        leading_above=leading_above,
    )


def _cell_content(
    p: PlacedCell,
    cell_width: float,
    cell_style: TextStyle,
    header_style: TextStyle,
    settings: TableSettings,
    roles: Mapping[str, TextStyle],
    source: SourceRef | None,
    header_role: str = "table-header",
) -> Flowable | str:
    c = p.cell
    if not c.text:
        return ""
    is_header = _is_header(p, header_role)
    style = roles.get(c.role or "") or (header_style if is_header else cell_style)
    if c.vertical or (
        not is_header and p.rowspan >= settings.min_vertical_rows and not _fits_one_line(c.text, style, cell_width)
    ):
        return VerticalText(c.text, style, source=source)
    align: Align
    if c.align:
        align = c.align
    elif is_header:
        align = "center"
    elif reads_as_number(c.text):
        align = settings.number_align
    else:
        align = "justify"
    inset = 0.0
    if align == "center" and not _fits_one_line(c.text, style, cell_width):
        # balanced lines (商业/企业, not 商业企/业): the narrowest measure giving as few lines, centred
        lines = len(Breaking([(c.text, style)], _plain(style), cell_width))
        inset = max(cell_width - _wrapped(c.text, style, lines) - _EPS, 0.0) / 2 / style.char_pitch
    para = replace(
        style,
        align=align,
        indent=0,
        left_indent=inset,
        right_indent=inset,
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
