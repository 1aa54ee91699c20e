"""六、工作人员和费用支出情况 — disclosure agencies, full- and part-time staff, spending, and the prose.

The 2011 CASS study found no report stating staff and money; keeping them as numbers makes them citable in
the prose and printable in the appended tables.
"""

from __future__ import annotations

from typing import Any

from compiler import hookimpl
from compiler.model.schema import Field
from compiler.model.sections import SectionContext
from plugins.legacy.part import is_count, part

FIELDS = (
    Field("agencies", "count", description="政府信息公开工作专门机构（个）", example=1),
    Field("fulltime", "count", description="专职人员（人）", example=1),
    Field("parttime", "count", description="兼职人员（人）", example=2),
    Field("spending_wan", "money", description="政府信息公开专项工作费用（万元）", example=1),
)


def derive(ctx: SectionContext) -> dict[str, Any]:
    staff = [ctx.data.get(k) for k in ("fulltime", "parttime")]
    return {"staff": sum(n for n in staff if is_count(n))}


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "staffing",
            "工作人员和费用支出情况",
            fields=FIELDS,
            description="政府信息公开工作机构、人员与经费",
            derive=derive,
            text_example="设立政府信息公开工作专门机构{staffing.agencies}个，专职人员{staffing.fulltime}人，"
            "兼职人员{staffing.parttime}人。",
        )
    )
