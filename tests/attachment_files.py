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


# ---------------------------------------------------------------------------------------------- hostile PDFs

ACTIVE_NAMES = ("/JavaScript", "/JS", "/Launch", "/SubmitForm", "/ImportData", "/AA", "/OpenAction", "/RichMedia")


def active_pdf() -> bytes:
    """A one-page A4 PDF carrying every kind of active content gongkai must not pass on."""
    from pypdf.generic import (
        ArrayObject,
        DictionaryObject,
        FloatObject,
        NameObject,
        TextStringObject,
    )

    def action(kind: str, **extra: object) -> DictionaryObject:
        d = DictionaryObject({NameObject("/Type"): NameObject("/Action"), NameObject("/S"): NameObject(kind)})
        for k, v in extra.items():
            d[NameObject("/" + k)] = v  # type: ignore[assignment]
        return d

    def annot(subtype: str, **extra: object) -> DictionaryObject:
        rect = ArrayObject([FloatObject(10), FloatObject(10), FloatObject(100), FloatObject(100)])
        d = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject(subtype),
                NameObject("/Rect"): rect,
            }
        )
        for k, v in extra.items():
            d[NameObject("/" + k)] = v  # type: ignore[assignment]
        return d

    reader = PdfReader(io.BytesIO(pdf_bytes([A4_PORTRAIT], marker="ACTIVE")))
    writer = PdfWriter(clone_from=reader)
    page = writer.pages[0]
    js = TextStringObject("app.alert('x')")
    page[NameObject("/AA")] = DictionaryObject({NameObject("/O"): action("/JavaScript", JS=js)})
    launch = action("/Launch", F=TextStringObject("calc.exe"))
    chained = action("/URI", URI=TextStringObject("https://example.invalid/"), Next=action("/SubmitForm"))
    link = annot("/Link", A=TextStringObject("placeholder"))
    link[NameObject("/A")] = launch
    annots = [
        link,
        annot("/Link", A=chained),
        annot("/Link", A=action("/URI", URI=TextStringObject("https://www.gov.cn/"))),  # harmless: stays
        annot("/Widget", AA=DictionaryObject({NameObject("/K"): action("/JavaScript", JS=js)})),
        annot("/FileAttachment", Contents=TextStringObject("payload")),
        annot("/RichMedia"),
        annot("/Screen", A=action("/Rendition")),
        annot("/Link", A=action("/ImportData", F=TextStringObject("x.fdf"))),
    ]
    page[NameObject("/Annots")] = ArrayObject([writer._add_object(a) for a in annots])
    writer.add_attachment("payload.exe", b"MZ")
    names = writer._root_object["/Names"].get_object()
    script = ArrayObject([TextStringObject("open"), writer._add_object(action("/JavaScript", JS=js))])
    names[NameObject("/JavaScript")] = DictionaryObject({NameObject("/Names"): script})
    writer._root_object[NameObject("/OpenAction")] = action("/JavaScript", JS=js)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def active_in(pdf: bytes) -> list[str]:
    """Every active construct left in a finished PDF (its own two embedded data files are not active)."""
    reader = PdfReader(io.BytesIO(pdf))
    found: list[str] = []
    seen: set[int] = set()

    def walk(obj: object, where: str, depth: int = 0) -> None:
        if depth > 60:
            return
        if hasattr(obj, "idnum"):
            if obj.idnum in seen:  # type: ignore[attr-defined]
                return
            seen.add(obj.idnum)  # type: ignore[attr-defined]
            obj = obj.get_object()  # type: ignore[attr-defined]
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key in ACTIVE_NAMES or (key == "/S" and value in ACTIVE_NAMES):
                    found.append(f"{where}{key}")
                if key == "/Subtype" and value in ("/FileAttachment", "/RichMedia", "/Screen", "/Movie", "/Sound"):
                    found.append(f"{where}{value}")
                if where == "" and key == "/Names":
                    names = value.get_object()
                    found.extend(f"/Names{k}" for k in names if k != "/EmbeddedFiles")
                    continue
                walk(value, f"{where}{key}", depth + 1)
        elif isinstance(obj, list):
            for value in obj:
                walk(value, where, depth + 1)

    walk(reader.trailer["/Root"], "")
    embedded = sorted(reader.attachments)
    if len(embedded) != 2 or not all(n.endswith((".toml", ".data.json")) for n in embedded):
        found.append(f"embedded files {embedded}")
    return found
