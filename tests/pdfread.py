"""Read a PDF back for tests: pages → lines → glyphs with positions, fonts and sizes.

Tests must not trust the code that wrote a PDF, so this reads what a viewer would see.  Glyph origins and
tight glyph boxes come from PDFium (pypdfium2) — it applies character spacing (``Tc``) exactly, where
pdfminer misplaces glyphs when ``Tc`` spans several text-show operators; document structure (fonts, outline,
metadata) comes from pypdf.  Coordinates are PDF points with the origin at the page's bottom-left.

Typical use::

    doc = read_pdf(pdf_bytes)
    page = doc.pages[0]
    page.lines[0].baseline, page.lines[0].text, page.page_number_text()
    doc.missing_glyphs()   # [] when no .notdef was drawn
"""

from __future__ import annotations

import ctypes
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

MM = 72.0 / 25.4


@dataclass(frozen=True)
class Glyph:
    """One drawn character: ``x``/``baseline`` is its origin; ``box`` its tight outline box (x0, y0, x1, y1)."""

    char: str
    x: float
    baseline: float
    box: tuple[float, float, float, float]
    font: str
    size: float

    @property
    def base_font(self) -> str:
        """The font name without the subset tag (``AAAAAA+``)."""
        return self.font.split("+", 1)[-1]


@dataclass
class Line:
    baseline: float
    glyphs: list[Glyph] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    @property
    def x0(self) -> float:
        return min(g.x for g in self.glyphs)

    @property
    def x1(self) -> float:
        return max(g.box[2] for g in self.glyphs)

    @property
    def fonts(self) -> set[str]:
        return {g.base_font for g in self.glyphs}

    @property
    def size(self) -> float:
        return max(g.size for g in self.glyphs)


@dataclass
class Page:
    index: int
    width: float
    height: float
    lines: list[Line]

    def lines_between(self, top: float, bottom: float) -> list[Line]:
        """Lines whose baseline lies between ``bottom`` and ``top`` (inclusive)."""
        return [ln for ln in self.lines if bottom <= ln.baseline <= top]

    def page_number_line(self, below: float) -> Line | None:
        """The last line whose baseline is below ``below`` (the type-area bottom): the page number."""
        under = [ln for ln in self.lines if ln.baseline < below]
        return under[-1] if under else None

    @property
    def text(self) -> str:
        return "\n".join(ln.text for ln in self.lines)


@dataclass
class Document:
    data: bytes
    pages: list[Page]

    @property
    def reader(self) -> PdfReader:
        return PdfReader(io.BytesIO(self.data))

    def fonts(self) -> dict[str, dict[str, object]]:
        """Every font resource used on any page: base name → subtype, embedded (FontFile2/3), subset tag."""
        out: dict[str, dict[str, object]] = {}
        for page in self.reader.pages:
            for font in _page_fonts(page).values():
                name = str(font.get("/BaseFont", ""))[1:]
                desc = font.get("/FontDescriptor")
                desc = desc.get_object() if isinstance(desc, IndirectObject) else desc
                embedded = bool(desc) and any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                out[name] = {
                    "subtype": str(font.get("/Subtype")),
                    "embedded": embedded,
                    "subset": re.match(r"^[A-Z]{6}\+", name) is not None,
                }
        return out

    def outline(self) -> list[tuple[str, int, int]]:
        """(title, level, 0-based page index) for every outline entry, in order."""
        reader = self.reader
        found: list[tuple[str, int, int]] = []

        def walk(items: list, level: int) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    found.append((str(item.title), level, reader.get_destination_page_number(item)))

        walk(reader.outline, 0)
        return found

    def missing_glyphs(self) -> list[tuple[int, str]]:
        """(page index, font) for every character code 0 drawn with a ReportLab subset TrueType font — how
        ReportLab draws a character the font has no glyph for (.notdef)."""
        found = []
        for index, page in enumerate(self.reader.pages):
            fonts = _page_fonts(page)
            current = None
            contents = page.get_contents()
            if contents is None:
                continue
            for operands, operator in ContentStream(contents, self.reader).operations:
                if operator == b"Tf":
                    current = str(operands[0])
                elif operator in (b"Tj", b"'", b'"', b"TJ") and current in fonts:
                    font = fonts[current]
                    if str(font.get("/Subtype")) != "/TrueType":
                        continue
                    for raw in _strings(operands):
                        if b"\x00" in raw:
                            found.append((index, str(font.get("/BaseFont"))[1:]))
        return found


def _page_fonts(page: object) -> dict[str, DictionaryObject]:
    resources = page.get("/Resources") or {}  # type: ignore[attr-defined]
    resources = resources.get_object() if isinstance(resources, IndirectObject) else resources
    fonts = resources.get("/Font") or {}
    fonts = fonts.get_object() if isinstance(fonts, IndirectObject) else fonts
    return {str(k): v.get_object() for k, v in fonts.items()}


def _strings(operands: list) -> Iterator[bytes]:
    for op in operands:
        if isinstance(op, list):
            yield from _strings(op)
        elif hasattr(op, "original_bytes"):
            yield op.original_bytes
        elif isinstance(op, bytes):
            yield op


def _font_name(textpage: pdfium.PdfTextPage, index: int) -> str:
    buf = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    n = pdfium_c.FPDFText_GetFontInfo(textpage.raw, index, buf, 256, ctypes.byref(flags))
    return buf.raw[: max(0, n - 1)].decode("utf-8", errors="replace")


def _glyphs(page: pdfium.PdfPage) -> list[Glyph]:
    textpage = page.get_textpage()
    glyphs = []
    x = ctypes.c_double()
    y = ctypes.c_double()
    for i in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
        if pdfium_c.FPDFText_IsGenerated(textpage.raw, i) or code in (0xFFFE, 0xFFFF, 0x0A, 0x0D):
            continue
        # pdfium reports a hyphen drawn at the end of a line as 0x02, its mark for a word broken there ("2018年1月1日-"
        # at a line's end, 盘龙区滇源街道 2018): the glyph drawn is the hyphen, and that is what a reader copies
        char = "-" if code == 0x02 else chr(code)
        if char.isspace():
            continue
        pdfium_c.FPDFText_GetCharOrigin(textpage.raw, i, ctypes.byref(x), ctypes.byref(y))
        left, bottom, right, top = textpage.get_charbox(i)
        glyphs.append(
            Glyph(
                char,
                x.value,
                y.value,
                (left, bottom, right, top),
                _font_name(textpage, i),
                pdfium_c.FPDFText_GetFontSize(textpage.raw, i),
            )
        )
    textpage.close()
    return glyphs


def _lines(glyphs: list[Glyph], tolerance: float = 0.5) -> list[Line]:
    """Group glyphs into lines by baseline (top of the page first), each line sorted left to right."""
    lines: list[Line] = []
    for g in sorted(glyphs, key=lambda g: (-g.baseline, g.x)):
        if lines and abs(lines[-1].baseline - g.baseline) <= tolerance:
            lines[-1].glyphs.append(g)
        else:
            lines.append(Line(g.baseline, [g]))
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x)
    return lines


def read_pdf(data: bytes) -> Document:
    pdf = pdfium.PdfDocument(data)
    pages = []
    for i in range(len(pdf)):
        page = pdf[i]
        width, height = page.get_size()
        pages.append(Page(i, width, height, _lines(_glyphs(page))))
        page.close()
    pdf.close()
    return Document(data, pages)
