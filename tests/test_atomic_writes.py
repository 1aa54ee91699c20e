""" "Never writes a partial file": every command that writes (build, a batch, extract, fmt, init) is run with a
fault injected between writing the data and committing it, and the file on disk must be the old one — whole
— with no temporary debris left beside it.

Two faults, both at the points where a power cut or a full disk would strike:

* the rename that commits the new file fails (``os.replace`` raises): a plain ``path.write_bytes(data)``
  has already destroyed the old file by then, so the test sees new bytes where the old ones must be;
* the flush to disk fails (``os.fsync`` raises): the data is half-way; the old file must still be there
  and the temporary file must be gone.

The faults only strike paths under the test's own folder, so the user cache (its own atomic writer, in a
folder of its own) is not disturbed.  A mutation that makes the write non-atomic is in mutation/mutations.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import tomli_w
from conftest import legacy

from compiler.cli import main
from tests.require import require

OLD = b"%old file, must survive%\n"


class Fault(OSError):
    """The injected failure (an OSError, as a real full disk or I/O error would be)."""


@pytest.fixture
def faults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """``faults("replace")`` or ``faults("fsync")``: from now on that call fails for files under tmp_path."""
    require(Path("/proc/self/fd").is_dir(), "the fsync fault finds a descriptor's file through /proc (Linux only)")
    real_replace, real_fsync = os.replace, os.fsync
    root = tmp_path.resolve()

    def ours(path: object) -> bool:
        return Path(os.fsdecode(path)).resolve().is_relative_to(root)  # type: ignore[arg-type]

    def arm(which: str) -> None:
        if which == "replace":

            def replace(src: object, dst: object, **kw: object) -> None:
                if ours(dst):
                    raise Fault(f"injected fault: rename onto {dst}")
                real_replace(src, dst, **kw)  # type: ignore[arg-type]

            monkeypatch.setattr(os, "replace", replace)
            monkeypatch.setattr(os, "rename", replace)
        else:

            def fsync(fd: int) -> None:
                if ours(os.readlink(f"/proc/self/fd/{fd}")):  # the file behind the descriptor (Linux)
                    raise Fault("injected fault: fsync")
                real_fsync(fd)

            monkeypatch.setattr(os, "fsync", fsync)

    yield arm


def _report(folder: Path, name: str = "report.toml", **changes: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(tomli_w.dumps(legacy(**changes)), encoding="utf-8")
    return path


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


FAULTS = ["replace", "fsync"]


@pytest.mark.parametrize("fault", FAULTS)
def test_build_keeps_the_old_pdf_whole(tmp_path, faults, fault):
    report = _report(tmp_path / "r")
    pdf = report.with_suffix(".pdf")
    pdf.write_bytes(OLD)
    before = _listing(tmp_path)
    faults(fault)
    assert main(["build", str(report)]) != 0
    assert _listing(tmp_path) == before  # old PDF byte for byte, and no temporary file beside it


@pytest.mark.parametrize("fault", FAULTS)
def test_build_to_a_new_name_leaves_nothing(tmp_path, faults, fault):
    report = _report(tmp_path / "r")
    before = _listing(tmp_path)
    faults(fault)
    assert main(["build", str(report), "-o", str(tmp_path / "r" / "new.pdf")]) != 0
    assert _listing(tmp_path) == before


@pytest.mark.parametrize("fault", FAULTS)
def test_batch_keeps_every_old_pdf_whole(tmp_path, faults, fault):
    reports = [_report(tmp_path / "batch", f"dept{i}.toml") for i in range(2)]
    for report in reports:
        report.with_suffix(".pdf").write_bytes(OLD)
    before = _listing(tmp_path)
    faults(fault)
    assert main(["build", str(tmp_path / "batch"), "-j", "1"]) != 0
    assert _listing(tmp_path) == before


@pytest.fixture
def built_pdf(tmp_path: Path) -> Path:
    report = _report(tmp_path / "src")
    assert main(["build", str(report), "-o", str(tmp_path / "src" / "built.pdf")]) == 0
    return tmp_path / "src" / "built.pdf"


@pytest.mark.parametrize("fault", FAULTS)
def test_extract_keeps_the_old_files_whole(tmp_path, built_pdf, faults, fault):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["extract", str(built_pdf), "-o", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert "report.toml" in names
    for name in names:
        (out / name).write_bytes(OLD)
    before = _listing(tmp_path)
    faults(fault)
    assert main(["extract", str(built_pdf), "-o", str(out), "--force"]) != 0
    assert _listing(tmp_path) == before


@pytest.mark.parametrize("fault", FAULTS)
def test_fmt_keeps_the_report_whole(tmp_path, faults, fault):
    report = _report(tmp_path / "r", overview={"text": "概述,有半角逗号。"})
    before = _listing(tmp_path)
    faults(fault)
    assert main(["fmt", str(report)]) != 0
    assert _listing(tmp_path) == before
    assert main(["fmt", str(report), "--check"]) != 0  # the fix is still to be made: nothing was written


@pytest.mark.parametrize("fault", FAULTS)
def test_init_leaves_nothing(tmp_path, faults, fault):
    before = _listing(tmp_path)
    faults(fault)
    assert main(["init", str(tmp_path / "new.toml")]) != 0
    assert _listing(tmp_path) == before


def test_without_a_fault_every_command_writes(tmp_path, built_pdf):
    """The control: the same commands, unharmed, do write — so the tests above see the fault, not a no-op."""
    report = _report(tmp_path / "r", overview={"text": "概述,有半角逗号。"})
    report.with_suffix(".pdf").write_bytes(OLD)
    assert main(["build", str(report)]) == 0
    assert report.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")
    assert main(["fmt", str(report)]) == 0
    assert "概述，有半角逗号。" in report.read_text(encoding="utf-8")
    assert main(["extract", str(built_pdf), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "report.toml").is_file()
    assert main(["init", str(tmp_path / "new.toml")]) == 0
    leftovers = [p.name for p in tmp_path.rglob("*.tmp")]
    assert leftovers == []


def test_a_device_or_pipe_is_never_replaced(tmp_path):
    """The rename would replace the special file itself (``-o /dev/null`` as root turned /dev/null into a
    regular file): a target that exists and is not a regular file is refused.  A FIFO stands in for the
    device here — tests never touch /dev."""
    require(hasattr(os, "mkfifo"), "os.mkfifo is not available on this platform")
    report = _report(tmp_path / "r")
    fifo = tmp_path / "r" / "pipe.pdf"
    os.mkfifo(fifo)
    assert main(["build", str(report), "-o", str(fifo)]) != 0
    assert fifo.is_fifo()
    assert [p.name for p in (tmp_path / "r").iterdir() if p.name.endswith(".tmp")] == []
