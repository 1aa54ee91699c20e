"""三、依申请公开政府信息情况 — applications received, by channel and by outcome, fees, and the prose.

The legacy outcome vocabulary (属于已主动公开的, 同意公开 … 告知通过其他途径办理) is the pre-2019 one.  Both
breakdowns are tables the author types next to the number received, so a mismatch is an arithmetic error in
the report itself and is reported as an ERROR.
"""

from __future__ import annotations

from typing import Any

from compiler import hookimpl
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext
from plugins.legacy.part import is_count, part, total

#: The outcomes of the legacy era, in the order reports list them (also the skeleton's example keys).
OUTCOMES = (
    "属于已主动公开的",
    "同意公开",
    "同意部分公开",
    "不同意公开",
    "不属于本行政机关公开",
    "申请信息不存在",
    "非《条例》所指政府信息",
    "告知通过其他途径办理",
)

FIELDS = (
    Field("received", "count", description="受理政府信息公开申请数（件）", example=3),
    Field("channels", "counts", description="按申请方式（件）", example={"当面": 2, "网络": 1, "信函": 0}),
    Field(
        "outcomes",
        "counts",
        description="按答复结果（件）",
        example={name: (2 if name == "同意公开" else 1 if name == "同意部分公开" else 0) for name in OUTCOMES},
    ),
    Field("fees", "money", description="收取费用（元）", example=0),
)


def derive(ctx: SectionContext) -> dict[str, Any]:
    return {"channel_sum": total(ctx.data.get("channels")), "outcome_sum": total(ctx.data.get("outcomes"))}


def check(ctx: SectionContext) -> list[Problem]:
    received = ctx.data.get("received")
    if not is_count(received):
        return []
    for key, what in (("channels", "各申请方式"), ("outcomes", "各答复结果")):
        counts = ctx.data.get(key)
        if not counts:
            continue
        added = total(counts)
        if added != received:
            ctx.error(
                f"legacy.applications.{key[:-1]}-sum",
                f"{what}合计{added}件，与受理申请数{received}件不一致（相差{added - received:+d}件）",
                key,
                expected=received,
                found=added,
            )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "applications",
            "依申请公开政府信息情况",
            fields=FIELDS,
            description="依申请公开的受理、答复与收费情况",
            derive=derive,
            check=check,
            text_example="本年度共受理政府信息公开申请{applications.received}件，"
            "其中当面申请{applications.channels.当面}件。",
        )
    )
