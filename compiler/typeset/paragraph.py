"""The grid paragraph: Chinese text broken by :mod:`compiler.typeset.linebreak`, justified by character
spacing, with baselines on the GB/T 9704 line grid.

Why not ReportLab's ``Paragraph``: its CJK wrapping breaks the punctuation rules, cannot justify Chinese
lines, and its ``split`` adds spaces to the text (spec/kinsoku.md, spec/reportlab-pypdf-pluggy-notes.md).

Geometry: the flowable is ``lines × line_pitch`` tall and the first line's em-box top is at its top edge,
so a paragraph placed at the type-area top has baseline *n* at ``top − em_ascent·size − (n−1)·line_pitch``.
Each glyph run is one text-show operator placed absolutely (``Tm``), which keeps text extraction and
glyph positions exact in pdfminer/pdfplumber.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.platypus.flowables import Flowable

from compiler.document import SourceRef
from compiler.problems import ReportError, error
from compiler.typeset.linebreak import Breaking, GlyphRun, Line, UnmappedCharacter
from compiler.typeset.textstyle import TextStyle

__all__ = ["GridParagraph", "MissingGlyphError", "draw_glyph_runs"]

_EPS = 1e-6


class MissingGlyphError(ReportError):
    """A character that no font of the chain can draw; ReportLab would silently print a blank box."""

    def __init__(self, char: str, source: SourceRef | None = None):
        where = f"（{source}）" if source else ""
        message = f"字符“{char}”（U+{ord(char):04X}）在所有字体中都没有字形，无法排版{where}"
        super().__init__(error("font.missing-glyph", message, source, found=f"U+{ord(char):04X}"))
        self.char = char
        self.source = source


def draw_glyph_runs(canvas: Any, runs: Sequence[GlyphRun], x0: float, baseline: float) -> None:
    """Draw positioned glyph runs, one text object per stretch of equal bold stroke.

    Synthetic bold is fill+stroke (text render mode 2).  The render mode is part of the graphics state
    and persists across text objects, so it is reset to 0 before the text object ends, and the whole
    drawing is bracketed by saveState/restoreState so line width and colours do not leak either.
    """
    canvas.saveState()
    try:
        i = 0
        while i < len(runs):
            stroke = _stroke(runs[i].style)
            j = i + 1
            while j < len(runs) and _stroke(runs[j].style) == stroke:
                j += 1
            if stroke:
                canvas.setLineWidth(stroke)
            text = canvas.beginText()
            if stroke:
                text.setTextRenderMode(2)
            colour = None
            for run in runs[i:j]:
                if run.style.color != colour:
                    colour = run.style.color
                    text.setFillColor(HexColor(colour))
                    if stroke:
                        text.setStrokeColor(HexColor(colour))
                text.setFont(run.font, run.size)
                text.setCharSpace(run.char_space)
                x = x0 + run.x
                for piece in _subset_pieces(canvas, run):
                    text.setTextOrigin(x, baseline)
                    text.textOut(piece)
                    x += stringWidth(piece, run.font, run.size) + len(piece) * run.char_space
            if stroke:
                text.setTextRenderMode(0)
            canvas.drawText(text)
            i = j
    finally:
        canvas.restoreState()


def _subset_pieces(canvas: Any, run: GlyphRun) -> list[str]:
    """The run cut where ReportLab switches font subsets (256 glyphs each).

    ReportLab shows each subset's glyphs with its own text-show operator.  The PDF applies Tc after every
    glyph, but pdfminer (pdfplumber) drops it after the last glyph of each operator and would misplace
    everything after a subset switch; positioning each piece absolutely keeps every reader exact.
    ``TTFont.splitString`` is ReportLab's documented way to learn the subsets; it needs the canvas's
    document, which the canvas only has as ``_doc``.
    """
    font = getFont(run.font)
    doc = getattr(canvas, "_doc", None)
    if not getattr(font, "_dynamicFont", False) or doc is None or not hasattr(font, "splitString"):
        return [run.text]
    pieces: list[str] = []
    pos = 0
    for _, chunk in font.splitString(run.text, doc):
        pieces.append(run.text[pos:pos + len(chunk)])
        pos += len(chunk)
    return pieces if pos == len(run.text) else [run.text]


def _stroke(style: TextStyle) -> float:
    return style.bold_stroke * style.size if style.bold else 0.0


class GridParagraph(Flowable):
    """A paragraph of styled runs on the character and line grid.

    ``style`` is the paragraph's style (indents, alignment, line pitch, keep-with-next, widows/orphans);
    each run carries its own style (fonts, size, bold), e.g. a run-in 楷体 heading followed by 仿宋 text.

    Optional keywords: ``continued`` — this is the rest of a split paragraph (no first-line indent);
    ``half_leading`` — put half the leading above the first line instead of none (for table cells, where
    the text should sit in the middle of its row rather than on the page grid).
    """

    def __init__(
        self,
        runs: Sequence[tuple[str, TextStyle]],
        style: TextStyle,
        *,
        source: SourceRef | None = None,
        continued: bool = False,
        half_leading: bool = False,
    ):
        super().__init__()
        self.runs = [(text, st) for text, st in runs if text]
        self.style = style
        self.source = source
        self.continued = continued
        self.half_leading = half_leading
        self.keepWithNext = style.keep_with_next
        self._breaking: Breaking | None = None
        self._width: float | None = None
        self._line_range: tuple[int, int] | None = None  # set on the first part of a split

    # --- layout ----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    def _break(self, width: float) -> Breaking:
        if self._breaking is None or (self._line_range is None and abs(width - (self._width or 0)) > _EPS):
            try:
                self._breaking = Breaking(self.runs, self.style, width, first_line=not self.continued)
            except UnmappedCharacter as exc:
                raise MissingGlyphError(exc.char, self.source) from exc
            self._width = width
        return self._breaking

    def _lines(self) -> range:
        assert self._breaking is not None
        if self._line_range is not None:
            return range(*self._line_range)
        return range(len(self._breaking))

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._break(availWidth)
        self.width = availWidth
        self.height = len(self._lines()) * self.style.line_pitch
        return availWidth, self.height

    def line_texts(self) -> list[str]:
        """The text of each line (after :meth:`wrap`), for tests and debugging."""
        assert self._breaking is not None, "wrap() first"
        texts = self._breaking.line_texts()
        return [texts[i] for i in self._lines()]

    def lines(self) -> list[Line]:
        """The positioned lines (after :meth:`wrap`)."""
        assert self._breaking is not None, "wrap() first"
        return [self._breaking.line(i) for i in self._lines()]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split between lines: at least ``orphans`` lines stay, at least ``widows`` lines move on.

        The first part keeps this breaking (its lines are non-final lines, hence already justified); the
        rest is a new paragraph of the remaining text, broken afresh for whatever width it gets next.
        """
        breaking = self._break(availWidth)
        lines = self._lines()
        n = len(lines)
        fit = int((availHeight + _EPS) // self.style.line_pitch)
        if fit >= n:
            return [self]
        keep = min(fit, n - max(self.style.widows, 1))
        if keep < max(self.style.orphans, 1):
            return []
        cut_line = lines.start + keep
        cut = breaking.span(cut_line)[0]
        first = GridParagraph(self.runs, self.style, source=self.source, continued=self.continued,
                              half_leading=self.half_leading)
        first._breaking, first._width = breaking, availWidth
        first._line_range = (lines.start, cut_line)
        first.keepWithNext = False
        rest = GridParagraph(_tail(self.runs, cut), self.style, source=self.source, continued=True,
                             half_leading=self.half_leading)
        return [first, rest]

    # --- drawing ---------------------------------------------------------------------------------

    def _first_baseline(self) -> float:
        style = self.style
        top = (style.line_pitch - style.size) / 2 if self.half_leading else 0.0
        return self.height - top - style.em_ascent * style.size

    def draw(self) -> None:
        assert self._breaking is not None, "wrap() first"
        baseline = self._first_baseline()
        for i in self._lines():
            line = self._breaking.line(i)
            draw_glyph_runs(self.canv, line.runs, 0.0, baseline)
            baseline -= self.style.line_pitch

    def identity(self, maxLen: int | None = None) -> str:
        text = self.text[: maxLen or 30]
        return f"<GridParagraph {self.style.name!r} {text!r}>"


def _tail(runs: Sequence[tuple[str, TextStyle]], cut: int) -> list[tuple[str, TextStyle]]:
    """The runs from character offset ``cut`` on."""
    out: list[tuple[str, TextStyle]] = []
    pos = 0
    for text, style in runs:
        end = pos + len(text)
        if end > cut:
            out.append((text[max(cut - pos, 0):], style))
        pos = end
    return out
