"""Automatic numbers and references from prose to data."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compiler.model import numbering
from compiler.model.problems import Problem
from compiler.model.refs import Evaluator, fmt_number, percent


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (999, "九百九十九"),
    ],
)
def test_chinese_numbers(n: int, text: str):
    assert numbering.chinese_number(n) == text
    assert numbering.parse_chinese_number(text) == n


@given(st.integers(min_value=1, max_value=999))
def test_chinese_numbers_round_trip(n: int):
    assert numbering.parse_chinese_number(numbering.chinese_number(n)) == n


def test_labels_of_each_scheme():
    assert [numbering.label("一、", i) for i in (1, 2, 10)] == ["一、", "二、", "十、"]
    assert numbering.label("（一）", 3) == "（三）"
    assert numbering.label("1.", 12) == "12."
    assert (numbering.label("1、", 2), numbering.label("1．", 3)) == ("2、", "3．")  # printed variants
    assert numbering.label("（1）", 2) == "（2）"
    assert (numbering.label("第一，", 3), numbering.label("第一,", 12)) == ("第三，", "第十二,")  # ordinals as printed
    assert numbering.label("一是", 4) == "四是"
    with pytest.raises(ValueError):
        numbering.label("A.", 1)


VALUES = {
    "active": {"total": 64585, "categories": {"概况类": 664, "其他": 42385}, "share": 0.5},
    "report": {"year": 2018, "organ": "南江县人民政府"},
    "list": [{"n": 3}],
}


def resolve(text: str) -> tuple[str, list[Problem]]:
    problems: list[Problem] = []
    return Evaluator(VALUES).resolve(text, None, problems).text, problems


def test_paths_functions_and_literal_braces():
    text, problems = resolve(
        "共{active.total}条，概况类{active.categories.概况类}条，占{pct(active.categories.其他, active.total, 2)}，"
        "合计{sum(active.categories)}条，约{wan(active.total, 2)}万条，差{diff(active.total, active.categories.其他)}，"
        "{report.organ}{{原样}}{list[0].n}"
    )
    assert problems == []
    assert text == "共64585条，概况类664条，占65.63%，合计43049条，约6.46万条，差22200，南江县人民政府{原样}3"


def test_spans_mark_generated_text():
    problems: list[Problem] = []
    resolved = Evaluator(VALUES).resolve("累计{active.total}条", None, problems)
    ((start, end, expr),) = resolved.spans
    assert resolved.text[start:end] == "64585" and expr == "active.total"


def test_unknown_path_suggests_and_keeps_braces():
    text, problems = resolve("共{active.totla}条")
    assert text == "共{active.totla}条"
    assert len(problems) == 1 and "active.total" in problems[0].message


def test_a_reference_to_a_blank_cell_says_blank():
    problems: list[Problem] = []
    resolved = Evaluator({"applications": {"total": {"granted": None}}}).resolve(
        "予以公开{applications.total.granted}件", None, problems
    )
    assert resolved.text == "予以公开{applications.total.granted}件"
    [p] = problems
    assert p.rule == "refs.invalid" and "空白" in p.message and p.found == "空白"


def test_bad_function_and_zero_denominator():
    _, problems = resolve("{pcnt(active.total, active.total)}")
    assert "pct" in problems[0].message
    _, problems = resolve("{pct(active.total, 0)}")
    assert problems[0].rule == "refs.invalid"


def test_rounding_is_half_up():
    assert fmt_number(2.345, 2) == "2.35"  # binary float would round this down
    assert percent(1, 8, 1) == "12.5%"
    assert percent(1, 3, 0) == "33%"
    assert fmt_number(4.0) == "4"
