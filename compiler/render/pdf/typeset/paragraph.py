"""The grid paragraph: Chinese text broken by :mod:`compiler.render.pdf.typeset.linebreak`, justified by character
spacing, with baselines on the GB/T 9704 line grid.

Why not ReportLab's ``Paragraph``: its CJK wrapping breaks the punctuation rules, cannot justify Chinese
lines, and its ``split`` adds spaces to the text (spec/kinsoku.md, spec/reportlab-pypdf-pluggy-notes.md).

Geometry: the flowable is ``lines × line_pitch`` tall and the first line's em-box top is at its top edge,
so a paragraph placed at the type-area top has baseline *n* at ``top − em_ascent·size − (n−1)·line_pitch``.
Each glyph run (each piece of it in one 256-glyph font subset) is one text-show operator placed absolutely
(``Tm``), which keeps text extraction and glyph positions exact in pdfminer/pdfplumber.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.platypus.flowables import Flowable

from compiler.model.document import SourceRef
from compiler.model.problems import ReportError, error
from compiler.render.pdf.typeset.linebreak import Breaking, GlyphRun, Line, UnmappedCharacter
from compiler.render.pdf.typeset.textops import can_write, glyph_run_operators, stroke_groups
from compiler.render.textstyle import TextStyle

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
    """Draw positioned glyph runs.

    TrueType runs (every shipped and installed font) are written as PDF operators directly
    (:mod:`compiler.render.pdf.typeset.textops`: a third fewer operators than ReportLab's text object).  Other fonts go
    through ReportLab's text object, one per stretch of equal bold stroke.  Synthetic bold is fill+stroke
    (text render mode 2); either way the drawing is bracketed by saveState/restoreState (``q``/``Q``) so
    render mode, line width and colours do not leak.
    """
    doc = getattr(canvas, "_doc", None)  # the canvas's document: TTFont.splitString needs it
    if doc is not None and can_write(runs):
        canvas.addLiteral(glyph_run_operators(doc, runs, x0, baseline))
        return
    canvas.saveState()
    try:
        for stroke, group in stroke_groups(runs):
            if stroke:
                canvas.setLineWidth(stroke)
            text = canvas.beginText()
            if stroke:
                text.setTextRenderMode(2)
            colour = None
            for run in group:
                if run.style.color != colour:
                    colour = run.style.color
                    text.setFillColor(HexColor(colour))
                    if stroke:
                        text.setStrokeColor(HexColor(colour))
                text.setFont(run.font, run.size)
                text.setCharSpace(run.char_space)
                text.setTextOrigin(x0 + run.x, baseline)
                text.textOut(run.text)
            if stroke:
                text.setTextRenderMode(0)
            canvas.drawText(text)
    finally:
        canvas.restoreState()


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
        # set on both parts of a split: the lines of a shared breaking (the unsplit paragraph's) this part
        # draws, so a paragraph running over many pages is broken into lines once, not once per page
        self._line_range: tuple[int, int] | None = None
        self._placed = False  # the first part of a split: its lines are final whatever width it is offered

    # --- layout ----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.runs)

    def _break(self, width: float) -> Breaking:
        """The breaking at ``width``: the shared one while the width is the one it was made for (always for
        a placed first part), else this part's own text broken afresh."""
        if self._breaking is not None and (self._placed or abs(width - (self._width or 0.0)) <= _EPS):
            return self._breaking
        try:
            self._breaking = Breaking(self.runs, self.style, width, first_line=not self.continued)
        except UnmappedCharacter as exc:
            raise MissingGlyphError(exc.char, self.source) from exc
        self._width = width
        self._line_range = None
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
        breaking = self._breaking
        assert breaking is not None, "wrap() first"
        return [breaking.text[slice(*breaking.span(i))] for i in self._lines()]

    def lines(self) -> list[Line]:
        """The positioned lines (after :meth:`wrap`)."""
        assert self._breaking is not None, "wrap() first"
        return [self._breaking.line(i) for i in self._lines()]

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        """Split between lines: at least ``orphans`` lines stay, at least ``widows`` lines move on.

        Both parts share this breaking: the first part draws the lines that fit, the rest the others.
        Lines after the first are broken without the first-line indent, exactly as a continued paragraph
        would break them, so the rest keeps its lines as long as it is offered the same width (the next
        frame of the page template) and is broken afresh from its own text only if the width differs.
        Breaking once makes a paragraph of *n* pages cost O(n), not O(n²).
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
        own_start = breaking.span(lines.start)[0]  # where this part's runs start in the breaking's text
        cut = breaking.span(cut_line)[0]
        first = GridParagraph(
            self.runs, self.style, source=self.source, continued=self.continued, half_leading=self.half_leading
        )
        first._breaking, first._width, first._placed = breaking, availWidth, True
        first._line_range = (lines.start, cut_line)
        first.keepWithNext = False
        rest = GridParagraph(
            _tail(self.runs, cut - own_start),
            self.style,
            source=self.source,
            continued=True,
            half_leading=self.half_leading,
        )
        rest._breaking, rest._width = breaking, availWidth
        rest._line_range = (cut_line, lines.stop)
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
            out.append((text[max(cut - pos, 0) :], style))
        pos = end
    return out
