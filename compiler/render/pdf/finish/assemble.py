"""The finished PDF file: the typeset report, its attachments, and what a reader and an archive need.

The typesetter only makes the report's pages.  Finishing happens in two steps:

1. :meth:`FinishPlan.on_save`, called by the renderer just before ReportLab writes the report, adds the
   document-level parts through ReportLab's public API (:mod:`compiler.render.pdf.finish.catalog`): page labels that
   match the printed numbers, the outline shown on opening, the XMP metadata, and the source TOML and the
   computed JSON as embedded files (:mod:`compiler.render.pdf.finish.embedded`).  The renderer itself writes the Info
   dictionary, ``/Lang`` and the outline (one entry per part).  A report without attachments is then done,
   and pypdf is never imported.
2. :meth:`FinishPlan.complete`, with pypdf, only when there are attachments: clones that document, appends
   the attachments (PDF pages; scans placed on A4 pages), each starting on a new page labelled "附件n", with
   page numbers continuing the report's (GB/T 9704 §7.3.7, §7.5) — the marks come from
   :mod:`compiler.render.pdf.finish.stamp` — and adds 附件 to the outline with one child per attachment.

The 版记 (``[imprint]``) comes after the attachments (§7.4: 附件 before 版记, the 版记 on the last page): when
the report binds attachments, the typesetter leaves it out (:meth:`FinishPlan.report_blocks`) and it is drawn,
as at the foot of the report's last page, at the foot of a page of its own after them.  That page is an even
one: when it would be odd, a blank page goes before it, and then neither the blank page nor the 版记 page
carries a number (§7.5: "版记页前有空白页的，空白页和版记页均不编排页码"); right after an odd page it is numbered
like the others.  The page labels still count every page.

Either way the trailer ``/ID`` is a hash of the file, so the same input gives the same bytes.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from compiler.files.attachments import Attachment, AttachmentSet
from compiler.model.document import Block, Imprint
from compiler.model.problems import Problem, ReportError, Severity, error
from compiler.render.pdf.finish import metadata
from compiler.render.pdf.finish.catalog import DocumentExtras, write_extras
from compiler.render.pdf.finish.embedded import computed_json, report_files
from compiler.render.pdf.finish.stamp import AttachmentSettings, Slot, a4_for, attachment_settings, check_text
from compiler.render.pdf.typeset.render import pdf_date

if TYPE_CHECKING:
    from pypdf import PageObject, PdfWriter
    from reportlab.pdfgen.canvas import Canvas

    from compiler.model.document import DocumentInfo
    from compiler.model.report import Report
    from compiler.render.pdf.typeset.render import RenderResult
    from compiler.render.style import StyleSheet

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


def label_over_ink(attachment: Attachment, label: str, sheet: StyleSheet) -> bool:
    """Whether the first page of a PDF attachment prints something where its "附件n" label would go (the
    label's box in the 天头, :func:`compiler.render.pdf.finish.stamp.label_box`); then the label goes on a
    separator page.  The page is read coarsely (:mod:`compiler.render.pdf.finish.ink`); the answer is kept
    on the attachment, as the slots are planned more than once."""
    if attachment.kind != "pdf" or attachment.reader is None or not attachment.pages:
        return False
    cached = getattr(attachment, "_label_over_ink", None)
    if cached is not None and cached[0] == label:
        return bool(cached[1])
    from pypdf.errors import PyPdfError

    from compiler.render.pdf.finish.ink import prints_in
    from compiler.render.pdf.finish.stamp import label_box

    index = attachment.pages[0]
    width, height = _displayed_size(attachment, index)
    try:
        inked = prints_in(attachment.reader.pages[index], label_box(width, height, label, sheet))
    except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, PyPdfError):
        # a page someone else made, damaged where the coarse reading looks (found by the attachment fuzz
        # test): the label goes on a separator page, which never covers anything
        inked = True
    attachment._label_over_ink = (label, inked)  # type: ignore[attr-defined]
    return inked


def plan_slots(
    attachments: Sequence[Attachment],
    settings: AttachmentSettings,
    sheet: StyleSheet,
    first_number: int,
    imprint: Imprint | None = None,
) -> tuple[list[Slot], list[tuple[int, int]]]:
    """The pages after the report, in order, and each attachment's (first, last) slot index; then, with an
    ``imprint``, the 版记 page (on an even page, a blank page before it if need be: see the module docstring).

    A PDF attachment whose first page prints in the label's place gets a separator page even when the labels
    go on first pages (:func:`label_over_ink`)."""
    slots: list[Slot] = []
    spans: list[tuple[int, int]] = []
    count = len(attachments)
    base = sheet.page
    for attachment in attachments:
        label = settings.label_for(attachment.number, count)
        start = len(slots)
        if settings.label_on == "separator" or label_over_ink(attachment, label, sheet):
            slots.append(Slot("separator", base.width, base.height, 0, label=label, title=attachment.title))
            label = None
        if attachment.kind == "image":
            assert attachment.image_size is not None
            w, h = a4_for(attachment.image_size, base)
            slots.append(Slot("image", w, h, 0, label=label, image=attachment.data, image_size=attachment.image_size))
        else:
            for n, index in enumerate(attachment.pages):
                w, h = _displayed_size(attachment, index)
                slots.append(Slot("overlay", w, h, 0, label=label if n == 0 else None))
        spans.append((start, len(slots) - 1))
    if imprint is not None:
        blank = (first_number + len(slots)) % 2 == 1  # the 版记 page would be odd
        if blank:
            slots.append(Slot("blank", base.width, base.height, 0, numbered=False))
        slots.append(
            Slot("imprint", base.width, base.height, 0, imprint=imprint, numbered=not blank, source=imprint.source)
        )
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
    from pypdf.errors import PyPdfError

    from compiler.render.pdf.finish.stamp import stamp_pages
    from compiler.render.pdf.finish.subsets import retag_subsets, subset_fonts

    for attachment in attachments:
        if attachment.reader is not None:
            retag_subsets(subset_fonts(attachment.reader, attachment.pages), taken, only_colliding=True)
    stamps = stamp_pages(slots, sheet, taken)
    for attachment, (first, last) in zip(attachments, spans, strict=True):
        try:
            _append_one(writer, attachment, slots, stamps.pages, first, last)
        except (ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError, PyPdfError) as exc:
            # damage that reading the attachment did not reveal: name it, never an internal error
            raise ReportError(
                error(
                    "attachments.damaged",
                    f"附件“{attachment.title}”：合订时发现 PDF 文件已损坏（{type(exc).__name__}: {str(exc)[:200]}）；"
                    "请重新导出或获取原始文件，或用 --skip-bad-attachments 跳过",
                    slots[first].source,
                )
            ) from None
    for k in range(spans[-1][1] + 1 if spans else 0, len(slots)):  # the 版记 page, a blank page before it
        writer.add_page(stamps.pages[k])


def _append_one(
    writer: PdfWriter, attachment: Attachment, slots: list[Slot], stamps: Sequence[PageObject], first: int, last: int
) -> None:
    """Slots ``first``–``last``: the attachment's pages (made inert, stamped) or its separator/image pages."""
    from pypdf import Transformation

    from compiler.files.inert import make_inert

    pdf_pages = iter(attachment.pages)
    for k in range(first, last + 1):
        stamp = stamps[k]
        if slots[k].kind != "overlay":
            writer.add_page(stamp)
            continue
        assert attachment.reader is not None
        page = writer.add_page(attachment.reader.pages[next(pdf_pages)])
        make_inert(page)  # listed when the attachment was loaded (attachments.active-content)
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


_TRAILER = re.compile(rb"trailer\s*<<")
_ID_ENTRY = re.compile(rb"/ID\s*\[\s*<[0-9A-Fa-f]*>\s*<[0-9A-Fa-f]*>\s*\]")


def with_file_id(pdf: bytes) -> bytes:
    """The PDF with its last trailer's ``/ID`` set to ``[<h> <h>]``, ``h`` an MD5 of the file without an ID.

    ReportLab writes an ID derived from its content, pypdf none or a copy of its source's; neither is a
    function of the finished file.  The trailer follows the cross-reference table, so changing it moves no
    object and no offset."""
    matches = list(_TRAILER.finditer(pdf))
    if not matches:
        raise ValueError("unexpected PDF trailer layout: cannot set /ID")
    at = matches[-1].end()
    head, trailer = pdf[:at], _ID_ENTRY.sub(b"", pdf[at:], count=1)
    if b"/ID" in trailer:
        raise ValueError("unexpected PDF trailer layout: cannot set /ID")
    digest = hashlib.md5(head + trailer).hexdigest().encode()  # PDF file IDs are 16 bytes; MD5 as §14.4 suggests
    return head + b"\n/ID [<" + digest + b"> <" + digest + b">]" + trailer


@dataclass
class FinishPlan:
    """What finishing will add, decided before the report is rendered (so that a label or title no font can
    draw stops the build early); see the module docstring for the two steps."""

    report: Report
    info: DocumentInfo
    sheet: StyleSheet
    bound: list[Attachment]
    settings: AttachmentSettings
    problems: Sequence[Problem]
    listing: list[dict[str, object]]
    imprint: Imprint | None = None  # the 版记, moved after the attachments
    report_pages: int = 0
    slots: list[Slot] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    saved: bool = False

    def _place(self, report_pages: int) -> None:
        self.report_pages = report_pages
        self.slots, self.spans = plan_slots(self.bound, self.settings, self.sheet, report_pages + 1, self.imprint)
        for attachment, (first, last) in zip(self.bound, self.spans, strict=True):
            for slot in self.slots[first : last + 1]:
                slot.source = self.report.ref(f"{attachment.keypath}.title")

    def report_blocks(self, blocks: Sequence[Block]) -> list[Block]:
        """The blocks the typesetter sets: all of them, but the 版记 when it goes after the attachments."""
        return [block for block in blocks if block is not self.imprint]

    def notes(self) -> list[Problem]:
        """The attachments whose label went on a separator page because their first page prints where it
        would be stamped (:func:`label_over_ink`): information for the author, one page more each."""
        if self.settings.label_on == "separator":
            return []
        count = len(self.bound)
        return [
            Problem(
                Severity.INFO,
                "attachments.label-separator",
                f"附件“{attachment.title}”的第一页在附件标识的位置（天头左上）有内容，"
                f"“{self.settings.label_for(attachment.number, count)}”改印在附件前单独的一页上",
                self.report.ref(f"{attachment.keypath}.file"),
            )
            for attachment in self.bound
            if label_over_ink(attachment, self.settings.label_for(attachment.number, count), self.sheet)
        ]

    def extras(self, report_pages: int) -> DocumentExtras:
        """The catalog entries for a report of ``report_pages`` pages followed by the attachments."""
        self._place(report_pages)
        total = report_pages + len(self.slots)
        listing = [
            {**entry, "first_page": report_pages + first + 1}
            for entry, (first, _) in zip(self.listing, self.spans, strict=True)
        ]
        computed = computed_json(self.report, self.problems, listing, {"report": report_pages, "total": total})
        date = pdf_date(self.info)
        return DocumentExtras(
            xmp=metadata.xmp_packet(self.info, date, self.report.source.raw + computed),
            files=report_files(self.report, computed),
            date=date,
            outline=bool(self.bound),  # the attachments get outline entries (the renderer shows its own)
        )

    def on_save(self, canvas: Canvas, report_pages: int) -> None:
        """The renderer's save hook (:data:`compiler.render.pdf.typeset.render.SaveHook`)."""
        write_extras(canvas, self.extras(report_pages))
        self.saved = True

    def complete(self, rendered: RenderResult) -> FinishedPdf:
        """The final bytes: ``rendered`` (made with :meth:`on_save`) plus the attachments, if any."""
        if not self.saved or rendered.pages != self.report_pages:
            raise ValueError("render the report with on_save=plan.on_save before completing it")
        if not self.bound:
            return FinishedPdf(with_file_id(rendered.pdf), rendered.pages, [])
        from compiler.files.inert import pypdf_messages

        with pypdf_messages():  # anything pypdf has to say was said, in Chinese, when the attachments were loaded
            writer = self._with_attachments(rendered.pdf)
            buffer = io.BytesIO()
            writer.write(buffer)
        pages = [(rendered.pages + a, rendered.pages + b) for a, b in self.spans]
        return FinishedPdf(with_file_id(buffer.getvalue()), rendered.pages + len(self.slots), pages)

    def _with_attachments(self, pdf: bytes) -> PdfWriter:
        from pypdf import PdfReader, PdfWriter

        from compiler.render.pdf.finish.subsets import subset_fonts, subset_tags

        reader = PdfReader(io.BytesIO(pdf))
        writer = PdfWriter(clone_from=reader)  # keeps the catalog on_save wrote: labels, outline, XMP, files
        taken = subset_tags(subset_fonts(reader))
        _append_attachments(writer, self.bound, self.slots, self.spans, self.sheet, taken)
        _outline(writer, self.bound, self.spans, self.report_pages, self.settings)
        writer.compress_identical_objects(remove_duplicates=True, remove_unreferenced=True)
        return writer


def plan_finish(
    report: Report,
    info: DocumentInfo,
    *,
    sheet: StyleSheet,
    attachments: AttachmentSet | None = None,
    problems: Sequence[Problem] = (),
    blocks: Sequence[Block] = (),
) -> FinishPlan:
    """Plan the finishing of ``report`` (typeset from ``blocks``).  Raises :class:`ReportError` when a label, a
    title or the moved 版记 cannot be drawn."""
    bound = attachments.bound if attachments else []
    imprints = [block for block in blocks if isinstance(block, Imprint)]
    plan = FinishPlan(
        report,
        info,
        sheet,
        bound,
        attachment_settings(sheet),
        problems,
        attachments.entries() if attachments else [],
        imprint=imprints[-1] if bound and imprints else None,
    )
    plan._place(0)
    missing = check_text(plan.slots, sheet)
    if missing:
        raise ReportError(missing)
    return plan
