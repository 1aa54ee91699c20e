"""This year's report against last year's (``previous = "…"`` or ``gongkai check --previous``).

Carry-over continuity is an ERROR: the applications "上年结转" this year *are* the ones last year's report said it
"结转下年度继续办理", so a difference means one of the two published reports is wrong — the very inconsistency
assessors look for.  When last year's published figure was wrong and cannot be changed, the author states why in
``applications.carry_over_note``; the finding then stays visible as a WARNING instead of blocking the build.
The count of 现行有效 documents is only expected to follow last year's plus 制发 minus 废止 (clean-ups and
re-counts happen), so that is a WARNING.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from compiler.model.problems import Problem, Severity
from compiler.model.report import Report
from plugins.gb2021 import values as v
from plugins.gb2021.applications import table_values
from plugins.gb2021.format import FORMAT_KEYS
from plugins.gb2021.tables import APPLICANT_COLUMNS, TABLE2_2021, VARIANTS

Make = Callable[..., Problem]


def _year(report: Report) -> Any:
    return (report.data.get("report") or {}).get("year")


def _table3(report: Report) -> dict[str, dict[str, Any]]:
    layout = VARIANTS[report.format.key].table3
    return table_values(layout, report.data.get("applications") or {})


def cross_year_problems(report: Report, make: Make) -> list[Problem]:
    previous = report.previous
    if previous is None:
        return []
    where = previous.path
    if previous.format.key not in FORMAT_KEYS:
        return [
            make(
                Severity.WARNING,
                "gb2021.cross-year.format",
                f"上一年度报告 {where} 是“{previous.format.key}”格式，没有表三，无法核对上年结转",
                "previous",
                expected="2019 或 2021 格式",
                found=previous.format.key,
            )
        ]
    problems: list[Problem] = []
    this_year, last_year = _year(report), _year(previous)
    if isinstance(this_year, int) and isinstance(last_year, int) and last_year != this_year - 1:
        problems.append(
            make(
                Severity.WARNING,
                "gb2021.cross-year.year",
                f"上一年度报告 {where} 的年度是 {last_year}，本报告是 {this_year} 年度："
                f"应为 {this_year - 1} 年度的报告",
                "previous",
                expected=this_year - 1,
                found=last_year,
            )
        )
    problems += _carry_over(report, previous, make)
    if report.format.key == previous.format.key == "2021":
        problems += _valid_documents(report, previous, make)
    return problems


def _carry_over(report: Report, previous: Report, make: Make) -> list[Problem]:
    now, before = _table3(report), _table3(previous)
    note = (report.data.get("applications") or {}).get("carry_over_note")
    severity = Severity.WARNING if note else Severity.ERROR
    problems = []
    for col in APPLICANT_COLUMNS:
        carried_over = now[col.key]["carried_over"]
        carried_forward = before[col.key]["carried_forward"]
        if carried_over == carried_forward:
            continue
        message = (
            f"表三“{col.label}”列“二、上年结转政府信息公开申请数量”为 {v.show(carried_over)}，"
            f"而上一年度报告 {previous.path} 同列“四、结转下年度继续办理”为 {v.show(carried_forward)}：两者应相等"
        )
        if note:
            message += f"（已说明原因：{note}）"
        problems.append(
            make(
                severity,
                "gb2021.cross-year.carry-over",
                message,
                f"applications.{col.key}.carried_over",
                expected=carried_forward,
                found=carried_over,
            )
        )
    return problems


def _valid_documents(report: Report, previous: Report, make: Make) -> list[Problem]:
    now = report.data.get("active") or {}
    before = previous.data.get("active") or {}
    problems = []
    for row in TABLE2_2021[0].rows:
        this_row, last_row = now.get(row.key), before.get(row.key)
        if not isinstance(this_row, Mapping) or not isinstance(last_row, Mapping):
            continue
        valid, last_valid = this_row.get("valid"), last_row.get("valid")
        if not (v.is_count(valid) and v.is_count(last_valid)):
            continue
        issued, repealed = v.number(this_row.get("issued")), v.number(this_row.get("repealed"))
        expected = v.number(last_valid) + issued - repealed
        if v.number(valid) != expected:
            problems.append(
                make(
                    Severity.WARNING,
                    "gb2021.cross-year.valid-documents",
                    f"表二第二十条第（一）项“{row.label}”的“现行有效件数”为 {v.show(valid)}，"
                    f"按上年现行有效 {v.show(last_valid)}＋本年制发 {issued}－本年废止 {repealed} "
                    f"应约为 {v.show(expected)}；"
                    "若有清理或重新统计，请在正文中说明",
                    f"active.{row.key}.valid",
                    expected=expected,
                    found=valid,
                )
            )
    return problems
