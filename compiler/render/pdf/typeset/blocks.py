"""Blocks → ReportLab flowables: the one place that knows which flowable draws which semantic block.

Body text goes through the grid paragraph (:mod:`compiler.render.pdf.typeset.paragraph`), tables through
:mod:`compiler.render.pdf.typeset.table`; the few elements whose position GB/T 9704 fixes outright — the centred title,
the 署名 and 成文日期 — are drawn here by small flowables that place each line exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, Flowable, Spacer
from reportlab.platypus import PageBreak as RLPageBreak

from compiler.model.document import (
    BlankLines,
    Block,
    Heading,
    Imprint,
    PageBreak,
    Paragraph,
    Signature,
    Table,
    Title,
)
from compiler.model.problems import Problem
from compiler.render.pdf.typeset.landscape import TurnedPage
from compiler.render.pdf.typeset.linebreak import Breaking
from compiler.render.pdf.typeset.page import OutlineMark
from compiler.render.pdf.typeset.paragraph import GridParagraph
from compiler.render.pdf.typeset.table import Placement, make_table, placement, turned_note
from compiler.render.pdf.typeset.titlebreak import break_title, is_wide
from compiler.render.style import StyleSheet
from compiler.render.textstyle import TextStyle

__all__ = [
    "BlockMapper",
    "PlacedLines",
    "SignatureBlock",
    "break_title",
    "build_flowables",
    "draw_line",
    "imprint_flowable",
    "is_wide",
    "line_width",
]

# ---------------------------------------------------------------------------------------------- one line of text


def _segments(text: str, style: TextStyle) -> list[tuple[str, str, bool]]:
    """(font, text, wide) runs: consecutive characters drawn with the same font at the same pitch rule."""
    runs: list[tuple[str, str, bool]] = []
    for ch in text:
        font = style.fonts.font_for(ch) or style.fonts.font_for("中") or ""
        wide = is_wide(ch)
        if runs and runs[-1][0] == font and runs[-1][2] == wide:
            runs[-1] = (font, runs[-1][1] + ch, wide)
        else:
            runs.append((font, ch, wide))
    return runs


def line_width(text: str, style: TextStyle) -> float:
    """Width of a single line: wide characters take ``char_pitch``, others their natural advance."""
    total = 0.0
    for font, chunk, wide in _segments(text, style):
        if wide:
            total += len(chunk) * style.char_pitch
        else:
            total += sum(style.fonts.advance(font, ch, style.size) for ch in chunk)
    return total


def draw_line(canvas: Canvas, x: float, baseline: float, text: str, style: TextStyle) -> None:
    """Draw one line at (x, baseline) in a single text object; wide characters are spaced to the grid with
    character spacing (Tc), reset afterwards."""
    canvas.saveState()
    obj = canvas.beginText(x, baseline)
    if style.bold:
        obj.setTextRenderMode(2)
        canvas.setLineWidth(style.bold_stroke * style.size)
        canvas.setStrokeColor(style.color)
    for font, chunk, wide in _segments(text, style):
        obj.setFont(font, style.size)
        spacing = style.char_pitch - style.fonts.advance(font, chunk[0], style.size) if wide else 0.0
        obj.setCharSpace(spacing)
        obj.textOut(chunk)
    obj.setCharSpace(0)
    if style.bold:
        obj.setTextRenderMode(0)
    canvas.setFillColor(style.color)
    canvas.drawText(obj)
    canvas.restoreState()


def _first_baseline(style: TextStyle) -> float:
    """Distance from a line box's top to its baseline: the em-box top sits on the box top."""
    return style.em_ascent * style.size


class PlacedLines(Flowable):
    """Lines of text, one grid line each, each placed by ``x_of(line_width, available_width)``."""

    def __init__(self, lines: Sequence[tuple[str, TextStyle]], align: str = "center", *, right_cells: float = 0):
        super().__init__()
        self.lines = list(lines)
        self.align = align
        self.right_cells = right_cells
        self.width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, sum(style.line_pitch for _, style in self.lines)

    def draw(self) -> None:
        top = sum(style.line_pitch for _, style in self.lines)
        for text, style in self.lines:
            width = line_width(text, style)
            if self.align == "center":
                x = (self.width - width) / 2
            elif self.align == "right":
                x = self.width - self.right_cells * style.char_pitch - width
            else:
                x = 0.0
            draw_line(self.canv, x, top - _first_baseline(style), text, style)
            top -= style.line_pitch


class NumberAndSigner(Flowable):
    """The 发文字号 左空一字 and "签发人：<name>" 右空一字 on one grid line (GB/T 9704 §7.2.6): the label in the
    number's face, the name in its own (3号楷体)."""

    def __init__(self, number: str, signer: str, number_style: TextStyle, signer_style: TextStyle):
        super().__init__()
        self.number, self.signer = number, signer
        self.number_style, self.signer_style = number_style, signer_style
        self.width = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.number_style.line_pitch

    def draw(self) -> None:
        baseline = self.number_style.line_pitch - _first_baseline(self.number_style)
        cell = self.number_style.char_pitch
        draw_line(self.canv, cell, baseline, self.number, self.number_style)
        name_x = self.width - self.signer_style.right_indent * self.signer_style.char_pitch
        name_x -= line_width(self.signer, self.signer_style)
        label = "签发人："
        draw_line(self.canv, name_x - line_width(label, self.number_style), baseline, label, self.number_style)
        draw_line(self.canv, name_x, baseline, self.signer, self.signer_style)


class SignatureBlock(Flowable):
    """发文机关署名 and 成文日期 without a seal (GB/T 9704 §7.3.5.2).

    The 署名 ends ``right_indent`` cells (右空二字) from the right edge; the date starts two cells right of the
    署名's first character.  When the date is the longer of the two it is set 右空二字 instead and the 署名
    moves left so that the two-cell offset between their first characters holds.  Without a 署名 (``organ``
    empty: a report printed with its date alone) the date is one line, set 右空二字.
    """

    def __init__(self, organ: str, date: str, organ_style: TextStyle, date_style: TextStyle):
        super().__init__()
        self.organ, self.date = organ, date
        self.organ_style, self.date_style = organ_style, date_style
        self.width = 0.0

    def positions(self, width: float) -> tuple[float, float]:
        """x of the 署名's and the date's first characters in a line ``width`` wide."""
        cell = self.organ_style.char_pitch
        right = width - self.organ_style.right_indent * cell
        organ_x = right - line_width(self.organ, self.organ_style)
        date_x = organ_x + 2 * cell
        date_end = date_x + line_width(self.date, self.date_style)
        if date_end > right + 0.01:
            date_x = right - line_width(self.date, self.date_style)
            organ_x = date_x - 2 * cell
        return organ_x, date_x

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self._organ_pitch() + self.date_style.line_pitch

    def _organ_pitch(self) -> float:
        return self.organ_style.line_pitch if self.organ else 0.0

    def draw(self) -> None:
        organ_x, date_x = self.positions(self.width)
        top = self._organ_pitch() + self.date_style.line_pitch
        if self.organ:
            draw_line(self.canv, organ_x, top - _first_baseline(self.organ_style), self.organ, self.organ_style)
        top -= self._organ_pitch()
        draw_line(self.canv, date_x, top - _first_baseline(self.date_style), self.date, self.date_style)


class ImprintBlock(Flowable):
    """版记 (GB/T 9704 §7.4) at the foot of the page: the 抄送机关 line (if any), then the 印发机关 左空一字 with
    the 印发日期 右空一字, each between rules across the 版心 — the first and last thick, the others thin; the last
    rule lies on the bottom edge of the 版心.  It takes the rest of the frame so nothing follows it on the page;
    when the page has too little room left it goes to the foot of the next."""

    def __init__(
        self,
        rows: Sequence[tuple[str, str]],
        style: TextStyle,
        outer: float,
        inner: float,
        pitch: float,
        strip: float = 0.0,
    ):
        super().__init__()
        self.rows = list(rows)  # (left text, right text)
        self.style, self.outer, self.inner, self.pitch = style, outer, inner, pitch
        self.strip = strip  # the frame reaches this far below the 版心 (page.py): the last rule lies above it
        self.width = 0.0
        self.height = 0.0

    def own_height(self) -> float:
        return len(self.rows) * self.pitch + self.strip

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        need = self.own_height()
        self.height = availHeight if need <= availHeight + 0.01 else need
        return availWidth, self.height

    def draw(self) -> None:
        canvas, style = self.canv, self.style
        cell = style.char_pitch
        top = self.own_height()
        canvas.saveState()
        canvas.setStrokeColor(style.color)
        for i, (left, right) in enumerate(self.rows):
            canvas.setLineWidth(self.outer if i == 0 else self.inner)
            canvas.line(0, top, self.width, top)
            # the text centred in its row, on the row's middle
            baseline = top - self.pitch / 2 - (style.em_ascent - 0.5) * style.size
            if left:
                draw_line(canvas, style.left_indent * cell, baseline, left, style)
            if right:
                x = self.width - style.right_indent * cell - line_width(right, style)
                draw_line(canvas, x, baseline, right, style)
            top -= self.pitch
        canvas.setLineWidth(self.outer)
        canvas.line(0, self.strip, self.width, self.strip)
        canvas.restoreState()


def imprint_flowable(block: Imprint, sheet: StyleSheet) -> ImprintBlock:
    """The 版记 as drawn at the foot of the report's last page — or, after merged attachments, of a page of its
    own (:mod:`compiler.render.pdf.finish.stamp`)."""
    settings, page = sheet.imprint, sheet.page
    strip = max(page.lines * page.line_pitch - page.body_height, 0.0)
    return ImprintBlock(block.rows, sheet.role(block.role), settings.outer, settings.inner, page.line_pitch, strip)


# ---------------------------------------------------------------------------------------------- the mapping


@dataclass
class _Part:
    flowables: list[Flowable]
    keep_with_next: bool = False
    #: A part that must start whole (a keep-together table that fits on a page): the heading before it
    #: moves with it instead of being stranded at the foot of the page.
    keep_together: bool = False
    #: A table on turned pages of its own: the headings before it are turned with it.
    turned: TurnedPage | None = None


def _grid_lines(count: int, pitch: float) -> Spacer:
    return Spacer(0, count * pitch)


def _spaced(flowables: list[Flowable], style: TextStyle, pitch: float) -> list[Flowable]:
    before = [_grid_lines(style.space_before, pitch)] if style.space_before else []
    after = [_grid_lines(style.space_after, pitch)] if style.space_after else []
    return [*before, *flowables, *after]


class BlockMapper:
    """Turns blocks into flowables for one style sheet; numbers outline keys deterministically."""

    def __init__(self, sheet: StyleSheet, notes: list[Problem] | None = None):
        self.sheet = sheet
        self.notes = notes if notes is not None else []  # layout decisions the author should know of
        self.pitch = sheet.page.line_pitch
        self.width = sheet.page.body_width
        self._outline_keys = 0

    def part(self, block: Block) -> _Part:
        if isinstance(block, Paragraph):
            style = self.sheet.role(block.role)
            runs = [(run.text, self.sheet.role(run.role) if run.role else style) for run in block.runs]
            para_style = replace(style, keep_with_next=False)
            if block.hang:
                para_style = _hanging(para_style, runs[: block.hang], self.width)
            para = GridParagraph(runs, para_style, source=block.source)
            flowables: list[Flowable] = [para]
            if block.outline is not None:  # a part heading run in: its outline entry, as a heading's
                self._outline_keys += 1
                flowables.insert(0, OutlineMark(block.outline[0], block.outline[1], f"h{self._outline_keys}"))
            return _Part(_spaced(flowables, style, self.pitch), style.keep_with_next)
        if isinstance(block, Heading):
            return self.heading(block)
        if isinstance(block, Title):
            return self.title(block)
        if isinstance(block, Signature):
            organ = self.sheet.role(block.role)
            date = self.sheet.role("date") if "date" in self.sheet.roles else organ
            return _Part([_grid_lines(1, self.pitch), SignatureBlock(block.organ, block.date, organ, date)])
        if isinstance(block, Imprint):
            return _Part([imprint_flowable(block, self.sheet)])
        if isinstance(block, BlankLines):
            return _Part([_grid_lines(block.count, self.pitch)] if block.count > 0 else [])
        if isinstance(block, PageBreak):
            return _Part([RLPageBreak()])
        if isinstance(block, Table):
            return self.table(block)
        raise TypeError(f"no flowable for block {type(block).__name__}")

    def heading(self, block: Heading) -> _Part:
        style = self.sheet.role(block.role)
        para = GridParagraph([(block.text, style)], replace(style, keep_with_next=False), source=block.source)
        flowables: list[Flowable] = [para]
        if block.outline_level is not None:
            self._outline_keys += 1
            flowables.insert(0, OutlineMark(block.text, block.outline_level, f"h{self._outline_keys}"))
        return _Part(_spaced(flowables, style, self.pitch), keep_with_next=True)

    def title(self, block: Title) -> _Part:
        style = self.sheet.role(block.role)
        lines = block.lines or break_title(block.text, math.floor(self.width / style.char_pitch + 1e-6))
        placed = PlacedLines([(line, style) for line in lines], align=style.align)
        above: list[Flowable] = []
        if block.document_number:  # 发文字号 on the line above, one blank line between (§7.2.4)
            number = self.sheet.role(block.number_role)
            line: Flowable = PlacedLines([(block.document_number, number)], align=number.align)
            if block.signer:  # with a 签发人 the number is 左空一字 and the 签发人 右空一字 on its line (§7.2.6)
                line = NumberAndSigner(block.document_number, block.signer, number, self.sheet.role(block.signer_role))
            above = [line, _grid_lines(1, self.pitch)]
        under: list[Flowable] = []
        if block.byline:  # 署名 and 成文日期 right under the title, before its blank line
            byline = self.sheet.role(block.byline_role)
            under = [PlacedLines([(line, byline) for line in block.byline], align=byline.align)]
        if not block.printed:  # published without a title: the 发文字号 and its blank line, then the text — or
            # the 署名 and 成文日期 lines that stand where the title would (上海市经信委 2015) and their blank line
            return _Part([*above, *under, _grid_lines(1, self.pitch)] if under else above)
        return _Part([*above, placed, *under, _grid_lines(1, self.pitch)])

    def table(self, block: Table) -> _Part:
        names = {c.role for row in block.rows for c in row if c.role} | {block.role, block.header_role}
        body = self.sheet.role("body") if "body" in self.sheet.roles else self.sheet.role(block.role)
        roles = {name: self.sheet.role(name) for name in sorted(names)}
        page = self.sheet.page
        placed = placement(
            block,
            cell=self.sheet.role(block.role),
            header=self.sheet.role(block.header_role),
            settings=self.sheet.table,
            width=self.width,
            turned_width=page.body_height,
            roles=roles,
        )  # across the 版心, turned, or ``table.too-wide`` even turned
        if placed.turned:
            return self.turned_table(block, roles, placed)
        made = make_table(
            block,
            cell=self.sheet.role(block.role),
            header=self.sheet.role(block.header_role),
            settings=self.sheet.table,
            width=self.width,
            grid_pitch=self.pitch,
            roles=roles,
            page_height=page.lines * page.line_pitch,
            leading_above=max(self.pitch - body.size, 0.0),
            fit=placed.fit,
        )
        flowables: list[Flowable] = []
        if block.caption:
            label = self.sheet.role("table-label")
            flowables.append(PlacedLines([(block.caption, label)], align=label.align))
        flowables.append(made)  # a whole number of grid lines, white above and below included
        return _Part(flowables, keep_together=block.keep_together)

    def turned_table(self, block: Table, roles: dict[str, TextStyle], placed: Placement) -> _Part:
        """A table too wide for the 版心 even at the smallest type step, on pages of its own turned 90°
        (:mod:`compiler.render.pdf.typeset.landscape`), as :func:`placement` decided."""
        page = self.sheet.page
        made = make_table(
            replace(block, keep_together=False),
            cell=self.sheet.role(block.role),
            header=self.sheet.role(block.header_role),
            settings=self.sheet.table,
            width=placed.width,
            roles=roles,
            fit=placed.fit,
        )
        content: list[Flowable] = []
        if block.caption:
            label = self.sheet.role("table-label")
            content.append(PlacedLines([(block.caption, label)], align=label.align))
        content.append(made)
        turned = TurnedPage(
            content,
            measure=page.body_height,
            depth=page.body_width,
            body_height=page.body_height,
            frame_height=page.lines * page.line_pitch,
        )
        self.notes.append(turned_note(block, self.sheet.role(block.role), self.sheet.table))
        return _Part([turned], turned=turned)


def _hanging(style: TextStyle, lead: list[tuple[str, TextStyle]], width: float) -> TextStyle:
    """``style`` with wrapped lines indented to where the text after ``lead`` starts on the first line.

    The lead is measured by the line breaker itself (its natural width, as set on an unjustified line), so
    the alignment holds for any font and any lead ("附件：1. " or "附件：10. ")."""
    if not lead:
        return style
    measured = Breaking(lead, replace(style, align="left", left_indent=0.0, indent=0.0), width * 4)
    cells = measured.line(0).natural / style.char_pitch
    first = style.left_indent + style.indent
    return replace(style, left_indent=first + cells, indent=-cells)


def _min_height(part: _Part, width: float, pitch: float, page_height: float) -> float:
    """Space the start of ``part`` needs so that what precedes it is not stranded: up to two grid lines,
    or all of a keep-together table that fits on a page."""
    if not part.flowables:
        return 0.0
    if part.keep_together:
        whole = sum(f.wrap(width, 1e6)[1] for f in part.flowables)
        if whole <= page_height:
            return whole
        return min(whole, sum(f.wrap(width, 1e6)[1] for f in part.flowables[:-1]) + 3 * pitch)
    first = part.flowables[0]
    height = first.wrap(width, 1e6)[1]
    if isinstance(first, Spacer) and len(part.flowables) > 1:
        height += min(part.flowables[1].wrap(width, 1e6)[1], 2 * pitch)
        return height
    return min(height, 2 * pitch)


def build_flowables(blocks: Sequence[Block], sheet: StyleSheet, notes: list[Problem] | None = None) -> list[Flowable]:
    """All flowables of the document, with a conditional page break before every run of keep-with-next
    blocks (headings) so that a heading is never the last line of a page."""
    mapper = BlockMapper(sheet, notes)
    parts = [mapper.part(block) for block in blocks]
    width, pitch = sheet.page.body_width, sheet.page.line_pitch
    out: list[Flowable] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        if part.keep_with_next:
            j = i
            need = 0.0
            while j < len(parts) and parts[j].keep_with_next:
                need += sum(f.wrap(width, 1e6)[1] for f in parts[j].flowables)
                j += 1
            if j < len(parts) and parts[j].turned is not None:
                # headings before a turned table go on its page, turned with it (as a landscape section
                # would have them), rather than stranded at the foot of the page before
                parts[j].turned.content[:0] = [f for k in range(i, j) for f in parts[k].flowables]
                i = j
                continue
            if j < len(parts):
                need += _min_height(parts[j], width, pitch, sheet.page.lines * pitch)
            out.append(CondPageBreak(need - 0.01))
            for k in range(i, j):
                out += parts[k].flowables
            i = j
            continue
        if part.keep_together:
            # a table (and its caption) starts on a page where it fits, or at least where its caption is
            # not left alone at the foot
            out.append(CondPageBreak(_min_height(part, width, pitch, sheet.page.lines * pitch) - 0.01))
        out += part.flowables
        i += 1
    return out
