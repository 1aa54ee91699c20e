"""The narrative model shared by sections: paragraphs, numbered items, run-in headings and 一是、二是….

In TOML a section (or an item) may have::

    text = "段落"                 # or ["段落一", "段落二"] — paragraphs before the items
    [[SECTION.tables]]            # a table the part prints of its own, after its text (compiler.model.typed_tables)
    header = ["", "通知收取件数"]
    rows = [["信息处理费", 0]]
    numbering = "1."              # scheme of the items below: "（一）" (default at level 2), "1.", "（1）"
    after = "段落"                # paragraphs after the items
    [[SECTION.items]]
    heading = "明确重点，深入推进主动公开。"   # run-in heading: set in the level's heading face
    text = "年初，印发……"                     # continues in the same paragraph
    points = ["稳步推进……。", "扎实推进……。"]  # appended to that paragraph as 一是……二是……
    after = "……"
    [[SECTION.items.items]]                   # the next level, numbered 1. then （1）

Numbers are never typed: an item's label is the number after the item before, in its level's scheme — unless the
report printed another one ("（三）" twice), kept in the item's ``number_as_printed`` and warned
(:class:`ItemNumbers`).  An item with a heading but no text and no points is a heading on its own line (and an
outline entry).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from compiler.model import numbering
from compiler.model.document import Block, Heading, Paragraph, Run
from compiler.model.schema import Field
from compiler.model.typed_tables import TYPED_TABLE_FIELDS, typed_table

if TYPE_CHECKING:
    from compiler.model.sections import SectionContext

SCHEME_NAMES = ("一、", "（一）", "1.", "（1）")
#: every scheme an author may name, the printed variants of level 3 included ("1、", "1．": warned, printed as is)
_LEVELS = {"一、": 1, "（一）": 2, "1.": 3, "（1）": 4}
_AS_PRINTED = f"（照原样的 {'、'.join(numbering.PRINTED_VARIANTS)} 也可，提示）"
LEVEL_OF_SCHEME = {**_LEVELS, **{v: _LEVELS[official] for v, official in numbering.PRINTED_VARIANTS.items()}}


#: an item's number as the report printed it, when it is not the one after the item before ("（三）" twice)
NUMBER_AS_PRINTED = Field(
    "number_as_printed",
    "str",
    description='这一项的序号照原报告印出的写法（重号、跳号，如第二个“（三）”；写 "" 表示印出时没有序号），'
    "照原样排印并提示；后面各项接着这个序号往下编。不写则接着上一项编号",
)


class ItemNumbers:
    """The labels of one list of items (or of the 2021 总体情况's subsections): each the number after the one
    before — by position, unless an item keeps the number the report printed (``number_as_printed``: "（三）"
    twice, 正定县新安镇 2023; "（四）" after "（二）", 沂水县卫生局 2009; "" for none).  A printed number that is
    not the one after the item before is warned once; the items after it go on from it, as the report did."""

    def __init__(self, ctx: SectionContext, scheme: str):
        self.ctx, self.scheme, self.last = ctx, scheme, 0

    def next(self, data: Mapping[str, Any], keypath: str) -> str:
        expected = numbering.label(self.scheme, self.last + 1)
        printed = data.get("number_as_printed")
        if not isinstance(printed, str):
            self.last += 1
            return expected
        # a space after the number or inside it is kept as printed ("2. 重点工作", 龙游县模环乡 2023)
        printed = printed.lstrip() if printed.strip() else ""
        self.last = numbering.goes_on_from(printed.strip(), self.last)
        if printed != expected:
            said = f"照原样印作“{printed}”" if printed else "照原样没有序号"
            message = f"这一项的序号{said}；接着上一项应为“{expected}”（重号、跳号、漏号或写法不同）"
            if where := numbering.extra_space(printed, expected):  # only spaces set it apart
                message = f"这一项的序号照原样印作“{printed}”：序号{where}多了空格，应为“{expected}”"
            self.ctx.warning(
                "input.numbering-variant",
                message,
                f"{keypath}.number_as_printed",
                expected=expected,
                found=printed or "无序号",
            )
        return printed


def _item_fields(depth: int) -> tuple[Field, ...]:
    fields = [
        Field("heading", "str", description="小标题（自动编号，不要自己写“（一）”）", example="小标题。"),
        Field("text", "text", description="正文段落；字符串或字符串数组", example="正文。"),
        Field("points", "list[str]", description="依次编为“一是……二是……”，接在正文后"),
        Field("after", "text", description="分项之后的段落"),
        Field("numbering", "str", description=f"下一级编号样式：{'、'.join(SCHEME_NAMES)}{_AS_PRINTED}"),
        Field(
            "heading_alone",
            "bool",
            description="小标题单独成行，正文另起段落（照原样：标题下先有一段话，再接下一级分项）",
        ),
        NUMBER_AS_PRINTED,
    ]
    if depth > 0:
        fields.append(Field("items", "list[table]", description="下一级分项", fields=_item_fields(depth - 1)))
    return tuple(fields)


#: Fields a section adds to its schema to accept narrative content.
NARRATIVE_FIELDS: tuple[Field, ...] = (
    Field("text", "text", description="正文段落；字符串或字符串数组", example="正文。"),
    Field(
        "tables",
        "list[table]",
        description="本部分自带的表格（照原样排印），排在 text 之后、分项之前",
        fields=TYPED_TABLE_FIELDS,
    ),
    Field("numbering", "str", description=f"分项编号样式：{'、'.join(SCHEME_NAMES)}{_AS_PRINTED}"),
    Field("items", "list[table]", description="自动编号的分项", fields=_item_fields(2)),
    Field("after", "text", description="分项之后的段落"),
)


def paragraphs(value: Any) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _sub(base: str, key: str) -> str:
    return f"{base}.{key}" if base else key


def numbering_variant(ctx: SectionContext, scheme: str, keypath: str) -> None:
    """A numbering printed otherwise than the standard (``numbering = "1、"``, ``"(一)"``): printed so, warned."""
    official = numbering.PRINTED_VARIANTS[scheme]
    reasons = []
    if official == "1.":
        reasons.append("GB/T 15834 规定阿拉伯数字序号后用下脚点")
    if scheme.startswith("第"):
        reasons.append(
            "公文的结构层次序数依次用“一、”“（一）”“1.”“（1）”（GB/T 9704-2012 7.3.3），“第一，”是行文的序次语"
        )
    if scheme.startswith("("):
        reasons.append("序号的括号是中文的全角括号，照原样印出的是半角括号")
    if scheme.endswith("、") and official != "1.":
        reasons.append("带括号的序号后不再加顿号")
    why = "；".join(reasons)
    ctx.warning(
        "input.numbering-variant",
        f"分项编号照原样印作“{scheme}”；{why}，应为“{official}”",
        keypath,
        expected=official,
        found=scheme,
    )


class NarrativeBuilder:
    """Turns narrative data into blocks, resolving references and numbering items."""

    def __init__(self, ctx: SectionContext):
        self.ctx = ctx

    def para(self, text: str, sub: str, lead: Run | None = None) -> Paragraph:
        runs = [lead] if lead else []
        runs.append(Run(self.ctx.text(text, sub)))
        return Paragraph(runs, role="body", source=self.ctx.source(sub))

    def texts(self, value: Any, sub: str) -> list[Block]:
        items = paragraphs(value)
        if isinstance(value, str):
            return [self.para(value, sub)]
        return [self.para(t, f"{sub}[{i}]") for i, t in enumerate(items)]

    def build(self, data: Mapping[str, Any], sub: str = "", level: int = 2) -> list[Block]:
        blocks: list[Block] = self.texts(data.get("text"), _sub(sub, "text"))
        for i, table in enumerate(data.get("tables") or []):
            if isinstance(table, Mapping):
                where = f"{_sub(sub, 'tables')}[{i}]"
                block = typed_table(table, self.ctx.source(where), f"{self.ctx.key}.{where}")
                blocks += [block] if block is not None else []
        scheme = data.get("numbering") or numbering.scheme_for_level(level)
        if scheme not in LEVEL_OF_SCHEME:
            self.ctx.error(
                "input.numbering",
                f"未知的编号样式“{scheme}”，可用：{'、'.join(SCHEME_NAMES)}",
                _sub(sub, "numbering"),
            )
            scheme = numbering.scheme_for_level(level)
        elif scheme in numbering.PRINTED_VARIANTS and data.get("items"):
            numbering_variant(self.ctx, scheme, _sub(sub, "numbering"))
        numbers = ItemNumbers(self.ctx, scheme)
        for i, item in enumerate(data.get("items") or []):
            where = f"{_sub(sub, 'items')}[{i}]"
            blocks += self.item(item, where, scheme, numbers.next(item, where))
        blocks += self.texts(data.get("after"), _sub(sub, "after"))
        return blocks

    def _bodies(self, item: Mapping[str, Any], sub: str, texts: list[str], points_text: str) -> list[str]:
        """An item's paragraphs, references resolved, its 一是…二是… points run on at the end of the last one."""
        bodies = [
            self.ctx.text(t, f"{sub}.text" if isinstance(item.get("text"), str) else f"{sub}.text[{i}]")
            for i, t in enumerate(texts)
        ] or [""]
        bodies[-1] += points_text
        return bodies

    def item(self, item: Mapping[str, Any], sub: str, scheme: str, label: str) -> list[Block]:
        level = LEVEL_OF_SCHEME[scheme]
        heading = item.get("heading")
        texts = paragraphs(item.get("text"))
        points = item.get("points") or []
        points_text = "".join(
            numbering.label("一是", i + 1) + self.ctx.text(p, f"{sub}.points[{i}]") for i, p in enumerate(points)
        )
        blocks: list[Block] = []
        alone = bool(heading) and item.get("heading_alone") is True
        if heading and (alone or (not texts and not points_text)):
            blocks.append(
                Heading(
                    label + self.ctx.text(heading, f"{sub}.heading"),
                    role=f"heading{level}",
                    outline_level=level - 1,
                    source=self.ctx.source(f"{sub}.heading"),
                )
            )
            if alone and (texts or points_text):  # the text below the heading, paragraphs of their own
                bodies = self._bodies(item, sub, texts, points_text)
                blocks += [Paragraph([Run(b)], role="body", source=self.ctx.source(f"{sub}.text")) for b in bodies]
        else:
            lead_text = label + (self.ctx.text(heading, f"{sub}.heading") if heading else "")
            lead = Run(lead_text, role=f"runin{level}") if heading else None
            bodies = self._bodies(item, sub, texts, points_text)
            for i, body in enumerate(bodies):
                runs: list[Run] = []
                if i == 0:
                    if lead:
                        runs.append(lead)
                    elif not heading:
                        body = label + body
                runs.append(Run(body))
                blocks.append(Paragraph(runs, role="body", source=self.ctx.source(f"{sub}.text")))
        next_level = min(level + 1, 4)
        nested = {k: item[k] for k in ("items", "numbering", "after") if k in item}
        blocks += self.build(nested, sub, next_level)
        return blocks


def narrative_blocks(ctx: SectionContext, data: Mapping[str, Any] | None = None, sub: str = "") -> list[Block]:
    """Blocks for a section's narrative (``text``, ``items``, ``after``) starting at level 2 （一）."""
    return NarrativeBuilder(ctx).build(ctx.data if data is None else data, sub, level=2)


def iter_texts(data: Mapping[str, Any], sub: str = "") -> Iterator[tuple[str, str]]:
    """Every narrative string in ``data`` with its key path (relative to the section): for checks that
    read the prose (numbers typed into text, placeholders, enumerations)."""
    for key in ("heading", "text", "after"):
        value = data.get(key)
        if isinstance(value, str):
            yield _sub(sub, key), value
        elif isinstance(value, list):
            for i, t in enumerate(value):
                if isinstance(t, str):
                    yield f"{_sub(sub, key)}[{i}]", t
    for i, p in enumerate(data.get("points") or []):
        if isinstance(p, str):
            yield f"{_sub(sub, 'points')}[{i}]", p
    for i, item in enumerate(data.get("items") or []):
        if isinstance(item, Mapping):
            yield from iter_texts(item, f"{_sub(sub, 'items')}[{i}]")
