"""The two web renderers, implementing :class:`compiler.render.base.Renderer`.

:class:`HtmlRenderer` (``--to html``) writes a self-contained page — UTF-8, ``lang`` from the document info, no
script, no external request (a Content-Security-Policy says so to the browser), the CSS in one ``<style>``
element with a print stylesheet giving the style sheet's page.  :class:`HtmlFragmentRenderer`
(``--to html-fragment``, ``.fragment.html``) writes only the ``<article>``, every declaration in a ``style``
attribute, for a portal editor that strips ``<style>`` and ``class``.  Both are :mod:`compiler.render.html.writer`
with one switch; it is imported when a page is made, so registering the renderers costs ``gongkai check`` nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from compiler.render.base import Rendered, RenderJob


class HtmlRenderer:
    key = "html"
    suffix = ".html"
    description = "网页（单个自包含的 HTML 文件：无脚本、无外部请求，含手机版式和 A4 打印样式）"
    fragment = False

    def render(self, job: RenderJob) -> Rendered:
        from compiler.render.base import Rendered
        from compiler.render.html.writer import HtmlWriter

        return Rendered(HtmlWriter(job, inline=self.fragment).document().encode("utf-8"))


class HtmlFragmentRenderer(HtmlRenderer):
    key = "html-fragment"
    suffix = ".fragment.html"
    description = "网页片段（只有正文 <article>，样式全部内联，供门户网站编辑器粘贴）"
    fragment = True
