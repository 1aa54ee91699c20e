"""PDF text operators for positioned glyph runs, written directly.

ReportLab's text object re-states the font, size and leading (``/F3+0 16 Tf 19.2 TL``) for every piece of a
run, the character spacing for every run, and formats each number with a pure-Python routine; a body line
came to about ten such groups (a third of a warm build's time).  A grid line needs less: one text object,
``Tf`` only when the font subset or size changes, ``Tc`` only when the spacing does, and one absolute ``Tm``
per piece.  The operators are handed to the canvas with :meth:`Canvas.addLiteral`; the subsets come from
:meth:`TTFont.splitString` and :meth:`TTFont.getSubsetInternalName`, the calls ReportLab's ``ttfonts``
documents for exactly this ("If you have a dynamic font, use this instead").

Why one ``Tm`` per piece: a piece ends where ReportLab switches to the font's next 256-glyph subset, and
pdfminer (pdfplumber) drops the character spacing after the last glyph of each text-show operator, so
positioning each piece absolutely keeps every reader's glyph positions exact.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont

from compiler.render.pdf.typeset.linebreak import GlyphRun
from compiler.render.textstyle import TextStyle

__all__ = ["can_write", "glyph_run_operators", "num"]


def num(value: float) -> str:
    """A PDF number: at most four decimals (1/10,000 pt), no trailing zeros, never ``-0``."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


@lru_cache(maxsize=64)
def _rgb(colour: str) -> str:
    r, g, b = HexColor(colour).rgb()
    return f"{num(r)} {num(g)} {num(b)}"


def can_write(runs: Sequence[GlyphRun]) -> bool:
    """Whether every run's font is a subsetting TrueType font (the only kind these operators handle)."""
    return all(getattr(getFont(run.font), "_dynamicFont", False) for run in runs)


def stroke_width(style: TextStyle) -> float:
    """Synthetic bold is fill+stroke (text render mode 2) with this line width; 0 for regular text."""
    return style.bold_stroke * style.size if style.bold else 0.0


def stroke_groups(runs: Sequence[GlyphRun]) -> Iterator[tuple[float, Sequence[GlyphRun]]]:
    """Consecutive runs with the same synthetic-bold stroke width, each group one text object."""
    i = 0
    while i < len(runs):
        stroke = stroke_width(runs[i].style)
        j = i + 1
        while j < len(runs) and stroke_width(runs[j].style) == stroke:
            j += 1
        yield stroke, runs[i:j]
        i = j


def glyph_run_operators(doc: Any, runs: Sequence[GlyphRun], x0: float, baseline: float) -> str:
    """The content-stream operators drawing ``runs`` with origin (``x0``, ``baseline``), bracketed by
    ``q``/``Q`` so that nothing they set (font, spacing, colours, render mode, line width) leaks."""
    ops = ["q"]
    for stroke, group in stroke_groups(runs):
        if stroke:
            ops.append(f"{num(stroke)} w")
        ops.append("BT 2 Tr" if stroke else "BT")
        colour = font_key = spacing = None
        for run in group:
            if run.style.color != colour:
                colour = run.style.color
                ops.append(f"{_rgb(colour)} rg {_rgb(colour)} RG" if stroke else f"{_rgb(colour)} rg")
            tc = num(run.char_space)
            if tc != spacing:
                spacing = tc
                ops.append(f"{tc} Tc")
            font = getFont(run.font)
            x = x0 + run.x
            pos = 0
            pieces = font.splitString(run.text, doc)
            for n, (subset, chunk) in enumerate(pieces):
                key = (run.font, subset, run.size)
                if key != font_key:
                    font_key = key
                    ops.append(f"{font.getSubsetInternalName(subset, doc)} {num(run.size)} Tf")
                ops.append(f"1 0 0 1 {num(x)} {num(baseline)} Tm ({escapePDF(chunk)}) Tj")
                if n + 1 < len(pieces):
                    piece = run.text[pos : pos + len(chunk)]
                    pos += len(chunk)
                    x += font.stringWidth(piece, run.size) + len(piece) * run.char_space
        ops.append("0 Tr ET" if stroke else "ET")
    ops.append("Q")
    return " ".join(ops)
