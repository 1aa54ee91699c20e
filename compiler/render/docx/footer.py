"""Page numbers "— 1 —" in the footer (GB/T 9704 §7.5): 4号宋体 from the page-number role, odd pages right and
even pages left, each 空一字 from the 版心 edge — Word's "different odd and even pages" with a ``PAGE`` field.

The footer distance puts the top of the dash stroke about ``gap_mm`` (7 mm) under the 版心: the number's line
is as high as its size, and a 宋体 em dash's top lies about 0.31 em above the baseline, which Word sets about
0.88 em under the line's top.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compiler.render.docx.ooxml import E, run, twips

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

    from compiler.render.docx.page import Geometry
    from compiler.render.docx.styles import StyleMap
    from compiler.render.style import StyleSheet

__all__ = ["footer_distance", "set_footers"]

_DASH_TOP = 0.88 - 0.31  # em from the top of the number's line to the top of the dash stroke


def _field(instruction: str, shown: str) -> list[BaseOxmlElement]:
    """A complex field (begin, instruction, separate, the last shown result, end): Word and LibreOffice update it."""
    instr = E("w:instrText", {"xml:space": "preserve"})
    instr.text = f" {instruction} "
    return [
        E("w:r", None, E("w:fldChar", {"w:fldCharType": "begin"})),
        E("w:r", None, instr),
        E("w:r", None, E("w:fldChar", {"w:fldCharType": "separate"})),
        run(shown),
        E("w:r", None, E("w:fldChar", {"w:fldCharType": "end"})),
    ]


def _number_paragraph(fmt: str, style_id: str, side: str, inset: int) -> BaseOxmlElement:
    before, _, after = fmt.partition("{n}")
    jc = {"left": "left", "right": "right", "center": "center"}[side]
    ind = {"left": {"w:left": inset}, "right": {"w:right": inset}}.get(side, {})
    ppr = E(
        "w:pPr",
        None,
        E("w:pStyle", {"w:val": style_id}),
        E("w:ind", ind) if ind else None,
        E("w:jc", {"w:val": jc}),
    )
    parts = [run(before) if before else None, *_field("PAGE", "1"), run(after) if after else None]
    return E("w:p", None, ppr, *parts)


def footer_distance(sheet: StyleSheet, styles: StyleMap, bottom: int) -> int:
    """The footer distance (twips) that puts the dash ``gap_mm`` under the 版心 of a page whose bottom margin is
    ``bottom`` twips (the landscape section's is the portrait right margin)."""
    numbers = sheet.data.get("page_numbers", {})
    role = str(numbers.get("role", "page-number"))
    size = float(styles.values(role)["size"])
    gap = twips(float(numbers.get("gap_mm", 7.0)) * 72 / 25.4)
    return max(bottom - gap + round(_DASH_TOP * size * 20) - styles.line_twips(role), 0)


def set_footers(document: Document, sheet: StyleSheet, geo: Geometry, styles: StyleMap) -> None:
    """Odd and even footers with the page number, or none when the style sheet turns page numbers off."""
    from docx.shared import Twips

    numbers = sheet.data.get("page_numbers", {})
    if not numbers.get("enabled", True):
        return
    role = str(numbers.get("role", "page-number"))
    sid = styles.paragraph(role)
    size = float(styles.values(role)["size"])
    inset = twips(float(numbers.get("inset_chars", 1.0)) * size)
    section = document.sections[-1]  # the body's own: the section breaks around a turned table copy it
    section.footer_distance = Twips(footer_distance(sheet, styles, geo.bottom))
    document.settings.odd_and_even_pages_header_footer = True
    fmt = str(numbers.get("format", "— {n} —"))
    for footer, side in (
        (section.footer, numbers.get("odd", "right")),
        (section.even_page_footer, numbers.get("even", "left")),
    ):
        footer.is_linked_to_previous = False
        element = footer._element
        for p in list(element):
            element.remove(p)
        element.append(_number_paragraph(fmt, sid, str(side), inset))
