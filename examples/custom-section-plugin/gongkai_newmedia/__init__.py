"""政务新媒体情况 — an example third-party section for legacy-format reports.

It shows everything a section plugin does: declare the keys of its TOML table (with Chinese descriptions and
examples, so ``gongkai init`` writes them), build blocks that name style roles only, derive values the prose
can cite (``{newmedia.post_sum}``), and check the data — here, posts counted for a platform with no account,
and posts that disagree with the 微博/微信 channels of part 二.  ``after="other"`` puts the section after
八、其他需要报告的事项 in the legacy format's default order, numbered in place.
"""

from __future__ import annotations

from typing import Any

from compiler import hookimpl
from compiler.document import Block
from compiler.narrative import NARRATIVE_FIELDS, narrative_blocks
from compiler.problems import Problem
from compiler.schema import Field, Schema
from compiler.sections import SectionContext, SectionType

SCHEMA = Schema(
    (
        Field("accounts", "counts", description="政务新媒体账号数（个）", example={"微博": 1, "微信": 1}),
        Field("posts", "counts", description="全年发布信息数（条）", example={"微博": 10, "微信": 10}),
        *NARRATIVE_FIELDS,
    ),
    description="政务新媒体账号与发布情况",
)


def _sum(counts: Any) -> int:
    return sum(v for v in (counts or {}).values() if isinstance(v, int) and not isinstance(v, bool))


def derive(ctx: SectionContext) -> dict[str, Any]:
    return {"account_sum": _sum(ctx.data.get("accounts")), "post_sum": _sum(ctx.data.get("posts"))}


def build(ctx: SectionContext) -> list[Block]:
    return [ctx.heading(), *narrative_blocks(ctx)]


def check(ctx: SectionContext) -> list[Problem]:
    accounts = ctx.data.get("accounts") or {}
    posts = ctx.data.get("posts") or {}
    for platform, n in posts.items():
        if isinstance(n, int) and n > 0 and not accounts.get(platform):
            ctx.warning(
                "newmedia.posts-without-account",
                f"“{platform}”没有登记账号，却有发布信息{n}条",
                f"posts.{platform}",
                expected=f"accounts.{platform} ≥ 1",
                found=accounts.get(platform, "未填写"),
            )
    channels = (ctx.report.data.get("active") or {}).get("channels") or {}
    for platform, n in posts.items():
        stated = channels.get(platform)
        if isinstance(stated, int) and isinstance(n, int) and stated != n:
            ctx.warning(
                "newmedia.posts-vs-active",
                f"“{platform}”发布信息{n}条，与主动公开渠道统计（active.channels.{platform}）的{stated}条不一致",
                f"posts.{platform}",
                expected=stated,
                found=n,
            )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="newmedia",
            title="政务新媒体情况",
            formats=frozenset({"legacy"}),
            schema=SCHEMA,
            derive=derive,
            build=build,
            check=check,
            after="other",
            description="政务微博、微信等新媒体账号与发布情况",
        )
    )
