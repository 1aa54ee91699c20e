"""The marks gongkai puts on attachment pages: page numbers, the "附件n" label, separator and image pages —
and the pages after them: the 版记 page (GB/T 9704 §7.4) and the blank page that puts it on an even page.

All of them are drawn by ReportLab into one small PDF, one page per attachment page ("slot"), using the
report's own style: the page number through :func:`compiler.render.pdf.typeset.page.draw_page_number` with
the report's page-number style, so it lands in the same place and font as on the report's pages (GB/T 9704
§7.5: the attachments continue the numbering).  :mod:`compiler.render.pdf.finish.assemble` then lays each
stamp page over the attachment page it belongs to, or uses it as the page itself (separator pages, scanned
images).

Pages that are not A4 portrait keep the report's margins measured from the page's own corners, so the number
sits the same distance from the bottom and side edges and stays inside the page; pages smaller than A4 get
margins scaled down with the page.  Rotated PDF pages are un-rotated before stamping (see finish), so
"bottom" is always the bottom of the page as the reader sees it.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from compiler.model.document import Imprint, SourceRef
from compiler.model.problems import Problem, ReportError, error
from compiler.render.pdf.typeset.blocks import break_title, draw_line, imprint_flowable, line_width
from compiler.render.pdf.typeset.page import draw_page_number, type_area_bottom
from compiler.render.style import StyleSheet
from compiler.render.textstyle import PageGeometry, TextStyle

if TYPE_CHECKING:
    from pypdf import PdfReader

SlotKind = Literal["overlay", "separator", "image", "blank", "imprint"]
LabelOn = Literal["first-page", "separator"]

#: The style sheet's ``[attachments]`` table, with these defaults when the sheet has none.
DEFAULT_SETTINGS: dict[str, str] = {
    "label_on": "first-page",  # "附件n" stamped on the attachment's first page, or "separator": a page of its own
    "label": "附件{n}",  # several attachments (GB/T 9704 §7.3.7: 附件 + Arabic number)
    "label_single": "附件",  # a single attachment carries no number (§7.3.4)
}


@dataclass(frozen=True)
class AttachmentSettings:
    label_on: LabelOn = "first-page"
    label: str = "附件{n}"
    label_single: str = "附件"

    def label_for(self, number: int, count: int) -> str:
        return self.label_single if count == 1 else self.label.format(n=number)


def attachment_settings(sheet: StyleSheet) -> AttachmentSettings:
    """The ``[attachments]`` table of the style sheet (validated here: the style loader does not know it)."""
    table = sheet.data.get("attachments") or {}
    where = SourceRef(sheet.sources[-1], "attachments") if sheet.sources else None
    problems: list[Problem] = []
    values = dict(DEFAULT_SETTINGS)
    for key, value in table.items() if isinstance(table, dict) else ():
        if key not in DEFAULT_SETTINGS:
            problems.append(
                error(
                    "style.unknown-key", f"样式表中没有键 attachments.{key}；可用：{'、'.join(DEFAULT_SETTINGS)}", where
                )
            )
        elif not isinstance(value, str):
            problems.append(error("style.type", f"attachments.{key} 应为字符串，实为 {value!r}", where))
        else:
            values[key] = value
    if values["label_on"] not in ("first-page", "separator"):
        problems.append(
            error(
                "style.type",
                f'attachments.label_on 应为 "first-page" 或 "separator"，实为 {values["label_on"]!r}',
                where,
            )
        )
    if "{n}" not in values["label"]:
        problems.append(error("style.type", "attachments.label 应含有 {n}（附件序号的位置）", where))
    if problems:
        raise ReportError(problems)
    return AttachmentSettings(**values)  # type: ignore[arg-type]


@dataclass
class Slot:
    """One page after the report: what ReportLab draws for it and at what displayed size."""

    kind: SlotKind
    width: float
    height: float
    page_number: int
    label: str | None = None  # "附件1" at the top left, on the first page of an attachment
    title: str | None = None  # separator pages: the attachment's title on line 3
    image: bytes | None = None  # image pages: the scan's bytes (read once, when loaded), fitted below the label
    image_size: tuple[int, int] | None = None
    imprint: Imprint | None = None  # the 版记 page after the attachments: the 版记 at its foot
    numbered: bool = True  # a blank page before the 版记 page, and that page, carry no number (§7.5)
    source: SourceRef | None = None  # the attachment's TOML key, for problems


# ---------------------------------------------------------------------------------------------- geometry


def geometry_for(width: float, height: float, base: PageGeometry) -> PageGeometry:
    """The report's page geometry carried over to a page of another size: the same margins from the page's
    corners (scaled down for paper smaller than the report's, compared in the same orientation), the type area
    whatever is left."""
    right = base.width - base.left - base.body_width
    bottom = base.height - base.top - base.body_height
    short, long_ = sorted((base.width, base.height))
    paper_w, paper_h = (long_, short) if width > height else (short, long_)
    scale = min(1.0, width / paper_w, height / paper_h)
    left, right, top, bottom = base.left * scale, right * scale, base.top * scale, bottom * scale
    return replace(
        base,
        width=width,
        height=height,
        left=left,
        top=top,
        body_width=max(1.0, width - left - right),
        body_height=max(1.0, height - top - bottom),
    )


def a4_for(image_size: tuple[int, int], base: PageGeometry) -> tuple[float, float]:
    """The report's paper (A4) in the image's orientation: landscape scans go on landscape pages."""
    w, h = image_size
    short, long_ = sorted((base.width, base.height))
    return (long_, short) if w > h else (short, long_)


# ---------------------------------------------------------------------------------------------- text


def missing_characters(text: str, style: TextStyle) -> set[str]:
    return {ch for ch in text if not ch.isspace() and style.fonts.font_for(ch) is None}


def check_text(slots: Iterable[Slot], sheet: StyleSheet) -> list[Problem]:
    """Characters of labels and titles that no font of their role can draw (never draw a .notdef box)."""
    label_style, title_style = label_role(sheet), title_role(sheet)
    problems = []
    for slot in slots:
        texts = [(slot.label, label_style, "附件标签或标题"), (slot.title, title_style, "附件标签或标题")]
        if slot.imprint is not None:
            style = sheet.role(slot.imprint.role)
            texts += [(text, style, "版记") for row in slot.imprint.rows for text in row]
        for text, style, what in texts:
            missing = missing_characters(text or "", style)
            if missing:
                chars = "、".join(sorted(missing))
                problems.append(
                    error("font.missing-glyph", f"{what}中的字符“{chars}”没有任何字体能显示；请改用常用字", slot.source)
                )
    return problems


def label_role(sheet: StyleSheet) -> TextStyle:
    return sheet.role("attachment-label")


def title_role(sheet: StyleSheet) -> TextStyle:
    return sheet.role("attachment-title" if "attachment-title" in sheet.roles else "title")


def _line_baseline(geometry: PageGeometry, line: int, style: TextStyle) -> float:
    """Baseline of grid line ``line`` (1-based) of the type area, for text in ``style``."""
    return geometry.height - geometry.top - (line - 1) * geometry.line_pitch - style.em_ascent * style.size


# ---------------------------------------------------------------------------------------------- drawing


#: White between the label's em box and the top of the type area when it is stamped over a PDF page.
LABEL_GAP = 3.0 * 72 / 25.4


#: White kept around the label's box when deciding whether the attachment's page prints there.
LABEL_CLEARANCE = 2.0 * 72 / 25.4


def label_box(width: float, height: float, label: str, sheet: StyleSheet) -> tuple[float, float, float, float]:
    """Where the label goes on an attachment's own page ``width`` × ``height`` (as displayed), with
    ``LABEL_CLEARANCE`` around it: (x0, y0, x1, y1) from the page's lower-left corner."""
    geometry = geometry_for(width, height, sheet.page)
    style = label_role(sheet)
    x0 = geometry.left
    y0 = geometry.height - geometry.top + LABEL_GAP  # the em box's bottom (see _draw_label)
    c = LABEL_CLEARANCE
    return x0 - c, y0 - c, x0 + line_width(label, style) + c, y0 + style.size + c


def _draw_label(canvas: Canvas, slot: Slot, geometry: PageGeometry, sheet: StyleSheet) -> None:
    """On line 1 of a page gongkai draws itself (separator, scan image placed below it); on an attachment's
    own PDF page, whose line 1 is its content, in the margin band above the type area (天头) instead, so
    the label never covers what the page prints there."""
    if slot.label:
        style = label_role(sheet)
        baseline = _line_baseline(geometry, 1, style)
        if slot.kind == "overlay":
            top = geometry.height - geometry.top
            baseline = top + LABEL_GAP + (1 - style.em_ascent) * style.size
        draw_line(canvas, geometry.left, baseline, slot.label, style)


def _draw_title(canvas: Canvas, slot: Slot, geometry: PageGeometry, sheet: StyleSheet) -> None:
    """The title centred from line 3 of the type area (GB/T 9704 §7.3.7), broken by meaning."""
    if not slot.title:
        return
    style = title_role(sheet)
    lines = break_title(slot.title, geometry.body_width / style.char_pitch)
    baseline = _line_baseline(geometry, 3, style)
    for text in lines:
        x = geometry.left + (geometry.body_width - line_width(text, style)) / 2
        draw_line(canvas, x, baseline, text, style)
        baseline -= style.line_pitch


def _draw_image(canvas: Canvas, slot: Slot, geometry: PageGeometry) -> None:
    """The scan scaled to fit the type area (below the label's two lines when labelled), top-aligned."""
    assert slot.image is not None and slot.image_size is not None
    top = geometry.height - geometry.top - (2 * geometry.line_pitch if slot.label else 0.0)
    bottom = geometry.height - geometry.top - geometry.body_height
    box_w, box_h = geometry.body_width, top - bottom
    iw, ih = slot.image_size
    scale = min(box_w / iw, box_h / ih)
    w, h = iw * scale, ih * scale
    # an ImageReader, not the file name: ReportLab names the image after what it is given, and a name made
    # from the path would make the bytes depend on the folder the report was built in
    canvas.drawImage(ImageReader(io.BytesIO(slot.image)), geometry.left + (box_w - w) / 2, top - h, w, h)


def _draw_imprint(canvas: Canvas, slot: Slot, geometry: PageGeometry, sheet: StyleSheet) -> None:
    """The 版记 at the foot of the type area, drawn as on the report's last page: its last rule on the 版心's
    bottom edge."""
    assert slot.imprint is not None
    flowable = imprint_flowable(slot.imprint, sheet)
    flowable.wrapOn(canvas, geometry.body_width, flowable.own_height())
    flowable.drawOn(canvas, geometry.left, type_area_bottom(geometry) - flowable.strip)


def render_slots(slots: list[Slot], sheet: StyleSheet) -> bytes:
    """One PDF page per slot: stamps only (overlay), or the whole page (separator, image, blank, 版记)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=1)
    numbers = sheet.page_numbers
    for slot in slots:
        canvas.setPageSize((slot.width, slot.height))
        geometry = geometry_for(slot.width, slot.height, sheet.page)
        if slot.kind == "image":
            _draw_image(canvas, slot, geometry)
        if slot.kind == "separator":
            _draw_title(canvas, slot, geometry, sheet)
        if slot.kind == "imprint":
            _draw_imprint(canvas, slot, geometry, sheet)
        _draw_label(canvas, slot, geometry, sheet)
        if slot.numbered:
            draw_page_number(canvas, slot.page_number, geometry, numbers)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def stamp_pages(slots: list[Slot], sheet: StyleSheet, taken: set[str]) -> PdfReader:
    """The stamp PDF, read back, its subset fonts renamed apart from ``taken`` (the tags already in use)."""
    from pypdf import PdfReader

    from compiler.render.pdf.finish.subsets import retag_subsets, subset_fonts

    reader = PdfReader(io.BytesIO(render_slots(slots, sheet)))
    retag_subsets(subset_fonts(reader), taken)
    return reader
