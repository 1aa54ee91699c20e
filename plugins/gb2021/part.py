"""What every part of the national format shares: its official heading, narrative before and after its table.

A part is ``一、总体情况`` … ``六、其他需要报告的事项`` (numbered by position), then the author's prose (``text``
and numbered ``items``), then the part's table if it has one, then ``after`` — the paragraphs that in published
reports follow a table ("本年度……").  A report that printed the table before the part's heading, at the end of the
part before (西宁市城中区文体旅游科技局 2023's table 二), says ``table_before_heading = true``: drawn so, and warned;
one that printed no table at all, only prose (武昌经开区滨江街 2020), says ``no_table = true``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from compiler.model.document import Block
from compiler.model.narrative import NARRATIVE_FIELDS, NarrativeBuilder
from compiler.model.problems import Problem
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType
from plugins.gb2021.names import FORMAT_TITLES
from plugins.gb2021.tables import PART_TITLES


def narrative_fields(text_example: str | None = None) -> tuple[Field, ...]:
    """The shared narrative keys, with a part-specific example paragraph for ``gongkai init``."""
    if text_example is None:
        return NARRATIVE_FIELDS
    return tuple(
        Field(f.name, f.kind, f.required, f.description, text_example, f.fields, f.open) if f.name == "text" else f
        for f in NARRATIVE_FIELDS
    )


def part_blocks(ctx: SectionContext, middle: Iterable[Block] = ()) -> list[Block]:
    """Heading, prose before (with the part's own typed tables), ``middle`` (the format's table), then the ``after``
    paragraphs."""
    builder = NarrativeBuilder(ctx)
    before = {k: ctx.data[k] for k in ("text", "tables", "items", "numbering") if k in ctx.data}
    table = [] if ctx.data.get("no_table") is True else list(middle)  # a part printed without its table
    blocks: list[Block] = [ctx.heading(), *builder.build(before, "", level=2)]
    if table and ctx.data.get("table_before_heading") is True:  # as printed: the table ends the part before
        blocks = [*table, *blocks]
    else:
        blocks += table
    blocks += builder.texts(ctx.data.get("after"), "after")
    return blocks


#: the key a table part takes when its table was printed before its heading
TABLE_BEFORE_HEADING = Field(
    "table_before_heading",
    "bool",
    description="原表排在本部分标题之前（上一部分的末尾）时写 true：照原样排印并提示（格式中表格在本部分标题之下）",
)


#: the key a table part takes when the report printed no table in it
NO_TABLE = Field(
    "no_table",
    "bool",
    description="原报告本部分没有印出格式规定的表格（只有文字）时写 true：照原样不排表格并提示；表中的格不必填写",
)


def _not_printed(ctx: SectionContext, table: str) -> bool:
    """The part printed without its table (``no_table``): warned once; the table's own checks (blank cells, sums)
    have nothing to read."""
    if ctx.data.get("no_table") is not True:
        return False
    ctx.warning(
        "gb2021.table-not-printed",
        f"“{PART_TITLES[ctx.key]}”没有印出{table}，只有文字，照原样不排；格式（{FORMAT_TITLES[ctx.report.format.key]}）要求这一部分"
        f"以{table}列出各项数字，没有发生的填 0",
        "no_table",
        expected=f"{table}",
        found="未印表格",
    )
    return True


def _placement(ctx: SectionContext, table: str) -> None:
    """The table drawn before the part's heading (``table_before_heading``): warned once."""
    if ctx.data.get("table_before_heading") is True:
        heading = PART_TITLES[ctx.key]
        ctx.warning(
            "gb2021.table-placement",
            f"{table}排在了“{heading}”的标题之前（上一部分的末尾），照原样排印；格式中{table}在本部分标题之下，"
            "读者会把它当作上一部分的内容",
            "table_before_heading",
            expected=f"{table}在“{heading}”标题之下",
            found="在标题之前",
        )


def _with_table_placement(
    check: Callable[[SectionContext], list[Problem]] | None, table: str
) -> Callable[[SectionContext], list[Problem]]:
    """The part's own check, after the table's placement: a part printed without its table has no table to check."""

    def checked(ctx: SectionContext) -> list[Problem]:
        if _not_printed(ctx, table):
            return []
        _placement(ctx, table)
        return check(ctx) if check else []

    return checked


def make_part(
    key: str,
    formats: Iterable[str],
    *,
    fields: tuple[Field, ...] = (),
    text_example: str | None = None,
    build: Callable[[SectionContext], list[Block]] | None = None,
    derive: Callable[[SectionContext], dict[str, Any]] | None = None,
    check: Callable[[SectionContext], list[Problem]] | None = None,
    description: str = "",
    table: str | None = None,
) -> SectionType:
    """A numbered, required part with the official title of ``key``; ``table`` names the format's table it draws
    (表二 …), which a report may have printed before the heading (``table_before_heading``) or not at all
    (``no_table``)."""
    if table is not None:
        fields = (*fields, TABLE_BEFORE_HEADING, NO_TABLE)
        check = _with_table_placement(check, table)
    return SectionType(
        key=key,
        title=PART_TITLES[key],
        formats=frozenset(formats),
        schema=Schema((*fields, *narrative_fields(text_example)), description=description),
        build=build or (lambda ctx: part_blocks(ctx)),
        derive=derive,
        check=check,
        required=True,
        description=description,
    )
