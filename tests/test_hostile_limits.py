"""Numbers and sizes: absurd input finishes in bounded time with a correct PDF or a clear error
(compiler/source/limits.py).

The inputs are made here rather than stored (a 10 MB file has no place in the repository).  No speed is
asserted here: the README's times ("< 1 s", "in seconds") are measured by ``python -m bench.hostile`` on the
machine that claims them.  The one bound below, :data:`HANG`, is deliberately generous — minutes, on a shared
CI runner — and only tells a hang or an unbounded path from a slow machine.
"""

from __future__ import annotations

import re
import time
import tomllib
from pathlib import Path

import pdfplumber
import pytest
import tomli_w
from conftest import LEGACY_REPORT, legacy, rules

from compiler.build import BuildFailed, build, check_report
from compiler.cli.commands import main
from compiler.model import numbering
from compiler.model.problems import ReportError
from compiler.source.limits import MAX_ENTRIES, MAX_FILE_BYTES, MAX_STRING_CHARS

#: Seconds after which an input counts as hanging.  Not a speed claim (see bench/hostile.py): the reference
#: machine takes 0.5–3 s for every case below.
HANG = 120


def write(tmp_path: Path, data: dict, name: str = "r.toml") -> Path:
    path = tmp_path / name
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


def pdf_text(path: Path) -> str:
    """The PDF's text in reading order, without line breaks and page numbers."""
    with pdfplumber.open(path) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages).replace("\n", "")
    return re.sub(r"— \d+ —", "", text)


def test_a_10_mb_narrative_is_refused_before_parsing(tmp_path, monkeypatch):
    path = write(tmp_path, legacy(overview={"text": "政府信息公开工作，" * (10_000_000 // 27)}))
    assert path.stat().st_size > MAX_FILE_BYTES

    def parse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a file over the size limit was handed to the TOML parser")

    monkeypatch.setattr(tomllib, "loads", parse)  # "before parsing": the parser is never called
    with pytest.raises(ReportError) as info:
        check_report(path)
    assert info.value.problems[0].rule == "input.too-large"


def test_a_device_is_not_read_forever():
    with pytest.raises(ReportError) as info:
        check_report(Path("/dev/zero"))
    assert info.value.problems[0].rule == "input.not-a-file"


def test_a_paragraph_over_the_limit_is_an_error_naming_its_key(tmp_path):
    path = write(tmp_path, legacy(overview={"text": ["短段。", "长" * (MAX_STRING_CHARS + 1)]}))
    [p] = [p for p in check_report(path)[1] if p.rule == "input.too-long"]
    assert p.source.keypath == "overview.text[1]" and p.source.line


def test_a_paragraph_with_no_punctuation_at_all_typesets_every_character(tmp_path):
    text = "".join("政府信息公开工作年度报告"[i % 12] for i in range(15_000))
    path = write(tmp_path, legacy(overview={"text": text}))
    started = time.perf_counter()
    result = build(path)
    assert time.perf_counter() - started < HANG
    extracted = pdf_text(result.output)
    assert text in extracted  # nothing lost, nothing doubled across 25 pages of one paragraph
    assert result.pages > 20


def test_5000_items_are_checked_in_bounded_time(tmp_path):
    items = [{"heading": "小标题。", "text": f"第{i}项。"} for i in range(5000)]
    path = write(tmp_path, legacy(overview={"text": "概述。", "items": items}))
    started = time.perf_counter()
    report, _ = check_report(path)
    assert time.perf_counter() - started < HANG
    assert not report.errors


@pytest.mark.slow
def test_5000_items_build_in_bounded_time(tmp_path):
    items = [{"heading": "小标题。", "text": f"第{i}项。"} for i in range(5000)]
    path = write(tmp_path, legacy(overview={"text": "概述。", "items": items}))
    started = time.perf_counter()
    result = build(path)
    assert time.perf_counter() - started < HANG
    extracted = pdf_text(result.output)
    assert extracted.count("小标题。第") == 5000
    assert f"{numbering.label('（一）', 5000)}小标题。第4999项。" in extracted


def test_more_entries_than_the_limit_is_an_error(tmp_path):
    items = [{"heading": "标题"} for _ in range(MAX_ENTRIES + 1)]
    path = write(tmp_path, legacy(overview={"items": items}))
    started = time.perf_counter()
    problems = check_report(path)[1]
    assert time.perf_counter() - started < HANG
    assert "input.too-many" in rules(problems)


def test_5000_unknown_sections_are_5000_clear_errors(tmp_path):
    data = legacy(**{f"part{i}": {"text": "x"} for i in range(5000)})
    path = write(tmp_path, data)
    started = time.perf_counter()
    problems = check_report(path)[1]
    assert time.perf_counter() - started < HANG
    assert rules(problems).count("input.unknown-section") == 5000


def test_a_6000_character_table_cell_is_a_clear_error_not_a_crash(tmp_path, capsys):
    # (2000 characters now fit a page: a table taller than a page first tries the smaller type steps)
    active = {**LEGACY_REPORT["active"], "categories": {"类" * 6000: 40, "其他": 60}, "text": "无。"}
    path = write(tmp_path, legacy(active=active, tables={"text": "见附表。", "include": ["active"]}))
    with pytest.raises(ReportError) as info:
        build(path)
    [p] = info.value.problems
    assert p.rule == "layout.too-large" and p.source.keypath == "tables.include[0]"
    assert main(["build", str(path)]) == 2
    assert "内部错误" not in capsys.readouterr().err
    assert sorted(x.name for x in tmp_path.iterdir()) == ["r.toml"]


def test_a_table_cell_of_300_characters_fits_and_is_kept_whole(tmp_path):
    name = "".join("公开类别名称"[i % 6] for i in range(300))
    active = {**LEGACY_REPORT["active"], "categories": {name: 40, "其他": 60}, "text": "无。"}
    path = write(tmp_path, legacy(active=active, tables={"text": "见附表。", "include": ["active"]}))
    # the amount (40) sits beside the middle of the tall cell, so reading order puts it among the name's lines
    assert name in re.sub(r"[\s\d]", "", pdf_text(build(path).output))


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        (10**30, "input.number-range"),
        (-5, "input.negative"),
        ("一百", "input.type"),
        (float("inf"), "input.number-range"),
        (float("nan"), "input.number-range"),
        (1.5, "input.type"),
        (True, "input.type"),
    ],
)
def test_wrong_and_absurd_numbers_are_named(tmp_path, value, rule):
    path = tmp_path / "r.toml"
    text = tomli_w.dumps(legacy()).replace("total = 100", f"total = {_toml(value)}")
    path.write_text(text, encoding="utf-8")
    [p] = [p for p in check_report(path)[1] if p.source and p.source.keypath == "active.total"]
    assert p.rule == rule and p.source.line


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value != value:
        return "nan"
    if value == float("inf"):
        return "inf"
    return tomli_w.dumps({"v": value}).split("=", 1)[1].strip()


def test_absurd_counts_inside_a_counts_table(tmp_path):
    active = {**LEGACY_REPORT["active"], "categories": {"概况类": 10**20, "其他": 60}}
    path = write(tmp_path, legacy(active=active))
    [p] = [p for p in check_report(path)[1] if p.rule == "input.number-range"]
    assert p.source.keypath == "active.categories.概况类"


def test_deep_nesting_is_a_clear_error(tmp_path):
    path = tmp_path / "r.toml"
    path.write_text('format = "legacy"\nx = ' + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    with pytest.raises(ReportError) as info:
        check_report(path)
    assert info.value.problems[0].rule == "input.too-deep"


def test_a_failed_build_writes_nothing(tmp_path):
    path = write(tmp_path, legacy(overview={"text": "表扬😀信。"}))
    with pytest.raises(ReportError):
        build(path)
    with pytest.raises(BuildFailed):
        build(write(tmp_path, legacy(active={**LEGACY_REPORT["active"], "total": -1}), "n.toml"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["n.toml", "r.toml"]
