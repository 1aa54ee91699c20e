"""二、主动公开政府信息情况 — the stated total, the counts by category and by channel, and the prose.

Legacy reports state a cumulative total and then break it down by category with percentages typed into the
prose; assessors found these inconsistent (the seed's categories add to 64,917 against a stated 64,585, and
one percentage is ten times too large).  The counts are data here, so the sums and the typed percentages can
be checked against them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from compiler import hookimpl
from compiler.model.narrative import iter_texts
from compiler.model.problems import Problem
from compiler.model.refs import Evaluator, fmt_number, percent
from compiler.model.schema import Field
from compiler.model.sections import SectionContext
from compiler.source.hygiene import clean_text
from plugins.common.prose.percent import percent_verdict
from plugins.legacy.part import is_count, part, total

FIELDS = (
    Field("total", "count", description="主动公开政府信息总数（条）", example=100),
    Field(
        "categories",
        "counts",
        description="按类别（条）",
        example={"概况类": 10, "工作动态类": 60, "其他": 30},
    ),
    Field("channels", "counts", description="按公开渠道（条）", example={"网站": 80, "微博": 10, "微信": 10}),
)

_SEGMENT = re.compile(r"[^；;。\n]+")
#: "占12.4%", and the longer ways real reports say it: "占总体的比例为83.84%", "占总体比例的52.6%", "占总数的3%"
_PERCENT = re.compile(r"占(?:[^，,；;。\d%％]{0,8}?(?:的|比例|比重|为|是))?\s*(\d+(?:\.\d+)?)\s*[%％]")


def derive(ctx: SectionContext) -> dict[str, Any]:
    categories = ctx.data.get("categories") or {}
    stated = ctx.data.get("total")
    shares: dict[str, Decimal] = {}
    if is_count(stated) and stated > 0:
        shares = {name: Decimal(percent(n, stated, 2)[:-1]) for name, n in categories.items() if is_count(n)}
    return {
        "category_sum": total(categories),
        "channel_sum": total(ctx.data.get("channels")),
        "category_pct": shares,
    }


def typed_percentages(ctx: SectionContext) -> list[tuple[str, str, str]]:
    """``(keypath, category, percentage as written)`` for each "<category>…占N%" in the resolved prose.

    A percentage belongs to the category named last before it in the same clause (clauses end at 。 or ；).
    """
    names = sorted((ctx.data.get("categories") or {}), key=len, reverse=True)
    # the prose is read as printed, cleaned (half-width marks beside Chinese widened); a category's name is a TOML
    # key, kept as typed: cleaned the same way, it is found as printed
    printed = {name: clean_text(name).text for name in names}
    found: list[tuple[str, str, str]] = []
    evaluator = Evaluator(ctx.values)
    for sub, raw in iter_texts(ctx.data):
        text = evaluator.resolve(raw, None, []).text
        for segment in _SEGMENT.finditer(text):
            clause = segment.group(0)
            for m in _PERCENT.finditer(clause):
                before = clause[: m.start()]
                positions = {name: before.rfind(printed[name]) for name in names}
                named = [(pos, name) for name, pos in positions.items() if pos >= 0]
                if named:
                    found.append((sub, max(named)[1], m.group(1)))
    return found


def _places(written: str) -> int:
    return len(written.partition(".")[2])


def check(ctx: SectionContext) -> list[Problem]:
    stated = ctx.data.get("total")
    categories = ctx.data.get("categories") or {}
    channels = ctx.data.get("channels") or {}
    if not is_count(stated):
        return []
    category_sum, channel_sum = total(categories), total(channels)
    if categories and category_sum != stated:
        ctx.warning(
            "legacy.active.category-sum",
            f"主动公开分类合计{category_sum}条，与所述总数{stated}条不一致（相差{category_sum - stated:+d}条）",
            "total",
            expected=stated,
            found=category_sum,
        )
    if channels and channel_sum != stated:
        ctx.warning(
            "legacy.active.channel-sum",
            f"主动公开各渠道合计{channel_sum}条，与所述总数{stated}条不一致（相差{channel_sum - stated:+d}条）",
            "channels",
            expected=stated,
            found=channel_sum,
        )
    if stated == 0:
        return []
    typed = typed_percentages(ctx)
    for sub, name, written in typed:
        count = categories[name]
        if not is_count(count):
            continue
        places = _places(written)
        expected = percent(count, stated, places)
        verdict = percent_verdict(count, stated, written)
        if verdict is None or verdict.ok:
            continue
        if verdict.truncated:  # the one rounding policy of every format (plugins.common.prose.percent)
            ctx.warning(
                "prose.percent-rounding",
                f"“{name}”的占比{written}%是截断值，四舍五入应为{expected}",
                sub,
                expected=expected,
                found=f"{written}%",
            )
            continue
        message = (
            f"“{name}”的占比写作{written}%，按{count}÷{stated}计算应为{expected}"
            f"（约{percent(count, stated, max(places + 2, 3))}）"
        )
        if category_sum and Decimal(percent(count, category_sum, places)[:-1]) == Decimal(written):
            message += f"；{written}%是按分类合计{category_sum}条算出的"
        ctx.warning("legacy.active.percentage", message, sub, expected=expected, found=f"{written}%")
    _check_percentage_total(ctx, typed, set(categories))
    return []


def _check_percentage_total(ctx: SectionContext, typed: list[tuple[str, str, str]], names: set[str]) -> None:
    """When every category has a typed percentage, they should add up to 100% within rounding."""
    by_name = {name: written for _, name, written in typed}
    if not names or set(by_name) != names:
        return
    added = sum(Decimal(w) for w in by_name.values())
    slack = sum(Decimal(5).scaleb(-_places(w) - 1) for w in by_name.values())
    if abs(added - 100) > slack:
        ctx.warning(
            "legacy.active.percentage-total",
            f"各类别占比相加为{fmt_number(added)}%，不是100%",
            typed[0][0],
            expected="100%",
            found=f"{fmt_number(added)}%",
        )


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "active",
            "主动公开政府信息情况",
            fields=FIELDS,
            description="主动公开的总数、分类与渠道统计及说明",
            derive=derive,
            check=check,
            text_example="全年主动公开政府信息{active.total}条，其中概况类{active.categories.概况类}条，"
            "占{pct(active.categories.概况类, active.total, 0)}。",
        )
    )
