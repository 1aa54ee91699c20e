"""Style roles → named Word styles.

Each role the blocks use becomes one Word style with every property written out (font, size, indents,
alignment, line pitch, keep-with-next), so the document looks the same whatever Word's defaults are.  Roles
that have a Word built-in counterpart use it, under the name Word stores and localises (a Chinese Word shows
``Normal`` as 正文, ``heading 1`` as 标题 1, ``Title`` as 标题, ``footer`` as 页脚); the others get Chinese names.
Headings are real heading styles with an outline level, so Word's navigation pane and an importer find them.

Fonts are the East-Asian names Word users know (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体): the first
family name in the style sheet's ``[fonts.prefer]`` list of the role's logical font.  The font table gives
each an ``altName`` (the last Chinese family in that list: 仿宋, 楷体 …; 宋体 for 方正小标宋简体), the GB 2312
character set and a family class, which is what Word and WPS fall back on when the licensed font is missing.

The character grid: the section's ``w:docGrid`` says 28 characters a line, which Word honours by setting 三号
type on a 15.79 pt pitch — but LibreOffice (7.4) gives every character two cells of a grid narrower than the
type (19 pages instead of 10 for the seed).  So the styles do not snap to the grid (``snapToGrid`` off) and
carry the pitch themselves as character spacing (−0.3 pt for a 三号 role on the grid, so that 28 always fit),
and every line is exactly the grid's line pitch.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.oxml.ns import qn

from compiler.render.docx.ooxml import E, twips

if TYPE_CHECKING:
    from docx.document import Document
    from docx.oxml.xmlchemy import BaseOxmlElement

    from compiler.render.docx.page import Geometry
    from compiler.render.style import StyleSheet

__all__ = ["StyleMap", "WordFont", "word_fonts"]

#: Roles with a Word built-in style: (styleId, the name Word stores).
BUILTIN: dict[str, tuple[str, str]] = {
    "body": ("Normal", "Normal"),
    "title": ("Title", "Title"),
    "page-number": ("Footer", "footer"),
}
#: Chinese names for the other roles of the default style sheet; roles not listed keep their key as name.
NAMES: dict[str, str] = {
    "base": "基本",
    "signature": "署名",
    "date": "成文日期",
    "attachment-note": "附件说明",
    "attachment-label": "附件标识",
    "note": "附注",
    "runin1": "段内标题 1",
    "runin2": "段内标题 2",
    "runin3": "段内标题 3",
    "runin4": "段内标题 4",
    "table-cell": "表格文字",
    "table-header": "表格表头",
    "table-label": "表题",
    "document-number": "发文字号",
    "addressee": "主送机关",
    "byline": "题下署名",
    "signer": "签发人",
    "imprint": "版记",
}
_HEADING = re.compile(r"heading([1-9])")
_FILE = re.compile(r"\.(ttf|ttc|otf|otc)$", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff]")
_JC = {"justify": "both", "left": "left", "center": "center", "right": "right"}
#: Family classes for the font table (Word's fallback when a font is missing): 黑体 is a sans face.
_FAMILY = {"hei": "modern"}
#: Fallbacks the prefer lists cannot give: every alternative to 方正小标宋简体 is another licensed 方正 release,
#: so a machine without it gets 宋体, as the PDF falls back to the Song face.
_ALT = {"xbsong": "宋体"}


@dataclass(frozen=True)
class WordFont:
    name: str
    alt: str | None
    family: str


def word_fonts(sheet: StyleSheet) -> dict[str, WordFont]:
    """Logical font → the family name Word should ask for, and its fallback."""
    config: dict[str, Any] = sheet.fonts_config
    prefer: dict[str, list[str]] = config.get("prefer", {})
    fonts: dict[str, WordFont] = {}
    for logical in (k for k in config if k != "prefer"):
        families = [f for f in prefer.get(logical, []) if not _FILE.search(f)]
        name = families[0] if families else logical
        rest = [f for f in families[1:] if f != name]
        alt = _ALT.get(logical) or next((f for f in reversed(rest) if _CJK.search(f)), rest[0] if rest else None)
        fonts[logical] = WordFont(name, alt, _FAMILY.get(logical, "roman"))
    return fonts


def style_id(role: str) -> str:
    if role in BUILTIN:
        return BUILTIN[role][0]
    if m := _HEADING.fullmatch(role):
        return f"Heading{m.group(1)}"
    return "gk" + "".join(part.capitalize() for part in re.split(r"[^0-9A-Za-z]+", role) if part)


def style_name(role: str) -> str:
    if role in BUILTIN:
        return BUILTIN[role][1]
    if m := _HEADING.fullmatch(role):
        return f"heading {m.group(1)}"
    return NAMES.get(role, role)


class StyleMap:
    """The Word styles of one document: ``paragraph(role)`` and ``character(role)`` give style ids, creating
    the style on first use; :meth:`install` writes them (and the font table) into the document."""

    def __init__(self, sheet: StyleSheet, geo: Geometry):
        self.sheet, self.geo = sheet, geo
        self.fonts = word_fonts(sheet)
        self._paragraph: dict[str, str] = {}
        self._character: dict[str, str] = {}
        self._elements: list[BaseOxmlElement] = []

    # -- lookups ------------------------------------------------------------------------------------

    def values(self, role: str) -> dict[str, Any]:
        return self.sheet.role_values(role)

    def on_grid(self, role: str) -> bool:
        """Whether the role's characters sit on the page's character grid (Word's snap to grid)."""
        return abs(float(self.values(role)["char_pitch"]) - self.geo.grid_cell_pt) < 0.01

    def line_twips(self, role: str) -> int:
        """The role's exact line height: Word's grid pitch for roles on the page's line grid, else its own."""
        pitch = float(self.values(role)["line_pitch"])
        return self.geo.line_pitch if abs(pitch - self.geo.grid_line_pt) < 0.01 else twips(pitch)

    def cell_twips(self, role: str) -> float:
        """One 字 of the role in twips: a grid cell on the grid, else the role's own character pitch."""
        return self.geo.cell * 20 if self.on_grid(role) else float(self.values(role)["char_pitch"]) * 20

    def squeeze(self, role: str) -> int:
        """Character spacing (twips, ≤ 0) that puts a grid role's characters on the grid's pitch: 三号 type at
        15.79 pt is −0.21 pt, rounded down and one twip more, −0.3 pt, so that 28 characters fit the line in
        every office suite (LibreOffice sets 27 at −0.25 pt; 29 would need −0.75 pt)."""
        if not self.on_grid(role):
            return 0
        return min(0, math.floor((self.geo.cell - float(self.values(role)["size"])) * 20) - 1)

    def paragraph(self, role: str) -> str:
        if role not in self._paragraph:
            sid = style_id(role)
            self._paragraph[role] = sid
            self._elements.append(self._style("paragraph", sid, style_name(role), role))
        return self._paragraph[role]

    def character(self, role: str) -> str:
        if role not in self._character:
            name, sid = style_name(role), style_id(role)
            if role in self._paragraph or role in BUILTIN or _HEADING.fullmatch(role):
                name, sid = f"{name} 字符", f"{sid}Char"
            self._character[role] = sid
            self._elements.append(self._style("character", sid, name, role))
        return self._character[role]

    # -- XML ----------------------------------------------------------------------------------------

    def fonts_rpr(self, role: str) -> list[BaseOxmlElement | None]:
        """rFonts … lang of a role's run properties, in the schema's order."""
        v = self.values(role)
        font = self.fonts[str(v["font"])].name
        half_points = round(float(v["size"]) * 2)
        color = str(v.get("color", "#000000")).lstrip("#").upper()
        out = [
            E("w:rFonts", {"w:ascii": font, "w:hAnsi": font, "w:eastAsia": font, "w:cs": font, "w:hint": "eastAsia"})
        ]
        if v.get("bold"):
            out += [E("w:b"), E("w:bCs")]
        squeeze = self.squeeze(role)
        out += [
            E("w:color", {"w:val": color}),
            E("w:spacing", {"w:val": squeeze}) if squeeze else None,
            E("w:kern", {"w:val": 0}),
            E("w:sz", {"w:val": half_points}),
            E("w:szCs", {"w:val": half_points}),
            E("w:lang", {"w:val": "en-US", "w:eastAsia": "zh-CN", "w:bidi": "ar-SA"}),
        ]
        return out

    def ppr(self, role: str, *, outline: int | None = None) -> BaseOxmlElement:
        v = self.values(role)
        cell = self.cell_twips(role)
        pitch = self.geo.line_pitch
        indent, left, right = float(v["indent"]), float(v["left_indent"]), float(v["right_indent"])
        # every value written, zeros too: a style based on 正文 would otherwise inherit its 2-字 indent
        ind: dict[str, int | None] = {
            "w:leftChars": round(left * 100),
            "w:left": round(left * cell),
            "w:rightChars": round(right * 100),
            "w:right": round(right * cell),
        }
        if indent >= 0:
            ind |= {"w:firstLineChars": round(indent * 100), "w:firstLine": round(indent * cell)}
        else:
            ind |= {"w:hangingChars": round(-indent * 100), "w:hanging": round(-indent * cell)}
        before, after = int(v.get("space_before", 0)), int(v.get("space_after", 0))
        return E(
            "w:pPr",
            None,
            E("w:keepNext") if v.get("keep_with_next") else None,
            E("w:widowControl", {"w:val": 1 if int(v.get("widows", 2)) > 1 else 0}),
            E("w:kinsoku"),
            E("w:overflowPunct", {"w:val": 0}),  # punctuation never hangs out of the 版心
            E("w:autoSpaceDE", {"w:val": 0}),  # no extra space between Chinese and Latin, as the PDF
            E("w:autoSpaceDN", {"w:val": 0}),
            E("w:snapToGrid", {"w:val": 0}),  # see "The character grid" in the module docstring
            E(
                "w:spacing",
                {
                    "w:before": before * pitch,
                    "w:after": after * pitch,
                    "w:line": self.line_twips(role),
                    "w:lineRule": "exact",
                },
            ),
            E("w:ind", ind),
            E("w:jc", {"w:val": _JC.get(str(v["align"]), "both")}),
            E("w:outlineLvl", {"w:val": outline}) if outline is not None else None,
        )

    def _style(self, kind: str, sid: str, name: str, role: str) -> BaseOxmlElement:
        m = _HEADING.fullmatch(role)
        outline = int(m.group(1)) - 1 if m and kind == "paragraph" else None
        based = None if role == "body" or kind == "character" else "Normal"
        style = E(
            "w:style",
            {"w:type": kind, "w:styleId": sid, "w:default": 1 if role == "body" and kind == "paragraph" else None},
            E("w:name", {"w:val": name}),
            E("w:basedOn", {"w:val": based}) if based else None,
            E("w:next", {"w:val": "Normal"}) if kind == "paragraph" else None,
            E("w:uiPriority", {"w:val": 1 if role == "body" else 9 if m else 10}),
            E("w:qFormat"),
            self.ppr(role, outline=outline) if kind == "paragraph" else None,
            E("w:rPr", None, *self.fonts_rpr(role)),
        )
        return style

    def install(self, document: Document) -> None:
        """Replace the template's styles with ours (keeping Word's default character and table styles), set the
        document defaults to the 正文 font, and describe every font in the font table."""
        self.paragraph("body")
        styles = document.styles.element
        for style in styles.findall(E("w:style").tag):
            if style.get(qn("w:default")) == "1" and style.get(qn("w:type")) in ("character", "table", "numbering"):
                continue
            styles.remove(style)
        for old in styles.findall(E("w:docDefaults").tag):
            styles.remove(old)
        defaults = E(
            "w:docDefaults",
            None,
            E("w:rPrDefault", None, E("w:rPr", None, *self.fonts_rpr("body"))),
            E(
                "w:pPrDefault",
                None,
                E("w:pPr", None, E("w:spacing", {"w:after": 0, "w:line": 240, "w:lineRule": "auto"})),
            ),
        )
        styles.insert(0, defaults)
        for element in self._elements:
            styles.append(element)
        self._font_table(document)

    def _font_table(self, document: Document) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.oxml import parse_xml
        from lxml import etree

        from compiler.render.docx.ooxml import replace_part

        table = parse_xml(document.part.part_related_by(RT.FONT_TABLE).blob)
        for font in list(table):
            table.remove(font)
        used = {str(self.values(role)["font"]) for role in [*self._paragraph, *self._character]}
        for logical in sorted(used):
            f = self.fonts[logical]
            table.append(
                E(
                    "w:font",
                    {"w:name": f.name},
                    E("w:altName", {"w:val": f.alt}) if f.alt else None,
                    E("w:charset", {"w:val": "86"}),
                    E("w:family", {"w:val": f.family}),
                    E("w:pitch", {"w:val": "variable"}),
                )
            )
        replace_part(
            document.part, RT.FONT_TABLE, etree.tostring(table, xml_declaration=True, encoding="UTF-8", standalone=True)
        )
