"""The Word renderer: blocks → a DOCX (python-docx, imported inside :meth:`DocxRenderer.render` only, so
registering the renderer costs nothing for ``gongkai check`` or a PDF build).

Implements :class:`compiler.render.base.Renderer`.  It knows Blocks and style roles, nothing about reports.
Attachments cannot be bound into a Word file: the 附件说明 lists them as in the PDF, and a warning says the files
themselves are not inside.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compiler.model.problems import Problem, warning

if TYPE_CHECKING:
    from compiler.render.base import Rendered, RenderJob


class DocxRenderer:
    key = "docx"
    suffix = ".docx"
    description = "供起草、审签用的 Word 文件（GB/T 9704-2012 页面与文档网格，样式、表格可编辑）"

    def render(self, job: RenderJob) -> Rendered:
        import io
        from copy import deepcopy

        import docx

        from compiler import __version__
        from compiler.render.base import Rendered
        from compiler.render.docx.blocks import body_elements, ends_turned
        from compiler.render.docx.footer import footer_distance, set_footers
        from compiler.render.docx.package import (
            add_source,
            document_time,
            drop_template_leftovers,
            normalise_zip,
            set_app_properties,
            set_core_properties,
        )
        from compiler.render.docx.page import copy_sections, geometry, set_up_page, turn_section
        from compiler.render.docx.styles import StyleMap

        document = docx.Document()
        body = document.element.body
        sect_pr = body.sectPr
        for child in list(body):
            if child is not sect_pr:
                body.remove(child)
        geo = geometry(job.sheet)
        styles = StyleMap(job.sheet, geo)
        set_up_page(document, geo)
        # a table the PDF turns goes in a landscape section; its breaks carry these properties until the page's
        # are final (footers set), then copies of those (the same odd and even footers, the numbers going on)
        landscape = turn_section(deepcopy(sect_pr), geo)
        notes: list[Problem] = []
        elements = body_elements(job.blocks, styles, geo, (sect_pr, landscape), notes)
        turned_last = ends_turned(elements)
        for element in elements:
            sect_pr.addprevious(element)
        set_footers(document, job.sheet, geo, styles)
        footer = footer_distance(job.sheet, styles, geo.right)
        copy_sections(body, sect_pr, geo, footer)
        if turned_last:
            turn_section(sect_pr, geo, footer)
        styles.install(document)
        drop_template_leftovers(document)
        when = document_time(job.info)
        set_core_properties(document, job.info, when, f"gongkai {__version__}")
        set_app_properties(document, f"gongkai {__version__}", job.info.author)
        add_source(document, job.report.path.name, job.report.source.raw)
        buffer = io.BytesIO()
        document.save(buffer)
        problems: list[Problem] = list(notes)
        if job.attachments.bound:
            problems.append(
                warning(
                    "docx.attachments-not-bound",
                    "Word 文件只含正文和附件说明，附件文件本身未并入（PDF 中已合订）",
                )
            )
        return Rendered(normalise_zip(buffer.getvalue(), when), None, problems)
