"""The GB/T 9704 page in Word terms: A4, the margins that leave the 156 × 225 mm 版心, and the document grid
(``w:docGrid``) of 22 lines × 28 characters as Word's own 公文 templates set it.

Word fits a page's lines by whole line pitches, so 22 lines in 225 mm need a pitch of at most 225 mm / 22
(28.95 pt, ``linePitch="579"``) — the standard's own 29.61 pt (one 字 + 7/8) would leave Word 21 lines.  The
character pitch is Word's "每行 28 字": 156 mm / 28 = 15.79 pt, written as ``charSpace``, the difference from
the 正文 size in 1/4096 pt (−849 for 三号).

A table the PDF turns across the page (GB/T 9704 §10) goes in a landscape section of its own
(:func:`turn_section`): A4 swapped, the 版心 turned with the page — 225 mm wide and 156 mm deep — its margins
the portrait ones turned a quarter (the table's head along the portrait page's left edge, as in the PDF), the
same odd/even footers, the page numbers going on.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from compiler.render.docx.ooxml import E, twips

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

    from compiler.render.style import StyleSheet

__all__ = ["Geometry", "copy_sections", "geometry", "set_up_page", "turn_section"]


@dataclass(frozen=True)
class Geometry:
    """Page and grid in the units Word stores (twips; ``char_space`` in 1/4096 pt)."""

    width: int
    height: int
    top: int
    bottom: int
    left: int
    right: int
    body_width: int
    body_height: int
    lines: int
    chars: int
    cell: float  # the character pitch in points (156 mm / 28)
    line_pitch: int  # the grid's line pitch in twips (Word's: body height / lines, rounded down)
    char_space: int
    grid_line_pt: float  # the style sheet's own line pitch: roles at this pitch are "on the grid"
    grid_cell_pt: float

    @property
    def line_pt(self) -> float:
        return self.line_pitch / 20


def geometry(sheet: StyleSheet) -> Geometry:
    page = sheet.page
    body_size = float(sheet.role_values("body")["size"]) if "body" in sheet.roles else 16.0
    height_tw = twips(page.height)
    top, body_h = twips(page.top), twips(page.body_height)
    left, body_w = twips(page.left), twips(page.body_width)
    cell = page.body_width / page.chars
    return Geometry(
        width=twips(page.width),
        height=height_tw,
        top=top,
        bottom=height_tw - top - body_h,
        left=left,
        right=twips(page.width) - left - body_w,
        body_width=body_w,
        body_height=body_h,
        lines=page.lines,
        chars=page.chars,
        cell=cell,
        line_pitch=math.floor(page.body_height * 20 / page.lines),
        # rounded down and one unit more (−849, not the exact −848), so that rounding in the office suite never
        # makes 28 pitches exceed the line — Word's own 公文 templates carry the same −849
        char_space=math.floor((cell - body_size) * 4096) - 1,
        grid_line_pt=page.line_pitch,
        grid_cell_pt=page.char_pitch,
    )


def set_up_page(document: Document, geo: Geometry) -> None:
    """Size, margins and the document grid of the (only) section."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Twips

    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(geo.width), Twips(geo.height)
    section.top_margin, section.bottom_margin = Twips(geo.top), Twips(geo.bottom)
    section.left_margin, section.right_margin = Twips(geo.left), Twips(geo.right)
    section.gutter = Twips(0)
    sect_pr = section._sectPr
    for old in sect_pr.findall(E("w:docGrid").tag):
        sect_pr.remove(old)
    grid = E("w:docGrid", {"w:type": "linesAndChars", "w:linePitch": geo.line_pitch, "w:charSpace": geo.char_space})
    sect_pr.append(grid)  # the last child of w:sectPr in the schema's order
    _chinese_settings(document)


def turn_section(sect_pr: BaseOxmlElement, geo: Geometry, footer: int | None = None) -> BaseOxmlElement:
    """``sect_pr`` (a copy of the portrait section's properties) made landscape, in place: the page A4 swapped
    (``w:orient="landscape"``), the margins the portrait ones turned a quarter counter-clockwise — top = left
    (28 mm), right = top (37 mm), bottom = right (26 mm), left = bottom (35 mm) — so the 版心 is the portrait
    one turned (225 × 156 mm); ``footer`` the footer distance (twips) for that bottom margin.  The footer
    references stay (the same odd and even footers), and no ``w:pgNumType`` restarts the numbers."""
    from docx.oxml.ns import qn

    size = sect_pr.find(qn("w:pgSz"))
    size.set(qn("w:w"), str(geo.height))
    size.set(qn("w:h"), str(geo.width))
    size.set(qn("w:orient"), "landscape")
    margins = sect_pr.find(qn("w:pgMar"))
    for side, value in (("top", geo.left), ("right", geo.top), ("bottom", geo.right), ("left", geo.bottom)):
        margins.set(qn(f"w:{side}"), str(value))
    if footer is not None:
        margins.set(qn("w:footer"), str(footer))
    return sect_pr


def copy_sections(body: BaseOxmlElement, sect_pr: BaseOxmlElement, geo: Geometry, footer: int) -> None:
    """Every section break in ``body`` (a paragraph's ``w:sectPr``) replaced by a copy of the page's final
    properties ``sect_pr`` (footers included), turned (:func:`turn_section`, footer distance ``footer``) where
    the break ends a landscape section."""
    from copy import deepcopy

    from docx.oxml.ns import qn

    for old in [s for s in body.iter(qn("w:sectPr")) if s is not sect_pr]:
        new = deepcopy(sect_pr)
        if old.find(qn("w:pgSz")).get(qn("w:orient")) == "landscape":
            turn_section(new, geo, footer)
        old.getparent().replace(old, new)


def _chinese_settings(document: Document) -> None:
    """Document settings a Chinese Word would write: punctuation compressed where marks meet (中文版 Word's
    "只压缩标点符号", as the PDF does) and Chinese as the East-Asian language of the theme."""
    from docx.oxml.ns import qn

    settings = document.settings.element
    control = settings.find(qn("w:characterSpacingControl"))
    if control is not None:
        control.set(qn("w:val"), "compressPunctuation")
    lang = settings.find(qn("w:themeFontLang"))
    if lang is not None:
        lang.set(qn("w:val"), "en-US")
        lang.set(qn("w:eastAsia"), "zh-CN")
