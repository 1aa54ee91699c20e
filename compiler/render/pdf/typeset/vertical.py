"""Vertical text (竖排) for tall merged table labels such as 三、本年度办理结果 in table 三.

One character per cell, top to bottom, centred in a box one cell wide.  The code points stay the
horizontal ones (so copied text and text extraction give back the label); marks that would look wrong
upright are placed as vertical typesetting places them: brackets, quotes, dashes and ellipses are turned
90° clockwise, and 、。，． move from the bottom-left to the top-right quadrant of their cell.
"""

from __future__ import annotations

from reportlab.lib.colors import HexColor
from reportlab.platypus.flowables import Flowable

from compiler.model.document import SourceRef
from compiler.render.pdf.typeset.paragraph import MissingGlyphError
from compiler.render.textstyle import TextStyle

#: Turned 90° clockwise in vertical text.
ROTATED: frozenset[str] = frozenset("（）［］｛｝〔〕〈〉《》「」『』【】〖〗“”‘’—…～()[]{}-_~")
#: Moved to the top-right quadrant in vertical text.
SHIFTED: frozenset[str] = frozenset("、。，．")


class VerticalText(Flowable):
    """``text`` set top to bottom in cells of ``style.char_pitch``; natural size one cell × n cells."""

    def __init__(self, text: str, style: TextStyle, *, source: SourceRef | None = None):
        super().__init__()
        self.text = text
        self.style = style
        self.source = source
        self._glyphs: list[tuple[str, str, float]] = []
        for ch in text:
            font = style.fonts.font_for(ch)
            if font is None:
                raise MissingGlyphError(ch, source)
            self._glyphs.append((ch, font, style.fonts.advance(font, ch, style.size)))

    @property
    def cell(self) -> float:
        return self.style.char_pitch

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = self.cell
        self.height = len(self.text) * self.cell
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        style = self.style
        size = style.size
        # the em box's centre is (em_ascent - 1/2)·size above the baseline
        centre_to_baseline = (style.em_ascent - 0.5) * size
        canv.saveState()
        colour = HexColor(style.color)
        canv.setFillColor(colour)
        canv.setStrokeColor(colour)
        if style.bold:
            canv.setLineWidth(style.bold_stroke * size)
        for i, (ch, font, advance) in enumerate(self._glyphs):
            cx = self.width / 2
            cy = self.height - (i + 0.5) * self.cell
            canv.saveState()
            canv.translate(cx, cy)
            if ch in ROTATED:
                canv.rotate(-90)
            dx, dy = -advance / 2, -centre_to_baseline
            if ch in SHIFTED:
                dx, dy = dx + size / 2, dy + size / 2
            text = canv.beginText()
            if style.bold:
                text.setTextRenderMode(2)
            text.setFont(font, size)
            text.setTextOrigin(dx, dy)
            text.textOut(ch)
            if style.bold:
                text.setTextRenderMode(0)
            canv.drawText(text)
            canv.restoreState()
        canv.restoreState()

    def identity(self, maxLen: int | None = None) -> str:
        return f"<VerticalText {self.text[: maxLen or 30]!r}>"
