"""The PDF renderer: ``typeset`` lays the blocks out on GB/T 9704 pages (the project's own layout engine on
ReportLab's public API); ``finish`` writes the document-level parts (outline, page labels, metadata, embedded
source) and binds the attachments.  ``renderer`` implements :class:`compiler.render.base.Renderer`.

This module is the renderer's plugin: it is registered through the ``gongkai`` entry-point group like every
built-in section, and imports nothing heavy.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler.host.hookspecs import hookimpl
from compiler.render.pdf.renderer import PdfRenderer


@hookimpl
def gongkai_register_renderers(register: Callable[[PdfRenderer], None]) -> None:
    register(PdfRenderer())
