"""Issue 12, item 6: operating-system errors are messages.  A full disk, a read-only folder, no permission,
too long a name, too many open files: a Chinese message naming the path and what to do, exit 2, nothing
partial left — in build, a batch, extract and fmt.

The errors are made by replacing ``os.fsync`` (the data was written, the disk is full when it is flushed) or
``tempfile.mkstemp`` (the folder refuses a new file) in a fresh interpreter that then runs the command line;
batch workers are forked from it, so they inherit the fault."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w

from compiler.build import build
from tests.conftest import legacy

ROOT = Path(__file__).resolve().parent.parent

CASES = {
    "ENOSPC": ("fsync", "磁盘空间不足"),
    "EDQUOT": ("fsync", "磁盘配额"),
    "EIO": ("fsync", "读写出错"),
    "EROFS": ("mkstemp", "只读"),
    "EACCES": ("mkstemp", "没有权限"),
    "EPERM": ("mkstemp", "不被允许"),
    "ENAMETOOLONG": ("mkstemp", "文件名太长"),
    "EMFILE": ("mkstemp", "打开的文件过多"),
    "ENFILE": ("mkstemp", "打开的文件过多"),
}


def run_faulty(fault: str, code: str, argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    where, _ = CASES[fault]
    script = f"""
import errno, os, sys, tempfile
sys.path.insert(0, {str(ROOT)!r})
def fail(*args, **kwargs):
    raise OSError(errno.{fault}, os.strerror(errno.{fault}))
if {where!r} == "fsync":
    os.fsync = fail
else:
    tempfile.mkstemp = fail
from compiler.cli.commands import main
sys.exit(main({argv!r}))
"""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([sys.executable, "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=180)


def listing(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def check_message(done: subprocess.CompletedProcess[str], fault: str, path_part: str, code: int = 2) -> None:
    output = done.stdout + done.stderr
    assert done.returncode == code, output
    assert CASES[fault][1] in output and fault in output and path_part in output, output
    assert "Traceback" not in output and "internal error" not in output and "内部错误" not in output
    assert "；请" in output  # and what to do


@pytest.mark.parametrize("fault", sorted(CASES))
def test_build(tmp_path: Path, fault: str) -> None:
    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    before = listing(tmp_path)
    done = run_faulty(fault, "", ["build", "r.toml"], tmp_path)
    check_message(done, fault, "r.pdf")
    assert listing(tmp_path) == before


@pytest.mark.parametrize("fault", ["ENOSPC", "EROFS"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch(tmp_path: Path, fault: str, jobs: str) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    before = listing(tmp_path)
    done = run_faulty(fault, "", ["build", ".", "-j", jobs], tmp_path)
    check_message(done, fault, "a.pdf")  # none could be written: 2, as when none could be read
    for name in ("b.pdf", "c.pdf"):
        assert name in done.stderr  # every report is named with its own message
    assert listing(tmp_path) == before


@pytest.mark.parametrize("fault", ["ENOSPC", "EROFS", "EACCES"])
def test_extract(tmp_path: Path, fault: str) -> None:
    source = tmp_path / "src" / "r.toml"
    source.parent.mkdir()
    source.write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    pdf = build(source).output
    (tmp_path / "out").mkdir()
    done = run_faulty(fault, "", ["extract", str(pdf), "-o", "out"], tmp_path)
    check_message(done, fault, "out")
    assert listing(tmp_path / "out") == []


@pytest.mark.parametrize("fault", ["ENOSPC", "EROFS"])
def test_fmt(tmp_path: Path, fault: str) -> None:
    data = legacy()
    data["overview"] = {"text": "概述,内容"}  # a half-width comma for fmt to fix
    (tmp_path / "r.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    before = (tmp_path / "r.toml").read_bytes()
    done = run_faulty(fault, "", ["fmt", "r.toml"], tmp_path)
    check_message(done, fault, "r.toml")
    assert (tmp_path / "r.toml").read_bytes() == before
    assert listing(tmp_path) == ["r.toml"]


def test_a_report_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    script = f"""
import errno, sys
from pathlib import Path
sys.path.insert(0, {str(ROOT)!r})
real = Path.open
def deny(self, *a, **k):
    if self.name == "r.toml":
        raise PermissionError(errno.EACCES, "Permission denied", str(self))
    return real(self, *a, **k)
Path.open = deny
from compiler.cli.commands import main
sys.exit(main(["check", "r.toml"]))
"""
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    output = done.stdout + done.stderr
    assert done.returncode == 2 and "r.toml" in output and "Traceback" not in output, output
    assert errno.errorcode[errno.EACCES] in output or "权限" in output
