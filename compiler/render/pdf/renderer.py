"""The PDF renderer: blocks → GB/T 9704 pages (``typeset``) → the finished file (``finish``).

Implements :class:`compiler.render.base.Renderer`.  Everything heavy (ReportLab, the fonts, pypdf) is imported
inside :meth:`PdfRenderer.render`, so registering the renderer costs nothing for ``gongkai check``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from compiler.model.problems import ReportError, error

if TYPE_CHECKING:
    from collections.abc import Sequence

    from compiler.model.document import Block
    from compiler.model.problems import Problem
    from compiler.render.base import Rendered, RenderJob


class PdfRenderer:
    key = "pdf"
    suffix = ".pdf"
    description = "可直接付印的 PDF（GB/T 9704-2012 版式，字体嵌入，附件合订）"

    def render(self, job: RenderJob) -> Rendered:
        from reportlab.platypus.doctemplate import LayoutError

        from compiler.render.base import Rendered
        from compiler.render.pdf.finish.assemble import plan_finish
        from compiler.render.pdf.finish.tounicode import fix_tounicode, needs_fix
        from compiler.render.pdf.typeset.render import render_pdf

        plan = plan_finish(
            job.report, job.info, sheet=job.sheet, attachments=job.attachments, problems=job.problems, blocks=job.blocks
        )
        blocks = plan.report_blocks(job.blocks)  # the 版记 goes after merged attachments
        try:
            rendered = render_pdf(blocks, job.sheet, job.info, font_dirs=job.font_dirs, on_save=plan.on_save)
        except LayoutError as exc:  # something taller than a page (a table row with a 2,000-character cell)
            raise ReportError(layout_problem(exc, job.blocks)) from None
        if needs_fix(job.report.data):  # 𠮷 and other characters beyond U+FFFF: make them extract as themselves
            rendered.pdf = fix_tounicode(rendered.pdf)
        finished = plan.complete(rendered)
        return Rendered(finished.pdf, finished.pages, [*rendered.problems, *plan.notes()])


def layout_problem(exc: Exception, blocks: Sequence[Block]) -> Problem:
    """ReportLab's "Flowable too large" as an error, located at the table ReportLab names (if it names one)."""
    message = str(exc)
    culprit = next((b for b in blocks if getattr(b, "name", "") and repr(b.name) in message), None)
    return error(
        "layout.too-large",
        "有内容比一页还高，无法分页排版（如表格中文字过长的单元格）；请缩短这部分文字或拆成几行",
        culprit.source if culprit else None,
        details={"reportlab": message},
    )
