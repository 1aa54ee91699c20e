"""``[signature]``: the issuing body and date at the end of the text (GB/T 9704 §7.3.5.2).

Both default to ``[report]``: a report without ``[signature]`` is signed with the report's organ and date, like
a bare ``[signature]`` table.  A report published with no 署名 and 成文日期 says so with ``omit = true``:
nothing is printed and a warning says what GB/T 9704 expects (``common.no-signature``).  A report published
with the date alone (平潭县人民政府 2011: only "二○一二年二月二十日" under the text) writes ``organ = ""``: the
date is printed alone, 右空二字 as §7.3.5.2 sets a date longer than its 署名, and a warning says that the
署名 is missing (``common.signature-date-only``).
The date is written the official way, 2019年2月14日 — Arabic numerals, no leading zeros.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Signature
from compiler.model.problems import Problem
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType

SCHEMA = Schema(
    (
        Field("organ", "str", description='落款机关（默认同 report.organ；写 "" 则只排成文日期，照原报告）'),
        Field("date", "date", description="成文日期（默认同 report.date）", example=dt.date(2025, 3, 31)),
        Field("omit", "bool", description="原报告没有落款时写 true：不排署名和成文日期（会提示）"),
    ),
    description="落款：机关与成文日期",
)


def chinese_date(value: Any) -> str:
    """``2019-02-14`` → ``2019年2月14日``; a value that is not a date is returned as written."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return ""


def build(ctx: SectionContext) -> list[Block]:
    if ctx.data.get("omit") is True:
        return []
    report = ctx.report.data.get("report") or {}
    organ = ctx.data["organ"] if ctx.data.get("organ") == "" else ctx.data.get("organ") or report.get("organ") or ""
    date = ctx.data.get("date") or report.get("date")
    return [Signature(str(organ), chinese_date(date), source=ctx.source())]


def check(ctx: SectionContext) -> list[Problem]:
    if ctx.data.get("omit") is True:
        ctx.warning(
            "common.no-signature",
            "报告没有署名和成文日期（omit = true）；GB/T 9704 要求正文之后署发文机关名称并写成文日期",
            "omit",
            expected="署名与成文日期",
            found="无",
        )
    elif ctx.data.get("organ") == "":
        ctx.warning(
            "common.signature-date-only",
            '落款只有成文日期，没有署名（organ = ""）；GB/T 9704 要求正文之后署发文机关名称',
            "organ",
            expected="署名与成文日期",
            found="只有成文日期",
        )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="signature",
            title="落款",
            schema=SCHEMA,
            build=build,
            check=check,
            numbered=False,
            build_without_data=True,
            description="文末落款（机关与日期，默认取自 [report]；不写 [signature] 也照此落款）",
        )
    )
