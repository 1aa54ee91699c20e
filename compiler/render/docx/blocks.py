"""Blocks → the body of the Word document: paragraphs with named styles and character-styled runs, headings
as heading styles, the title, the 署名 and 成文日期 (GB/T 9704 §7.3.5.2), blank lines, page breaks, tables.

Every grid line of the PDF is one line here: a blank line is an empty 正文 paragraph, the title is followed by
one, and so is the text before the 署名 — the same count of lines per page as the PDF.

A table the PDF turns across the page goes, with the headings just before it (as the PDF turns them with it), in
a landscape section of its own: the paragraph before ends the portrait section (``w:sectPr`` in its properties),
and an empty 1-pt paragraph after the table ends the landscape one.
"""

from __future__ import annotations

import math
import re
import unicodedata
from copy import deepcopy
from typing import TYPE_CHECKING

from docx.oxml.ns import qn

from compiler.model.document import BlankLines, Heading, Imprint, PageBreak, Paragraph, Signature, Table, Title
from compiler.render.docx.ooxml import E, run, twips
from compiler.render.docx.tables import measure, table_elements

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docx.oxml.xmlchemy import BaseOxmlElement

    from compiler.model.document import Block
    from compiler.model.problems import Problem
    from compiler.render.docx.page import Geometry
    from compiler.render.docx.styles import StyleMap
    from compiler.render.docx.tables import Fit

__all__ = ["body_elements"]

_HEADING = re.compile(r"heading([1-9])")


def _cells(text: str, size: float, cell_pt: float) -> float:
    """Grid cells a line of ``text`` takes: one per Chinese or full-width character, half an em otherwise."""
    return sum(1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else size / 2 / cell_pt for ch in text)


class _Writer:
    def __init__(
        self, styles: StyleMap, geo: Geometry, sections: tuple[BaseOxmlElement, BaseOxmlElement] | None = None
    ):
        self.styles, self.geo = styles, geo
        self.sections = sections  # (portrait, landscape) section properties to copy at a section break
        self.out: list[BaseOxmlElement] = []
        self._break_before = False
        self._space_before = 0  # twips of white the next paragraph leaves above it (after a table)
        self._headings_from: int | None = None  # where the run of headings just written starts in ``out``
        self.notes: list[Problem] = []  # layout decisions the author is told of (a table turned)

    def paragraph(self, style: str, children: Sequence[BaseOxmlElement | None], *extra: BaseOxmlElement | None) -> None:
        """A paragraph in ``style``; ``extra`` are direct properties in the schema's order (after w:spacing)."""
        page_break = E("w:pageBreakBefore") if self._break_before else None
        self._break_before = False
        space = E("w:spacing", {"w:before": self._space_before}) if self._space_before else None
        self._space_before = 0
        ppr = E("w:pPr", None, E("w:pStyle", {"w:val": style}), page_break, space, *extra)
        self.out.append(E("w:p", None, ppr, *children))

    def _white_around(self) -> None:
        """The table's white above (``[table] space``, 5 mm) as space after the paragraph before it; the white
        below is given to the paragraph after it."""
        white = twips(self.styles.sheet.table.space)
        last = self.out[-1] if self.out else None
        if last is not None and last.tag == E("w:p").tag:
            ppr = last.pPr
            spacing = ppr.find(E("w:spacing").tag)
            if spacing is None:
                spacing = E("w:spacing")
                ppr.insert(1 + sum(1 for c in ppr if c.tag == E("w:pageBreakBefore").tag), spacing)
            spacing.set(qn("w:after"), str(white))
        self._space_before = white

    def blank(self, count: int = 1) -> None:
        for _ in range(count):
            self.paragraph(self.styles.paragraph("body"), [])

    def block(self, block: Block) -> None:
        start = len(self.out)
        self._block(block)
        if isinstance(block, Heading):
            self._headings_from = start if self._headings_from is None else self._headings_from
        else:
            self._headings_from = None

    def _block(self, block: Block) -> None:
        s = self.styles
        if isinstance(block, Paragraph):
            style = s.paragraph(block.role)
            runs = [run(r.text, s.character(r.role) if r.role and r.role != block.role else None) for r in block.runs]
            outline = E("w:outlineLvl", {"w:val": block.outline[1]}) if block.outline is not None else None
            self.paragraph(style, runs, self._hang(block) if block.hang else None, outline)
        elif isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Title):
            self.title(block)
        elif isinstance(block, Signature):
            self.signature(block)
        elif isinstance(block, Imprint):
            self.imprint(block)
        elif isinstance(block, BlankLines):
            self.blank(max(block.count, 0))
        elif isinstance(block, PageBreak):
            self._break_before = True
        elif isinstance(block, Table):
            fit = measure(block, s)
            if fit.turned and self.sections is not None:
                self.turned_table(block, fit)
                return
            if self._break_before and not block.caption:  # a table cannot start a page by itself: an empty line
                self.paragraph(s.paragraph("body"), [E("w:r", None, E("w:br", {"w:type": "page"}))])
            self._white_around()
            for element in table_elements(block, s, self.geo.body_width, fit):
                if element.tag == E("w:p").tag and self._break_before:
                    element.pPr.insert(2, E("w:pageBreakBefore"))  # after pStyle, keepNext
                    self._break_before = False
                self.out.append(element)
        else:
            raise TypeError(f"no Word element for block {type(block).__name__}")

    def turned_table(self, block: Table, fit: Fit) -> None:
        """The table, and the headings just before it, in a landscape section of its own, the table as wide as
        the turned 版心 (the portrait 版心's height)."""
        from compiler.render.pdf.typeset.table import turned_note

        assert self.sections is not None
        portrait, landscape = self.sections
        start = self._headings_from if self._headings_from is not None else len(self.out)
        before = self.out[start - 1] if start else None
        if before is not None and _section_of(before) is None:
            if before.tag == E("w:p").tag:
                before.pPr.append(deepcopy(portrait))  # the portrait section ends with this paragraph
            else:  # after a table: an empty paragraph ends the section
                self.out.insert(start, _tiny_paragraph(deepcopy(portrait)))
        self._break_before = False  # the section starts a page anyway
        self._space_before = 0
        self.out += table_elements(block, self.styles, self.geo.body_height, fit)
        self.out.append(_tiny_paragraph(deepcopy(landscape)))
        self.notes.append(turned_note(block, self.styles.sheet.role(block.role), self.styles.sheet.table))

    def heading(self, block: Heading) -> None:
        style = self.styles.paragraph(block.role)
        m = _HEADING.fullmatch(block.role)
        own = int(m.group(1)) - 1 if m else None
        wanted = 9 if block.outline_level is None else block.outline_level  # 9: body text, not in the outline
        outline = E("w:outlineLvl", {"w:val": wanted}) if wanted != own and not (own is None and wanted == 9) else None
        self.paragraph(style, [run(block.text)], outline)

    def title(self, block: Title) -> None:
        from compiler.render.pdf.typeset.titlebreak import break_title

        if block.document_number and block.signer:  # 左空一字, and 签发人 on a right tab 右空一字 (§7.2.6)
            cell = self.geo.cell
            right = round(self.geo.body_width - cell * 20)  # twips
            ppr = E(
                "w:pPr",
                None,
                E("w:pStyle", {"w:val": self.styles.paragraph(block.number_role)}),
                E("w:tabs", None, E("w:tab", {"w:val": "right", "w:pos": right})),
                E("w:ind", {"w:left": round(cell * 20)}),
                E("w:jc", {"w:val": "left"}),
            )
            name = run(block.signer, self.styles.character(block.signer_role))
            children = [run(block.document_number), E("w:r", None, E("w:tab")), run("签发人："), name]
            self.out.append(E("w:p", None, ppr, *children))
            self.blank()
        elif block.document_number:  # 发文字号 above the title, one blank line between (§7.2.4)
            self.paragraph(self.styles.paragraph(block.number_role), [run(block.document_number)])
            self.blank()
        if not block.printed:  # published without a title: the 发文字号 and its blank line only — or the 署名 and
            # 成文日期 lines that stand where the title would, and their blank line
            for line in block.byline:
                self.paragraph(self.styles.paragraph(block.byline_role), [run(line)])
            if block.byline:
                self.blank()
            return
        v = self.styles.values(block.role)
        width_cells = self.geo.body_width / 20 / float(v["char_pitch"])
        lines = block.lines or break_title(block.text, math.floor(width_cells + 1e-6))
        children: list[BaseOxmlElement] = []
        for i, line in enumerate(lines):
            if i:
                children.append(E("w:r", None, E("w:br")))
            children.append(run(line))
        self.paragraph(self.styles.paragraph(block.role), children)
        for line in block.byline:  # 署名 and 成文日期 under the title, before its blank line
            self.paragraph(self.styles.paragraph(block.byline_role), [run(line)])
        self.blank()

    def signature(self, block: Signature) -> None:
        """署名 右空二字; the date's first character two cells right of the 署名's — or, when the date is the
        longer, the date 右空二字 and the 署名 moved left to keep that offset (§7.3.5.2)."""
        s = self.styles
        date_role = "date" if "date" in s.sheet.roles else block.role
        organ_v, date_v = s.values(block.role), s.values(date_role)
        cell = self.geo.cell
        right = float(organ_v["right_indent"])
        organ_w = _cells(block.organ, float(organ_v["size"]), cell)
        date_w = _cells(block.date, float(date_v["size"]), cell)
        organ_right = right
        date_right = right + organ_w - 2 - date_w
        if date_right < right:
            date_right = right
            organ_right = right + date_w + 2 - organ_w
        self.blank()
        lines = [(block.organ, block.role, organ_right)] if block.organ else []  # no 署名: the date alone
        for i, (text, role, cells) in enumerate((*lines, (block.date, date_role, date_right))):
            ind = E("w:ind", {"w:rightChars": round(cells * 100), "w:right": round(cells * cell * 20)})
            self.paragraph(s.paragraph(role), [run(text)], ind)
            if i < len(lines):  # the 署名 stays on the page of its 成文日期, as in the PDF
                self.out[-1].pPr.insert(1, E("w:keepNext"))

    def imprint(self, block: Imprint) -> None:
        """版记 (§7.4) at the foot of the page, as the PDF sets it: each row a paragraph in a frame of its own
        (``w:framePr``), one PDF line pitch high, placed from the top margin so that the last row ends on the
        版心's bottom edge; ruled above (the first thick, the others thin), the last ruled below too (thick); the
        印发机关 at the style's left indent, the 印发日期 on a right tab 右空一字.

        One frame per row, not one frame of all rows: LibreOffice joins consecutive framed paragraphs only when
        their borders are equal, and a floating table (``w:tblpPr``) as wide as the 版心 it sets in the text flow.
        The frames hang on a 1-pt empty paragraph after them (without one, LibreOffice leaves the first of them in
        the text flow); no text goes beside them (``notBeside``), so when the page has no room left above them
        they go to the foot of the next page with that paragraph."""
        s = self.styles
        settings = s.sheet.imprint
        role = block.role
        v = s.values(role)
        cell = self.geo.cell
        right = round(self.geo.body_width - float(v["right_indent"]) * cell * 20)  # twips
        outer, inner = (max(2, round(w * 8)) for w in (settings.outer, settings.inner))  # eighths of a point
        pitch = twips(s.sheet.page.line_pitch)
        rows = block.rows
        for i, (left, date) in enumerate(rows):
            edges = [
                E("w:top", {"w:val": "single", "w:sz": outer if i == 0 else inner, "w:space": 0, "w:color": "000000"})
            ]
            if i == len(rows) - 1:
                edges.append(E("w:bottom", {"w:val": "single", "w:sz": outer, "w:space": 0, "w:color": "000000"}))
            frame = {
                "w:w": self.geo.body_width,
                "w:h": pitch,
                "w:hRule": "exact",
                "w:wrap": "notBeside",
                "w:vAnchor": "margin",
                "w:hAnchor": "margin",
                "w:x": 0,
                "w:y": self.geo.body_height - (len(rows) - i) * pitch,
            }
            ppr = E(
                "w:pPr",
                None,
                E("w:pStyle", {"w:val": s.paragraph(role)}),
                E("w:framePr", frame),
                E("w:pBdr", None, *edges),
                E("w:tabs", None, E("w:tab", {"w:val": "right", "w:pos": right})) if date else None,
                E("w:snapToGrid", {"w:val": 0}),
                E("w:spacing", {"w:before": 0, "w:after": 0, "w:line": pitch, "w:lineRule": "exact"}),
            )
            children = [run(left)] + ([E("w:r", None, E("w:tab")), run(date)] if date else [])
            self.out.append(E("w:p", None, ppr, *children))
        self.out.append(_tiny_paragraph())

    def _hang(self, block: Paragraph) -> BaseOxmlElement:
        """Wrapped lines under the first character of run ``hang`` (附件说明: "附件：1. 标题")."""
        v = self.styles.values(block.role)
        cell = self.geo.cell if self.styles.on_grid(block.role) else float(v["char_pitch"])
        lead = sum(_cells(r.text, float(v["size"]), cell) for r in block.runs[: block.hang])
        start = float(v["left_indent"]) + float(v["indent"])
        left = start + lead
        return E(
            "w:ind",
            {
                "w:leftChars": round(left * 100),
                "w:left": round(left * cell * 20),
                "w:hangingChars": round(lead * 100),
                "w:hanging": round(lead * cell * 20),
            },
        )


def _section_of(paragraph: BaseOxmlElement) -> BaseOxmlElement | None:
    """The ``w:sectPr`` a paragraph ends its section with, if any."""
    ppr = paragraph.find(qn("w:pPr"))
    return ppr.find(qn("w:sectPr")) if ppr is not None else None


def _tiny_paragraph(sect_pr: BaseOxmlElement | None = None) -> BaseOxmlElement:
    """An empty paragraph, 1 pt high and off the grid (that ends a section with ``sect_pr``, if given)."""
    ppr = E(
        "w:pPr",
        None,
        E("w:snapToGrid", {"w:val": 0}),
        E("w:spacing", {"w:before": 0, "w:after": 0, "w:line": 20, "w:lineRule": "exact"}),
        E("w:rPr", None, E("w:sz", {"w:val": 2}), E("w:szCs", {"w:val": 2})),
        sect_pr,
    )
    return E("w:p", None, ppr)


def body_elements(
    blocks: Sequence[Block],
    styles: StyleMap,
    geo: Geometry,
    sections: tuple[BaseOxmlElement, BaseOxmlElement] | None = None,
    notes: list[Problem] | None = None,
) -> list[BaseOxmlElement]:
    """The body's elements.  ``sections`` are the portrait and landscape section properties copied at the
    breaks around a turned table; without them a turned table is set in the portrait 版心 (no sections).
    ``notes`` receives the layout decisions the author is told of (``table.turned``, as the PDF says it).

    When the last block is a turned table, the caller makes the body's own (last) section landscape instead of
    ending one more section (:func:`ends_turned`)."""
    writer = _Writer(styles, geo, sections)
    for block in blocks:
        writer.block(block)
    if notes is not None:
        notes += writer.notes
    return writer.out


def ends_turned(elements: list[BaseOxmlElement]) -> bool:
    """Whether the body ends with a turned table's section break — then the break's properties are taken off
    its 1-pt paragraph (which stays: Word wants a paragraph after a table) and the caller makes the document's
    last section, the body's ``w:sectPr``, the landscape one, or an empty portrait page would follow."""
    last = elements[-1] if elements else None
    if last is not None and last.tag == E("w:p").tag and (sect_pr := _section_of(last)) is not None:
        sect_pr.getparent().remove(sect_pr)
        return True
    return False
