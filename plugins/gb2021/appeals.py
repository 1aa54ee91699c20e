"""四、政府信息公开行政复议、行政诉讼情况 — table 四: three blocks of five result columns, no row labels.

TOML, one table per block (``total`` may be left out: it is computed; typed, it is printed as typed and checked;
a cell left out or written ``""`` is printed blank)::

    [appeals.review]                    # 行政复议
    maintain = 2                        # 结果维持
    correct = 1                         # 结果纠正
    other = 0                           # 其他结果
    pending = 0                         # 尚未审结
    [appeals.litigation_direct]         # 行政诉讼：未经复议直接起诉
    [appeals.litigation_after_review]   # 行政诉讼：复议后起诉

``labels`` records column headers printed otherwise (``maintain`` … ``total`` for the result columns of every
block, ``review``/``litigation`` for 行政复议/行政诉讼, ``litigation_direct``/``litigation_after_review``).
Citable values: ``{appeals.review.total}``, and ``appeals.litigation.*`` — both lawsuit blocks added together
("行政诉讼N件" in prose means all lawsuits).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Cell, Table
from compiler.model.problems import Problem
from compiler.model.schema import Field
from compiler.model.sections import SectionContext, SectionType
from plugins.gb2021 import labels as lab
from plugins.gb2021 import values as v
from plugins.gb2021.part import make_part, part_blocks
from plugins.gb2021.tables import (
    TABLE4_BLOCKS,
    TABLE4_LITIGATION,
    TABLE4_PARTS,
    TABLE4_RESULTS,
    TABLE4_REVIEW,
    VARIANTS,
)

TABLE_NAME = "表四（政府信息公开行政复议、行政诉讼情况）"

_RESULT_FIELDS = tuple(
    Field(
        r.key,
        "cell",
        description=r.label + ("（可不填，自动计算）" if r.key == "total" else "（件）"),
        example=None if r.key == "total" else 0,
    )
    for r in TABLE4_RESULTS
)
FIELDS: tuple[Field, ...] = (
    *(
        Field(
            b.key,
            "table",
            description=("" if b.key == "review" else "行政诉讼：") + b.label,
            example={r.key: 0 for r in TABLE4_PARTS},
            fields=_RESULT_FIELDS,
        )
        for b in TABLE4_BLOCKS
    ),
    Field(
        "labels",
        "table",
        open=True,
        description="原表印出的列标题与格式不同时：列键 = 印出的文字"
        '（如 pending = "尚未审结"；结果列的键对三个部分都适用）；照此排印并提示',
    ),
)

#: The header cells of table 四 a report may record as printed (``labels``).
LABELS = lab.TableLabels(
    TABLE_NAME,
    columns={r.key: r.label for r in TABLE4_RESULTS}
    | {"review": TABLE4_REVIEW, "litigation": TABLE4_LITIGATION}
    | {b.key: b.label for b in TABLE4_BLOCKS[1:]},
)


def block_values(data: Mapping[str, Any] | None) -> dict[str, Any]:
    """One block as published: blank cells ``None``; 总计 computed when left out, as typed when written."""
    out = {r.key: v.cell(v.get(data, r.key)) for r in TABLE4_PARTS}
    if isinstance(data, Mapping) and "total" in data:
        out["total"] = v.cell(data["total"])
    else:
        out["total"] = v.add(out.values())
    return out


def derive(ctx: SectionContext) -> dict[str, Any]:
    blocks = {b.key: block_values(v.get(ctx.data, b.key)) for b in TABLE4_BLOCKS}
    blocks["litigation"] = {
        r.key: v.add((blocks["litigation_direct"][r.key], blocks["litigation_after_review"][r.key]))
        for r in TABLE4_RESULTS
    }
    return blocks


def _shown(data: Mapping[str, Any], values: Mapping[str, Mapping[str, Any]], block: str, key: str) -> str:
    return v.printed(v.get(v.get(data, block), key), values[block][key])


def table_block(values: Mapping[str, Mapping[str, Any]], ctx: SectionContext) -> Table:
    """Three header rows (行政复议 | 行政诉讼 → its two kinds → result labels), one row of 15 numbers."""
    data = ctx.data
    results = [lab.printed(data, r.key, r.label) for r in TABLE4_RESULTS]
    rows: list[list[Cell]] = [
        [
            Cell(lab.printed(data, "review", TABLE4_REVIEW), colspan=5),
            Cell(lab.printed(data, "litigation", TABLE4_LITIGATION), colspan=10),
        ],
        [Cell(label, rowspan=2) for label in results]
        + [Cell(lab.printed(data, b.key, b.label), colspan=5) for b in TABLE4_BLOCKS[1:]],
        [Cell(label) for label in results * 2],
        [Cell(_shown(data, values, b.key, r.key)) for b in TABLE4_BLOCKS for r in TABLE4_RESULTS],
    ]
    return Table(rows=rows, widths=[1.0] * 15, header_rows=3, keep_together=True, name="table4", source=ctx.source())


def build(ctx: SectionContext) -> list[Block]:
    values = ctx.mine if "review" in ctx.mine and "litigation" in ctx.mine else derive(ctx)
    return part_blocks(ctx, [table_block(values, ctx)])


def check(ctx: SectionContext) -> list[Problem]:
    """Each block: 维持 + 纠正 + 其他 + 尚未审结 = 总计 (when 总计 is typed); counts non-negative; blank cells
    printed blank and named in one warning for the table."""
    blanks: list[str] = []
    for block in TABLE4_BLOCKS:
        data = v.get(ctx.data, block.key)
        where = f"{TABLE_NAME}“{block.label}”"
        if not isinstance(data, Mapping):
            blanks.append(f"“{block.label}”整栏")
            continue
        for result in TABLE4_RESULTS:
            value = data.get(result.key)
            v.check_count_cell(
                ctx, value, "gb2021.table4.count", f"{where}“{result.label}”", f"{block.key}.{result.key}"
            )
        missing = [
            r.label for r in TABLE4_RESULTS if v.is_blank(data.get(r.key)) and (r.key != "total" or "total" in data)
        ]
        if missing:
            blanks.append(f"“{block.label}”的" + "、".join(missing))
        given = data.get("total")
        if v.is_number(given):
            summed = sum(v.number(data.get(r.key)) for r in TABLE4_PARTS)
            if v.number(given) != summed:
                ctx.error(
                    "gb2021.table4.block-total",
                    f"{where}“总计”应等于结果维持＋结果纠正＋其他结果＋尚未审结＝{v.show(summed)}，"
                    f"实际填写 {v.show(given)}",
                    f"{block.key}.total",
                    expected=summed,
                    found=given,
                )
    if blanks:
        first = next((b.key for b in TABLE4_BLOCKS if b.key in ctx.data), "")
        ctx.warning(
            "gb2021.table4.missing",
            f"{TABLE_NAME}有没有数字的格（空白或印作“/”），照原样排印：{'；'.join(blanks)}；"
            "读者无法区分空白与 0，若为 0 请填写 0",
            first,
            expected="每格一个数",
            found=f"空白 {len(blanks)} 处",
        )
    lab.check(ctx, LABELS)
    return []


@hookimpl
def gongkai_register_sections(register: Callable[[SectionType], None]) -> None:
    register(
        make_part(
            "appeals",
            VARIANTS,
            fields=FIELDS,
            text_example="本年度因政府信息公开被申请行政复议{appeals.review.total}件，"
            "被提起行政诉讼{appeals.litigation.total}件。",
            build=build,
            derive=derive,
            check=check,
            description="政府信息公开行政复议、行政诉讼情况（表四：三个部分各填结果维持、结果纠正、其他结果、尚未审结）",
            table="表四",
        )
    )
