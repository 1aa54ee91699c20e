"""``[signature]``: the issuing body and date at the end of the text (GB/T 9704 §7.3.5.2).

Both default to ``[report]``: a bare ``[signature]`` table means "sign with the report's organ and date".
The date is written the official way, 2019年2月14日 — Arabic numerals, no leading zeros.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Signature
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType

SCHEMA = Schema(
    (
        Field("organ", "str", description="落款机关（默认同 report.organ）"),
        Field("date", "date", description="成文日期（默认同 report.date）", example=dt.date(2025, 3, 31)),
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
    report = ctx.report.data.get("report") or {}
    organ = ctx.data.get("organ") or report.get("organ") or ""
    date = ctx.data.get("date") or report.get("date")
    return [Signature(str(organ), chinese_date(date), source=ctx.source())]


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="signature",
            title="落款",
            schema=SCHEMA,
            build=build,
            numbered=False,
            description="文末落款（机关与日期，默认取自 [report]）",
        )
    )
