"""Parts of the report's own — ones neither structure of the time has (平潭县地税局 2013 prints
"四、审批事项及处理情况" between its 依申请公开 and its 复议诉讼 parts): ``[extra]``, and ``[extra_2]`` …
``[extra_5]`` for a report with several.

Its heading is the printed one (required: the part has no standard title); it is numbered by position like the
other parts.  It prints where the format's order puts it (after 其他需要报告的事项) unless the report gives its
own order with ``sections = [...]``, which is how a transcription places it as published.
"""

from __future__ import annotations

from dataclasses import replace

from compiler import hookimpl
from compiler.model.schema import Field, Schema
from plugins.legacy.part import part

HEADING = Field(
    "heading", "str", required=True, description="该部分印出的标题（不含序号）", example="审批事项及处理情况"
)


#: the keys of a report's own parts, in the order they print unless ``sections`` says otherwise: ``[extra]``, and
#: for a report with more of them (高青县人民政府办公室 2015 prints 组织领导和制度建设情况, 发布解读、回应社会关切
#: 以及互动交流情况 and 重点领域政府信息公开情况 before its 主动公开 part) ``[extra_2]`` … ``[extra_5]``
OWN_PARTS = ("extra", "extra_2", "extra_3", "extra_4", "extra_5")


@hookimpl
def gongkai_register_sections(register):
    for n, key in enumerate(OWN_PARTS, start=1):
        which = "" if n == 1 else f"（第{n}个）"
        section = part(
            key,
            f"本报告自有的部分{which}",
            description=f"格式之外、报告自有的一个部分{which}（须写 heading；用 sections = [...] 排到印出的位置）",
            text_example="正文。",
            required=False,
        )
        fields = tuple(f for f in section.schema.fields if f.name != "heading")
        register(replace(section, schema=Schema((HEADING, *fields), description=section.schema.description)))
