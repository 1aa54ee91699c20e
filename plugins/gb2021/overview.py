"""一、总体情况 — an introduction, then the format's customary sub-items as optional numbered sub-sections.

The 2021 format says 总体情况 "主要包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障"; each
is a TOML table of its own, numbered （一）（二）… in that order among those present, so leaving one out never
leaves a gap::

    [overview]
    text = "2024年，……"
    [overview.active]               # （一）主动公开
    text = "……"
    [[overview.active.items]]       # numbered 1. 2. under it
    heading = "……。"
    text = "……"
"""

from __future__ import annotations

from collections.abc import Callable

from compiler import hookimpl
from compiler.model.document import Block, Heading
from compiler.model.narrative import LEVEL_OF_SCHEME, NARRATIVE_FIELDS, NarrativeBuilder, numbering_variant
from compiler.model.numbering import PRINTED_VARIANTS, label
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.gb2021.part import make_part
from plugins.gb2021.tables import VARIANTS

#: Sub-section key → its customary heading (without the number).
SUBSECTIONS: dict[str, str] = {
    "active": "主动公开",
    "applications": "依申请公开",
    "management": "政府信息管理",
    "platforms": "政府信息公开平台建设",
    "supervision": "监督保障",
}

_SUB_FIELDS = (Field("heading", "str", description="改用其他小标题文字（不要写编号）"), *NARRATIVE_FIELDS)

FIELDS: tuple[Field, ...] = tuple(
    Field(key, "table", description=f"（自动编号）{title}", example={"text": f"{title}工作情况。"}, fields=_SUB_FIELDS)
    for key, title in SUBSECTIONS.items()
)


def present_subsections(ctx: SectionContext) -> list[str]:
    return [key for key in SUBSECTIONS if isinstance(ctx.data.get(key), dict)]


def build(ctx: SectionContext) -> list[Block]:
    builder = NarrativeBuilder(ctx)
    blocks: list[Block] = [ctx.heading(), *builder.texts(ctx.data.get("text"), "text")]
    scheme = ctx.data.get("numbering")  # the subsections numbered as printed: "(一)" (a level-2 scheme), else （一）
    scheme = scheme if LEVEL_OF_SCHEME.get(scheme) == 2 else "（一）"
    subsections = present_subsections(ctx)
    if subsections and scheme in PRINTED_VARIANTS:
        numbering_variant(ctx, scheme, "numbering")
    for n, key in enumerate(subsections, start=1):
        data = ctx.data[key]
        title = data.get("heading") or SUBSECTIONS[key]
        blocks.append(
            Heading(
                label(scheme, n) + ctx.text(title, f"{key}.heading"),
                role="heading2",
                outline_level=1,
                source=ctx.source(key),
            )
        )
        blocks += builder.build(data, key, level=3)
    rest = {k: ctx.data[k] for k in ("items", "numbering") if k in ctx.data}
    blocks += builder.build(rest, "", level=2)
    blocks += builder.texts(ctx.data.get("after"), "after")
    return blocks


def check(ctx: SectionContext) -> list[Problem]:
    if present_subsections(ctx) and ctx.data.get("items"):
        ctx.error(
            "gb2021.overview.items-and-subsections",
            "一、总体情况中同时写了分项 items 和小节（主动公开、依申请公开等），两者都会编为（一）（二）……而重号；"
            "请把 items 的内容移入相应小节",
            "items",
            expected="只用一种",
            found="两种都有",
        )
    return []


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    register(
        make_part(
            "overview",
            VARIANTS,
            fields=FIELDS,
            text_example="本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，……",
            build=build,
            check=check,
            description="总体情况：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障",
        )
    )
