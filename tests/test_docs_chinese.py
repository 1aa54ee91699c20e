"""The documentation a clerk reads: the README opens in Chinese and its 快速上手 works as written; the user guide
(docs/使用手册.md) shows the pages, lists the checks and answers the common mistakes."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
GUIDE = (ROOT / "docs" / "使用手册.md").read_text(encoding="utf-8")


def _chinese_part() -> str:
    return README.split("\n## English\n")[0]


def test_readme_opens_in_chinese_with_every_step():
    part = _chinese_part()
    assert part.index("## 快速上手") < len(part) and "## English" in README
    for step in ("安装", "生成报告框架", "填写", "检查", "生成 PDF", "看懂提示信息"):
        assert re.search(rf"### 第.步：{step}", part), step
    # the first heading in English comes after the Chinese quick start
    english = [m.start() for m in re.finditer(r"^## [A-Za-z]", README, re.M)]
    assert english and english[0] > README.index("## 快速上手")


def test_readme_quick_start_commands_work_as_written(tmp_path: Path):
    """Run the commands of the Chinese quick start in an empty folder: a skeleton, checked, built."""
    commands = re.findall(r"^gongkai (init|check|build) (.+)$", _chinese_part(), re.M)
    assert [c for c, _ in commands] == ["init", "check", "build"]
    for command, rest in commands:
        result = subprocess.run(
            [sys.executable, "-m", "compiler", command, *rest.split()],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode in (0, 1), (command, result.stdout, result.stderr)  # 1: warnings of a skeleton
        assert "Traceback" not in result.stderr
    assert (tmp_path / "报告.pdf").stat().st_size > 10_000


def test_guide_shows_the_pages_it_produces():
    images = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", GUIDE)
    assert {"img/seed-02.png", "img/table3-4.png"} <= set(images)
    for image in images:
        assert (ROOT / "docs" / image).is_file(), image


def test_guide_lists_the_checks_with_what_to_do():
    assert "## 检查项一览" in GUIDE and "怎么办" in GUIDE
    for rule in (
        "input.toml-syntax",
        "input.unknown-key",
        "input.type",
        "refs.invalid",
        "hygiene.punctuation",
        "common.placeholder",
        "legacy.active.category-sum",
        "gb2021.table3.balance",
        "gb2021.text.mismatch",
        "gb2021.cross-year.",
        "font.missing-glyph",
        "attachments.",
    ):
        assert f"`{rule}" in GUIDE, rule


def test_guide_answers_the_common_mistakes():
    faq = GUIDE.split("## 常见问题")[1]
    for mistake in (
        "1,234",
        "2025-3-31",
        "2025年3月31日",
        "“南江县人民政府”",
        "＝",
        "同一个表头写了两次",
        "U+00A0",
        "2018年",
    ):
        assert mistake in faq, mistake


def test_guide_and_readme_name_every_command():
    from compiler.cli.commands import make_parser

    for name in make_parser().commands:
        assert f"gongkai {name}" in GUIDE, name
