"""What the numbered legacy parts have in common: a heading, optional statistics, then narrative.

Every part of the nine-part format is "一、标题" followed by prose, and several carry statistics that the
prose restates.  The statistics are typed once, as numbers in the part's TOML table, and cited in the prose
with ``{references}``; this module assembles such a part so each plugin only declares its own fields and
checks.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from compiler.model.document import Block
from compiler.model.narrative import NARRATIVE_FIELDS, narrative_blocks
from compiler.model.problems import Problem
from compiler.model.schema import Field, Schema
from compiler.model.sections import Placement, SectionContext, SectionType

LEGACY = frozenset({"legacy"})


def build_part(ctx: SectionContext) -> list[Block]:
    """The part heading (numbered by position, text overridable with ``heading``) and its narrative."""
    return [ctx.heading(), *narrative_blocks(ctx)]


def part(
    key: str,
    title: str,
    *,
    fields: tuple[Field, ...] = (),
    description: str = "",
    derive: Callable[[SectionContext], dict[str, Any]] | None = None,
    check: Callable[[SectionContext], list[Problem]] | None = None,
    build: Callable[[SectionContext], list[Block]] = build_part,
    text_example: str | None = "正文。",
    required: bool = True,
    placement: Callable[[Mapping[str, Any]], Placement | None] | None = None,
) -> SectionType:
    """A legacy part: statistic ``fields`` followed by the shared narrative fields.

    ``text_example`` replaces the generic skeleton paragraph so that ``gongkai init`` shows how the prose of
    this part cites its own numbers (``None``: the skeleton has no paragraph for this part).  A part that only
    some reports have (``required=False``) is never warned about when it is absent.
    """
    narrative = tuple(
        Field(f.name, f.kind, f.required, f.description, text_example, f.fields, f.open) if f.name == "text" else f
        for f in NARRATIVE_FIELDS
    )
    return SectionType(
        key=key,
        title=title,
        formats=LEGACY,
        schema=Schema((*fields, *narrative), description=description),
        build=build,
        derive=derive,
        check=check,
        required=required,
        description=description,
        placement=placement,
    )


def total(counts: Any) -> int:
    """The sum of a counts table; values the schema already rejected (not integers) count as zero."""
    if not isinstance(counts, Mapping):
        return 0
    return sum(v for v in counts.values() if isinstance(v, int) and not isinstance(v, bool))


def is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
