"""Building many reports at once: ``gongkai build a.toml b.toml dept/`` with ``-j N`` worker processes.

A county office compiles its own report and those of 50–170 departments every January, so a batch must be
fast and must never let one broken report stop the others:

* every input is built in isolation; a failure (problems, unreadable file, even a bug) becomes an
  :class:`Outcome` and the batch goes on;
* workers are warmed once (plugins loaded, pipeline imported, shipped fonts parsed — ReportLab parses a CJK
  font in pure Python) and then reused for many reports.  On Linux the pool forks from a warmed parent, so
  the parsed fonts are shared copy-on-write instead of parsed once per worker;
* the output bytes do not depend on the process that built them: ``-j 4`` writes the same PDFs as ``-j 1``.

Faults (see :func:`run_builds`): workers ignore Ctrl-C and the parent decides — the first stops the batch
within a second or two and lists what was built and what was not (exit 130), a second one ends at once; a
worker that dies (killed, out of memory) fails only the report it was building, named with the signal, and
a fresh worker takes its place; running out of file descriptors is a message, not a hang.

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
INTERRUPTED = 130
#: More workers than this is a typo (``-j 1000``), not a machine.
MAX_JOBS = 256


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
    except OSError as exc:  # a full disk, too many open files, a folder that cannot be read …
        from compiler.files.output import os_error_message

        reason = os_error_message(exc, exc.filename, "读写")
        return Outcome(index, path, UNREADABLE, reason=reason, seconds=time.perf_counter() - started)
    except MemoryError:
        reason = "内存不足，未生成输出文件；请关闭其他程序或减小 -j 的值后重试"
        return Outcome(index, path, UNREADABLE, reason=reason, seconds=time.perf_counter() - started)
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


def _worker_main(conn: object, options: BuildOptions, warm: bool) -> None:
    """A worker: build the reports the parent sends, one at a time, until told to stop (``None``)."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the parent decides
    if warm:
        warm_up(options)
    while True:
        try:
            task = conn.recv()  # type: ignore[attr-defined]
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        conn.send(build_one(index, path, options))  # type: ignore[attr-defined]


class _Worker:
    def __init__(self, context: object, options: BuildOptions, warm: bool):
        parent, child = context.Pipe()  # type: ignore[attr-defined]
        try:
            self.process = context.Process(  # type: ignore[attr-defined]
                target=_worker_main, args=(child, options, warm), daemon=True
            )
            self.process.start()
        except BaseException:
            parent.close()
            child.close()
            raise
        child.close()
        self.conn = parent
        self.task: tuple[int, str] | None = None

    def give(self, task: tuple[int, str]) -> None:
        self.task = task
        self.conn.send(task)

    def stop(self) -> None:
        import contextlib

        with contextlib.suppress(OSError, ValueError):
            self.conn.close()
        if self.process.is_alive():
            self.process.terminate()  # SIGTERM: a temporary file being written is removed (files.output)


def _died(worker: _Worker) -> Outcome:
    import signal

    assert worker.task is not None
    index, path = worker.task
    worker.process.join(1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"信号 {-code}"
        how = f"被 {name} 终止" + ("（可能是内存不足）" if name == "SIGKILL" else "")
    else:
        how = f"异常退出（退出码 {code}）"
    return Outcome(
        index, path, INTERNAL, reason=f"构建这份报告的工作进程{how}，未生成输出文件；其余报告由新的工作进程继续构建"
    )


def _no_worker(exc: OSError) -> Exception:
    from compiler.files.output import os_error_message
    from compiler.model.problems import UsageError

    return UsageError(os_error_message(exc, None, "启动工作进程"))


def run_builds(paths: Sequence[Path], options: BuildOptions, jobs: int) -> Iterator[Outcome]:
    """Build every report, yielding outcomes as they finish (in completion order with ``jobs > 1``).

    With ``jobs > 1`` the reports go to worker processes one at a time over a pipe each, so the parent always
    knows which report a worker was building: when one dies, that report fails (named, with the signal) and a
    fresh worker takes the next one.  On Ctrl-C (``KeyboardInterrupt`` in the parent) every worker is
    terminated within a second or two and the interrupt goes on to the caller; a second Ctrl-C while that
    happens ends the process at once."""
    work = [(i, str(p)) for i, p in enumerate(paths)]
    if len(work) > 1:  # several reports in this process (or its workers): collect between them
        gc.enable()  # (the gongkai command starts with the collector off: compiler.cli.run)
    if jobs <= 1 or len(work) <= 1:
        for i, p in work:
            yield build_one(i, p, options)
        return
    from collections import deque
    from multiprocessing.connection import wait

    context = _pool_context()
    fork = getattr(context, "get_start_method", lambda: "")() == "fork"
    if fork:
        warm_up(options)  # once, in the parent: every forked worker starts warm
    pending = deque(work)
    workers: list[_Worker] = []
    size = min(jobs, len(work))
    try:
        while pending or any(w.task for w in workers):
            while pending and len(workers) < size:
                try:
                    workers.append(_Worker(context, options, warm=not fork))
                except OSError as exc:  # EMFILE, EAGAIN: go on with the workers there are, if any
                    if not workers:
                        raise _no_worker(exc) from None
                    size = len(workers)
            for worker in workers:
                if worker.task is None and pending:
                    task = pending.popleft()
                    try:
                        worker.give(task)
                    except OSError:
                        worker.task = task  # its death is noticed below and reported for this report
            busy = [w for w in workers if w.task is not None]
            ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy], timeout=1.0)
            for worker in busy:
                if worker.conn in ready:
                    try:
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        outcome = None
                    if isinstance(outcome, Outcome):
                        worker.task = None
                        yield outcome
                        continue
                if worker.conn in ready or worker.process.sentinel in ready:
                    yield _died(worker)
                    worker.stop()
                    workers.remove(worker)
    except KeyboardInterrupt:
        _second_interrupt_ends_at_once()
        raise
    finally:
        for worker in workers:
            worker.stop()
        deadline = time.monotonic() + 1.0
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join(0.5)


def _second_interrupt_ends_at_once() -> None:
    import signal

    def now(signum: int, _frame: object) -> None:
        os._exit(INTERRUPTED)

    signal.signal(signal.SIGINT, now)


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
    if jobs is not None and jobs > MAX_JOBS:
        raise UsageError(f"-j 应在 1 到 {MAX_JOBS} 之间（工作进程数），实为 {jobs}")
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
    builds = run_builds(paths, options, jobs)
    try:
        for outcome in builds:
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
    except KeyboardInterrupt:
        _second_interrupt_ends_at_once()
        builds.close()  # the workers are stopped (and their temporary files removed) before the summary
        progress.clear()
        _interrupted(paths, outcomes, err)
        return INTERRUPTED
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


def _interrupted(paths: Sequence[Path], outcomes: Sequence[Outcome], err: TextIO) -> None:
    """After Ctrl-C: what was built, and what was not (nothing half-written is left: files.output)."""
    done = {o.index for o in outcomes}
    built = [o for o in sorted(outcomes, key=lambda o: o.index) if o.ok]
    failed = [o for o in sorted(outcomes, key=lambda o: o.index) if not o.ok]
    missing = [str(p) for i, p in enumerate(paths) if i not in done]
    print(
        f"已中断（Ctrl-C）：已生成 {len(built)} 份，失败 {len(failed)} 份，未构建 {len(missing)} 份；"
        "未完成的输出文件没有留下",
        file=err,
    )
    for o in built:
        print(f"  已生成  {o.output}", file=err)
    for o in failed:
        print(f"  未生成  {o.path}: {o.reason}", file=err)
    for p in missing:
        print(f"  未构建  {p}", file=err)
