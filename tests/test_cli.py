"""The command line as a user meets it: exit codes, messages, and documentation of every command."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from conftest import legacy

from compiler.cli.commands import make_parser
from compiler.host import hookspecs

ROOT = Path(__file__).resolve().parents[1]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "compiler", *args], cwd=cwd, capture_output=True, text=True)


def commands() -> list[str]:
    parser = make_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in commands():
        result = run(name, "--help")
        assert result.returncode == 0 and "用法：gongkai " + name in result.stdout
        assert re.search(rf"`gongkai {name}\b", readme), f"README does not document `gongkai {name}`"


def test_every_hook_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in hookspecs.HOOK_NAMES:
        assert name in readme


def test_check_with_previous_keeps_reference_problems(tmp_path: Path):
    data = legacy()
    data["overview"] = {"text": "共{active.totl}条。"}
    (tmp_path / "last.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    (tmp_path / "r.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    result = run("check", "r.toml", "--previous", "last.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert "refs.invalid" in result.stdout and "active.total" in result.stdout


def test_check_reports_characters_no_font_has(tmp_path: Path):
    data = legacy()
    data["overview"] = {"text": "私用区字符\ue000。"}
    (tmp_path / "r.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    result = run("check", "r.toml", cwd=tmp_path)
    assert result.returncode == 1
    assert "U+E000" in result.stdout and "[overview.text]" in result.stdout


@pytest.mark.parametrize(
    ("content", "code", "needle"),
    [
        ('format = "legacy"\n[report\n', 2, "TOML 语法错误"),
        ('format = "legcy"\n', 2, "legacy"),
        ('format = "legacy"\n[report]\norgn = "x"\n', 1, "organ"),
    ],
)
def test_bad_input_gives_a_message_not_a_traceback(tmp_path: Path, content: str, code: int, needle: str):
    (tmp_path / "r.toml").write_text(content, encoding="utf-8")
    for command in ("check", "build"):
        result = run(command, "r.toml", cwd=tmp_path)
        assert result.returncode == code, (command, result.stdout, result.stderr)
        assert needle in result.stdout + result.stderr
        assert "Traceback" not in result.stderr
        assert not (tmp_path / "r.pdf").exists()


def test_build_never_overwrites_its_input(tmp_path: Path):
    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    before = (tmp_path / "r.toml").read_bytes()
    result = run("build", "r.toml", "-o", "r.toml", cwd=tmp_path)
    assert result.returncode == 2 and "拒绝覆盖" in result.stderr
    assert (tmp_path / "r.toml").read_bytes() == before


def test_init_refuses_to_replace_and_writes_a_checkable_skeleton(tmp_path: Path):
    assert run("init", "--format", "2021", "new.toml", cwd=tmp_path).returncode == 0
    text = (tmp_path / "new.toml").read_text(encoding="utf-8")
    assert text.count("\n# ") > 50  # every key carries its description
    assert run("init", "--format", "2021", "new.toml", cwd=tmp_path).returncode == 2
    checked = run("check", "new.toml", cwd=tmp_path)
    assert checked.returncode in (0, 1) and "错误" not in checked.stdout.replace("0 个错误", "")
