"""Reading glyph positions back from a PDF, with two independent parsers.

pdfplumber (pdfminer.six) gives each character's origin, advance box and font; pypdfium2 (PDFium, the
Chrome engine) gives the origin and the text render mode.  Tests compare the two so that a position is
never trusted to one reader's interpretation of the character-spacing (Tc) operator.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c


@dataclass(frozen=True)
class Glyph:
    text: str
    x0: float  # origin x (left of the advance box), PDF points from the page's left edge
    x1: float  # x0 + advance
    baseline: float  # PDF y (from the page bottom)
    font: str
    size: float
    upright: bool


def glyphs(pdf: Path, page: int = 0) -> list[Glyph]:
    """Characters of one page, in content-stream order, per pdfplumber."""
    with pdfplumber.open(pdf) as doc:
        return [
            Glyph(c["text"], c["x0"], c["x1"], c["matrix"][5], c["fontname"], c["size"], c["upright"])
            for c in doc.pages[page].chars
        ]


def page_count(pdf: Path) -> int:
    with pdfplumber.open(pdf) as doc:
        return len(doc.pages)


def page_text(pdf: Path, page: int = 0) -> str:
    with pdfplumber.open(pdf) as doc:
        return doc.pages[page].extract_text()


def rule_widths(pdf: Path, page: int = 0) -> set[float]:
    with pdfplumber.open(pdf) as doc:
        p = doc.pages[page]
        return {round(obj["linewidth"], 3) for obj in (*p.lines, *p.rects)}


def lines_by_baseline(chars: list[Glyph]) -> list[list[Glyph]]:
    """Group upright glyphs into lines by baseline (top of the page first), each sorted left to right."""
    rows: dict[float, list[Glyph]] = {}
    for g in chars:
        if g.upright:
            rows.setdefault(round(g.baseline, 2), []).append(g)
    return [sorted(rows[b], key=lambda g: g.x0) for b in sorted(rows, reverse=True)]


@dataclass(frozen=True)
class PdfiumChar:
    text: str
    origin_x: float
    origin_y: float
    render_mode: int


def pdfium_chars(pdf: Path, page: int = 0) -> list[PdfiumChar]:
    """Characters per PDFium: origin and text render mode (0 fill, 2 fill+stroke = synthetic bold)."""
    doc = pdfium.PdfDocument(str(pdf))
    try:
        pg = doc[page]
        tp = pg.get_textpage()
        out = []
        for i in range(tp.count_chars()):
            code = pdfium_c.FPDFText_GetUnicode(tp.raw, i)
            ch = chr(code)
            if ch in "\r\n" or code == 0xFFFE:
                continue
            x, y = ctypes.c_double(), ctypes.c_double()
            pdfium_c.FPDFText_GetCharOrigin(tp.raw, i, ctypes.byref(x), ctypes.byref(y))
            obj = pdfium_c.FPDFText_GetTextObject(tp.raw, i)
            mode = pdfium_c.FPDFTextObj_GetTextRenderMode(obj) if obj else -1
            out.append(PdfiumChar(ch, x.value, y.value, mode))
        tp.close()
        pg.close()
        return out
    finally:
        doc.close()
