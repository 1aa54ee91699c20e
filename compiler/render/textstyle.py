"""Resolved style values handed to the layout engine.

The style sheet (:mod:`compiler.render.style`, data in ``styles/*.toml``) is resolved into these plain objects;
the line breaker and the flowables read only these, never the TOML.  All lengths are PDF points unless the
name says otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol


class FontChain(Protocol):
    """A logical font (``"fangsong"``) as an ordered list of registered ReportLab TrueType fonts.

    ``font_for`` returns the registered name of the first font in the chain that has a glyph for ``ch``,
    or ``None`` when no font has it (the caller reports that as a problem naming the character).
    ``advance`` is the advance width of ``ch`` in that font at ``size`` points.
    """

    name: str

    def font_for(self, ch: str) -> str | None: ...

    def advance(self, font_name: str, ch: str, size: float) -> float: ...


Align = Literal["justify", "left", "center", "right"]


@dataclass(frozen=True)
class TextStyle:
    """One style role, resolved.

    Grid model: every CJK character and every full-width mark occupies one *cell* of ``char_pitch``
    points (``char_pitch`` may be smaller than ``size``: 28 cells of 16 pt type in 156 mm need 15.79 pt);
    Latin letters and digits take their natural advance at ``size``.  Lines are ``line_pitch`` apart; the
    em-box top of a line's glyphs sits ``em_ascent * size`` above its baseline, and the first line's em-box
    top is at the top of the flowable.
    """

    name: str
    fonts: FontChain
    size: float
    char_pitch: float
    line_pitch: float
    em_ascent: float = 0.88
    indent: float = 0.0  # first-line indent, in cells
    left_indent: float = 0.0  # cells
    right_indent: float = 0.0  # cells
    align: Align = "justify"
    bold: bool = False
    bold_stroke: float = 0.03  # synthetic bold: stroke width in em (text render mode 2)
    keep_with_next: bool = False
    widows: int = 2  # minimum lines of a paragraph carried to the next page
    orphans: int = 2  # minimum lines of a paragraph left at the foot of a page
    latin_space: float = 0.0  # extra space between CJK and Latin/digits, in em (0 = none)
    compress_punctuation: bool = True
    space_before: int = 0  # blank grid lines before
    space_after: int = 0  # blank grid lines after
    color: str = "#000000"


@dataclass(frozen=True)
class PageGeometry:
    """The page and its type area (版心).  ``body_*`` is the type area; page numbers sit outside it."""

    width: float
    height: float
    top: float  # 天头: page top edge to type-area top
    left: float  # 订口: page left edge to type-area left
    body_width: float
    body_height: float
    lines: int  # grid lines per page (22)
    chars: int  # grid cells per line (28)
    line_pitch: float

    @property
    def char_pitch(self) -> float:
        return self.body_width / self.chars


@dataclass(frozen=True)
class PageNumberStyle:
    """GB/T 9704 §7.5 page numbers: ``format`` with ``{n}``; the top of the dash stroke ``gap`` points
    below the type area; odd pages on the right, even pages on the left, ``inset`` points in from the
    type-area edge."""

    style: TextStyle
    format: str = "— {n} —"
    gap: float = 19.84  # 7 mm
    odd: Literal["left", "center", "right"] = "right"
    even: Literal["left", "center", "right"] = "left"
    inset: float = 14.0
    enabled: bool = True


@dataclass(frozen=True)
class ImprintSettings:
    """版记 (GB/T 9704 §7.4; its text is the ``imprint`` role): the first and last rule ``outer`` points thick
    (0.35 mm), the rules between ``inner`` (0.25 mm); the rules span the 版心."""

    outer: float = 0.99
    inner: float = 0.71


@dataclass(frozen=True)
class TableSettings:
    rule_width: float = 0.5
    padding_x: float = 4.25  # points between a cell's text and its side rules (1.5 mm)
    padding_y: float = 2.6  # points above and below the cell's line boxes (their half leading adds to it)
    number_align: Align = "right"
    min_vertical_rows: int = 3  # merged label cells spanning at least this many rows are set vertically
    space: float = 14.17  # blank between a table and the text above and below it (points, 5 mm)
    header_lines: int = 2  # a data column's heading may wrap to this many lines before the type shrinks
    min_label_cells: float = 10.0  # the row-label area keeps at least this many characters per line
    shrink_sizes: tuple[float, ...] = (9.0, 7.5)  # type sizes tried, in order, when a table does not fit
    equal_steps: int = 1  # steps of shrink_sizes given up to keep a table's data columns equal
    min_split_rows: int = 3  # body rows a split table leaves on its first page, at least
    max_row_stretch: float = 4.0  # points a row may grow so the table ends on the line grid
