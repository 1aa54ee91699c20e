"""TOML mistakes clerks make: explained in Chinese with the line and a caret, and fixed by ``gongkai fmt``."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import tomli_w
from conftest import legacy
from hypothesis import given, settings
from hypothesis import strategies as st

from compiler.model.problems import ReportError
from compiler.source.fmt import format_file
from compiler.source.tomlhints import explain, fix_line, fix_syntax, parse_error
from compiler.source.tomlsource import load

ROOT = Path(__file__).resolve().parents[1]

# written, what the message must say, the corrected line (None: explained, not fixed)
MISTAKES = [
    ("penalty = 1,234", "千分位逗号", "penalty = 1234"),
    ("penalty = 1，234", "千分位逗号", "penalty = 1234"),
    ("date = 2025-3-31", "2025-03-31", "date = 2025-03-31"),
    ("date = 2025/3/31", "2025-03-31", "date = 2025-03-31"),
    ("date = 2025年3月31日", "2025-03-31", "date = 2025-03-31"),
    ('organ ＝ "南江县"', "全角 ＝", 'organ = "南江县"'),
    ("organ = “南江县”", "中文引号", 'organ = "南江县"'),
    ('“organ” = "南江县"', "键名的引号", '"organ" = "南江县"'),
    ("organ = 南江县人民政府", "英文双引号", 'organ = "南江县人民政府"'),
    ("［report］", "英文方括号", "[report]"),
    ("[report", "缺少结尾的 ]", "[report]"),
    ("organ\u00a0= 1", "U+00A0", "organ = 1"),
    ("organ =\u3000 1", "空白字符", "organ = 1"),
    ('categories = { "其他" = 42,385 }', "千分位逗号", 'categories = { "其他" = 42385 }'),
    ('organ = 南江县人民政府"', "英文双引号", 'organ = "南江县人民政府"'),
    ('organ = “南江县人民政府"', "中文引号", 'organ = "南江县人民政府"'),
    ("text = 2025年3月31日", "英文双引号", 'text = "2025年3月31日"'),  # a date only where a date is meant
    ("total = ６４５８５", "半角", "total = 64585"),
    ("total = ６４，５８５", "千分位逗号", "total = 64585"),
    ("date = ２０２５－３－３１", "2025-03-31", "date = 2025-03-31"),
    ('points = ［"一是", "二是"］', "英文方括号", 'points = ["一是", "二是"]'),
    ("year = 2018年", "不要写单位", None),
    ("penalty = ", "不能空着", None),
    ('organ = 南江"县"人民政府', "英文双引号", None),  # quotes inside: the author says where the text ends
    ('机关 = "南江县"', "不能用中文", None),
    ('organ = "南江县', "缺少结尾的英文双引号", None),
]


@pytest.mark.parametrize(("written", "needle", "fixed"), MISTAKES)
def test_each_mistake_is_explained_with_line_caret_and_fix(
    tmp_path: Path, written: str, needle: str, fixed: str | None
):
    path = tmp_path / "r.toml"
    path.write_text(f'format = "legacy"\n{written}\n', encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    problem = caught.value.problems[0]
    assert problem.rule == "input.toml-syntax" and problem.source.line == 2
    text = problem.format()
    assert "TOML 语法错误（第 2 行" in text
    assert f"    2 | {written.replace(chr(9), ' ')}" in text  # the line itself …
    assert "^" in text.splitlines()[2]  # … and a caret under the place
    assert needle in text
    for english in ("Expected", "Invalid", "None", "line "):
        assert english not in text
    if fixed is None:
        assert fix_line(written) is None or "gongkai fmt" not in text
    else:
        assert f"应写作  {fixed}" in text and "gongkai fmt" in text
        assert fix_line(written).new == fixed


def test_caret_is_under_the_column_even_after_chinese_text(tmp_path: Path):
    path = tmp_path / "r.toml"
    path.write_text('text = "中文" 1\n', encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    lines = caught.value.problems[0].format().splitlines()
    source, caret = lines[1], lines[2]
    # "中文" takes two terminal columns per character: the caret sits under the "1"
    assert caret.index("^") == source.rindex("1") + 2


def test_table_header_twice_names_the_first_one(tmp_path: Path):
    path = tmp_path / "r.toml"
    path.write_text('[report]\norgan = "甲"\n\n[active]\ntotal = 1\n[report]\nyear = 2018\n', encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    text = caught.value.problems[0].format()
    assert "同一个表头写了两次" in text and "第 1 行已经有 [report]" in text and "[[report]]" in text


def test_key_twice_names_the_first_one(tmp_path: Path):
    path = tmp_path / "r.toml"
    path.write_text('[report]\norgan = "甲"\nyear = 2018\norgan = "乙"\n', encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    assert "键“organ”在同一个表里写了两次（第 2 行已经写过）" in caught.value.problems[0].format()


def test_fmt_fixes_every_certain_mistake_and_keeps_comments(tmp_path: Path):
    data = legacy()
    text = tomli_w.dumps(data)
    text = text.replace(f'organ = "{data["report"]["organ"]}"', f"organ ＝ {data['report']['organ']}  # 机关")
    text = text.replace(f"total = {data['active']['total']}", "total = 64,585")
    text = text.replace("date = ", "date = 2019-2-14\n# date = ", 1)
    path = tmp_path / "r.toml"
    path.write_text("# 南江县 2018 年报告\n" + text, encoding="utf-8")
    result = format_file(path)
    assert result.written and len(result.syntax) == 3
    fixed = path.read_text(encoding="utf-8")
    assert fixed.startswith("# 南江县 2018 年报告\n") and "# 机关" in fixed
    parsed = tomllib.loads(fixed)
    assert parsed["report"]["organ"] == data["report"]["organ"]
    assert parsed["active"]["total"] == 64585
    assert parsed["report"]["date"] == dt.date(2019, 2, 14)


def test_fmt_turns_a_chinese_date_in_quotes_into_a_date(tmp_path: Path):
    data = legacy()
    data["report"]["date"] = "2019年2月14日"
    path = tmp_path / "r.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    checked = subprocess.run(
        [sys.executable, "-m", "compiler", "check", str(path)], capture_output=True, text=True, cwd=ROOT
    )
    assert "date = 2019-02-14" in checked.stdout and "None" not in checked.stdout
    format_file(path)
    assert tomllib.loads(path.read_text(encoding="utf-8"))["report"]["date"] == dt.date(2019, 2, 14)


def test_fmt_leaves_a_file_it_cannot_fix_alone(tmp_path: Path):
    path = tmp_path / "r.toml"
    before = 'format = "legacy"\nyear = 2018年\npenalty = 1,234\n'
    path.write_text(before, encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        format_file(path)
    message = caught.value.problems[0].format()
    assert "第 2 行" in message and "不要写单位" in message  # the one only the author can fix …
    assert "另有 1 处写法错误 gongkai fmt 可以自动修改" in message  # … and what fmt will do once it is
    assert path.read_text(encoding="utf-8") == before


def test_fix_syntax_is_a_no_op_on_good_toml():
    text = tomli_w.dumps(legacy())
    assert fix_syntax(text) == (text, [])


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("ab =＝\"“”[]［］{},，#'0123456789-年月日南江\u00a0\u3000\t.\\")), max_size=30
    )
)
def test_hints_never_fail_on_any_line(line: str):
    """Whatever a clerk typed, explaining it never raises, and a fix, when offered, is a different line."""
    text = f'format = "legacy"\n{line}\n'
    try:
        tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason, number, column = parse_error(exc)
        assert explain(text, reason, number, column).startswith("TOML 语法错误")
    fixed = fix_line(line)
    assert fixed is None or fixed.new != line
    fix_syntax(text)


def test_every_slip_is_reported_at_once(tmp_path: Path):
    """tomllib stops at the first error; the clerk sees all of them (each one-line slip is left out in turn)."""
    path = tmp_path / "r.toml"
    path.write_text(
        'format = "legacy"\n[report]\norgan = 南江县人民政府\nyear = 2018年\ndate = 2019-2-14\n'
        '[active]\ntotal = 64,585\ncategories = { "概况类" = 1,664 }\n',
        encoding="utf-8",
    )
    with pytest.raises(ReportError) as caught:
        load(path)
    assert [p.source.line for p in caught.value.problems] == [3, 4, 5, 7, 8]
    assert all(p.rule == "input.toml-syntax" for p in caught.value.problems)


def test_a_header_slip_stops_the_search(tmp_path: Path):
    """Leaving out a header would move its keys into the table before it: what follows is not guessed at."""
    path = tmp_path / "r.toml"
    path.write_text('[report\norgan = "甲"\n[active]\ntotal = 1,000\n', encoding="utf-8")
    with pytest.raises(ReportError) as caught:
        load(path)
    assert [p.source.line for p in caught.value.problems] == [1]
