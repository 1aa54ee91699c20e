"""This year's report against last year's (``previous = "…"`` or ``gongkai check --previous``).

Carry-over continuity is an ERROR: the applications "上年结转" this year *are* the ones last year's report said it
"结转下年度继续办理", so a difference means one of the two published reports is wrong — the very inconsistency
assessors look for.  When last year's published figure was wrong and cannot be changed, the author states why in
``applications.carry_over_note``; the finding then stays visible as a WARNING instead of blocking the build.
The count of 规章 and 规范性文件 is only expected to follow last year's (2021 tables: 现行有效 = last year's +
制发 − 废止; 2019 tables: 对外公开总数量 = last year's + 本年新公开; from a 2019-table year to a 2021-table one, last
year's 对外公开总数量 stands for its 现行有效, and the message says the columns are not defined alike) — clean-ups
and re-counts happen, so that is a WARNING.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from compiler.model.problems import Problem, Severity
from compiler.model.report import Report
from plugins.common.report import report_year
from plugins.gb2021 import values as v
from plugins.gb2021.applications import table_values
from plugins.gb2021.format import FORMAT_KEYS
from plugins.gb2021.tables import APPLICANT_COLUMNS, VARIANTS, table2_columns

Make = Callable[..., Problem]


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
    this_year, last_year = report_year(report.data), report_year(previous.data)
    if this_year is not None and last_year is not None and last_year != this_year - 1:
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


@dataclass(frozen=True)
class DocumentCount:
    """How a variant's table 二 counts 规章 and 规范性文件 from one year to the next."""

    stock: str  # the column holding the count at the end of the year
    flows: tuple[tuple[str, int], ...]  # the columns that change it during the year, with their sign


#: 2021: 现行有效 = last year's 现行有效 + 本年制发 − 本年废止.  2019: 对外公开总数量 = last year's + 本年新公开数量.
DOCUMENT_COUNTS = {
    "2021": DocumentCount("valid", (("issued", 1), ("repealed", -1))),
    "2019": DocumentCount("total_public", (("published", 1),)),
}


def _column_label(format_key: str, row_key: str, column: str) -> tuple[str, str]:
    row = next(r for block in VARIANTS[format_key].table2 for r in block.rows if r.key == row_key)
    return row.label, table2_columns(VARIANTS[format_key].table2)[column]


def _valid_documents(report: Report, previous: Report, make: Make) -> list[Problem]:
    """This year's count of 规章/规范性文件 against last year's count and this year's changes.

    Across the two formats (a 2020 report in the 2019 tables, 2021 in the new ones) last year's 对外公开总数量 stands
    for its 现行有效件数: the columns are not defined alike, so the message says so and asks for a word in the text.
    """
    now_rule, last_rule = DOCUMENT_COUNTS[report.format.key], DOCUMENT_COUNTS[previous.format.key]
    now = report.data.get("active") or {}
    before = previous.data.get("active") or {}
    problems = []
    for row in VARIANTS[report.format.key].table2[0].rows:
        this_row, last_row = now.get(row.key), before.get(row.key)
        if not isinstance(this_row, Mapping) or not isinstance(last_row, Mapping):
            continue
        stock, last_stock = this_row.get(now_rule.stock), last_row.get(last_rule.stock)
        flows = [(column, sign, this_row.get(column)) for column, sign in now_rule.flows]
        if not (v.is_count(stock) and v.is_count(last_stock)) or not all(v.is_count(n) for _, _, n in flows):
            continue
        expected = v.number(last_stock) + sum(sign * v.number(n) for _, sign, n in flows)
        if v.number(stock) == expected:
            continue
        label, stock_label = _column_label(report.format.key, row.key, now_rule.stock)
        last_label, last_stock_label = _column_label(previous.format.key, row.key, last_rule.stock)
        terms = "".join(
            f"{'＋' if sign > 0 else '－'}{_column_label(report.format.key, row.key, column)[1]} {v.show(n)}"
            for column, sign, n in flows
        )
        message = (
            f"表二第二十条第（一）项“{label}”的“{stock_label}”为 {v.show(stock)}，"
            f"按上年“{last_label}”的“{last_stock_label}” {v.show(last_stock)}{terms} 应约为 {v.show(expected)}；"
        )
        if previous.format.key != report.format.key:
            message += (
                f"上年报告 {previous.path} 用的是 {previous.format.key} 格式，两种表的栏目口径不完全相同，"
                "相差较大时请在正文中说明"
            )
        else:
            message += "若有清理或重新统计，请在正文中说明"
        problems.append(
            make(
                Severity.WARNING,
                "gb2021.cross-year.valid-documents",
                message,
                f"active.{row.key}.{now_rule.stock}",
                expected=expected,
                found=stock,
            )
        )
    return problems
