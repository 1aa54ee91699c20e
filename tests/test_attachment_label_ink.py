"""The "附件n" label goes in the 天头 of an attachment's own first page only where that page prints nothing;
over ink it goes on a separator page instead (compiler/render/pdf/finish/ink.py reads the page coarsely)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from compiler.build import build
from compiler.render.pdf.finish.ink import prints_in
from tests.attachment_files import MM, image_bytes, page_numbers, pdf_bytes, write_report
from tests.pdfread import read_pdf

W, H = A4
#: Where the label of "附件1" goes on an A4 page (its box and a little more): the 天头 above the 版心's left.
BAND = (28 * MM, H - 37 * MM + 1 * MM, 28 * MM + 60, H - 37 * MM + 3 * MM + 16)


def drawn(paint: Callable[[Canvas], None], *, rotate: int = 0) -> bytes:
    """A one-page A4 PDF: ``paint`` draws on it, and "BODY" is written in the middle."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    paint(canvas)
    canvas.setFillColorRGB(0, 0, 0)
    canvas.setFont("Helvetica", 20)
    canvas.drawString(100, H / 2, "BODY")
    canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    writer = PdfWriter()
    for page in PdfReader(buffer).pages:
        writer.add_page(page).rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def filled_top(canvas: Canvas) -> None:
    """A letterhead: the whole top band filled (red, as a 红头 would be)."""
    canvas.setFillColorRGB(0.8, 0, 0)
    canvas.rect(0, H - 40 * MM, W, 40 * MM, stroke=0, fill=1)


def white_background(canvas: Canvas) -> None:
    canvas.setFillColorRGB(1, 1, 1)
    canvas.rect(0, 0, W, H, stroke=0, fill=1)


def invisible_text_on_top(canvas: Canvas) -> None:
    """An OCR layer: text in render mode 3 (invisible) where the label goes."""
    text = canvas.beginText(30 * MM, H - 30 * MM)
    text.setTextRenderMode(3)
    text.setFont("Helvetica", 12)
    text.textOut("OCR LAYER")
    canvas.drawText(text)


def header_text(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 10)
    canvas.drawString(30 * MM, H - 32 * MM, "XX Bureau document No. 12")


def header_on_the_right(canvas: Canvas) -> None:
    canvas.setFont("Helvetica", 10)
    canvas.drawString(W - 80 * MM, H - 32 * MM, "Page header")


def image_on_top(canvas: Canvas) -> None:
    canvas.drawImage(ImageReader(io.BytesIO(image_bytes((40, 10), "PNG"))), 20 * MM, H - 35 * MM, 80 * MM, 20 * MM)


def line_in_a_form(canvas: Canvas) -> None:
    """A rule across the top, drawn inside a form XObject (as letterheads often are)."""
    canvas.beginForm("letterhead")
    canvas.setLineWidth(2)
    canvas.line(20 * MM, H - 33 * MM, W - 20 * MM, H - 33 * MM)
    canvas.endForm()
    canvas.doForm("letterhead")


def first_page(data: bytes):
    return PdfReader(io.BytesIO(data)).pages[0]


@pytest.mark.parametrize(
    ("paint", "inked"),
    [
        (filled_top, True),
        (header_text, True),
        (image_on_top, True),
        (line_in_a_form, True),
        (white_background, False),
        (invisible_text_on_top, False),
        (header_on_the_right, False),
        (lambda canvas: None, False),
    ],
    ids=["filled", "header", "image", "form", "white-background", "ocr-layer", "header-right", "blank"],
)
def test_ink_in_the_label_band_is_found_coarsely(paint: Callable[[Canvas], None], inked: bool) -> None:
    assert prints_in(first_page(drawn(paint)), BAND) is inked


def test_ink_is_looked_for_where_a_rotated_page_is_shown() -> None:
    # a page drawn portrait and shown turned by /Rotate 90: its left edge is shown at the top
    def left_edge(canvas: Canvas) -> None:
        canvas.rect(0, 0, 20 * MM, H, stroke=0, fill=1)

    page = first_page(drawn(left_edge, rotate=90))
    shown_w, shown_h = H, W
    assert prints_in(page, (28 * MM, shown_h - 15 * MM, 60 * MM, shown_h - 5 * MM))
    assert not prints_in(page, (28 * MM, 10 * MM, 60 * MM, 30 * MM))  # the shown bottom: its right edge, blank
    assert shown_w > shown_h


def test_a_label_over_ink_goes_on_a_separator_page(tmp_path: Path) -> None:
    files = {"letterhead.pdf": drawn(filled_top), "plain.pdf": pdf_bytes([A4], marker="PLAIN")}
    attachments = [{"file": "letterhead.pdf", "title": "红头文件"}, {"file": "plain.pdf", "title": "统计表"}]
    result = build(write_report(tmp_path, attachments, files))
    notes = [p for p in result.problems if p.rule == "attachments.label-separator"]
    assert [(p.severity.name, p.source.keypath) for p in notes] == [("INFO", "attachments[0].file")]
    assert "红头文件" in notes[0].message
    pdf = result.output.read_bytes()
    reader = PdfReader(io.BytesIO(pdf))
    doc = read_pdf(pdf)
    # report pages, a separator for 附件1, its page, then 附件2's own page with the label in its 天头
    first = len(reader.pages) - 3
    separator, letterhead, plain = doc.pages[first:]
    assert [ln.text for ln in separator.lines][:2] == ["附件1", "红头文件"]
    assert "BODY" in reader.pages[first + 1].extract_text()
    assert not any(ln.text.startswith("附件") for ln in letterhead.lines)  # nothing stamped over the red band
    labels = [ln for ln in plain.lines if ln.text.startswith("附件")]
    assert [ln.text for ln in labels] == ["附件2"] and labels[0].baseline > plain.height - 37 * MM
    assert page_numbers(pdf) == list(range(1, len(reader.pages) + 1))
    children = reader.outline[-1]
    assert [reader.get_destination_page_number(c) for c in children] == [first, first + 2]
