"""九、附表 — "无", or statistical tables built from other parts' numbers (``include = [...]``).

A part with statistics keeps them as numbers in its TOML table; this part prints them again as a ruled
指标 | 数量 table, so the appended tables can never disagree with the prose.  Row labels are the field
descriptions of the part's own schema, which is why those descriptions are short labels with units.
"""

from __future__ import annotations

from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Cell, Table
from compiler.model.narrative import iter_texts
from compiler.model.problems import Problem
from compiler.model.refs import Evaluator, fmt_number
from compiler.model.schema import Field, suggest
from compiler.model.sections import SectionContext
from plugins.common.preamble import preamble_texts
from plugins.legacy.part import build_part, part

NUMBER_KINDS = frozenset({"count", "int", "number", "money"})

FIELDS = (
    Field(
        "include",
        "list[str]",
        description="附上哪些部分的统计表（如 active、applications、staffing）",
        example=["active", "applications", "staffing"],
    ),
)


def statistic_rows(fields: tuple[Field, ...], data: dict[str, Any]) -> list[list[Cell]]:
    """指标 | 数量 rows for the numeric fields (and tables of counts) a part filled in."""
    rows: list[list[Cell]] = []
    for fld in fields:
        value = data.get(fld.name)
        if fld.kind in NUMBER_KINDS and isinstance(value, (int, float)) and not isinstance(value, bool):
            rows.append([Cell(fld.description or fld.name, align="left"), Cell(fmt_number(value), align="right")])
        elif fld.kind == "counts" and isinstance(value, dict) and value:
            rows.append([Cell(fld.description or fld.name, colspan=2, align="left")])
            rows += [
                [Cell(f"　　{name}", align="left"), Cell(fmt_number(n), align="right")] for name, n in value.items()
            ]
    return rows


def _sections_with_numbers(ctx: SectionContext) -> dict[str, tuple[str, list[list[Cell]]]]:
    found = {}
    for instance in ctx.report.sections:
        rows = statistic_rows(instance.type.schema.fields, instance.data)
        if rows:
            heading = instance.data.get("heading") or instance.type.title
            found[instance.key] = (heading, rows)
    return found


def build(ctx: SectionContext) -> list[Block]:
    blocks = build_part(ctx)
    available = _sections_with_numbers(ctx)
    wanted = [k for k in ctx.data.get("include") or [] if k in available]
    for i, key in enumerate(wanted, start=1):
        heading, rows = available[key]
        blocks.append(
            Table(
                rows=[[Cell("指标"), Cell("数量")], *rows],
                widths=[3, 1],
                header_rows=1,
                caption=f"附表{i}　{heading}统计表",
                source=ctx.source(f"include[{ctx.data['include'].index(key)}]"),
                name=f"tables.{key}",
            )
        )
    return blocks


def _says_none(ctx: SectionContext) -> bool:
    evaluator = Evaluator(ctx.values)
    texts = [evaluator.resolve(raw, None, []).text.strip(" 　。.") for _, raw in iter_texts(ctx.data)]
    return texts == ["无"]


def check(ctx: SectionContext) -> list[Problem]:
    available = _sections_with_numbers(ctx)
    known = [i.key for i in ctx.report.sections]
    include = ctx.data.get("include") or []
    for i, key in enumerate(include):
        if key in available:
            continue
        if key in known:
            ctx.warning("legacy.tables.no-statistics", f"“{key}”部分没有填写统计数字，无法生成附表", f"include[{i}]")
        else:
            hint = suggest(key, known)
            advice = f"，是否应为“{hint}”？" if hint else f"；可用：{'、'.join(available)}"
            ctx.error(
                "legacy.tables.unknown-section",
                f"附表引用了不存在的部分“{key}”{advice}",
                f"include[{i}]",
            )
    if not include and _says_none(ctx):
        promised = [keypath for keypath, text in preamble_texts(ctx.report) if "附表" in text]
        if promised:
            ctx.warning(
                "legacy.tables.promised",
                f"导语说本报告含附表，但“{ctx.heading_text}”部分写的是“无”",
                "text",
                details={"preamble": promised[0]},
            )
    return []


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "tables",
            "附表",
            fields=FIELDS,
            description="附表：“无”，或由各部分统计数字生成的统计表",
            build=build,
            check=check,
            text_example=None,
        )
    )
