"""政府信息公开的收费及减免情况 — the fee part of the 2008 条例's own report structure (第三十二条（三）).

Most reports of 2008–2019 do not follow the nine-part 青岛 sample (the seed) but the list in the 2008 条例
itself: 主动公开, 依申请公开和不予公开, **收费及减免**, 行政复议和行政诉讼, 存在的主要问题及改进情况, 其他需要报告的
事项 — a part of its own for fees, between the applications and the appeals.  This part is that slot; a report
on the nine-part sample has no such part (fees go into 依申请公开 or 工作人员和费用支出), so it is not required and
its absence is never warned about.  The amounts are in 元, as these reports print them.
"""

from __future__ import annotations

from compiler import hookimpl
from compiler.model.schema import Field
from plugins.legacy.part import part

FIELDS = (
    Field("collected", "money", description="收取的检索、复制、邮寄等费用（元）", example=None),
    Field("waived", "money", description="减免的费用（元）", example=None),
)


@hookimpl
def gongkai_register_sections(register):
    register(
        part(
            "fee",
            "政府信息公开的收费及减免情况",
            fields=FIELDS,
            description="政府信息公开的收费及减免情况（2008年条例第三十二条（三）；九部分样本没有这一部分）",
            text_example="本年度未收取政府信息公开检索、复制、邮寄等费用。",
            required=False,
        )
    )
