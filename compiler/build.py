"""The pipeline of ``gongkai build`` and ``gongkai check``, step by step; each step lives in its own module.

::

    load_report (model)  →  run_checks (model + plugins)  →  load_attachments (files)
    →  report_blocks (section plugins, asked once)  →  load_style (render.style)
    →  Renderer.render for each output (render/pdf, …)  →  write_atomic (files.output)

Problems from every step are merged by :func:`compiler.model.problems.unique` — the one place where a
problem found twice (by a section's check and by the attachment loader, say) becomes one.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from compiler.host.manager import PluginError, PluginHost
from compiler.model.document import Block, run_in, without_heading
from compiler.model.problems import Problem, ReportError, Severity, UsageError, unique
from compiler.model.report import Report, load_previous, load_report, run_checks

DEFAULT_OUTPUTS = ("pdf",)


@dataclass
class BuildResult:
    output: Path  # the first output (the only one unless several were asked for)
    pages: int
    seconds: float
    problems: list[Problem] = field(default_factory=list)
    outputs: dict[str, Path] = field(default_factory=dict)  # renderer key → file written


class BuildFailed(ReportError):
    """The report has problems that stop the build (errors, or warnings under ``--strict``)."""


@dataclass
class Checked:
    """A report loaded and checked, with its blocks (``None`` when errors stopped before the sections ran)."""

    report: Report
    problems: list[Problem]
    blocks: list[Block] | None


def load_and_check(
    path: Path, host: PluginHost | None = None, *, previous: Path | None = None, text: str | None = None
) -> Checked:
    """Load a report, run every check, and build its blocks once (cheap, no typesetting) so that problems
    only found while producing text — an invalid ``{reference}`` — are reported by ``check`` too.

    ``previous`` replaces the report's own ``previous = "…"``; ``text`` is the TOML in memory (``path`` names it)."""
    report = load_report(path, host, text=text)
    if previous is not None:
        report.previous = load_previous(report, Path(previous))
    problems = run_checks(report)
    if not report.can_read():
        return Checked(report, problems, None)
    blocks, more = report_blocks(report)
    return Checked(report, unique([*problems, *more]), blocks)


def check_report(
    path: Path,
    host: PluginHost | None = None,
    *,
    previous: Path | None = None,
    glyphs: bool = False,
    style: str | None = None,
    font_dirs: Sequence[Path] = (),
    text: str | None = None,
) -> tuple[Report, list[Problem]]:
    """``gongkai check``: load and check a report; ``glyphs`` also checks that the style's fonts can draw every
    character (this loads the fonts, so ``build`` leaves it to the PDF renderer)."""
    checked = load_and_check(path, host, previous=previous, text=text)
    problems = checked.problems
    if glyphs and checked.blocks is not None:
        from compiler.render.pdf.typeset.fonts import check_coverage
        from compiler.render.style import load_style

        report = checked.report
        try:  # a problem of the style sheet is reported beside the content problems, never instead of them
            sheet = load_style(style or report.style, base_dir=report.base_dir, font_dirs=font_dirs)
            problems = unique([*problems, *check_coverage(checked.blocks, sheet, sheet.fonts)])
        except ReportError as exc:
            problems = unique([*problems, *exc.problems])
    return checked.report, problems


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
            raise ReportError(
                PluginError(instance.type.plugin, f"排版章节“{instance.key}”（应返回 Block 列表）").problem
            )
        if instance.type.numbered and instance.data.get("no_heading") is True:
            made = without_heading(made)
        elif instance.type.numbered and instance.data.get("heading_runin") is True:
            made = run_in(made)
        blocks += made
        problems += ctx.problems
    return blocks, problems


def blocking(problems: Sequence[Problem], strict: bool) -> list[Problem]:
    limit = Severity.WARNING if strict else Severity.ERROR
    return [p for p in problems if p.severity >= limit]


def default_output(path: Path, suffix: str = ".pdf") -> Path:
    return path.with_suffix(suffix)


def plan_outputs(host: PluginHost, source: Path, output: Path | None, to: Sequence[str] | None) -> dict[str, Path]:
    """Which renderers write which files.

    - no ``to``: the renderer whose suffix ``output`` has (``-o report.html``), else the PDF;
    - one output: ``-o`` must carry that renderer's suffix (``--to html -o x.pdf`` is a usage error);
    - several: ``-o`` names the file without its suffix (or with one of them), each renderer adds its own.
    """
    from compiler.files.output import refuse_inputs

    if output is not None:
        refuse_inputs(output, [source])
    host.collect()
    by_suffix = {r.suffix: key for key, r in host.renderers.items()}
    suffix = _known_suffix(output, by_suffix) if output is not None else None
    if not to:
        if output is not None and output.suffix:
            if suffix is None:
                known = "、".join(sorted(by_suffix))
                raise UsageError(f"输出文件“{output}”的扩展名不对应任何输出格式（可用：{known}）；或用 --to 指定格式")
            to = [by_suffix[suffix]]
        else:
            to = list(DEFAULT_OUTPUTS)
    keys = list(dict.fromkeys(to))
    renderers = [host.renderer(key) for key in keys]
    if output is None:
        return {r.key: default_output(source, r.suffix) for r in renderers}
    if len(renderers) == 1:
        r = renderers[0]
        if not output.name.lower().endswith(r.suffix):
            raise UsageError(f"输出文件“{output}”的扩展名应为 {r.suffix}（输出格式为 {r.key}）")
        return {r.key: output}
    stem = output.with_name(output.name[: -len(suffix)]) if suffix else output
    return {r.key: stem.with_name(stem.name + r.suffix) for r in renderers}


def _known_suffix(output: Path, by_suffix: dict[str, str]) -> str | None:
    """The longest renderer suffix ``output`` ends with (``.fragment.html`` before ``.html``), if any."""
    name = output.name.lower()
    return max((s for s in by_suffix if name.endswith(s) and len(name) > len(s)), key=len, default=None)


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
    to: Sequence[str] | None = None,
    style: str | None = None,
    strict: bool = False,
    host: PluginHost | None = None,
    font_dirs: Sequence[Path] = (),
    skip_bad_attachments: bool = False,
    protect: Sequence[Path] = (),
    follow_symlinks: bool = False,
) -> BuildResult:
    """Build one report into one file per renderer in ``to`` (default: the PDF).  Raises :class:`BuildFailed`
    (nothing written) when it must not be built.

    ``skip_bad_attachments``: leave out attachments that cannot be bound (listed as warnings) instead of failing.
    ``protect``: more files no output may replace (in a batch: every input of every report).
    ``follow_symlinks``: an output that is a symbolic link replaces the file it points to (else refused)."""
    from compiler.files.attachments import load_attachments
    from compiler.files.output import refuse_inputs, write_atomic
    from compiler.render.base import RenderJob
    from compiler.render.style import load_style

    started = time.perf_counter()
    path = Path(path)
    report = load_report(path, host)
    outputs = plan_outputs(report.host, path, Path(output) if output else None, to)
    early = [*report_inputs(report), *map(Path, protect)]
    for out in outputs.values():  # before any work: an output that would replace an input is refused now
        refuse_inputs(out, early)
    problems = run_checks(report)
    attachments = load_attachments(report)
    if skip_bad_attachments:  # they come back below as warnings naming what was left out
        bad = {(p.rule, p.message, str(p.source)) for p in attachments.problems}
        problems = [p for p in problems if (p.rule, p.message, str(p.source)) not in bad]
    else:
        problems = unique([*problems, *attachments.problems])
    problems = unique([*problems, *attachments.warnings])
    if report.errors or blocking(problems, strict):
        raise BuildFailed(problems)
    if attachments.skipped:
        problems += attachments.skipped_warnings()
        entries = report.values.get("attachments") or []
        report.values["attachments"] = [e for i, e in enumerate(entries) if i not in attachments.skipped]
    blocks, more = report_blocks(report)
    problems = unique([*problems, *more])
    if blocking(problems, strict):
        raise BuildFailed(problems)
    try:  # a style problem stops the build, but the content problems found so far are shown with it
        sheet = load_style(style or report.style, base_dir=report.base_dir)
    except ReportError as exc:
        raise ReportError([*problems, *exc.problems]) from None
    job = RenderJob(
        report=report,
        blocks=blocks,
        sheet=sheet,
        info=report.host.document_info(report),
        attachments=attachments,
        problems=problems,
        companions=dict(outputs),
        font_dirs=font_dirs,
    )
    made: dict[str, bytes] = {}
    pages: int | None = None
    for key, out in outputs.items():
        rendered = report.host.renderer(key).render(replace(job, output=out))
        problems = unique([*problems, *rendered.problems])  # a note both the PDF and the DOCX give, once
        made[key] = rendered.data
        if pages is None:
            pages = rendered.pages
    inputs = [*early, *sheet.sources]
    for out in outputs.values():
        refuse_inputs(out, inputs)
    for key, out in outputs.items():  # written only once every output was made: all or nothing per file
        write_atomic(out, made[key], inputs=inputs, follow_symlinks=follow_symlinks)
    first = next(iter(outputs.values()))
    return BuildResult(first, pages or 0, time.perf_counter() - started, problems, dict(outputs))


def attachment_paths(report: Report) -> list[Path]:
    return [
        report.base_dir / a["file"]
        for a in report.data.get("attachments") or []
        if isinstance(a, dict) and isinstance(a.get("file"), str)
    ]


def report_inputs(report: Report) -> list[Path]:
    """Every file a build of ``report`` reads: the report, its previous report (and that one's inputs), its
    local plugins, its style file (when a path) and its attachments."""
    found = [report.path, *attachment_paths(report), *_declared(report.path, report.data)]
    if report.previous is not None:
        found += [report.previous.path, *_declared(report.previous.path, report.previous.data)]
        found += attachment_paths(report.previous)
    return found


def _declared(path: Path, data: dict[str, object]) -> list[Path]:
    base = path.parent
    found: list[Path] = []
    plugins = data.get("plugins")
    if isinstance(plugins, list):
        found += [base / p for p in plugins if isinstance(p, str)]
    for key in ("previous", "style"):
        value = data.get(key)
        if isinstance(value, str) and (key == "previous" or "/" in value or value.endswith(".toml")):
            found.append(base / value)
    return found


def declared_inputs(path: Path) -> list[Path]:
    """What :func:`report_inputs` would find, from the file alone (cheap, never raises): for a batch to
    protect every report's inputs from every other report's outputs."""
    import tomllib

    found = [path]
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
        return found
    found += _declared(path, data)
    attachments = data.get("attachments")
    if isinstance(attachments, list):
        found += [
            path.parent / a["file"] for a in attachments if isinstance(a, dict) and isinstance(a.get("file"), str)
        ]
    previous = data.get("previous")
    if isinstance(previous, str):
        prev = path.parent / previous
        if prev.is_file() and prev != path:
            try:
                pdata = tomllib.loads(prev.read_text(encoding="utf-8-sig"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
                pdata = {}
            found += _declared(prev, pdata)
            pa = pdata.get("attachments")
            if isinstance(pa, list):
                found += [prev.parent / a["file"] for a in pa if isinstance(a, dict) and isinstance(a.get("file"), str)]
    return found
