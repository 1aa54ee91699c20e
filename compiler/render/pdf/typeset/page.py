"""The GB/T 9704 page: the type-area frame, page numbers (§7.5) and the outline.

The frame's top-left corner is the 版心's top-left corner.  Its height is ``lines × line_pitch`` rather than
the 版心 height: a grid paragraph is ``n × line_pitch`` tall with the first line's em-box top at its top, so
the 22nd line's *box* ends one pitch below the 21st line, while its *glyphs* (em box ``char_pitch`` tall) end
exactly on the 版心 bottom (21 × 29.61 + 15.79 = 637.8 pt = 225 mm).  The frame therefore reaches
``line_pitch − char_pitch`` (≈ 13.8 pt) below the 版心; nothing is ever drawn in that strip.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from compiler.render.pdf.typeset.fonts import glyph_bounds
from compiler.render.textstyle import PageGeometry, PageNumberStyle

#: Called after a page's content with (canvas, page number): later stamping (attachment marks …) hooks in here.
PageHook = Callable[[Canvas, int], None]

#: ReportLab compares heights with a tiny fuzz; floating sums of 22 pitches need a little more room.
_FRAME_SLACK = 0.01


def type_area_bottom(geometry: PageGeometry) -> float:
    """The y coordinate (from the page bottom) of the 版心's bottom edge."""
    return geometry.height - geometry.top - geometry.body_height


def _text_runs(text: str, style: PageNumberStyle) -> list[tuple[str, str, float]]:
    """(font, text, width) runs of ``text``, each character from the first font of the chain that has it."""
    chain = style.style.fonts
    runs: list[tuple[str, str, float]] = []
    for ch in text:
        font = chain.font_for(ch) or chain.font_for("0") or ""
        width = chain.advance(font, ch, style.style.size)
        if runs and runs[-1][0] == font:
            f, t, w = runs[-1]
            runs[-1] = (f, t + ch, w + width)
        else:
            runs.append((font, ch, width))
    return runs


def _dash_top(style: PageNumberStyle) -> float:
    """Height above the baseline of the top of the first dash-like stroke of the number (em dash …), in pt.

    GB/T 9704 measures the 7 mm from the 一字线, so the real glyph outline matters: it differs by more than a
    point between fonts."""
    size = style.style.size
    for ch in style.format:
        if ch in "—–-―─":
            font = style.style.fonts.font_for(ch)
            bounds = glyph_bounds(font, ch) if font else None
            if bounds:
                return bounds[3] * size
    font = style.style.fonts.font_for("0")
    bounds = glyph_bounds(font, "0") if font else None
    return bounds[3] * size if bounds else 0.7 * size


def draw_page_number(canvas: Canvas, page_no: int, geometry: PageGeometry, style: PageNumberStyle) -> None:
    """Draw "— n —" under the 版心: dash top ``style.gap`` below its bottom edge; odd pages on the right,
    even pages on the left, ``style.inset`` in from the 版心 edge."""
    if not style.enabled:
        return
    runs = _text_runs(style.format.format(n=page_no), style)
    width = sum(w for _, _, w in runs)
    side = style.odd if page_no % 2 else style.even
    left = geometry.left
    right = geometry.left + geometry.body_width
    if side == "right":
        x = right - style.inset - width
    elif side == "left":
        x = left + style.inset
    else:
        x = left + (geometry.body_width - width) / 2
    baseline = type_area_bottom(geometry) - style.gap - _dash_top(style)
    text = canvas.beginText(x, baseline)
    for font, chunk, _ in runs:
        text.setFont(font, style.style.size)
        text.textOut(chunk)
    canvas.saveState()
    canvas.setFillColor(style.style.color)
    canvas.drawText(text)
    canvas.restoreState()


@dataclass
class OutlineEntry:
    """A PDF outline (bookmark) entry: ``page_index`` is 0-based."""

    title: str
    level: int
    page_index: int


class OutlineMark(Flowable):
    """Zero-size marker placed just before a heading; the document turns it into a bookmark on the page it
    lands on (see :meth:`GBT9704Document.afterFlowable`)."""

    _ZEROSIZE = 1

    def __init__(self, title: str, level: int, key: str):
        super().__init__()
        self.title = title
        self.level = level
        self.key = key

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0.0, 0.0

    def draw(self) -> None:
        # the destination is where the heading starts, not the page top
        self.canv.bookmarkHorizontal(self.key, 0, 0)


@dataclass
class _Outline:
    entries: list[OutlineEntry] = field(default_factory=list)
    last_level: int = -1


class GBT9704Document(BaseDocTemplate):
    """One page template: the 版心 frame, page numbers, and whatever page hooks the caller adds."""

    def __init__(
        self,
        filename: Any,
        geometry: PageGeometry,
        page_numbers: PageNumberStyle,
        *,
        page_hooks: Sequence[PageHook] = (),
        **kw: Any,
    ):
        self.geometry = geometry
        self.page_number_style = page_numbers
        self.page_hooks = list(page_hooks)
        self.outline = _Outline()
        super().__init__(
            filename,
            pagesize=(geometry.width, geometry.height),
            leftMargin=geometry.left,
            rightMargin=geometry.width - geometry.left - geometry.body_width,
            topMargin=geometry.top,
            bottomMargin=type_area_bottom(geometry),
            **kw,
        )
        frame_height = geometry.lines * geometry.line_pitch + _FRAME_SLACK
        frame = Frame(
            geometry.left,
            geometry.height - geometry.top - frame_height,
            geometry.body_width,
            frame_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
            showBoundary=0,
        )
        self.addPageTemplates([PageTemplate(id="gbt9704", frames=[frame], onPage=self._on_page)])

    def _on_page(self, canvas: Canvas, doc: BaseDocTemplate) -> None:
        number = canvas.getPageNumber()
        draw_page_number(canvas, number, self.geometry, self.page_number_style)
        for hook in self.page_hooks:
            hook(canvas, number)

    def afterFlowable(self, flowable: Flowable) -> None:
        # a flowable holding others (a turned table page with its heading) lists its marks
        for mark in [flowable] if isinstance(flowable, OutlineMark) else getattr(flowable, "outline_marks", ()):
            self._outline_entry(mark)

    def _outline_entry(self, flowable: OutlineMark) -> None:
        canvas = self.canv
        # an entry may go at most one level deeper than the previous one (PDF outline nesting)
        level = min(flowable.level, self.outline.last_level + 1)
        self.outline.last_level = level
        canvas.addOutlineEntry(flowable.title, flowable.key, level=level, closed=False)
        self.outline.entries.append(OutlineEntry(flowable.title, level, canvas.getPageNumber() - 1))
