"""Issue 12, item 3: outputs never destroy.  Devices, FIFOs, sockets and symlinks are refused as outputs;
no output replaces an input of the build (or of another report of the batch); the umask and an existing
file's mode are respected; temporary names fit in 255 bytes and go away on SIGTERM/SIGHUP."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from compiler.files.output import NAME_MAX, temporary_prefix, write_atomic
from compiler.model.problems import UsageError
from tests.attachment_files import A4_PORTRAIT, pdf_bytes, write_report
from tests.conftest import legacy

ROOT = Path(__file__).resolve().parent.parent


def gongkai(*args: str | Path, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "compiler", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def report(folder: Path, **changes: object) -> Path:
    path = folder / "report.toml"
    path.write_text(tomli_w.dumps({**legacy(), **changes}), encoding="utf-8")
    return path


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    report(tmp_path)
    os.mkfifo(tmp_path / "out.pdf")
    done = gongkai("build", "report.toml", "-o", "out.pdf", cwd=tmp_path, timeout=60)
    assert done.returncode == 2 and "命名管道" in done.stderr and "Traceback" not in done.stderr
    assert stat.S_ISFIFO(os.lstat(tmp_path / "out.pdf").st_mode)
    assert leftovers(tmp_path) == []


def test_devices_and_sockets_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="字符设备"):
        write_atomic(Path("/dev/null"), b"x")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s.pdf"))
        with pytest.raises(UsageError, match="套接字"):
            write_atomic(tmp_path / "s.pdf", b"x")
    finally:
        sock.close()
    assert leftovers(tmp_path) == []


def test_a_symlink_is_refused_unless_asked(tmp_path: Path) -> None:
    report(tmp_path)
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"precious")
    (tmp_path / "out.pdf").symlink_to(elsewhere)
    done = gongkai("build", "report.toml", "-o", "out.pdf", cwd=tmp_path)
    assert done.returncode == 2 and "符号链接" in done.stderr and "--follow-symlinks" in done.stderr
    assert elsewhere.read_bytes() == b"precious"
    done = gongkai("build", "report.toml", "-o", "out.pdf", "--follow-symlinks", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out.pdf").is_symlink() and elsewhere.read_bytes().startswith(b"%PDF")


def test_the_previous_report_and_a_style_are_never_overwritten(tmp_path: Path) -> None:
    # a report received from elsewhere can name its own output as its previous report or its style
    (tmp_path / "last.pdf").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    (tmp_path / "my.pdf").write_text('parent = "gbt9704"\n', encoding="utf-8")
    report(tmp_path, previous="last.pdf", style="./my.pdf")
    for target in ("last.pdf", "my.pdf", "sub/../last.pdf"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        before = (tmp_path / target).read_bytes()
        done = gongkai("build", "report.toml", "-o", target, cwd=tmp_path)
        assert done.returncode == 2 and "拒绝覆盖" in done.stderr, (target, done.stderr)
        assert (tmp_path / target).read_bytes() == before
    os.link(tmp_path / "last.pdf", tmp_path / "hard.pdf")  # a hard link to an input is that input
    done = gongkai("build", "report.toml", "-o", "hard.pdf", cwd=tmp_path)
    assert done.returncode == 2 and "拒绝覆盖" in done.stderr
    assert leftovers(tmp_path) == []


def test_in_a_batch_no_output_replaces_another_reports_attachment(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    scan = pdf_bytes([A4_PORTRAIT])
    write_report(a, [{"file": "../b/report.pdf", "title": "乙的附件"}], {})
    write_report(b, [], {})
    (b / "report.pdf").write_bytes(scan)
    done = gongkai("build", "a", "b", "-j", "1", cwd=tmp_path)
    assert done.returncode == 1
    assert (b / "report.pdf").read_bytes() == scan  # b's output would have replaced a's attachment
    assert "拒绝覆盖" in done.stderr and (a / "report.pdf").exists()


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_new_files_follow_the_umask_and_replaced_files_keep_their_mode(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "new.pdf", b"x")
        kept = tmp_path / "kept.pdf"
        kept.write_bytes(b"old")
        os.chmod(kept, 0o640)
        write_atomic(kept, b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.pdf").stat().st_mode) == 0o666 & ~umask
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_bytes() == b"new"


def test_temporary_names_fit_and_long_names_are_a_message(tmp_path: Path) -> None:
    name = "报" * 80 + ".pdf"  # 244 bytes: fits, but ".name.XXXXXXXX.tmp" would not
    assert len(name.encode()) <= NAME_MAX
    assert len(temporary_prefix(name).encode()) + 8 + 4 <= NAME_MAX
    write_atomic(tmp_path / name, b"x")
    assert (tmp_path / name).read_bytes() == b"x"
    report(tmp_path)
    done = gongkai("build", "report.toml", "-o", "报" * 90 + ".pdf", cwd=tmp_path)
    assert done.returncode == 2 and "文件名太长" in done.stderr and "ENAMETOOLONG" in done.stderr
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("signame", ["SIGTERM", "SIGHUP"])
def test_the_temporary_file_goes_away_on_a_signal(tmp_path: Path, signame: str) -> None:
    code = f"""
import os, signal, sys
sys.path.insert(0, {str(ROOT)!r})
from pathlib import Path
from compiler.files import output
# a run under nohup inherits SIGHUP ignored, and an ignored signal stays ignored (by design): start from the default
signal.signal(signal.{signame}, signal.SIG_DFL)
real_fsync = os.fsync
def fsync(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.{signame})
os.fsync = fsync
output.write_atomic(Path({str(tmp_path / "out.pdf")!r}), b"data" * 1000)
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == -getattr(__import__("signal"), signame)
    assert list(tmp_path.iterdir()) == []
