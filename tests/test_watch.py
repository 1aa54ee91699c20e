"""``gongkai watch``: rebuilds when the report or a file it uses changes; a failed rebuild keeps the last PDF."""

from __future__ import annotations

import io
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import tomli_w
from conftest import interruptible, legacy

from compiler.cli.watch import Watcher, watched_files

ROOT = Path(__file__).resolve().parents[1]
TIMEOUT = 60.0  # seconds; generous for a loaded CI machine, a rebuild of a small report takes well under 1 s


def _report(folder: Path, organ: str = "甲县人民政府", **extra: object) -> Path:
    data = legacy()
    data["report"] = {**data["report"], "organ": organ}
    data.update(extra)
    path = folder / "r.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _touch_later(path: Path, text: str) -> None:
    """Rewrite ``path`` so that its signature changes even on file systems with coarse timestamps."""
    before = os.stat(path)
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 2_000_000_000))


def _lines(stream: io.TextIOBase, into: queue.Queue[str]) -> None:
    for line in iter(stream.readline, ""):
        into.put(line)


def _wait_for(lines: queue.Queue[str], needle: str, seen: list[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"no {needle!r} within {TIMEOUT} s; output so far:\n{''.join(seen)}")


def test_watch_rebuilds_on_a_change_and_keeps_the_last_good_pdf(tmp_path: Path):
    report = _report(tmp_path)
    pdf = tmp_path / "r.pdf"
    process = subprocess.Popen(
        [sys.executable, "-m", "compiler", "watch", "r.toml", "--interval", "0.05"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=interruptible,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=_lines, args=(process.stdout, lines), daemon=True).start()
    seen: list[str] = []
    try:
        _wait_for(lines, "已生成", seen)  # the first build
        first = pdf.read_bytes()
        assert "正在监视" in "".join(seen)

        _touch_later(report, report.read_text(encoding="utf-8").replace("甲县人民政府", "乙县人民政府"))
        _wait_for(lines, "已生成", seen)  # rebuilt after the change
        second = pdf.read_bytes()
        assert second != first
        assert any("已修改：r.toml" in line for line in seen)

        broken = report.read_text(encoding="utf-8").replace("total = 100", "total = 1,000")
        _touch_later(report, broken)
        _wait_for(lines, "未生成", seen)  # the slip is explained, the last good PDF stays
        assert pdf.read_bytes() == second
        assert any("千分位逗号" in line for line in seen)
        assert process.poll() is None  # still watching
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    assert process.returncode == 0


def test_watched_files_are_the_report_style_plugins_attachments_and_last_year(tmp_path: Path):
    (tmp_path / "house.toml").write_text('parent = "gbt9704"\n', encoding="utf-8")
    (tmp_path / "extra.py").write_text("", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "last.toml").write_text("", encoding="utf-8")
    report = _report(
        tmp_path,
        style="house.toml",
        plugins=["extra.py"],
        attachments=[{"file": "scan.pdf", "title": "附件"}],
        previous="last.toml",
    )
    names = {p.name for p in watched_files(report)}
    assert {"r.toml", "house.toml", "gbt9704.toml", "extra.py", "scan.pdf", "last.toml"} <= names


def test_watched_files_of_an_unreadable_report_is_the_report(tmp_path: Path):
    path = tmp_path / "r.toml"
    path.write_text("penalty = 1,234\n", encoding="utf-8")
    assert watched_files(path) == [path.resolve()]


def test_a_change_to_an_attachment_rebuilds(tmp_path: Path):
    from tests.attachment_files import pdf_bytes

    (tmp_path / "scan.pdf").write_bytes(pdf_bytes([(595, 842)]))
    report = _report(tmp_path, attachments=[{"file": "scan.pdf", "title": "考核结果"}])
    out, err = io.StringIO(), io.StringIO()
    watcher = Watcher(report, out=out, err=err)
    watcher._snapshot()
    assert watcher.build() and not watcher.step()  # nothing changed: no rebuild
    pages = (tmp_path / "r.pdf").stat().st_size
    (tmp_path / "scan.pdf").write_bytes(pdf_bytes([(595, 842)] * 3))
    os.utime(tmp_path / "scan.pdf", ns=(0, time.time_ns() + 2_000_000_000))
    assert watcher.step() and watcher.builds == 2
    assert (tmp_path / "r.pdf").stat().st_size != pages
    assert "已修改：scan.pdf" in err.getvalue()


def test_problems_are_printed_when_they_change(tmp_path: Path):
    report = _report(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    watcher = Watcher(report, out=out, err=err)
    watcher._snapshot()
    watcher.build()
    text = report.read_text(encoding="utf-8")
    _touch_later(report, text.replace("无投诉。", "无投诉,无举报。"))  # a half-width comma: a new warning
    watcher.step()
    assert "+ " in err.getvalue() and "hygiene" in err.getvalue()
    _touch_later(report, text)
    watcher.step()
    assert "已消除 1 个问题" in err.getvalue()


def test_a_rebuild_of_the_seed_is_warm(tmp_path: Path):
    """Everything stays loaded between rebuilds: a rebuild of the seed report costs its own work only (about
    0.08 s of CPU on the build machine; the bound is loose because the machine is shared)."""
    import shutil

    from compiler.cli.watch import warm

    shutil.copy(ROOT / "examples" / "nanjiang-2018" / "report.toml", tmp_path / "report.toml")
    report = tmp_path / "report.toml"
    warm(None, [])
    watcher = Watcher(report, out=io.StringIO(), err=io.StringIO())
    watcher._snapshot()
    assert watcher.build()
    text = report.read_text(encoding="utf-8")
    cpu = []
    loaded = []
    for i in range(3):
        _touch_later(report, text.replace("南江县人民政府", "南江县人民政府" if i % 2 else "南江县政府", 1))
        started = time.process_time()
        assert watcher.step()
        cpu.append(time.process_time() - started)
        loaded.append(set(sys.modules))
    # nothing is loaded again: the rebuilds import no module the first one did not (the measured cost is in bench/;
    # the time bound here is a sanity bound only — a cold start in a fresh process takes seconds)
    assert loaded[1] == loaded[0] and loaded[2] == loaded[0], loaded[2] - loaded[0]
    assert min(cpu) < 1.0, cpu
