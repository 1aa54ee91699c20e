"""八、其他需要报告的事项 — narrative only; "无" when there is nothing to report."""

from __future__ import annotations

from compiler import hookimpl
from plugins.legacy.part import part


@hookimpl
def gongkai_register_sections(register):
    register(part("other", "其他需要报告的事项", description="其他需要报告的事项（没有则写“无”）", text_example="无"))
