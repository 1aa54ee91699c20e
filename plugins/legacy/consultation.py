"""四、咨询和投诉情况 — counts of consultations and complaints, and the prose."""

from __future__ import annotations

from compiler import hookimpl
from compiler.model.schema import Field
from plugins.legacy.part import part

FIELDS = (
    Field("consultations", "count", description="受理政府信息公开咨询（人次）", example=0),
    Field("complaints", "count", description="收到政府信息公开投诉（件）", example=0),
)


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "consultation",
            "咨询和投诉情况",
            fields=FIELDS,
            description="政府信息公开咨询与投诉",
            text_example="本年度未发生针对政府信息公开事务的投诉。",
        )
    )
