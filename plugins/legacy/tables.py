"""九、附表 — "无", statistical tables built from other parts' numbers (``include = [...]``), or the tables as printed.

A part with statistics keeps them as numbers in its TOML table; this part prints them again as a ruled
指标 | 数量 table, so the appended tables can never disagree with the prose.  Row labels are the field
descriptions of the part's own schema, which is why those descriptions are short labels with units.

A published report's own 统计表 (指标名称 | 计量单位 | 年末统计 | 历年累计 …) is typed as it was printed with
``[[tables.printed]]`` and replaces the generated tables (:mod:`plugins.legacy.printed`: every cell as typed, the
rows the format knows checked against the parts).  ``after_signature = true`` prints the part where many reports
of 2008–2018 put it: after the signature, unnumbered, under its heading as printed ("附表：", "附件1：…统计表") —
through the core's :class:`~compiler.model.sections.Placement`, so the parts before it keep their numbers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compiler import hookimpl
from compiler.model.document import Block, Cell, Table
from compiler.model.narrative import NarrativeBuilder, iter_texts, narrative_blocks
from compiler.model.problems import Problem
from compiler.model.refs import Evaluator, fmt_number
from compiler.model.schema import Field, suggest
from compiler.model.sections import Placement, SectionContext
from plugins.common.preamble import preamble_texts
from plugins.legacy.part import part
from plugins.legacy.printed import PRINTED_FIELDS, build_tables, check_tables, tables_of

NUMBER_KINDS = frozenset({"count", "int", "number", "money"})

FIELDS = (
    Field(
        "include",
        "list[str]",
        description="附上哪些部分的统计表（如 active、applications、staffing）",
        example=["active", "applications", "staffing"],
    ),
    Field(
        "printed",
        "list[table]",
        description="照原报告排印的统计表（表头、各行照原样；写了就不再生成 include 的表）",
        fields=PRINTED_FIELDS,
    ),
    Field(
        "after_signature",
        "bool",
        description="照原报告把附表排在落款之后、不编号，标题照 heading 原样（如“附表：”）",
    ),
)


def placement(data: Mapping[str, Any]) -> Placement | None:
    """``after_signature = true``: after the signature, unnumbered."""
    return Placement(after="signature", numbered=False) if data.get("after_signature") is True else None


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
    """Heading and text, the tables, then ``after`` — in this part the paragraphs printed below the tables (a
    note, or 平潭县教育局 2012's stray "0")."""
    before = {k: v for k, v in ctx.data.items() if k != "after"}
    blocks = [ctx.heading(), *narrative_blocks(ctx, before)]
    below = NarrativeBuilder(ctx).texts(ctx.data.get("after"), "after")
    if tables_of(ctx.data):
        return [*blocks, *build_tables(ctx), *below]
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
    return [*blocks, *below]


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
    check_tables(ctx)
    if not include and not tables_of(ctx.data) and _says_none(ctx):
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
            description="附表：“无”，由各部分统计数字生成的统计表，或照原样排印的统计表",
            build=build,
            check=check,
            text_example=None,
            placement=placement,
        )
    )
