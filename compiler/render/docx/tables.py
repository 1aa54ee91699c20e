"""Blocks' tables as real Word tables, like the national template's: fixed column widths that fill the 版心,
0.5 pt rules, merged cells as ``w:gridSpan`` (across) and ``w:vMerge`` (down), tall merged labels set
vertically (``w:textDirection tbRl``: Chinese upright, top to bottom), header rows repeated on every page.

Cells follow the PDF's rules: header cells centred, numbers aligned per ``[table] number_align``, other text
justified, every cell centred vertically; a cell marked ``vertical`` — or a label spanning at least
``min_vertical_rows`` rows whose text does not fit on one line of its column — is vertical.  The column widths
and the type size are the PDF's own, measured from the content by the layout engine
(:func:`compiler.render.pdf.typeset.table.make_table`: numbers never broken, data columns equal, the type
stepped down 五号 → 小五 → 六号 when a table is too wide, or too tall to keep on a page), so a table looks the
same in both files.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compiler.model.problems import ReportError, error
from compiler.model.schema import reads_as_number
from compiler.render.docx.ooxml import E, run, twips

if TYPE_CHECKING:
    from docx.oxml.xmlchemy import BaseOxmlElement

    from compiler.model.document import Cell, Table
    from compiler.render.docx.styles import StyleMap

__all__ = ["Fit", "column_widths", "measure", "place", "table_elements"]

_JC = {"justify": "both", "left": "left", "center": "center", "right": "right"}


@dataclass(frozen=True)
class Placed:
    row: int
    col: int
    cell: Cell


def place(table: Table) -> tuple[dict[tuple[int, int], Placed], dict[tuple[int, int], Placed]]:
    """Grid positions of the HTML-style rows: (starts, covered) — the cell starting at (row, col), and for every
    position a span covers, the cell covering it."""
    ncols, nrows = len(table.widths), len(table.rows)
    starts: dict[tuple[int, int], Placed] = {}
    covered: dict[tuple[int, int], Placed] = {}
    for r, row in enumerate(table.rows):
        c = 0
        for cell in row:
            while (r, c) in covered:
                c += 1
            if cell.colspan < 1 or cell.rowspan < 1 or c + cell.colspan > ncols or r + cell.rowspan > nrows:
                raise ReportError(
                    error(
                        "table.shape",
                        f"表格{table.name or ''}第{r + 1}行的单元格“{cell.text[:20]}”超出表格范围"
                        f"（共{ncols}列、{nrows}行）",
                        table.source,
                    )
                )
            placed = Placed(r, c, cell)
            starts[(r, c)] = placed
            for rr in range(r, r + cell.rowspan):
                for cc in range(c, c + cell.colspan):
                    covered[(rr, cc)] = placed
            c += cell.colspan
    holes = [(r, c) for r in range(nrows) for c in range(ncols) if (r, c) not in covered]
    if holes:
        r, c = holes[0]
        raise ReportError(
            error(
                "table.shape",
                f"表格{table.name or ''}第{r + 1}行第{c + 1}列没有单元格（行与合并单元格不一致）",
                table.source,
            )
        )
    return starts, covered


def column_widths(widths: list[float], total: int) -> list[int]:
    """Relative widths → twips adding up to exactly ``total`` (the 版心 width)."""
    if not widths or sum(widths) <= 0:
        return []
    scale = total / sum(widths)
    out = [round(w * scale) for w in widths]
    out[-1] += total - sum(out)
    return out


def _text_width(text: str, size: float) -> float:
    """Points a line of ``text`` takes at ``size``: Chinese and full-width characters one em, others half."""
    return sum(size if unicodedata.east_asian_width(ch) in ("W", "F") else size / 2 for ch in text)


@dataclass(frozen=True)
class Fit:
    """Column widths (relative), the factor the table's type is scaled by (1 at its roles' sizes), and whether
    the PDF turns the table across the page (then it goes in a landscape section of its own)."""

    widths: list[float]
    scale: float = 1.0
    one_page: bool = True  # the whole table fits on a page (the PDF keeps it on one)
    turned: bool = False


def measure(table: Table, styles: StyleMap) -> Fit:
    """The PDF's measure of the table — the layout engine's own calls — column widths from the content and the
    type step that fits the width and, for a table kept together, the page; a table too wide for the 版心 even
    at the smallest step is turned (:func:`compiler.render.pdf.typeset.table.placement`): its measure is then
    the 版心's height and its page depth the 版心's width."""
    from compiler.render.pdf.typeset.table import make_table, placement

    sheet = styles.sheet
    names = {c.role for row in table.rows for c in row if c.role} | {table.role, table.header_role}
    cell = sheet.role(table.role)
    header = sheet.role(table.header_role)
    roles = {name: sheet.role(name) for name in sorted(names)}
    page = sheet.page
    placed = placement(
        table,
        cell=cell,
        header=header,
        settings=sheet.table,
        width=page.body_width,
        turned_width=page.body_height,
        roles=roles,
    )
    if placed.turned:  # as the PDF's turned page: no keeping together, columns at the 版心's height
        return Fit(list(placed.fit.widths), placed.size / cell.size, False, True)
    body = sheet.role("body") if "body" in sheet.roles else cell
    made = make_table(
        table,
        cell=cell,
        header=header,
        settings=sheet.table,
        width=page.body_width,
        grid_pitch=page.line_pitch,
        roles=roles,
        page_height=page.lines * page.line_pitch,
        leading_above=max(page.line_pitch - body.size, 0.0),
        fit=placed.fit,
    )
    depth = page.lines * page.line_pitch
    return Fit(list(made.col_widths), made.size / cell.size, made.wrap(page.body_width, 1e7)[1] <= depth + 0.01)


def table_elements(table: Table, styles: StyleMap, width: int, fit: Fit | None = None) -> list[BaseOxmlElement]:
    """The caption paragraph (if any) and the ``w:tbl``, ``width`` twips wide (the 版心's width; its height
    for a turned table, ``fit`` from :func:`measure`)."""
    if not table.widths or sum(table.widths) <= 0:
        raise ReportError(error("table.shape", f"表格{table.name}没有有效的列宽", table.source))
    starts, covered = place(table)
    fit = fit or measure(table, styles)
    widths = column_widths(fit.widths, width)
    settings = styles.sheet.table
    nrows, ncols = len(table.rows), len(widths)
    rule = max(2, round(settings.rule_width * 8))  # eighths of a point
    border = {"w:val": "single", "w:sz": rule, "w:space": 0, "w:color": "000000"}
    tbl_pr = E(
        "w:tblPr",
        None,
        E("w:tblW", {"w:w": width, "w:type": "dxa"}),
        E("w:jc", {"w:val": "center"}),
        E(
            "w:tblBorders",
            None,
            *(E(f"w:{side}", border) for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
        ),
        E("w:tblLayout", {"w:type": "fixed"}),
        E(
            "w:tblCellMar",
            None,
            E("w:top", {"w:w": twips(settings.padding_y), "w:type": "dxa"}),
            E("w:left", {"w:w": twips(settings.padding_x), "w:type": "dxa"}),
            E("w:bottom", {"w:w": twips(settings.padding_y), "w:type": "dxa"}),
            E("w:right", {"w:w": twips(settings.padding_x), "w:type": "dxa"}),
        ),
        E(
            "w:tblLook",
            {
                "w:val": "0000",
                "w:firstRow": 0,
                "w:lastRow": 0,
                "w:firstColumn": 0,
                "w:lastColumn": 0,
                "w:noHBand": 1,
                "w:noVBand": 1,
            },
        ),
    )
    grid = E("w:tblGrid", None, *(E("w:gridCol", {"w:w": w}) for w in widths))
    tbl = E("w:tbl", None, tbl_pr, grid)
    fits = fit.one_page
    least = _vertical_heights(table, starts, widths, styles)
    for r in range(nrows):
        header = r < table.header_rows
        height = E("w:trHeight", {"w:val": least[r], "w:hRule": "atLeast"}) if least.get(r) else None
        tr_pr = E("w:trPr", None, E("w:cantSplit"), height, E("w:tblHeader") if header else None)
        tr = E("w:tr", None, tr_pr)
        # keep-with-next holds the heading and the header rows to the first body row; the whole table only when
        # it fits on a page (a longer chain would leave the heading alone on a page of its own)
        keep = r < nrows - 1 and (r <= table.header_rows or (table.keep_together and fits))
        c = 0
        while c < ncols:
            owner = covered[(r, c)]
            cell = owner.cell
            span_width = sum(widths[owner.col : owner.col + cell.colspan])
            if owner.row == r:  # the cell starts in this row
                tr.append(_cell(owner, _is_header(owner, table), span_width, table, styles, keep, fit.scale))
            else:  # a row span continues: Word wants an empty cell marked as the merge's continuation
                tr.append(_continuation(cell, span_width, styles, table, keep))
            c = owner.col + cell.colspan
        tbl.append(tr)
    out: list[BaseOxmlElement] = []
    if table.caption:
        out.append(_paragraph(table.caption, styles.paragraph("table-label"), keep=True))
    out.append(tbl)
    return out


def _vertical_heights(
    table: Table, starts: dict[tuple[int, int], Placed], widths: list[int], styles: StyleMap
) -> dict[int, int]:
    """Minimum row heights (twips) so that every vertical label has the length of its text: the rows it spans
    share what it needs (office suites clip vertical text rather than grow a merged cell)."""
    pad = twips(styles.sheet.table.padding_y) * 2
    least: dict[int, int] = {}
    for (r, c), p in starts.items():
        header = _is_header(p, table)
        if not _is_vertical(p, header, sum(widths[c : c + p.cell.colspan]), styles, table):
            continue
        role = _cell_role(p.cell, header, table)
        need = _text_width(p.cell.text, float(styles.values(role)["size"])) * 20 + pad
        normal = p.cell.rowspan * (styles.line_twips(role) + pad)
        if need > normal:
            share = math.ceil(need / p.cell.rowspan)
            for rr in range(r, r + p.cell.rowspan):
                least[rr] = max(least.get(rr, 0), share)
    return least


def _paragraph(
    text: str, style_id: str, *, jc: str | None = None, keep: bool = False, size: float | None = None, line: int = 0
) -> BaseOxmlElement:
    """A paragraph in a style; ``size`` (points) and ``line`` (twips) override the style's for a scaled table."""
    ppr = E(
        "w:pPr",
        None,
        E("w:pStyle", {"w:val": style_id}),
        E("w:keepNext") if keep else None,
        E("w:spacing", {"w:line": line, "w:lineRule": "exact"}) if line else None,
        E("w:jc", {"w:val": jc}) if jc else None,
    )
    body = run(text) if text else None
    if body is not None and size:
        half = round(size * 2)
        body.insert(0, E("w:rPr", None, E("w:sz", {"w:val": half}), E("w:szCs", {"w:val": half})))
    return E("w:p", None, ppr, body)


def _is_header(p: Placed, table: Table) -> bool:
    """A header cell: in the header rows, or one the section marks with the table's header role."""
    return p.row < table.header_rows or p.cell.role == table.header_role


def _tc_pr(width: int, cell: Cell, *, merge: str | None, vertical: bool) -> BaseOxmlElement:
    return E(
        "w:tcPr",
        None,
        E("w:tcW", {"w:w": width, "w:type": "dxa"}),
        E("w:gridSpan", {"w:val": cell.colspan}) if cell.colspan > 1 else None,
        E("w:vMerge", {"w:val": merge}) if merge is not None else None,
        E("w:textDirection", {"w:val": "tbRl"}) if vertical else None,
        E("w:vAlign", {"w:val": "center"}),
    )


def _cell_role(cell: Cell, header: bool, table: Table) -> str:
    return cell.role or (table.header_role if header else table.role)


def _is_vertical(p: Placed, header: bool, width: int, styles: StyleMap, table: Table) -> bool:
    cell = p.cell
    if cell.vertical:
        return True
    if header or cell.rowspan < styles.sheet.table.min_vertical_rows or not cell.text:
        return False
    size = float(styles.values(_cell_role(cell, header, table))["size"])
    room = width / 20 - 2 * styles.sheet.table.padding_x
    return _text_width(cell.text, size) > room + 0.01


def _cell(
    p: Placed, header: bool, width: int, table: Table, styles: StyleMap, keep: bool, scale: float = 1.0
) -> BaseOxmlElement:
    cell = p.cell
    vertical = _is_vertical(p, header, width, styles, table)
    if cell.align:
        align = cell.align
    elif header or vertical:
        align = "center"
    elif reads_as_number(cell.text):
        align = styles.sheet.table.number_align
    else:
        align = "justify"
    merge = "restart" if cell.rowspan > 1 else None
    role = _cell_role(cell, header, table)
    size = line = None
    if abs(scale - 1) > 1e-6:
        size = float(styles.values(role)["size"]) * scale
        line = round(styles.line_twips(role) * scale)
    para = _paragraph(cell.text, styles.paragraph(role), jc=_JC[align], keep=keep, size=size, line=line or 0)
    return E("w:tc", None, _tc_pr(width, cell, merge=merge, vertical=vertical), para)


def _continuation(cell: Cell, width: int, styles: StyleMap, table: Table, keep: bool) -> BaseOxmlElement:
    para = _paragraph("", styles.paragraph(table.role), keep=keep)
    return E("w:tc", None, _tc_pr(width, cell, merge="continue", vertical=False), para)
