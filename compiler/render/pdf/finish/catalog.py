"""The document-level parts of the finished PDF, written by ReportLab as it saves the report's pages.

A report without attachments needs nothing from a second PDF library: the page labels, the viewer settings,
the XMP metadata and the embedded source and data files are catalog entries, and ReportLab's canvas has a
public method for each (``addPageLabel``, ``showOutline``, ``setCatalogEntry``) and public object classes
for their values (:mod:`reportlab.pdfbase.pdfdoc`).  :func:`write_extras` runs just before the renderer
saves (its ``on_save`` hook, :meth:`compiler.render.pdf.finish.assemble.FinishPlan.on_save`); the attachment stage
(pypdf) later clones the catalog as it is.

What is written:

* ``/PageLabels``: one range, decimal from 1, which covers every page, attachments included (the printed
  numbers continue across attachments, GB/T 9704 §7.5);
* ``/PageMode /UseOutlines`` when attachments will add outline entries (the renderer sets it when its
  headings made an outline), so a reader opens on page 1 with the outline shown;
* ``/Metadata``: the XMP packet (:mod:`compiler.render.pdf.finish.metadata`), uncompressed as archives prefer;
* ``/Names /EmbeddedFiles``: each :class:`~compiler.render.pdf.finish.embedded.EmbeddedFile` as a file specification
  (``/F`` and ``/UF``, ``/Desc``, ``/AFRelationship``) and a Flate-compressed ``/EmbeddedFile`` stream with
  its MIME subtype, size, modification date and MD5 checksum.

ReportLab's catalog writes only the keys it knows, so the PDF 2.0 ``/AF`` array cannot be added this way;
each file specification still says how the file relates to the document (``/AFRelationship``).
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObject, PDFStream, PDFString, PDFText

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from compiler.render.pdf.finish.embedded import EmbeddedFile

MIME_SUBTYPES = {".toml": "application/toml", ".json": "application/json"}
DEFAULT_MIME = "application/octet-stream"


class _EscapedName(PDFObject):
    """A PDF name with ``#xx`` escapes (``/application#2Ftoml``).  ReportLab's ``PDFName`` escapes ``#``
    itself and leaves ``/`` alone, so a MIME type cannot be written with it."""

    def __init__(self, text: str):
        self.text = text

    def format(self, document: Any) -> bytes:
        escaped = "".join(c if c.isalnum() or c in "-_.+" else f"#{ord(c):02X}" for c in self.text)
        return f"/{escaped}".encode("ascii")


@dataclass(frozen=True)
class DocumentExtras:
    """What goes into the catalog: the XMP packet, the embedded files and their modification date."""

    xmp: bytes
    files: Sequence[EmbeddedFile]
    date: str  # PDF date string, e.g. D:20190214000000+08'00'
    outline: bool  # whether to open with the outline shown (the renderer already does when it made one)


def _file_spec(file: EmbeddedFile, date: str) -> PDFDictionary:
    suffix = Path(file.name).suffix.lower()
    stream = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("EmbeddedFile"),
                "Subtype": _EscapedName(MIME_SUBTYPES.get(suffix, DEFAULT_MIME)),
                "Filter": PDFName("FlateDecode"),  # present, so ReportLab does not compress a second time
                "Params": PDFDictionary(
                    {
                        "Size": len(file.data),
                        "ModDate": PDFString(date),
                        "CheckSum": PDFText(hashlib.md5(file.data).digest()),
                    }
                ),
            }
        ),
        content=zlib.compress(file.data, 9),  # JSON and TOML shrink four- to eightfold
    )
    return PDFDictionary(
        {
            "Type": PDFName("Filespec"),
            "F": PDFString(file.name),
            "UF": PDFString(file.name),
            "Desc": PDFString(file.description),
            "AFRelationship": PDFName(file.relationship.lstrip("/")),
            "EF": PDFDictionary({"F": stream}),
        }
    )


def write_extras(canvas: Canvas, extras: DocumentExtras) -> None:
    """Add page labels, viewer mode, XMP and embedded files to the document ``canvas`` is about to save."""
    canvas.addPageLabel(0, style="D", start=1)
    if extras.outline:
        canvas.showOutline()
    canvas.setCatalogEntry(
        "Metadata",
        PDFStream(
            PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
            content=extras.xmp,
            filters=None,  # ReportLab compresses only page content: archive tools read XMP as it is
        ),
    )
    if extras.files:
        names: list[Any] = []
        for file in sorted(extras.files, key=lambda f: f.name):  # a name tree is sorted by key
            names += [PDFString(file.name), _file_spec(file, extras.date)]
        canvas.setCatalogEntry("Names", PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": PDFArray(names)})}))
