"""What every part of the national format shares: its official heading, narrative before and after its table.

A part is ``一、总体情况`` … ``六、其他需要报告的事项`` (numbered by position), then the author's prose (``text``
and numbered ``items``), then the part's table if it has one, then ``after`` — the paragraphs that in published
reports follow a table ("本年度……").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from compiler.model.document import Block
from compiler.model.narrative import NARRATIVE_FIELDS, NarrativeBuilder
from compiler.model.problems import Problem
from compiler.model.schema import Field, Schema
from compiler.model.sections import SectionContext, SectionType
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
    blocks: list[Block] = [ctx.heading(), *builder.build(before, "", level=2)]
    blocks += list(middle)
    blocks += builder.texts(ctx.data.get("after"), "after")
    return blocks


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
) -> SectionType:
    """A numbered, required part with the official title of ``key``."""
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
