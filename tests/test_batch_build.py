"""``gongkai build`` of several reports: files and folders, ``-j``, one broken report among good ones."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from pypdf import PdfReader

from compiler.cli.batch import BuildOptions, build_many, expand_inputs
from tests.conftest import legacy

ROOT = Path(__file__).resolve().parent.parent


def _write(folder: Path, name: str, data: dict) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def _organ(name: str) -> dict:
    data = legacy()
    data["report"] = {**data["report"], "organ": name}
    return data


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Three good reports (one in a sub-folder), a broken one, and TOML files that are not reports."""
    folder = tmp_path / "county"
    _write(folder, "a.toml", _organ("甲县人民政府"))
    _write(folder, "b.toml", _organ("乙县人民政府"))
    _write(folder, "dept/c.toml", _organ("丙县人民政府"))
    broken = legacy()
    broken["active"] = {**broken["active"], "total": "很多"}  # a number that is not one
    _write(folder, "broken.toml", broken)
    (folder / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    _write(folder, ".hidden/d.toml", _organ("丁县人民政府"))
    return folder


def _run(names: list[str], jobs: int, **options) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = build_many(names, BuildOptions(**options), jobs, out=out, err=err, tty=False)
    return status, out.getvalue(), err.getvalue()


def test_folder_expands_to_reports_and_skips_other_toml(reports: Path) -> None:
    found, skipped = expand_inputs([str(reports)])
    assert [p.relative_to(reports).as_posix() for p in found] == ["a.toml", "b.toml", "broken.toml", "dept/c.toml"]
    assert [p.name for p in skipped] == ["pyproject.toml"]


def test_broken_report_does_not_stop_the_others(reports: Path) -> None:
    status, out, err = _run([str(reports)], jobs=1)
    assert status == 1
    for name in ("a", "b", "dept/c"):
        assert (reports / f"{name}.pdf").is_file(), name
        assert str(reports / f"{name}.pdf") in out
    assert not (reports / "broken.pdf").exists()
    assert "已生成 3/4 份报告" in out
    summary = err[err.index("1 份报告未生成：") :]
    assert "broken.toml" in summary and "a.toml" not in summary
    assert "pyproject.toml: 跳过" in err


def test_several_files_all_good_exit_0(reports: Path) -> None:
    status, out, err = _run([str(reports / "a.toml"), str(reports / "b.toml")], jobs=2)
    assert status == 0, err
    assert "已生成 2/2 份报告" in out
    assert "未生成" not in err


def test_all_unreadable_exit_2(tmp_path: Path) -> None:
    status, _, err = _run([str(tmp_path / "missing1.toml"), str(tmp_path / "missing2.toml")], jobs=1)
    assert status == 2
    assert "2 份报告未生成" in err


def test_parallel_pdfs_are_byte_identical_to_serial(reports: Path, tmp_path: Path) -> None:
    names = [str(reports / "a.toml"), str(reports / "b.toml"), str(reports / "dept" / "c.toml")]
    assert _run(names, jobs=1)[0] == 0
    serial = {n: Path(n).with_suffix(".pdf").read_bytes() for n in names}
    for n in names:
        Path(n).with_suffix(".pdf").unlink()
    assert _run(names, jobs=2)[0] == 0
    for n in names:
        parallel = Path(n).with_suffix(".pdf").read_bytes()
        assert parallel == serial[n], n
        assert len(PdfReader(io.BytesIO(parallel)).pages) >= 1


def test_each_pdf_has_its_own_report(reports: Path) -> None:
    """Workers are reused across reports: no text leaks from one report into the next."""
    names = [str(reports / "a.toml"), str(reports / "b.toml"), str(reports / "dept" / "c.toml")]
    assert _run(names, jobs=2)[0] == 0
    organs = ("甲县", "乙县", "丙县")
    for n, organ in zip(names, organs, strict=True):
        text = "".join(p.extract_text() for p in PdfReader(Path(n).with_suffix(".pdf")).pages)
        assert organ in text
        assert not [other for other in organs if other != organ and other in text]


def test_output_option_rejected_for_several_reports(reports: Path) -> None:
    from compiler.model.problems import UsageError

    with pytest.raises(UsageError):
        _run([str(reports)], jobs=1, output=str(reports / "x.pdf"))


def test_cli_batch_exit_code_and_summary(reports: Path) -> None:
    """The command line end to end, as a fresh process with two workers."""
    result = subprocess.run(
        [sys.executable, "-m", "compiler", "build", str(reports), "-j", "2"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "已生成 3/4 份报告" in result.stdout
    assert "broken.toml" in result.stderr.split("1 份报告未生成：")[1]
    assert "\r" not in result.stderr  # not a terminal: plain lines, no progress bar


def test_progress_bar_only_on_a_terminal(reports: Path) -> None:
    names = [str(reports / "a.toml"), str(reports / "b.toml")]
    out, err = io.StringIO(), io.StringIO()
    assert build_many(names, BuildOptions(), 1, out=out, err=err, tty=True) == 0
    assert "\r[" in err.getvalue() and "2/2" in err.getvalue()
