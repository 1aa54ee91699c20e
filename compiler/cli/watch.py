"""``gongkai watch REPORT.toml``: build, then rebuild whenever the report or a file it uses changes.

What is watched: the report, its style sheet(s) (with their parents), its local plugin files, its
attachments and last year's report — re-read after every build, so a newly added attachment is watched from
the next save on.  The watching is polling with :func:`os.stat` (modification time, size, inode) every
``interval`` seconds (0.2 by default), not a notification library:

* it needs no new dependency and behaves the same on Linux, Windows and macOS, on network shares (SMB/NFS
  folders are common in county offices, and inotify does not see changes made by another machine) and with
  editors that save by writing a new file and renaming it over the old one (the inode changes);
* a report uses a handful of files, so a poll is a few ``stat`` calls — about 20 µs — far below the time
  of a rebuild; a notification library would gain nothing measurable here.

Everything stays warm in one process: the plugins, the imported pipeline and the parsed fonts are loaded
once, so a rebuild costs only the report's own work.  A build that fails writes nothing (the pipeline writes
atomically and only after every output was made), so the last good PDF stays where it was; the problems are
printed when they change, with the ones that went away and the ones that are new.
"""

from __future__ import annotations

import gc
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from compiler.cli.messages import msg

Signature = tuple[int, int, int] | None


def _signature(path: Path) -> Signature:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def watched_files(report: Path, style: str | None = None) -> list[Path]:
    """The report and every file its build reads: style sheets, local plugins, attachments, last year's report.

    Never raises: a report that cannot be read is watched on its own (fixing it is the change to wait for)."""
    files = [report]
    try:
        from compiler.render.style import load_style
        from compiler.source.tomlsource import load

        data = load(report).data
        base = report.parent
        for key in ("plugins",):
            files += [base / name for name in data.get(key) or [] if isinstance(name, str)]
        files += [
            base / a["file"]
            for a in data.get("attachments") or []
            if isinstance(a, dict) and isinstance(a.get("file"), str)
        ]
        if isinstance(data.get("previous"), str):
            files.append(base / data["previous"])
        spec = style or data.get("style")
        try:
            files += [Path(s) for s in load_style(spec, base_dir=base).sources]
        except Exception:  # a broken style is reported by the build; its file is still worth watching
            if isinstance(spec, str) and (base / spec).suffix == ".toml":
                files.append(base / spec)
    except Exception:
        pass
    return list(dict.fromkeys(Path(os.path.abspath(f)) for f in files))


def _clock() -> str:
    return time.strftime("%H:%M:%S")


class Watcher:
    """One report, built again on every change.  :meth:`step` is one poll (tests drive it directly)."""

    def __init__(
        self,
        report: Path,
        *,
        output: Path | None = None,
        to: Sequence[str] | None = None,
        style: str | None = None,
        font_dirs: Sequence[Path] = (),
        out: TextIO | None = None,
        err: TextIO | None = None,
    ):
        self.report, self.output, self.to, self.style, self.font_dirs = report, output, to, style, font_dirs
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.files: dict[Path, Signature] = {}
        self.shown: list[str] = []  # the problem lines printed last time
        self.builds = 0

    def _snapshot(self, before: dict[Path, Signature] | None = None) -> None:
        """What to watch from now on.  Files already watched keep the signature they had *before* the build
        (``before``), so a save that lands while a build runs is seen by the next poll."""
        before = before or {}
        self.files = {
            path: before[path] if path in before else _signature(path)
            for path in watched_files(self.report, self.style)
        }

    def changed(self) -> list[Path]:
        return [path for path, sig in self.files.items() if _signature(path) != sig]

    def build(self) -> bool:
        """Build once; print the outcome and the problems that changed.  True when an output was written."""
        from compiler.build import BuildFailed, build
        from compiler.cli.batch import problem_summary
        from compiler.model.problems import ReportError, UsageError

        before = {path: _signature(path) for path in self.files}
        self.builds += 1
        ok = False
        try:
            result = build(self.report, self.output, to=self.to, style=self.style, font_dirs=self.font_dirs)
        except BuildFailed as exc:  # problems stop it: nothing was written, the last good output stays
            self._show(exc.problems)
            print(msg("watch.failed", clock=_clock(), summary=problem_summary(exc.problems)), file=self.err, flush=True)
        except ReportError as exc:  # unreadable (a TOML slip mid-edit): say why; the other problems are unknown
            for problem in exc.problems:
                print(problem.format(), file=self.err)
            print(msg("watch.failed", clock=_clock(), summary=msg("watch.unreadable")), file=self.err, flush=True)
        except UsageError as exc:
            print(msg("watch.failed", clock=_clock(), summary=exc), file=self.err, flush=True)
        except Exception as exc:  # a bug must not end the watch: the next save tries again
            if os.environ.get("GONGKAI_DEBUG"):
                traceback.print_exc()
            detail = msg("watch.internal", detail=f"{type(exc).__name__}: {exc}")
            print(msg("watch.failed", clock=_clock(), summary=detail), file=self.err, flush=True)
        else:
            ok = True
            self._show(result.problems)
            outputs = "  ".join(str(p) for p in (result.outputs or {"": result.output}).values())
            key = "watch.built" if result.pages else "watch.built-web"  # a web page alone has no pages
            print(
                msg(key, clock=_clock(), outputs=outputs, pages=result.pages, seconds=result.seconds),
                file=self.out,
                flush=True,
            )
        self._snapshot(before)
        return ok

    def _show(self, problems: Sequence[object]) -> None:
        """Print the problems when they differ from last time: the new ones, and how many went away."""
        lines = [p.format() for p in problems]  # type: ignore[attr-defined]
        if lines == self.shown:
            if lines:
                from compiler.cli.batch import problem_summary

                print(msg("watch.same-problems", summary=problem_summary(problems)), file=self.err, flush=True)
            return
        old = set(self.shown)
        gone = [line for line in self.shown if line not in set(lines)]
        for line in lines:
            mark = "" if self.builds == 1 else "  " if line in old else "+ "
            print(mark + line, file=self.err)
        if gone:
            print(msg("watch.fixed", count=len(gone)), file=self.err)
        self.err.flush()
        self.shown = lines

    def step(self) -> bool:
        """Poll once; rebuild if anything changed.  True when a rebuild happened."""
        changed = self.changed()
        if not changed:
            return False
        time.sleep(0.05)  # let an editor finish writing (several writes, or write-then-rename)
        names = "、".join(p.name for p in changed)
        print(msg("watch.changed", clock=_clock(), names=names), file=self.err, flush=True)
        self.build()
        return True

    def run(self, interval: float = 0.2, until: Callable[[], bool] = lambda: False) -> None:
        print(msg("watch.start", path=self.report), file=self.err, flush=True)
        self._snapshot()
        others = [path.name for path in self.files if path != Path(os.path.abspath(self.report))]
        if others:
            print(msg("watch.files", names="、".join(others)), file=self.err, flush=True)
        self.build()
        while not until():
            time.sleep(interval)
            self.step()


def warm(style: str | None, font_dirs: Sequence[Path]) -> None:
    """Load once what every build needs: plugins, the whole pipeline, the style's fonts."""
    from compiler.cli.batch import BuildOptions, warm_up

    warm_up(BuildOptions(style=style, font_dirs=tuple(str(d) for d in font_dirs)))
    gc.enable()  # the gongkai command starts with the collector off (compiler.cli.run); a watch lasts hours
