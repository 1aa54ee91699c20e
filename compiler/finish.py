"""The finished PDF file: what happens after the typesetter's pages exist.

Today: the typeset pages as they are.  Attachments, embedded source data and viewer settings are added here
with pypdf (see the attachments issue); the typesetter never needs to know about them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compiler.document import DocumentInfo
    from compiler.model import Report
    from compiler.typeset.render import RenderResult


def finish_pdf(rendered: RenderResult, report: Report, info: DocumentInfo) -> tuple[bytes, int]:
    """Return the final PDF bytes and page count."""
    return rendered.pdf, rendered.pages
