"""Attachment files made inside the tests, and a report that binds them.

Every PDF here is drawn with ReportLab (Helvetica: the attachment's own font, not ours), so the tests know
exactly what each page is: its size, its rotation and the marker text "ATT <file> p<n>" on it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomli_w
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A3, A4, landscape, letter
from reportlab.pdfgen.canvas import Canvas

from tests.conftest import legacy

MM = 72.0 / 25.4
A4_PORTRAIT = A4
A4_LANDSCAPE = landscape(A4)
A3_PORTRAIT = A3
LETTER = letter

#: Page-number text on a page: "— 12 —" (the spaces may or may not be there in extracted text).
NUMBER = re.compile(r"—\s*(\d+)\s*—")


def pdf_bytes(sizes: Sequence[tuple[float, float]], *, rotate: int = 0, marker: str = "ATT") -> bytes:
    """A PDF with one page per size, each saying "<marker> p<n>"; ``rotate`` sets /Rotate on every page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    for n, size in enumerate(sizes, 1):
        canvas.setPageSize(size)
        canvas.setFont("Helvetica", 20)
        canvas.drawString(100, size[1] / 2, f"{marker} p{n}")
        canvas.showPage()
    canvas.save()
    if not rotate:
        return buffer.getvalue()
    reader = PdfReader(buffer)
    writer = PdfWriter()
    for page in reader.pages:
        writer.add_page(page).rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted_pdf(password: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes([A4]))))
    writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zero_page_pdf() -> bytes:
    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


def image_bytes(size: tuple[int, int], fmt: str) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, size[0] - 1, size[1] - 1], outline="black", width=4)
    draw.line([0, 0, size[0], size[1]], fill="black", width=4)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def write_report(folder: Path, attachments: list[dict[str, Any]], files: dict[str, bytes], **changes: Any) -> Path:
    """A complete legacy report (tests/conftest.py) plus ``[[attachments]]`` and their files, in ``folder``."""
    for name, data in files.items():
        (folder / name).write_bytes(data)
    data = legacy(**changes)
    data["attachments"] = attachments
    path = folder / "report.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def page_numbers(pdf: bytes) -> list[int | None]:
    """The printed page number of every page, read back with pdfplumber (None where there is none)."""
    import pdfplumber

    found: list[int | None] = []
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        for page in doc.pages:
            numbers = NUMBER.findall(page.extract_text() or "")
            found.append(int(numbers[-1]) if numbers else None)
    return found
