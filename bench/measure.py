"""Running a command in a fresh process and reading back what it cost.

``os.wait4`` returns the resource usage of exactly the process waited for (with the children it waited for
itself, e.g. the workers of a batch), so each figure belongs to one run: wall time from the clock, CPU time
(user + system), and the peak resident set of the largest single process.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.cases import ROOT

#: The interpreter of the measured processes (``--python``): by default this one; a clean virtual environment
#: with only gongkai's runtime dependencies measures what a user's install imports (no test extras such as
#: ``cryptography``, which pypdf imports whenever it is installed).
PYTHON = sys.executable


@dataclass
class Run:
    wall: float
    cpu: float
    peak_rss_mb: float
    returncode: int
    stdout: str


def child_env() -> dict[str, str]:
    """The environment of the measured processes: the user's, but with Python's bytecode cache allowed
    (an installed gongkai has its .pyc files; a cold run should not include compiling the sources)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


def run(argv: Sequence[str], cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Run ``argv`` to completion in a new process and measure it (``env``: variables to add)."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env={**child_env(), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert proc.stdout is not None
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in KiB on Linux, bytes on macOS
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / scale, proc.returncode, stdout)


def gongkai(*args: str, uncapped: bool = False) -> list[str]:
    """The ``gongkai`` command as a fresh process (``python -m compiler`` is the console script's body;
    ``uncapped``: with the 1 MiB input cap lifted, for the synthetic reports — see :mod:`bench.uncapped`)."""
    return [PYTHON, "-m", "bench.uncapped" if uncapped else "compiler", *args]


def cold(report: Path, output: Path, runs: int, *, uncapped: bool = False) -> dict[str, float]:
    """Median figures of ``runs`` fresh ``gongkai build`` processes (after one untimed run that fills the
    bytecode and font caches, as any run after the first finds them)."""
    argv = gongkai("build", str(report), "-o", str(output), uncapped=uncapped)
    first = run(argv)
    if first.returncode != 0:
        raise RuntimeError(f"gongkai build {report} failed with exit code {first.returncode}")
    measured = [run(argv) for _ in range(runs)]
    return {
        "wall_s": statistics.median(r.wall for r in measured),
        "wall_min_s": min(r.wall for r in measured),
        "cpu_s": statistics.median(r.cpu for r in measured),
        "peak_rss_mb": max(r.peak_rss_mb for r in measured),
        "runs": len(measured),
        "pdf_bytes": output.stat().st_size,
    }


def first_build(report: Path, output: Path, runs: int) -> dict[str, float]:
    """Median figures of ``runs`` fresh builds each with an empty user cache of its own: what the first
    build after installing costs (it parses the fonts, discovers the plugins and fills the cache)."""
    argv = gongkai("build", str(report), "-o", str(output))
    measured = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="gongkai-bench-cache-") as folder:
            measured.append(run(argv, env={"GONGKAI_CACHE_DIR": folder}))
    if any(r.returncode != 0 for r in measured):
        raise RuntimeError(f"gongkai build {report} failed with an empty cache")
    return {
        "wall_s": statistics.median(r.wall for r in measured),
        "cpu_s": statistics.median(r.cpu for r in measured),
        "peak_rss_mb": max(r.peak_rss_mb for r in measured),
        "runs": len(measured),
    }


def warm(report: Path, output: Path, runs: int, warm_up: Path) -> dict[str, float]:
    """Median wall time of ``runs`` in-process builds of ``report`` in a process that has already built
    ``warm_up`` once (plugins loaded, pipeline imported, fonts parsed)."""
    result = run([PYTHON, "-m", "bench.inprocess", str(warm_up), str(report), str(output), str(runs)])
    if result.returncode != 0:
        raise RuntimeError(f"in-process build of {report} failed with exit code {result.returncode}")
    figures = json.loads(result.stdout)
    return {
        "wall_s": statistics.median(figures["walls"]),
        "wall_min_s": min(figures["walls"]),
        "cpu_s": statistics.median(figures["cpus"]),
        "peak_rss_mb": result.peak_rss_mb,
        "runs": len(figures["walls"]),
        "pages": figures["pages"],
    }


def batch(folder: Path, count: int, jobs: int) -> dict[str, float]:
    """One fresh ``gongkai build FOLDER -j jobs`` of ``count`` reports."""
    result = run(gongkai("build", str(folder), "-j", str(jobs)))
    if result.returncode != 0:
        raise RuntimeError(f"batch build failed with exit code {result.returncode}")
    pdfs = sorted(folder.glob("*.pdf"))
    if len(pdfs) != count:
        raise RuntimeError(f"batch build wrote {len(pdfs)} PDFs, expected {count}")
    return {
        "wall_s": result.wall,
        "cpu_s": result.cpu,
        "reports": count,
        "jobs": jobs,
        "reports_per_s": count / result.wall,
        # what the batch would reach with every CPU to itself: on a shared machine the wall figure above
        # also measures the neighbours, CPU seconds per report do not (much)
        "cpu_s_per_report": result.cpu / count,
        "reports_per_s_if_cpus_idle": min(jobs, os.cpu_count() or 1) * count / result.cpu,
        "peak_rss_mb": result.peak_rss_mb,
        "pdf_bytes": sum(p.stat().st_size for p in pdfs) // count,
    }
