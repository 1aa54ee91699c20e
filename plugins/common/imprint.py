"""``[imprint]``: the 版记 at the foot of the last page (GB/T 9704 §7.4) — who printed the report and when.

A report issued as an official document ends with a 版记: rules across the 版心, the 抄送机关 if any, and the
印发机关 on the left with the 印发日期 on the right ("平潭综合实验区经济发展局办公室    2020年1月2日印发")::

    [imprint]
    issuer = "平潭综合实验区经济发展局办公室"   # 印发机关
    date = 2020-01-02                          # 印发日期, printed 2020年1月2日印发
    cc = "区管委会办公室"                       # 抄送机关 (optional), printed after "抄送："

It is printed after everything the report prints (the signature, a 附表 placed after it), at the foot of that page
— on a page of its own when the page has no room left.  The 印发日期 may not be before the 成文日期
(``common.imprint-date``).
"""

from __future__ import annotations

import datetime as dt

from compiler import hookimpl
from compiler.model.document import Block, Imprint
from compiler.model.problems import Problem
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType
from plugins.common.signature import chinese_date

SCHEMA = Schema(
    (
        Field("issuer", "str", required=True, description="印发机关（照原样）"),
        Field("date", "date", required=True, description="印发日期，排作“2025年1月24日印发”"),
        Field("cc", "str", description="抄送机关（照原样，不写“抄送：”）"),
    ),
    description="版记：抄送机关、印发机关和印发日期（GB/T 9704 第7.4条），排在最后一页的下端",
)


def build(ctx: SectionContext) -> list[Block]:
    cc = ctx.data.get("cc")
    return [
        Imprint(
            str(ctx.data.get("issuer") or ""),
            chinese_date(ctx.data.get("date")) + "印发",
            cc.strip() if isinstance(cc, str) else "",
            source=ctx.source(),
        )
    ]


def check(ctx: SectionContext) -> list[Problem]:
    printed = ctx.data.get("date")
    signature = ctx.report.data.get("signature") or {}
    written = signature.get("date") or (ctx.report.data.get("report") or {}).get("date")
    if isinstance(printed, dt.date) and isinstance(written, dt.date) and printed < written:
        ctx.warning(
            "common.imprint-date",
            f"印发日期 {chinese_date(printed)} 早于成文日期 {chinese_date(written)}：先成文，后印发",
            "date",
            expected=f"不早于 {chinese_date(written)}",
            found=chinese_date(printed),
        )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="imprint",
            title="版记",
            schema=SCHEMA,
            build=build,
            check=check,
            numbered=False,
            after="signature",
            description="版记：抄送机关、印发机关和印发日期，排在最后一页的下端（GB/T 9704 第7.4条）",
        )
    )
