"""The Word renderer: the report's blocks as a DOCX for drafting and approval in Word or WPS.

``page`` sets up the GB/T 9704 page (A4, margins, the 22 × 28 document grid, odd/even page-number footers),
``styles`` turns the style sheet's roles into named Word styles (正文, 标题 1 …, with East-Asian font names),
``tables`` writes real ruled tables with merged cells, ``blocks`` maps the other blocks, ``package`` embeds the
source TOML and makes the file deterministic; ``renderer`` implements :class:`compiler.render.base.Renderer`.

This module is the renderer's plugin, registered through the ``gongkai`` entry-point group like the PDF
renderer; python-docx is imported only when a DOCX is actually made.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler.host.hookspecs import hookimpl
from compiler.render.docx.renderer import DocxRenderer


@hookimpl
def gongkai_register_renderers(register: Callable[[DocxRenderer], None]) -> None:
    register(DocxRenderer())
