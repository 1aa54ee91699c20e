"""The finished PDF file: the typeset report, its attachments, and what a reader and an archive need.

The typesetter only makes the report's pages.  This stage, with pypdf:

1. appends the attachments (PDF pages; scans placed on A4 pages), each starting on a new page labelled
   "附件n", with page numbers continuing the report's (GB/T 9704 §7.3.7, §7.5) — the marks come from
   :mod:`compiler.finish.stamp`;
2. keeps the renderer's outline (one entry per part) and adds 附件 with one child per attachment, page labels
   that match the printed numbers, ``/Lang``, and opens on page 1 with the outline shown;
3. writes the metadata (Info and XMP) and embeds the source TOML and the computed JSON
   (:mod:`compiler.finish.embedded`);
4. makes the bytes deterministic: the trailer ``/ID`` is a hash of the file, not a random number.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pypdf import PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject

from compiler.finish import metadata
from compiler.finish.attachments import Attachment, AttachmentSet
from compiler.finish.embedded import computed_json, embed, report_files
from compiler.finish.stamp import (
    AttachmentSettings,
    Slot,
    a4_for,
    attachment_settings,
    check_text,
    retag_subsets,
    stamp_pages,
    subset_fonts,
    subset_tags,
)
from compiler.problems import Problem, ReportError
from compiler.typeset.render import pdf_date

if TYPE_CHECKING:
    from compiler.document import DocumentInfo
    from compiler.model import Report
    from compiler.styles import StyleSheet
    from compiler.typeset.render import RenderResult

OUTLINE_ATTACHMENTS = "附件"


@dataclass
class FinishedPdf:
    pdf: bytes
    pages: int
    attachment_pages: list[tuple[int, int]] = field(default_factory=list)  # (first, last) 0-based per attachment


# ---------------------------------------------------------------------------------------------- planning


def _displayed_size(attachment: Attachment, index: int) -> tuple[float, float]:
    assert attachment.reader is not None
    page = attachment.reader.pages[index]
    box = page.cropbox
    unit = float(page.user_unit)
    w, h = float(box.width) * unit, float(box.height) * unit
    return (h, w) if page.rotation % 180 == 90 else (w, h)


def plan_slots(
    attachments: Sequence[Attachment], settings: AttachmentSettings, sheet: StyleSheet, first_number: int
) -> tuple[list[Slot], list[tuple[int, int]]]:
    """The pages after the report, in order, and each attachment's (first, last) slot index."""
    slots: list[Slot] = []
    spans: list[tuple[int, int]] = []
    count = len(attachments)
    base = sheet.page
    for attachment in attachments:
        label = settings.label_for(attachment.number, count)
        start = len(slots)
        if settings.label_on == "separator":
            slots.append(Slot("separator", base.width, base.height, 0, label=label, title=attachment.title))
            label = None
        if attachment.kind == "image":
            assert attachment.image_size is not None
            w, h = a4_for(attachment.image_size, base)
            slots.append(Slot("image", w, h, 0, label=label, image=attachment.path, image_size=attachment.image_size))
        else:
            for n, index in enumerate(attachment.pages):
                w, h = _displayed_size(attachment, index)
                slots.append(Slot("overlay", w, h, 0, label=label if n == 0 else None))
        spans.append((start, len(slots) - 1))
    for i, slot in enumerate(slots):
        slot.page_number = first_number + i
    return slots, spans


# ---------------------------------------------------------------------------------------------- assembling


def _append_attachments(
    writer: PdfWriter,
    attachments: Sequence[Attachment],
    slots: list[Slot],
    spans: list[tuple[int, int]],
    sheet: StyleSheet,
    taken: set[str],
) -> None:
    for attachment in attachments:
        if attachment.reader is not None:
            retag_subsets(subset_fonts(attachment.reader, attachment.pages), taken, only_colliding=True)
    stamps = stamp_pages(slots, sheet, taken)
    for attachment, (first, last) in zip(attachments, spans, strict=True):
        pdf_pages = iter(attachment.pages)
        for k in range(first, last + 1):
            stamp = stamps.pages[k]
            if slots[k].kind != "overlay":
                writer.add_page(stamp)
                continue
            assert attachment.reader is not None
            page = writer.add_page(attachment.reader.pages[next(pdf_pages)])
            if page.rotation % 360:
                page.transfer_rotation_to_content()  # stamp upright on the page as displayed
            box = page.cropbox
            page.merge_transformed_page(stamp, Transformation().translate(float(box.left), float(box.bottom)))


def _outline(
    writer: PdfWriter,
    attachments: Sequence[Attachment],
    spans: list[tuple[int, int]],
    offset: int,
    settings: AttachmentSettings,
) -> None:
    if not attachments:
        return
    parent = writer.add_outline_item(title=OUTLINE_ATTACHMENTS, page_number=offset + spans[0][0])
    for attachment, (first, _) in zip(attachments, spans, strict=True):
        label = settings.label_for(attachment.number, len(attachments))
        writer.add_outline_item(title=f"{label} {attachment.title}", page_number=offset + first, parent=parent)


def _viewer_settings(writer: PdfWriter, info: DocumentInfo, total: int) -> None:
    writer.set_page_label(0, total - 1, style="/D", start=1)
    writer.page_mode = "/UseOutlines"
    writer.open_destination = writer.pages[0]
    writer.root_object[NameObject("/Lang")] = TextStringObject(info.lang or "zh-CN")
    preferences = writer.create_viewer_preferences()
    preferences.display_doctitle = True


_TRAILER = re.compile(rb"trailer\s*<<")


def with_file_id(pdf: bytes) -> bytes:
    """Put ``/ID [<h> <h>]`` into the trailer, ``h`` a hash of the file without it.

    pypdf offers no public way to set the ID and would otherwise write none (or a random one).  The trailer
    follows the cross-reference table, so adding a key to it moves no object and no offset."""
    matches = list(_TRAILER.finditer(pdf))
    if not matches or b"/ID" in pdf[matches[-1].end() :]:
        raise ValueError("unexpected PDF trailer layout: cannot set /ID")
    digest = hashlib.md5(pdf).hexdigest().encode()  # PDF file IDs are 16 bytes; MD5 as §14.4 suggests
    at = matches[-1].end()
    return pdf[:at] + b"\n/ID [<" + digest + b"> <" + digest + b">]" + pdf[at:]


def finish_pdf(
    rendered: RenderResult,
    report: Report,
    info: DocumentInfo,
    *,
    sheet: StyleSheet,
    attachments: AttachmentSet | None = None,
    problems: Sequence[Problem] = (),
) -> FinishedPdf:
    """The final PDF bytes.  Raises :class:`ReportError` when a label or title cannot be drawn."""
    bound = attachments.bound if attachments else []
    settings = attachment_settings(sheet)
    slots, spans = plan_slots(bound, settings, sheet, rendered.pages + 1)
    for attachment, (first, last) in zip(bound, spans, strict=True):
        for slot in slots[first : last + 1]:
            slot.source = report.ref(f"{attachment.keypath}.title")
    missing = check_text(slots, sheet)
    if missing:
        raise ReportError(missing)

    report_reader = PdfReader(io.BytesIO(rendered.pdf))
    writer = PdfWriter()
    writer.append(report_reader)  # pages and the renderer's outline (one entry per part)
    if slots:
        taken = subset_tags(subset_fonts(report_reader))
        _append_attachments(writer, bound, slots, spans, sheet, taken)
    total = len(writer.pages)
    _outline(writer, bound, spans, rendered.pages, settings)
    _viewer_settings(writer, info, total)

    date = pdf_date(info)
    writer.add_metadata(metadata.info_dict(info, date))
    listing = [
        {**a_entry, "first_page": rendered.pages + first + 1}
        for a_entry, (first, _) in zip(attachments.entries() if attachments else [], spans, strict=True)
    ]
    computed = computed_json(report, problems, listing, {"report": rendered.pages, "total": total})
    embed(writer, report_files(report, computed), date)
    writer.xmp_metadata = metadata.xmp_packet(info, date, report.source.raw + computed)
    stream = writer.root_object["/Metadata"].get_object()  # pypdf leaves the stream untyped; readers need both
    stream.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)

    buffer = io.BytesIO()
    writer.write(buffer)
    pdf = with_file_id(buffer.getvalue())
    pages = [(rendered.pages + a, rendered.pages + b) for a, b in spans]
    return FinishedPdf(pdf, total, pages)
