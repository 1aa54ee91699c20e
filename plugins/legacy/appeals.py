"""五、行政复议和行政诉讼情况 — counts of reviews, lawsuits and complaints about disclosure, and the prose."""

from __future__ import annotations

from compiler import hookimpl
from compiler.model.schema import Field
from plugins.legacy.part import part

FIELDS = (
    Field("reviews", "count", description="申请行政复议（件）", example=0),
    Field("lawsuits", "count", description="提起行政诉讼（件）", example=0),
    Field("complaints", "count", description="行政申诉（件）", example=0),
)


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "appeals",
            "行政复议和行政诉讼情况",
            fields=FIELDS,
            description="因政府信息公开申请行政复议、提起行政诉讼的情况",
            text_example="本年度未发生有关政府信息公开申请行政复议、提起行政诉讼的情况。",
        )
    )
