"""The pipeline of ``gongkai build``: TOML → report → checks → blocks → pages → finished PDF file.

Each step lives in its own module; this one only sequences them::

    load_report (model)  →  run_checks (model + plugins)  →  report_blocks (section plugins)
    →  load_style (styles)  →  render_pdf (typeset)  →  plan_finish / complete (finish)  →  write_atomic (output)
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from compiler.host.manager import PluginHost
from compiler.model.document import Block
from compiler.model.problems import Problem, ReportError, Severity, error
from compiler.model.report import Report, load_previous, load_report, run_checks


@dataclass
class BuildResult:
    output: Path
    pages: int
    seconds: float
    problems: list[Problem] = field(default_factory=list)


class BuildFailed(ReportError):
    """The report has problems that stop the build (errors, or warnings under ``--strict``)."""


def check_report(
    path: Path,
    host: PluginHost | None = None,
    *,
    previous: Path | None = None,
    glyphs: bool = False,
    style: str | None = None,
    font_dirs: Sequence[Path] = (),
) -> tuple[Report, list[Problem]]:
    """Load and check a report.  Also builds its blocks (cheap, no typesetting) so that problems only
    found while producing text — an invalid ``{reference}`` — are reported by ``check`` too.

    ``previous`` replaces the report's own ``previous = "…"``; ``glyphs`` also checks that the style's fonts
    can draw every character (this loads the fonts, so ``build`` leaves it to the typesetter)."""
    report = load_report(path, host)
    if previous is not None:
        report.previous = load_previous(report, Path(previous))
    problems = run_checks(report)
    if report.errors:
        return report, problems
    known = {(p.rule, p.message, str(p.source)) for p in problems}
    blocks, more = report_blocks(report)
    problems += [p for p in more if (p.rule, p.message, str(p.source)) not in known]
    if glyphs:
        from compiler.render.pdf.typeset.fonts import check_coverage
        from compiler.render.style import load_style

        sheet = load_style(style or report.style, base_dir=report.base_dir, font_dirs=font_dirs)
        problems += check_coverage(blocks, sheet, sheet.fonts)
    return report, problems


def report_blocks(report: Report) -> tuple[list[Block], list[Problem]]:
    """Ask every section, in document order, for its blocks."""
    blocks: list[Block] = []
    problems: list[Problem] = []
    for instance in report.sections:
        build = instance.type.build
        if build is None:
            continue
        ctx = report.context(instance)
        made = report.host.call_section(instance.type, "排版", build, ctx) or []
        if not isinstance(made, list) or not all(isinstance(b, Block) for b in made):
            from compiler.host.manager import PluginError

            raise ReportError(
                PluginError(instance.type.plugin, f"排版章节“{instance.key}”（应返回 Block 列表）").problem
            )
        blocks += made
        problems += ctx.problems
    return blocks, problems


def blocking(problems: Sequence[Problem], strict: bool) -> list[Problem]:
    limit = Severity.WARNING if strict else Severity.ERROR
    return [p for p in problems if p.severity >= limit]


def default_output(path: Path) -> Path:
    return path.with_suffix(".pdf")


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the length of one build (used as ``@gc_paused()``).

    A build allocates a few hundred thousand containers (font tables, flowables, glyph runs) that reference
    counting frees without help; left on, the collector runs hundreds of times during a build and finds
    almost nothing: 25 ms of a 0.36 s cold build of the seed, 7 % of a warm one.  It is switched back on
    afterwards (if it was on), so a long-running process or a batch worker collects between reports."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@gc_paused()
def build(
    path: Path,
    output: Path | None = None,
    *,
    style: str | None = None,
    strict: bool = False,
    host: PluginHost | None = None,
    font_dirs: Sequence[Path] = (),
    skip_bad_attachments: bool = False,
) -> BuildResult:
    """Build one report into a PDF.  Raises :class:`BuildFailed` (nothing written) when it must not be built.

    ``skip_bad_attachments``: leave out attachments that cannot be bound (listed as warnings) instead of failing."""
    from reportlab.platypus.doctemplate import LayoutError

    from compiler.files.output import write_atomic
    from compiler.render.pdf.finish.assemble import plan_finish
    from compiler.render.pdf.finish.attachments import load_attachments
    from compiler.render.pdf.finish.tounicode import fix_tounicode, needs_fix
    from compiler.render.pdf.typeset.render import render_pdf
    from compiler.render.style import load_style

    started = time.perf_counter()
    path = Path(path)
    report, problems = check_report(path, host)
    attachments = load_attachments(report)  # the attachment-list plugin's check may have reported these already
    found = {(p.rule, p.message, str(p.source)) for p in attachments.problems}
    problems = [p for p in problems if (p.rule, p.message, str(p.source)) not in found]
    if not skip_bad_attachments:  # when skipping, they come back below as warnings naming what was left out
        problems += attachments.problems
    stop = blocking(problems, strict)
    if stop:
        raise BuildFailed(problems)
    if attachments.skipped:
        problems += attachments.skipped_warnings()
        entries = report.values.get("attachments") or []
        report.values["attachments"] = [e for i, e in enumerate(entries) if i not in attachments.skipped]
    blocks, _ = report_blocks(report)  # its problems were reported by check_report
    sheet = load_style(style or report.style, base_dir=report.base_dir)
    info = report.host.document_info(report)
    plan = plan_finish(report, info, sheet=sheet, attachments=attachments, problems=problems)
    try:
        rendered = render_pdf(blocks, sheet, info, font_dirs=font_dirs, on_save=plan.on_save)
    except LayoutError as exc:  # something taller than a page (a table row with a 2,000-character cell)
        raise ReportError(layout_problem(exc, blocks)) from None
    if needs_fix(report.data):  # 𠮷 and other characters beyond U+FFFF: make them extract as themselves
        rendered.pdf = fix_tounicode(rendered.pdf)
    problems += rendered.problems
    finished = plan.complete(rendered)
    out = Path(output) if output else default_output(path)
    write_atomic(out, finished.pdf, inputs=[path, *sheet.sources, *attachment_paths(report)])
    return BuildResult(out, finished.pages, time.perf_counter() - started, problems)


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


def attachment_paths(report: Report) -> list[Path]:
    return [
        report.base_dir / a["file"]
        for a in report.data.get("attachments") or []
        if isinstance(a, dict) and isinstance(a.get("file"), str)
    ]
