"""The command line speaks Chinese: help with an example for every command, usage errors, its own messages;
English under ``GONGKAI_LANG=en``; no Python reprs and no third-party English in front of a clerk."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import tomli_w
from conftest import legacy

from compiler.cli.commands import make_parser
from compiler.cli.messages import MESSAGES, translate_argparse

ROOT = Path(__file__).resolve().parents[1]
ENGLISH_HELP = re.compile(r"usage:|positional arguments|options:|show this help|optional arguments")


def run(*args: str, cwd: Path = ROOT, lang: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GONGKAI_LANG"}
    if lang:
        env["GONGKAI_LANG"] = lang
    return subprocess.run(
        [sys.executable, "-m", "compiler", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def commands() -> list[str]:
    return make_parser().commands


def _has_chinese(text: str) -> bool:
    return bool(re.search(r"[\u4e00-\u9fff]", text))


def test_top_level_help_is_chinese_with_examples():
    result = run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("用法：gongkai")
    assert "示例：" in result.stdout and "退出码" in result.stdout
    assert not ENGLISH_HELP.search(result.stdout)


COMMANDS = ["build", "check", "watch", "import", "fmt", "init", "extract", "plugins", "cache", "style", "fonts"]


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_chinese_help_with_an_example(name: str):
    result = run(name, "--help")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith(f"用法：gongkai {name}")
    assert "示例：" in out and f"gongkai {name}" in out.split("示例：")[1]
    assert "选项:" in out and "显示本说明并退出" in out
    assert not ENGLISH_HELP.search(out), out
    # every option's help line is Chinese
    parser = make_parser()
    sub = parser._subparsers._group_actions[0].choices[name]
    for action in sub._actions:
        assert action.help and _has_chinese(action.help), (name, action.dest)


def test_the_parser_lists_every_command():
    assert set(commands()) == set(COMMANDS)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["buidl", "r.toml"], "没有“buidl”这个命令；是否应为“build”？"),
        (["check"], "缺少必需的参数：报告.toml"),
        (["build", "-j", "0", "r.toml"], "参数 -j/--jobs：应为正整数"),
        (["build", "-j", "x", "r.toml"], "参数 -j/--jobs：应为正整数"),
        (["check", "--format", "xml", "r.toml"], "参数 --format 的值“xml”无效；可选：“text”、“json”"),
        (["build", "r.toml", "--bogus"], "无法识别的参数：--bogus"),
        (["build", "-o"], "参数 -o/--output：后面缺少一个值"),
        (["init", "--format", "2020"], "未知的报告格式“2020”；是否应为“2021”？"),
    ],
)
def test_usage_errors_are_chinese_and_exit_2(tmp_path: Path, args: list[str], needle: str):
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr, result.stderr
    assert "error:" not in result.stderr and "usage:" not in result.stderr
    assert "Traceback" not in result.stderr


def test_init_refuses_to_replace_in_chinese(tmp_path: Path):
    assert run("init", "r.toml", cwd=tmp_path).returncode == 0
    again = run("init", "r.toml", cwd=tmp_path)
    assert again.returncode == 2 and "已经存在" in again.stderr and "--force" in again.stderr


def test_check_previous_missing_exits_2(tmp_path: Path):
    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    result = run("check", "r.toml", "--previous", "missing.toml", cwd=tmp_path)
    assert result.returncode == 2 and "找不到上年报告：missing.toml" in result.stderr


def test_english_on_request():
    result = run("build", "--help", lang="en")
    assert result.stdout.startswith("usage: gongkai build") and not _has_chinese(result.stdout.split("examples:")[0])
    wrong = run("build", "-j", "0", "x.toml", lang="en")
    assert wrong.returncode == 2 and "must be a positive whole number" in wrong.stderr


def test_every_message_has_both_languages_and_the_same_fields():
    for key, (zh, en) in MESSAGES.items():
        assert _has_chinese(zh) or "：" in zh, key
        assert set(re.findall(r"\{(\w+)", zh)) == set(re.findall(r"\{(\w+)", en)), key


def test_argparse_sentences_translate(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("GONGKAI_LANG", raising=False)
    wrong = translate_argparse("argument --interval: invalid float value: 'abc'")
    assert wrong == "参数 --interval 的值“abc”无效（应为数字）"
    assert translate_argparse("unrecognized arguments: -x") == "无法识别的参数：-x"


def test_no_none_in_messages(tmp_path: Path):
    data = legacy()
    data["report"]["date"] = "2019年2月14日"
    (tmp_path / "r.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    result = run("check", "r.toml", cwd=tmp_path)
    assert "None" not in result.stdout and "应写作 date = 2019-02-14" in result.stdout


def test_third_party_log_records_stay_out_of_the_terminal(tmp_path: Path):
    """pypdf logs "invalid pdf header" / "EOF marker not found" before gongkai's own Chinese message says the
    same; the clerk sees only the Chinese (GONGKAI_DEBUG=1 shows the library's records)."""
    data = legacy()
    (tmp_path / "scan.pdf").write_bytes(b"junk\n%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    data["attachments"] = [{"file": "scan.pdf", "title": "考核结果"}]
    (tmp_path / "r.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"nope\n")
    for args in (["build", "r.toml"], ["extract", "x.pdf"]):
        result = run(*args, cwd=tmp_path)
        assert result.returncode in (1, 2)
        assert "invalid pdf header" not in result.stderr and "EOF marker" not in result.stderr, result.stderr
        assert _has_chinese(result.stderr)


def test_batch_quiet_groups_and_counts(tmp_path: Path):
    from compiler.cli.batch import BuildOptions, build_many

    for name in ("a", "b"):
        data = legacy()
        data["overview"] = {"text": "本年度，我县政府信息公开工作稳步推进,取得成效。"}  # a half-width comma: a warning
        (tmp_path / f"{name}.toml").write_text(tomli_w.dumps(data), encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    status = build_many([str(tmp_path)], BuildOptions(), 1, out=out, err=err, tty=False, quiet=True)
    assert status == 0
    assert "hygiene" not in err.getvalue()  # warnings counted, not listed
    assert err.getvalue().count("个警告") == 2 and "0 个错误" in err.getvalue()
    table = out.getvalue()
    assert "结果" in table and "页数" in table and table.count("已生成") >= 3  # 2 rows + the total line
    loud_out, loud_err = io.StringIO(), io.StringIO()
    build_many([str(tmp_path)], BuildOptions(), 1, out=loud_out, err=loud_err, tty=False)
    assert "    " in loud_err.getvalue() and "hygiene" in loud_err.getvalue()  # listed, indented under each report


def test_batch_rejects_jobs_below_one(tmp_path: Path):
    from compiler.cli.batch import BuildOptions, build_many
    from compiler.model.problems import UsageError

    with pytest.raises(UsageError):
        build_many([str(tmp_path)], BuildOptions(), 0)


def test_output_suffix_and_to_disagree_before_building(tmp_path: Path):
    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    result = run("build", "r.toml", "-o", "out.xlsx", cwd=tmp_path)
    assert result.returncode == 2 and "扩展名" in result.stderr
    assert not list(tmp_path.glob("out*"))


def test_library_reprs_never_reach_the_clerk():
    from compiler.model.problems import error

    problem = error("attachments.damaged", "图片已损坏（cannot read ImageReader@0x7f3a12345678）", found=None)
    assert "0x" not in problem.format() and "None" not in problem.format()
    assert "0x" not in problem.to_json()["message"]


def test_output_over_an_input_is_refused_in_chinese(tmp_path: Path):
    (tmp_path / "r.toml").write_text(tomli_w.dumps(legacy()), encoding="utf-8")
    result = run("build", "r.toml", "-o", "r.toml", cwd=tmp_path)
    assert result.returncode == 2 and "refusing" not in result.stderr and _has_chinese(result.stderr)


def test_help_columns_line_up_in_a_terminal():
    """Chinese metavars and examples take two columns a character: the help column still lines up."""
    from compiler.cli.parser import display_width

    for name in ("build", "check", "watch"):
        lines = run(name, "--help").stdout.splitlines()
        starts = set()
        for line in lines:
            m = re.match(r"^(  \S.*?\S) {2,}(\S.*)$", line)
            if m and line.lstrip().startswith("-"):
                starts.add(display_width(line[: line.index(m.group(2), len(m.group(1)))]))
        assert len(starts) == 1, (name, starts)


def test_help_fits_a_narrow_console():
    """An 80-column Windows console: no help line wider than the terminal, Chinese counted as two columns."""
    from compiler.cli.parser import display_width

    env = {**os.environ, "COLUMNS": "80"}
    env.pop("GONGKAI_LANG", None)
    for name in COMMANDS:
        done = subprocess.run(
            [sys.executable, "-m", "compiler", name, "--help"], cwd=ROOT, capture_output=True, text=True, env=env
        )
        for line in done.stdout.split("示例：")[0].splitlines()[3:]:  # the usage lines and examples aside
            assert display_width(line) <= 80 or " " not in line.strip(), (name, line)
