"""Blocks + style sheet → PDF bytes.

The renderer checks glyph coverage first (a missing character is an error the author must fix, never a
.notdef box), builds the GB/T 9704 page with ReportLab and returns the PDF with what later stages need: the
page count and the outline with page indexes (so nobody re-reads the PDF to find headings).

Output is deterministic: ReportLab's invariant mode fixes the document ID, and the creation/modification
dates come from ``SOURCE_DATE_EPOCH``, else the report's date, else a fixed epoch — never the clock.
"""

from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas

from compiler import __version__
from compiler.model.document import Block, DocumentInfo, Heading
from compiler.model.problems import Problem, ReportError
from compiler.render.pdf.typeset.blocks import build_flowables
from compiler.render.pdf.typeset.fonts import FontRegistry, check_coverage, glyph_use
from compiler.render.pdf.typeset.page import GBT9704Document, OutlineEntry, PageHook
from compiler.render.style import StyleSheet

CREATOR = "gongkai"
PRODUCER = f"gongkai {__version__}"
FIXED_EPOCH = 946684800  # 2000-01-01T00:00:00Z, ReportLab's own invariant date

__all__ = ["OutlineEntry", "RenderResult", "SaveHook", "pdf_date", "render_pdf"]


@dataclass
class RenderResult:
    pdf: bytes
    pages: int
    outline: list[OutlineEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def pdf_date(info: DocumentInfo) -> str:
    """The PDF date string (``D:YYYYMMDDHHmmSS+HH'mm'``) for /CreationDate and /ModDate."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(int(epoch)))
    if info.date:
        try:
            day = date.fromisoformat(info.date)
        except ValueError:
            day = None
        if day:
            return f"D:{day:%Y%m%d}000000+08'00'"
    return time.strftime("D:%Y%m%d%H%M%S+00'00'", time.gmtime(FIXED_EPOCH))


#: Called with the canvas and the page count just before the document is written: the place for catalog
#: entries that depend on the finished layout (see :mod:`compiler.render.pdf.finish.catalog`).
SaveHook = Callable[[Canvas, int], None]


class _HookedCanvas(Canvas):
    """A canvas that runs a :data:`SaveHook` before saving (``save`` is ReportLab's public method)."""

    on_save: SaveHook | None = None
    page_count: Callable[[], int] = staticmethod(lambda: 0)

    def save(self) -> None:
        if self.on_save is not None:
            self.on_save(self, self.page_count())
        super().save()


def _canvas_maker(
    info: DocumentInfo,
    with_outline: bool,
    glyph_order: dict[str, str],
    on_save: SaveHook | None,
    page_count: Callable[[], int],
) -> Any:
    stamp = pdf_date(info)

    def make(*args: Any, **kw: Any) -> Canvas:
        canvas = _HookedCanvas(*args, **kw)
        canvas.on_save, canvas.page_count = on_save, page_count
        canvas.setDateFormatter(lambda *_: stamp)
        if with_outline:
            canvas.showOutline()
        _assign_subsets(canvas, glyph_order)
        return canvas

    return make


def _glyph_order(blocks: Sequence[Block], sheet: StyleSheet) -> dict[str, str]:
    """Per font, the characters the document draws from it, most frequent first (ties by code point)."""
    use = glyph_use(blocks, sheet, sheet.fonts)
    return {
        font: "".join(sorted(counts, key=lambda ch: (-counts[ch], ord(ch)))) for font, counts in sorted(use.items())
    }


def _assign_subsets(canvas: Canvas, glyph_order: dict[str, str]) -> None:
    """Give each font's most frequent characters the first 256-glyph subset, the next ones the second, ….

    ReportLab numbers a TrueType font's characters in the order it first meets them and starts a new PDF font
    subset every 256; a line then switches subsets (a ``Tf`` and a new text-show operator) at every
    character from another subset.  Most characters of a report are a few hundred common ones, so numbering
    them by frequency keeps most lines in one subset.  ``TTFont.splitString`` with the canvas's document is
    ReportLab's documented way to number characters; nothing is drawn, and the PDF embeds the same glyphs.
    """
    doc = getattr(canvas, "_doc", None)
    if doc is None:
        return
    for font, chars in glyph_order.items():
        face = getFont(font)
        if getattr(face, "_dynamicFont", False):
            face.splitString(chars, doc)


@contextmanager
def _binary_streams() -> Iterator[None]:
    """Write compressed streams as plain binary, not ASCII85 text.

    ReportLab's default (``rl_config.useA85``) wraps every compressed stream in ASCII85, which makes the
    page contents a quarter larger and costs a pure-Python encoding pass; a PDF is a binary file anyway.
    The setting is ReportLab's public configuration; it is changed only while this document is written and
    restored afterwards, so other ReportLab users in the process are not affected."""
    saved = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = saved


def render_pdf(
    blocks: Sequence[Block],
    sheet: StyleSheet,
    info: DocumentInfo,
    *,
    font_dirs: Sequence[Path] = (),
    page_hooks: Sequence[PageHook] = (),
    on_save: SaveHook | None = None,
) -> RenderResult:
    """Typeset ``blocks`` with ``sheet``.  Raises :class:`ReportError` when a character cannot be drawn.

    ``on_save(canvas, pages)`` runs once the last page is laid out, before the PDF is written."""
    if font_dirs:
        sheet.use_fonts(FontRegistry(sheet.fonts_config, [*sheet.font_dirs, *font_dirs]))
    missing = check_coverage(blocks, sheet, sheet.fonts)
    if missing:
        raise ReportError(missing)
    glyph_order = _glyph_order(blocks, sheet)
    notes: list[Problem] = []  # layout decisions reported to the author (a table turned across the page)
    flowables = build_flowables(blocks, sheet, notes)
    body = sheet.role("body")
    buffer = io.BytesIO()
    doc = GBT9704Document(
        buffer,
        sheet.page,
        sheet.page_numbers,
        page_hooks=page_hooks,
        title=info.title,
        author=info.author,
        subject=info.subject,
        keywords=info.keyword_line,
        creator=CREATOR,
        producer=PRODUCER,
        lang=info.lang or None,
        invariant=1,
        pageCompression=1,
        displayDocTitle=1,
        initialFontName=body.fonts.font_for("中") or "",
        initialFontSize=body.size,
        initialLeading=body.line_pitch,
    )
    with_outline = any(isinstance(b, Heading) and b.outline_level is not None for b in blocks)
    # a character the coverage check missed makes GridParagraph raise MissingGlyphError (a ReportError)
    with _binary_streams():
        maker = _canvas_maker(info, with_outline, glyph_order, on_save, lambda: doc.page)
        doc.build(flowables, canvasmaker=maker)
    return RenderResult(buffer.getvalue(), doc.page, list(doc.outline.entries), notes)
