"""一、概述 — narrative only: paragraphs and numbered items with run-in headings."""

from compiler import hookimpl
from compiler.model.narrative import NARRATIVE_FIELDS, narrative_blocks
from compiler.model.schema import Schema
from compiler.model.sections import SectionContext, SectionType


def build(ctx: SectionContext):
    return [ctx.heading(), *narrative_blocks(ctx)]


@hookimpl
def gongkai_register_sections(register):
    register(
        SectionType(
            key="overview",
            title="概述",
            formats=frozenset({"legacy"}),
            schema=Schema(NARRATIVE_FIELDS, description="工作概述"),
            build=build,
            required=True,
        )
    )
