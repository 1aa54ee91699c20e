"""A tiny FontChain over the shipped fonts, for the layout-engine tests.

The real chain lives in compiler/render/pdf/typeset/fonts.py (another module's job); these tests build TextStyle
objects directly so that the line breaker and the flowables are tested on their own.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from compiler.render.textstyle import TextStyle

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FILES = {
    "TestFangSong": "GongkaiFangSong-Regular.ttf",
    "TestKai": "GongkaiKai-Regular.ttf",
    "TestHei": "GongkaiHei-Regular.ttf",
    "TestSong": "GongkaiSong-Regular.ttf",
}

#: GB/T 9704 body grid: 28 cells in 156 mm, 22 lines.
BODY_WIDTH = 156 / 25.4 * 72
CHAR_PITCH = BODY_WIDTH / 28
LINE_PITCH = 29.61


def register() -> None:
    for name, file in FILES.items():
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))


class Chain:
    """First font with the glyph wins; the 宋体 font (widest coverage) is the last resort."""

    def __init__(self, name: str, *fonts: str):
        register()
        self.name = name
        self._fonts = [(f, pdfmetrics.getFont(f).face.charToGlyph) for f in (*fonts, "TestSong")]

    def font_for(self, ch: str) -> str | None:
        cp = ord(ch)
        for name, cmap in self._fonts:
            if cp in cmap:
                return name
        return None

    def advance(self, font_name: str, ch: str, size: float) -> float:
        return pdfmetrics.stringWidth(ch, font_name, size)


FANGSONG = Chain("fangsong", "TestFangSong")
KAI = Chain("kai", "TestKai")
HEI = Chain("hei", "TestHei")


def body(**changes: Any) -> TextStyle:
    """The GB/T 9704 body style: 3号 (16 pt) 仿宋 on the 28 × 29.61 pt grid, first line indented 2 字."""
    base = TextStyle(name="body", fonts=FANGSONG, size=16, char_pitch=CHAR_PITCH, line_pitch=LINE_PITCH, indent=2)
    return replace(base, **changes)
