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

import re
from collections.abc import Callable

from compiler import hookimpl
from compiler.model.document import Block, Heading
from compiler.model.narrative import (
    LEVEL_OF_SCHEME,
    NARRATIVE_FIELDS,
    NUMBER_AS_PRINTED,
    ItemNumbers,
    NarrativeBuilder,
    numbering_variant,
)
from compiler.model.numbering import PRINTED_VARIANTS
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.common.documents import left_out, swapped
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

_SUB_FIELDS = (
    Field("heading", "str", description="改用其他小标题文字（不要写编号）"),
    Field(
        "heading_runin",
        "bool",
        description="小标题与正文排在同一段（照原样：原报告“（一）主动公开情况。2024年，……”标题后直接接正文）",
    ),
    NUMBER_AS_PRINTED,
    *NARRATIVE_FIELDS,
)

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
    numbers = ItemNumbers(ctx, scheme)
    for key in subsections:
        data = ctx.data[key]
        title = data.get("heading") or SUBSECTIONS[key]
        if data.get("heading_runin") is True and data.get("text") and not data.get("tables"):
            # printed run in, as an item is: "（一）主动公开情况。2024年，……" in one paragraph, then its items
            blocks += builder.item({**data, "heading": title}, key, scheme, numbers.next(data, key))
            continue
        blocks.append(
            Heading(
                numbers.next(data, key) + ctx.text(title, f"{key}.heading"),
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


#: what a sub-item's heading names when it is one of the five topics (a heading may name two: "政府信息管理和公开平台
#: 建设方面", "加强主动公开和依申请公开办理方面")
TOPIC_WORDS: dict[str, re.Pattern[str]] = {
    "active": re.compile("主动公开"),
    "applications": re.compile("依申请|公开申请|申请公开"),
    "management": re.compile("信息管理"),
    "platforms": re.compile("平台"),
    "supervision": re.compile("监督|保障"),
}


def topics_of(ctx: SectionContext) -> tuple[list[str], int, int]:
    """The topics 总体情况's numbered sub-items cover (in the format's order), how many sub-items name one, and how
    many sub-items there are: the sub-sections present, or what the headings of its ``items`` name."""
    if subsections := present_subsections(ctx):
        return subsections, len(subsections), len(subsections)
    items = [item for item in ctx.data.get("items") or [] if isinstance(item, dict)]
    headings = [item["heading"] for item in items if isinstance(item.get("heading"), str)]
    named = [{key for key, words in TOPIC_WORDS.items() if words.search(heading)} for heading in headings]
    covered = set().union(*named)
    return [key for key in SUBSECTIONS if key in covered], sum(1 for keys in named if keys), len(items)


def skipped_topics(ctx: SectionContext) -> list[str]:
    """Topics of the 2021 format's five left out between two that are there — （一）主动公开 （二）政府信息管理
    （三）平台建设 （四）监督保障 with no 依申请公开 (大英县乡村振兴局 2021).  Asked only of the 2021 format (the 2019
    trial format does not list them), of sub-items that mostly follow the five topics (three or more of them name
    one, and at least half), and past the last topic present only when a later part is printed (北辰区集贤里街道
    2023: four topics, then 二、 — no 监督保障): a copy cut after its third sub-item has not left out the fourth."""
    if ctx.report.format.key != "2021":
        return []
    topics, named, count = topics_of(ctx)
    if named < 3 or 2 * named < count:
        return []
    order = list(SUBSECTIONS)
    first, last = order.index(topics[0]), order.index(topics[-1])
    if _whole(ctx):  # a later part is printed: 总体情况 is whole, and the topics after its last one were left out
        last = len(order) - 1
    return [key for key in order[first : last + 1] if key not in topics]


def _whole(ctx: SectionContext) -> bool:
    """Whether a part after 总体情况 is printed (the copy is not cut inside it)."""
    keys = [instance.key for instance in ctx.report.sections if instance.data]
    return ctx.key in keys and any(key in _LATER_PARTS for key in keys[keys.index(ctx.key) + 1 :])


#: a sub-heading typed in its paragraph: "(四)政府信息公开。坚持以人民为中心……" (信丰县正平镇 2023)
_RUN_IN_TOPIC = re.compile(r"^[（(][一二三四五][）)](?P<h>[^。：:，,]{2,14})[。：:]")
_TOPIC_NUMBER = re.compile(r"^(?:[（(][一二三四五六七八九十][）)]|\d+[.、．])")


def _topic_words(heading: str) -> str:
    """A sub-heading's words without its number and closing mark: "（二）依法申请公开：" → 依法申请公开."""
    return _TOPIC_NUMBER.sub("", heading.strip()).rstrip("。：:；;，, ")


def _one_edit_apart(words: str, title: str) -> bool:
    """One character added, dropped or changed: 依法申请公开 / 依申请公开, 政务…建设 / 政府…建设."""
    added, dropped = left_out(title, words), left_out(words, title)
    return (
        (added is not None and len(added) == 1)
        or (dropped is not None and len(dropped) == 1)
        or bool(swapped(words, title))
    )


def near_topic(heading: str) -> str | None:
    """The format's topic title a sub-heading was meant to be and is not quite: a topic cut short ("政府信息公开" for
    政府信息公开平台建设) or one character off ("依法申请公开", "政务信息公开平台建设").  A heading of its own
    wording ("主动公开政府信息情况", "平台建设") is not near any and is left alone."""
    words = _topic_words(heading)
    if len(words) < 4 or words in SUBSECTIONS.values():
        return None
    for title in SUBSECTIONS.values():
        if (title.startswith(words) and len(title) > len(words)) or _one_edit_apart(words, title):
            return title
    return None


def _topic_headings(ctx: SectionContext) -> list[tuple[str, str]]:
    """(key path within the part, heading) of every sub-heading of 总体情况: item headings, a sub-section's own
    heading, and a numbered heading run in at the start of a paragraph of its text."""
    found = [
        (f"items[{i}].heading", item["heading"])
        for i, item in enumerate(ctx.data.get("items") or [])
        if isinstance(item, dict) and isinstance(item.get("heading"), str)
    ]
    found += [
        (f"{key}.heading", ctx.data[key]["heading"])
        for key in present_subsections(ctx)
        if isinstance(ctx.data[key].get("heading"), str)
    ]
    text = ctx.data.get("text")
    paragraphs = [text] if isinstance(text, str) else text if isinstance(text, list) else []
    for i, paragraph in enumerate(paragraphs):
        if isinstance(paragraph, str) and (m := _RUN_IN_TOPIC.match(paragraph)):
            found.append((f"text[{i}]" if isinstance(text, list) else "text", m["h"]))
    return found


#: words that show 总体情况 speaks of a topic, headed or not
TOPIC_MENTIONS: dict[str, re.Pattern[str]] = {
    "active": re.compile(r"主动公开|(?:公开|发布|更新)[^。；]{0,16}?\d+\s*条"),
    "applications": re.compile("申请"),
    "management": re.compile("政府信息管理|信息管理|规范性文件|动态调整|目录|清理"),
    "platforms": re.compile("平台|网站|公众号|新媒体|公开栏|专区|专栏"),
    "supervision": re.compile("监督|保障|考核|培训|评议|追究"),
}
#: the parts after 总体情况: one of them present, the report's 总体情况 is whole, not a copy cut inside it
_LATER_PARTS = ("active", "applications", "appeals", "issues", "other")


def unmentioned_topics(ctx: SectionContext) -> list[str]:
    """The format's five topics a whole 总体情况 of the 2021 format says nothing of, when it speaks of two of them
    or fewer ("2023年……主动公开政府信息63条，其中……": 官洲街道 2023; a paragraph of general words: 滇中新区临空局
    2022).  Its text, items and sub-sections are read for the topics' words, headed or not."""
    if ctx.report.format.key != "2021":
        return []
    keys = [instance.key for instance in ctx.report.sections]
    if not any(key in _LATER_PARTS for key in keys[keys.index(ctx.key) + 1 :] if ctx.key in keys):
        return []
    words = "".join(_strings(ctx.data))
    missing = [key for key, pattern in TOPIC_MENTIONS.items() if not pattern.search(words)]
    return missing if len(missing) >= 3 else []


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def check(ctx: SectionContext) -> list[Problem]:
    if missing := unmentioned_topics(ctx):
        said = "、".join(SUBSECTIONS[key] for key in missing)
        ctx.warning(
            "gb2021.overview-thin",
            f"总体情况没有说到{said}：2021年格式规定总体情况主要包括主动公开、依申请公开、政府信息管理、"
            "政府信息公开平台建设、监督保障（国办公开办函〔2021〕30号）",
            "",
            expected="、".join(SUBSECTIONS.values()),
            found="缺" + said,
        )
    if ctx.report.format.key == "2021":
        for keypath, heading in _topic_headings(ctx):
            if title := near_topic(heading):
                words = _topic_words(heading)
                said = f"少了“{title[len(words) :]}”" if title.startswith(words) else "差了一个字"
                ctx.warning(
                    "gb2021.overview-topic-heading",
                    f"总体情况的小标题“{heading}”比格式的“{title}”{said}：像是笔误或漏字"
                    "（国办公开办函〔2021〕30号：总体情况主要包括主动公开、依申请公开、政府信息管理、"
                    "政府信息公开平台建设、监督保障）",
                    keypath,
                    expected=f"“{title}”",
                    found=f"“{heading}”",
                )
    if skipped := skipped_topics(ctx):
        said = "".join(f"“{SUBSECTIONS[key]}”" for key in skipped)
        ctx.warning(
            "gb2021.overview-topic-missing",
            f"总体情况的分项缺{said}：2021年格式规定总体情况主要包括主动公开、依申请公开、政府信息管理、"
            "政府信息公开平台建设、监督保障（国办公开办函〔2021〕30号）",
            "items" if ctx.data.get("items") else "",
            expected="、".join(SUBSECTIONS.values()),
            found="缺" + "、".join(SUBSECTIONS[key] for key in skipped),
        )
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
