"""Building many reports at once: ``gongkai build a.toml b.toml dept/`` with ``-j N`` worker processes.

A county office compiles its own report and those of 50–170 departments every January, so a batch must be
fast and must never let one broken report stop the others:

* every input is built in isolation; a failure (problems, unreadable file, even a bug) becomes an
  :class:`Outcome` and the batch goes on;
* workers are warmed once (plugins loaded, pipeline imported, shipped fonts parsed — ReportLab parses a CJK
  font in pure Python) and then reused for many reports.  On Linux the pool forks from a warmed parent, so
  the parsed fonts are shared copy-on-write instead of parsed once per worker;
* the output bytes do not depend on the process that built them: ``-j 4`` writes the same PDFs as ``-j 1``.

Exit status (see :func:`batch_status`): a single report keeps the codes of ``gongkai build`` (1 problems,
2 unreadable, 3 internal error); a batch exits 0 when every report was built, 2 when none could even be read,
else 1 — and prints a summary of the failures at the end.
"""

from __future__ import annotations

import gc
import os
import sys
import textwrap
import time
import tomllib
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from compiler.cli.messages import msg, usage_text

OK, PROBLEMS, UNREADABLE, INTERNAL = 0, 1, 2, 3
WARNING, ERROR = 1, 2  # compiler.model.problems.Severity, as plain numbers (outcomes cross processes)


@dataclass(frozen=True)
class BuildOptions:
    """What ``gongkai build`` was told, shared by every report of a batch (picklable for workers)."""

    output: str | None = None
    to: tuple[str, ...] | None = None
    style: str | None = None
    strict: bool = False
    font_dirs: tuple[str, ...] = ()
    skip_bad_attachments: bool = False
    follow_symlinks: bool = False
    protect: tuple[str, ...] = ()  # every input of every report of the batch: no output may replace one


@dataclass
class Outcome:
    """What became of one report.  Problems travel as formatted lines: they are printed, never re-examined."""

    index: int
    path: str
    status: int
    output: str | None = None
    pages: int = 0
    seconds: float = 0.0
    problem_lines: list[str] = field(default_factory=list)
    severities: list[int] = field(default_factory=list)  # of problem_lines, one each (2 error, 1 warning)
    reason: str = ""  # printed after the report's problems when it failed
    detail: str = ""  # the first problem, repeated in the summary at the end

    @property
    def ok(self) -> bool:
        return self.status == OK

    def problems(self) -> list[tuple[str, int]]:
        """(line, severity) pairs; a line without a known severity (a traceback) counts as an error."""
        return [
            (line, self.severities[i] if i < len(self.severities) else ERROR)
            for i, line in enumerate(self.problem_lines)
        ]

    def count(self, severity: int) -> int:
        return sum(sev == severity for _, sev in self.problems())


# ---------------------------------------------------------------------------------------------- inputs


def declares_format(path: Path) -> bool:
    """Whether a TOML file found in a folder is a report (has a top-level ``format``).

    Files that are not valid TOML count as reports: a broken report must be reported, not skipped."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return True
    return "format" in data


def expand_inputs(names: Iterable[str]) -> tuple[list[Path], list[Path]]:
    """Files named on the command line, with folders replaced by the reports found in them.

    A folder contributes every ``*.toml`` below it (sorted, hidden folders left out) that declares a
    ``format``; other TOML files (``pyproject.toml``, style sheets) are returned as skipped.  Files named
    explicitly are always built, so a typo gives an error instead of silence."""
    found: list[Path] = []
    skipped: list[Path] = []
    for name in names:
        path = Path(name)
        if not path.is_dir():
            found.append(path)
            continue
        for candidate in sorted(path.rglob("*.toml")):
            if any(part.startswith(".") for part in candidate.relative_to(path).parts[:-1]):
                continue
            (found if declares_format(candidate) else skipped).append(candidate)
    return found, skipped


def default_jobs() -> int:
    """The CPUs this process may run on (not the machine's count, which is wrong in containers)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


# ---------------------------------------------------------------------------------------------- one report


def warm_up(options: BuildOptions) -> None:
    """Do once per process what every build would otherwise start with: load the plugins, import the whole
    pipeline and parse the fonts of the style sheet.  Idempotent (everything is cached per process)."""
    from compiler import build as _build  # noqa: F401  (imported for its side effect: the pipeline's imports)
    from compiler.host.manager import default_host
    from compiler.render.pdf.finish import assemble as _assemble  # noqa: F401
    from compiler.render.pdf.typeset import render as _render  # noqa: F401
    from compiler.render.pdf.typeset.fonts import FontRegistry
    from compiler.render.style import load_style

    default_host().load_everything()  # every format family: a batch may mix formats, workers share them
    try:
        sheet = load_style(options.style, base_dir=Path.cwd())
        FontRegistry(sheet.fonts_config, [*sheet.font_dirs, *map(Path, options.font_dirs)]).preload()
    except Exception:  # a style that cannot be loaded is reported by each build, with its source
        pass
    # what was loaded lives as long as the process: keep the collector from walking it (and, in forked
    # workers, from touching — and so copying — the parent's pages), as the gc documentation advises
    gc.freeze()
    gc.enable()  # a worker builds many reports: collect between them (the command may have started with it off)


def build_one(index: int, path: str, options: BuildOptions) -> Outcome:
    """Build one report and describe the result; never raises (a worker must survive any report)."""
    from compiler.build import BuildFailed, build
    from compiler.model.problems import ReportError, Severity, UsageError

    started = time.perf_counter()
    try:
        result = build(
            Path(path),
            Path(options.output) if options.output else None,
            to=options.to,
            style=options.style,
            strict=options.strict,
            font_dirs=[Path(d) for d in options.font_dirs],
            skip_bad_attachments=options.skip_bad_attachments,
            protect=[Path(p) for p in options.protect],
            follow_symlinks=options.follow_symlinks,
        )
    except BuildFailed as exc:
        first = next((p for p in exc.problems if p.severity >= Severity.ERROR), None)
        return Outcome(
            index,
            path,
            PROBLEMS,
            problem_lines=[p.format() for p in exc.problems],
            severities=[int(p.severity) for p in exc.problems],
            reason=f"未生成输出文件（{problem_summary(exc.problems)}）",
            detail=first.format() if first else "",
            seconds=time.perf_counter() - started,
        )
    except ReportError as exc:
        lines = [p.format() for p in exc.problems]
        return Outcome(
            index,
            path,
            UNREADABLE,
            problem_lines=lines,
            severities=[int(p.severity) for p in exc.problems],
            reason="未生成输出文件",
            detail=exc.problems[0].format() if exc.problems else "",
            seconds=time.perf_counter() - started,
        )
    except UsageError as exc:
        return Outcome(index, path, UNREADABLE, reason=str(exc), seconds=time.perf_counter() - started)
    except Exception as exc:  # a bug: reported for this report only, the batch goes on
        detail = traceback.format_exc() if os.environ.get("GONGKAI_DEBUG") else ""
        lines = [detail.rstrip()] if detail else []
        return Outcome(
            index,
            path,
            INTERNAL,
            problem_lines=lines,
            reason=f"内部错误（{type(exc).__name__}: {exc}）；设置 GONGKAI_DEBUG=1 可看到详细信息",
            seconds=time.perf_counter() - started,
        )
    return Outcome(
        index,
        path,
        OK,
        "  ".join(str(out) for out in (result.outputs or {"": result.output}).values()),
        result.pages,
        result.seconds,
        [p.format() for p in result.problems],
        [int(p.severity) for p in result.problems],
    )


def problem_summary(problems: Sequence[object]) -> str:
    from compiler.model.problems import Severity

    errors = sum(getattr(p, "severity", 0) >= Severity.ERROR for p in problems)
    warnings = sum(getattr(p, "severity", 0) == Severity.WARNING for p in problems)
    return f"{errors} 个错误，{warnings} 个警告"


# ---------------------------------------------------------------------------------------------- running


def _pool_context() -> object:
    """Fork where it exists (workers inherit the warmed parent), the platform default elsewhere."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else None)


def run_builds(paths: Sequence[Path], options: BuildOptions, jobs: int) -> Iterator[Outcome]:
    """Build every report, yielding outcomes as they finish (in completion order with ``jobs > 1``)."""
    work = [(i, str(p)) for i, p in enumerate(paths)]
    if len(work) > 1:  # several reports in this process (or its workers): collect between them
        gc.enable()  # (the gongkai command starts with the collector off: compiler.cli.run)
    if jobs <= 1 or len(work) <= 1:
        for i, p in work:
            yield build_one(i, p, options)
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed

    context = _pool_context()
    if getattr(context, "get_start_method", lambda: "")() == "fork":
        warm_up(options)  # once, in the parent: every forked worker starts warm
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(work)), mp_context=context, initializer=warm_up, initargs=(options,)
    ) as pool:
        futures = {pool.submit(build_one, i, p, options): (i, p) for i, p in work}
        for future in as_completed(futures):
            i, p = futures[future]
            try:
                yield future.result()
            except Exception as exc:  # the worker process itself died (killed, out of memory)
                yield Outcome(i, p, INTERNAL, reason=f"构建进程异常退出（{type(exc).__name__}: {exc}）")


def batch_status(outcomes: Sequence[Outcome]) -> int:
    """One report: its own status.  A batch: 0 all built, 2 none could even be read, otherwise 1."""
    if len(outcomes) == 1:
        return outcomes[0].status
    if all(o.ok for o in outcomes):
        return OK
    if all(o.status == UNREADABLE for o in outcomes):
        return UNREADABLE
    return PROBLEMS


# ---------------------------------------------------------------------------------------------- reporting


class Progress:
    """A one-line progress bar redrawn with ``\\r`` on a terminal; nothing at all otherwise (the per-report
    lines are the progress then).  Anything else printed goes through :meth:`echo` so the bar never
    garbles it."""

    def __init__(self, total: int, stream: TextIO, enabled: bool):
        self.total, self.stream, self.enabled = total, stream, enabled
        self.done = self.failed = 0
        self.started = time.perf_counter()
        self._drawn = False

    def clear(self) -> None:
        if self._drawn:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()
            self._drawn = False

    def echo(self, text: str, stream: TextIO) -> None:
        self.clear()
        print(text, file=stream, flush=True)
        self.draw()

    def advance(self, outcome: Outcome) -> None:
        self.done += 1
        self.failed += not outcome.ok
        self.draw()

    def draw(self) -> None:
        if not self.enabled or self.total <= 1:
            return
        width = 30
        filled = width * self.done // self.total
        elapsed = time.perf_counter() - self.started
        rate = self.done / elapsed if elapsed > 0 else 0.0
        failed = msg("batch.progress-failed", count=self.failed) if self.failed else ""
        counts = msg("batch.progress", done=self.done, total=self.total, rate=rate)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {counts}{failed}")
        self.stream.flush()
        self._drawn = True


def build_many(
    names: Sequence[str],
    options: BuildOptions,
    jobs: int | None = None,
    *,
    out: TextIO | None = None,
    err: TextIO | None = None,
    tty: bool | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    quiet: bool = False,
) -> int:
    """``gongkai build``: expand the inputs, build them (in parallel when ``jobs > 1``), print each result
    as it finishes and a summary of the failures at the end; return the exit status.

    ``quiet``: a report's warnings are counted, not listed (its errors are always listed)."""
    from compiler.model.problems import UsageError

    out = out or sys.stdout
    err = err or sys.stderr
    if jobs is not None and jobs < 1:
        raise UsageError("-j " + msg("jobs.invalid", value=jobs))
    paths, skipped = expand_inputs(names)
    if options.output and len(paths) > 1:
        raise UsageError(msg("batch.one-output"))
    for path in skipped:
        print(msg("batch.skipped", path=path), file=err)
    if not paths:
        raise UsageError(msg("batch.none-found"))
    if options.output:  # -o and --to must agree before anything is built (the same rule as build's)
        from compiler.build import plan_outputs
        from compiler.host.manager import default_host

        plan_outputs(default_host(), paths[0], Path(options.output), options.to)
    jobs = default_jobs() if jobs is None else jobs
    batch = len(paths) > 1
    if len(paths) > 1:  # one report's output must not replace another's attachment, plugin or previous report
        from dataclasses import replace

        from compiler.build import declared_inputs

        protect = dict.fromkeys(str(p) for path in paths for p in declared_inputs(path))
        options = replace(options, protect=(*options.protect, *protect))
    progress = Progress(len(paths), err, err.isatty() if tty is None else tty)
    started = time.perf_counter()
    outcomes: list[Outcome] = []
    for outcome in run_builds(paths, options, jobs):
        outcomes.append(outcome)
        warnings = outcome.count(WARNING)
        shown = [line for line, sev in outcome.problems() if not quiet or sev != WARNING]
        if batch and outcome.problem_lines:  # one heading per report, its problems indented below it
            counts = msg("batch.counts", path=outcome.path, errors=outcome.count(ERROR), warnings=warnings)
            progress.echo(counts + (msg("batch.quiet") if quiet and warnings else ""), err)
            for line in shown:
                progress.echo(textwrap.indent(line, "    "), err)
        else:
            for line in shown:
                progress.echo(line, err)
            if quiet and warnings:
                progress.echo(msg("batch.quiet-one", path=outcome.path, warnings=warnings), err)
        if outcome.ok:
            key = "build.done" if outcome.pages else "build.done-web"  # a web page has no pages
            progress.echo(msg(key, output=outcome.output, pages=outcome.pages, seconds=outcome.seconds), out)
        else:
            progress.echo(f"{outcome.path}: {usage_text(outcome.reason)}", err)
        progress.advance(outcome)
        if on_outcome:
            on_outcome(outcome)
    progress.clear()
    if batch:
        _summary(sorted(outcomes, key=lambda o: o.index), time.perf_counter() - started, out, err)
    return batch_status(outcomes)


def _summary(outcomes: Sequence[Outcome], seconds: float, out: TextIO, err: TextIO) -> None:
    built = sum(o.ok for o in outcomes)
    failed = [o for o in outcomes if not o.ok]
    rate = len(outcomes) / seconds if seconds > 0 else 0.0
    print(file=out)
    print(summary_table(outcomes), file=out)
    print(msg("batch.built", built=built, total=len(outcomes), seconds=seconds, rate=rate), file=out)
    if failed:
        print(msg("batch.failed", count=len(failed)), file=err)
        for o in failed:
            print(f"  {o.path}: {usage_text(o.reason)}", file=err)
            if o.detail:
                print(f"      {o.detail.splitlines()[0]}", file=err)  # the first line; the whole was shown above


def summary_table(outcomes: Sequence[Outcome]) -> str:
    """One row per report, in the order given: result, pages, errors, warnings, seconds, file.

    The file comes last so that Chinese names (two columns wide in a terminal) never break the alignment."""
    rows = [tuple(msg("batch.table").split("|"))]
    status = dict(zip((OK, PROBLEMS, UNREADABLE, INTERNAL), msg("batch.status").split("|"), strict=True))
    for o in outcomes:
        rows.append(
            (
                status.get(o.status, "?"),
                str(o.pages) if o.ok else "—",
                str(o.count(ERROR)),
                str(o.count(WARNING)),
                f"{o.seconds:.2f}",
                o.path,
            )
        )

    def cell(text: str, width: int) -> str:
        shown = sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)
        return text + " " * max(0, width - shown)

    widths = [max(sum(2 if ord(ch) > 0x2E7F else 1 for ch in row[i]) for row in rows) for i in range(5)]
    return "\n".join("  ".join(cell(row[i], widths[i]) for i in range(5)) + "  " + row[5] for row in rows)
