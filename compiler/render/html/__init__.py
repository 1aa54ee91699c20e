"""The web renderers: the report as one self-contained HTML page (``--to html``) for the portal's 政府信息公开
column, and as an article with inline styles (``--to html-fragment``) for a portal editor that strips
``<style>`` and classes.  ``renderer`` holds the two renderers; ``writer`` maps blocks to HTML (imported only when
a page is made), ``tables`` finds the header cells of each table and associates them with the data cells, ``css``
turns the style sheet's roles into screen and print CSS.

This module is the renderers' plugin, registered through the ``gongkai`` entry-point group like the PDF
renderer; it imports only the standard library and the core.
"""

from __future__ import annotations

from collections.abc import Callable

from compiler.host.hookspecs import hookimpl
from compiler.render.html.renderer import HtmlFragmentRenderer, HtmlRenderer


@hookimpl
def gongkai_register_renderers(register: Callable[[HtmlRenderer], None]) -> None:
    register(HtmlRenderer())
    register(HtmlFragmentRenderer())
